package webserver

import (
	"strconv"
	"strings"
)

// accepts reports whether an Accept-Encoding header value allows coding:
// named with a non-zero q, or covered by "*" with a non-zero q.
func accepts(header, coding string) bool {
	star := false
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != coding && name != "*" {
			continue
		}
		ok := qualityAllows(params)
		if name == coding {
			return ok
		}
		star = ok
	}
	return star
}

// qualityAllows parses ";q=0.5"-style parameters: q=0 refuses the coding.
func qualityAllows(params string) bool {
	for p := range strings.SplitSeq(params, ";") {
		k, v, found := strings.Cut(strings.TrimSpace(p), "=")
		if !found || strings.ToLower(strings.TrimSpace(k)) != "q" {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return err == nil && q > 0
	}
	return true
}
