// Package protocol serves a project's annotations through the W3C Web
// Annotation Protocol (https://www.w3.org/TR/annotation-protocol/): one
// LDP Basic Container per project at /annotations/SLUG/, holding its
// annotations at /annotations/SLUG/ID.
//
//   - Containers are AnnotationCollections with a total, paged in
//     AnnotationPages of PageSize (?page=N, starting at 0; ?iris=1 lists
//     IRIs only) with partOf, next, prev and startIndex. Prefer chooses
//     PreferMinimalContainer (no page embedded), PreferContainedIRIs or
//     PreferContainedDescriptions (the default: the first page embedded
//     with full annotations).
//   - Every response has the profiled JSON-LD Content-Type, a strong ETag
//     made from the store's change sequence, Allow, Vary and LDP Link
//     types; GET, HEAD and OPTIONS answer alike (HEAD and OPTIONS without
//     a body).
//   - POST creates (201, Location, ETag): the server assigns the id (the
//     Slug header when it is a free, safe slug; else a random UUID) and
//     the IRI; an id the client sent is kept as via. PUT replaces and
//     needs If-Match (428 without, 412 when stale); DELETE answers 204,
//     then the IRI is 410 Gone for good.
//   - Bodies are validated with internal/annotation before anything is
//     stored: 400 with every problem. Any valid W3C annotation is kept,
//     whether or not Redline can place it in a text.
//   - The server, not the client, says who wrote: creator is set to the
//     signed-in user on creation and kept on replacement.
package protocol
