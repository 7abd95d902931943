package load

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	neturl "net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/protocol"
	"github.com/redline-news/redline/internal/sqlstore/sqltest"
	"github.com/redline-news/redline/internal/store"
)

func TestMain(m *testing.M) { os.Exit(sqltest.Run(m)) }

// The load: clients × rounds; each round a client creates an annotation
// (POST), replaces it (PUT with its ETag), reads the shared "hot"
// annotation and tries to replace it (PUT If-Match: 200, or 412 when
// another client got there first), and every fifth round reads a page of
// the container.
const (
	clients = 16
	rounds  = 40
)

func BenchmarkLoad(b *testing.B) {
	root, err := filepath.Abs("../..")
	if err != nil {
		b.Fatal(err)
	}
	bin := buildRedline(b)
	before := loadAverage()
	var rows []row
	for _, engine := range sqltest.Engines {
		for _, processes := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/%d-process", engine, processes), func(b *testing.B) {
				for range b.N {
					r := runLoad(b, bin, engine, processes)
					r.engine, r.processes = engine, processes
					rows = append(rows, r)
				}
			})
		}
	}
	if len(rows) == len(sqltest.Engines)*2 && !b.Failed() {
		if err := writeReport(root, rows, before); err != nil {
			b.Fatal(err)
		}
	}
}

func runLoad(b *testing.B, bin redline, engine string, processes int) row {
	b.StopTimer()
	url := sqltest.NewURL(b, engine)
	token := setUp(b, engine, url)
	flags := dbFlags(engine, url)
	servers := make([]string, processes)
	for i := range servers {
		servers[i] = serve(b, bin, flags...)
	}
	c := &client{token: token, http: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}}
	hot := c.must(b, c.do(servers[0], "POST", "/annotations/desk/", annotationJSON("hot", 0), ""), http.StatusCreated)

	var mu sync.Mutex
	var res results
	b.StartTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for i := range clients {
		wg.Go(func() {
			mine := c.clientRun(b, servers[i%processes], i, hot.location)
			mu.Lock()
			res.add(mine)
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	if b.Failed() {
		return row{}
	}
	listed := res.check(b, c, servers[len(servers)-1], hot.location)
	slices.Sort(res.latencies)
	r := row{writes: len(res.latencies), perSecond: float64(len(res.latencies)) / elapsed.Seconds(),
		p50: ms(res.latencies[len(res.latencies)/2]), p99: ms(res.latencies[len(res.latencies)*99/100]),
		conflicts: res.conflicts, annotation: listed}
	b.ReportMetric(r.perSecond, "writes/s")
	b.ReportMetric(r.p50, "p50-ms")
	b.ReportMetric(r.p99, "p99-ms")
	b.ReportMetric(float64(r.conflicts), "412s")
	b.ReportMetric(0, "ns/op")
	return r
}

// path is an annotation IRI without its scheme and host: two servers
// name the same annotation with their own host.
func path(iri string) string {
	if u, err := neturl.Parse(iri); err == nil {
		return u.Path
	}
	return iri
}

// dbFlags are serve's flags for the database at url.
func dbFlags(engine, url string) []string {
	if engine == "postgres" {
		return []string{"--postgres", url}
	}
	return []string{"--db", url}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// setUp makes the desk: alice, her token, project "desk".
func setUp(b testing.TB, engine, url string) (token string) {
	ctx := context.Background()
	db, err := sqltest.OpenURL(ctx, engine, url)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	secret, hash, err := auth.NewSecret()
	if err == nil {
		err = db.CreateUser(ctx, store.User{Name: "alice"})
	}
	if err == nil {
		err = db.AddCredential(ctx, store.Credential{Hash: hash, User: "alice", Kind: store.CredentialToken})
	}
	if err == nil {
		err = db.CreateProject(ctx, store.Project{Slug: "desk"}, "alice")
	}
	if err != nil {
		b.Fatal(err)
	}
	return secret
}

func annotationJSON(note string, n int) string {
	return fmt.Sprintf(`{"@context":"http://www.w3.org/ns/anno.jsonld","type":"Annotation",`+
		`"body":{"type":"TextualBody","value":"%s %d"},"target":"https://example.com/story"}`, note, n)
}

type client struct {
	token string
	http  *http.Client
}

type reply struct {
	status   int
	etag     string
	location string
	body     []byte
	took     time.Duration
	err      error
}

func (c *client) do(server, method, path, body, ifMatch string) reply {
	url := path
	if strings.HasPrefix(path, "/") {
		url = server + path
	}
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		return reply{err: err}
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	if body != "" {
		req.Header.Set("Content-Type", protocol.ContentType)
	}
	if ifMatch != "" {
		req.Header.Set("If-Match", ifMatch)
	}
	start := time.Now()
	res, err := c.http.Do(req)
	if err != nil {
		return reply{err: err}
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	return reply{status: res.StatusCode, etag: res.Header.Get("ETag"), location: res.Header.Get("Location"),
		body: data, took: time.Since(start), err: err}
}

func (c *client) must(b testing.TB, r reply, status int) reply {
	if r.err != nil || r.status != status {
		b.Fatalf("status %d (%v), want %d: %s", r.status, r.err, status, r.body)
	}
	return r
}

// results is what the clients saw.
type results struct {
	created   []string          // Locations answered 201
	finalBody map[string]string // each created annotation's last accepted body
	hotWins   map[string]string // ETag → body of each accepted hot replace
	latencies []time.Duration   // of every write
	conflicts int               // 412s on the hot annotation
}

func (r *results) add(o results) {
	r.created = append(r.created, o.created...)
	r.latencies = append(r.latencies, o.latencies...)
	r.conflicts += o.conflicts
	if r.finalBody == nil {
		r.finalBody, r.hotWins = map[string]string{}, map[string]string{}
	}
	for k, v := range o.finalBody {
		r.finalBody[k] = v
	}
	for k, v := range o.hotWins {
		r.hotWins[k] = v
	}
}

func (c *client) clientRun(b *testing.B, server string, id int, hot string) results {
	res := results{finalBody: map[string]string{}, hotWins: map[string]string{}}
	fail := func(what string, r reply) results {
		b.Errorf("client %d: %s: status %d (%v): %s", id, what, r.status, r.err, r.body)
		return res
	}
	for round := range rounds {
		note := fmt.Sprintf("client %d", id)
		created := c.do(server, "POST", "/annotations/desk/", annotationJSON(note, round), "")
		if created.status != http.StatusCreated {
			return fail("POST", created)
		}
		res.created = append(res.created, path(created.location))
		res.latencies = append(res.latencies, created.took)
		body := annotationJSON(note+" edited", round)
		replaced := c.do(server, "PUT", created.location, body, created.etag)
		if replaced.status != http.StatusOK {
			return fail("PUT of its own", replaced)
		}
		res.finalBody[path(created.location)] = body
		res.latencies = append(res.latencies, replaced.took)

		read := c.do(server, "GET", hot, "", "")
		if read.status != http.StatusOK {
			return fail("GET hot", read)
		}
		hotBody := annotationJSON(note+" on hot", round)
		race := c.do(server, "PUT", hot, hotBody, read.etag)
		switch race.status {
		case http.StatusOK:
			res.hotWins[race.etag] = hotBody
		case http.StatusPreconditionFailed:
			res.conflicts++
		default:
			return fail("PUT hot", race)
		}
		res.latencies = append(res.latencies, race.took)
		if round%5 == 0 {
			if page := c.do(server, "GET", "/annotations/desk/?page=0", "", ""); page.status != http.StatusOK {
				return fail("GET page", page)
			}
		}
	}
	return res
}

// check walks every page of the container (through the other server when
// there are two) and checks that each annotation answered 201 is listed
// once with its last accepted body, and the hot one holds the last
// accepted replace.
func (r *results) check(b *testing.B, c *client, server, hot string) (listed int) {
	seen := c.walk(b, server)
	for _, loc := range r.created {
		if len(seen[loc]) != 1 {
			b.Errorf("%s was answered 201 and is listed %d times", loc, len(seen[loc]))
		} else if want := r.finalBody[loc]; !strings.Contains(want, `"`+seen[loc][0]+`"`) {
			b.Errorf("%s holds %q, want the last accepted %s", loc, seen[loc][0], want)
		}
	}
	if want := len(r.created) + 1; len(seen) != want {
		b.Errorf("the container lists %d annotations, want %d", len(seen), want)
	}
	final := c.must(b, c.do(server, "GET", hot, "", ""), http.StatusOK)
	if _, ok := r.hotWins[final.etag]; !ok {
		b.Errorf("the hot annotation's ETag %s is none of the %d accepted replaces", final.etag, len(r.hotWins))
	}
	return len(seen)
}

// walk follows the container's pages from the first and returns the body
// value of each annotation listed, by path (a list, to see one listed
// twice).
func (c *client) walk(b testing.TB, server string) map[string][]string {
	seen := map[string][]string{}
	next := server + "/annotations/desk/?page=0"
	for next != "" {
		page := c.must(b, c.do(server, "GET", next, "", ""), http.StatusOK)
		var p struct {
			Next  string `json:"next"`
			Items []struct {
				ID   string `json:"id"`
				Body struct {
					Value string `json:"value"`
				} `json:"body"`
			} `json:"items"`
		}
		if err := json.Unmarshal(page.body, &p); err != nil {
			b.Fatal(err)
		}
		for _, a := range p.Items {
			seen[path(a.ID)] = append(seen[path(a.ID)], a.Body.Value)
		}
		next = p.Next
	}
	return seen
}
