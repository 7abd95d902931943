package load

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/sqlstore/sqltest"
)

// TestRestartLosesNothing kills a server (SIGKILL, no shutdown) while
// clients write, starts another on the same database, and checks that
// every write answered 201 or 200 before the kill is there.
func TestRestartLosesNothing(t *testing.T) {
	bin := buildRedline(t)
	for _, engine := range sqltest.Engines {
		t.Run(engine, func(t *testing.T) {
			url := sqltest.NewURL(t, engine)
			c := &client{token: setUp(t, engine, url), http: &http.Client{Timeout: 10 * time.Second}}
			server, proc := start(t, bin, dbFlags(engine, url)...)

			var accepted atomic.Int64
			var mu sync.Mutex
			// path → the last body answered 201/200, and the one sent
			// after it whose answer the kill may have cut off.
			last, inFlight := map[string]string{}, map[string]string{}
			var wg sync.WaitGroup
			for i := range 8 {
				wg.Go(func() {
					for round := 0; ; round++ {
						body := annotationJSON(fmt.Sprintf("client %d", i), round)
						created := c.do(server, "POST", "/annotations/desk/", body, "")
						if created.status != http.StatusCreated {
							return // the server is gone
						}
						mu.Lock()
						last[path(created.location)] = body
						mu.Unlock()
						edited := annotationJSON(fmt.Sprintf("client %d edited", i), round)
						mu.Lock()
						inFlight[path(created.location)] = edited
						mu.Unlock()
						if c.do(server, "PUT", created.location, edited, created.etag).status != http.StatusOK {
							return
						}
						mu.Lock()
						last[path(created.location)] = edited
						mu.Unlock()
						accepted.Add(2)
					}
				})
			}
			for accepted.Load() < 200 {
				time.Sleep(10 * time.Millisecond)
			}
			if err := proc.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			wg.Wait()

			restarted := serve(t, bin, dbFlags(engine, url)...)
			seen := c.walk(t, restarted)
			for p, body := range last {
				if len(seen[p]) != 1 || !strings.Contains(body+inFlight[p], `"`+seen[p][0]+`"`) {
					t.Errorf("%s: answered with %s before the kill, after the restart listed as %q", p, body, seen[p])
				}
			}
			t.Logf("%d annotations answered before the kill, %d listed after the restart", len(last), len(seen))
		})
	}
}
