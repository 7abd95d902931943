package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/redline-news/redline/internal/sqlstore/sqltest"
	"github.com/redline-news/redline/internal/store"
)

func TestMain(m *testing.M) { os.Exit(sqltest.Run(m)) }

// Failed sign-ins are counted in the database: two server processes on
// one database share the limits per name and per address, a good
// password past the limit is refused too, and the window ends it.
func TestSignInLimitsAcrossProcesses(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, engine string, newURL func(testing.TB) string) {
		ctx := context.Background()
		url := newURL(t)
		db := sqltest.Open(t, engine, url)
		hash, err := HashPassword("pw")
		must(t, err)
		for _, name := range []string{"vera", "bob"} {
			must(t, db.CreateUser(ctx, store.User{Name: name, PasswordHash: hash}))
		}
		now := time.Now().UTC().Truncate(time.Second)
		procs := []*Auth{New(db), New(sqltest.Open(t, engine, url))}
		for _, p := range procs {
			p.now = func() time.Time { return now }
		}
		signIn := func(p *Auth, name, password, addr string) error {
			r := httptest.NewRequest("POST", "http://redline.test/api/session", nil)
			r.RemoteAddr = addr + ":4321"
			return p.SignIn(httptest.NewRecorder(), r, name, password)
		}
		// Five wrong passwords for vera, alternating between processes.
		for i := range maxFailures {
			if err := signIn(procs[i%2], "vera", "guess", "192.0.2.1"); err != ErrBadCredentials {
				t.Fatalf("guess %d: %v", i, err)
			}
		}
		for _, p := range procs {
			var ra *RetryAfter
			err := signIn(p, "vera", "pw", "198.51.100.7") // the right password, from elsewhere
			if !errors.As(err, &ra) || !ra.Until.Equal(now.Add(failureWindow)) || ra.Seconds(now) != "900" {
				t.Errorf("vera past the limit: %v", err)
			}
		}
		must(t, signIn(procs[1], "bob", "pw", "192.0.2.1")) // another name from that address
		// Twenty failures from one IPv6 /64, spread over its addresses
		// and over names, block the /64 but not another network.
		for i := range maxAddrFailures {
			signIn(procs[i%2], fmt.Sprintf("nobody%d", i), "guess", fmt.Sprintf("2001:db8:1:2::%x", i+1))
		}
		var ra *RetryAfter
		if err := signIn(procs[0], "bob", "pw", "2001:db8:1:2:ffff::1"); !errors.As(err, &ra) {
			t.Errorf("the /64 past its limit: %v", err)
		}
		must(t, signIn(procs[0], "bob", "pw", "2001:db8:1:3::1"))
		// After the window, vera signs in, and that clears her count.
		for _, p := range procs {
			p.now = func() time.Time { return now.Add(failureWindow) }
		}
		must(t, signIn(procs[1], "vera", "pw", "192.0.2.1"))
		if n, _, err := db.SignInFailures(ctx, "name:vera"); err != nil || n != 0 {
			t.Errorf("vera's count after signing in: %d, %v", n, err)
		}
	})
}

// Old counts are dropped as new failures come in: the table holds one
// window's worth, however many keys an attacker tries.
func TestSignInFailuresPruned(t *testing.T) {
	ctx := context.Background()
	db := sqltest.New(t, "sqlite")
	start := time.Now().UTC().Truncate(time.Second)
	for i := range 50 {
		must(t, db.AddSignInFailure(ctx, start, failureWindow, fmt.Sprint("addr:", i)))
	}
	must(t, db.AddSignInFailure(ctx, start.Add(failureWindow), failureWindow, "addr:late"))
	for i := range 50 {
		if n, _, _ := db.SignInFailures(ctx, fmt.Sprint("addr:", i)); n != 0 {
			t.Fatalf("addr:%d still counted after its window", i)
		}
	}
	if n, since, _ := db.SignInFailures(ctx, "addr:late"); n != 1 || !since.Equal(start.Add(failureWindow)) {
		t.Errorf("addr:late: %d since %v", n, since)
	}
}

func TestAddrKey(t *testing.T) {
	for in, want := range map[string]string{
		"192.0.2.1":            "192.0.2.1",
		"::ffff:192.0.2.1":     "192.0.2.1",
		"2001:db8:1:2::7":      "2001:db8:1:2::/64",
		"2001:db8:1:2:a:b:c:d": "2001:db8:1:2::/64",
		"not an address":       "not an address",
	} {
		if got := addrKey(in); got != want {
			t.Errorf("addrKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
