//go:build !unix

package publish

import "os"

// writeFile writes a new file of the stage.
func writeFile(path string, data []byte) error { return os.WriteFile(path, data, 0o644) }
