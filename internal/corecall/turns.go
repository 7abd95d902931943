package corecall

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Pause is called between the pieces of a long piece of work on the
// page's thread (decoding Compare's answer and rebuilding its results):
// the page's lets the browser in when the work has run for a while, so
// that no task holds the page past a frame or two. An error (the page
// went away) ends the work with it. nil never pauses.
type Pause func() error

func (p Pause) call() error {
	if p == nil {
		return nil
	}
	return p()
}

// responseInTurns reads a Response with its Compare answer's results left
// as JSON, to be decoded one by one between pauses (decodeResultsInTurns):
// 1,000 of them decoded at once were most of a long task on the page.
// Its "compared" shadows Response's.
type responseInTurns struct {
	Response
	Compared *comparedInTurns `json:"compared,omitempty"`
}

type comparedInTurns struct {
	Compared
	Results json.RawMessage `json:"results"`
}

// unmarshalInTurns is json.Unmarshal of a Response, pausing between the
// results of a Compare answer.
func unmarshalInTurns(data []byte, r *Response, pause Pause) error {
	var x responseInTurns
	if err := json.Unmarshal(data, &x); err != nil {
		return err
	}
	*r = x.Response
	if x.Compared == nil {
		return nil
	}
	c := x.Compared.Compared
	var err error
	if c.Results, err = decodeResultsInTurns(x.Compared.Results, pause); err != nil {
		return err
	}
	r.Compared = &c
	return nil
}

// decodeResultsInTurns decodes a JSON array of results one element at a
// time, calling pause before each; null (or nothing) is no results.
func decodeResultsInTurns(raw json.RawMessage, pause Pause) ([]CarriedWire, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return nil, fmt.Errorf("the results are not a list (%v)", err)
	}
	out := []CarriedWire{}
	for dec.More() {
		if err := pause.call(); err != nil {
			return nil, err
		}
		var w CarriedWire
		if err := dec.Decode(&w); err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	return out, nil
}
