package annotation

import (
	"fmt"
	"strings"
	"testing"
)

// anno wraps a target (and optional extra members) into an otherwise
// valid annotation.
func anno(target string, extra ...string) string {
	members := append([]string{
		`"@context": "http://www.w3.org/ns/anno.jsonld"`,
		`"id": "urn:uuid:6f1c0e3a-6a55-4d8e-9a53-0f0e7a1c2b01"`,
		`"type": "Annotation"`,
		`"target": ` + target,
	}, extra...)
	return "{" + strings.Join(members, ", ") + "}"
}

func positionTarget(start, end string) string {
	return `{"source": "urn:redline:story:s", "selector": {"type": "TextPositionSelector", "start": ` + start + `, "end": ` + end + `}}`
}

const quoteTarget = `{"source": "urn:redline:story:s", "selector": {"type": "TextQuoteSelector", "exact": "super smart"}}`

// problemCases are inputs Validate or Decode must reject, or that only
// Decode rejects (valid W3C that Redline cannot place in a text).
var problemCases = []struct {
	name, json string
}{
	{"empty input", ""},
	{"not an object", `"urn:uuid:x"`},
	{"trailing data", anno(quoteTarget) + ` {}`},
	{"truncated", `{"@context": "http://www.w3.org/ns/anno.jsonld", "target": [`},
	{"invalid UTF-8", "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"id\": \"urn:x\xff\"}"},
	{"too deep", strings.Repeat("[", 100) + strings.Repeat("]", 100)},
	{"https context", strings.Replace(anno(quoteTarget), "http://www.w3.org", "https://www.w3.org", 1)},
	{"duplicate key", anno(`{"source": "urn:redline:story:s", "selector": {"type": "TextPositionSelector", "start": 1, "start": 2, "end": 3}}`)},
	{"start 1e400", anno(positionTarget("1e400", "5"))},
	{"start 1e20", anno(positionTarget("1e20", "5"))},
	{"end too large", anno(positionTarget("0", "99999999999"))},
	{"negative start", anno(positionTarget("-1", "5"))},
	{"fractional end", anno(positionTarget("0", "5.5"))},
	{"start as string", anno(positionTarget(`"0"`, "5"))},
	{"start after end", anno(positionTarget("9", "5"))},
	{"missing end", anno(`{"source": "urn:redline:story:s", "selector": {"type": "TextPositionSelector", "start": 1}}`)},
	{"quote without exact", anno(`{"source": "urn:redline:story:s", "selector": [{"type": "TextQuoteSelector", "prefix": "a"}]}`)},
	{"selector without type", anno(`{"source": "urn:redline:story:s", "selector": {"exact": "super smart"}}`)},
	{"hypothesis internal range", anno(`{"source": "https://example.org/a", "selector": [{"type": "RangeSelector", "startContainer": "/p[1]", "startOffset": 0, "endContainer": "/p[1]", "endOffset": 4}]}`)},
	{"time state without time", anno(`{"source": "urn:redline:story:s", "state": {"type": "TimeState", "sourceDate": "2025-03-23"}, "selector": {"type": "TextQuoteSelector", "exact": "x"}}`)},
	{"source without selector", anno(`{"source": "urn:redline:story:s"}`)},
	{"style class without stylesheet", anno(`{"source": "urn:redline:story:s", "styleClass": "red"}`)},
	{"body text not IRI", anno(quoteTarget, `"body": "great quote"`)},
	{"body value array", anno(quoteTarget, `"body": {"type": "TextualBody", "value": ["a", "b"]}`)},
	{"bodyValue and body", anno(quoteTarget, `"bodyValue": "x"`, `"body": "http://example.org/b"`)},
	{"unknown status", anno(quoteTarget, `"redline:status": "lost"`)},
	{"duplicate ids", "[" + anno(quoteTarget) + ", " + anno(quoteTarget) + "]"},
	{"collection total mismatch", `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:c", "type": "AnnotationCollection", "total": 2,
		"first": {"id": "urn:uuid:p", "type": "AnnotationPage", "items": [` + anno(quoteTarget) + `]}}`},
	{"collection without first", `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:c", "type": "AnnotationCollection", "total": 3}`},
	// Valid W3C that Redline cannot use: only Decode complains.
	{"linked first page", `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:c", "type": "AnnotationCollection", "total": 3, "first": "http://example.org/page1"}`},
	{"target IRI only", anno(`"https://example.org/article"`)},
	{"two targets", anno(`[` + quoteTarget + `, ` + quoteTarget + `]`)},
	{"xpath only", anno(`{"source": "https://example.org/a", "selector": {"type": "XPathSelector", "value": "/p[2]", "refinedBy": {"type": "TextPositionSelector", "start": 0, "end": 4}}}`)},
	{"empty position", anno(positionTarget("4", "4"))},
	{"verdict on a quote", anno(quoteTarget, `"body": [{"type": "TextualBody", "purpose": "tagging", "value": "quote"}, {"type": "TextualBody", "purpose": "assessing", "value": "false"}]`)},
}

// TestProblemMessages keeps every message of Validate and Decode for the
// cases above in a golden file, so their wording is reviewed.
func TestProblemMessages(t *testing.T) {
	var report strings.Builder
	for _, tc := range problemCases {
		validate := Validate([]byte(tc.json))
		_, err := Decode([]byte(tc.json))
		de, ok := err.(*DecodeError)
		if !ok {
			t.Errorf("%s: Decode error = %v, want a *DecodeError", tc.name, err)
			continue
		}
		if len(de.Problems) < len(validate) {
			t.Errorf("%s: Decode lists %d problems, fewer than Validate's %d", tc.name, len(de.Problems), len(validate))
		}
		fmt.Fprintf(&report, "%s\n", tc.name)
		for _, p := range validate {
			fmt.Fprintf(&report, "\tvalidate %s\n", p)
		}
		for _, p := range de.Problems[len(validate):] {
			fmt.Fprintf(&report, "\tdecode   %s\n", p)
		}
	}
	golden(t, "validate/problems.txt", []byte(report.String()))
}

func TestUnknownSelectorTypesAreIgnored(t *testing.T) {
	data := anno(`{"source": "urn:redline:story:s", "selector": [{"type": "PageSelector", "index": 3}, {"type": "TextQuoteSelector", "exact": "x"}]}`)
	if p := Validate([]byte(data)); p != nil {
		t.Fatalf("Validate: %v", p)
	}
	anns, err := Decode([]byte(data))
	if err != nil || len(anns) != 1 || anns[0].Target.Selector.Quote.Exact != "x" {
		t.Fatalf("Decode = %+v, %v", anns, err)
	}
}
