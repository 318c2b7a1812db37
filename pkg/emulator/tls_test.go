package emulator

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tccommon "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
	vpc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc/v20170312"
)

// served is a running Serve and what its banner said.
type served struct {
	banner   []string
	endpoint string
	caPath   string
	stop     func() error
}

// serveTLS runs Serve with TLS on loopback until the test ends.
func serveTLS(t *testing.T, opts Options) *served {
	t.Helper()
	opts.TLS = true
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	opts.TaskDelay = -1
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := Serve(ctx, opts, pw)
		pw.CloseWithError(errors.New("emulator stopped"))
		done <- err
	}()
	s := &served{}
	var stopped bool
	s.stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		return <-done
	}
	t.Cleanup(func() { s.stop() })
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		line := sc.Text()
		s.banner = append(s.banner, line)
		if v, ok := strings.CutPrefix(line, "listening "); ok {
			s.endpoint = v
		}
		if v, ok := strings.CutPrefix(line, "export TCVPC_CA_FILE="); ok {
			s.caPath = v
		}
		if strings.HasPrefix(line, "export TENCENTCLOUD_REGION=") {
			break
		}
	}
	if s.endpoint == "" || s.caPath == "" {
		t.Fatalf("banner: %q (%v)", s.banner, sc.Err())
	}
	go io.Copy(io.Discard, pr)
	return s
}

func caPool(t *testing.T, path string) *x509.CertPool {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(b) {
		t.Fatalf("%s holds no certificate", path)
	}
	return pool
}

// sdkOver is the official SDK's vpc client over https, changed only in its
// endpoint and the authorities its transport trusts.
func sdkOver(t *testing.T, endpoint string, roots *x509.CertPool) *vpc.Client {
	t.Helper()
	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Endpoint = strings.TrimPrefix(endpoint, "https://")
	cpf.HttpProfile.Scheme = "HTTPS"
	cpf.HttpProfile.ReqTimeout = 10
	cpf.DisableRegionBreaker = true
	c, err := vpc.NewClient(tccommon.NewCredential(DemoSecretID, DemoSecretKey), "ap-guangzhou", cpf)
	if err != nil {
		t.Fatal(err)
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{RootCAs: roots}
	c.WithHttpTransport(tr)
	return c
}

// TestTLSTrustAndTempDir: a client trusting the printed CA is served; one
// that does not is refused; without --state the certificates live in a
// temporary directory that goes at exit.
func TestTLSTrustAndTempDir(t *testing.T) {
	s := serveTLS(t, Options{})
	if !strings.HasPrefix(s.endpoint, "https://127.0.0.1:") {
		t.Fatalf("endpoint %q", s.endpoint)
	}
	if _, err := sdkOver(t, s.endpoint, caPool(t, s.caPath)).DescribeVpcs(vpc.NewDescribeVpcsRequest()); err != nil {
		t.Fatal(err)
	}
	_, err := sdkOver(t, s.endpoint, x509.NewCertPool()).DescribeVpcs(vpc.NewDescribeVpcsRequest())
	var unknown x509.UnknownAuthorityError
	if !errors.As(err, &unknown) {
		t.Fatalf("without the CA: %v", err)
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Dir(s.caPath)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("%s left behind: %v", filepath.Dir(s.caPath), err)
	}
}

// TestTLSBanner: the CA line and the exports of each client, in order.
func TestTLSBanner(t *testing.T) {
	s := serveTLS(t, Options{})
	ca := s.caPath
	want := []string{
		"listening " + s.endpoint,
		"SecretId:  " + DemoSecretID,
		"SecretKey: " + DemoSecretKey,
		"CA certificate: " + ca + " (new: clients must trust it)",
		"# to use it from a shell (SDKs and tccli take the endpoint " + strings.TrimPrefix(s.endpoint, "https://") + "):",
		"export TCVPC_ENDPOINT=" + s.endpoint,
		"export TCVPC_CA_FILE=" + ca,
		"export SSL_CERT_FILE=" + ca,
		"export REQUESTS_CA_BUNDLE=" + ca,
		"export NODE_EXTRA_CA_CERTS=" + ca,
		"export TENCENTCLOUD_SECRET_ID=" + DemoSecretID,
		"export TENCENTCLOUD_SECRET_KEY=" + DemoSecretKey,
		"export TENCENTCLOUD_REGION=ap-guangzhou",
	}
	if strings.Join(s.banner, "\n") != strings.Join(want, "\n") {
		t.Fatalf("banner\n%s\nwant\n%s", strings.Join(s.banner, "\n"), strings.Join(want, "\n"))
	}
	if !filepath.IsAbs(ca) || filepath.Base(ca) != "ca.pem" {
		t.Fatalf("CA path %q", ca)
	}
}

// TestTLSKeptBesideState: with --state the files live in FILE.tls, keys
// 0600, and a restart serves the same authority and certificate.
func TestTLSKeptBesideState(t *testing.T) {
	dir := t.TempDir()
	state := filepath.Join(dir, "cloud.json")
	s := serveTLS(t, Options{StateFile: state})
	if s.caPath != filepath.Join(state+".tls", "ca.pem") {
		t.Fatalf("CA at %q", s.caPath)
	}
	before := map[string][]byte{}
	for name, mode := range map[string]os.FileMode{"ca.pem": 0o644, "ca-key.pem": 0o600, "cert.pem": 0o644, "key.pem": 0o600} {
		p := filepath.Join(state+".tls", name)
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != mode {
			t.Errorf("%s: mode %o, want %o", name, fi.Mode().Perm(), mode)
		}
		before[name], _ = os.ReadFile(p)
	}
	pool := caPool(t, s.caPath)
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}

	again := serveTLS(t, Options{StateFile: state})
	if again.banner[3] != "CA certificate: "+s.caPath+" (kept from the last run)" {
		t.Fatalf("banner %q", again.banner)
	}
	for name, b := range before {
		now, _ := os.ReadFile(filepath.Join(state+".tls", name))
		if !bytes.Equal(now, b) {
			t.Errorf("%s changed on restart", name)
		}
	}
	// A client configured on the first run still trusts the second.
	if _, err := sdkOver(t, again.endpoint, pool).DescribeVpcs(vpc.NewDescribeVpcsRequest()); err != nil {
		t.Fatal(err)
	}
}

// TestCertificateRenewal: what is kept and what is replaced.
func TestCertificateRenewal(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	want := serverNames("127.0.0.1")
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	first, reused, err := ensureCertificates(dir, want, now)
	if err != nil || reused {
		t.Fatalf("first: reused %v, %v", reused, err)
	}
	ca := read("ca.pem")

	// Within the server certificate's life: nothing changes.
	second, reused, err := ensureCertificates(dir, want, now.Add(300*24*time.Hour))
	if err != nil || !reused || !bytes.Equal(second.Leaf.Raw, first.Leaf.Raw) {
		t.Fatalf("second: reused %v, same leaf %v, %v", reused, bytes.Equal(second.Leaf.Raw, first.Leaf.Raw), err)
	}
	// Near its end: a new server certificate from the same authority.
	third, reused, err := ensureCertificates(dir, want, now.Add(340*24*time.Hour))
	if err != nil || !reused || bytes.Equal(third.Leaf.Raw, first.Leaf.Raw) || !bytes.Equal(read("ca.pem"), ca) {
		t.Fatalf("third: reused %v, %v", reused, err)
	}
	// Another name the authority was not made for: a new authority.
	other := serverNames("192.0.2.7")
	fourth, reused, err := ensureCertificates(dir, other, now)
	if err != nil || reused || bytes.Equal(read("ca.pem"), ca) {
		t.Fatalf("fourth: reused %v, %v", reused, err)
	}
	if len(fourth.Leaf.IPAddresses) != 3 || !fourth.Leaf.IPAddresses[2].Equal(net.ParseIP("192.0.2.7")) {
		t.Fatalf("IPs %v", fourth.Leaf.IPAddresses)
	}
	ca = read("ca.pem")
	// A key others can read is not trusted to be secret: replaced.
	if err := os.Chmod(filepath.Join(dir, "ca-key.pem"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, reused, err = ensureCertificates(dir, other, now); err != nil || reused || bytes.Equal(read("ca.pem"), ca) {
		t.Fatalf("loose key: reused %v, %v", reused, err)
	}
	// A damaged file is replaced, too.
	if err := os.WriteFile(filepath.Join(dir, "cert.pem"), []byte("junk"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, _, err := ensureCertificates(dir, other, now); err != nil || c.Leaf == nil {
		t.Fatalf("damaged: %v", err)
	}
	// An expired authority is replaced.
	ca = read("ca.pem")
	if _, reused, err = ensureCertificates(dir, other, now.Add(4*365*24*time.Hour)); err != nil || reused || bytes.Equal(read("ca.pem"), ca) {
		t.Fatalf("expired: reused %v, %v", reused, err)
	}
}

// TestCertificateNames: the names a certificate covers, and the
// authority's constraints that keep it from vouching for anything else.
func TestCertificateNames(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	cert, _, err := ensureCertificates(dir, serverNames("emu.example"), now)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(cert.Leaf.DNSNames, ",") != "localhost,emu.example" {
		t.Fatalf("DNS names %v", cert.Leaf.DNSNames)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "ca.pem"))
	blk, _ := pem.Decode(b)
	ca, err := x509.ParseCertificate(blk.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	if !ca.IsCA || !ca.PermittedDNSDomainsCritical || strings.Join(ca.PermittedDNSDomains, ",") != "localhost,emu.example" || len(ca.PermittedIPRanges) != 2 {
		t.Fatalf("CA constraints %v %v", ca.PermittedDNSDomains, ca.PermittedIPRanges)
	}
	pool := x509.NewCertPool()
	pool.AddCert(ca)
	for _, name := range []string{"localhost", "emu.example", "127.0.0.1", "::1"} {
		if _, err := cert.Leaf.Verify(x509.VerifyOptions{Roots: pool, DNSName: name, CurrentTime: now}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := cert.Leaf.Verify(x509.VerifyOptions{Roots: pool, DNSName: "other.example", CurrentTime: now}); err == nil {
		t.Error("other.example verified")
	}
	if serverNames("0.0.0.0").ips[0].String() != "127.0.0.1" || len(serverNames("::").ips) != 2 {
		t.Errorf("unspecified: %v", serverNames("0.0.0.0"))
	}
	if shellQuote("/tmp/a b/it's.pem") != `'/tmp/a b/it'\''s.pem'` || shellQuote("/tmp/x.pem") != "/tmp/x.pem" {
		t.Error(shellQuote("/tmp/a b/it's.pem"))
	}
}

// TestTLSStateDirectoryUnusable: the certificate directory cannot be
// made: an error at start.
func TestTLSStateDirectoryUnusable(t *testing.T) {
	dir := t.TempDir()
	state := filepath.Join(dir, "cloud.json")
	if err := os.WriteFile(state+".tls", []byte("a file"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Serve(context.Background(), Options{Addr: "127.0.0.1:0", TLS: true, StateFile: state, TaskDelay: -1}, io.Discard)
	var te *TLSError
	if !errors.As(err, &te) {
		t.Fatalf("err %v", err)
	}
}

// TestSDKOverTLS serves --tls and runs the official SDK's vpc client in a
// process of its own whose only trust is the printed SSL_CERT_FILE: a VPC
// and a subnet are created, listed and deleted over https.
func TestSDKOverTLS(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, Options{TLS: true, TLSDir: t.TempDir(), TaskDelay: -1}, pw)
		pw.Close()
	}()
	exports := map[string]string{}
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		if kv, ok := strings.CutPrefix(sc.Text(), "export "); ok {
			k, v, _ := strings.Cut(kv, "=")
			exports[k] = v
			if k == "TENCENTCLOUD_REGION" {
				break
			}
		}
	}
	go io.Copy(io.Discard, pr)
	endpoint := exports["TCVPC_ENDPOINT"]
	if !strings.HasPrefix(endpoint, "https://127.0.0.1:") || exports["SSL_CERT_FILE"] == "" ||
		exports["REQUESTS_CA_BUNDLE"] != exports["SSL_CERT_FILE"] || exports["TCVPC_CA_FILE"] != exports["SSL_CERT_FILE"] {
		t.Fatalf("exports: %v", exports)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSDKOverTLSClient$", "-test.v")
	cmd.Env = append(os.Environ(), "SSL_CERT_FILE="+exports["SSL_CERT_FILE"], "TCVPC_TEST_SDK_ENDPOINT="+strings.TrimPrefix(endpoint, "https://"))
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestSDKOverTLSClient") {
		t.Fatalf("SDK over https: %v\n%s", err, out)
	}

	// Without the CA the same client is refused: the trust is what made it work.
	cmd = exec.Command(os.Args[0], "-test.run=^TestSDKOverTLSClient$")
	cmd.Env = append(os.Environ(), "SSL_CERT_FILE=/dev/null", "TCVPC_TEST_SDK_ENDPOINT="+strings.TrimPrefix(endpoint, "https://"))
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "certificate") {
		t.Fatalf("without the CA: %v\n%s", err, out)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return")
	}
}

// TestSDKOverTLSClient is the client side of TestSDKOverTLS, run in its own
// process with SSL_CERT_FILE set.
func TestSDKOverTLSClient(t *testing.T) {
	endpoint := os.Getenv("TCVPC_TEST_SDK_ENDPOINT")
	if endpoint == "" {
		t.Skip("run by TestSDKOverTLS")
	}
	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Endpoint = endpoint // the scheme stays the SDK's default, https
	cpf.DisableRegionBreaker = true
	c, err := vpc.NewClient(tccommon.NewCredential(DemoSecretID, DemoSecretKey), "ap-guangzhou", cpf)
	if err != nil {
		t.Fatal(err)
	}
	cv := vpc.NewCreateVpcRequest()
	cv.VpcName, cv.CidrBlock = tccommon.StringPtr("tls"), tccommon.StringPtr("10.9.0.0/16")
	vr, err := c.CreateVpc(cv)
	if err != nil {
		t.Fatal(err)
	}
	vpcID := *vr.Response.Vpc.VpcId
	cs := vpc.NewCreateSubnetRequest()
	cs.VpcId, cs.SubnetName, cs.CidrBlock, cs.Zone = &vpcID, tccommon.StringPtr("s"), tccommon.StringPtr("10.9.1.0/24"), tccommon.StringPtr("ap-guangzhou-3")
	sr, err := c.CreateSubnet(cs)
	if err != nil {
		t.Fatal(err)
	}
	subID := *sr.Response.Subnet.SubnetId
	ds := vpc.NewDescribeSubnetsRequest()
	ds.SubnetIds = []*string{&subID}
	got, err := c.DescribeSubnets(ds)
	if err != nil || *got.Response.TotalCount != 1 || *got.Response.SubnetSet[0].VpcId != vpcID {
		t.Fatalf("DescribeSubnets: %v %v", got, err)
	}
	dsub := vpc.NewDeleteSubnetRequest()
	dsub.SubnetId = &subID
	if _, err := c.DeleteSubnet(dsub); err != nil {
		t.Fatal(err)
	}
	dv := vpc.NewDeleteVpcRequest()
	dv.VpcId = &vpcID
	if _, err := c.DeleteVpc(dv); err != nil {
		t.Fatal(err)
	}
	dvs := vpc.NewDescribeVpcsRequest()
	left, err := c.DescribeVpcs(dvs)
	if err != nil || *left.Response.TotalCount != 0 {
		t.Fatalf("DescribeVpcs after the deletes: %v %v", left, err)
	}
}
