package watch_test

import (
	"bytes"
	"io"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"github.com/redline-news/redline/internal/store"
	"github.com/redline-news/redline/internal/watch"
)

// readWARC reads a WARC back with gowarc's strict reader (digests and
// lengths checked) and returns its records' types, target URIs and the
// response payloads.
func readWARC(t *testing.T, data []byte) (types []string, payloads [][]byte) {
	t.Helper()
	r, err := gowarc.NewWarcFileReaderFromStream(bytes.NewReader(data), 0, gowarc.WithStrictValidation())
	must(t, err)
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		must(t, err)
		if len(rec.Validation) > 0 {
			t.Errorf("record %s: %v", rec.WarcRecord, rec.Validation)
		}
		wr := rec.WarcRecord
		if wr.Version().String() != "WARC/1.1" {
			t.Errorf("version %s", wr.Version())
		}
		types = append(types, wr.Type().String())
		if wr.Type() == gowarc.Response {
			hb, ok := wr.Block().(gowarc.HttpResponseBlock)
			if !ok {
				t.Fatalf("response block is %T", wr.Block())
			}
			pr, err := hb.PayloadBytes()
			must(t, err)
			p, err := io.ReadAll(pr)
			must(t, err)
			payloads = append(payloads, p)
			if hb.HttpStatusCode() != 200 {
				t.Errorf("status %d", hb.HttpStatusCode())
			}
		}
		rec.Close()
	}
	return types, payloads
}

func TestWARCRoundTrip(t *testing.T) {
	body := []byte("<html><body><p>Caf\u00e9 \xff bytes kept as they came</p></body></html>")
	caps := []store.Capture{{
		ID: "c1", URL: "https://example.com/a", FinalURL: "https://example.com/a", Fetched: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC),
		Status: 200, RequestHeader: "GET /a HTTP/1.1\r\nHost: example.com\r\nUser-Agent: Redline\r\n",
		ResponseHeader: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", Body: body,
	}}
	var buf bytes.Buffer
	must(t, watch.WriteWARC(&buf, store.StoryRec{Story: storyNamed("s1", "A story")}, caps, time.Now()))
	types, payloads := readWARC(t, buf.Bytes())
	if len(types) != 3 || types[0] != "warcinfo" || types[1] != "response" || types[2] != "request" {
		t.Fatalf("records %v", types)
	}
	if !bytes.Equal(payloads[0], body) {
		t.Errorf("payload %q, want %q", payloads[0], body)
	}
}
