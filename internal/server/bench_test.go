package server_test

import (
	"net/http"
	"testing"

	"github.com/redline-news/redline/internal/sqlstore/sqltest"
)

// BenchmarkPost is one POST of an annotation to a container, through the
// whole handler (auth, validation, one write transaction).
func BenchmarkPost(b *testing.B) {
	for _, engine := range sqltest.Engines {
		b.Run(engine, func(b *testing.B) {
			e := newEnv(b, engine)
			b.ResetTimer()
			for b.Loop() {
				e.do("bob", "POST", desk, minimalAnnotation).expect(b, http.StatusCreated)
			}
		})
	}
}

// BenchmarkPage reads one page (of the default size) from a container of
// 1,000 annotations.
func BenchmarkPage(b *testing.B) {
	for _, engine := range sqltest.Engines {
		b.Run(engine, func(b *testing.B) {
			e := newEnv(b, engine)
			for range 1000 {
				e.do("bob", "POST", desk, minimalAnnotation).expect(b, http.StatusCreated)
			}
			page := desk + "?page=3"
			b.ResetTimer()
			for b.Loop() {
				e.do("vera", "GET", page, "").expect(b, http.StatusOK)
			}
		})
	}
}
