//go:build !unix

package sitefs

// readRegular reads nothing here: ReadFile goes through Open.
func (f *FS) readRegular(string, int64) ([]byte, bool, error) { return nil, false, nil }
