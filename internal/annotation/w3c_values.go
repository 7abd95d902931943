package annotation

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// describe names a JSON value briefly for a problem message.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		if utf8.RuneCountInString(x) > 60 {
			x = string([]rune(x)[:57]) + "..."
		}
		return strconv.Quote(x)
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return "null"
	case []any:
		if len(x) == 0 {
			return "an empty array"
		}
		return fmt.Sprintf("an array of %d values", len(x))
	}
	return "an object"
}

// types lists the string values of an object's type.
func types(o object) []string {
	switch t := o["type"].(type) {
	case string:
		return []string{t}
	case []any:
		var ts []string
		for _, x := range t {
			if s, ok := x.(string); ok {
				ts = append(ts, s)
			}
		}
		return ts
	}
	return nil
}

func hasType(o object, name string) bool {
	for _, t := range types(o) {
		if t == name {
			return true
		}
	}
	return false
}

// single unwraps a one-element array: the W3C JSON-LD serialisation lets
// any single value be written bare or as [value].
func single(v any) (any, int) {
	if arr, ok := v.([]any); ok {
		if len(arr) == 1 {
			return arr[0], 1
		}
		return nil, len(arr)
	}
	return v, 1
}

// Each check below reports at most one problem, at the given path, and
// names the property so the message reads on its own.

func (c *checker) iri(at *path, v any, what string) {
	s, ok := v.(string)
	switch {
	case !ok:
		c.add(at, "%s must be an IRI string, found %s", what, describe(v))
	case !isIRI(s):
		c.add(at, "%s must be an IRI (a scheme such as https: or urn: and no spaces), found %s", what, describe(v))
	}
}

// one checks a property that allows exactly one value, then runs check on it.
func (c *checker) one(at *path, v any, what string, check func(*path, any, string)) {
	x, n := single(v)
	if n != 1 {
		c.add(at, "%s must have exactly one value, found %s", what, describe(v))
		return
	}
	check(at, x, what)
}

// many checks a property that allows one value or a non-empty array.
func (c *checker) many(at *path, v any, what string, check func(*path, any, string)) {
	arr, ok := v.([]any)
	if !ok {
		check(at, v, what)
		return
	}
	if len(arr) == 0 {
		c.add(at, "%s is an empty array: leave it out or give it a value", what)
	}
	for i, x := range arr {
		check(at.at(i), x, what)
	}
}

func (c *checker) str(at *path, v any, what string) {
	if _, ok := v.(string); !ok {
		c.add(at, "%s must be a string, found %s", what, describe(v))
	}
}

func (c *checker) boolean(at *path, v any, what string) {
	if _, ok := v.(bool); !ok {
		c.add(at, "%s must be true or false, found %s", what, describe(v))
	}
}

func (c *checker) dateTime(at *path, v any, what string) {
	s, ok := v.(string)
	if !ok || !isDateTime(s) {
		c.add(at, "%s must be an xsd:dateTime with a time zone, such as 2025-03-23T09:30:00Z; found %s", what, describe(v))
	}
}

func (c *checker) oneOf(allowed ...string) func(*path, any, string) {
	return func(at *path, v any, what string) {
		s, ok := v.(string)
		for _, a := range allowed {
			if ok && s == a {
				return
			}
		}
		c.add(at, "%s must be one of %s, found %s", what, strings.Join(allowed, ", "), describe(v))
	}
}

// optional runs check on o[key] when the key is present.
func (c *checker) optional(at *path, o object, key string, check func(*path, any, string)) {
	if v, ok := o[key]; ok {
		check(at.field(key), v, key)
	}
}

// Compiled at first use: package init delays the page's first screen.
var plainInteger = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(0|[1-9][0-9]*)$`) })

// offset reads a non-negative integer written plainly (no sign, fraction
// or exponent) and no larger than MaxOffset.
func offset(v any) (int, string) {
	n, ok := v.(json.Number)
	if !ok || !plainInteger().MatchString(n.String()) {
		return 0, "a non-negative integer"
	}
	i, err := strconv.ParseInt(n.String(), 10, 64)
	if err != nil || i > MaxOffset {
		return 0, fmt.Sprintf("an integer no larger than %d", MaxOffset)
	}
	return int(i), ""
}

// count checks a non-negative integer such as total or startIndex.
func (c *checker) count(at *path, v any, what string) (int, bool) {
	x, n := single(v)
	if n != 1 {
		c.add(at, "%s must have exactly one value, found %s", what, describe(v))
		return 0, false
	}
	i, want := offset(x)
	if want != "" {
		c.add(at, "%s must be %s, found %s", what, want, describe(x))
		return 0, false
	}
	return i, true
}
