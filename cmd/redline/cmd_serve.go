//go:build !js

package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	ui "github.com/redline-news/redline/app"
	"github.com/redline-news/redline/internal/server"
	"github.com/redline-news/redline/internal/webserver"
)

func runServe(e *env, args []string) error {
	fs := newFlags("serve")
	addr := fs.String("addr", "127.0.0.1:8000", "address to listen on (port 0 picks a free port)")
	root := fs.String("dir", ".", "directory that holds web/ (the built client app.wasm and static assets)")
	database := addDatabaseFlags(fs)
	watching := addWatchFlags(fs)
	proxy := addProxyFlags(fs)
	if _, err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	if err := database.check(fs); err != nil {
		return err
	}
	if err := watching.check(); err != nil {
		return err
	}
	behind, err := proxy.config()
	if err != nil {
		return err
	}
	wasm, err := webserver.LoadWasm(filepath.Join(*root, "web"))
	if err != nil {
		return err
	}
	core, err := loadCore(filepath.Join(*root, "web"), wasm, e)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	db, err := database.open(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	goapp := ui.Handler(*root, wasm.Version, wasm.Size)
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	watcher, watcherDone, err := watching.start(ctx, db, e)
	if err != nil {
		return err
	}
	srv := server.HTTPServer(server.New(db, webserver.Handler(wasm, goapp, core...), server.Options{Watch: watcher}))
	srv.Handler = behind.Handler(srv.Handler) // the client's address and scheme, from a trusted proxy
	// On a signal, requests in flight finish (for a few seconds) before
	// the database is closed.
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	fmt.Fprintf(e.stdout, "Redline %s serving on http://%s (%s database)\n", wasm.Version, ln.Addr(), db.Engine())
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	<-stopped
	<-watcherDone
	return nil
}
