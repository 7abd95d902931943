package corecall

import (
	"reflect"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/anchor"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/revision"
	"github.com/redline-news/redline/internal/span"
)

func TestRequestRoundTrip(t *testing.T) {
	for _, r := range []Request{
		{ID: 1, Parse: &ParseRequest{Name: "a.html", Data: []byte("<p>\x00 bytes, not text</p>")}},
		{ID: 2, Compare: &CompareRequest{Old: "a b", New: "a c", Annotations: []annotation.Annotation{{ID: "urn:uuid:1", Kind: annotation.KindQuote, Tags: []string{"x"}}}}},
		{ID: 1 << 60, Suggest: &SuggestRequest{Text: "“Quote,” she said."}},
	} {
		data, err := EncodeRequest(r)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeRequest(data)
		if err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		if !reflect.DeepEqual(got, r) {
			t.Errorf("round trip of %s: %+v, want %+v", data, got, r)
		}
	}
}

func TestResponseRoundTrip(t *testing.T) {
	for _, r := range []Response{
		{ID: 3, Error: "a.html: input is too large to be an article"},
		{ID: 0, Error: "the core could not start"},
		{ID: 4, Parsed: &Parsed{Title: "T", Date: "2025-03-23", Text: "Body."}},
		{ID: 5, Compared: &Compared{Diff: revision.Compute("a b", "a c").Wire(), Results: []CarriedWire{{ID: "x", Status: annotation.StatusChanged, New: span.Span{Start: 2, End: 3}, Before: new(string), Selector: &anchor.Selector{Position: &anchor.TextPosition{Start: 2, End: 3}}}}}},
		{ID: 6, Found: &Found{Findings: []Finding{{Kind: annotation.KindClaim, Span: span.Span{Start: 0, End: 9}, Score: 0.5}}}},
		{ID: 7, Written: &Written{Data: []byte("{\n  \"type\": \"AnnotationCollection\"\n}\n")}},
		{ID: 8, Written: &Written{Data: []byte("not UTF-8: \xff\xfe")}},
		{ID: 9, Written: &Written{}},
	} {
		data, err := EncodeResponse(r)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeResponse(data)
		if err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		if !reflect.DeepEqual(got, r) {
			t.Errorf("round trip of %s: %+v, want %+v", data, got, r)
		}
	}
}

// Malformed messages are refused with a clear error, never half obeyed.
func TestDecodeRefuses(t *testing.T) {
	requests := map[string]string{
		"not JSON":   `{"id":`,
		"no id":      `{"suggest":{"text":"a"}}`,
		"no call":    `{"id":1}`,
		"two calls":  `{"id":1,"suggest":{"text":"a"},"parse":{"name":"a","data":""}}`,
		"bad bytes":  `{"id":1,"parse":{"name":"a","data":"!!"}}`,
		"wrong type": `{"id":"1","suggest":{"text":"a"}}`,
	}
	for name, data := range requests {
		if _, err := DecodeRequest([]byte(data)); err == nil || !strings.HasPrefix(err.Error(), "core request") {
			t.Errorf("request %s: err = %v", name, err)
		}
	}
	responses := map[string]string{
		"not JSON":          `[`,
		"no answer":         `{"id":1}`,
		"two answers":       `{"id":1,"parsed":{"text":""},"found":{"findings":[]}}`,
		"error and answer":  `{"id":1,"error":"x","parsed":{"text":""}}`,
		"answer without id": `{"parsed":{"text":""}}`,
		"file missing":      `{"id":1,"written":{"after":true}}`,
		"file twice":        "{\"id\":1,\"written\":{\"data\":\"YQ==\",\"after\":true}}\nb",
		"bytes after":       "{\"id\":1,\"parsed\":{\"text\":\"\"}}\nb",
		"ops cut short":     `{"id":1,"compared":{"diff":{"ops":null,"stats":{}},"results":[],"packedOps":[0,0,1,0]}}`,
		"op of no kind":     `{"id":1,"compared":{"diff":{"ops":null,"stats":{}},"results":[],"packedOps":[3,0,1,0,1]}}`,
		"ops twice":         `{"id":1,"compared":{"diff":{"ops":[],"stats":{}},"results":[],"packedOps":[0,0,1,0,1]}}`,
		"results no list":   `{"id":1,"compared":{"diff":{"ops":[],"stats":{}},"results":{"id":"a"}}}`,
		"result no object":  `{"id":1,"compared":{"diff":{"ops":[],"stats":{}},"results":[{"id":"a"},7]}}`,
		"results missing":   "{\"id\":1,\"compared\":{\"diff\":{\"stats\":{}},\"results\":null,\"resultsAfter\":2}}\n{\"id\":\"a\"}",
		"results extra":     "{\"id\":1,\"compared\":{\"diff\":{\"stats\":{}},\"results\":null,\"resultsAfter\":1}}\n{\"id\":\"a\"}\n{\"id\":\"b\"}",
		"results twice":     "{\"id\":1,\"compared\":{\"diff\":{\"stats\":{}},\"results\":[{\"id\":\"a\"}],\"resultsAfter\":1}}\n{\"id\":\"a\"}",
		"results minus":     `{"id":1,"compared":{"diff":{"stats":{}},"results":null,"resultsAfter":-1}}`,
		"result cut":        "{\"id\":1,\"compared\":{\"diff\":{\"stats\":{}},\"results\":null,\"resultsAfter\":1}}\n{\"id\":",
	}
	for name, data := range responses {
		if _, err := DecodeResponse([]byte(data)); err == nil || !strings.HasPrefix(err.Error(), "core response") {
			t.Errorf("response %s: err = %v", name, err)
		}
	}
	if _, err := EncodeRequest(Request{ID: 1}); err == nil {
		t.Error("EncodeRequest of no call succeeded")
	}
}

// FuzzDecode: the decoders never panic, and what they accept encodes
// again and decodes to the same message.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		`{"id":1,"suggest":{"text":"a"}}`,
		`{"id":2,"compare":{"old":"a","new":"b","annotations":[{"ID":"x"}]}}`,
		`{"id":3,"parse":{"name":"a.md","data":"IyBU"}}`,
		`{"id":4,"compared":{"diff":{"ops":[{"op":"equal","old":{"start":0,"end":1},"new":{"start":0,"end":1}}],"stats":{}},"results":[]}}`,
		`{"id":0,"error":"down"}`,
		`{"id":6,"compared":{"diff":{"ops":null,"stats":{}},"results":[{"id":"a","status":"intact","old":{"start":0,"end":1},"new":{"start":0,"end":1}}],"packedOps":[0,0,1,0,1]}}`,
		"{\"id\":7,\"compared\":{\"diff\":{\"ops\":null,\"stats\":{}},\"results\":null,\"packedOps\":[0,0,1,0,1],\"resultsAfter\":2}}\n{\"id\":\"a\",\"status\":\"intact\",\"old\":{\"start\":0,\"end\":1},\"new\":{\"start\":0,\"end\":1}}\n{\"id\":\"b\"}",
		"{\"id\":5,\"written\":{\"after\":true}}\n{}",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if r, err := DecodeRequest(data); err == nil {
			again, err := EncodeRequest(r)
			if err != nil {
				t.Fatalf("accepted request does not encode: %v", err)
			}
			if r2, err := DecodeRequest(again); err != nil || !reflect.DeepEqual(r, r2) {
				t.Fatalf("request round trip: %v\n%+v\n%+v", err, r, r2)
			}
		}
		if r, err := DecodeResponse(data); err == nil {
			if _, err := EncodeResponse(r); err != nil {
				t.Fatalf("accepted response does not encode: %v", err)
			}
		}
	})
}

// A written text file crosses after the JSON as it is, not in base64.
func TestWrittenTextFollowsTheJSON(t *testing.T) {
	file := "{\n  \"label\": \"“Quote” & more\"\n}\n"
	data, err := EncodeResponse(Response{ID: 1, Written: &Written{Data: []byte(file)}})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"id":1,"written":{"after":true}}` + "\n" + file; string(data) != want {
		t.Errorf("encoded %q, want %q", data, want)
	}
}

// A diff's ops cross as five numbers each, and come back as they were.
func TestDiffOpsCrossPacked(t *testing.T) {
	d := revision.Compute("one two three", "one four three five")
	data, err := EncodeResponse(Response{ID: 1, Compared: &Compared{Diff: d.Wire()}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), `"op":`) || !strings.Contains(string(data), `"packedOps":[0,0,4,0,4,`) {
		t.Errorf("ops not packed: %s", data)
	}
	got, err := DecodeResponse(data)
	if err != nil || !reflect.DeepEqual(got.Compared.Diff.Ops, d.Ops) || got.Compared.PackedOps != nil {
		t.Errorf("ops came back as %+v (%v), want %+v", got.Compared, err, d.Ops)
	}
	if ops, ok := packOps([]revision.Op{{Kind: "other"}}); ok || ops != nil {
		t.Errorf("an op of an unknown kind was packed: %v", ops)
	}
}
