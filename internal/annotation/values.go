package annotation

import (
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Compiled at first use: package init delays the page's first screen.
var iriScheme = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`) })

// isIRI reports whether s is an absolute IRI: a scheme, then at least one
// character, none of them spaces, controls or the ASCII characters RFC 3987
// forbids (<>"{}|\^`), with well-formed %-escapes. Non-ASCII letters are
// allowed (IRIs, not only URIs).
func isIRI(s string) bool {
	m := iriScheme().FindStringIndex(s)
	if m == nil || m[1] == len(s) {
		return false
	}
	for _, r := range s {
		if r <= ' ' || r == 0x7f || (r >= 0x80 && r <= 0x9f) || strings.ContainsRune("<>\"{}|\\^`", r) {
			return false
		}
	}
	_, err := url.Parse(s) // catches bad %-escapes and malformed hosts
	return err == nil
}

// Compiled at first use: package init delays the page's first screen.
var dateTimeShape = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$`)
})

// isDateTime reports whether s is an RFC 3339 date-time (which is also an
// xsd:dateTime with a time zone), as the W3C model requires for created,
// modified, generated and sourceDate.
func isDateTime(s string) bool {
	if !dateTimeShape().MatchString(s) {
		return false
	}
	_, err := time.Parse(time.RFC3339Nano, strings.ToUpper(s))
	return err == nil
}

// isDate reports whether s is a calendar date YYYY-MM-DD.
func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil && len(s) == len(time.DateOnly)
}

// formatTime writes t as the W3C model wants it: xsd:dateTime in UTC, to
// the second.
func formatTime(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05Z")
}

// parseTime reads an RFC 3339 date-time into UTC, to the second, the
// precision Redline keeps.
func parseTime(s string) (time.Time, bool) {
	if !isDateTime(s) {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, strings.ToUpper(s))
	return t.UTC().Truncate(time.Second), err == nil
}

// sourceDateTime turns a revision date into the xsd:dateTime a TimeState
// needs: a bare date becomes midnight UTC; a date-time is kept as written.
func sourceDateTime(d string) string {
	if isDate(d) {
		return d + "T00:00:00Z"
	}
	return d
}

// revisionDate is the inverse of sourceDateTime: midnight UTC reads back as
// the bare date, anything else is kept as written.
func revisionDate(dt string) string {
	if d, ok := strings.CutSuffix(dt, "T00:00:00Z"); ok && isDate(d) {
		return d
	}
	return dt
}
