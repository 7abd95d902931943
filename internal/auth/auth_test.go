package auth

import (
	"strings"
	"testing"
)

func TestNames(t *testing.T) {
	for _, tc := range []struct {
		s          string
		name, slug bool
	}{
		{"desk", true, true},
		{"a", true, true},
		{"news-desk-2", true, true},
		{"j.doe_1", true, false},
		{"", false, false},
		{"-desk", false, false},
		{"..", false, false},
		{"a/b", false, false},
		{"Desk", false, false},
		{"a%2fb", false, false},
		{"a\x00b", false, false},
		{"é", false, false},
		{strings.Repeat("a", 63), true, true},
		{strings.Repeat("a", 64), false, false},
	} {
		if got := ValidName(tc.s) == nil; got != tc.name {
			t.Errorf("ValidName(%q) ok=%v, want %v", tc.s, got, tc.name)
		}
		if got := ValidSlug(tc.s) == nil; got != tc.slug {
			t.Errorf("ValidSlug(%q) ok=%v, want %v", tc.s, got, tc.slug)
		}
	}
}

func TestPasswords(t *testing.T) {
	h, err := HashPassword("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$") {
		t.Errorf("hash %q is not argon2id", h)
	}
	h2, _ := HashPassword("correct horse")
	if h == h2 {
		t.Error("two hashes of one password are equal: no salt")
	}
	for _, tc := range []struct {
		password, hash string
		want           bool
	}{
		{"correct horse", h, true},
		{"correct horsf", h, false},
		{"", h, false},
		{"correct horse", "", false},
		{"correct horse", "$argon2id$garbage", false},
	} {
		if got := passwordMatches(tc.password, tc.hash); got != tc.want {
			t.Errorf("passwordMatches(%q, %.20q) = %v", tc.password, tc.hash, got)
		}
	}
	for _, bad := range []string{"", strings.Repeat("x", MaxPasswordBytes+1)} {
		if _, err := HashPassword(bad); err == nil {
			t.Errorf("HashPassword accepted a password of %d bytes", len(bad))
		}
	}
}

func TestSecrets(t *testing.T) {
	s1, h1, err := NewSecret()
	if err != nil {
		t.Fatal(err)
	}
	s2, h2, _ := NewSecret()
	if s1 == s2 || h1 == h2 || len(s1) != 43 || len(h1) != 64 || HashSecret(s1) != h1 || strings.Contains(h1, s1) {
		t.Errorf("secrets %q %q hashes %q %q", s1, s2, h1, h2)
	}
}
