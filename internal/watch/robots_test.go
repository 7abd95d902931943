package watch

import "testing"

func TestRobots(t *testing.T) {
	const txt = `# example
User-agent: Googlebot
Disallow: /

User-agent: *
Disallow: /private/
Allow: /private/open$
Disallow: /*.pdf$
Disallow: /search*q=

Sitemap: https://example.com/sitemap.xml
`
	r := ParseRobots([]byte(txt))
	for path, want := range map[string]bool{
		"/": true, "/news/budget": true, "/private/x": false, "/private/open": true, "/private/open/more": false,
		"/a/b.pdf": false, "/a/b.pdf?x=1": true, "/search?q=1": false, "/search": true, "/robots.txt": true,
	} {
		if got := r.Allowed(path); got != want {
			t.Errorf("Allowed(%q) = %v, want %v", path, got, want)
		}
	}
	mine := ParseRobots([]byte("User-agent: *\nDisallow: /\n\nUser-agent: Redline\nUser-agent: other\nDisallow: /drafts\n"))
	if !mine.Allowed("/news") || mine.Allowed("/drafts/1") {
		t.Error("the group naming Redline must win over *")
	}
	if !ParseRobots([]byte("User-agent: *\nDisallow:\n")).Allowed("/x") {
		t.Error("an empty Disallow allows everything")
	}
	if !ParseRobots(nil).Allowed("/x") || (Robots{disallowAll: true}).Allowed("/x") {
		t.Error("no robots.txt allows; an unreachable one disallows")
	}
}

func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /a*b*c$\n"), "/aXbYc")
	f.Add([]byte("User-agent: redline\nAllow: /\nDisallow: /*\n"), "/x")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		r := ParseRobots(data)
		r.Allowed(path) // must not panic, nor take long
	})
}

func FuzzCanonical(f *testing.F) {
	f.Add([]byte(`<html><head><link rel="canonical" href="/a"></head></html>`), "https://example.com/x")
	f.Fuzz(func(t *testing.T, page []byte, base string) {
		Canonical(page, base)
	})
}
