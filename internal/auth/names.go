package auth

import "github.com/redline-news/redline/internal/ids"

// The name rules live in internal/ids (the wasm client checks ids too
// and must not link argon2); these keep auth's callers unchanged.
var (
	ValidName = ids.ValidName
	ValidSlug = ids.ValidSlug
)
