package annotation

import (
	"fmt"
	"strings"

	"github.com/redline-news/redline/internal/anchor"
)

// DecodeError lists the problems that stopped Decode.
type DecodeError struct {
	// Problems lists the first MaxProblems problems found; when there
	// were more, a last problem at "$" says how many were left out.
	Problems []Problem
	// Omitted is how many problems were found but not listed.
	Omitted int
}

func newDecodeError(l problemList) *DecodeError {
	return &DecodeError{Problems: l.result(), Omitted: l.omitted}
}

// Count is how many problems were found, listed or not.
func (e *DecodeError) Count() int {
	if e.Omitted > 0 {
		return len(e.Problems) - 1 + e.Omitted // less the line that counts them
	}
	return len(e.Problems)
}

func (e *DecodeError) Error() string {
	if e.Count() == 1 {
		return e.Problems[0].String()
	}
	return fmt.Sprintf("%s (and %d more problems)", e.Problems[0], e.Count()-1)
}

// Decode reads annotations written by Redline or by other W3C tools
// (Hypothesis's JSON-LD, Recogito, …): a single Annotation, an array of
// them, an AnnotationPage, or an AnnotationCollection with its first page
// embedded. It accepts only what Validate accepts, and also what Redline
// can use: every annotation needs one target with a source and a
// TextQuoteSelector or TextPositionSelector (other selectors are ignored),
// and must pass Annotation.Validate. On failure it returns a *DecodeError
// listing the problems (see MaxProblems); no annotations are returned then. doc.go tells
// how bodies from other tools map onto Redline's fields.
func Decode(data []byte) ([]Annotation, error) {
	tree, problems := parseJSON(data)
	if tree == nil {
		return nil, newDecodeError(problems)
	}
	c := check(tree)
	problems.addAll(c.problems)
	problems.addAll(c.unusable)
	var anns []Annotation
	for _, f := range c.found {
		if !f.valid {
			continue // its W3C problems are already listed
		}
		a, ps := fromJSON(f.at, f.obj)
		for _, p := range ps {
			problems.addProblem(p)
		}
		anns = append(anns, a)
	}
	if problems.count() > 0 {
		return nil, newDecodeError(problems)
	}
	return anns, nil
}

// fromJSON maps one W3C-valid annotation object onto the model, with the
// problems that keep Redline from using it.
func fromJSON(at *path, o object) (Annotation, []Problem) {
	a := Annotation{ID: firstString(o["id"])}
	var problems []Problem
	a.readBodies(o)
	a.Created, _ = parseTime(firstString(o["created"]))
	a.Modified, _ = parseTime(firstString(o["modified"]))
	a.Creator = agentName(o["creator"])
	a.Via = firstString(o["via"])
	if gen := agentID(o["generator"]); gen == suggesterPrefix || strings.HasPrefix(gen, suggesterPrefix+":") {
		a.Suggested = true
		a.Suggester = strings.TrimPrefix(strings.TrimPrefix(gen, suggesterPrefix), ":")
	}
	a.Status = Status(firstString(o[keyStatus]))
	a.Before = firstString(o[keyBefore])
	a.Revision = firstString(o[keyRevision])
	a.Moved, _ = o[keyMoved].(bool)
	target, p := readTarget(at.field("target"), o["target"])
	a.Target = target
	problems = append(problems, p...)
	if len(problems) == 0 {
		for _, msg := range a.problems() {
			problems = append(problems, Problem{at.String(), msg})
		}
	}
	return a, problems
}

// readBodies maps textual bodies by purpose: the first tagging body, when
// it names a kind, is the kind, and the other tagging or classifying
// bodies are tags; identifying is the speaker; assessing with a Redline
// verdict is the verdict; anything else with text (commenting, describing,
// no purpose, bodyValue, an assessment in words) joins the note. Bodies
// without text (links to other resources) have no place in the model.
func (a *Annotation) readBodies(o object) {
	var tags, notes []string
	for _, b := range list(o["body"]) {
		body, ok := b.(object)
		value, hasText := body["value"].(string)
		if !ok || !hasText {
			continue
		}
		switch purpose := firstString(body["purpose"]); purpose {
		case purposeTagging, "classifying":
			tags = append(tags, value)
		case purposeIdentifying:
			if a.Speaker == "" {
				a.Speaker = value
			}
		case purposeAssessing:
			if v := Verdict(value); v != VerdictNone && v.Known() && a.Verdict == VerdictNone {
				a.Verdict = v
				continue
			}
			notes = append(notes, value)
		default:
			notes = append(notes, value)
		}
	}
	if v, ok := o["bodyValue"]; ok {
		notes = append(notes, firstString(v))
	}
	if len(tags) > 0 && knownKind(Kind(tags[0])) {
		a.Kind, tags = Kind(tags[0]), tags[1:]
	} else if a.Verdict != VerdictNone {
		a.Kind = KindClaim
	} else {
		a.Kind = KindNote
	}
	seen := map[string]bool{}
	for _, t := range tags {
		if strings.TrimSpace(t) != "" && !seen[t] {
			a.Tags = append(a.Tags, t)
			seen[t] = true
		}
	}
	var kept []string
	for _, n := range notes {
		if strings.TrimSpace(n) != "" {
			kept = append(kept, n)
		}
	}
	a.Note = strings.Join(kept, "\n\n")
}

// readTarget reads the one target Redline can anchor: a source with a
// TextQuoteSelector and/or a TextPositionSelector, and an optional
// TimeState giving the revision's date.
func readTarget(at *path, v any) (Target, []Problem) {
	targets := list(v)
	if len(targets) != 1 {
		return Target{}, []Problem{{at.String(), fmt.Sprintf("Redline annotations have exactly one target; this one has %d", len(targets))}}
	}
	if _, isArray := v.([]any); isArray {
		at = at.at(0)
	}
	o, ok := targets[0].(object)
	_, hasSource := o["source"]
	if !ok || !hasSource {
		return Target{}, []Problem{{at.String(), "the target names a whole resource, with no source and selector: Redline needs a TextQuoteSelector or TextPositionSelector to place it in the text"}}
	}
	t := Target{Source: firstString(o["source"])}
	if src, ok := o["source"].(object); ok {
		t.Source = firstString(src["id"])
	}
	for _, s := range list(o["state"]) {
		if st, ok := s.(object); ok && hasType(st, "TimeState") && t.SourceDate == "" {
			t.SourceDate = revisionDate(firstString(st["sourceDate"]))
		}
	}
	t.Selector = readSelectors(o["selector"])
	if t.Selector.Quote == nil && t.Selector.Position == nil {
		return t, []Problem{{at.String(), "no TextQuoteSelector or TextPositionSelector: Redline cannot place this annotation in the text (other selectors are ignored)"}}
	}
	return t, nil
}

// readSelectors takes the first quote and the first position among the
// target's own selectors; those nested in refinedBy or a RangeSelector
// count from an element, not from the start of the text, so they are not
// Redline's.
func readSelectors(v any) anchor.Selector {
	var sel anchor.Selector
	for _, s := range list(v) {
		o, ok := s.(object)
		if !ok {
			continue
		}
		if exact := firstString(o["exact"]); hasType(o, "TextQuoteSelector") && exact != "" && sel.Quote == nil {
			sel.Quote = &anchor.TextQuote{Exact: exact, Prefix: firstString(o["prefix"]), Suffix: firstString(o["suffix"])}
		}
		if hasType(o, "TextPositionSelector") && sel.Position == nil {
			start, _ := offset(o["start"])
			end, _ := offset(o["end"])
			sel.Position = &anchor.TextPosition{Start: start, End: end}
		}
	}
	return sel
}

// list returns the values of a property that may hold one value or an array.
func list(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

// firstString is the first string value of a property, or "".
func firstString(v any) string {
	for _, x := range list(v) {
		if s, ok := x.(string); ok {
			return s
		}
	}
	return ""
}

// agentName is a display name for the first agent: its name, or its IRI.
func agentName(v any) string {
	agents := list(v)
	if len(agents) == 0 {
		return ""
	}
	if o, ok := agents[0].(object); ok {
		if name := firstString(o["name"]); name != "" {
			return name
		}
		return firstString(o["id"])
	}
	return firstString(agents[0])
}

// agentID is the IRI of the first agent.
func agentID(v any) string {
	agents := list(v)
	if len(agents) == 0 {
		return ""
	}
	if o, ok := agents[0].(object); ok {
		return firstString(o["id"])
	}
	return firstString(agents[0])
}
