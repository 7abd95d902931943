// Command train rebuilds internal/checkworthy/weights.bin from the
// labelled sentences in internal/checkworthy/testdata/claimbuster (the
// training split only) and prints the cross-validated and held-out
// figures. Run it from the repository root:
//
//	go run ./internal/checkworthy/train
package main

import (
	"fmt"
	"os"

	"github.com/redline-news/redline/internal/checkworthy"
)

func main() {
	if err := run("internal/checkworthy/testdata/claimbuster", "internal/checkworthy/weights.bin"); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(dataDir, out string) error {
	train, heldOut, err := checkworthy.LoadSplit(dataDir)
	if err != nil {
		return err
	}
	m, oof := checkworthy.Train(train, checkworthy.DefaultTrainOptions)
	data, err := m.MarshalBinary()
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return err
	}
	fmt.Printf("wrote %s: %d bytes, threshold %.3f, trained on %d sentences\n", out, len(data), m.Threshold, len(train))
	fmt.Println(checkworthy.Report(m, train, oof, heldOut))
	return nil
}
