package annotation

import (
	"reflect"
	"testing"
)

// storedSamples are annotations of every shape Redline writes, and some
// that are not one.
func storedSamples(t testing.TB) [][]byte {
	var out [][]byte
	for _, a := range fixtures() {
		data, err := MarshalAnnotation(a)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, data)
	}
	return append(out, []byte(`[1]`), []byte(`{"id": 1}`), []byte(`{`))
}

// TestDecodeStoredAgreesWithDecode: on what Decode accepts as one
// annotation, DecodeStored gives the same; what is not an object is
// refused.
func TestDecodeStoredAgreesWithDecode(t *testing.T) {
	for _, data := range storedSamples(t) {
		checkStoredAgrees(t, data)
	}
	if _, err := DecodeStored([]byte(`[{"id": "x"}]`)); err == nil {
		t.Error("an array was taken for a stored annotation")
	}
}

func checkStoredAgrees(t *testing.T, data []byte) {
	t.Helper()
	anns, err := Decode(data)
	if err != nil || len(anns) != 1 {
		return
	}
	got, err := DecodeStored(data)
	if err != nil {
		t.Fatalf("DecodeStored(%s): %v, Decode took it", data, err)
	}
	if !reflect.DeepEqual(got, anns[0]) {
		t.Errorf("DecodeStored(%s) = %+v, Decode gives %+v", data, got, anns[0])
	}
}

func FuzzDecodeStored(f *testing.F) {
	for _, data := range storedSamples(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkStoredAgrees(t, data) })
}
