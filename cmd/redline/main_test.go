//go:build !js

package main

import (
	"os"
	"testing"

	"github.com/redline-news/redline/internal/sqlstore/sqltest"
)

// TestMain stops the PostgreSQL cluster the admin tests start.
func TestMain(m *testing.M) { os.Exit(sqltest.Run(m)) }
