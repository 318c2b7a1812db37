package emulator

import (
	"testing"

	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

func TestTemplatesV3(t *testing.T) {
	e := start(t, Options{})
	ipm := str(dig(e.must(api.V3, "CreateAddressTemplate", params.Tree{"AddressTemplateName": "office", "Addresses": []any{"192.168.1.0/24", "10.0.0.1-10.0.0.20"}}), "AddressTemplate", "AddressTemplateId"))
	for _, bad := range []struct {
		addrs []any
		code  string
	}{
		{[]any{"300.1.1.1"}, "InvalidParameterValue.Malformed"},
		{[]any{"10.0.0.9-10.0.0.1"}, "InvalidParameterValue.Malformed"},
		{[]any{"1.1.1.1", "1.1.1.1"}, "InvalidParameterValue.Duplicate"},
	} {
		_, err := e.do(api.V3, "CreateAddressTemplate", params.Tree{"AddressTemplateName": "bad", "Addresses": bad.addrs})
		wantErr(t, err, bad.code)
	}
	got := e.must(api.V3, "DescribeAddressTemplates", params.Tree{"Filters": []any{map[string]any{"Name": "address-template-name", "Values": []any{"office"}}}})
	if str(got["TotalCount"]) != "1" || str(dig(got, "AddressTemplateSet", 0, "AddressTemplateId")) != ipm ||
		str(dig(got, "AddressTemplateSet", 0, "AddressSet", 1)) != "10.0.0.1-10.0.0.20" || str(dig(got, "AddressTemplateSet", 0, "CreatedTime")) == "" {
		t.Fatalf("DescribeAddressTemplates: %v", got)
	}
	e.must(api.V3, "ModifyAddressTemplateAttribute", params.Tree{"AddressTemplateId": ipm, "AddressTemplateName": "hq", "Addresses": []any{"172.16.0.1"}})
	got = e.must(api.V3, "DescribeAddressTemplates", params.Tree{"Filters": []any{map[string]any{"Name": "address-template-id", "Values": []any{ipm}}}})
	if str(dig(got, "AddressTemplateSet", 0, "AddressTemplateName")) != "hq" || len(rows(dig(got, "AddressTemplateSet", 0, "AddressSet"))) != 1 {
		t.Fatalf("after modify: %v", got)
	}

	_, err := e.do(api.V3, "CreateAddressTemplateGroup", params.Tree{"AddressTemplateGroupName": "g", "AddressTemplateIds": []any{"ipm-00000000"}})
	wantErr(t, err, "ResourceNotFound")
	ipmg := str(dig(e.must(api.V3, "CreateAddressTemplateGroup", params.Tree{"AddressTemplateGroupName": "g", "AddressTemplateIds": []any{ipm}}), "AddressTemplateGroup", "AddressTemplateGroupId"))
	_, err = e.do(api.V3, "DeleteAddressTemplate", params.Tree{"AddressTemplateId": ipm})
	wantErr(t, err, "ResourceInUse")
	groups := e.must(api.V3, "DescribeAddressTemplateGroups", nil)
	if str(dig(groups, "AddressTemplateGroupSet", 0, "AddressTemplateIdSet", 0)) != ipm {
		t.Fatalf("DescribeAddressTemplateGroups: %v", groups)
	}
	e.must(api.V3, "ModifyAddressTemplateGroupAttribute", params.Tree{"AddressTemplateGroupId": ipmg, "AddressTemplateGroupName": "g2"})
	if g := e.must(api.V3, "DescribeAddressTemplateGroups", params.Tree{"Filters": []any{map[string]any{"Name": "address-template-group-name", "Values": []any{"g2"}}}}); str(g["TotalCount"]) != "1" {
		t.Fatalf("renamed group: %v", g)
	}
	wantErr(t, func() error {
		_, err := e.do(api.V3, "ModifyAddressTemplateGroupAttribute", params.Tree{"AddressTemplateGroupId": ipmg, "AddressTemplateIds": []any{ipm, ipm}})
		return err
	}(), "InvalidParameterValue.Duplicate")
	e.must(api.V3, "DeleteAddressTemplateGroup", params.Tree{"AddressTemplateGroupId": ipmg})
	e.must(api.V3, "DeleteAddressTemplate", params.Tree{"AddressTemplateId": ipm})
	_, err = e.do(api.V3, "DeleteAddressTemplate", params.Tree{"AddressTemplateId": ipm})
	wantErr(t, err, "ResourceNotFound")

	ppm := str(dig(e.must(api.V3, "CreateServiceTemplate", params.Tree{"ServiceTemplateName": "web", "Services": []any{"TCP:80", "tcp:8000-8080", "udp:53,5353", "icmp"}}), "ServiceTemplate", "ServiceTemplateId"))
	// The page lists no InvalidParameterValue.Malformed.
	_, err = e.do(api.V3, "CreateServiceTemplate", params.Tree{"ServiceTemplateName": "bad", "Services": []any{"tcp:70000"}})
	wantErr(t, err, "InvalidParameterValue")
	ppmg := dig(e.must(api.V3, "CreateServiceTemplateGroup", params.Tree{"ServiceTemplateName": "svc", "ServiceTemplateIds": []any{ppm}}), "ServiceTemplateGroup")
	if str(dig(ppmg, "ServiceTemplateName")) != "svc" || str(dig(ppmg, "ServiceTemplateIdSet", 0)) != ppm {
		t.Fatalf("CreateServiceTemplateGroup: %v", ppmg)
	}
	e.must(api.V3, "ModifyServiceTemplateGroupAttribute", params.Tree{"ServiceTemplateGroupId": str(dig(ppmg, "ServiceTemplateGroupId")), "ServiceTemplateName": "svc2"})
	sg := e.must(api.V3, "DescribeServiceTemplateGroups", params.Tree{"Filters": []any{map[string]any{"Name": "service-template-group-name", "Values": []any{"svc2"}}}})
	if str(sg["TotalCount"]) != "1" {
		t.Fatalf("DescribeServiceTemplateGroups: %v", sg)
	}
	if svc := e.must(api.V3, "DescribeServiceTemplates", nil); str(dig(svc, "ServiceTemplateSet", 0, "ServiceSet", 2)) != "udp:53,5353" {
		t.Fatalf("DescribeServiceTemplates: %v", svc)
	}
}

// TestTemplatesLegacy follows the legacy calls whose effect waits for
// their task (DescribeNetTaskResult), over the store API 3.0 reads.
func TestTemplatesLegacy(t *testing.T) {
	e := start(t, Options{})
	ipm := str(dig(e.must(api.Legacy, "CreateAddress", params.Tree{"addressName": "lab", "address": []any{"10.0.0.6", "10.0.0.2/16"}}), "data", "addressId"))
	if !idOK(ipm, "ipm-") {
		t.Fatalf("CreateAddress: %s", ipm)
	}
	_, err := e.do(api.Legacy, "CreateAddress", params.Tree{"addressName": "x", "address": []any{"nope"}})
	wantErr(t, err, "9003", "4000")

	modify := e.must(api.Legacy, "ModifyAddress", params.Tree{"addressId": ipm, "address": []any{"192.168.0.1"}})
	task := dig(modify, "data", "taskId")
	v3 := func() any {
		return dig(e.must(api.V3, "DescribeAddressTemplates", params.Tree{"Filters": []any{map[string]any{"Name": "address-template-id", "Values": []any{ipm}}}}), "AddressTemplateSet", 0)
	}
	if e.taskStatus("DescribeNetTaskResult", task) != "2" || str(dig(v3(), "AddressSet", 0)) != "10.0.0.6" {
		t.Fatalf("before the task finished: %v", v3())
	}
	_, err = e.do(api.Legacy, "ModifyAddressAttribute", params.Tree{"addressId": ipm, "addressName": "busy"})
	wantErr(t, err, "9005", "5100")
	e.settle()
	if s := e.taskStatus("DescribeNetTaskResult", task); s != "0" || str(dig(v3(), "AddressSet", 0)) != "192.168.0.1" {
		t.Fatalf("after the task (status %s): %v", s, v3())
	}
	e.must(api.Legacy, "ModifyAddressAttribute", params.Tree{"addressId": ipm, "addressName": "lab2"})
	list := e.must(api.Legacy, "DescribeAddress", params.Tree{"addressName": "lab"})
	if str(dig(list, "data", "totalCount")) != "1" || str(dig(list, "data", "data", 0, "addressName")) != "lab2" ||
		str(dig(list, "data", "data", 0, "address", 0)) != "192.168.0.1" {
		t.Fatalf("DescribeAddress: %v", list)
	}

	ipmg := str(dig(e.must(api.Legacy, "CreateAddressGroup", params.Tree{"addressGroupName": "grp", "addressGroup": []any{ipm}}), "data", "addressGroupId"))
	_, err = e.do(api.Legacy, "CreateAddressGroup", params.Tree{"addressGroupName": "grp", "addressGroup": []any{"ipm-00000000"}})
	wantErr(t, err, "29258", "5000")
	_, err = e.do(api.Legacy, "DeleteAddress", params.Tree{"addressId": ipm})
	wantErr(t, err, "29257", "5100")

	// What uses the template: a query task answers in data.data.
	sgID := str(dig(e.must(api.V3, "CreateSecurityGroup", params.Tree{"GroupName": "sg", "GroupDescription": "d"}), "SecurityGroup", "SecurityGroupId"))
	e.must(api.V3, "CreateSecurityGroupPolicies", params.Tree{"SecurityGroupId": sgID, "SecurityGroupPolicySet": map[string]any{
		"Ingress": []any{map[string]any{"Protocol": "TCP", "Port": "22", "AddressTemplate": map[string]any{"AddressId": ipm}, "Action": "ACCEPT"}},
	}})
	q := dig(e.must(api.Legacy, "DescribeAddressInstances", params.Tree{"addressId": ipm}), "data", "taskId")
	e.settle()
	res := dig(e.must(api.Legacy, "DescribeNetTaskResult", params.Tree{"taskId": str(q)}), "data")
	if str(dig(res, "status")) != "0" || str(dig(res, "data", "total")) != "2" ||
		str(dig(res, "data", "detail", 0, "id")) != ipmg || str(dig(res, "data", "detail", 1, "type")) != "sg" || str(dig(res, "data", "detail", 1, "id")) != sgID {
		t.Fatalf("DescribeAddressInstances result: %v", res)
	}

	// A group being changed by a task cannot be deleted until it is done.
	e.must(api.Legacy, "ModifyAddressGroup", params.Tree{"addressGroupId": ipmg, "addressGroup": []any{ipm}})
	_, err = e.do(api.Legacy, "DeleteAddressGroup", params.Tree{"addressGroupId": ipmg})
	wantErr(t, err, "9005", "5100")
	e.settle()
	del := dig(e.must(api.Legacy, "DeleteAddressGroup", params.Tree{"addressGroupId": ipmg}), "data", "taskId")
	if g := e.must(api.Legacy, "DescribeAddressGroups", params.Tree{"addressGroupId": ipmg}); str(dig(g, "data", "totalCount")) != "1" {
		t.Fatalf("group before its delete task finished: %v", g)
	}
	e.settle()
	if g := e.must(api.Legacy, "DescribeAddressGroups", params.Tree{"addressGroupId": ipmg}); str(dig(g, "data", "totalCount")) != "0" || e.taskStatus("DescribeNetTaskResult", del) != "0" {
		t.Fatalf("group after its delete task: %v", g)
	}

	// A delete that finds the template gone when its task finishes fails.
	ppm := str(dig(e.must(api.Legacy, "CreateService", params.Tree{"serviceName": "svc", "service": []any{"tcp:80", "tcp:443-446", "tcp:99,97"}}), "data", "serviceId"))
	del = dig(e.must(api.Legacy, "DeleteService", params.Tree{"serviceId": ppm}), "data", "taskId")
	e.must(api.V3, "DeleteServiceTemplate", params.Tree{"ServiceTemplateId": ppm})
	e.settle()
	out := dig(e.must(api.Legacy, "DescribeNetTaskResult", params.Tree{"taskId": str(del)}), "data")
	if str(dig(out, "status")) != "1" || str(dig(out, "output", "code")) != "29258" {
		t.Fatalf("delete of a template already gone: %v", out)
	}
	ppmg := str(dig(e.must(api.Legacy, "CreateServiceGroup", params.Tree{"serviceName": "sg1", "serviceGroup": []any{
		str(dig(e.must(api.Legacy, "CreateService", params.Tree{"serviceName": "s2", "service": []any{"udp:53"}}), "data", "serviceId")),
	}}), "data", "serviceGroupId"))
	e.must(api.Legacy, "ModifyServiceGroupAttribute", params.Tree{"serviceGroupId": ppmg, "serviceName": "renamed"})
	groups := e.must(api.Legacy, "DescribeServiceGroups", params.Tree{"serviceName": "renamed"})
	if str(dig(groups, "data", "data", 0, "serviceGroupName")) != "renamed" {
		t.Fatalf("DescribeServiceGroups: %v", groups)
	}
	if v3g := e.must(api.V3, "DescribeServiceTemplateGroups", nil); str(dig(v3g, "ServiceTemplateGroupSet", 0, "ServiceTemplateName")) != "renamed" {
		t.Fatalf("v3 view of a legacy group: %v", v3g)
	}
}
