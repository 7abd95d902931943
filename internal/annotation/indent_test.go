package annotation

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestAppendIndentedIsJSONIndent(t *testing.T) {
	for _, v := range []any{
		map[string]any{},
		[]any{},
		map[string]any{"a": []any{}, "b": map[string]any{}, "c": []any{1, "x,y:{z}", true, nil, -1.5e10}},
		[]string{`quote "inside" \ and \\" after`, "new\nline", "tab\t", "é “curly” 😀", "\u2028"},
		map[string]any{"deep": []any{[]any{[]any{[]any{[]any{[]any{[]any{[]any{[]any{[]any{[]any{[]any{[]any{[]any{[]any{[]any{[]any{"17 levels"}}}}}}}}}}}}}}}}}},
		fixtures(),
	} {
		compact, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		compact = append(compact, '\n') // as json.Encoder writes it
		var want bytes.Buffer
		if err := json.Indent(&want, compact, "", "  "); err != nil {
			t.Fatal(err)
		}
		if got := appendIndented([]byte("before"), compact); string(got) != "before"+want.String() {
			t.Errorf("indented %s as\n%s\nwant\n%s", compact, got, want.String())
		}
	}
}

// FuzzAppendIndented: on whatever encoding/json writes, the same bytes
// as json.Indent.
func FuzzAppendIndented(f *testing.F) {
	for _, seed := range []string{`{"a":[1,{}],"b":"x\"y"}`, `[[],[[]],{"":""}]`, `"\\\\"`, `{"k":"\u2028 é"}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var v any
		if json.Unmarshal(data, &v) != nil {
			return
		}
		compact, err := json.Marshal(v)
		if err != nil {
			return
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact, "", "  "); err != nil {
			t.Fatal(err)
		}
		if got := appendIndented(nil, compact); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("indented %s as\n%s\nwant\n%s", compact, got, want.Bytes())
		}
	})
}
