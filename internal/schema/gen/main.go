// Command gen writes the JSON Schemas of internal/schema into a folder
// (`go generate ./internal/schema` writes schema/ at the repository root).
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/jinzhan-dev/jinzhan/internal/schema"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gen FOLDER")
		os.Exit(2)
	}
	if err := write(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, kind := range schema.Kinds() {
		data, err := schema.Generate(kind)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, schema.FileName(kind)), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
