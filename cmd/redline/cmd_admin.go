//go:build !js

package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/redline-news/redline/internal/auth"
	"github.com/redline-news/redline/internal/sqlstore"
	"github.com/redline-news/redline/internal/store"
)

// adminAction is one `redline admin` command: its words, how many
// arguments follow them, the flags it takes beyond the store's, and what
// it does once every input has been checked.
type adminAction struct {
	words  string // e.g. "user add"
	args   string // usage of what follows
	nargs  int
	flags  []string
	check  func(in adminInput) error
	do     func(ctx context.Context, db *sqlstore.DB, in adminInput) error
	wantIn bool // reads standard input
}

type adminInput struct {
	e            *env
	args         []string
	label, owner string
	role         store.Role
	password     string
	allowPrivate bool // watch add
	ignoreRobots bool // watch add
}

var adminActions = []adminAction{
	{
		words: "user add", args: "NAME  (password on standard input)", nargs: 1, wantIn: true,
		check: func(in adminInput) error { return auth.ValidName(in.args[0]) },
		do: func(ctx context.Context, db *sqlstore.DB, in adminInput) error {
			hash, err := auth.HashPassword(in.password)
			if err != nil {
				return err
			}
			if err := db.CreateUser(ctx, store.User{Name: in.args[0], PasswordHash: hash}); err != nil {
				return err
			}
			fmt.Fprintf(in.e.stdout, "added user %s\n", in.args[0])
			return nil
		},
	},
	{
		words: "token add", args: "NAME [--label TEXT]", nargs: 1, flags: []string{"label"},
		check: func(in adminInput) error { return auth.ValidName(in.args[0]) },
		do: func(ctx context.Context, db *sqlstore.DB, in adminInput) error {
			secret, hash, err := auth.NewSecret()
			if err != nil {
				return err
			}
			c := store.Credential{Hash: hash, User: in.args[0], Kind: store.CredentialToken, Label: in.label}
			if err := db.AddCredential(ctx, c); err != nil {
				return err
			}
			fmt.Fprintln(in.e.stdout, secret) // shown once: only its hash is kept
			return nil
		},
	},
	{
		words: "project add", args: "SLUG --owner NAME", nargs: 1, flags: []string{"owner"},
		check: func(in adminInput) error {
			if in.owner == "" {
				return usagef("admin project add: --owner NAME is required")
			}
			return errors.Join(auth.ValidSlug(in.args[0]), auth.ValidName(in.owner))
		},
		do: func(ctx context.Context, db *sqlstore.DB, in adminInput) error {
			if err := db.CreateProject(ctx, store.Project{Slug: in.args[0], Title: in.args[0]}, in.owner); err != nil {
				return err
			}
			fmt.Fprintf(in.e.stdout, "added project %s, owned by %s\n", in.args[0], in.owner)
			return nil
		},
	},
	{
		words: "member add", args: "SLUG NAME --role viewer|editor|admin", nargs: 2, flags: []string{"role"},
		check: func(in adminInput) error {
			if !slices.Contains(store.Roles, in.role) {
				return usagef("admin member add: --role must be viewer, editor or admin, not %q", in.role)
			}
			return errors.Join(auth.ValidSlug(in.args[0]), auth.ValidName(in.args[1]))
		},
		do: func(ctx context.Context, db *sqlstore.DB, in adminInput) error {
			m := store.Member{Project: in.args[0], User: in.args[1], Role: in.role}
			if err := db.SetMember(ctx, store.Actor{User: "admin"}, m); err != nil {
				return err
			}
			fmt.Fprintf(in.e.stdout, "%s is %s of %s\n", m.User, m.Role, m.Project)
			return nil
		},
	},
}

// adminUsage lists every admin command.
func adminUsage() error {
	lines := make([]string, len(adminActions))
	for i, a := range adminActions {
		lines[i] = a.words + " " + a.args
	}
	return usagef("usage: redline admin [--db FILE | --postgres URL] %s", strings.Join(lines, " | "))
}

func runAdmin(e *env, args []string) error {
	fs := newFlags("admin")
	db := addDatabaseFlags(fs)
	label := fs.String("label", "", "token add: what the token is for")
	owner := fs.String("owner", "", "project add: the user who administers it")
	role := fs.String("role", "", "member add: viewer, editor or admin")
	allowPrivate := fs.Bool("allow-private", false, "watch add: also fetch loopback, private and link-local addresses")
	fs.BoolVar(allowPrivate, "watch-allow-private", false, "watch add: the same as --allow-private")
	ignoreRobots := fs.Bool("ignore-robots", false, "watch add: fetch even where robots.txt disallows Redline")
	positional, err := parseFlags(fs, args, -1)
	if err != nil {
		return err
	}
	action, args, err := findAdminAction(positional)
	if err != nil {
		return err
	}
	if err := db.check(fs); err != nil {
		return err
	}
	var stray []string
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "db" && f.Name != "postgres" && !slices.Contains(action.flags, f.Name) {
			stray = append(stray, "--"+f.Name)
		}
	})
	if len(stray) > 0 {
		return usagef("admin %s does not take %s", action.words, strings.Join(stray, ", "))
	}
	in := adminInput{e: e, args: args, label: *label, owner: *owner, role: store.Role(*role),
		allowPrivate: *allowPrivate, ignoreRobots: *ignoreRobots}
	if err := action.check(in); err != nil {
		return err
	}
	if action.wantIn {
		if in.password, err = readPassword(e); err != nil {
			return err
		}
	}
	// Everything given is checked: only now is the database opened (and
	// created, the first time).
	ctx := context.Background()
	store, err := db.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	return action.do(ctx, store, in)
}

// findAdminAction finds the action the first words name (one word, like
// "stories", or two, like "user add") and returns the arguments after them.
func findAdminAction(positional []string) (adminAction, []string, error) {
	for _, a := range adminActions {
		n := len(strings.Fields(a.words))
		if len(positional) >= n && strings.Join(positional[:n], " ") == a.words {
			if len(positional)-n != a.nargs {
				return a, nil, usagef("usage: redline admin [--db FILE | --postgres URL] %s %s", a.words, a.args)
			}
			return a, positional[n:], nil
		}
	}
	return adminAction{}, nil, adminUsage()
}

// readPassword reads the password from the first line of standard input
// (a terminal, a pipe or a file), without its line ending.
func readPassword(e *env) (string, error) {
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", errors.New("admin user add: no password on standard input")
	}
	password := strings.TrimRight(line, "\r\n")
	if password == "" {
		return "", errors.New("admin user add: the password on standard input is empty")
	}
	return password, nil
}
