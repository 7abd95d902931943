package annotation

import (
	"os"
	"path/filepath"
	"testing"
)

// suiteDir is the W3C Web Annotation test suite, kept once for the whole
// team beside the repository (../shared from the repository root) and never
// copied into it.
var suiteDir = filepath.Join("..", "..", "..", "shared", "w3c-web-annotation-tests")

// requireSuite skips the test when the suite is absent, except under
// CI=true, where a missing suite must fail rather than pass silently.
func requireSuite(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(suiteDir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the W3C test suite is missing at %s (CI=true): %v", suiteDir, err)
		}
		t.Skipf("the W3C test suite is not at %s: skipping", suiteDir)
	}
}
