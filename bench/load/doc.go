// Package load is the server's load benchmark: concurrent clients
// writing and reading one project over HTTP through one or two real
// `redline serve` processes on SQLite or PostgreSQL, checking that nothing
// accepted is lost, no id is given twice and every refused write is a
// 412. Run it after `make build`:
//
//	go test -run '^$' -bench . -benchtime 1x ./bench/load/
package load
