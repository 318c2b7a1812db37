//go:build unix

package emulator

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// lockState takes the state's lock file, so that two emulators never share
// one state. An emulator still stopping (compacting its journal) is waited
// for, up to 10 seconds; the lock goes with the process, however it ends.
func lockState(path string) (*os.File, error) {
	f, err := os.OpenFile(path+".lock", os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) || time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("%s is in use by another emulator", path)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
