package emulator

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

// With Options.TLS the emulator serves https with a certificate of its own
// authority. The authority is constrained to the names it serves (X.509 name
// constraints), so a client told to trust it trusts nothing else through it,
// even if its key leaked. Beside --state the files are kept and reused, so
// that clients configured once keep working across restarts; without
// --state they live in a temporary directory removed at exit.
const (
	caValidity     = 3 * 365 * 24 * time.Hour
	serverValidity = 365 * 24 * time.Hour
	// renewBefore is how long before expiry a kept file is replaced.
	renewBefore = 30 * 24 * time.Hour

	caCertFile     = "ca.pem"
	caKeyFile      = "ca-key.pem"
	serverCertFile = "cert.pem"
	serverKeyFile  = "key.pem"
)

// TLSError is a certificate directory that cannot be used.
type TLSError struct{ Err error }

func (e *TLSError) Error() string { return "emulator: tls: " + e.Err.Error() }
func (e *TLSError) Unwrap() error { return e.Err }

// tlsDirOf is where an emulator keeping its state in stateFile keeps its
// certificates: FILE.tls beside it.
func tlsDirOf(stateFile string) string { return stateFile + ".tls" }

// tlsSetup is the https side of a running emulator.
type tlsSetup struct {
	config *tls.Config
	cert   tls.Certificate
	caPath string
	reused bool   // the authority was kept from an earlier run
	temp   string // a temporary directory to remove at exit, or ""
}

// close removes the temporary directory, if any.
func (t *tlsSetup) close() {
	if t != nil && t.temp != "" {
		os.RemoveAll(t.temp)
	}
}

// listenTLS wraps ln for https when opts.TLS is set; otherwise it returns
// ln and a nil setup. The certificate names localhost, the loopback
// addresses and opts.Addr's host.
func listenTLS(ln net.Listener, opts Options, now time.Time) (net.Listener, *tlsSetup, error) {
	if !opts.TLS {
		return ln, nil, nil
	}
	t, err := newTLSSetup(opts, now)
	if err != nil {
		ln.Close()
		return nil, nil, err
	}
	// HTTP/1.1 only: the drop faults hijack the connection, which HTTP/2
	// cannot do.
	t.config = &tls.Config{Certificates: []tls.Certificate{t.cert}, MinVersion: tls.VersionTLS12, NextProtos: []string{"http/1.1"}}
	return tls.NewListener(ln, t.config), t, nil
}

// newTLSSetup finds or makes the certificates for opts.
func newTLSSetup(opts Options, now time.Time) (*tlsSetup, error) {
	t := &tlsSetup{}
	dir := opts.TLSDir
	if dir == "" && opts.StateFile != "" {
		dir = tlsDirOf(opts.StateFile)
	}
	if dir != "" {
		if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return nil, &TLSError{err}
		}
	} else {
		d, err := os.MkdirTemp("", "tcvpc-emulator-tls-")
		if err != nil {
			return nil, &TLSError{err}
		}
		dir, t.temp = d, d
	}
	host, _, _ := net.SplitHostPort(opts.Addr)
	cert, reused, err := ensureCertificates(dir, serverNames(host), now)
	if err != nil {
		t.close()
		return nil, &TLSError{err}
	}
	t.cert, t.caPath, t.reused = cert, filepath.Join(dir, caCertFile), reused
	if abs, err := filepath.Abs(t.caPath); err == nil {
		t.caPath = abs
	}
	return t, nil
}

// printCA writes the human line about the authority.
func (t *tlsSetup) printCA(w io.Writer) {
	if t == nil {
		return
	}
	state := "new: clients must trust it"
	if t.reused {
		state = "kept from the last run"
	}
	fmt.Fprintf(w, "CA certificate: %s (%s)\n", t.caPath, state)
}

// printExports writes the variables that make the usual clients trust the
// authority: tcvpc, Go programs (SSL_CERT_FILE replaces their system
// roots), Python's requests (tccli and the Python SDK) and Node.js.
func (t *tlsSetup) printExports(w io.Writer) {
	if t == nil {
		return
	}
	p := shellQuote(t.caPath)
	for _, name := range []string{"TCVPC_CA_FILE", "SSL_CERT_FILE", "REQUESTS_CA_BUNDLE", "NODE_EXTRA_CA_CERTS"} {
		fmt.Fprintf(w, "export %s=%s\n", name, p)
	}
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=@%+,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// names is what a server certificate covers.
type names struct {
	dns []string
	ips []net.IP
}

// serverNames are localhost, 127.0.0.1, ::1 and host (an IP or a name);
// an unspecified host (0.0.0.0, ::, "") adds this machine's host name.
func serverNames(host string) names {
	n := names{dns: []string{"localhost"}, ips: []net.IP{net.IPv4(127, 0, 0, 1).To4(), net.IPv6loopback}}
	ip := net.ParseIP(host)
	switch {
	case host == "" || (ip != nil && ip.IsUnspecified()):
		if h, err := os.Hostname(); err == nil && h != "" && net.ParseIP(h) == nil {
			n.addDNS(strings.ToLower(h))
		}
	case ip != nil:
		n.addIP(ip)
	default:
		n.addDNS(strings.ToLower(host))
	}
	return n
}

func (n *names) addDNS(d string) {
	if !slices.Contains(n.dns, d) {
		n.dns = append(n.dns, d)
	}
}

func (n *names) addIP(ip net.IP) {
	if v4 := ip.To4(); v4 != nil {
		ip = v4
	}
	for _, have := range n.ips {
		if have.Equal(ip) {
			return
		}
	}
	n.ips = append(n.ips, ip)
}

// ensureCertificates returns the server certificate in dir, reusing the
// authority and the certificate when they are still good for want, making
// new ones otherwise. reused reports whether the authority was kept.
func ensureCertificates(dir string, want names, now time.Time) (cert tls.Certificate, reused bool, err error) {
	ca, caKey, err := loadPair(dir, caCertFile, caKeyFile)
	if err != nil {
		return cert, false, err
	}
	if ca != nil && !caCovers(ca, want, now) {
		ca, caKey = nil, nil
	}
	reused = ca != nil
	if ca == nil {
		if ca, caKey, err = newCA(want, now); err != nil {
			return cert, false, err
		}
		if err := writePair(dir, caCertFile, caKeyFile, ca, caKey); err != nil {
			return cert, false, err
		}
	}
	leaf, key, err := loadPair(dir, serverCertFile, serverKeyFile)
	if err != nil {
		return cert, false, err
	}
	if leaf == nil || !leafCovers(leaf, ca, want, now) {
		if leaf, key, err = newLeaf(ca, caKey, want, now); err != nil {
			return cert, false, err
		}
		if err := writePair(dir, serverCertFile, serverKeyFile, leaf, key); err != nil {
			return cert, false, err
		}
	}
	return tls.Certificate{Certificate: [][]byte{leaf.Raw, ca.Raw}, PrivateKey: key, Leaf: leaf}, reused, nil
}

// loadPair reads a certificate and its key. Missing, unparsable or
// mismatched files, or a key readable by others, are no pair (nil, nil):
// they get replaced. A file that exists but cannot be read is an error.
func loadPair(dir, certName, keyName string) (*x509.Certificate, *ecdsa.PrivateKey, error) {
	certPEM, err := os.ReadFile(filepath.Join(dir, certName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	} else if err != nil {
		return nil, nil, err
	}
	keyPath := filepath.Join(dir, keyName)
	fi, err := os.Stat(keyPath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	} else if err != nil {
		return nil, nil, err
	}
	if (runtime.GOOS != "windows" && fi.Mode().Perm()&0o077 != 0) || !fi.Mode().IsRegular() {
		return nil, nil, nil // it may have been read by others
	}
	keyPEM, err := os.ReadFile(keyPath)
	if err != nil {
		return nil, nil, err
	}
	cb, _ := pem.Decode(certPEM)
	kb, _ := pem.Decode(keyPEM)
	if cb == nil || kb == nil || cb.Type != "CERTIFICATE" || kb.Type != "PRIVATE KEY" {
		return nil, nil, nil
	}
	c, err := x509.ParseCertificate(cb.Bytes)
	if err != nil {
		return nil, nil, nil
	}
	k, err := x509.ParsePKCS8PrivateKey(kb.Bytes)
	if err != nil {
		return nil, nil, nil
	}
	ek, ok := k.(*ecdsa.PrivateKey)
	if !ok || ek.Curve != elliptic.P256() {
		return nil, nil, nil
	}
	if pub, ok := c.PublicKey.(*ecdsa.PublicKey); !ok || !pub.Equal(&ek.PublicKey) {
		return nil, nil, nil
	}
	return c, ek, nil
}

// fresh reports whether c is valid now and for renewBefore more.
func fresh(c *x509.Certificate, now time.Time) bool {
	return !now.Before(c.NotBefore) && now.Add(renewBefore).Before(c.NotAfter)
}

// caCovers reports whether an authority can still sign for want: fresh, a
// CA, and its name constraints permit every name.
func caCovers(ca *x509.Certificate, want names, now time.Time) bool {
	if !fresh(ca, now) || !ca.IsCA || ca.KeyUsage&x509.KeyUsageCertSign == 0 {
		return false
	}
	for _, d := range want.dns {
		if !slices.Contains(ca.PermittedDNSDomains, d) {
			return false
		}
	}
	for _, ip := range want.ips {
		if !slices.ContainsFunc(ca.PermittedIPRanges, func(r *net.IPNet) bool { return r.Contains(ip) }) {
			return false
		}
	}
	return true
}

// leafCovers reports whether a server certificate is fresh, issued by ca
// and names exactly want.
func leafCovers(leaf, ca *x509.Certificate, want names, now time.Time) bool {
	if !fresh(leaf, now) || leaf.CheckSignatureFrom(ca) != nil {
		return false
	}
	if !slices.Equal(leaf.DNSNames, want.dns) || len(leaf.IPAddresses) != len(want.ips) {
		return false
	}
	for i, ip := range want.ips {
		if !leaf.IPAddresses[i].Equal(ip) {
			return false
		}
	}
	return true
}

func serial() (*big.Int, error) {
	return rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
}

// newCA makes an authority whose name constraints are want's names (each
// IP as a single address, loopback included).
func newCA(want names, now time.Time) (*x509.Certificate, *ecdsa.PrivateKey, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	sn, err := serial()
	if err != nil {
		return nil, nil, err
	}
	var ranges []*net.IPNet
	for _, ip := range want.ips {
		bits := 8 * len(ip)
		ranges = append(ranges, &net.IPNet{IP: ip, Mask: net.CIDRMask(bits, bits)})
	}
	tmpl := &x509.Certificate{
		SerialNumber:                sn,
		Subject:                     pkix.Name{CommonName: "tcvpc emulator CA", Organization: []string{"tcvpc emulator"}},
		NotBefore:                   now.Add(-time.Hour),
		NotAfter:                    now.Add(caValidity),
		KeyUsage:                    x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid:       true,
		IsCA:                        true,
		MaxPathLenZero:              true,
		PermittedDNSDomainsCritical: true,
		PermittedDNSDomains:         want.dns,
		PermittedIPRanges:           ranges,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, err
	}
	c, err := x509.ParseCertificate(der)
	return c, key, err
}

func newLeaf(ca *x509.Certificate, caKey *ecdsa.PrivateKey, want names, now time.Time) (*x509.Certificate, *ecdsa.PrivateKey, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	sn, err := serial()
	if err != nil {
		return nil, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: sn,
		Subject:      pkix.Name{CommonName: want.dns[0]},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(serverValidity),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:     want.dns,
		IPAddresses:  want.ips,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		return nil, nil, err
	}
	c, err := x509.ParseCertificate(der)
	return c, key, err
}

// writePair writes the key (0600) and then the certificate (0644), each
// through a temporary file renamed into place, so that a certificate on
// disk always has its key.
func writePair(dir, certName, keyName string, c *x509.Certificate, key *ecdsa.PrivateKey) error {
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(dir, keyName), pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})); err != nil {
		return err
	}
	certPath := filepath.Join(dir, certName)
	if err := writeFileAtomic(certPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw})); err != nil {
		return err
	}
	return os.Chmod(certPath, 0o644) // public: other users' clients may read it
}

// endpoint is the URL clients use for addr: http without TLS; with it, an
// unspecified address (0.0.0.0, ::) is reached as the loopback one, which
// the certificate names.
func (t *tlsSetup) endpoint(addr net.Addr) string {
	if t == nil {
		return "http://" + addr.String()
	}
	if ta, ok := addr.(*net.TCPAddr); ok && ta.IP.IsUnspecified() {
		loop := net.IPv4(127, 0, 0, 1)
		if ta.IP.To4() == nil {
			loop = net.IPv6loopback
		}
		return "https://" + net.JoinHostPort(loop.String(), fmt.Sprint(ta.Port))
	}
	return "https://" + addr.String()
}
