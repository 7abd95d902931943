package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/sync"
)

func TestOverallStateIsTheWorstOfTheProjects(t *testing.T) {
	t1 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	t2 := t1.Add(time.Hour)
	alice := Session{User: "alice"}
	for _, tc := range []struct {
		name    string
		session Session
		states  []sync.State
		want    sync.State
	}{
		{"not signed in", Session{}, []sync.State{{Kind: sync.StatePending, Pending: 3}}, sync.State{Kind: sync.StateLocal}},
		{"revoked", Session{User: "alice", Revoked: true}, nil, sync.State{Kind: sync.StateError, Reason: errSignedOut.Error()}},
		{"no project yet", alice, nil, sync.State{Kind: sync.StateSynced}},
		{"pending counts add up", alice,
			[]sync.State{{Kind: sync.StatePending, Pending: 2, LastSync: t2}, {Kind: sync.StateSynced, LastSync: t1}},
			sync.State{Kind: sync.StatePending, Pending: 2, LastSync: t1}},
		{"offline beats a conflict", alice,
			[]sync.State{{Kind: sync.StateConflict, Conflicts: 1}, {Kind: sync.StateOffline, Pending: 1}},
			sync.State{Kind: sync.StateOffline, Pending: 1, Conflicts: 1}},
		{"changes set aside beat waiting ones, not a conflict", alice,
			[]sync.State{{Kind: sync.StatePending, Pending: 1}, {Kind: sync.StateRefused, Refused: 2, Reason: "kept aside"}},
			sync.State{Kind: sync.StateRefused, Pending: 1, Refused: 2, Reason: "kept aside"}},
		{"an error beats all, with its reason", alice,
			[]sync.State{{Kind: sync.StateOffline}, {Kind: sync.StateError, Reason: "no longer a member"}},
			sync.State{Kind: sync.StateError, Reason: "no longer a member"}},
	} {
		if got := overallState(tc.session, tc.states); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

func TestSyncWords(t *testing.T) {
	at := time.Date(2026, 12, 1, 9, 30, 5, 0, time.Local)
	for _, tc := range []struct {
		st   sync.State
		want string
	}{
		{sync.State{Kind: sync.StateLocal}, "Personal library (not signed in)"},
		{sync.State{Kind: sync.StateSynced, LastSync: at}, "Synced · last synced 09:30:05"},
		{sync.State{Kind: sync.StatePending, Pending: 1}, "1 edit waiting to be sent"},
		{sync.State{Kind: sync.StateOffline, Pending: 3}, "Offline: 3 edits waiting"},
		{sync.State{Kind: sync.StateConflict, Conflicts: 2}, "2 conflicts to resolve"},
		{sync.State{Kind: sync.StateError, Reason: "You are signed out"}, "Not syncing: You are signed out"},
		{sync.State{Kind: sync.StateRefused, Refused: 1, Reason: "1 change made here could not be saved"}, "1 change made here could not be saved"},
	} {
		if got := syncWords(tc.st); !strings.HasPrefix(got, tc.want) || len(got) != len(tc.want) {
			t.Errorf("%+v: %q, want %q", tc.st, got, tc.want)
		}
	}
}
