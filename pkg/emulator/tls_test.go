package emulator

import (
	"bufio"
	"context"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	tccommon "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
	vpc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc/v20170312"
)

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
