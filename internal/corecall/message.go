package corecall

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/interop"
	"github.com/redline-news/redline/internal/revision"
)

// Request is one call: an id the answer repeats, and exactly one of the
// calls.
type Request struct {
	ID uint64 `json:"id"`
	// Build is the page's build (see checkRequest).
	Build   string          `json:"build,omitempty"`
	Parse   *ParseRequest   `json:"parse,omitempty"`
	Compare *CompareRequest `json:"compare,omitempty"`
	Suggest *SuggestRequest `json:"suggest,omitempty"`
	Read    *ReadRequest    `json:"read,omitempty"`
	Place   *PlaceRequest   `json:"place,omitempty"`
	// Collect, CSV and Export write annotations out.
	Collect *CollectRequest `json:"collect,omitempty"`
	CSV     *CSVRequest     `json:"csv,omitempty"`
	Export  *ExportRequest  `json:"export,omitempty"`
	// TestStorage asks the worker for its StorageTester's run.
	TestStorage *TestStorageRequest `json:"testStorage,omitempty"`
	Merge       *MergeRequest       `json:"merge,omitempty"`
}

// ParseRequest asks for Core.Parse.
type ParseRequest struct {
	Name string `json:"name"`
	Data []byte `json:"data"`
}

// CompareRequest asks for Core.Compare.
type CompareRequest struct {
	Old         string                  `json:"old"`
	New         string                  `json:"new"`
	Annotations []annotation.Annotation `json:"annotations"`
}

// SuggestRequest asks for Core.Suggest.
type SuggestRequest struct {
	Text string `json:"text"`
}

// ReadRequest asks for Core.ReadAnnotations.
type ReadRequest struct {
	Data   []byte `json:"data"`
	Source string `json:"source"`
}

// PlaceRequest asks for Core.PlaceAnnotations.
type PlaceRequest struct {
	Text  string         `json:"text"`
	Items []interop.Item `json:"items"`
}

// CollectRequest asks for Core.MarshalCollection.
type CollectRequest struct {
	Label       string                  `json:"label"`
	Annotations []annotation.Annotation `json:"annotations"`
}

// CSVRequest asks for Core.WriteCSV.
type CSVRequest struct {
	Rows    []interop.CSVRow   `json:"rows"`
	Options interop.CSVOptions `json:"options"`
}

// ExportRequest asks for Core.Export.
type ExportRequest struct {
	Format      interop.Format          `json:"format"`
	Story       ExportStory             `json:"story"`
	Annotations []annotation.Annotation `json:"annotations"`
}

// MergeRequest asks for Core.MergeNote.
type MergeRequest struct {
	Base   string `json:"base"`
	Ours   string `json:"ours"`
	Theirs string `json:"theirs"`
}

// TestStorageRequest asks for StorageTester.TestStorage.
type TestStorageRequest struct{}

// Response answers the request with the same id: Error, or the answer to
// the call asked. A response with id 0 is about the core itself (it could
// not start), and fails every call waiting.
type Response struct {
	ID uint64 `json:"id"`
	// Build is the core's build (see checkAnswer).
	Build string `json:"build,omitempty"`
	Error string `json:"error,omitempty"`
	// Rejected is the file's problems when Error is a rejected
	// annotation file (an *interop.Error), so the page can list them all.
	Rejected *interop.Error `json:"rejected,omitempty"`
	Parsed   *Parsed        `json:"parsed,omitempty"`
	Compared *Compared      `json:"compared,omitempty"`
	Found    *Found         `json:"found,omitempty"`
	Tested   *Tested        `json:"tested,omitempty"`
	Read     *interop.File  `json:"read,omitempty"`
	Placed   *Placed        `json:"placed,omitempty"`
	// Written answers a CollectRequest or a CSVRequest.
	Written  *Written  `json:"written,omitempty"`
	Exported *Exported `json:"exported,omitempty"`
	Merged   *Merged   `json:"merged,omitempty"`
}

// Merged answers a MergeRequest.
type Merged struct {
	Text string `json:"text,omitempty"`
	OK   bool   `json:"ok,omitempty"`
}

// Written is the bytes of a file written.
type Written struct {
	Data []byte `json:"data,omitempty"`
	// After says Data crosses after the response's JSON rather than in it
	// (set and cleared by the codec: see EncodeResponse).
	After bool `json:"after,omitempty"`
}

// Exported answers an ExportRequest.
type Exported struct {
	Files []interop.OutFile `json:"files"`
}

// Placed answers a PlaceRequest.
type Placed struct {
	Placements []interop.Placement `json:"placements"`
	Unplaced   []string            `json:"unplaced,omitempty"`
}

// Tested answers a TestStorageRequest: what failed, nothing when all
// passed.
type Tested struct {
	Failures []string `json:"failures"`
}

// Compared answers a CompareRequest; the diff's texts are the request's,
// and the results' annotations are told as changes to the request's
// (CarriedWire).
type Compared struct {
	Diff    revision.Wire `json:"diff"`
	Results []CarriedWire `json:"results"`
	// PackedOps are Diff.Ops as they cross (set and cleared by the
	// codec): see packOps.
	PackedOps []int `json:"packedOps,omitempty"`
	// ResultsAfter says how many results cross after the JSON, a line
	// each (set and cleared by the codec): see resultLines.
	ResultsAfter int `json:"resultsAfter,omitempty"`
}

// Found answers a SuggestRequest.
type Found struct {
	Findings []Finding `json:"findings"`
}

// EncodeRequest and the functions below are the codec: JSON, checked on
// the way in so that a malformed message is a clear error, never a call
// half made.
func EncodeRequest(r Request) ([]byte, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	return json.Marshal(r)
}

// DecodeRequest reads a request EncodeRequest wrote.
func DecodeRequest(data []byte) (Request, error) {
	var r Request
	if err := json.Unmarshal(data, &r); err != nil {
		return Request{}, fmt.Errorf("core request: %w", err)
	}
	return r, r.check()
}

func (r Request) check() error {
	calls := 0
	for _, set := range []bool{r.Parse != nil, r.Compare != nil, r.Suggest != nil, r.Read != nil, r.Place != nil, r.Collect != nil, r.CSV != nil, r.Export != nil, r.TestStorage != nil, r.Merge != nil} {
		if set {
			calls++
		}
	}
	switch {
	case r.ID == 0:
		return errors.New("core request: no id")
	case calls != 1:
		return fmt.Errorf("core request %d: %d calls, want one", r.ID, calls)
	}
	return nil
}

// EncodeResponse writes a response for DecodeResponse. A written file
// that is text (every export is) follows the JSON, after a newline, as it
// is: in the JSON it would be base64, which the page then had to scan and
// decode (half a second natively for a 10 MB export of 10,000
// annotations). A file that is not UTF-8 stays in the JSON, since the
// message crosses to the page as a JavaScript string.
func EncodeResponse(r Response) ([]byte, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	if c := r.Compared; c != nil {
		if packed, ok := packOps(c.Diff.Ops); ok && len(packed) > 0 {
			p := *c
			p.Diff.Ops, p.PackedOps = nil, packed
			r.Compared = &p
		}
	}
	var after []byte
	if w := r.Written; w != nil && len(w.Data) > 0 && utf8.Valid(w.Data) {
		after = w.Data
		r.Written = &Written{After: true}
	}
	if c := r.Compared; c != nil && len(c.Results) > 0 {
		var err error
		if r.Compared, after, err = resultLines(c); err != nil {
			return nil, err
		}
	}
	data, err := json.Marshal(r)
	if err != nil || after == nil {
		return data, err
	}
	return append(append(data, '\n'), after...), nil
}

// DecodeResponse reads a response EncodeResponse wrote.
func DecodeResponse(data []byte) (Response, error) { return DecodeResponseInTurns(data, nil) }

// DecodeResponseInTurns is DecodeResponse calling pause between the
// results of a Compare answer (see Pause).
func DecodeResponseInTurns(data []byte, pause Pause) (Response, error) {
	var after []byte
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		data, after = data[:i], data[i+1:]
	}
	var r Response
	if err := json.Unmarshal(data, &r); err != nil {
		return Response{}, fmt.Errorf("core response: %w", err)
	}
	switch w := r.Written; {
	case w != nil && w.After && (after == nil || len(w.Data) > 0):
		return Response{}, fmt.Errorf("core response %d: the file that should follow does not", r.ID)
	case w != nil && w.After:
		r.Written = &Written{Data: after}
	case r.Compared != nil && r.Compared.ResultsAfter != 0:
		if err := r.Compared.resultsFromLines(after, pause); err != nil {
			return Response{}, fmt.Errorf("core response %d: %w", r.ID, err)
		}
	case after != nil:
		return Response{}, fmt.Errorf("core response %d: bytes after the message", r.ID)
	}
	if c := r.Compared; c != nil && c.PackedOps != nil {
		ops, err := unpackOps(c.PackedOps)
		if err != nil || c.Diff.Ops != nil {
			return Response{}, fmt.Errorf("core response %d: the diff's ops are damaged", r.ID)
		}
		c.Diff.Ops, c.PackedOps = ops, nil
	}
	return r, r.check()
}

func (r Response) check() error {
	answers := 0
	for _, set := range []bool{r.Parsed != nil, r.Compared != nil, r.Found != nil, r.Read != nil, r.Placed != nil, r.Written != nil, r.Exported != nil, r.Tested != nil, r.Merged != nil} {
		if set {
			answers++
		}
	}
	switch {
	case r.Error != "" && answers > 0:
		return fmt.Errorf("core response %d: both an error and an answer", r.ID)
	case r.Error == "" && answers != 1:
		return fmt.Errorf("core response %d: %d answers, want one", r.ID, answers)
	case r.ID == 0 && r.Error == "":
		return errors.New("core response: no id")
	case r.Rejected != nil && r.Error == "":
		return fmt.Errorf("core response %d: a rejection without an error", r.ID)
	}
	return nil
}
