package auth

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/redline-news/redline/internal/store"
)

// A credential's id names a session or token in listings and revocations:
// the first idLen hex digits of the secret's hash. The hash (let alone
// the id) does not sign anyone in, so showing it is safe, and 64 bits
// keep one user's ids apart.
const idLen = 16

// MaxLabel bounds a token's label.
const MaxLabel = 200

// CredentialID is the id listings show for a credential.
func CredentialID(c store.Credential) string { return c.Hash[:min(idLen, len(c.Hash))] }

// Credentials lists a user's live credentials of a kind (CredentialToken
// or CredentialSession), oldest first; expired ones are left out.
func (a *Auth) Credentials(ctx context.Context, user, kind string) ([]store.Credential, error) {
	all, err := a.store.Credentials(ctx, user)
	if err != nil {
		return nil, err
	}
	now := a.now()
	var out []store.Credential
	for _, c := range all {
		if c.Kind == kind && (c.Expires.IsZero() || now.Before(c.Expires)) {
			out = append(out, c)
		}
	}
	return out, nil
}

// NewToken makes an API token for user and returns its secret, to be
// shown once: the store keeps only its hash.
func (a *Auth) NewToken(ctx context.Context, user, label string) (string, store.Credential, error) {
	label = strings.TrimSpace(label)
	if len(label) > MaxLabel {
		return "", store.Credential{}, fmt.Errorf("label longer than %d bytes: %w", MaxLabel, store.ErrInvalid)
	}
	secret, hash, err := NewSecret()
	if err != nil {
		return "", store.Credential{}, err
	}
	c := store.Credential{Hash: hash, User: user, Kind: store.CredentialToken, Label: label, Created: a.now().UTC().Truncate(time.Second)}
	return secret, c, a.store.AddCredential(ctx, c)
}

// Revoke deletes user's credential of a kind with the id (CredentialID):
// it signs nobody in from then on. Another user's, or none, is
// store.ErrNotFound.
func (a *Auth) Revoke(ctx context.Context, user, kind, id string) error {
	cs, err := a.Credentials(ctx, user, kind)
	if err != nil {
		return err
	}
	for _, c := range cs {
		if len(id) == idLen && CredentialID(c) == id {
			return a.store.DeleteCredential(ctx, c.Hash)
		}
	}
	return fmt.Errorf("%s %q: %w", kind, id, store.ErrNotFound)
}
