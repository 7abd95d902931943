package protocol

import (
	"net/http"
	"strconv"
	"strings"
)

// etag is the strong entity tag of a representation: the store's change
// sequence number of the last write it reflects, plus the variant (a
// container's view and page) so that two representations never share one.
func etag(seq int64, variant string) string {
	return `"` + strconv.FormatInt(seq, 10) + variant + `"`
}

// tags splits an If-Match or If-None-Match header into entity tags.
func tags(r *http.Request, header string) []string {
	var out []string
	for _, line := range r.Header.Values(header) {
		for _, t := range strings.Split(line, ",") {
			if t = strings.TrimSpace(t); t != "" {
				out = append(out, t)
			}
		}
	}
	return out
}

// matches reports whether current is among the tags ("*" matches any).
// If-Match uses the strong comparison (RFC 9110 §13.1.1): a weak tag
// never matches; If-None-Match the weak one.
func matches(list []string, current string, weak bool) bool {
	for _, t := range list {
		if t == "*" {
			return true
		}
		if weak {
			t = strings.TrimPrefix(t, "W/")
		}
		if t == current {
			return true
		}
	}
	return false
}
