package sqlstore_test

import (
	"fmt"
	"testing"

	"github.com/redline-news/redline/internal/sqlstore/sqltest"
	"github.com/redline-news/redline/internal/store"
)

// BenchmarkPutDoc measures one annotation write: its transaction, the
// counter row, the change and the history entry.
func BenchmarkPutDoc(b *testing.B) {
	for _, engine := range sqltest.Engines {
		b.Run(engine, func(b *testing.B) {
			db := sqltest.New(b, engine)
			must(b, db.CreateUser(ctx, store.User{Name: "alice"}))
			must(b, db.CreateProject(ctx, store.Project{Slug: "desk"}, "alice"))
			n := 0
			for b.Loop() {
				n++
				if _, err := db.PutDoc(ctx, alice, doc(fmt.Sprint("a", n), "s1", "body"), 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDocsPage measures reading one page of 100 of a project's
// 2,000 annotations, as the protocol's container pages do.
func BenchmarkDocsPage(b *testing.B) {
	for _, engine := range sqltest.Engines {
		b.Run(engine, func(b *testing.B) {
			db := sqltest.New(b, engine)
			must(b, db.CreateUser(ctx, store.User{Name: "alice"}))
			must(b, db.CreateProject(ctx, store.Project{Slug: "desk"}, "alice"))
			for i := range 2000 {
				if _, err := db.PutDoc(ctx, alice, doc(fmt.Sprint("a", i), "s1", "body"), 0); err != nil {
					b.Fatal(err)
				}
			}
			for b.Loop() {
				page, err := db.Docs(ctx, "desk", store.DocQuery{Offset: 1000, Limit: 100})
				if err != nil || len(page.Docs) != 100 {
					b.Fatalf("%d docs, %v", len(page.Docs), err)
				}
			}
		})
	}
}
