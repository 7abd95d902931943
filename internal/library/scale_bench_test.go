package library

import (
	"testing"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/benchstory"
	"github.com/redline-news/redline/internal/core"
	"github.com/redline-news/redline/internal/corecall"
	"github.com/redline-news/redline/internal/store"
)

// The steps of what the app does with a big story (export, open, add a
// revision), at the bench's 100 KB with 1,000 annotations and ten times
// that (bench/corpus, as the e2e Scale bench): a step whose 1MB case costs
// far more than ten times its 100KB case grows faster than the text.
//
//	go test -run '^$' -bench 'Scale' -benchtime 3x ./internal/library/
//
// The core is called as the page calls the worker (scaleWire): each
// request and answer through its JSON codec.

// scaleWire is a corecall.Client that carries every call through the
// codec, as the page's worker client does.
func scaleWire() corecall.Core {
	return &corecall.Client{Send: func(r corecall.Request) (corecall.Response, error) {
		data, err := corecall.EncodeRequest(r)
		if err != nil {
			return corecall.Response{}, err
		}
		r, err = corecall.DecodeRequest(data)
		if err != nil {
			return corecall.Response{}, err
		}
		data, err = corecall.EncodeResponse(corecall.Serve(core.Core{}, r))
		if err != nil {
			return corecall.Response{}, err
		}
		return corecall.DecodeResponse(data)
	}}
}

// pageSide is a Client whose worker answers at once with answer (encoded,
// for id 1): what is left of a call is the page's share of it, encoding
// the request and decoding and rebuilding the answer.
func pageSide(answer []byte) *corecall.Client {
	return &corecall.Client{Send: func(r corecall.Request) (corecall.Response, error) {
		if _, err := corecall.EncodeRequest(r); err != nil {
			return corecall.Response{}, err
		}
		return corecall.DecodeResponse(answer)
	}}
}

// scaleStory is the bench's story of that size added and opened, with its
// annotations imported.
func scaleStory(b *testing.B, size benchstory.Size) (*Session, benchstory.Story) {
	b.Helper()
	st := benchstory.Make(b, "../..", size)
	l := &Library{Store: store.NewMemory(), Core: scaleWire()}
	return benchstory.Open(b, st, l.AddStory, l.Open, func(s *Session, collection []byte) (int, error) {
		_, err := s.Import(ctx, collection)
		return len(s.Annotations), err
	}), st
}

// scaleStep is one step of what the app does, measured alone.
type scaleStep struct {
	name string
	run  func() error
}

// runSteps measures each step as a sub-benchmark of the size's name.
func runSteps(b *testing.B, size string, steps []scaleStep) {
	for _, st := range steps {
		b.Run(size+"/"+st.name, func(b *testing.B) {
			for b.Loop() {
				if err := st.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkScaleExport is Export (W3C JSON-LD): the request the page
// encodes, the worker's decoding of it, the collection written, and the
// answer encoded there and decoded on the page; whole is all of it.
func BenchmarkScaleExport(b *testing.B) {
	for _, size := range benchstory.Sizes {
		s, _ := scaleStory(b, size)
		req := corecall.Request{ID: 1, Collect: &corecall.CollectRequest{Label: s.Story.Title, Annotations: s.plain()}}
		reqData, err := corecall.EncodeRequest(req)
		if err != nil {
			b.Fatal(err)
		}
		collection, err := annotation.MarshalCollection(s.Story.Title, s.plain())
		if err != nil {
			b.Fatal(err)
		}
		resp := corecall.Response{ID: 1, Written: &corecall.Written{Data: collection}}
		respData, err := corecall.EncodeResponse(resp)
		if err != nil {
			b.Fatal(err)
		}
		runSteps(b, size.Name, []scaleStep{
			{"request-encode", func() error { _, err := corecall.EncodeRequest(req); return err }},
			{"request-decode", func() error { _, err := corecall.DecodeRequest(reqData); return err }},
			{"marshal", func() error { _, err := annotation.MarshalCollection(s.Story.Title, s.plain()); return err }},
			{"response-encode", func() error { _, err := corecall.EncodeResponse(resp); return err }},
			{"response-decode", func() error { _, err := corecall.DecodeResponse(respData); return err }},
			{"page", func() error { _, err := pageSide(respData).MarshalCollection(s.Story.Title, s.plain()); return err }},
			{"whole", func() error { _, err := s.ExportJSON(); return err }},
		})
	}
}

// BenchmarkScaleOpen is opening the story: its records read from the
// store and its annotations placed on the text (place alone too).
func BenchmarkScaleOpen(b *testing.B) {
	for _, size := range benchstory.Sizes {
		s, _ := scaleStory(b, size)
		b.Run(size.Name+"/place", func(b *testing.B) {
			for b.Loop() {
				s.place(s.all)
			}
		})
		b.Run(size.Name+"/whole", func(b *testing.B) {
			for b.Loop() {
				if _, err := s.lib.Open(ctx, s.Story.ID); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkScaleRevision is adding the pair's revision: parsing it,
// comparing (diff and migration, in the core and through the codec), the
// changed-quotes report and storing it (CommitRevision, on a fresh
// session each time).
func BenchmarkScaleRevision(b *testing.B) {
	for _, size := range benchstory.Sizes {
		s, pair := scaleStory(b, size)
		anns := s.plain()
		c, err := s.PrepareRevision("revision.txt", []byte(pair.New))
		if err != nil {
			b.Fatal(err)
		}
		resp := corecall.Serve(core.Core{}, corecall.Request{ID: 1, Compare: &corecall.CompareRequest{Old: pair.Old, New: c.ToRevision.Text, Annotations: anns}})
		respData, err := corecall.EncodeResponse(resp)
		if err != nil {
			b.Fatal(err)
		}
		runSteps(b, size.Name, []scaleStep{
			{"parse", func() error { _, err := core.Core{}.Parse("revision.txt", []byte(pair.New)); return err }},
			{"compare-core", func() error { _, _, err := core.Core{}.Compare(pair.Old, c.ToRevision.Text, anns); return err }},
			{"compare-serve", func() error {
				_, err := corecall.EncodeResponse(corecall.Serve(core.Core{}, corecall.Request{ID: 1, Compare: &corecall.CompareRequest{Old: pair.Old, New: c.ToRevision.Text, Annotations: anns}}))
				return err
			}},
			{"compare-answer-decode", func() error { _, err := corecall.DecodeResponse(respData); return err }},
			{"compare-page", func() error { _, _, err := pageSide(respData).Compare(pair.Old, c.ToRevision.Text, anns); return err }},
			{"compare-wire", func() error { _, _, err := s.lib.Core.Compare(pair.Old, c.ToRevision.Text, anns); return err }},
			{"changed", func() error { _ = c.Changed(); return nil }},
			{"prepare", func() error { _, err := s.PrepareRevision("revision.txt", []byte(pair.New)); return err }},
		})
		b.Run(size.Name+"/answer-bytes", func(b *testing.B) {
			b.ReportMetric(float64(len(respData)), "bytes")
		})
		b.Run(size.Name+"/commit", func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				fresh, err := s.lib.Open(ctx, s.Story.ID)
				if err != nil {
					b.Fatal(err)
				}
				// A copy of the story each time, so every commit adds the
				// revision anew.
				fresh.lib = &Library{Store: store.NewMemory(), Core: s.lib.Core}
				copyStory(b, s, fresh)
				c, err := fresh.PrepareRevision("revision.txt", []byte(pair.New))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if err := fresh.CommitRevision(ctx, c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// copyStory stores from's story, revisions and annotations in to's
// (empty) store and loads them there.
func copyStory(b *testing.B, from, to *Session) {
	b.Helper()
	st := to.lib.Store
	if _, err := st.PutStory(ctx, store.Story{Story: from.Story.Story}); err != nil {
		b.Fatal(err)
	}
	for _, r := range from.Revisions {
		if _, err := st.AddRevision(ctx, r, nil); err != nil {
			b.Fatal(err)
		}
	}
	anns := make([]store.Annotation, len(from.all))
	for i, a := range from.all {
		anns[i] = store.Annotation{Annotation: a.Annotation, StoryID: a.StoryID}
	}
	if _, err := st.PutAnnotations(ctx, anns); err != nil {
		b.Fatal(err)
	}
	if err := to.load(ctx, from.Story.ID, -1); err != nil {
		b.Fatal(err)
	}
}
