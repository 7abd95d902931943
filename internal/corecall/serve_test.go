package corecall_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/core"
	"github.com/redline-news/redline/internal/corecall"
	"github.com/redline-news/redline/internal/interop"
	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/span"
)

// loopback is a Client whose requests travel as JSON to Serve with c and
// back, as they do to the worker.
func loopback(c corecall.Core) *corecall.Client {
	return &corecall.Client{Send: func(r corecall.Request) (corecall.Response, error) {
		data, err := corecall.EncodeRequest(r)
		if err != nil {
			return corecall.Response{}, err
		}
		req, err := corecall.DecodeRequest(data)
		if err != nil {
			return corecall.Response{}, err
		}
		out, err := corecall.EncodeResponse(corecall.Serve(c, req))
		if err != nil {
			return corecall.Response{}, err
		}
		return corecall.DecodeResponse(out)
	}}
}

// Through the message API, every call answers what the core answers in
// process.
func TestClientMatchesCore(t *testing.T) {
	direct, remote := core.Core{}, loopback(core.Core{})
	const text = "Title\n\n“We will not stop,” said Ana Pagonis, the minister. Prices rose 40 percent in 2024, more than in any year since 1990."
	const later = "Title\n\n“We will never stop,” said Ana Pagonis, the minister. Prices rose 40 percent in 2024."

	p1, err1 := direct.Parse("a.txt", []byte(text))
	p2, err2 := remote.Parse("a.txt", []byte(text))
	if err1 != nil || err2 != nil || p1 != p2 {
		t.Errorf("Parse: %+v %v, remote %+v %v", p1, err1, p2, err2)
	}
	if _, err := remote.Parse("bin.dat", []byte{0, 1, 2, 0, 0}); err == nil {
		t.Error("Parse of binary input succeeded through the client")
	}

	for _, m := range [][3]string{
		{"Check the quote.", "Check the quote. B6", "Check the quote. A6"},
		{"typed in A", "saved in B", "typed in A and more"},
	} {
		t1, ok1, err1 := direct.MergeNote(m[0], m[1], m[2])
		t2, ok2, err2 := remote.MergeNote(m[0], m[1], m[2])
		if err1 != nil || err2 != nil || t1 != t2 || ok1 != ok2 {
			t.Errorf("MergeNote%q: %q %v %v, remote %q %v %v", m, t1, ok1, err1, t2, ok2, err2)
		}
	}

	f1, _ := direct.Suggest(text)
	f2, err := remote.Suggest(text)
	if err != nil || !reflect.DeepEqual(f1, f2) || len(f1) == 0 {
		t.Errorf("Suggest: %+v, remote %+v %v", f1, f2, err)
	}

	quote := annotation.Annotation{ID: "urn:uuid:q", Kind: annotation.KindQuote}
	quote.Target.Selector.Quote = &anchor.TextQuote{Exact: "We will not stop"}
	d1, r1, _ := direct.Compare(p1.Text, later, []annotation.Annotation{quote})
	d2, r2, err := remote.Compare(p1.Text, later, []annotation.Annotation{quote})
	if err != nil {
		t.Fatal(err)
	}
	var w1, w2 strings.Builder
	revision.WriteText(&w1, d1)
	revision.WriteText(&w2, d2)
	if w1.String() != w2.String() || d1.Stats != d2.Stats {
		t.Errorf("Compare's diff differs through the client:\n%s\nwant\n%s", w2.String(), w1.String())
	}
	if len(r1) != 1 || r1[0].ID != r2[0].ID || r1[0].Status != r2[0].Status || r1[0].After != r2[0].After {
		t.Errorf("Compare's results: %+v, remote %+v", r1, r2)
	}

	carried := r1[0].Annotation
	carried.Target.Source = annotation.StorySource("x")
	carried.Created = time.Date(2025, 3, 24, 9, 0, 0, 0, time.UTC)
	carried.Modified = carried.Created
	anns := []annotation.Annotation{carried}
	j1, err := direct.MarshalCollection("T", anns)
	if err != nil {
		t.Fatal(err)
	}
	j2, err := remote.MarshalCollection("T", anns)
	if err != nil || string(j1) != string(j2) {
		t.Errorf("MarshalCollection through the client: %s %v, want %s", j2, err, j1)
	}
	rows := []interop.CSVRow{{Story: "T", RevisionDate: "2025-03-24", Annotation: anns[0]}}
	c1, _ := direct.WriteCSV(rows, interop.CSVOptions{Story: true})
	c2, err := remote.WriteCSV(rows, interop.CSVOptions{Story: true})
	if err != nil || string(c1) != string(c2) {
		t.Errorf("WriteCSV through the client: %q %v, want %q", c2, err, c1)
	}
	st := corecall.ExportStory{Title: "T", Date: "2025-03-24", Text: later, Name: "t"}
	e1, _ := direct.Export(interop.Brat, st, anns)
	e2, err := remote.Export(interop.Brat, st, anns)
	if err != nil || !reflect.DeepEqual(e1, e2) || len(e1) != 2 {
		t.Errorf("Export through the client: %+v %v, want %+v", e2, err, e1)
	}
}

// An annotation file read and placed through the message API gives what
// it gives in process, and a rejected one keeps every problem.
func TestClientReadsAndPlacesAnnotations(t *testing.T) {
	remote := loopback(core.Core{})
	const text = "One quote here. Another sentence."
	file, err := remote.ReadAnnotations([]byte(`{"text":"One quote here. Another sentence.","label":[[0,14,"quote"]]}`), "urn:redline:story:x")
	if err != nil {
		t.Fatal(err)
	}
	if file.Format != interop.Doccano || len(file.Items) != 1 {
		t.Fatalf("read %+v", file)
	}
	placed, unplaced, err := remote.PlaceAnnotations(text, file.Items)
	if err != nil || len(unplaced) > 0 || len(placed) != 1 || placed[0].Span.End != 14 {
		t.Errorf("placed %+v, unplaced %v, err %v", placed, unplaced, err)
	}
	_, err = remote.ReadAnnotations([]byte(`{"type":"Annotation"}`), "urn:redline:story:x")
	var rejected *interop.Error
	if !errors.As(err, &rejected) || len(rejected.Problems) == 0 {
		t.Errorf("a rejected file: err = %#v, want an *interop.Error with its problems", err)
	}
}

type failing struct{ corecall.Core }

func (failing) Suggest(string) ([]corecall.Finding, error) {
	return nil, errors.New("no suggestions today")
}
func (failing) Parse(string, []byte) (corecall.Parsed, error) { panic("parser bug") }

// An engine's error or panic comes back as the call's error; the client
// stays usable.
func TestServeErrors(t *testing.T) {
	c := loopback(failing{})
	if _, err := c.Suggest("x"); err == nil || err.Error() != "no suggestions today" {
		t.Errorf("Suggest err = %v", err)
	}
	if _, err := c.Parse("a", nil); err == nil || !strings.Contains(err.Error(), "parser bug") {
		t.Errorf("Parse err = %v", err)
	}
	if _, err := c.Suggest("y"); err == nil {
		t.Error("second call did not reach the core")
	}
	wrong := &corecall.Client{Send: func(r corecall.Request) (corecall.Response, error) {
		return corecall.Response{ID: r.ID + 1, Found: &corecall.Found{}}, nil
	}}
	if _, err := wrong.Suggest("z"); err == nil {
		t.Error("an answer to another call was taken")
	}
}

// A carried annotation travels back as where it went, not whole, nor with
// the words and selectors the page can work out from the texts, and the
// client rebuilds what the core migrated, its fields and tags its own.
func TestCompareAnswerCarriesPlacesNotWholeAnnotations(t *testing.T) {
	const text = "Title\n\n“We will not stop,” said Ana Pagonis, the minister. Prices rose 40 percent in 2024."
	const later = "Title\n\nPrices rose 40 percent in 2024. “We will never stop,” said Ana Pagonis, the minister."
	at := func(exact string) anchor.Selector {
		start := len([]rune(text[:strings.Index(text, exact)]))
		return anchor.Describe(anchor.NewText(text), span.Span{Start: start, End: start + len([]rune(exact))})
	}
	created := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	anns := []annotation.Annotation{
		{ID: "urn:uuid:q", Kind: annotation.KindQuote, Speaker: "Ana Pagonis", Tags: []string{"energy"}, Note: "check", Created: created, Modified: created, Target: annotation.Target{Selector: at("We will not stop")}},
		{ID: "urn:uuid:c", Kind: annotation.KindClaim, Created: created, Modified: created, Target: annotation.Target{Selector: at("Prices rose 40 percent")}},
	}
	req := corecall.Request{ID: 1, Compare: &corecall.CompareRequest{Old: text, New: later, Annotations: anns}}
	resp := corecall.Serve(core.Core{}, req)
	if resp.Compared == nil {
		t.Fatalf("no comparison: %+v", resp)
	}
	for _, r := range resp.Compared.Results {
		if r.Whole != nil || r.Selector != nil || r.Before != nil || r.After != nil {
			t.Errorf("%s travels with what the page can work out: %+v", r.ID, r)
		}
	}
	_, want, _ := core.Core{}.Compare(text, later, anns)
	_, got, err := loopback(core.Core{}).Compare(text, later, anns)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("through the client: %+v %v\nwant %+v", got, err, want)
	}
	got[0].Annotation.Tags[0] = "changed"
	if anns[0].Tags[0] != "energy" {
		t.Error("a carried annotation shares its tags with the one sent")
	}
}
