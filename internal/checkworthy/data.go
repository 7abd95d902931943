package checkworthy

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Example is one labelled sentence. Label is ClaimBuster's verdict: 1
// check-worthy factual (CFS), 0 unimportant factual (UFS), -1 not factual
// (NFS).
type Example struct {
	ID    string
	Label int
	Text  string
}

// CheckWorthy reports the positive class.
func (e Example) CheckWorthy() bool { return e.Label == 1 }

// heldOutFiles are whole debates kept out of training and threshold
// choice, so the held-out figures are for debates the model never saw.
var heldOutFiles = []string{"p441.tsv", "p1323.tsv"}

// LoadSplit reads every *.tsv in dir (id, label, text per line) and
// returns the training examples and the held-out ones.
func LoadSplit(dir string) (train, heldOut []Example, err error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil {
		return nil, nil, err
	}
	slices.Sort(names)
	for _, name := range names {
		ex, err := readTSV(name)
		if err != nil {
			return nil, nil, err
		}
		if slices.Contains(heldOutFiles, filepath.Base(name)) {
			heldOut = append(heldOut, ex...)
		} else {
			train = append(train, ex...)
		}
	}
	if len(train) == 0 || len(heldOut) == 0 {
		return nil, nil, fmt.Errorf("%s: %d training and %d held-out sentences, want both", dir, len(train), len(heldOut))
	}
	return train, heldOut, nil
}

func readTSV(name string) ([]Example, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Example
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		cols := strings.SplitN(sc.Text(), "\t", 3)
		if len(cols) != 3 {
			return nil, fmt.Errorf("%s:%d: want id, label and text separated by tabs", name, n)
		}
		var label int
		switch cols[1] {
		case "1":
			label = 1
		case "0":
			label = 0
		case "-1":
			label = -1
		default:
			return nil, fmt.Errorf("%s:%d: label %q, want 1, 0 or -1", name, n, cols[1])
		}
		out = append(out, Example{ID: cols[0], Label: label, Text: cols[2]})
	}
	return out, sc.Err()
}
