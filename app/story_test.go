package ui

import "testing"

// TestFileNameKeepsEveryScript is tester 1's bug 14: an export's file
// name kept only ASCII letters ("Māori" became "m-ori").
func TestFileNameKeepsEveryScript(t *testing.T) {
	for title, want := range map[string]string{
		"'What is the sea telling us?' Māori": "redline-what-is-the-sea-telling-us-māori",
		"Le Monde : l'été 2025":               "redline-le-monde-l-été-2025",
		"人工智能公司DeepMind":                      "redline-人工智能公司deepmind",
		"नमस्ते दुनिया":                       "redline-नमस्ते-दुनिया",
		"?!":                                  "redline-story",
	} {
		if got := fileName(title); got != want {
			t.Errorf("fileName(%q) = %q, want %q", title, got, want)
		}
	}
}
