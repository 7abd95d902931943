//go:build !js

package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/sqlstore"
	"github.com/redline-news/redline/internal/store"
)

// The admin commands that list and revoke a user's API tokens.
func init() {
	adminActions = append(adminActions,
		adminAction{
			words: "token list", args: "NAME", nargs: 1,
			check: func(in adminInput) error { return auth.ValidName(in.args[0]) },
			do:    adminTokenList,
		},
		adminAction{
			words: "token rm", args: "NAME TOKEN_ID", nargs: 2,
			check: func(in adminInput) error { return errors.Join(auth.ValidName(in.args[0]), auth.ValidSlug(in.args[1])) },
			do:    adminTokenRemove,
		},
	)
}

type tokenListing struct {
	ID      string    `json:"id"`
	Label   string    `json:"label"`
	Created time.Time `json:"created"`
}

// adminTokenList prints a user's tokens (never their secrets) as JSON.
func adminTokenList(ctx context.Context, db *sqlstore.DB, in adminInput) error {
	if _, err := db.User(ctx, in.args[0]); err != nil {
		return err
	}
	cs, err := auth.New(db).Credentials(ctx, in.args[0], store.CredentialToken)
	if err != nil {
		return err
	}
	out := []tokenListing{}
	for _, c := range cs {
		out = append(out, tokenListing{ID: auth.CredentialID(c), Label: c.Label, Created: c.Created.UTC()})
	}
	enc := json.NewEncoder(in.e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// adminTokenRemove revokes one of a user's tokens, by the id token list
// shows.
func adminTokenRemove(ctx context.Context, db *sqlstore.DB, in adminInput) error {
	if err := auth.New(db).Revoke(ctx, in.args[0], store.CredentialToken, in.args[1]); err != nil {
		return err
	}
	fmt.Fprintf(in.e.stdout, "revoked token %s of %s\n", in.args[1], in.args[0])
	return nil
}
