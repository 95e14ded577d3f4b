// Command train fits the importer's role model on the labelled texts and
// writes it (go generate ./howto runs it), or cross-validates it by
// source and prints the figures:
//
//	go run ./howto/internal/train -out howto/lexicon/roles.model
//	go run ./howto/internal/train -cv text     # leave one text out
//	go run ./howto/internal/train -cv batch    # leave one batch out
//
// It reads only the folders of howto.TrainingBatches, from the
// repository's root, and is deterministic: the same labels give the same
// file.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/howto"
)

func main() {
	out := flag.String("out", "", "write the model to this file")
	cv := flag.String("cv", "", `cross-validate leaving one "text" or one "batch" out, and print the figures`)
	flag.Parse()
	if err := run(*out, *cv); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(out, cv string) error {
	if out == "" && cv == "" {
		return fmt.Errorf("give -out FILE or -cv text|batch")
	}
	if cv != "" && cv != "text" && cv != "batch" {
		return fmt.Errorf(`-cv %q: expected "text" or "batch"`, cv)
	}
	root, err := repoRoot()
	if err != nil {
		return err
	}
	cat, err := catalog.Builtin()
	if err != nil {
		return err
	}
	dirs := make([]string, len(howto.TrainingBatches))
	for i, d := range howto.TrainingBatches {
		dirs[i] = filepath.Join(root, d)
	}
	ex, err := howto.RoleExamples(dirs, cat)
	if err != nil {
		return err
	}
	if cv != "" {
		fmt.Print(howto.CrossValidate(ex, cv))
	}
	if out != "" {
		var b bytes.Buffer
		if err := howto.WriteRoleModel(&b, ex); err != nil {
			return err
		}
		if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "train: %d sentences of %d batches, model written to %s (%d bytes)\n", len(ex), len(dirs), out, b.Len())
	}
	return nil
}

// repoRoot is the folder of go.mod, from the working folder up.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", fmt.Errorf("no go.mod above the working folder")
		}
		dir = up
	}
}
