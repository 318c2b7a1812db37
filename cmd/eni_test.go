package cmd

import (
	"encoding/json"
	"testing"

	"github.com/spf13/pflag"
	"github.com/tcvpc/tcvpc/internal/testserver"
	"github.com/tcvpc/tcvpc/pkg/api"
)

const (
	eniTaskReply = `{"code":0,"message":"","codeDesc":"Success","data":{"taskId":16284}}`
	eniV3Set     = `"TotalCount":1,"NetworkInterfaceSet":[{"Attachment":{},"CreatedTime":"2017-11-16 19:56:00","GroupSet":["sg-c2r7lnxh","sg-f9ekbxeg"],` +
		`"MacAddress":"20:90:6F:F3:3D:BD","NetworkInterfaceDescription":"","NetworkInterfaceId":"eni-f1xjkw1b","NetworkInterfaceName":"royhyangtest-main",` +
		`"Primary":false,"PrivateIpAddressSet":[{"Description":"","IsWanIpBlocked":false,"Primary":true,"PrivateIpAddress":"192.168.0.13","PublicIpAddress":"","State":"AVAILABLE"},` +
		`{"Description":"","IsWanIpBlocked":false,"Primary":false,"PrivateIpAddress":"192.168.0.15","PublicIpAddress":"","State":"AVAILABLE"}],` +
		`"State":"AVAILABLE","SubnetId":"subnet-nao8lfro","VpcId":"vpc-mrzkofih","Zone":"ap-guangzhou-2"}]`
	eniLegacySet = `{"code":0,"message":"","codeDesc":"Success","data":{"totalNum":2,"data":[` +
		`{"vpcId":"vpc-fyc4pilj","vpcName":"test","subnetId":"subnet-pq7ptksb","zoneId":"100002","eniName":"web","eniDescription":"","networkInterfaceId":"eni-d6m4m0iy",` +
		`"primary":false,"macAddress":"20:90:6F:59:8D:79","createTime":"2017-08-31 11:33:59","privateIpAddressesSet":[{"privateIpAddress":"10.53.54.19","primary":true,"wanIp":"119.29.158.39","description":"","isWanIpBlocked":false,"eipId":"eip-07vqn979"}],` +
		`"instanceSet":{"instanceId":"ins-7s7zjczq","attachTime":"2017-12-12 11:55:07"},"groupSet":[{"sgId":"sg-lb62wxwb","sgName":"web","projectId":0}]},` +
		`{"vpcId":"vpc-fyc4pilj","vpcName":"test","subnetId":"subnet-pq7ptksb","zoneId":100002,"eniName":"db","eniDescription":"","networkInterfaceId":"eni-ay1ac9c7",` +
		`"primary":false,"macAddress":"20:90:6F:94:86:77","createTime":"2017-07-28 20:09:34","privateIpAddressesSet":[{"privateIpAddress":"10.53.54.230","primary":true,"wanIp":"","description":"","isWanIpBlocked":false,"eipId":""}],` +
		`"instanceSet":{"instanceId":"","attachTime":""},"groupSet":[]}]}}`
	eniCreated = `"NetworkInterface":{"Attachment":{},"MacAddress":"20:90:6F:62:33:E2","NetworkInterfaceDescription":"TestDesc","NetworkInterfaceId":"eni-irk5qhhl",` +
		`"NetworkInterfaceName":"TestNIC","PrivateIpAddressSet":[{"Primary":true,"PrivateIpAddress":"172.16.64.13"}],"State":"PENDING","SubnetId":"subnet-76r802pg","VpcId":"vpc-0akbol5v"}`
)

func TestENICommandsWire(t *testing.T) {
	task := testserver.Reply{Body: eniTaskReply}
	legacyOK := testserver.Reply{Body: `{"code":0,"message":"","codeDesc":"Success"}`}
	runEipEniSgCases(t, []eipEniSgCase{
		// list
		{name: "list v3 table", args: []string{"eni", "list"},
			reply: testserver.V3OK(eniV3Set), action: "DescribeNetworkInterfaces", style: "v3", params: map[string]string{"Limit": "100"},
			stdout: "ID             NAME                VPC            SUBNET            PRIVATE IP     INSTANCE   STATE\n" +
				"eni-f1xjkw1b   royhyangtest-main   vpc-mrzkofih   subnet-nao8lfro   192.168.0.13   -          AVAILABLE\n"},
		{name: "list v3 filters", args: []string{"eni", "ls", "--filter", "vpc-id=vpc-mrzkofih", "--filter", "attachment.instance-id=ins-7s7zjczq", "--offset", "20", "-o", "text"},
			reply: testserver.V3OK(eniV3Set), action: "DescribeNetworkInterfaces", style: "v3",
			params: map[string]string{"Filters.0.Name": "vpc-id", "Filters.0.Values.0": "vpc-mrzkofih",
				"Filters.1.Name": "attachment.instance-id", "Filters.1.Values.0": "ins-7s7zjczq", "Offset": "20", "Limit": "100"},
			stdout: "eni-f1xjkw1b\troyhyangtest-main\tvpc-mrzkofih\tsubnet-nao8lfro\t192.168.0.13\t\tAVAILABLE\n"},
		{name: "list v3 shorthands", args: []string{"eni", "list", "--vpc-id", "vpc-mrzkofih", "--instance-id", "ins-7s7zjczq", "--security-group-id", "sg-f9ekbxeg", "--filter", "network-interface-name=web", "--all", "-o", "json", "--query", "TotalCount"},
			reply: testserver.V3OK(eniV3Set), action: "DescribeNetworkInterfaces", style: "v3",
			params: map[string]string{"Filters.0.Name": "vpc-id", "Filters.0.Values.0": "vpc-mrzkofih",
				"Filters.1.Name": "attachment.instance-id", "Filters.1.Values.0": "ins-7s7zjczq",
				"Filters.2.Name": "groups.security-group-id", "Filters.2.Values.0": "sg-f9ekbxeg",
				"Filters.3.Name": "network-interface-name", "Filters.3.Values.0": "web", "Limit": "100"},
			stdout: "1\n"},
		{name: "list v3 one id", args: []string{"eni", "list", "--network-interface-id", "eni-f1xjkw1b", "-o", "json", "--query", "NetworkInterfaceSet[].NetworkInterfaceId"},
			reply: testserver.V3OK(eniV3Set), action: "DescribeNetworkInterfaces", style: "v3",
			params: map[string]string{"NetworkInterfaceIds.0": "eni-f1xjkw1b", "Limit": "100"},
			stdout: "[\n  \"eni-f1xjkw1b\"\n]\n"},
		{name: "list legacy", args: []string{"eni", "list", "--legacy", "--vpc-id", "vpc-fyc4pilj", "--name", "web", "--order-field", "eniName", "--order-direction", "asc"},
			reply: testserver.Reply{Body: eniLegacySet}, action: "DescribeNetworkInterfaces", style: "legacy",
			params: map[string]string{"vpcId": "vpc-fyc4pilj", "eniName": "web", "orderField": "eniName", "orderDirection": "asc", "limit": "50"},
			stdout: "ID             NAME   VPC            SUBNET            PRIVATE IP     INSTANCE       CREATED\n" +
				"eni-d6m4m0iy   web    vpc-fyc4pilj   subnet-pq7ptksb   10.53.54.19    ins-7s7zjczq   2017-08-31 11:33:59\n" +
				"eni-ay1ac9c7   db     vpc-fyc4pilj   subnet-pq7ptksb   10.53.54.230                  2017-07-28 20:09:34\n"},
		{name: "list legacy text paging", args: []string{"eni", "ls", "--legacy", "--instance-id", "ins-7s7zjczq", "--limit", "50", "-o", "text"},
			reply: testserver.Reply{Body: eniLegacySet}, action: "DescribeNetworkInterfaces", style: "legacy",
			params: map[string]string{"instanceId": "ins-7s7zjczq", "limit": "50"},
			stdout: "eni-d6m4m0iy\tweb\tvpc-fyc4pilj\tsubnet-pq7ptksb\t10.53.54.19\tins-7s7zjczq\t2017-08-31 11:33:59\n" +
				"eni-ay1ac9c7\tdb\tvpc-fyc4pilj\tsubnet-pq7ptksb\t10.53.54.230\t\t2017-07-28 20:09:34\n"},
		// show
		{name: "show v3", args: []string{"eni", "show", "eni-f1xjkw1b"},
			reply: testserver.V3OK(eniV3Set), action: "DescribeNetworkInterfaces", style: "v3",
			params: map[string]string{"NetworkInterfaceIds.0": "eni-f1xjkw1b"},
			stdout: "KEY                           VALUE\n" +
				"Attachment                    {}\n" +
				"CreatedTime                   2017-11-16 19:56:00\n" +
				"GroupSet                      sg-c2r7lnxh,sg-f9ekbxeg\n" +
				"MacAddress                    20:90:6F:F3:3D:BD\n" +
				"NetworkInterfaceDescription\n" +
				"NetworkInterfaceId            eni-f1xjkw1b\n" +
				"NetworkInterfaceName          royhyangtest-main\n" +
				"Primary                       false\n" +
				`PrivateIpAddressSet           [{"Description":"","IsWanIpBlocked":false,"Primary":true,"PrivateIpAddress":"192.168.0.13","PublicIpAddress":"","State":"AVAILABLE"},{"Description":"","IsWanIpBlocked":false,"Primary":false,"PrivateIpAddress":"192.168.0.15","PublicIpAddress":"","State":"AVAILABLE"}]` + "\n" +
				"State                         AVAILABLE\n" +
				"SubnetId                      subnet-nao8lfro\n" +
				"VpcId                         vpc-mrzkofih\n" +
				"Zone                          ap-guangzhou-2\n"},
		{name: "show legacy text", args: []string{"eni", "show", "eni-d6m4m0iy", "--legacy", "-o", "text", "--query", "data.data[0].[networkInterfaceId, eniName, macAddress]"},
			reply: testserver.Reply{Body: eniLegacySet}, action: "DescribeNetworkInterfaces", style: "legacy",
			params: map[string]string{"networkInterfaceId": "eni-d6m4m0iy"},
			stdout: "eni-d6m4m0iy\nweb\n20:90:6F:59:8D:79\n"},
		// create
		{name: "create v3", args: []string{"eni", "create", "--vpc-id", "vpc-0akbol5v", "--subnet-id", "subnet-76r802pg", "--name", "TestNIC",
			"--description", "TestDesc", "--primary-ip", "172.16.64.13", "--count", "1", "--security-group-ids", "sg-05bb4upy"},
			reply: testserver.V3OK(eniCreated), action: "CreateNetworkInterface", style: "v3",
			params: map[string]string{"VpcId": "vpc-0akbol5v", "SubnetId": "subnet-76r802pg", "NetworkInterfaceName": "TestNIC",
				"NetworkInterfaceDescription": "TestDesc", "PrivateIpAddresses.0.PrivateIpAddress": "172.16.64.13", "PrivateIpAddresses.0.Primary": "true",
				"SecondaryPrivateIpAddressCount": "1", "SecurityGroupIds.0": "sg-05bb4upy"},
			stdout: "ID             NAME      VPC            SUBNET            PRIVATE IP     INSTANCE   STATE\n" +
				"eni-irk5qhhl   TestNIC   vpc-0akbol5v   subnet-76r802pg   172.16.64.13   -          PENDING\n"},
		{name: "create v3 json", args: []string{"eni", "create", "--vpc-id", "vpc-0akbol5v", "--subnet-id", "subnet-76r802pg", "--name", "TestNIC", "-o", "json", "--query", "NetworkInterface.NetworkInterfaceId"},
			reply: testserver.V3OK(eniCreated), action: "CreateNetworkInterface", style: "v3",
			params: map[string]string{"VpcId": "vpc-0akbol5v", "SubnetId": "subnet-76r802pg", "NetworkInterfaceName": "TestNIC"},
			stdout: "\"eni-irk5qhhl\"\n"},
		{name: "create legacy", args: []string{"eni", "create", "--legacy", "--vpc-id", "vpc-7t9nf3pu", "--subnet-id", "subnet-0ap8nwca", "--name", "eni",
			"--count", "1", "--security-group-ids", "sg-1dd51d00", "--primary-ip", "10.0.0.9"},
			reply: task, action: "CreateNetworkInterface", style: "legacy",
			params: map[string]string{"vpcId": "vpc-7t9nf3pu", "subnetId": "subnet-0ap8nwca", "eniName": "eni", "secondaryPrivateIpAddressCount": "1",
				"sgIds.0": "sg-1dd51d00", "privateIpAddressSet.0.privateIpAddress": "10.0.0.9", "privateIpAddressSet.0.primary": "true"},
			stdout: "TASK ID\n16284\n"},
		// modify
		{name: "modify v3", args: []string{"eni", "modify", "eni-afo43z61", "--name", "NewName", "--security-group-ids", "sg-05bb4upy,sg-c2r7lnxh"}, tty: true,
			reply: testserver.V3OK(""), action: "ModifyNetworkInterfaceAttribute", style: "v3",
			params: map[string]string{"NetworkInterfaceId": "eni-afo43z61", "NetworkInterfaceName": "NewName", "SecurityGroupIds.0": "sg-05bb4upy", "SecurityGroupIds.1": "sg-c2r7lnxh"},
			stdout: "Modified network interface eni-afo43z61\n"},
		{name: "modify legacy", args: []string{"eni", "modify", "eni-m6dyj72l", "--legacy", "--vpc-id", "vpc-7t9nf3pu", "--name", "barrytest", "--description", "d"},
			reply: legacyOK, action: "ModifyNetworkInterface", style: "legacy",
			params: map[string]string{"vpcId": "vpc-7t9nf3pu", "networkInterfaceId": "eni-m6dyj72l", "eniName": "barrytest", "eniDescription": "d"}},
		// delete
		{name: "delete v3", args: []string{"eni", "delete", "eni-m6dyj72l", "-y"}, tty: true,
			reply: testserver.V3OK(""), action: "DeleteNetworkInterface", style: "v3",
			params: map[string]string{"NetworkInterfaceId": "eni-m6dyj72l"},
			stdout: "Deleted network interface eni-m6dyj72l\n"},
		{name: "delete legacy", args: []string{"eni", "rm", "eni-m6dyj72l", "--legacy", "--vpc-id", "vpc-7t9nf3pu", "-y", "-o", "text"},
			reply: task, action: "DeleteNetworkInterface", style: "legacy",
			params: map[string]string{"vpcId": "vpc-7t9nf3pu", "networkInterfaceId": "eni-m6dyj72l"},
			stdout: "16284\n"},
		// attach, detach, migrate
		{name: "attach v3", args: []string{"eni", "attach", "eni-afo43z61", "--instance-id", "ins-r8hr2upy"},
			reply: testserver.V3OK(""), action: "AttachNetworkInterface", style: "v3",
			params: map[string]string{"NetworkInterfaceId": "eni-afo43z61", "InstanceId": "ins-r8hr2upy"}},
		{name: "attach legacy", args: []string{"eni", "attach", "eni-m6dyj72l", "--instance-id", "ins-xx44545f", "--legacy", "--vpc-id", "vpc-xx44545f"},
			reply: task, action: "AttachNetworkInterface", style: "legacy",
			params: map[string]string{"vpcId": "vpc-xx44545f", "networkInterfaceId": "eni-m6dyj72l", "instanceId": "ins-xx44545f"},
			stdout: "TASK ID\n16284\n"},
		{name: "detach v3", args: []string{"eni", "detach", "eni-af043z61", "--instance-id", "ins-r8hr2upy", "--yes"}, tty: true,
			reply: testserver.V3OK(""), action: "DetachNetworkInterface", style: "v3",
			params: map[string]string{"NetworkInterfaceId": "eni-af043z61", "InstanceId": "ins-r8hr2upy"},
			stdout: "Detached network interface eni-af043z61\n"},
		{name: "detach legacy", args: []string{"eni", "detach", "eni-m6dyj72l", "--instance-id", "ins-xx44545f", "--legacy", "--vpc-id", "vpc-7t9nf3pu", "--yes"},
			reply: task, action: "DetachNetworkInterface", style: "legacy",
			params: map[string]string{"vpcId": "vpc-7t9nf3pu", "networkInterfaceId": "eni-m6dyj72l", "instanceId": "ins-xx44545f"},
			stdout: "TASK ID\n16284\n"},
		{name: "migrate v3", args: []string{"eni", "migrate", "eni-afo43z61", "--from", "ins-r8hr2upy", "--to", "ins-s2hr8upy"},
			reply: testserver.V3OK(""), action: "MigrateNetworkInterface", style: "v3",
			params: map[string]string{"NetworkInterfaceId": "eni-afo43z61", "SourceInstanceId": "ins-r8hr2upy", "DestinationInstanceId": "ins-s2hr8upy"}},
		{name: "migrate legacy", args: []string{"eni", "migrate", "eni-m6dyj72l", "--from", "ins-xx44545f", "--to", "ins-cdddu74a", "--legacy", "--vpc-id", "vpc-xx44545f"},
			reply: task, action: "MigrateNetworkInterface", style: "legacy",
			params: map[string]string{"vpcId": "vpc-xx44545f", "networkInterfaceId": "eni-m6dyj72l", "oldInstanceId": "ins-xx44545f", "newInstanceId": "ins-cdddu74a"},
			stdout: "TASK ID\n16284\n"},
		// private IPs
		{name: "ip assign v3 count", args: []string{"eni", "ip", "assign", "eni-af043z61", "--count", "2"},
			reply:  testserver.V3OK(`"PrivateIpAddressSet":[{"PrivateIpAddress":"172.16.32.237"},{"PrivateIpAddress":"172.16.32.84"}]`),
			action: "AssignPrivateIpAddresses", style: "v3",
			params: map[string]string{"NetworkInterfaceId": "eni-af043z61", "SecondaryPrivateIpAddressCount": "2"},
			stdout: "PRIVATE IP      PRIMARY   PUBLIC IP   DESCRIPTION\n" +
				"172.16.32.237   -         -           -\n" +
				"172.16.32.84    -         -           -\n"},
		{name: "ip assign v3 ips", args: []string{"eni", "ip", "assign", "eni-af043z61", "--ip", "172.16.32.20", "--description", "db", "-o", "text"},
			reply:  testserver.V3OK(`"PrivateIpAddressSet":[{"PrivateIpAddress":"172.16.32.20","Primary":false,"Description":"db"}]`),
			action: "AssignPrivateIpAddresses", style: "v3",
			params: map[string]string{"NetworkInterfaceId": "eni-af043z61", "PrivateIpAddresses.0.PrivateIpAddress": "172.16.32.20", "PrivateIpAddresses.0.Description": "db"},
			stdout: "172.16.32.20\tfalse\t\tdb\n"},
		{name: "ip assign legacy", args: []string{"eni", "ip", "assign", "eni-m6dyj72l", "--count", "1", "--legacy", "--vpc-id", "vpc-7t9nf3pu"},
			reply: task, action: "AssignPrivateIpAddresses", style: "legacy",
			params: map[string]string{"vpcId": "vpc-7t9nf3pu", "networkInterfaceId": "eni-m6dyj72l", "secondaryPrivateIpAddressCount": "1"},
			stdout: "TASK ID\n16284\n"},
		{name: "ip assign legacy ips", args: []string{"eni", "ip", "assign", "eni-m6dyj72l", "--ip", "10.0.0.7,10.0.0.8", "--legacy", "--vpc-id", "vpc-7t9nf3pu"},
			reply: task, action: "AssignPrivateIpAddresses", style: "legacy",
			params: map[string]string{"vpcId": "vpc-7t9nf3pu", "networkInterfaceId": "eni-m6dyj72l",
				"privateIpAddressSet.0.privateIpAddress": "10.0.0.7", "privateIpAddressSet.0.primary": "false",
				"privateIpAddressSet.1.privateIpAddress": "10.0.0.8", "privateIpAddressSet.1.primary": "false"},
			stdout: "TASK ID\n16284\n"},
		{name: "ip unassign v3", args: []string{"eni", "ip", "unassign", "eni-afo43z61", "--ip", "172.16.32.111", "-y"}, tty: true,
			reply: testserver.V3OK(""), action: "UnassignPrivateIpAddresses", style: "v3",
			params: map[string]string{"NetworkInterfaceId": "eni-afo43z61", "PrivateIpAddresses.0.PrivateIpAddress": "172.16.32.111"},
			stdout: "Unassigned private IPs of network interface eni-afo43z61\n"},
		{name: "ip unassign legacy", args: []string{"eni", "ip", "unassign", "eni-m6dyj72l", "--ip", "10.0.0.2", "--ip", "10.0.0.3", "--legacy", "--vpc-id", "vpc-7t9nf3pu", "-y"},
			reply: task, action: "UnassignPrivateIpAddresses", style: "legacy",
			params: map[string]string{"vpcId": "vpc-7t9nf3pu", "networkInterfaceId": "eni-m6dyj72l", "privateIpAddress.0": "10.0.0.2", "privateIpAddress.1": "10.0.0.3"},
			stdout: "TASK ID\n16284\n"},
		{name: "ip migrate v3", args: []string{"eni", "ip", "migrate", "eni-afo43z61", "--ip", "172.16.33.109", "--to", "eni-g0n2axhd"},
			reply: testserver.V3OK(""), action: "MigratePrivateIpAddress", style: "v3",
			params: map[string]string{"SourceNetworkInterfaceId": "eni-afo43z61", "DestinationNetworkInterfaceId": "eni-g0n2axhd", "PrivateIpAddress": "172.16.33.109"}},
		{name: "ip migrate legacy", args: []string{"eni", "ip", "migrate", "eni-m6dyj72l", "--ip", "10.0.0.6", "--to", "eni-dfddf454", "--legacy", "--vpc-id", "vpc-7t9nf3pu"},
			reply: task, action: "MigratePrivateIpAddress", style: "legacy",
			params: map[string]string{"vpcId": "vpc-7t9nf3pu", "privateIpAddress": "10.0.0.6", "oldNetworkInterfaceId": "eni-m6dyj72l", "newNetworkInterfaceId": "eni-dfddf454"},
			stdout: "TASK ID\n16284\n"},
		{name: "ip modify", args: []string{"eni", "ip", "modify", "eni-af043z61", "--ip", "172.16.32.111", "--description", "new-pip-name"}, tty: true,
			reply: testserver.V3OK(""), action: "ModifyPrivateIpAddressesAttribute", style: "v3",
			params: map[string]string{"NetworkInterfaceId": "eni-af043z61", "PrivateIpAddresses.0.PrivateIpAddress": "172.16.32.111", "PrivateIpAddresses.0.Description": "new-pip-name"},
			stdout: "Modified private IPs of network interface eni-af043z61\n"},
	})
}

// --wait follows a new interface through PENDING to AVAILABLE and shows it.
func TestENICreateWait(t *testing.T) {
	pending := testserver.V3OK(`"TotalCount":1,"NetworkInterfaceSet":[{` + eniCreated[len(`"NetworkInterface":{`):] + `]`)
	available := testserver.V3OK(eniV3Set)
	srv := testserver.New(t, testserver.V3OK(eniCreated), pending, available)
	run{env: envFor(srv)}.exec(t, "eni", "create", "--vpc-id", "vpc-0akbol5v", "--subnet-id", "subnet-76r802pg", "--name", "TestNIC", "--wait").
		expect(t, 0, "ID             NAME                VPC            SUBNET            PRIVATE IP     INSTANCE   STATE\n"+
			"eni-f1xjkw1b   royhyangtest-main   vpc-mrzkofih   subnet-nao8lfro   192.168.0.13   -          AVAILABLE\n",
			"Creating network interface eni-irk5qhhl: PENDING (0s)\nCreating network interface eni-irk5qhhl: AVAILABLE (0s)\n")
	for _, c := range srv.Calls()[1:] {
		if c.Action != "DescribeNetworkInterfaces" || c.Params["NetworkInterfaceIds.0"] != "eni-irk5qhhl" || len(c.Params) != 1 {
			t.Fatalf("poll sent %s %v", c.Action, c.Params)
		}
	}
}

// --legacy --wait polls the task of an asynchronous legacy operation.
func TestENILegacyDeleteWait(t *testing.T) {
	srv := testserver.New(t,
		testserver.Reply{Body: eniTaskReply},
		testserver.Reply{Body: `{"code":0,"message":"","data":{"status":0}}`},
	)
	run{env: envFor(srv)}.exec(t, "eni", "delete", "eni-m6dyj72l", "--legacy", "--vpc-id", "vpc-7t9nf3pu", "-y", "--wait").
		expect(t, 0, "", "Deleting network interface eni-m6dyj72l (task 16284): succeeded (0s)\n")
	if c := srv.Calls()[1]; c.Action != "DescribeVpcTaskResult" || c.Params["taskId"] != "16284" {
		t.Fatalf("poll sent %s %v", c.Action, c.Params)
	}
}

func TestENIShowNotFound(t *testing.T) {
	srv := testserver.New(t, testserver.Reply{Body: `{"code":0,"message":"","data":{"totalNum":0,"data":[]}}`})
	run{env: envFor(srv)}.exec(t, "eni", "show", "eni-d6m4m0iy", "--legacy").
		expect(t, 1, "", "Error: [ResourceNotFound] network interface eni-d6m4m0iy not found\n")
}

func TestENIUsageErrors(t *testing.T) {
	eipEniSgUsage(t, []struct {
		args []string
		msg  string
	}{
		{[]string{"eni", "show", "eni-F1XJKW1B"}, `invalid value "eni-F1XJKW1B" for ENI_ID: expected an ID like eni-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"eni", "delete", "eni-m6dyj72l", "--vpc-id", "vpc-7t9nf3pu", "-y"}, "--vpc-id is not used by API 3.0"},
		{[]string{"eni", "delete", "eni-m6dyj72l", "--legacy", "-y"}, "tcvpc eni delete needs --vpc-id"},
		{[]string{"eni", "create", "--vpc-id", "vpc-0akbol5v", "--subnet-id", "subnet-76r802pg"}, "tcvpc eni create needs --name"},
		{[]string{"eni", "create", "--vpc-id", "vpc-0akbol5v", "--subnet-id", "vpc-76r802pg", "--name", "n"}, `invalid value "vpc-76r802pg" for --subnet-id: expected an ID like subnet-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"eni", "create", "--vpc-id", "vpc-0akbol5v", "--subnet-id", "subnet-76r802pg", "--name", "n", "--security-group-ids", "sg-05bb4upy,sg-bad"}, `invalid value "sg-bad" for --security-group-ids: expected an ID like sg-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"eni", "create", "--vpc-id", "vpc-0akbol5v", "--subnet-id", "subnet-76r802pg", "--name", "n", "--ip", "10.0.0.300"}, `invalid value "10.0.0.300" for --ip: expected an IPv4 address such as 10.0.0.5`},
		{[]string{"eni", "create", "--vpc-id", "vpc-0akbol5v", "--subnet-id", "subnet-76r802pg", "--name", "n", "--primary-ip", "10.0.0.5", "--ip", "10.0.0.5"}, `invalid value "10.0.0.5" for --ip: the address is given twice`},
		{[]string{"eni", "attach", "eni-afo43z61", "--instance-id", "ins-R8HR2UPY"}, `invalid value "ins-R8HR2UPY" for --instance-id: expected an ID like ins-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"eni", "attach", "eni-afo43z61"}, "tcvpc eni attach needs --instance-id"},
		{[]string{"eni", "detach", "eni-af043z61", "--instance-id", "ins-r8hr2upy"}, "refusing to detach network interface eni-af043z61 without confirmation: pass --yes (-y) when stdin is not a terminal"},
		{[]string{"eni", "migrate", "eni-afo43z61", "--from", "ins-r8hr2upy"}, "tcvpc eni migrate needs --to"},
		{[]string{"eni", "list", "--legacy", "--order-field", "name"}, `invalid value "name" for --order-field: expected eniName or createTime`},
		{[]string{"eni", "list", "--order-field", "eniName"}, "--order-field is not used by API 3.0"},
		{[]string{"eni", "list", "--legacy", "--subnet-id", "subnet-pq7ptksb"}, "--subnet-id is not used by the legacy API (--legacy)"},
		{[]string{"eni", "list", "--vpc-id", "vpc-bad"}, `invalid value "vpc-bad" for --vpc-id: expected an ID like vpc-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"eni", "list", "--legacy", "--page-size", "100"}, "invalid value 100 for --page-size: expected 1 to 50"},
		{[]string{"eni", "ip", "assign", "eni-af043z61", "--count", "0"}, `invalid value "0" for --count: expected a whole number, 1 or more`},
		{[]string{"eni", "ip", "assign", "eni-af043z61", "--ip", "172.16.32.256"}, `invalid value "172.16.32.256" for --ip: expected an IPv4 address such as 10.0.0.5`},
		{[]string{"eni", "ip", "assign", "eni-af043z61"}, "tcvpc eni ip assign needs --count N or --ip ADDRESS"},
		{[]string{"eni", "ip", "assign", "eni-m6dyj72l", "--ip", "10.0.0.5", "--description", "db", "--legacy", "--vpc-id", "vpc-7t9nf3pu"}, "--description is not used by the legacy API (--legacy)"},
		{[]string{"eni", "list", "--legacy", "--filter", "vpc-id=vpc-fyc4pilj"}, "--filter maps to API 3.0 Filters; with --legacy use the operation's own flags (see --help)"},
		{[]string{"eni", "ip", "migrate", "eni-afo43z61", "--ip", "172.16.33.1090", "--to", "eni-g0n2axhd"}, `invalid value "172.16.33.1090" for --ip: expected an IPv4 address such as 10.0.0.5`},
		{[]string{"eni", "ip", "migrate", "eni-afo43z61", "--ip", "172.16.33.109", "--to", "ins-g0n2axhd"}, `invalid value "ins-g0n2axhd" for --to: expected an ID like eni-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"eni", "ip", "unassign", "eni-m6dyj72l", "--ip", "10.0.0", "--legacy", "--vpc-id", "vpc-7t9nf3pu", "-y"}, `invalid value "10.0.0" for --ip: expected an IPv4 address such as 10.0.0.5`},
		{[]string{"eni", "ip", "unassign", "eni-m6dyj72l", "-y"}, "tcvpc eni ip unassign needs --ip ADDRESS"},
		{[]string{"eni", "ip", "modify", "eni-af043z61", "--ip", "10.0.0.5", "--legacy"}, "tcvpc eni ip modify is not available in the legacy API (--legacy)"},
		{[]string{"eni", "ip", "assign", "eni-af043z61", "--count", "x"}, `invalid value "x" for --count: expected a whole number`},
	})
}

// Repeatable --ip flags become each style's private-IP parameter.
func TestENIIPInput(t *testing.T) {
	cases := []struct {
		args        []string
		style       api.Style
		wire        string
		want        string // JSON
		primary     bool
		description bool
	}{
		{[]string{"--ip", "10.0.0.5", "--ip", "10.0.0.6"}, api.V3, "PrivateIpAddresses",
			`[{"PrivateIpAddress":"10.0.0.5"},{"PrivateIpAddress":"10.0.0.6"}]`, false, false},
		{[]string{"--ip", "172.16.32.111,172.16.32.112", "--description", "db"}, api.V3, "PrivateIpAddresses",
			`[{"Description":"db","PrivateIpAddress":"172.16.32.111"},{"Description":"db","PrivateIpAddress":"172.16.32.112"}]`, false, true},
		{[]string{"--primary-ip", "172.16.64.13", "--ip", "172.16.64.14"}, api.V3, "PrivateIpAddresses",
			`[{"Primary":true,"PrivateIpAddress":"172.16.64.13"},{"PrivateIpAddress":"172.16.64.14"}]`, true, false},
		{[]string{"--primary-ip", "10.0.0.9", "--ip", "10.0.0.10"}, api.Legacy, "privateIpAddressSet",
			`[{"primary":true,"privateIpAddress":"10.0.0.9"},{"primary":false,"privateIpAddress":"10.0.0.10"}]`, true, false},
		{[]string{"--ip", "10.0.0.2", "--ip", "10.0.0.3"}, api.Legacy, "privateIpAddress", `["10.0.0.2","10.0.0.3"]`, false, false},
		{nil, api.V3, "PrivateIpAddresses", `null`, true, true},
	}
	for _, tc := range cases {
		fs := pflag.NewFlagSet("ip", pflag.ContinueOnError)
		in := addENIIPFlags(fs, tc.primary, tc.description)
		if err := fs.Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		v, err := in.value(tc.style, tc.wire)
		if err != nil {
			t.Fatalf("%v: %v", tc.args, err)
		}
		if got, _ := json.Marshal(v); string(got) != tc.want {
			t.Errorf("%v: got %s, want %s", tc.args, got, tc.want)
		}
	}
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--ip", "10.0.0.256"}, `invalid value "10.0.0.256" for --ip: expected an IPv4 address such as 10.0.0.5`},
		{[]string{"--ip", "10.0.0.0/24"}, `invalid value "10.0.0.0/24" for --ip: expected an IPv4 address such as 10.0.0.5`},
		{[]string{"--primary-ip", "fe80::1"}, `invalid value "fe80::1" for --primary-ip: expected an IPv4 address such as 10.0.0.5`},
		{[]string{"--primary-ip", "10.0.0.5", "--ip", "10.0.0.5"}, `invalid value "10.0.0.5" for --ip: the address is given twice`},
		{[]string{"--description", "db"}, "--description needs the private IPs it describes: --ip ADDRESS"},
	} {
		fs := pflag.NewFlagSet("ip", pflag.ContinueOnError)
		in := addENIIPFlags(fs, true, true)
		if err := fs.Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		if _, err := in.value(api.V3, "PrivateIpAddresses"); err == nil || err.Error() != tc.msg {
			t.Errorf("%v: got %v, want %s", tc.args, err, tc.msg)
		}
	}
	fs := pflag.NewFlagSet("ip", pflag.ContinueOnError)
	in := addENIIPFlags(fs, false, true)
	_ = fs.Parse([]string{"--ip", "10.0.0.5", "--description", "db"})
	if _, err := in.value(api.Legacy, "privateIpAddress"); err == nil || err.Error() != "--description is not used by the legacy API (--legacy)" {
		t.Errorf("legacy description: %v", err)
	}
}
