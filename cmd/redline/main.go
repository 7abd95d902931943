//go:build !js

// Command redline is Redline's server and command-line tool. The same
// package, built for js/wasm, is the browser client (the go-app pattern).
package main

import (
	"os"

	ui "github.com/redline-news/redline/app"
)

func main() {
	ui.Routes()
	os.Exit(run(os.Args[1:], &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}))
}
