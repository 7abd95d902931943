//go:build !js

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/redline-news/redline/internal/webserver"
)

// The core's wasm is served beside app.wasm and folded into the page's
// version (a core-only change re-caches the app); without it the server
// still starts and says what will not work.
func TestLoadCore(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), []byte("page"), 0o644); err != nil {
		t.Fatal(err)
	}
	page, _ := webserver.LoadWasm(dir)
	alone := page.Version
	var stderr bytes.Buffer
	core, err := loadCore(dir, page, &env{stderr: &stderr})
	if err != nil || core != nil || page.Version != alone || !strings.Contains(stderr.String(), "core.wasm not found") {
		t.Errorf("without core.wasm: %v %v, version %q (was %q), stderr %q", core, err, page.Version, alone, stderr.String())
	}
	versions := map[string]bool{}
	for _, content := range []string{"core one", "core two"} {
		if err := os.WriteFile(filepath.Join(dir, webserver.CoreName), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		page, _ := webserver.LoadWasm(dir)
		core, err := loadCore(dir, page, &env{stderr: &stderr})
		if err != nil || len(core) != 1 || core[0].Path() != "/web/core.wasm" {
			t.Fatalf("with core.wasm: %v %v", core, err)
		}
		versions[page.Version] = true
	}
	if len(versions) != 2 || versions[alone] {
		t.Errorf("versions %v: want a new one for each core, none equal to the page's alone (%s)", versions, alone)
	}
}
