// Command precompress writes FILE.br and FILE.gz beside each FILE given, at
// the best compression levels, so the server never compresses at run time.
// It is a build step (make build), not part of the shipped app.
package main

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: precompress FILE...")
		os.Exit(2)
	}
	for _, name := range os.Args[1:] {
		if err := compressFile(name); err != nil {
			fmt.Fprintf(os.Stderr, "precompress: %v\n", err)
			os.Exit(1)
		}
	}
}

func compressFile(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	br := func(w io.Writer) io.WriteCloser { return brotli.NewWriterLevel(w, brotli.BestCompression) }
	gz := func(w io.Writer) io.WriteCloser {
		z, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
		return z
	}
	if err := writeCompressed(name+".br", data, br); err != nil {
		return err
	}
	return writeCompressed(name+".gz", data, gz)
}

// writeCompressed writes to a temporary file and renames it, so an
// interrupted or concurrent build never leaves a truncated variant for the
// server.
func writeCompressed(name string, data []byte, newWriter func(io.Writer) io.WriteCloser) error {
	f, err := os.CreateTemp(filepath.Dir(name), filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	w := newWriter(f)
	_, err = w.Write(data)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644) // CreateTemp makes it private; the server may run as another user
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", name, err)
	}
	return os.Rename(tmp, name)
}
