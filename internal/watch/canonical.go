package watch

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// Canonical returns the absolute URL of a page's <link rel=canonical>
// (resolved against base, the URL the page came from), or "" when it has
// none, or none that is an http(s) URL. Only the head is read.
func Canonical(page []byte, base string) string {
	b, err := url.Parse(base)
	if err != nil {
		return ""
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "link":
				if href := canonicalHref(z, hasAttr); href != "" {
					u, err := b.Parse(strings.TrimSpace(href))
					if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
						return ""
					}
					u.Fragment = ""
					return u.String()
				}
			}
		}
	}
}

func canonicalHref(z *html.Tokenizer, more bool) string {
	var rel, href string
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		switch string(k) {
		case "rel":
			rel = string(v)
		case "href":
			href = string(v)
		}
	}
	for _, r := range strings.Fields(strings.ToLower(rel)) {
		if r == "canonical" {
			return href
		}
	}
	return ""
}
