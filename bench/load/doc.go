// Package load is the server's load benchmark: concurrent clients
// writing and reading one project over HTTP through one or two real
// `redline serve` processes on SQLite or PostgreSQL, checking that nothing
// accepted is lost, no id is given twice and every refused write is a
// 412; and a test that a server killed mid-load loses nothing it
// answered. The tests build their own redline binary. The benchmark
// writes its BENCHMARKS.md section to bench/out/server.md:
//
//	go test -run '^$' -bench . -benchtime 1x ./bench/load/
package load
