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

// resultLines moves a Compare answer's results out of its JSON: they
// cross after it, one JSON object a line, so that the page can decode
// them one by one between pauses (resultsFromLines) and the message's
// JSON, decoded at once, stays small. 1,000 results decoded with the
// rest were most of a long task on the page.
func resultLines(c *Compared) (*Compared, []byte, error) {
	var lines []byte
	for i, w := range c.Results {
		line, err := json.Marshal(w)
		if err != nil {
			return nil, nil, err
		}
		if i > 0 {
			lines = append(lines, '\n')
		}
		lines = append(lines, line...)
	}
	p := *c
	p.Results, p.ResultsAfter = nil, len(c.Results)
	return &p, lines, nil
}

// resultsFromLines reads the results resultLines wrote, calling pause
// before each.
func (c *Compared) resultsFromLines(lines []byte, pause Pause) error {
	switch {
	case c.Results != nil:
		return fmt.Errorf("the results cross twice")
	case c.ResultsAfter < 0:
		return fmt.Errorf("%d results follow", c.ResultsAfter)
	}
	c.Results = make([]CarriedWire, 0, c.ResultsAfter)
	for len(lines) > 0 || len(c.Results) < c.ResultsAfter {
		if len(c.Results) == c.ResultsAfter {
			return fmt.Errorf("more than the %d results told follow", c.ResultsAfter)
		}
		if err := pause.call(); err != nil {
			return err
		}
		line := lines
		if i := bytes.IndexByte(lines, '\n'); i >= 0 {
			line, lines = lines[:i], lines[i+1:]
		} else {
			lines = nil
		}
		var w CarriedWire
		if err := json.Unmarshal(line, &w); err != nil {
			return fmt.Errorf("result %d: %w", len(c.Results)+1, err)
		}
		c.Results = append(c.Results, w)
	}
	c.ResultsAfter = 0
	return nil
}
