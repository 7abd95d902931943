package protocol

import (
	"mime"
	"net/http"
	"slices"
	"strings"
)

// Media types and vocabulary the protocol names.
const (
	Profile     = "http://www.w3.org/ns/anno.jsonld"
	ContentType = `application/ld+json; profile="` + Profile + `"`

	ldpBasicContainer = "http://www.w3.org/ns/ldp#BasicContainer"
	ldpResource       = "http://www.w3.org/ns/ldp#Resource"
	ldpConstrainedBy  = "http://www.w3.org/ns/ldp#constrainedBy"
	constraints       = "http://www.w3.org/TR/annotation-protocol/"
	ldpContext        = "http://www.w3.org/ns/ldp.jsonld"

	preferMinimal      = "http://www.w3.org/ns/ldp#PreferMinimalContainer"
	preferIRIs         = "http://www.w3.org/ns/oa#PreferContainedIRIs"
	preferDescriptions = "http://www.w3.org/ns/oa#PreferContainedDescriptions"
)

// acceptable reports whether the client's Accept header admits JSON-LD
// (or plain JSON, which it also is). No Accept header admits anything.
func acceptable(r *http.Request) bool {
	accept := r.Header.Values("Accept")
	if len(accept) == 0 {
		return true
	}
	for _, line := range accept {
		for _, item := range strings.Split(line, ",") {
			mt, params, err := mime.ParseMediaType(strings.TrimSpace(item))
			if err != nil || params["q"] == "0" || params["q"] == "0.0" || params["q"] == "0.000" {
				continue
			}
			switch mt {
			case "application/ld+json", "application/json", "application/*", "*/*":
				return true
			}
		}
	}
	return false
}

// jsonBody reports whether a request's Content-Type is JSON-LD or JSON.
func jsonBody(r *http.Request) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && (mt == "application/ld+json" || mt == "application/json")
}

// view is how a container lists its annotations.
type view int

const (
	viewDescriptions view = iota // full annotations (the default)
	viewIRIs                     // IRIs only
	viewMinimal                  // no annotations: just total, first and last
)

// preferredView reads a Prefer header such as
// return=representation;include="http://www.w3.org/ns/ldp#PreferMinimalContainer".
// The second result says whether a preference was found (and honoured).
func preferredView(r *http.Request) (view, bool) {
	for _, line := range r.Header.Values("Prefer") {
		for _, pref := range strings.Split(line, ",") {
			name, params, _ := strings.Cut(pref, ";")
			if strings.TrimSpace(name) != "return=representation" {
				continue
			}
			for _, p := range strings.Split(params, ";") {
				key, value, _ := strings.Cut(strings.TrimSpace(p), "=")
				if strings.TrimSpace(key) != "include" {
					continue
				}
				included := strings.Fields(strings.Trim(strings.TrimSpace(value), `"`))
				switch {
				case slices.Contains(included, preferMinimal):
					return viewMinimal, true
				case slices.Contains(included, preferIRIs):
					return viewIRIs, true
				case slices.Contains(included, preferDescriptions):
					return viewDescriptions, true
				}
			}
		}
	}
	return viewDescriptions, false
}
