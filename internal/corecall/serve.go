package corecall

import (
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/interop"
	"github.com/redline-news/redline/internal/revision"
)

// Serve answers one request with c. An engine that panics answers with an
// error rather than taking the worker down with every later call. A
// request from another build of the page is refused (ErrUpdated), and
// every response names this build.
func Serve(c Core, r Request) (resp Response) {
	defer func() {
		if p := recover(); p != nil {
			resp = Response{ID: r.ID, Error: fmt.Sprintf("the core failed: %v", p)}
		}
		resp.Build = build
	}()
	resp = Response{ID: r.ID}
	err := checkRequest(r)
	switch {
	case err != nil:
	case r.Parse != nil:
		var p Parsed
		p, err = c.Parse(r.Parse.Name, r.Parse.Data)
		resp.Parsed = &p
	case r.Compare != nil:
		var d *revision.Diff
		var res []Carried
		d, res, err = c.Compare(r.Compare.Old, r.Compare.New, r.Compare.Annotations)
		if err == nil {
			resp.Compared = &Compared{Diff: d.Wire(), Results: carriedToWire(res, r.Compare.Annotations, d)}
		}
	case r.Suggest != nil:
		var f []Finding
		f, err = c.Suggest(r.Suggest.Text)
		resp.Found = &Found{Findings: f}
	case r.Read != nil:
		resp.Read, err = c.ReadAnnotations(r.Read.Data, r.Read.Source)
	case r.Place != nil:
		var p Placed
		p.Placements, p.Unplaced, err = c.PlaceAnnotations(r.Place.Text, r.Place.Items)
		resp.Placed = &p
	case r.Collect != nil:
		var w Written
		w.Data, err = c.MarshalCollection(r.Collect.Label, r.Collect.Annotations)
		resp.Written = &w
	case r.CSV != nil:
		var w Written
		w.Data, err = c.WriteCSV(r.CSV.Rows, r.CSV.Options)
		resp.Written = &w
	case r.Export != nil:
		var e Exported
		e.Files, err = c.Export(r.Export.Format, r.Export.Story, r.Export.Annotations)
		resp.Exported = &e
	case r.Merge != nil:
		var m Merged
		m.Text, m.OK, err = c.MergeNote(r.Merge.Base, r.Merge.Ours, r.Merge.Theirs)
		resp.Merged = &m
	case r.TestStorage != nil:
		t, ok := c.(StorageTester)
		if !ok {
			err = errors.New("there is no browser storage to test here")
			break
		}
		resp.Tested = &Tested{Failures: t.TestStorage()}
	default:
		err = r.check()
	}
	if err != nil {
		resp = Response{ID: r.ID, Error: err.Error()}
		errors.As(err, &resp.Rejected)
	}
	return resp
}

// Client is a Core whose calls travel through Send, which must carry the
// request to Serve and bring back its response (in the page: to the
// worker and back, as JSON). Calls may run concurrently.
type Client struct {
	Send func(Request) (Response, error)
	// Pause is called between the pieces of rebuilding an answer (see
	// Pause); nil never pauses.
	Pause Pause
	last  atomic.Uint64
}

var errWrongAnswer = errors.New("the core answered another call")

func (c *Client) call(r Request) (Response, error) {
	r.ID, r.Build = c.last.Add(1), build
	resp, err := c.Send(r)
	if err == nil {
		err = checkAnswer(resp)
	}
	switch {
	case err != nil:
		return Response{}, err
	case resp.Rejected != nil:
		return Response{}, resp.Rejected
	case resp.Error == ErrUpdated.Error():
		return Response{}, ErrUpdated
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
	results, err := carriedFromWire(resp.Compared.Results, anns, d, c.Pause)
	if err != nil {
		return nil, nil, err
	}
	return d, results, nil
}

// ReadAnnotations implements Core.
func (c *Client) ReadAnnotations(data []byte, source string) (*interop.File, error) {
	resp, err := c.call(Request{Read: &ReadRequest{Data: data, Source: source}})
	if err != nil {
		return nil, err
	}
	if resp.Read == nil {
		return nil, errWrongAnswer
	}
	return resp.Read, nil
}

// PlaceAnnotations implements Core.
func (c *Client) PlaceAnnotations(text string, items []interop.Item) ([]interop.Placement, []string, error) {
	resp, err := c.call(Request{Place: &PlaceRequest{Text: text, Items: items}})
	if err != nil {
		return nil, nil, err
	}
	if resp.Placed == nil {
		return nil, nil, errWrongAnswer
	}
	return resp.Placed.Placements, resp.Placed.Unplaced, nil
}

// MarshalCollection implements Core.
func (c *Client) MarshalCollection(label string, anns []annotation.Annotation) ([]byte, error) {
	return c.written(Request{Collect: &CollectRequest{Label: label, Annotations: anns}})
}

// WriteCSV implements Core.
func (c *Client) WriteCSV(rows []interop.CSVRow, o interop.CSVOptions) ([]byte, error) {
	return c.written(Request{CSV: &CSVRequest{Rows: rows, Options: o}})
}

func (c *Client) written(r Request) ([]byte, error) {
	resp, err := c.call(r)
	if err != nil {
		return nil, err
	}
	if resp.Written == nil {
		return nil, errWrongAnswer
	}
	return resp.Written.Data, nil
}

// Export implements Core.
func (c *Client) Export(f interop.Format, st ExportStory, anns []annotation.Annotation) ([]interop.OutFile, error) {
	resp, err := c.call(Request{Export: &ExportRequest{Format: f, Story: st, Annotations: anns}})
	if err != nil {
		return nil, err
	}
	if resp.Exported == nil {
		return nil, errWrongAnswer
	}
	return resp.Exported.Files, nil
}

// MergeNote implements Core.
func (c *Client) MergeNote(base, ours, theirs string) (string, bool, error) {
	resp, err := c.call(Request{Merge: &MergeRequest{Base: base, Ours: ours, Theirs: theirs}})
	if err != nil {
		return "", false, err
	}
	if resp.Merged == nil {
		return "", false, errWrongAnswer
	}
	return resp.Merged.Text, resp.Merged.OK, nil
}

// TestStorage runs the worker's storage conformance suite
// (StorageTester) and returns its failures.
func (c *Client) TestStorage() ([]string, error) {
	resp, err := c.call(Request{TestStorage: &TestStorageRequest{}})
	if err != nil {
		return nil, err
	}
	if resp.Tested == nil {
		return nil, errWrongAnswer
	}
	return resp.Tested.Failures, nil
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
