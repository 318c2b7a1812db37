package emulator

import (
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

func TestENILifecycle(t *testing.T) {
	e := start(t, Options{})
	vpcID, subID := e.network("10.0.0.0/16", "10.0.1.0/28") // 13 usable addresses: .2 to .14
	sgID := str(dig(e.must(api.V3, "CreateSecurityGroup", params.Tree{"GroupName": "web", "GroupDescription": "w"}), "SecurityGroup", "SecurityGroupId"))

	create := func(p params.Tree) (map[string]any, error) {
		base := params.Tree{"VpcId": vpcID, "SubnetId": subID, "NetworkInterfaceName": "nic"}
		for k, v := range p {
			base[k] = v
		}
		r, err := e.do(api.V3, "CreateNetworkInterface", base)
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	}
	out, err := create(params.Tree{
		"NetworkInterfaceDescription": "first", "SecurityGroupIds": []any{sgID}, "SecondaryPrivateIpAddressCount": "1",
		"PrivateIpAddresses": []any{map[string]any{"PrivateIpAddress": "10.0.1.5", "Primary": true}},
	})
	if err != nil {
		t.Fatal(err)
	}
	nic := dig(out, "NetworkInterface")
	eni := str(dig(nic, "NetworkInterfaceId"))
	if !idOK(eni, "eni-") || str(dig(nic, "State")) != "PENDING" || str(dig(nic, "GroupSet", 0)) != sgID ||
		str(dig(nic, "PrivateIpAddressSet", 0, "PrivateIpAddress")) != "10.0.1.5" || str(dig(nic, "PrivateIpAddressSet", 0, "Primary")) != "true" ||
		str(dig(nic, "PrivateIpAddressSet", 1, "PrivateIpAddress")) != "10.0.1.2" || str(dig(nic, "MacAddress")) == "" ||
		str(dig(nic, "Zone")) != "ap-guangzhou-3" || len(dig(nic, "Attachment").(map[string]any)) != 0 {
		t.Fatalf("CreateNetworkInterface: %v", nic)
	}
	for _, f := range []map[string]any{
		{"Name": "groups.security-group-id", "Values": []any{sgID}},
		{"Name": "vpc-id", "Values": []any{vpcID, "vpc-00000000"}},
	} {
		r := e.must(api.V3, "DescribeNetworkInterfaces", params.Tree{"Filters": []any{f}})
		if str(r["TotalCount"]) != "1" || str(dig(r, "NetworkInterfaceSet", 0, "NetworkInterfaceId")) != eni {
			t.Fatalf("DescribeNetworkInterfaces by %v: %v", f, r)
		}
	}
	if r := e.must(api.V3, "DescribeNetworkInterfaces", params.Tree{"Filters": []any{map[string]any{"Name": "groups.security-group-id", "Values": []any{"sg-00000000"}}}}); str(r["TotalCount"]) != "0" {
		t.Fatalf("DescribeNetworkInterfaces by another group: %v", r)
	}
	_, err = e.do(api.V3, "AssignPrivateIpAddresses", params.Tree{"NetworkInterfaceId": eni, "SecondaryPrivateIpAddressCount": "1"})
	wantErr(t, err, "UnsupportedOperation")
	e.settle()

	for ip, code := range map[string]string{"10.0.1.5": "ResourceInUse", "10.0.2.5": "InvalidParameterValue.Range", "10.0.1.1": "InvalidParameterValue.Reserved", "10.0.1": "InvalidParameterValue.Malformed"} {
		_, err := create(params.Tree{"PrivateIpAddresses": []any{map[string]any{"PrivateIpAddress": ip, "Primary": true}}})
		wantErr(t, err, code)
	}
	_, err = create(params.Tree{"SecurityGroupIds": []any{"sg-00000000"}})
	wantErr(t, err, "ResourceNotFound")

	e.must(api.V3, "AssignPrivateIpAddresses", params.Tree{"NetworkInterfaceId": eni, "PrivateIpAddresses": []any{map[string]any{"PrivateIpAddress": "10.0.1.9", "Description": "db"}}})
	got := e.must(api.V3, "AssignPrivateIpAddresses", params.Tree{"NetworkInterfaceId": eni, "SecondaryPrivateIpAddressCount": "2"})
	if a, b := str(dig(got, "PrivateIpAddressSet", 0, "PrivateIpAddress")), str(dig(got, "PrivateIpAddressSet", 1, "PrivateIpAddress")); a != "10.0.1.3" || b != "10.0.1.4" {
		t.Fatalf("AssignPrivateIpAddresses: %v", got)
	}
	_, err = e.do(api.V3, "AssignPrivateIpAddresses", params.Tree{"NetworkInterfaceId": eni, "PrivateIpAddresses": []any{map[string]any{"PrivateIpAddress": "10.0.1.9"}}})
	wantErr(t, err, "ResourceInUse")
	subs := e.must(api.V3, "DescribeSubnets", params.Tree{"SubnetIds": []any{subID}})
	if str(dig(subs, "SubnetSet", 0, "AvailableIpAddressCount")) != "8" {
		t.Fatalf("subnet after 5 addresses: %v", subs)
	}
	// Eight addresses are left: a primary and nine more do not fit.
	_, err = create(params.Tree{"SecondaryPrivateIpAddressCount": "9"})
	wantErr(t, err, "ResourceInsufficient")

	e.must(api.V3, "ModifyNetworkInterfaceAttribute", params.Tree{"NetworkInterfaceId": eni, "NetworkInterfaceName": "renamed", "NetworkInterfaceDescription": "d", "SecurityGroupIds": []any{}})
	e.must(api.V3, "ModifyPrivateIpAddressesAttribute", params.Tree{"NetworkInterfaceId": eni, "PrivateIpAddresses": []any{map[string]any{"PrivateIpAddress": "10.0.1.9", "Description": "database"}}})
	_, err = e.do(api.V3, "ModifyPrivateIpAddressesAttribute", params.Tree{"NetworkInterfaceId": eni, "PrivateIpAddresses": []any{map[string]any{"PrivateIpAddress": "10.0.1.13"}}})
	wantErr(t, err, "ResourceNotFound")
	desc := func() any {
		r := e.must(api.V3, "DescribeNetworkInterfaces", params.Tree{"NetworkInterfaceIds": []any{eni}})
		return dig(r, "NetworkInterfaceSet", 0)
	}
	nic = desc()
	if str(dig(nic, "NetworkInterfaceName")) != "renamed" || str(dig(nic, "NetworkInterfaceDescription")) != "d" ||
		len(rows(dig(nic, "GroupSet"))) != 0 || len(rows(dig(nic, "PrivateIpAddressSet"))) != 5 ||
		str(dig(nic, "PrivateIpAddressSet", 2, "Description")) != "database" || str(dig(nic, "State")) != "AVAILABLE" {
		t.Fatalf("after modify: %v", nic)
	}

	e.must(api.V3, "AttachNetworkInterface", params.Tree{"NetworkInterfaceId": eni, "InstanceId": "ins-abc00000"})
	if s := str(dig(desc(), "State")); s != "ATTACHING" {
		t.Fatalf("state after attach: %s", s)
	}
	e.settle()
	_, err = e.do(api.V3, "AttachNetworkInterface", params.Tree{"NetworkInterfaceId": eni, "InstanceId": "ins-other000"})
	wantErr(t, err, "UnsupportedOperation")
	byInst := e.must(api.V3, "DescribeNetworkInterfaces", params.Tree{"Filters": []any{map[string]any{"Name": "attachment.instance-id", "Values": []any{"ins-abc00000"}}}})
	if str(byInst["TotalCount"]) != "1" || str(dig(byInst, "NetworkInterfaceSet", 0, "Attachment", "InstanceId")) != "ins-abc00000" ||
		str(dig(byInst, "NetworkInterfaceSet", 0, "Attachment", "DeviceIndex")) != "1" {
		t.Fatalf("by instance: %v", byInst)
	}
	_, err = e.do(api.V3, "DeleteNetworkInterface", params.Tree{"NetworkInterfaceId": eni})
	wantErr(t, err, "ResourceInUse")
	_, err = e.do(api.V3, "MigrateNetworkInterface", params.Tree{"NetworkInterfaceId": eni, "SourceInstanceId": "ins-zzz00000", "DestinationInstanceId": "ins-def00000"})
	wantErr(t, err, "UnsupportedOperation")
	e.must(api.V3, "MigrateNetworkInterface", params.Tree{"NetworkInterfaceId": eni, "SourceInstanceId": "ins-abc00000", "DestinationInstanceId": "ins-def00000"})
	e.settle()
	_, err = e.do(api.V3, "DetachNetworkInterface", params.Tree{"NetworkInterfaceId": eni, "InstanceId": "ins-abc00000"})
	wantErr(t, err, "UnsupportedOperation")
	e.must(api.V3, "DetachNetworkInterface", params.Tree{"NetworkInterfaceId": eni, "InstanceId": "ins-def00000"})
	e.settle()
	if a := dig(desc(), "Attachment").(map[string]any); len(a) != 0 {
		t.Fatalf("attachment after detach: %v", a)
	}

	// A second interface; an IP moves to it with its EIP.
	eni2 := str(dig(e.must(api.V3, "CreateNetworkInterface", params.Tree{"VpcId": vpcID, "SubnetId": subID, "NetworkInterfaceName": "two"}), "NetworkInterface", "NetworkInterfaceId"))
	e.settle()
	eip := str(dig(e.must(api.V3, "AllocateAddresses", nil), "AddressSet", 0))
	e.must(api.V3, "AssociateAddress", params.Tree{"AddressId": eip, "NetworkInterfaceId": eni, "PrivateIpAddress": "10.0.1.9"})
	_, err = e.do(api.V3, "MigratePrivateIpAddress", params.Tree{"SourceNetworkInterfaceId": eni, "DestinationNetworkInterfaceId": eni2, "PrivateIpAddress": "10.0.1.5"})
	wantErr(t, err, "UnauthorizedOperation.PrimaryIp")
	_, err = e.do(api.V3, "MigratePrivateIpAddress", params.Tree{"SourceNetworkInterfaceId": eni, "DestinationNetworkInterfaceId": eni2, "PrivateIpAddress": "10.0.1.12"})
	wantErr(t, err, "UnauthorizedOperation.AttachmentNotFound")
	e.must(api.V3, "MigratePrivateIpAddress", params.Tree{"SourceNetworkInterfaceId": eni, "DestinationNetworkInterfaceId": eni2, "PrivateIpAddress": "10.0.1.9"})
	two := dig(e.must(api.V3, "DescribeNetworkInterfaces", params.Tree{"NetworkInterfaceIds": []any{eni2}}), "NetworkInterfaceSet", 0)
	if str(dig(two, "PrivateIpAddressSet", 1, "PrivateIpAddress")) != "10.0.1.9" || str(dig(two, "PrivateIpAddressSet", 1, "AddressId")) != eip {
		t.Fatalf("after the IP moved: %v", two)
	}
	_, err = e.do(api.V3, "UnassignPrivateIpAddresses", params.Tree{"NetworkInterfaceId": eni2, "PrivateIpAddresses": []any{map[string]any{"PrivateIpAddress": str(dig(two, "PrivateIpAddressSet", 0, "PrivateIpAddress"))}}})
	wantErr(t, err, "UnauthorizedOperation")
	e.must(api.V3, "UnassignPrivateIpAddresses", params.Tree{"NetworkInterfaceId": eni2, "PrivateIpAddresses": []any{map[string]any{"PrivateIpAddress": "10.0.1.9"}}})
	if a := e.must(api.V3, "DescribeAddresses", params.Tree{"AddressIds": []any{eip}}); str(dig(a, "AddressSet", 0, "AddressStatus")) != "UNBIND" {
		t.Fatalf("EIP of a returned IP: %v", a)
	}

	e.must(api.V3, "DeleteNetworkInterface", params.Tree{"NetworkInterfaceId": eni})
	if s := str(dig(desc(), "State")); s != "DELETING" {
		t.Fatalf("state while deleting: %s", s)
	}
	e.settle()
	if r := e.must(api.V3, "DescribeNetworkInterfaces", params.Tree{"NetworkInterfaceIds": []any{eni}}); str(r["TotalCount"]) != "0" {
		t.Fatalf("deleted interface listed: %v", r)
	}
	_, err = e.do(api.V3, "DeleteNetworkInterface", params.Tree{"NetworkInterfaceId": eni})
	wantErr(t, err, "ResourceNotFound")
	_, err = e.do(api.V3, "DeleteSubnet", params.Tree{"SubnetId": subID})
	wantErr(t, err, "ResourceInUse")
}

// TestENILegacy drives the legacy pages over the same store: creation and
// changes return a task, and API 3.0 sees what they made.
func TestENILegacy(t *testing.T) {
	e := start(t, Options{})
	vpcID, subID := e.network("10.1.0.0/16", "10.1.1.0/24")
	sgID := str(dig(e.must(api.V3, "CreateSecurityGroup", params.Tree{"GroupName": "db", "GroupDescription": "d"}), "SecurityGroup", "SecurityGroupId"))

	out := e.must(api.Legacy, "CreateNetworkInterface", params.Tree{
		"vpcId": vpcID, "subnetId": subID, "eniName": "legacy-nic", "secondaryPrivateIpAddressCount": "1", "sgIds": []any{sgID},
		"privateIpAddressSet": []any{map[string]any{"primary": "true", "privateIpAddress": "10.1.1.20"}},
	})
	task := dig(out, "data", "taskId")
	if str(task) == "" || str(out["taskId"]) != str(task) || e.taskStatus("DescribeVpcTaskResult", task) != "2" {
		t.Fatalf("CreateNetworkInterface: %v", out)
	}
	e.settle()
	if s := e.taskStatus("DescribeVpcTaskResult", task); s != "0" {
		t.Fatalf("task after the delay: %s", s)
	}
	list := e.must(api.Legacy, "DescribeNetworkInterfaces", params.Tree{"vpcId": vpcID, "eniName": "legacy"})
	row := dig(list, "data", "data", 0)
	eni := str(dig(row, "networkInterfaceId"))
	if str(dig(list, "data", "totalNum")) != "1" || str(dig(row, "privateIpAddressesSet", 0, "privateIpAddress")) != "10.1.1.20" ||
		str(dig(row, "privateIpAddressesSet", 0, "primary")) != "true" || str(dig(row, "privateIpAddressesSet", 1, "privateIpAddress")) != "10.1.1.2" ||
		str(dig(row, "groupSet", 0, "sgId")) != sgID || str(dig(row, "groupSet", 0, "sgName")) != "db" ||
		str(dig(row, "instanceSet", "instanceId")) != "" || str(dig(row, "zoneId")) != "100003" || str(dig(row, "eniName")) != "legacy-nic" {
		t.Fatalf("legacy DescribeNetworkInterfaces: %v", list)
	}

	e.must(api.Legacy, "ModifyNetworkInterface", params.Tree{"vpcId": vpcID, "networkInterfaceId": eni, "eniName": "renamed", "eniDescription": "x"})
	v3 := dig(e.must(api.V3, "DescribeNetworkInterfaces", params.Tree{"NetworkInterfaceIds": []any{eni}}), "NetworkInterfaceSet", 0)
	if str(dig(v3, "NetworkInterfaceName")) != "renamed" || str(dig(v3, "NetworkInterfaceDescription")) != "x" {
		t.Fatalf("v3 view of the legacy change: %v", v3)
	}

	eniOp := func(action string, p params.Tree) error {
		p["vpcId"], p["networkInterfaceId"] = vpcID, eni
		_, err := e.do(api.Legacy, action, p)
		return err
	}
	wantErr(t, eniOp("AssignPrivateIpAddresses", params.Tree{"privateIpAddressSet": []any{map[string]any{"primary": "false", "privateIpAddress": "10.1.1.2"}}}), "InvalidPrivateIpAddress.InUse", "5100")
	if err := eniOp("AssignPrivateIpAddresses", params.Tree{"secondaryPrivateIpAddressCount": "1"}); err != nil {
		t.Fatal(err)
	}
	if err := eniOp("AttachNetworkInterface", params.Tree{"instanceId": "ins-10000000"}); err != nil {
		t.Fatal(err)
	}
	wantErr(t, eniOp("DetachNetworkInterface", params.Tree{"instanceId": "ins-10000000"}), "UnsupportedOperation", "5100")
	wantErr(t, eniOp("AttachNetworkInterface", params.Tree{"instanceId": "ins-20000000"}), "InvalidNetworkInterface.AlreadyAssociated", "5100")
	e.settle()
	wantErr(t, eniOp("DeleteNetworkInterface", params.Tree{}), "InvalidNetworkInterface.CanNotDelete", "5100")
	wantErr(t, eniOp("DetachNetworkInterface", params.Tree{"instanceId": "ins-20000000"}), "InvalidNetworkInterface.NotAttached", "5100")
	wantErr(t, eniOp("MigrateNetworkInterface", params.Tree{"oldInstanceId": "ins-20000000", "newInstanceId": "ins-30000000"}), "InvalidInstance.NotFound", "5000")
	if err := eniOp("MigrateNetworkInterface", params.Tree{"oldInstanceId": "ins-10000000", "newInstanceId": "ins-30000000"}); err != nil {
		t.Fatal(err)
	}
	e.settle()
	row = dig(e.must(api.Legacy, "DescribeNetworkInterfaces", params.Tree{"instanceId": "ins-30000000"}), "data", "data", 0)
	if str(dig(row, "instanceSet", "instanceId")) != "ins-30000000" || len(rows(dig(row, "privateIpAddressesSet"))) != 3 {
		t.Fatalf("after migrate: %v", row)
	}
	if err := eniOp("DetachNetworkInterface", params.Tree{"instanceId": "ins-30000000"}); err != nil {
		t.Fatal(err)
	}
	e.settle()
	wantErr(t, eniOp("UnassignPrivateIpAddresses", params.Tree{"privateIpAddress": []any{"10.1.1.20"}}), "InvalidPrivateip.IsPrimary", "5100")
	if err := eniOp("UnassignPrivateIpAddresses", params.Tree{"privateIpAddress": []any{"10.1.1.2"}}); err != nil {
		t.Fatal(err)
	}
	e.settle()
	if err := eniOp("DeleteNetworkInterface", params.Tree{}); err != nil {
		t.Fatal(err)
	}
	e.settle()
	wantErr(t, eniOp("DeleteNetworkInterface", params.Tree{}), "InvalidNetworkInterface.NotFound", "5000")
	_, err := e.do(api.Legacy, "DeleteNetworkInterface", params.Tree{"vpcId": "vpc-00000000", "networkInterfaceId": eni})
	wantErr(t, err, "InvalidVpc.NotFound", "5000")
	if r := e.must(api.Legacy, "DescribeNetworkInterfaces", params.Tree{"vpcId": vpcID}); str(dig(r, "data", "totalNum")) != "0" {
		t.Fatalf("after delete: %v", r)
	}
	_, err = e.do(api.Legacy, "DescribeNetworkInterfaces", params.Tree{"networkInterfaceId": eni})
	wantErr(t, err, "InvalidNetworkInterface.NotFound", "5000")
	_, err = e.do(api.Legacy, "DescribeNetworkInterfaces", params.Tree{"vpcId": "vpc-00000000"})
	wantErr(t, err, "InvalidVpc.NotFound", "5000")
}

// TestENIVpcLimit: a VPC holds eniVpcLimit interfaces, whichever style
// made them; each style answers its page's code for one more.
func TestENIVpcLimit(t *testing.T) {
	e := start(t, Options{})
	vpcID, subID := e.network("10.2.0.0/16", "10.2.0.0/24")
	for i := range eniVpcLimit {
		if i%2 == 0 {
			e.must(api.V3, "CreateNetworkInterface", params.Tree{"VpcId": vpcID, "SubnetId": subID, "NetworkInterfaceName": "n"})
		} else {
			e.must(api.Legacy, "CreateNetworkInterface", params.Tree{"vpcId": vpcID, "subnetId": subID, "eniName": "n"})
		}
	}
	_, err := e.do(api.V3, "CreateNetworkInterface", params.Tree{"VpcId": vpcID, "SubnetId": subID, "NetworkInterfaceName": "n"})
	wantErr(t, err, "LimitExceeded")
	_, err = e.do(api.Legacy, "CreateNetworkInterface", params.Tree{"vpcId": vpcID, "subnetId": subID, "eniName": "n"})
	wantErr(t, err, "NetworkInterfaceLimitExceeded", "5100")
	other, otherSub := e.network("10.3.0.0/16", "10.3.0.0/24")
	e.must(api.V3, "CreateNetworkInterface", params.Tree{"VpcId": other, "SubnetId": otherSub, "NetworkInterfaceName": "n"})
	// A subnet of another VPC is not found in the one named.
	_, err = e.do(api.V3, "CreateNetworkInterface", params.Tree{"VpcId": other, "SubnetId": subID, "NetworkInterfaceName": "n"})
	wantErr(t, err, "ResourceNotFound")
	_, err = e.do(api.Legacy, "CreateNetworkInterface", params.Tree{"vpcId": other, "subnetId": subID, "eniName": "n"})
	wantErr(t, err, "InvalidSubnet.NotFound", "5000")
	_, err = e.do(api.Legacy, "CreateNetworkInterface", params.Tree{"vpcId": "vpc-00000000", "subnetId": subID, "eniName": "n"})
	wantErr(t, err, "InvalidVpc.NotFound", "5000")
}

// TestEIPAssociate: AssociateAddress answers the codes its page lists.
func TestEIPAssociate(t *testing.T) {
	e := start(t, Options{})
	vpcID, subID := e.network("10.4.0.0/16", "10.4.0.0/24")
	eni := str(dig(e.must(api.V3, "CreateNetworkInterface", params.Tree{"VpcId": vpcID, "SubnetId": subID, "NetworkInterfaceName": "n"}), "NetworkInterface", "NetworkInterfaceId"))
	ids := e.must(api.V3, "AllocateAddresses", params.Tree{"AddressCount": "2"})["AddressSet"].([]any)
	one, two := str(ids[0]), str(ids[1])
	assoc := func(p params.Tree) error {
		_, err := e.do(api.V3, "AssociateAddress", p)
		return err
	}
	wantErr(t, assoc(params.Tree{"AddressId": one, "InstanceId": "ins-12345678", "NetworkInterfaceId": eni}), "InvalidParameterConflict")
	wantErr(t, assoc(params.Tree{"AddressId": one, "NetworkInterfaceId": "eni-00000000", "PrivateIpAddress": "10.4.0.2"}), "InvalidNetworkInterfaceId.NotFound")
	wantErr(t, assoc(params.Tree{"AddressId": "eip-00000000", "InstanceId": "ins-12345678"}), "InvalidAddressId.NotFound")
	e.must(api.V3, "AssociateAddress", params.Tree{"AddressId": one, "NetworkInterfaceId": eni, "PrivateIpAddress": "10.4.0.2"})
	wantErr(t, assoc(params.Tree{"AddressId": two, "NetworkInterfaceId": eni, "PrivateIpAddress": "10.4.0.2"}), "InvalidPrivateIpAddress.AlreadyBindEip")
	wantErr(t, assoc(params.Tree{"AddressId": one, "InstanceId": "ins-12345678"}), "InvalidAddressIdStatus.NotPermit")
	if r := e.must(api.V3, "DescribeAddresses", params.Tree{"Filters": []any{map[string]any{"Name": "address-status", "Values": []any{"BIND_ENI"}}}}); str(r["TotalCount"]) != "1" || str(dig(r, "AddressSet", 0, "AddressId")) != one {
		t.Fatalf("EIPs on an interface no instance holds: %v", r)
	}
	_, err := e.do(api.V3, "ReleaseAddresses", params.Tree{"AddressIds": []any{two, one}})
	wantErr(t, err, "InvalidAddressState")
	e.must(api.V3, "DisassociateAddress", params.Tree{"AddressId": one})
	_, err = e.do(api.V3, "DisassociateAddress", params.Tree{"AddressId": one})
	wantErr(t, err, "InvalidAddressIdStatus.NotPermit")
	_, err = e.do(api.V3, "ModifyAddressAttribute", params.Tree{"AddressId": one, "AddressName": ""})
	wantErr(t, err, "InvalidParameterValue")
}
