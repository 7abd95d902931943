// Package auth is who may do what on the Redline server.
//
// People sign in with a name and a password (hashed with Argon2id, see
// HashPassword) and get a session cookie that lasts SessionTTL (30 days:
// a reporter offline for a week stays signed in); scripts send
// "Authorization: Bearer TOKEN". Sessions and tokens are random 32-byte
// secrets of which the store keeps only the SHA-256, so a copy of the
// database signs nobody in; deleting the row revokes them.
//
// Per project, a member is a viewer (reads), an editor (writes) or an
// admin (manages members too). A project the caller is not a member of is
// reported exactly like one that does not exist (store.ErrNotFound), so
// probing slugs tells nothing.
//
// Requests authenticated by cookie that change something must come from
// the server's own origin (net/http's CrossOriginProtection: Sec-Fetch-Site
// and Origin; a cookie write carrying neither is refused too), so another
// site cannot make a signed-in browser write.
// Failed sign-ins are rate-limited per name and per client address.
package auth
