package sqlstore

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/redline-news/redline/internal/store"
)

// checkText refuses, with ErrInvalid, any string in v (a record, walked
// through its fields, slices and pointers) that is not valid UTF-8 or
// holds a NUL: PostgreSQL's TEXT cannot store either, and SQLite must
// accept and refuse the same writes. JSON documents are exempt: inside
// them such characters are escapes.
func checkText(what string, v any) error {
	if s, bad := badString(reflect.ValueOf(v)); bad {
		return fmt.Errorf("%s: text %q is not valid UTF-8 or holds a NUL character: %w", what, s, store.ErrInvalid)
	}
	return nil
}

func badString(v reflect.Value) (string, bool) {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		return s, !utf8.ValidString(s) || strings.ContainsRune(s, 0)
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return badString(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				if s, bad := badString(v.Field(i)); bad {
					return s, true
				}
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return "", false // bytes: JSON documents
		}
		for i := range v.Len() {
			if s, bad := badString(v.Index(i)); bad {
				return s, true
			}
		}
	}
	return "", false
}
