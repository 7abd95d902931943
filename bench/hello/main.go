//go:build !js

package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/webserver"
)

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	flag.Parse()
	wasm, err := webserver.LoadWasm("web")
	if err != nil {
		log.Fatal(err)
	}
	h := &app.Handler{
		Name:              "Hello",
		Icon:              app.Icon{Default: "/web/icon-192.png", Large: "/web/icon-512.png", SVG: "/web/icon.svg"},
		Version:           wasm.Version,
		WasmContentLength: fmt.Sprint(wasm.Size),
		Resources:         app.LocalDir(""),
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("hello serving on http://%s\n", ln.Addr())
	log.Fatal(http.Serve(ln, webserver.Handler(wasm, h)))
}
