package auth

import (
	"errors"
	"fmt"
	"runtime"

	"github.com/alexedwards/argon2id"
)

// MaxPasswordBytes bounds what is hashed: Argon2id is slow on purpose, and
// a megabyte "password" should not cost more than a sensible one.
const MaxPasswordBytes = 1024

// passwordParams follow OWASP's Argon2id recommendation (19 MiB, 2 passes,
// 1 lane): strong enough, and cheap enough that a small server can sign in
// a desk at once. The parameters travel in the hash, so they can be raised
// later without invalidating stored passwords.
var passwordParams = &argon2id.Params{Memory: 19 * 1024, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// HashPassword returns the Argon2id hash of a password as a PHC string
// ("$argon2id$v=19$m=…").
func HashPassword(password string) (string, error) {
	if err := checkPassword(password); err != nil {
		return "", err
	}
	return argon2id.CreateHash(password, passwordParams)
}

func checkPassword(password string) error {
	if password == "" {
		return errors.New("empty password")
	}
	if len(password) > MaxPasswordBytes {
		return fmt.Errorf("password longer than %d bytes", MaxPasswordBytes)
	}
	return nil
}

// dummyHash is compared against when the user does not exist, so that a
// wrong name takes as long as a wrong password and timing tells nothing.
var dummyHash = mustHash("redline-no-such-user")

func mustHash(p string) string {
	h, err := HashPassword(p)
	if err != nil {
		panic(err)
	}
	return h
}

// checking bounds the password checks that run at once: each takes 19 MiB,
// and a burst of sign-ins (or an attacker's) must not exhaust memory.
var checking = make(chan struct{}, runtime.GOMAXPROCS(0))

// passwordMatches reports whether password is the one hashed; an empty or
// malformed hash matches nothing.
func passwordMatches(password, hash string) bool {
	checking <- struct{}{}
	defer func() { <-checking }()
	if hash == "" || checkPassword(password) != nil {
		argon2id.ComparePasswordAndHash(password, dummyHash)
		return false
	}
	ok, err := argon2id.ComparePasswordAndHash(password, hash)
	return err == nil && ok
}
