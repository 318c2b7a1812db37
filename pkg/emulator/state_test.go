package emulator

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// TestStateKeepsEveryKind saves a store holding one of every kind the
// emulator keeps, with a deferred change still pending, and loads it into
// a new server: the saved form is the same, everything is listed again,
// and the pending change still applies when its task finishes.
func TestStateKeepsEveryKind(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cloud.json")
	e := start(t, Options{StateFile: path})
	vpcID, subID := e.network("172.20.0.0/16", "172.20.1.0/24")
	peerVpc := str(dig(e.must(api.V3, "CreateVpc", params.Tree{"VpcName": "peer", "CidrBlock": "192.168.0.0/16"}), "Vpc", "VpcId"))

	eni := str(dig(e.must(api.V3, "CreateNetworkInterface", params.Tree{"VpcId": vpcID, "SubnetId": subID, "NetworkInterfaceName": "nic", "SecondaryPrivateIpAddressCount": "1"}), "NetworkInterface", "NetworkInterfaceId"))
	e.settle()
	e.must(api.V3, "AttachNetworkInterface", params.Tree{"NetworkInterfaceId": eni, "InstanceId": "ins-keep0000"})
	e.must(api.Legacy, "CreateRouteTable", params.Tree{"vpcId": vpcID, "routeTableName": "kept", "routeSet": []any{map[string]any{"destinationCidrBlock": "8.8.8.0/24", "nextType": "9", "nextHub": "172.20.1.9"}}})
	ipm := str(dig(e.must(api.Legacy, "CreateAddress", params.Tree{"addressName": "a", "address": []any{"1.1.1.1"}}), "data", "addressId"))
	e.must(api.V3, "CreateAddressTemplateGroup", params.Tree{"AddressTemplateGroupName": "g", "AddressTemplateIds": []any{ipm}})
	ppm := str(dig(e.must(api.V3, "CreateServiceTemplate", params.Tree{"ServiceTemplateName": "s", "Services": []any{"tcp:22"}}), "ServiceTemplate", "ServiceTemplateId"))
	e.must(api.V3, "CreateServiceTemplateGroup", params.Tree{"ServiceTemplateName": "sg", "ServiceTemplateIds": []any{ppm}})
	acl := str(dig(e.must(api.Legacy, "CreateNetworkAcl", params.Tree{"vpcId": vpcID, "networkAclName": "acl"}), "data", "networkAclId"))
	e.must(api.Legacy, "CreateSubnetAclRule", params.Tree{"vpcId": vpcID, "networkAclId": acl, "subnetIds": []any{subID}})
	e.must(api.Legacy, "CreateVpcPeeringConnection", params.Tree{"vpcId": vpcID, "peerVpcId": peerVpc, "peerUin": "42", "peeringConnectionName": "p"})
	e.must(api.Legacy, "CreateNatGateway", params.Tree{"vpcId": vpcID, "natName": "nat", "maxConcurrent": "1000000", "autoAllocEipNum": "1"})
	e.must(api.Legacy, "CreateFlowLog", params.Tree{"vpcId": vpcID, "flowLogName": "fl", "resourceType": "NETWORKINTERFACE", "resourceId": eni, "trafficType": "ALL", "cloudLogId": "b4fd9ac1-7ce5-440d-92a7-10d9f04bdb34"})
	e.must(api.V3, "AttachClassicLinkVpc", params.Tree{"VpcId": vpcID, "InstanceIds": []any{"ins-classic0"}})
	dcg := str(dig(e.must(api.Legacy, "CreateDirectConnectGateway", params.Tree{"vpcId": vpcID, "directConnectGatewayName": "d", "type": "1"}), "data", "directConnectGatewayId"))
	e.must(api.Legacy, "CreateLocalIPTranslationNatRule", params.Tree{"vpcId": vpcID, "directConnectGatewayId": dcg, "localIPTranslation": []any{map[string]any{"originalIP": "172.20.1.5", "translationIP": "138.0.0.1"}}})
	e.must(api.Legacy, "CreateLocalIPTranslationAclRule", params.Tree{"vpcId": vpcID, "directConnectGatewayId": dcg, "originalIP": "172.20.1.5", "translationIP": "138.0.0.1",
		"aclRules": []any{map[string]any{"protocol": "tcp", "sourcePort": "80", "destinationCidr": "10.0.0.0/8", "destinationPort": "90"}}})
	e.settle()

	// A change still to come: its task is running when the state is saved.
	task := dig(e.must(api.Legacy, "ModifyAddress", params.Tree{"addressId": ipm, "address": []any{"2.2.2.2"}}), "data", "taskId")
	before, err := e.srv.cloud.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	// No Close: the new server finds the snapshot made at start and
	// replays every write from the journal, as after a crash.
	e.srv.crash()
	e2 := start(t, Options{StateFile: path})
	after, err := e2.srv.cloud.snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Fatalf("the reloaded store differs from the saved one:\n%s\n---\n%s", before, after)
	}
	counts := []struct {
		style  api.Style
		action string
		p      params.Tree
		path   []any
		want   string
	}{
		{api.V3, "DescribeNetworkInterfaces", nil, []any{"NetworkInterfaceSet", 0, "Attachment", "InstanceId"}, "ins-keep0000"},
		{api.Legacy, "DescribeRouteTable", params.Tree{"routeTableName": "kept"}, []any{"data", 0, "routeSet", 1, "destinationCidrBlock"}, "8.8.8.0/24"},
		{api.V3, "DescribeAddressTemplateGroups", nil, []any{"AddressTemplateGroupSet", 0, "AddressTemplateIdSet", 0}, ipm},
		{api.Legacy, "DescribeServiceGroups", nil, []any{"data", "data", 0, "serviceGroup", 0}, ppm},
		{api.Legacy, "DescribeNetworkAcl", nil, []any{"data", 0, "subnetNum"}, "1"},
		{api.Legacy, "DescribeVpcPeeringConnections", nil, []any{"data", 0, "peerUin"}, "42"},
		{api.Legacy, "DescribeNatGateway", nil, []any{"data", 0, "eipCount"}, "1"},
		{api.Legacy, "DescribeFlowLogs", nil, []any{"data", "data", 0, "resourceId"}, eni},
		{api.V3, "DescribeClassicLinkInstances", nil, []any{"ClassicLinkInstanceSet", 0, "InstanceId"}, "ins-classic0"},
		{api.Legacy, "DescribeNetworkInterfaces", nil, []any{"data", "data", 0, "flowLogsSet", 0, "flowLogName"}, "fl"},
		{api.Legacy, "DescribeLocalIPTranslationAclRule", params.Tree{"vpcId": vpcID, "directConnectGatewayId": dcg, "originalIP": "172.20.1.5", "translationIP": "138.0.0.1"}, []any{"data", 0, "destinationCidr"}, "10.0.0.0/8"},
	}
	for _, c := range counts {
		if got := str(dig(e2.must(c.style, c.action, c.p), c.path...)); got != c.want {
			t.Errorf("%s after reload: %v is %q, want %q", c.action, c.path, got, c.want)
		}
	}
	e2.clock.Advance(10 * DefaultTaskDelay) // past the first clock, which the settles moved on
	if s := e2.taskStatus("DescribeNetTaskResult", task); s != "0" {
		t.Fatalf("the saved task after reload: status %s", s)
	}
	if got := e2.must(api.Legacy, "DescribeAddress", params.Tree{"addressId": ipm}); str(dig(got, "data", "data", 0, "address", 0)) != "2.2.2.2" {
		t.Fatalf("the saved change did not apply: %v", got)
	}
}

// TestReplayKeepsTaskDelay restarts from a journal with another task
// delay: what the first run's replies promised (a gateway PENDING for an
// hour, a task running for an hour; or done at once) still holds.
func TestReplayKeepsTaskDelay(t *testing.T) {
	for _, tc := range []struct {
		name          string
		first, second time.Duration
	}{{"long then instant", time.Hour, -1}, {"instant then long", -1, time.Hour}} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "cloud.json")
			clock := newFakeClock()
			e := start(t, Options{StateFile: path, TaskDelay: tc.first, Clock: clock})
			vpcID := str(dig(e.must(api.V3, "CreateVpc", params.Tree{"VpcName": "v", "CidrBlock": "10.1.0.0/16"}), "Vpc", "VpcId"))
			gw := str(dig(e.must(api.V3, "CreateVpnGateway", params.Tree{"VpcId": vpcID, "VpnGatewayName": "g", "InternetMaxBandwidthOut": 5}), "VpnGateway", "VpnGatewayId"))
			ipm := str(dig(e.must(api.Legacy, "CreateAddress", params.Tree{"addressName": "a", "address": []any{"1.1.1.1"}}), "data", "addressId"))
			task := dig(e.must(api.Legacy, "ModifyAddress", params.Tree{"addressId": ipm, "address": []any{"2.2.2.2"}}), "data", "taskId")
			e.srv.crash()

			e2 := start(t, Options{StateFile: path, TaskDelay: tc.second, Clock: clock, MaxSkew: 2 * time.Hour})
			state := func() string {
				return str(dig(e2.must(api.V3, "DescribeVpnGateways", params.Tree{"VpnGatewayIds": []any{gw}}), "VpnGatewaySet", 0, "State"))
			}
			wantState, wantTask := "AVAILABLE", "0"
			if tc.first > 0 {
				wantState, wantTask = "PENDING", "2"
			}
			if got := state(); got != wantState {
				t.Fatalf("gateway after restart: %s, want %s", got, wantState)
			}
			if got := e2.taskStatus("DescribeNetTaskResult", task); got != wantTask {
				t.Fatalf("task after restart: %s, want %s", got, wantTask)
			}
			clock.Advance(time.Hour)
			if got := state(); got != "AVAILABLE" {
				t.Fatalf("gateway an hour on: %s", got)
			}
			if got := e2.taskStatus("DescribeNetTaskResult", task); got != "0" {
				t.Fatalf("task an hour on: %s", got)
			}
		})
	}
}
