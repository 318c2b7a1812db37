//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd)

package iostreams

import "errors"

// echoOff is not done here: secrets are read by ReadSecret (term.ReadPassword).
func echoOff(int) (func(), error) { return nil, errors.ErrUnsupported }
