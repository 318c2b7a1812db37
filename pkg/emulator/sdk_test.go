package emulator

import (
	"errors"
	"regexp"
	"testing"
	"time"

	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	vpc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc/v20170312"
)

func sp(s string) *string { return &s }
func up(n uint64) *uint64 { return &n }
func sdkCode(t *testing.T, err error) string {
	t.Helper()
	var e *tcerr.TencentCloudSDKError
	if !errors.As(err, &e) {
		t.Fatalf("want an SDK error, got %T %v", err, err)
	}
	return e.GetCode()
}

var (
	vpcIDRE    = regexp.MustCompile(`^vpc-[0-9a-z]{8}$`)
	subnetIDRE = regexp.MustCompile(`^subnet-[0-9a-z]{8}$`)
	requestRE  = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
)

// TestSDKVpcAndSubnets drives the emulator with the official SDK over
// TC3-HMAC-SHA256: proof that it speaks the real protocol.
func TestSDKVpcAndSubnets(t *testing.T) {
	e := start(t, Options{})
	c := e.sdk(DemoSecretID, DemoSecretKey)

	cv := vpc.NewCreateVpcRequest()
	cv.VpcName, cv.CidrBlock = sp("ci-net"), sp("10.8.0.0/16")
	rv, err := c.CreateVpc(cv)
	if err != nil {
		t.Fatal(err)
	}
	vpcID := *rv.Response.Vpc.VpcId
	if !vpcIDRE.MatchString(vpcID) || !requestRE.MatchString(*rv.Response.RequestId) {
		t.Fatalf("VpcId %q RequestId %q", vpcID, *rv.Response.RequestId)
	}

	mk := func(name, cidr string) (*vpc.CreateSubnetResponse, error) {
		r := vpc.NewCreateSubnetRequest()
		r.VpcId, r.SubnetName, r.CidrBlock, r.Zone = sp(vpcID), sp(name), sp(cidr), sp("ap-guangzhou-3")
		return c.CreateSubnet(r)
	}
	rs, err := mk("a", "10.8.1.0/24")
	if err != nil {
		t.Fatal(err)
	}
	subA := *rs.Response.Subnet.SubnetId
	if !subnetIDRE.MatchString(subA) || *rs.Response.Subnet.AvailableIpAddressCount != 253 {
		t.Fatalf("subnet %+v", rs.Response.Subnet)
	}
	if _, err := mk("b", "10.8.2.0/24"); err != nil {
		t.Fatal(err)
	}
	if _, err := mk("overlap", "10.8.1.128/25"); sdkCode(t, err) != "InvalidParameterValue.SubnetConflict" {
		t.Fatalf("overlap: %v", err)
	}
	if _, err := mk("outside", "10.9.0.0/24"); sdkCode(t, err) != "InvalidParameterValue.SubnetRange" {
		t.Fatalf("outside: %v", err)
	}

	dv := vpc.NewDescribeVpcsRequest()
	dv.Filters = []*vpc.Filter{{Name: sp("vpc-name"), Values: []*string{sp("ci-net")}}}
	rd, err := c.DescribeVpcs(dv)
	if err != nil {
		t.Fatal(err)
	}
	if *rd.Response.TotalCount != 1 || *rd.Response.VpcSet[0].VpcId != vpcID || *rd.Response.VpcSet[0].CidrBlock != "10.8.0.0/16" {
		t.Fatalf("DescribeVpcs: %+v", rd.Response)
	}

	ds := vpc.NewDescribeSubnetsRequest()
	ds.Filters = []*vpc.Filter{{Name: sp("vpc-id"), Values: []*string{sp(vpcID)}}}
	ds.Limit = sp("1")
	rsub, err := c.DescribeSubnets(ds)
	if err != nil {
		t.Fatal(err)
	}
	if *rsub.Response.TotalCount != 2 || len(rsub.Response.SubnetSet) != 1 || *rsub.Response.SubnetSet[0].SubnetId != subA {
		t.Fatalf("DescribeSubnets page: total %d, %d rows", *rsub.Response.TotalCount, len(rsub.Response.SubnetSet))
	}

	del := vpc.NewDeleteVpcRequest()
	del.VpcId = sp(vpcID)
	if _, err := c.DeleteVpc(del); sdkCode(t, err) != "ResourceInUse" {
		t.Fatalf("deleting a VPC with subnets: %v", err)
	}
	rsub, err = c.DescribeSubnets(ds)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range rsub.Response.SubnetSet {
		r := vpc.NewDeleteSubnetRequest()
		r.SubnetId = s.SubnetId
		if _, err := c.DeleteSubnet(r); err != nil {
			t.Fatal(err)
		}
	}
	ds.Limit = nil
	if rsub, err = c.DescribeSubnets(ds); err != nil || *rsub.Response.TotalCount != 1 {
		t.Fatalf("after one delete: %v", err)
	}
	r := vpc.NewDeleteSubnetRequest()
	r.SubnetId = rsub.Response.SubnetSet[0].SubnetId
	if _, err := c.DeleteSubnet(r); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeleteVpc(del); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeleteVpc(del); sdkCode(t, err) != "ResourceNotFound" {
		t.Fatalf("deleting it again: %v", err)
	}
	if _, err := e.sdkHMAC().DeleteVpc(del); sdkCode(t, err) != "ResourceNotFound" {
		t.Fatalf("deleting it again: %v", err)
	}
	if rd, err = c.DescribeVpcs(vpc.NewDescribeVpcsRequest()); err != nil || *rd.Response.TotalCount != 0 {
		t.Fatalf("after delete: %v %+v", err, rd)
	}
}

// TestSDKVpnTunnel creates a gateway, a customer gateway and a tunnel,
// resets and deletes the tunnel, following the transitional states.
func TestSDKVpnTunnel(t *testing.T) {
	e := start(t, Options{TaskDelay: 2 * time.Second})
	c := e.sdk(DemoSecretID, DemoSecretKey)

	cv := vpc.NewCreateVpcRequest()
	cv.VpcName, cv.CidrBlock = sp("vpn-net"), sp("10.0.0.0/16")
	rv, err := c.CreateVpc(cv)
	if err != nil {
		t.Fatal(err)
	}
	vpcID := rv.Response.Vpc.VpcId

	cg := vpc.NewCreateVpnGatewayRequest()
	cg.VpcId, cg.VpnGatewayName, cg.InternetMaxBandwidthOut = vpcID, sp("gw"), up(5)
	rg, err := c.CreateVpnGateway(cg)
	if err != nil {
		t.Fatal(err)
	}
	gw := rg.Response.VpnGateway
	if *gw.State != "PENDING" || !regexp.MustCompile(`^vpngw-[0-9a-z]{8}$`).MatchString(*gw.VpnGatewayId) {
		t.Fatalf("new gateway: state %s id %s", *gw.State, *gw.VpnGatewayId)
	}

	cc := vpc.NewCreateCustomerGatewayRequest()
	cc.CustomerGatewayName, cc.IpAddress = sp("office"), sp("58.211.1.12")
	rc, err := c.CreateCustomerGateway(cc)
	if err != nil {
		t.Fatal(err)
	}
	cgwID := rc.Response.CustomerGateway.CustomerGatewayId

	mkConn := func() (*vpc.CreateVpnConnectionResponse, error) {
		r := vpc.NewCreateVpnConnectionRequest()
		r.VpcId, r.VpnGatewayId, r.CustomerGatewayId = vpcID, gw.VpnGatewayId, cgwID
		r.VpnConnectionName, r.PreShareKey = sp("tunnel"), sp("s3cret")
		r.SecurityPolicyDatabases = []*vpc.SecurityPolicyDatabase{{LocalCidrBlock: sp("10.0.0.0/16"), RemoteCidrBlock: []*string{sp("192.168.10.0/24")}}}
		return c.CreateVpnConnection(r)
	}
	// The page lists no state code: the common UnsupportedOperation.
	if _, err := mkConn(); sdkCode(t, err) != "UnsupportedOperation" {
		t.Fatalf("tunnel on a PENDING gateway: %v", err)
	}
	e.clock.Advance(2 * time.Second)
	dg := vpc.NewDescribeVpnGatewaysRequest()
	dg.VpnGatewayIds = []*string{gw.VpnGatewayId}
	rdg, err := c.DescribeVpnGateways(dg)
	if err != nil || *rdg.Response.VpnGatewaySet[0].State != "AVAILABLE" {
		t.Fatalf("gateway after the delay: %v", err)
	}

	rx, err := mkConn()
	if err != nil {
		t.Fatal(err)
	}
	conn := rx.Response.VpnConnection
	if *conn.State != "PENDING" || !regexp.MustCompile(`^vpnx-[0-9a-z]{8}$`).MatchString(*conn.VpnConnectionId) {
		t.Fatalf("tunnel: %s %s", *conn.State, *conn.VpnConnectionId)
	}
	reset := vpc.NewResetVpnConnectionRequest()
	reset.VpnGatewayId, reset.VpnConnectionId = gw.VpnGatewayId, conn.VpnConnectionId
	if _, err := c.ResetVpnConnection(reset); sdkCode(t, err) != "UnsupportedOperation.VpnConnInvalidState" {
		t.Fatalf("reset while PENDING: %v", err)
	}
	e.clock.Advance(2 * time.Second)
	if _, err := c.ResetVpnConnection(reset); err != nil {
		t.Fatal(err)
	}

	del := vpc.NewDeleteVpnConnectionRequest()
	del.VpnGatewayId, del.VpnConnectionId = gw.VpnGatewayId, conn.VpnConnectionId
	if _, err := c.DeleteVpnConnection(del); err != nil {
		t.Fatal(err)
	}
	dx := vpc.NewDescribeVpnConnectionsRequest()
	dx.VpnConnectionIds = []*string{conn.VpnConnectionId}
	rdx, err := c.DescribeVpnConnections(dx)
	if err != nil || *rdx.Response.TotalCount != 1 || *rdx.Response.VpnConnectionSet[0].State != "DELETING" {
		t.Fatalf("tunnel while deleting: %v %+v", err, rdx)
	}
	if _, err := e.sdkHMAC().ResetVpnConnection(reset); sdkCode(t, err) != "UnsupportedOperation.VpnConnInvalidState" {
		t.Fatalf("reset while DELETING: %v", err)
	}
	if _, err := e.sdkHMAC().DeleteVpnConnection(del); sdkCode(t, err) != "UnsupportedOperation.DeleteVpnConnInvalidState" {
		t.Fatalf("second delete: %v", err)
	}
	e.clock.Advance(2 * time.Second)
	if rdx, err = c.DescribeVpnConnections(dx); err != nil || *rdx.Response.TotalCount != 0 {
		t.Fatalf("tunnel after deletion: %v", err)
	}
	if _, err := e.sdkHMAC().ResetVpnConnection(reset); sdkCode(t, err) != "ResourceNotFound" {
		t.Fatalf("reset after deletion: %v", err)
	}
}

// TestSDKNetworkInterface decodes the interface replies into the official
// SDK's types: the field names and JSON types are what it expects.
func TestSDKNetworkInterface(t *testing.T) {
	e := start(t, Options{})
	c := e.sdk(DemoSecretID, DemoSecretKey)
	vpcID, subID := e.network("10.7.0.0/16", "10.7.1.0/24")

	cr := vpc.NewCreateNetworkInterfaceRequest()
	cr.VpcId, cr.SubnetId, cr.NetworkInterfaceName, cr.SecondaryPrivateIpAddressCount = sp(vpcID), sp(subID), sp("sdk"), up(1)
	rc, err := c.CreateNetworkInterface(cr)
	if err != nil {
		t.Fatal(err)
	}
	nic := rc.Response.NetworkInterface
	if *nic.State != "PENDING" || len(nic.PrivateIpAddressSet) != 2 || !*nic.PrivateIpAddressSet[0].Primary {
		t.Fatalf("CreateNetworkInterface: %+v", nic)
	}
	e.settle()
	ar := vpc.NewAttachNetworkInterfaceRequest()
	ar.NetworkInterfaceId, ar.InstanceId = nic.NetworkInterfaceId, sp("ins-sdk00000")
	if _, err := c.AttachNetworkInterface(ar); err != nil {
		t.Fatal(err)
	}
	as := vpc.NewAssignPrivateIpAddressesRequest()
	as.NetworkInterfaceId = nic.NetworkInterfaceId
	as.PrivateIpAddresses = []*vpc.PrivateIpAddressSpecification{{PrivateIpAddress: sp("10.7.1.100"), Description: sp("vip")}}
	if _, err := c.AssignPrivateIpAddresses(as); sdkCode(t, err) != "UnsupportedOperation" {
		t.Fatalf("assign while attaching: %v", err)
	}
	e.settle()
	dr := vpc.NewDescribeNetworkInterfacesRequest()
	dr.NetworkInterfaceIds = []*string{nic.NetworkInterfaceId}
	rd, err := c.DescribeNetworkInterfaces(dr)
	if err != nil {
		t.Fatal(err)
	}
	got := rd.Response.NetworkInterfaceSet[0]
	if *rd.Response.TotalCount != 1 || *got.State != "AVAILABLE" || *got.Attachment.InstanceId != "ins-sdk00000" || *got.Attachment.DeviceIndex != 1 {
		t.Fatalf("DescribeNetworkInterfaces: %+v", got)
	}
	if _, err := c.AssignPrivateIpAddresses(as); err != nil {
		t.Fatal(err)
	}
	if rd, err = c.DescribeNetworkInterfaces(dr); err != nil || len(rd.Response.NetworkInterfaceSet[0].PrivateIpAddressSet) != 3 ||
		*rd.Response.NetworkInterfaceSet[0].PrivateIpAddressSet[2].Description != "vip" {
		t.Fatalf("after assign: %v", err)
	}

	at := vpc.NewCreateAddressTemplateRequest()
	at.AddressTemplateName, at.Addresses = sp("sdk"), []*string{sp("10.0.0.1"), sp("10.0.1.0/24")}
	rt, err := c.CreateAddressTemplate(at)
	if err != nil || *rt.Response.AddressTemplate.AddressSet[1] != "10.0.1.0/24" {
		t.Fatalf("CreateAddressTemplate: %v", err)
	}
	dt, err := c.DescribeAddressTemplates(vpc.NewDescribeAddressTemplatesRequest())
	if err != nil || *dt.Response.TotalCount != 1 || *dt.Response.AddressTemplateSet[0].AddressTemplateId != *rt.Response.AddressTemplate.AddressTemplateId {
		t.Fatalf("DescribeAddressTemplates: %v", err)
	}
}
