//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package iostreams

import "golang.org/x/sys/unix"

// echoOff stops the terminal on fd from echoing what is typed, keeping
// line editing and Ctrl-C, until restore is called. It is done by the
// caller's goroutine, before the prompt is shown and undone before the
// answer is returned, so that neither typing ahead nor Ctrl-C can leave the
// terminal without echo.
func echoOff(fd int) (restore func(), err error) {
	t, err := unix.IoctlGetTermios(fd, ioctlGetTermios)
	if err != nil {
		return nil, err
	}
	saved := *t
	t.Lflag &^= unix.ECHO
	t.Lflag |= unix.ICANON | unix.ISIG
	t.Iflag |= unix.ICRNL
	if err := unix.IoctlSetTermios(fd, ioctlSetTermios, t); err != nil {
		return nil, err
	}
	return func() { _ = unix.IoctlSetTermios(fd, ioctlSetTermios, &saved) }, nil
}
