package article

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestHeadline(t *testing.T) {
	tests := []struct{ title, byline, site, want string }{
		{"'What is the sea telling us?': Māori tribes fearful | Eleanor Ainge Roy", "Eleanor Ainge Roy", "the Guardian", "'What is the sea telling us?': Māori tribes fearful"},
		{"Whales return | Environment | The Guardian", "", "The Guardian", "Whales return | Environment"},
		{"Storm hits coast - BBC News", "By Ann Lee", "BBC News", "Storm hits coast"},
		{"Storm hits coast | Ann Lee | Guardian", "Ann Lee", "the Guardian", "Storm hits coast"},
		{"Rock - paper - scissors", "", "", "Rock - paper - scissors"},
		{"Ann Lee", "Ann Lee", "", "Ann Lee"},
		{"| Ann Lee", "Ann Lee", "", "| Ann Lee"},
		{"Budget - a guide", "Guide", "", "Budget - a guide"},
	}
	for _, tt := range tests {
		if got := headline(tt.title, tt.byline, tt.site); got != tt.want {
			t.Errorf("headline(%q, %q, %q) = %q, want %q", tt.title, tt.byline, tt.site, got, tt.want)
		}
	}
}

// TestGuardianTitleHasNoByline parses go-readability's saved Guardian
// page, whose <title> ends with the author's name.
func TestGuardianTitleHasNoByline(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "codeberg.org/readeck/go-readability/v2").Output()
	page := filepath.Join(strings.TrimSpace(string(out)), "test-pages", "guardian-1", "source.html")
	var data []byte
	if err == nil {
		data, err = os.ReadFile(page)
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skipf("go-readability's test pages are not in the module cache: %v", err)
	}
	a, err := Parse(data, FormatHTML)
	if err != nil {
		t.Fatal(err)
	}
	if want := "'What is the sea telling us?': Māori tribes fearful over whale strandings"; a.Title != want {
		t.Errorf("title %q, want %q", a.Title, want)
	}
	if a.Byline != "Eleanor Ainge Roy" {
		t.Errorf("byline %q", a.Byline)
	}
}
