//go:build js && wasm

package idb

import (
	"context"
	"syscall/js"
	"testing"

	"github.com/redline-news/redline/internal/benchstory"
	"github.com/redline-news/redline/internal/store"
)

// BenchmarkDecodeAnnotations is opening a story's share of the page's
// work with IndexedDB: its annotation records, as getAll hands them over,
// read and decoded (100 KB / 1,000 annotations and 1 MB / 10,000, the
// bench's test data). It runs in wasm, under Node:
//
//	PATH=$PATH:$(go env GOROOT)/lib/wasm GOOS=js GOARCH=wasm go test -run '^$' -bench . ./app/idb/
func BenchmarkDecodeAnnotations(b *testing.B) {
	for _, size := range benchstory.Sizes {
		pair := benchstory.Make(b, "../..", size)
		all := js.Global().Get("Array").New()
		for i, x := range pair.Annotations {
			rec, err := annotationRecord(store.Annotation{Annotation: x.Model(), StoryID: "bench"}, int64(i))
			if err != nil {
				b.Fatal(err)
			}
			all.Call("push", rec.value())
		}
		b.Run(size.Name+"/encode", func(b *testing.B) {
			for b.Loop() {
				for _, x := range pair.Annotations {
					rec, err := annotationRecord(store.Annotation{Annotation: x.Model(), StoryID: "bench"}, 1)
					if err != nil {
						b.Fatal(err)
					}
					_ = rec.value()
				}
			}
		})
		b.Run(size.Name+"/decode", func(b *testing.B) {
			for b.Loop() {
				if _, err := decodeAll(all, annotationFrom); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(size.Name+"/decode-in-turns", func(b *testing.B) {
			for b.Loop() {
				if _, err := decodeInTurns(context.Background(), all, annotationFrom); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
