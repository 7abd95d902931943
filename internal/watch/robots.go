package watch

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// robotsToken is the product token robots.txt groups name Redline by.
const robotsToken = "redline"

// robotsTTL is how long a host's robots.txt is trusted (RFC 9309 asks
// crawlers not to keep it past 24 hours).
const robotsTTL = 24 * time.Hour

// maxRobotsBytes is the most of a robots.txt that is read (RFC 9309: at
// least 500 KiB).
const maxRobotsBytes = 512 << 10

// Robots is the part of a robots.txt that applies to Redline.
type Robots struct {
	rules []robotsRule
	// disallowAll: robots.txt could not be read for a server error
	// (RFC 9309 §2.3.1.4: assume complete disallow).
	disallowAll bool
}

type robotsRule struct {
	allow   bool
	pattern string
}

// ParseRobots reads a robots.txt (RFC 9309) and keeps the rules of the
// group naming Redline, or else of the "*" group.
func ParseRobots(data []byte) Robots {
	type group struct {
		agents []string
		rules  []robotsRule
	}
	var groups []*group
	var cur *group
	inAgents := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), maxRobotsBytes)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if !inAgents || cur == nil {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, strings.ToLower(value))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil || (key == "disallow" && value == "") {
				continue // rules before any group, or "Disallow:" (allow all)
			}
			cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: value})
		default:
			inAgents = false // sitemap and other lines do not end a group's agents in RFC 9309, but do not extend them either
		}
	}
	var mine, star []robotsRule
	foundMine, foundStar := false, false
	for _, g := range groups {
		for _, a := range g.agents {
			switch {
			case a == "*":
				star, foundStar = append(star, g.rules...), true
			case strings.Contains(robotsToken, a) || strings.Contains(a, robotsToken):
				mine, foundMine = append(mine, g.rules...), true
			}
		}
	}
	switch {
	case foundMine:
		return Robots{rules: mine}
	case foundStar:
		return Robots{rules: star}
	}
	return Robots{}
}

// Allowed reports whether Redline may fetch path (with its query): the
// longest matching rule decides, an allow winning a tie; no rule allows.
func (r Robots) Allowed(path string) bool {
	if r.disallowAll {
		return false
	}
	if path == "/robots.txt" {
		return true
	}
	best, allowed := -1, true
	for _, rule := range r.rules {
		if !robotsMatch(rule.pattern, path) {
			continue
		}
		if n := len(rule.pattern); n > best || (n == best && rule.allow) {
			best, allowed = n, rule.allow
		}
	}
	return allowed
}

// robotsMatch matches a robots.txt path pattern: a prefix, where "*"
// stands for any characters and a final "$" anchors the end. It is the
// usual wildcard match with one backtracking point, so time stays
// proportional to len(pattern)*len(path) however many stars there are.
func robotsMatch(pattern, path string) bool {
	if p, anchored := strings.CutSuffix(pattern, "$"); anchored {
		pattern = p
	} else {
		pattern += "*" // a prefix match
	}
	pi, si, star, mark := 0, 0, -1, 0
	for si < len(path) {
		switch {
		case pi < len(pattern) && pattern[pi] == '*':
			star, mark = pi, si
			pi++
		case pi < len(pattern) && pattern[pi] == path[si]:
			pi++
			si++
		case star >= 0:
			pi, mark = star+1, mark+1
			si = mark
		default:
			return false
		}
	}
	for pi < len(pattern) && pattern[pi] == '*' {
		pi++
	}
	return pi == len(pattern)
}

// robotsCache keeps each host's robots.txt for robotsTTL.
type robotsCache struct {
	mu      sync.Mutex
	entries map[string]robotsEntry
}

type robotsEntry struct {
	rules   Robots
	fetched time.Time
}

// robotsFor returns the rules of u's host, fetching its robots.txt when
// not known or too old. The caller holds the host's lock.
func (f *Fetcher) robotsFor(ctx context.Context, u *url.URL) Robots {
	key := u.Scheme + "://" + u.Host
	now := f.opt.Now()
	f.robots.mu.Lock()
	e, ok := f.robots.entries[key]
	f.robots.mu.Unlock()
	if ok && now.Sub(e.fetched) < robotsTTL {
		return e.rules
	}
	rules := f.fetchRobots(ctx, key+"/robots.txt")
	f.robots.mu.Lock()
	f.robots.entries[key] = robotsEntry{rules: rules, fetched: now}
	f.robots.mu.Unlock()
	return rules
}

// fetchRobots reads a robots.txt: missing (4xx) allows everything; a
// server error disallows everything; a refused or failed connection
// allows (the page fetch itself will then fail with the reason).
func (f *Fetcher) fetchRobots(ctx context.Context, robotsURL string) Robots {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, robotsURL, nil)
	if err != nil {
		return Robots{}
	}
	req.Header.Set("User-Agent", f.opt.UserAgent)
	resp, err := f.client.Do(req)
	if err != nil {
		return Robots{}
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 500:
		return Robots{disallowAll: true}
	case resp.StatusCode >= 400:
		return Robots{}
	}
	data, _ := io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes))
	return ParseRobots(data)
}
