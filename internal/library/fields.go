package library

import (
	"strings"

	"github.com/redline-news/redline/internal/annotation"
)

// EditFields are the fields of an annotation a reader edits, by the name
// the editor and its saved drafts use.
var EditFields = []string{"kind", "speaker", "verdict", "tags", "note"}

// Field is the value of one of EditFields as a form shows it (tags joined
// by ", "), and whether the name is one.
func (p Placed) Field(name string) (string, bool) {
	switch name {
	case "kind":
		return string(p.Kind), true
	case "speaker":
		return p.Speaker, true
	case "verdict":
		return string(p.Verdict), true
	case "tags":
		return strings.Join(p.Tags, ", "), true
	case "note":
		return p.Note, true
	}
	return "", false
}

// FieldEdit is the edit that sets one of EditFields to the value a form
// holds (tags separated by commas); false for an unknown field.
func FieldEdit(name, value string) (Edit, bool) {
	switch name {
	case "kind":
		k := annotation.Kind(value)
		return Edit{Kind: &k}, true
	case "speaker":
		return Edit{Speaker: &value}, true
	case "verdict":
		v := annotation.Verdict(value)
		return Edit{Verdict: &v}, true
	case "tags":
		tags := strings.Split(value, ",")
		return Edit{Tags: &tags}, true
	case "note":
		return Edit{Note: &value}, true
	}
	return Edit{}, false
}
