package api

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestParseFeed(t *testing.T) {
	for _, tc := range []struct {
		query, lastEventID string
		want               feedQuery
		ok                 bool
	}{
		{"", "", feedQuery{limit: DefaultChanges}, true},
		{"since=12&limit=3&wait=30", "", feedQuery{since: 12, limit: 3, wait: 30 * time.Second}, true},
		{"", "41", feedQuery{since: 41, limit: DefaultChanges}, true},
		{"since=5", "41", feedQuery{since: 5, limit: DefaultChanges}, true}, // the query wins
		{"", "garbage", feedQuery{limit: DefaultChanges}, true},
		{"since=-1", "", feedQuery{}, false},
		{"since=x", "", feedQuery{}, false},
		{"limit=0", "", feedQuery{}, false},
		{"limit=1001", "", feedQuery{}, false},
		{"wait=61", "", feedQuery{}, false},
		{"wait=-1", "", feedQuery{}, false},
	} {
		r, _ := http.NewRequest("GET", "/?"+tc.query, nil)
		if tc.lastEventID != "" {
			r.Header.Set("Last-Event-ID", tc.lastEventID)
		}
		got, err := parseFeed(r)
		if (err == nil) != tc.ok || tc.ok && got != tc.want {
			t.Errorf("%q (Last-Event-ID %q): %+v, %v", tc.query, tc.lastEventID, got, err)
		}
	}
}

func TestPushCheck(t *testing.T) {
	ok := changeIn{ChangeID: "c1", Kind: "annotation", Op: "put", ID: "a"}
	with := func(f func(*changeIn)) pushIn {
		c := ok
		f(&c)
		return pushIn{Changes: []changeIn{c}}
	}
	for name, tc := range map[string]struct {
		in   pushIn
		want string
	}{
		"fine":           {pushIn{Changes: []changeIn{ok}}, ""},
		"empty":          {pushIn{}, ""},
		"no change id":   {with(func(c *changeIn) { c.ChangeID = "" }), "changeId"},
		"long change id": {with(func(c *changeIn) { c.ChangeID = strings.Repeat("x", maxChangeID+1) }), "changeId"},
		"twice":          {pushIn{Changes: []changeIn{ok, ok}}, "twice"},
		"bad op":         {with(func(c *changeIn) { c.Op = "patch" }), "op"},
		"bad kind":       {with(func(c *changeIn) { c.Kind = "member" }), "kind"},
		"negative base":  {with(func(c *changeIn) { c.BaseSeq = -1 }), "baseSeq"},
		"too many":       {pushIn{Changes: make([]changeIn, MaxPush+1)}, "at most"},
		"long device":    {pushIn{Device: strings.Repeat("d", maxChangeID+1)}, "device"},
	} {
		err := tc.in.check()
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%s: %v, want %q", name, err, tc.want)
		}
	}
}
