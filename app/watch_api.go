package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"time"
)

// The server's watch API as the "Watch a web page…" page uses it
// (docs/api.md, "Watches and alerts"). The browser sends the session
// cookie itself: the requests are same-origin.

// watchInfo is a watch as GET …/watches lists it.
type watchInfo struct {
	ID         string    `json:"id"`
	Kind       string    `json:"kind"`
	URL        string    `json:"url"`
	StoryID    string    `json:"storyId"`
	State      string    `json:"state"` // watching, paused or ended
	Due        time.Time `json:"due"`
	LastFetch  time.Time `json:"lastFetch"`
	LastResult string    `json:"lastResult"`
	LastError  string    `json:"lastError"`
	Failures   int       `json:"failures"`
}

// capturedRevision is one revision of a watched story.
type capturedRevision struct {
	ID    string    `json:"id"`
	Date  string    `json:"date"`
	Title string    `json:"title"`
	Added time.Time `json:"added"`
}

// watchedStory is a watched story's title and revisions.
type watchedStory struct {
	Story struct {
		Title string `json:"title"`
	} `json:"story"`
	Revisions []capturedRevision `json:"revisions"`
}

// quoteAlert is a changed quote (GET …/alerts).
type quoteAlert struct {
	ID      string    `json:"id"`
	StoryID string    `json:"storyId"`
	Kind    string    `json:"kind"`
	Status  string    `json:"status"`
	Before  string    `json:"before"`
	After   string    `json:"after"`
	Created time.Time `json:"created"`
}

// canEdit says the user may add and change watches in the project.
func (p Project) canEdit() bool { return p.Role == "editor" || p.Role == "admin" }

// serverJSON sends in (nil: no body) as JSON to the app's own server
// (apiCall) and decodes the answer into out (nil: ignore it).
func serverJSON(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	contentType := ""
	if in != nil {
		data, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body, contentType = bytes.NewReader(data), "application/json"
	}
	return apiCall(ctx, serverOrigin(), method, path, body, contentType, out)
}

// signedInUser is who the server says this browser is signed in as (""
// for nobody, or a server without accounts, or none reachable).
func signedInUser(ctx context.Context) string {
	var who struct {
		User string `json:"user"`
	}
	if serverJSON(ctx, http.MethodGet, "/api/session", nil, &who) != nil {
		return ""
	}
	return who.User
}

// watchOverview is everything the page shows of one project.
type watchOverview struct {
	Watches []watchInfo
	Stories map[string]watchedStory // by story id
	Alerts  []quoteAlert
}

// loadWatches reads a project's watches, their stories' revisions and its
// newest changed quotes. A story is read again only when its watch was
// fetched since prev was loaded (the page polls).
func loadWatches(ctx context.Context, project string, prev watchOverview) (watchOverview, error) {
	base := "/api/projects/" + url.PathEscape(project)
	var ws struct {
		Watches []watchInfo `json:"watches"`
	}
	if err := serverJSON(ctx, http.MethodGet, base+"/watches", nil, &ws); err != nil {
		return watchOverview{}, err
	}
	out := watchOverview{Watches: ws.Watches, Stories: map[string]watchedStory{}}
	fetched := map[string]time.Time{}
	for _, w := range prev.Watches {
		fetched[w.ID] = w.LastFetch
	}
	for _, w := range ws.Watches {
		if w.StoryID == "" {
			continue
		}
		if s, ok := prev.Stories[w.StoryID]; ok && fetched[w.ID].Equal(w.LastFetch) {
			out.Stories[w.StoryID] = s
			continue
		}
		var s watchedStory
		if err := serverJSON(ctx, http.MethodGet, base+"/stories/"+url.PathEscape(w.StoryID), nil, &s); err != nil {
			return watchOverview{}, err
		}
		out.Stories[w.StoryID] = s
	}
	var as struct {
		Alerts []quoteAlert `json:"alerts"`
	}
	err := serverJSON(ctx, http.MethodGet, base+"/alerts?limit=20", nil, &as)
	out.Alerts = as.Alerts
	return out, err
}
