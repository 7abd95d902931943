package watch

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/store"
)

// WriteWARC writes a story's captures as a WARC/1.1 file (ISO 28500): a
// warcinfo record naming Redline and the story, then for each capture the
// request as sent and the response as received (status line, header and
// the body's exact bytes), linked by WARC-Concurrent-To, so replay tools
// (pywb, ReplayWeb.page) show the page as it was at WARC-Date.
func WriteWARC(w io.Writer, s store.StoryRec, caps []store.Capture, now time.Time) error {
	m := gowarc.NewMarshaler()
	info := newRecord(gowarc.Warcinfo, now)
	info.AddWarcHeader(gowarc.ContentType, gowarc.ApplicationWarcFields)
	info.AddWarcHeader(gowarc.WarcFilename, "redline-"+s.ID+".warc")
	fmt.Fprintf(info, "software: Redline\r\nformat: WARC File Format 1.1\r\n"+
		"conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"+
		"description: %s\r\nisPartOf: %s\r\n", fieldValue(s.Title), annotation.StorySource(s.ID))
	infoID, err := marshal(w, m, info)
	if err != nil {
		return err
	}
	for _, c := range caps {
		resp := newRecord(gowarc.Response, c.Fetched)
		resp.AddWarcHeader(gowarc.WarcTargetURI, c.FinalURL)
		resp.AddWarcHeader(gowarc.WarcWarcinfoID, infoID)
		resp.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
		io.WriteString(resp, c.ResponseHeader+"\r\n")
		resp.Write(c.Body)
		respID, err := marshal(w, m, resp)
		if err != nil {
			return fmt.Errorf("capture %s: %w", c.ID, err)
		}
		req := newRecord(gowarc.Request, c.Fetched)
		req.AddWarcHeader(gowarc.WarcTargetURI, c.FinalURL)
		req.AddWarcHeader(gowarc.WarcWarcinfoID, infoID)
		req.AddWarcHeader(gowarc.WarcConcurrentTo, respID)
		req.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")
		io.WriteString(req, c.RequestHeader+"\r\n")
		if _, err := marshal(w, m, req); err != nil {
			return fmt.Errorf("capture %s: %w", c.ID, err)
		}
	}
	return nil
}

func newRecord(t gowarc.RecordType, at time.Time) gowarc.WarcRecordBuilder {
	b := gowarc.NewRecordBuilder(t, gowarc.WithAddMissingDigest(true), gowarc.WithAddMissingContentLength(true),
		gowarc.WithFixContentLength(false), gowarc.WithStrictValidation())
	b.AddWarcHeader(gowarc.WarcRecordID, "<"+annotation.NewID()+">")
	b.AddWarcHeaderTime(gowarc.WarcDate, at.UTC().Truncate(time.Second)) // whole seconds: what every reader parses
	return b
}

// marshal builds and writes one record and returns its WARC-Record-ID.
func marshal(w io.Writer, m gowarc.Marshaler, b gowarc.WarcRecordBuilder) (string, error) {
	defer b.Close()
	rec, _, err := b.Build()
	if err != nil {
		return "", err
	}
	defer rec.Close()
	if _, _, err := m.Marshal(w, rec, 0); err != nil {
		return "", err
	}
	return "<" + rec.RecordId() + ">", nil
}

// fieldValue keeps a warc-fields value on one line.
func fieldValue(s string) string { return strings.Join(strings.Fields(s), " ") }
