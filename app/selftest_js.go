//go:build js && wasm

package ui

import (
	"context"

	"github.com/redline-news/redline/app/idb"
)

func storageSelfTestRun(ctx context.Context) []error { return idb.SelfTest(ctx) }
