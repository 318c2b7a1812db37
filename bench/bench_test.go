// Package bench measures what scripts feel: signing, one signed call on
// loopback, rendering, and the cost of building the command tree.
// Run with `make bench`.
package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/tcvpc/tcvpc/cmd"
	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/iostreams"
	"github.com/tcvpc/tcvpc/pkg/output"
	"github.com/tcvpc/tcvpc/pkg/params"
	"github.com/tcvpc/tcvpc/pkg/sign"
)

func BenchmarkTC3Authorization(b *testing.B) {
	body := []byte(`{"VpnGatewayId":"vpngw-kjllnkew","VpnConnectionId":"vpnx-f29e6u0z"}`)
	for b.Loop() {
		sign.TC3Authorization("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", sign.TC3Request{
			Method: "POST", Host: "vpc.tencentcloudapi.com", Path: "/", ContentType: "application/json",
			Payload: body, Service: "vpc", Timestamp: 1700000000,
		})
	}
}

func BenchmarkHmacSHA256Params(b *testing.B) {
	p := map[string]string{"Action": "DeleteVpnConn", "Nonce": "11886", "Timestamp": "1700000000", "SecretId": "AKIDx",
		"Region": "gz", "SignatureMethod": "HmacSHA256", "vpcId": "vpc-03vihbk9", "vpnGwId": "vpngw-kfldykuz", "vpnConnId": "vpnx-ol6bcqp0"}
	for b.Loop() {
		sign.SignParams("GET", "vpc.api.qcloud.com", "/v2/index.php", "secret", p)
	}
}

// BenchmarkSignedCallLoopback is one full signed API 3.0 call, reply
// decoded, over loopback HTTP.
func BenchmarkSignedCallLoopback(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		io.WriteString(w, `{"Response":{"TotalCount":1,"VpcSet":[{"VpcId":"vpc-abc12345"}],"RequestId":"x"}}`)
	}))
	defer srv.Close()
	c := api.New(api.Config{SecretID: "AKIDx", SecretKey: "k", Region: "ap-guangzhou", Endpoint: srv.URL})
	req := api.Request{Action: "DescribeVpcs", Style: api.V3, Params: params.Tree{"Limit": "20"}}
	for b.Loop() {
		if _, err := c.Do(context.Background(), req); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderTable100(b *testing.B) {
	var rows []any
	for i := 0; i < 100; i++ {
		rows = append(rows, map[string]any{"VpcId": "vpc-abc12345", "VpcName": "name", "CidrBlock": "10.0.0.0/16", "CreatedTime": "2026-01-01 00:00:00"})
	}
	data := map[string]any{"VpcSet": rows, "TotalCount": json.Number("100")}
	cols := []output.Column{{Header: "ID", Path: "VpcId"}, {Header: "NAME", Path: "VpcName"}, {Header: "CIDR", Path: "CidrBlock"}, {Header: "CREATED", Path: "CreatedTime"}}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		output.Render(&buf, data, output.Options{Format: output.Table, Rows: "VpcSet", Columns: cols})
	}
}

// BenchmarkStartupVersion is the in-process part of `tcvpc version`:
// building the command tree and running the command.
func BenchmarkStartupVersion(b *testing.B) {
	for b.Loop() {
		io, _, _ := iostreams.Test("", false)
		f := &cmd.Factory{IO: io, Getenv: func(string) string { return "" }, Version: "bench"}
		if code := cmd.Main(context.Background(), f, []string{"version"}); code != 0 {
			b.Fatal(code)
		}
	}
}
