package migrate

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/redline-news/redline/internal/span"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenQuotes are annotations a reader might have made on the sample
// article, one per kind of fate in its next revision.
var goldenQuotes = []quoteAt{
	{"Vladimir Putin prayed for Donald Trump", 0},
	{"according to US special envoy Steve Witkoff", 0},
	{"Speaking on Tucker Carlson’s podcast", 0},
	{"“friend.”", 0},
	{"calling him “super smart” and not “a bad guy.”", 0},
	{"super smart", 0},
	{"Read more: After Trump request, Putin says he will let Ukraine troops in Kursk live if they surrender", 0},
	{"He emphasised the importance of communication in resolving conflicts", 0},
	{"These territories, along with Crimea, were annexed by Russia", 0},
	{"the elephant in the room", 0},
	{"Volodymyr Zelenskyy", 0},
	{"Vladimir Putin prayed for", 1},
	{"future negotiations.", 0},
}

// TestMigrateGolden migrates goldenQuotes from the sample article to its
// revision and compares a report of every result with
// testdata/putin-prayed.golden.json (go test -update rewrites it).
func TestMigrateGolden(t *testing.T) {
	oldText, newText := sampleText(t), canonicalText(t, revisionPath)
	anns := annotate(t, oldText, goldenQuotes)
	type line struct {
		ID     string    `json:"id"`
		Status string    `json:"status"`
		Before string    `json:"before"`
		After  string    `json:"after"`
		Old    span.Span `json:"old"`
		New    span.Span `json:"new"`
	}
	var report []line
	for _, r := range Migrate(oldText, newText, nil, anns) {
		report = append(report, line{ID: r.ID, Status: string(r.Status), Before: r.Before, After: r.After, Old: r.Old, New: r.New})
	}
	checkGolden(t, "testdata/putin-prayed.golden.json", report)
}

// checkGolden compares v, as indented JSON, with the golden file at path
// (go test -update rewrites it).
func checkGolden(t *testing.T, path string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it); got:\n%s", path, got)
	}
}
