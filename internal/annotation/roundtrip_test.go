package annotation

import (
	"encoding/json"
	"reflect"
	"testing"
)

// sameAnnotations fails the test with both sides printed when got != want.
func sameAnnotations(t *testing.T, got, want []Annotation) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, _ := json.MarshalIndent(got, "", "  ")
	w, _ := json.MarshalIndent(want, "", "  ")
	t.Errorf("annotations differ\n--- got ---\n%s\n--- want ---\n%s", g, w)
}

func TestCollectionRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		anns []Annotation
	}{
		{"all fixtures", fixtures()},
		{"one", fixtures()[:1]},
		{"migrated only", fixtures()[5:]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := MarshalCollection("Round trip 😀", tt.anns)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Decode(data)
			if err != nil {
				t.Fatalf("Decode: %v\n%s", err, data)
			}
			sameAnnotations(t, got, tt.anns)
		})
	}
}

func TestEmptyCollectionRoundTrip(t *testing.T) {
	data, err := MarshalCollection("", nil)
	if err != nil {
		t.Fatal(err)
	}
	if p := Validate(data); p != nil {
		t.Fatalf("empty collection is invalid: %v", p)
	}
	got, err := Decode(data)
	if err != nil || len(got) != 0 {
		t.Fatalf("Decode = %v, %v; want no annotations", got, err)
	}
}

func TestAnnotationRoundTrip(t *testing.T) {
	for _, a := range fixtures() {
		data, err := MarshalAnnotation(a)
		if err != nil {
			t.Fatal(err)
		}
		if p := Validate(data); p != nil {
			t.Errorf("%s: exported annotation is invalid: %v", a.ID, p)
		}
		got, err := Decode(data)
		if err != nil {
			t.Fatalf("%s: Decode: %v", a.ID, err)
		}
		sameAnnotations(t, got, []Annotation{a})
	}
}

func TestCollectionGolden(t *testing.T) {
	data, err := MarshalCollection("Putin prayed — 2025-03-23", fixtures())
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "golden/collection.jsonld", data)
}

func TestMarshalRefusesInvalid(t *testing.T) {
	good := fixtures()[0]
	bad := good
	bad.Verdict = VerdictFalse // a verdict on a quote
	if _, err := MarshalAnnotation(bad); err == nil {
		t.Error("MarshalAnnotation accepted a verdict on a quote")
	}
	if _, err := MarshalCollection("", []Annotation{good, good}); err == nil {
		t.Error("MarshalCollection accepted the same id twice")
	}
}
