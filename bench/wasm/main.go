//go:build js && wasm

// Command wasm is Redline's side of the browser benchmarks (bench/web): the
// word diff and the migration of annotations, compiled to WebAssembly like
// the app and called from JavaScript as the page's JavaScript peers are, on
// the same data. It registers globalThis.redlineBench and waits.
package main

import (
	"encoding/json"
	"syscall/js"

	"github.com/redline-news/redline/bench/corpus"
	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/migrate"
	"github.com/redline-news/redline/internal/revision"
)

func main() {
	js.Global().Set("redlineBench", js.ValueOf(map[string]any{
		"diff":    js.FuncOf(diff),
		"migrate": js.FuncOf(migrateAll),
	}))
	select {}
}

// diff(old, new) diffs two revisions and returns what a reader would be
// shown: {changes, marked}, the number of changes and the code points
// marked as deleted or inserted.
func diff(this js.Value, args []js.Value) any {
	d := revision.Compute(args[0].String(), args[1].String())
	marked := 0
	hunks := d.Hunks()
	for _, h := range hunks {
		marked += h.Old.Len() + h.New.Len()
	}
	return map[string]any{"changes": len(hunks), "marked": marked}
}

// migrate(old, new, annotationsJSON) carries the annotations (a JSON array
// of corpus.Annotation) onto new and returns, as JSON, one [start, end]
// in code points per annotation, or null where it was orphaned.
func migrateAll(this js.Value, args []js.Value) any {
	var in []corpus.Annotation
	if err := json.Unmarshal([]byte(args[2].String()), &in); err != nil {
		return js.Global().Get("Error").New(err.Error())
	}
	anns := make([]annotation.Annotation, len(in))
	for i, a := range in {
		anns[i] = a.Model()
	}
	results := migrate.Migrate(args[0].String(), args[1].String(), nil, anns)
	out := make([]*[2]int, len(results))
	for i, r := range results {
		if r.Status != annotation.StatusOrphaned {
			out[i] = &[2]int{r.New.Start, r.New.End}
		}
	}
	data, _ := json.Marshal(out) // pointers to int pairs always encode
	return string(data)
}
