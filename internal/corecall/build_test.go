package corecall

import (
	"errors"
	"testing"
)

// withBuild runs a test as a build named b, as `make` names one.
func withBuild(t *testing.T, b string) {
	t.Helper()
	was := build
	build = b
	t.Cleanup(func() { build = was })
}

type suggester struct{ Core }

func (suggester) Suggest(string) ([]Finding, error) { return []Finding{{Kind: "quote"}}, nil }

// The core refuses a page of another build, and the page refuses an answer
// from a core of another build: after a deploy, a tab opened before it may
// start the new deploy's worker.
func TestBuildCheckedBothWays(t *testing.T) {
	withBuild(t, "build-2")
	// worker is the other side of the page's Send: as a message crosses,
	// the page's build becomes page and the core's answer core.
	worker := func(page, core string) *Client {
		return &Client{Send: func(r Request) (Response, error) {
			r.Build = page
			resp := Serve(suggester{}, r)
			if resp.Build != "build-2" {
				t.Errorf("the core's response names build %q, want its own", resp.Build)
			}
			resp.Build = core
			return resp, nil
		}}
	}
	tests := []struct {
		name, page, core string
		want             error
	}{
		{"one build", "build-2", "build-2", nil},
		{"the core refuses an older page", "build-1", "build-2", ErrUpdated},
		{"the core refuses a page from before the check", "", "build-2", ErrUpdated},
		{"the page refuses an answer from a core from before the check", "build-2", "", ErrUpdated},
		{"the page refuses another core's answer", "build-2", "build-3", ErrUpdated},
	}
	for _, tt := range tests {
		_, err := worker(tt.page, tt.core).Suggest("text")
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: err %v, want %v", tt.name, err, tt.want)
		}
	}
}

// The check on each side, for every kind of message.
func TestCheckAnswer(t *testing.T) {
	withBuild(t, "build-2")
	tests := []struct {
		name string
		resp Response
		want error
	}{
		{"an answer of this build", Response{ID: 1, Build: "build-2", Found: &Found{}}, nil},
		{"an error of this build", Response{ID: 1, Build: "build-2", Error: "no"}, nil},
		{"an answer of another build", Response{ID: 1, Build: "build-1", Found: &Found{}}, ErrUpdated},
		{"an answer without a build", Response{ID: 1, Found: &Found{}}, ErrUpdated},
		{"another build's refusal", Response{ID: 1, Build: "build-3", Error: ErrUpdated.Error()}, ErrUpdated},
		{"the page's own error (the worker failed)", Response{ID: 1, Error: "the core worker failed"}, nil},
	}
	for _, tt := range tests {
		if err := checkAnswer(tt.resp); !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
	if err := checkRequest(Request{ID: 1, Build: "build-2"}); err != nil {
		t.Errorf("a request of this build: %v", err)
	}
	if err := checkRequest(Request{ID: 1, Build: "build-1"}); !errors.Is(err, ErrUpdated) {
		t.Errorf("a request of another build: %v", err)
	}
}

// The builds cross in the JSON both ways.
func TestBuildCrosses(t *testing.T) {
	data, err := EncodeRequest(Request{ID: 1, Build: "b", Suggest: &SuggestRequest{}})
	if err != nil {
		t.Fatal(err)
	}
	if r, err := DecodeRequest(data); err != nil || r.Build != "b" {
		t.Errorf("request: build %q, err %v", r.Build, err)
	}
	data, err = EncodeResponse(Response{ID: 1, Build: "b", Found: &Found{}})
	if err != nil {
		t.Fatal(err)
	}
	if r, err := DecodeResponse(data); err != nil || r.Build != "b" {
		t.Errorf("response: build %q, err %v", r.Build, err)
	}
}
