package watch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/redline-news/redline/internal/protocol"
	"github.com/redline-news/redline/internal/store"
)

// webhookTimeout bounds one delivery.
const webhookTimeout = 10 * time.Second

// alertSummary is the JSON a project's webhook receives when a captured
// revision changed annotated words.
type alertSummary struct {
	Project    string             `json:"project"`
	StoryID    string             `json:"storyId"`
	Title      string             `json:"title"`
	RevisionID string             `json:"revisionId"`
	URL        string             `json:"url"`
	Fetched    time.Time          `json:"fetched"`
	Alerts     []alertSummaryItem `json:"alerts"`
}

type alertSummaryItem struct {
	AnnotationID string `json:"annotationId"`
	Kind         string `json:"kind"`
	Status       string `json:"status"`
	Before       string `json:"before"`
	After        string `json:"after"`
}

// Post sends a JSON body to url with the fetcher's safety (public
// addresses only, unless allowed; its User-Agent), following no
// redirects: a webhook that moved must be set again. It returns the
// receiver's status (0 when none answered); anything but 2xx is an error.
func (f *Fetcher) Post(ctx context.Context, url string, body []byte) (int, error) {
	if _, err := f.CheckURL(url); err != nil {
		return 0, err
	}
	ctx, cancel := context.WithTimeout(ctx, webhookTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", f.opt.UserAgent)
	client := &http.Client{Transport: f.client.Transport, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.StatusCode, fmt.Errorf("webhook %s answered %s", url, resp.Status)
	}
	return resp.StatusCode, nil
}

// delivery is the webhook summary of a captured revision's alerts (nil
// when it raised none), for the store to queue with the capture if the
// project has a webhook.
func delivery(title string, cw store.CaptureWrite) (*store.Delivery, error) {
	if len(cw.Alerts) == 0 {
		return nil, nil
	}
	s := alertSummary{Project: cw.Revision.Project, StoryID: cw.Revision.StoryID, Title: title, RevisionID: cw.Revision.ID,
		URL: cw.Capture.FinalURL, Fetched: cw.Capture.Fetched.UTC()}
	for _, a := range cw.Alerts {
		s.Alerts = append(s.Alerts, alertSummaryItem{AnnotationID: a.AnnotationID, Kind: a.Kind, Status: a.Status, Before: a.Before, After: a.After})
	}
	body, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	return &store.Delivery{Project: cw.Revision.Project, ID: protocol.NewID(), Body: body}, nil
}

// CheckWebhook refuses a webhook URL the watcher would not post to.
func (w *Watcher) CheckWebhook(url string) error {
	if url == "" {
		return nil
	}
	_, err := w.fetcher.CheckURL(url)
	return err
}
