//go:build !js

package main

import (
	"flag"

	"github.com/redline-news/redline/internal/forwarded"
)

// proxyFlags are serve's flags for running behind a reverse proxy.
type proxyFlags struct {
	trusted *string
	https   *bool
}

func addProxyFlags(fs *flag.FlagSet) proxyFlags {
	return proxyFlags{
		trusted: fs.String("trusted-proxy", "", "addresses or networks of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (e.g. 127.0.0.1,10.0.0.0/8)"),
		https:   fs.Bool("https", false, "the public address is https (a TLS proxy in front): session cookies are Secure and annotation IRIs https"),
	}
}

func (f proxyFlags) config() (forwarded.Config, error) {
	trusted, err := forwarded.ParseTrusted(*f.trusted)
	if err != nil {
		return forwarded.Config{}, usagef("serve: --trusted-proxy: %v", err)
	}
	return forwarded.Config{Trusted: trusted, HTTPS: *f.https}, nil
}
