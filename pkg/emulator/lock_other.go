//go:build !unix

package emulator

import "os"

// lockState does not lock where flock is missing: one emulator per state
// is then the user's to keep.
func lockState(path string) (*os.File, error) { return nil, nil }
