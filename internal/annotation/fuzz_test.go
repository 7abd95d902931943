package annotation

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzDecode checks Decode never panics or hangs, and that whatever it
// accepts survives a write and a second read unchanged.
func FuzzDecode(f *testing.F) {
	for _, tc := range problemCases {
		f.Add([]byte(tc.json))
	}
	// Seeds from the W3C suite when it is there (see suiteDir); the fuzzer
	// runs on the others without it.
	for _, dir := range []string{filepath.Join("testdata", "decode"), filepath.Join(suiteDir, "tools", "samples", "correct"), filepath.Join(suiteDir, "tools", "samples", "incorrect")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	if data, err := MarshalCollection("seed", fixtures()); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		anns, err := Decode(data)
		if err != nil {
			return
		}
		out, err := MarshalCollection("fuzz", anns)
		if err != nil {
			t.Fatalf("decoded annotations do not marshal: %v", err)
		}
		again, err := Decode(out)
		if err != nil {
			t.Fatalf("re-decoding failed: %v\n%s", err, out)
		}
		sameAnnotations(t, again, anns)
	})
}

// FuzzDecodeLenient checks the lenient reader never panics, and that what
// it accepts is valid Redline annotations that write out as valid W3C.
func FuzzDecodeLenient(f *testing.F) {
	for _, tc := range problemCases {
		f.Add([]byte(tc.json))
	}
	f.Add([]byte(`[{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "#a", "type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector", "exact": "x"}}}, {"id": "#l", "type": "Annotation", "motivation": "linking", "target": [{"id": "#a"}]}]`))
	f.Add([]byte(`{"type": "Annotation", "target": {"source": "https://e.com", "selector": {"type": "TextQuoteSelector", "exact": "x"}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		anns, _, err := DecodeLenient(data, "urn:redline:story:s")
		if err != nil {
			return
		}
		out, err := MarshalCollection("fuzz", anns)
		if err != nil {
			t.Fatalf("decoded annotations do not marshal: %v", err)
		}
		if problems := Validate(out); problems != nil {
			t.Fatalf("the export is not valid W3C: %v\n%s", problems, out)
		}
	})
}
