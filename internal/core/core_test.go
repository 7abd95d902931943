package core

import (
	"testing"

	"github.com/redline-news/redline/internal/article"
	"github.com/redline-news/redline/internal/corecall"
)

// The page refuses files by corecall's limit before the worker sees them:
// it must be the parser's own.
func TestMaxArticleBytesIsTheParsers(t *testing.T) {
	if corecall.MaxArticleBytes != article.MaxBytes {
		t.Fatalf("corecall.MaxArticleBytes = %d, article.MaxBytes = %d", corecall.MaxArticleBytes, article.MaxBytes)
	}
}
