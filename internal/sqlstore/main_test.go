package sqlstore_test

import (
	"os"
	"testing"

	"github.com/redline-news/redline/internal/sqlstore/sqltest"
)

func TestMain(m *testing.M) { os.Exit(sqltest.Run(m)) }
