package article

import "strings"

// titleSeparators divide a page's <title> into the headline and what a
// site appends to it: "Headline | Author", "Headline - Site".
var titleSeparators = []string{" | ", " – ", " — ", " - ", " · "}

// headline is a page title without a last part that only repeats the
// byline or the site's name ("… whale strandings | Eleanor Ainge Roy" on
// the Guardian): the page's other metadata says what that part is, so no
// guess about which words look like a name is needed. A title that would
// be left empty is kept whole.
func headline(title, byline, site string) string {
	for {
		cut := false
		for _, sep := range titleSeparators {
			i := strings.LastIndex(title, sep)
			if i <= 0 {
				continue
			}
			last := strings.TrimSpace(title[i+len(sep):])
			if sameName(last, byline) || sameName(last, site) || sameName("the "+last, site) {
				title, cut = strings.TrimSpace(title[:i]), true
				break
			}
		}
		if !cut {
			return title
		}
	}
}

// sameName reports whether a title's part names the byline or the site,
// letter case and a leading "By" aside.
func sameName(part, name string) bool {
	name = strings.TrimSpace(name)
	if len(name) >= 3 && strings.EqualFold(name[:3], "by ") {
		name = strings.TrimSpace(name[3:])
	}
	return name != "" && strings.EqualFold(part, name)
}
