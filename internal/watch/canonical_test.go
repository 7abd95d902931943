package watch

import "testing"

func TestCanonical(t *testing.T) {
	for _, c := range []struct{ page, want string }{
		{`<html><head><link rel="canonical" href="/news/budget#top"></head><body></body></html>`, "https://example.com/news/budget"},
		{`<head><LINK REL="Canonical alternate" HREF="https://other.example/a"></head>`, "https://other.example/a"},
		{`<head><link rel="stylesheet" href="/s.css"></head>`, ""},
		{`<body><link rel="canonical" href="/late"></body>`, ""}, // only the head counts
		{`<head><link rel="canonical" href="javascript:alert(1)"></head>`, ""},
		{`not html at all`, ""},
	} {
		if got := Canonical([]byte(c.page), "https://example.com/x/y"); got != c.want {
			t.Errorf("Canonical(%q) = %q, want %q", c.page, got, c.want)
		}
	}
}
