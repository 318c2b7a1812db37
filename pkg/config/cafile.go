package config

import (
	"path/filepath"

	"github.com/tcvpc/tcvpc/internal/trust"
)

// checkCAFile checks, when it is set, that a ca-file value names a readable
// PEM file of certificates, and returns it as an absolute path so that the
// profile works from any directory. Reading a profile does not open it:
// that waits for the first request.
func checkCAFile(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err == nil {
		_, err = trust.Read(abs)
	}
	if err != nil {
		return "", &ValueError{Key: KeyCAFile, Value: path, Expected: "a readable PEM file of CA certificates: " + err.Error()}
	}
	return abs, nil
}
