package ui

import (
	"net/http"
	"strings"
)

// resources serves /web/… from root/web and resolves every local asset to
// an absolute /web/… URL. go-app's LocalDir puts the directory name into
// the URL ("./web/app.wasm"), which breaks on any page deeper than "/" and
// when the server runs from another directory.
type resources struct {
	http.Handler
}

func newResources(root string) resources {
	return resources{http.FileServer(http.Dir(root))}
}

// Resolve follows go-app's rules: "/" stays, remote URLs and non-web paths
// pass through, web paths become absolute.
func (resources) Resolve(location string) string {
	switch {
	case location == "" || location == "/":
		return "/"
	case strings.HasPrefix(location, "https://") || strings.HasPrefix(location, "http://"):
		return location
	case location == "web" || location == "/web" || strings.HasPrefix(location, "web/") || strings.HasPrefix(location, "/web/"):
		return "/" + strings.Trim(location, "/")
	default:
		return location
	}
}
