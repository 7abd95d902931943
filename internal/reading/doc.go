// Package reading computes what the reading view shows, in pure Go so it is
// tested natively: how overlapping annotations split a paragraph into
// runs of text under the same set of highlights, and how a raw browser
// selection snaps to whole words.
package reading
