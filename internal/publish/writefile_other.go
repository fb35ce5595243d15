//go:build !unix

package publish

import "os"

// writeFile writes a new file of the stage.
func writeFile(path string, data []byte) error { return os.WriteFile(path, data, 0o644) }

// writeOverFile writes a new file in place of the one a previous site left
// at path: removing it first, so that no other name of it (a hard link) is
// written through.
func writeOverFile(path string, data []byte, _ uint32, _ instant) error {
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		return err
	}
	return writeFile(path, data)
}
