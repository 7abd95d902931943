package corecall

import (
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/revision"
)

// Serve answers one request with c. An engine that panics answers with an
// error rather than taking the worker down with every later call.
func Serve(c Core, r Request) (resp Response) {
	defer func() {
		if p := recover(); p != nil {
			resp = Response{ID: r.ID, Error: fmt.Sprintf("the core failed: %v", p)}
		}
	}()
	resp = Response{ID: r.ID}
	var err error
	switch {
	case r.Parse != nil:
		var p Parsed
		p, err = c.Parse(r.Parse.Name, r.Parse.Data)
		resp.Parsed = &p
	case r.Compare != nil:
		var d *revision.Diff
		var res []Carried
		d, res, err = c.Compare(r.Compare.Old, r.Compare.New, r.Compare.Annotations)
		if err == nil {
			resp.Compared = &Compared{Diff: d.Wire(), Results: res}
		}
	case r.Suggest != nil:
		var f []Finding
		f, err = c.Suggest(r.Suggest.Text)
		resp.Found = &Found{Findings: f}
	default:
		err = r.check()
	}
	if err != nil {
		return Response{ID: r.ID, Error: err.Error()}
	}
	return resp
}

// Client is a Core whose calls travel through Send, which must carry the
// request to Serve and bring back its response (in the page: to the
// worker and back, as JSON). Calls may run concurrently.
type Client struct {
	Send func(Request) (Response, error)
	last atomic.Uint64
}

var errWrongAnswer = errors.New("the core answered another call")

func (c *Client) call(r Request) (Response, error) {
	r.ID = c.last.Add(1)
	resp, err := c.Send(r)
	switch {
	case err != nil:
		return Response{}, err
	case resp.Error != "":
		return Response{}, errors.New(resp.Error)
	case resp.ID != r.ID:
		return Response{}, errWrongAnswer
	}
	return resp, nil
}

// Parse implements Core.
func (c *Client) Parse(name string, data []byte) (Parsed, error) {
	resp, err := c.call(Request{Parse: &ParseRequest{Name: name, Data: data}})
	if err != nil {
		return Parsed{}, err
	}
	if resp.Parsed == nil {
		return Parsed{}, errWrongAnswer
	}
	return *resp.Parsed, nil
}

// Compare implements Core.
func (c *Client) Compare(oldText, newText string, anns []annotation.Annotation) (*revision.Diff, []Carried, error) {
	resp, err := c.call(Request{Compare: &CompareRequest{Old: oldText, New: newText, Annotations: anns}})
	if err != nil {
		return nil, nil, err
	}
	if resp.Compared == nil {
		return nil, nil, errWrongAnswer
	}
	d, err := revision.FromWire(oldText, newText, resp.Compared.Diff)
	if err != nil {
		return nil, nil, fmt.Errorf("the core's answer: %w", err)
	}
	return d, resp.Compared.Results, nil
}

// Suggest implements Core.
func (c *Client) Suggest(text string) ([]Finding, error) {
	resp, err := c.call(Request{Suggest: &SuggestRequest{Text: text}})
	if err != nil {
		return nil, err
	}
	if resp.Found == nil {
		return nil, errWrongAnswer
	}
	return resp.Found.Findings, nil
}
