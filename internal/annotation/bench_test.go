package annotation

import (
	"fmt"
	"testing"
)

// manyAnnotations repeats the fixtures under fresh ids.
func manyAnnotations(n int) []Annotation {
	base := fixtures()
	anns := make([]Annotation, n)
	for i := range anns {
		anns[i] = base[i%len(base)]
		anns[i].ID = fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", i)
	}
	return anns
}

func BenchmarkMarshalCollection1000(b *testing.B) {
	anns := manyAnnotations(1000)
	for b.Loop() {
		if _, err := MarshalCollection("bench", anns); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode1000(b *testing.B) {
	data, err := MarshalCollection("bench", manyAnnotations(1000))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}
