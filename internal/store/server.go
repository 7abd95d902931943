package store

// What a server keeps beside the store.Store records: people, projects (a
// desk's shared library), who may do what in each, annotations as W3C
// documents with their history, and one change sequence that orders every
// write. internal/sqlstore implements them; internal/auth,
// internal/protocol and internal/api use them. The contract between those
// packages is these types (see each package's consumer interface).

import (
	"errors"
	"time"

	"github.com/redline-news/redline/internal/annotation"
)

// ErrGone: the record was deleted; a tombstone keeps its id, which is never reused (HTTP 410).
var ErrGone = errors.New("deleted (its id is never reused)")

// ErrReplayed: the Actor's ChangeID was already applied in this project; nothing was written.
// Returned wrapped, TOGETHER WITH the record's current state (so a retried push can answer like the first one).
var ErrReplayed = errors.New("change already applied")

type Role string

const (
	RoleViewer Role = "viewer" // reads
	RoleEditor Role = "editor" // reads and writes stories, revisions, annotations
	RoleAdmin  Role = "admin"  // editor + manages members
)

type User struct {
	Name         string // unique; ^[a-z0-9][a-z0-9._-]{0,62}$ (checked by the caller: auth.ValidName)
	PasswordHash string // auth.HashPassword's PHC string (argon2id); "" = cannot sign in with a password
	Created      time.Time
}

// Credential is a session or an API token. Only the SHA-256 (lower-case hex) of the secret is stored.
type Credential struct {
	Hash    string // hex SHA-256 of the secret (auth.HashSecret); primary key
	User    string
	Kind    string // "session" or "token"
	Label   string // token label / session user agent, for listings
	Created time.Time
	Expires time.Time // zero = never (tokens); the store returns expired ones too, auth checks
}

type Project struct {
	Slug    string // ^[a-z0-9][a-z0-9-]{0,62}$
	Title   string
	Created time.Time
}

type Member struct {
	Project, User string
	Role          Role
}

// Actor is who makes a write, as the server authenticated it — never the client's claim.
type Actor struct {
	User     string
	Device   string // optional client device id (sync), recorded in history
	ChangeID string // optional client change id; if already applied in this project: nothing written, ErrReplayed
}

// StoryRec is a story of a project.
type StoryRec struct {
	Project               string
	annotation.Story             // ID, Title, Created
	Source                string // where it came from: a URL, "file:NAME", "" unknown
	Seq                   int64  // change seq of its last write (strong ETag); 0 = not stored yet
	Deleted               bool   // tombstone
	CreatedBy, ModifiedBy string
	Modified              time.Time
}

// RevisionRec is one revision of a story of a project. Revisions are immutable once added.
type RevisionRec struct {
	Project             string
	annotation.Revision        // ID, StoryID, Date, Title, Text, Added
	Source              string // URL fetched / file name / "" unknown
	Seq                 int64
	Deleted             bool // tombstoned with its story
	AddedBy             string
}

// Doc is one annotation of a project: the W3C JSON-LD as validated and normalised by the handler, plus what the server knows.
type Doc struct {
	Project               string
	ID                    string    // local id ^[a-z0-9][a-z0-9-]{0,62}$; its IRI is <base>/annotations/<project>/<id> (built per request)
	JSON                  []byte    // compact JSON object WITHOUT "id" (the handler adds the IRI when serving); opaque to the store
	StoryID               string    // the Redline story it targets, "" if none (not a foreign key: any valid annotation is stored)
	Seq                   int64     // change seq of its last write or of its tombstone → ETag
	Created, Modified     time.Time // server clock
	CreatedBy, ModifiedBy string    // user names (Actor.User)
	Deleted               bool
}

// DocRevision is one entry of an annotation's history: every write (create, replace, delete) adds one.
type DocRevision struct {
	Seq                  int64  // the seq this write got
	BaseSeq              int64  // the seq it replaced (0 for the create)
	JSON                 []byte // the state written (nil for a delete)
	Deleted              bool
	By, Device, ChangeID string
	At                   time.Time
}

// DocQuery selects a project's live annotations, in creation order (first stored first; replacing keeps the place).
type DocQuery struct {
	StoryID       string // "" = all
	Offset, Limit int    // Limit 0 = no limit
}

// DocPage is one slice of a project's live annotations, read in ONE transaction.
type DocPage struct {
	Docs  []Doc
	Total int   // live annotations matching (ignoring Offset/Limit)
	Seq   int64 // the project's latest change seq (any kind) at that read → container ETag
}

// Change is one entry of a project's change feed: the LATEST state of one record changed after `since`.
type Change struct {
	Seq      int64
	Kind     string       // "story", "revision", "annotation", "member"
	ID       string       // story/revision/annotation id, or the user name for "member"
	Deleted  bool         // tombstone (or member removed)
	Story    *StoryRec    // set for Kind "story"    (tombstones too)
	Revision *RevisionRec // set for Kind "revision"
	Doc      *Doc         // set for Kind "annotation" (tombstones too: Deleted, JSON nil)
	Member   *Member      // set for Kind "member" (nil when removed)
}

// Roles lists the roles from least to most allowed.
var Roles = []Role{RoleViewer, RoleEditor, RoleAdmin}

// Allows reports whether r may do what need requires: admin ⊇ editor ⊇
// viewer. An unknown role allows nothing.
func (r Role) Allows(need Role) bool {
	return r.rank() > 0 && r.rank() >= need.rank()
}

func (r Role) rank() int {
	for i, known := range Roles {
		if r == known {
			return i + 1
		}
	}
	return 0
}

// Change kinds in the change sequence.
const (
	KindStory      = "story"
	KindRevision   = "revision"
	KindAnnotation = "annotation"
	KindMember     = "member"
)

// Credential kinds.
const (
	CredentialSession = "session"
	CredentialToken   = "token"
)
