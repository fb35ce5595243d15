//go:build !linux && !darwin

package publish

import "errors"

// exchange cannot swap two folders in one step here (Windows has no such
// call): Commit renames twice, and the destination is missing between the
// two renames.
func exchange(a, b string) error { return errors.ErrUnsupported }
