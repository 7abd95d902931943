// Package annotation is Redline's domain model (Annotation, Target, Story,
// Revision) and its W3C Web Annotation JSON-LD encoding: MarshalAnnotation
// and MarshalCollection write it, Validate checks any file against the
// W3C model, and Decode reads Redline's files and other tools'.
//
// # Encoding
//
// Every annotation is an Annotation with "@context"
// "http://www.w3.org/ns/anno.jsonld", its id (a urn:uuid from NewID for
// Redline's own), created and modified as xsd:dateTime in UTC to the
// second, a creator {"type": "Person", "name": …} when Creator is set, and
// a generator: Redline itself ({"id": "https://github.com/redline-news/redline",
// "type": "Software", "name": "Redline"}), or for a suggestion
// "urn:redline:suggester" (":" + Suggester) — the generator is what marks a
// suggestion.
//
// Bodies are TextualBodies distinguished by purpose, in this order:
//   - tagging: the kind ("quote", "claim" or "note") first, then one body
//     per user tag. The kind is always written, notes included, so that a
//     user tag that happens to read "quote" is never mistaken for the kind;
//   - identifying: the speaker;
//   - assessing: the verdict (see Verdict.ClaimReviewRating for the
//     schema.org mapping);
//   - commenting: the note, with format text/plain.
//
// The motivation names the main intent, from the W3C vocabulary: assessing
// for a claim with a verdict, commenting for a note, tagging otherwise
// (marking a passage as a quote or claim tags it).
//
// The target is a SpecificResource: source is the story
// (urn:redline:story:<id>, see StorySource), state a TimeState whose
// sourceDate is the revision date (a bare YYYY-MM-DD date is written as
// midnight UTC, because sourceDate must be an xsd:dateTime, and midnight
// UTC reads back as the bare date), and selector a TextQuoteSelector and/or
// a TextPositionSelector counted in Unicode code points.
//
// A file is an AnnotationCollection whose embedded first page holds every
// annotation; the items inherit the collection's @context. The collection
// and page ids are name-based UUIDs of the label and annotation ids, so
// exporting the same annotations twice gives the same bytes.
//
// # Migration fields
//
// Status, Before and Revision have no W3C property. They are written as a
// JSON-LD extension: the @context becomes
//
//	["http://www.w3.org/ns/anno.jsonld", {"redline": "https://github.com/redline-news/redline/ns#"}]
//
// and the annotation carries "redline:status", "redline:before" and
// "redline:revision" (and "redline:moved": true on a changed annotation
// whose passage also moved). The W3C suite allows extra contexts after the anno
// one, JSON-LD processors expand the keys to Redline's namespace, and
// tools that read plain JSON ignore keys they do not know. Tags or
// comments were rejected for this: other tools would show them to users
// as if a person had written them. The extended context is written only
// when an annotation (or, for a collection, any annotation) needs it.
//
// # Validate and Decode
//
// Validate is conformance: it implements every MUST assertion of the W3C
// test suite (annotations/annotationMusts.test, the collection and page
// MUSTs) with hand-written checks that name the JSON path, plus sanity
// limits (MaxInputBytes, MaxDepth, UTF-8, duplicate keys, duplicate
// annotation ids, offsets that are plain integers up to MaxOffset with
// start <= end). A key repeated in one object is one problem however often
// it repeats, and Validate and Decode list at most MaxProblems problems,
// then say how many more they found. Validate follows the model where the
// suite's schemas are narrower: Composite, List and Independents are
// accepted like Choice, and selectors or states of types the model does
// not define are extensions, accepted unchecked (Hypothesis adds
// PageSelector, for example).
//
// ValidateReport is Validate with notes: for each valid annotation, what
// would stop Redline from placing it in a text (a whole-resource target,
// no text selector). Those are not conformance problems; `redline
// validate` prints them as notes and still accepts the file.
//
// DecodeLenient is Decode for files from other tools: it repairs only what
// has one reading (relative or bare ids, a missing target source, linking
// relations skipped) before decoding; see its comment.
//
// Decode is conformance plus "Redline can use it": it reports everything
// Validate does, then, for each valid annotation, whatever stops Redline
// from placing it: a target that is only an IRI, more than one target, no
// top-level TextQuoteSelector or TextPositionSelector (selectors nested in
// refinedBy or RangeSelector count from an element, not from the text, and
// are ignored), annotations or pages only linked by IRI, and the domain
// rules of Annotation.Validate. Quote-only targets are fine.
//
// Other tools' bodies map by purpose: the first tagging body is the kind
// when it reads quote, claim or note, and the other tagging (and
// classifying) bodies are tags; the first identifying body is the speaker;
// an assessing body holding one of Redline's verdicts is the verdict; any
// other text (commenting, describing, a body with no purpose, bodyValue,
// an assessment in words) joins the note, separated by blank lines. With
// no kind tag an annotation is a claim if it has a verdict, else a note.
// Bodies without text (links to other resources) have no place in the
// model and are dropped, as are blank or repeated tags. Times are kept to
// the second, in UTC.
package annotation
