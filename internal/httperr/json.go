package httperr

import (
	"encoding/json"
	"net/http"
)

// WriteJSON answers with v as JSON, never cached: the API's and the
// watch API's one way to write a successful response.
func WriteJSON(w http.ResponseWriter, status int, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(data, '\n')) // a client gone by now has nothing more to be told
	return nil
}
