//go:build !js

package main

import (
	"strings"
	"testing"
)

func TestServeRefusesBadTrustedProxy(t *testing.T) {
	code, _, errOut := runCLI(t, "", "serve", "--trusted-proxy", "localhost")
	if code != 2 || !strings.Contains(errOut, "--trusted-proxy") || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}
