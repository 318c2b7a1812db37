//go:build !unix

package config

import "os"

// lockDir only makes the directory where no advisory file lock is
// available; writes stay atomic renames.
func lockDir(dir string) (func(), error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return func() {}, nil
}
