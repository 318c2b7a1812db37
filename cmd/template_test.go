package cmd

import (
	"reflect"
	"strings"
	"testing"

	"github.com/tcvpc/tcvpc/internal/testserver"
)

// Replies transcribed from the manual's examples (the API 3.0 parameter-template pages
// and the legacy parameter-template pages).
const (
	tplAddressSetV3  = `"AddressTemplateSet":[{"AddressSet":["192.168.0.0/16","192.128.8.8/17"],"AddressTemplateId":"ipm-mdunqeb6","AddressTemplateName":"TestName","CreatedTime":"2017-12-31 10:06:05"}],"TotalCount":1`
	tplAddressLegacy = `{"code":0,"message":"","codeDesc":"Success","data":{"totalCount":2,"data":[` +
		`{"addressId":"ipm-ka2qtxxx","addressName":"aaaa","address":["1.1.1.1"],"createTime":"2017-06-07 20:23:15"},` +
		`{"addressId":"ipm-kj9grxxx","addressName":"test","address":["10.0.0.6","10.0.0.0/16","10.0.0.1-10.0.0.20"],"createTime":"2017-06-06 22:35:19"}]}}`
	tplAddressGroupSetV3  = `"AddressTemplateGroupSet":[{"AddressTemplateGroupId":"ipmg-2uw6ujo6","AddressTemplateName":"TestName","AddressTemplateIdSet":["ipm-mdunqeb6"],"CreatedTime":"2017-12-31 14:09:13"}],"TotalCount":1`
	tplAddressGroupLegacy = `{"code":0,"message":"","codeDesc":"Success","data":{"totalCount":2,"data":[` +
		`{"addressGroupId":"ipmg-8sasuc8q","addressGroupName":"ddd","addressGroup":[{"addressId":"ipm-kj9sucnx","addressName":"test1"}],"createTime":"2017-06-07 19:39:05"},` +
		`{"addressGroupId":"ipmg-n28suc8q","addressGroupName":"aaaabb","addressGroup":[{"addressId":"ipm-kj9sucnx","addressName":"test2"}],"createTime":"2017-06-07 17:33:54"}]}}`
	tplServiceSetV3 = `"ServiceTemplateSet":[{"CreatedTime":"2018-04-03 21:19:31","ServiceSet":["tcp:8080","udp:99"],"ServiceTemplateId":"ppm-bu8cir16","ServiceTemplateName":"TestName"},` +
		`{"CreatedTime":"2018-04-03 21:03:12","ServiceSet":["tcp:8080","udp:99"],"ServiceTemplateId":"ppm-2jju0z3u","ServiceTemplateName":"TestName"}],"TotalCount":8`
	tplServiceLegacy = `{"code":0,"message":"","codeDesc":"Success","data":{"totalCount":1,"data":[` +
		`{"serviceId":"ppm-faxxv5v5","serviceName":"test","service":["tcp:90-99"],"createTime":"2017-07-11 14:58:04"}]}}`
	tplServiceGroupSetV3  = `"ServiceTemplateGroupSet":[{"CreatedTime":"2018-04-03 22:05:32","ServiceTemplateGroupId":"ppmg-2klmrefu","ServiceTemplateName":"TestName","ServiceTemplateIdSet":["ppm-529nwwj8","ppm-4dw6agho"]}],"TotalCount":1`
	tplServiceGroupLegacy = `{"code":0,"message":"","codeDesc":"Success","data":{"totalCount":1,"data":[` +
		`{"serviceGroupId":"ppmg-6piqsucc","serviceGroupName":"aaaa","serviceGroup":[{"serviceId":"ppm-fa2766v5","serviceName":"test"}],"createTime":"2017-07-11 14:58:11"}]}}`
	tplTaskLegacy = `{"code":0,"message":"","codeDesc":"Success","data":{"taskId":297}}`
	tplOKLegacy   = `{"code":0,"message":"","codeDesc":"Success"}`
	tplEmptyV3    = ""
)

func tplLegacy(body string) testserver.Reply { return testserver.Reply{Body: body} }

// Every template command sends exactly the documented parameters, in the
// style asked for, and prints what a person needs.
func TestTemplateWire(t *testing.T) {
	cases := []struct {
		name   string
		args   []string
		reply  testserver.Reply
		action string
		style  string
		params map[string]string
		stdout string
	}{
		// IP address templates.
		{"address list v3", []string{"template", "address", "list", "--filter", "address-template-name=TestName", "--filter", "address-template-id=ipm-mdunqeb6"},
			testserver.V3OK(tplAddressSetV3), "DescribeAddressTemplates", "v3",
			map[string]string{"Filters.0.Name": "address-template-name", "Filters.0.Values.0": "TestName", "Filters.1.Name": "address-template-id", "Filters.1.Values.0": "ipm-mdunqeb6", "Limit": "100"},
			"ID             NAME       ADDRESSES                       CREATED\n" +
				"ipm-mdunqeb6   TestName   192.168.0.0/16,192.128.8.8/17   2017-12-31 10:06:05\n"},
		{"address list legacy", []string{"template", "address", "ls", "--legacy", "--name", "aa", "--limit", "2"},
			tplLegacy(tplAddressLegacy), "DescribeAddress", "legacy",
			map[string]string{"addressName": "aa", "limit": "2"},
			"ID             NAME   ADDRESSES                                 CREATED\n" +
				"ipm-ka2qtxxx   aaaa   1.1.1.1                                   2017-06-07 20:23:15\n" +
				"ipm-kj9grxxx   test   10.0.0.6,10.0.0.0/16,10.0.0.1-10.0.0.20   2017-06-06 22:35:19\n"},
		{"address list legacy by id", []string{"template", "address", "list", "--legacy", "--address-id", "ipm-ka2qtxxx", "-o", "text"},
			tplLegacy(tplAddressLegacy), "DescribeAddress", "legacy",
			map[string]string{"addressId": "ipm-ka2qtxxx", "limit": "100"},
			"ipm-ka2qtxxx\taaaa\t1.1.1.1\t2017-06-07 20:23:15\n" +
				"ipm-kj9grxxx\ttest\t10.0.0.6,10.0.0.0/16,10.0.0.1-10.0.0.20\t2017-06-06 22:35:19\n"},
		{"address show v3", []string{"template", "address", "show", "ipm-ka2qtxxx", "-o", "text"},
			testserver.V3OK(`"TotalCount":1,"AddressTemplateSet":[{"AddressTemplateId":"ipm-ka2qtxxx","AddressTemplateName":"aaaa","AddressSet":["1.1.1.1"],"CreatedTime":"2017-06-07 20:23:15"}]`),
			"DescribeAddressTemplates", "v3",
			map[string]string{"Filters.0.Name": "address-template-id", "Filters.0.Values.0": "ipm-ka2qtxxx"},
			"AddressSet\t1.1.1.1\nAddressTemplateId\tipm-ka2qtxxx\nAddressTemplateName\taaaa\nCreatedTime\t2017-06-07 20:23:15\n"},
		{"address show legacy", []string{"template", "address", "show", "ipm-ka2qtxxx", "--legacy"},
			tplLegacy(tplAddressLegacy), "DescribeAddress", "legacy",
			map[string]string{"addressId": "ipm-ka2qtxxx"},
			"KEY           VALUE\n" +
				"address       1.1.1.1\n" +
				"addressId     ipm-ka2qtxxx\n" +
				"addressName   aaaa\n" +
				"createTime    2017-06-07 20:23:15\n"},
		{"address create v3", []string{"template", "address", "create", "--name", "TestName", "--addresses", "192.168.1.0/24,192.168.2.0/24"},
			testserver.V3OK(`"AddressTemplate":{"AddressSet":["192.168.1.0/24","192.168.2.0/24"],"AddressTemplateId":"ipm-ht1gkq3a","AddressTemplateName":"TestName","CreatedTime":"2018-04-03 21:38:01"}`),
			"CreateAddressTemplate", "v3",
			map[string]string{"AddressTemplateName": "TestName", "Addresses.0": "192.168.1.0/24", "Addresses.1": "192.168.2.0/24"},
			"ID             NAME       ADDRESSES                       CREATED\n" +
				"ipm-ht1gkq3a   TestName   192.168.1.0/24,192.168.2.0/24   2018-04-03 21:38:01\n"},
		{"address create legacy", []string{"template", "address", "create", "--legacy", "--name", "CreateAddressTest", "--addresses", "10.0.0.6", "--addresses", "10.0.0.2/16,10.0.0.1-10.0.0.20"},
			tplLegacy(`{"code":0,"message":"","codeDesc":"Success","data":{"addressId":"ipm-f5n688da"}}`), "CreateAddress", "legacy",
			map[string]string{"addressName": "CreateAddressTest", "address.0": "10.0.0.6", "address.1": "10.0.0.2/16", "address.2": "10.0.0.1-10.0.0.20"},
			"ID\nipm-f5n688da\n"},
		{"address modify v3", []string{"template", "address", "modify", "ipm-mdunqeb6", "--name", "TestName", "--addresses", "192.168.1.0/24"},
			testserver.V3OK(tplEmptyV3), "ModifyAddressTemplateAttribute", "v3",
			map[string]string{"AddressTemplateId": "ipm-mdunqeb6", "AddressTemplateName": "TestName", "Addresses.0": "192.168.1.0/24"}, ""},
		{"address modify legacy", []string{"template", "address", "modify", "ipm-52ut9sxk", "--name", "ModifyAddressAttribute", "--legacy"},
			tplLegacy(tplOKLegacy), "ModifyAddressAttribute", "legacy",
			map[string]string{"addressId": "ipm-52ut9sxk", "addressName": "ModifyAddressAttribute"}, ""},
		{"address set-addresses v3", []string{"template", "address", "set-addresses", "ipm-mdunqeb6", "--addresses", "192.168.1.1,fd00::/8"},
			testserver.V3OK(tplEmptyV3), "ModifyAddressTemplateAttribute", "v3",
			map[string]string{"AddressTemplateId": "ipm-mdunqeb6", "Addresses.0": "192.168.1.1", "Addresses.1": "fd00::/8"}, ""},
		{"address set-addresses legacy", []string{"template", "address", "set-addresses", "ipm-52ut9887", "--legacy", "--addresses", "192.168.1.1,10.53.0.1-10.53.0.66,172.66.0.0/16", "-o", "text"},
			tplLegacy(tplTaskLegacy), "ModifyAddress", "legacy",
			map[string]string{"addressId": "ipm-52ut9887", "address.0": "192.168.1.1", "address.1": "10.53.0.1-10.53.0.66", "address.2": "172.66.0.0/16"}, "297\n"},
		{"address delete v3", []string{"template", "address", "delete", "ipm-mdunqeb6", "-y"},
			testserver.V3OK(tplEmptyV3), "DeleteAddressTemplate", "v3",
			map[string]string{"AddressTemplateId": "ipm-mdunqeb6"}, ""},
		{"address delete legacy", []string{"template", "address", "rm", "ipm-f5n688da", "--legacy", "-y"},
			tplLegacy(tplTaskLegacy), "DeleteAddress", "legacy",
			map[string]string{"addressId": "ipm-f5n688da"}, "TASK ID\n297\n"},
		{"address instances", []string{"template", "address", "instances", "ipm-i0836656"},
			tplLegacy(tplTaskLegacy), "DescribeAddressInstances", "legacy",
			map[string]string{"addressId": "ipm-i0836656"}, "TASK ID\n297\n"},

		// IP address template groups.
		{"address-group list v3", []string{"template", "address-group", "list", "-o", "text"},
			testserver.V3OK(tplAddressGroupSetV3), "DescribeAddressTemplateGroups", "v3",
			map[string]string{"Limit": "100"}, "ipmg-2uw6ujo6\tTestName\tipm-mdunqeb6\t2017-12-31 14:09:13\n"},
		{"address-group list legacy", []string{"template", "address-group", "list", "--legacy", "--address-group-id", "ipmg-8sasuc8q"},
			tplLegacy(tplAddressGroupLegacy), "DescribeAddressGroups", "legacy",
			map[string]string{"addressGroupId": "ipmg-8sasuc8q", "limit": "100"},
			"ID              NAME     TEMPLATES      CREATED\n" +
				"ipmg-8sasuc8q   ddd      ipm-kj9sucnx   2017-06-07 19:39:05\n" +
				"ipmg-n28suc8q   aaaabb   ipm-kj9sucnx   2017-06-07 17:33:54\n"},
		{"address-group show legacy", []string{"template", "address-group", "show", "ipmg-8sasuc8q", "-o", "text", "--legacy"},
			tplLegacy(tplAddressGroupLegacy), "DescribeAddressGroups", "legacy",
			map[string]string{"addressGroupId": "ipmg-8sasuc8q"},
			"addressGroup\t[{\"addressId\":\"ipm-kj9sucnx\",\"addressName\":\"test1\"}]\naddressGroupId\tipmg-8sasuc8q\naddressGroupName\tddd\ncreateTime\t2017-06-07 19:39:05\n"},
		{"address-group create v3", []string{"template", "address-group", "create", "--name", "TestName", "--address-ids", "ipm-88t6207k,ipm-mdunqeb6"},
			testserver.V3OK(`"AddressTemplateGroup":{"AddressTemplateGroupId":"ipmg-dih8xdbq","AddressTemplateName":"TestName","AddressTemplateIdSet":["ipm-88t6207k","ipm-mdunqeb6"],"CreatedTime":"2018-04-03 21:51:02"}`),
			"CreateAddressTemplateGroup", "v3",
			map[string]string{"AddressTemplateGroupName": "TestName", "AddressTemplateIds.0": "ipm-88t6207k", "AddressTemplateIds.1": "ipm-mdunqeb6"},
			"ID              NAME       TEMPLATES                   CREATED\n" +
				"ipmg-dih8xdbq   TestName   ipm-88t6207k,ipm-mdunqeb6   2018-04-03 21:51:02\n"},
		{"address-group create legacy", []string{"template", "address-group", "create", "--legacy", "--name", "addressGroupTest", "--address-ids", "ipm-f5n688da"},
			tplLegacy(`{"code":0,"message":"","codeDesc":"Success","data":{"addressGroupId":"ipmg-f5n688da"}}`), "CreateAddressGroup", "legacy",
			map[string]string{"addressGroupName": "addressGroupTest", "addressGroup.0": "ipm-f5n688da"}, "ID\nipmg-f5n688da\n"},
		{"address-group modify v3", []string{"template", "address-group", "modify", "ipmg-2uw6ujo6", "--name", "TestName"},
			testserver.V3OK(tplEmptyV3), "ModifyAddressTemplateGroupAttribute", "v3",
			map[string]string{"AddressTemplateGroupId": "ipmg-2uw6ujo6", "AddressTemplateGroupName": "TestName"}, ""},
		{"address-group modify legacy", []string{"template", "address-group", "modify", "ipmg-52ut9sxx", "--legacy", "--name", "ModifyAddressGroupAttributeTest"},
			tplLegacy(tplOKLegacy), "ModifyAddressGroupAttribute", "legacy",
			map[string]string{"addressGroupId": "ipmg-52ut9sxx", "addressGroupName": "ModifyAddressGroupAttributeTest"}, ""},
		{"address-group set-members v3", []string{"template", "address-group", "set-members", "ipmg-2uw6ujo6", "--address-ids", "ipm-mdunqeb6"},
			testserver.V3OK(tplEmptyV3), "ModifyAddressTemplateGroupAttribute", "v3",
			map[string]string{"AddressTemplateGroupId": "ipmg-2uw6ujo6", "AddressTemplateIds.0": "ipm-mdunqeb6"}, ""},
		{"address-group set-members legacy", []string{"template", "address-group", "set-members", "ipmg-a8ky2366", "--legacy", "--address-ids", "ipm-52ut9s88"},
			tplLegacy(tplTaskLegacy), "ModifyAddressGroup", "legacy",
			map[string]string{"addressGroupId": "ipmg-a8ky2366", "addressGroup.0": "ipm-52ut9s88"}, "TASK ID\n297\n"},
		{"address-group delete v3", []string{"template", "address-group", "delete", "ipmg-2uw6ujo6", "--yes"},
			testserver.V3OK(tplEmptyV3), "DeleteAddressTemplateGroup", "v3",
			map[string]string{"AddressTemplateGroupId": "ipmg-2uw6ujo6"}, ""},
		{"address-group delete legacy", []string{"template", "address-group", "delete", "ipmg-f5n688da", "--legacy", "--yes"},
			tplLegacy(tplTaskLegacy), "DeleteAddressGroup", "legacy",
			map[string]string{"addressGroupId": "ipmg-f5n688da"}, "TASK ID\n297\n"},
		{"address-group instances", []string{"template", "address-group", "instances", "ipmg-8sasuc8q", "-o", "text"},
			tplLegacy(tplTaskLegacy), "DescribeAddressGroupInstances", "legacy",
			map[string]string{"addressGroupId": "ipmg-8sasuc8q"}, "297\n"},

		// Protocol/port templates.
		{"service list v3", []string{"template", "service", "list", "--filter", "service-template-name=TestName", "--limit", "2"},
			testserver.V3OK(tplServiceSetV3), "DescribeServiceTemplates", "v3",
			map[string]string{"Filters.0.Name": "service-template-name", "Filters.0.Values.0": "TestName", "Limit": "2"},
			"ID             NAME       SERVICES          CREATED\n" +
				"ppm-bu8cir16   TestName   tcp:8080,udp:99   2018-04-03 21:19:31\n" +
				"ppm-2jju0z3u   TestName   tcp:8080,udp:99   2018-04-03 21:03:12\n"},
		{"service list legacy", []string{"template", "service", "list", "--legacy", "--service-id", "ppm-faxxv5v5"},
			tplLegacy(tplServiceLegacy), "DescribeService", "legacy",
			map[string]string{"serviceId": "ppm-faxxv5v5", "limit": "100"},
			"ID             NAME   SERVICES    CREATED\n" +
				"ppm-faxxv5v5   test   tcp:90-99   2017-07-11 14:58:04\n"},
		{"service show legacy", []string{"template", "service", "show", "ppm-faxxv5v5", "--legacy"},
			tplLegacy(tplServiceLegacy), "DescribeService", "legacy",
			map[string]string{"serviceId": "ppm-faxxv5v5"},
			"KEY           VALUE\n" +
				"createTime    2017-07-11 14:58:04\n" +
				"service       tcp:90-99\n" +
				"serviceId     ppm-faxxv5v5\n" +
				"serviceName   test\n"},
		{"service create v3", []string{"template", "service", "create", "--name", "TestName", "--services", "TCP:8080", "--services", "UDP:99"},
			testserver.V3OK(`"ServiceTemplate":{"CreatedTime":"2018-04-03 21:19:31","ServiceSet":["tcp: 8080","udp: 99"],"ServiceTemplateId":"ppm-bu8cir16","ServiceTemplateName":"TestName"}`),
			"CreateServiceTemplate", "v3",
			map[string]string{"ServiceTemplateName": "TestName", "Services.0": "TCP:8080", "Services.1": "UDP:99"},
			"ID             NAME       SERVICES            CREATED\n" +
				"ppm-bu8cir16   TestName   tcp: 8080,udp: 99   2018-04-03 21:19:31\n"},
		{"service create legacy", []string{"template", "service", "create", "--legacy", "--name", "serviceTest", "--services", `tcp:80,tcp:443-446,"tcp:99,97",icmp,gre,udp:all`},
			tplLegacy(`{"code":0,"message":"","codeDesc":"Success","data":{"serviceId":"ppm-f5n688da"}}`), "CreateService", "legacy",
			map[string]string{"serviceName": "serviceTest", "service.0": "tcp:80", "service.1": "tcp:443-446", "service.2": "tcp:99,97", "service.3": "icmp", "service.4": "gre", "service.5": "udp:all"},
			"ID\nppm-f5n688da\n"},
		{"service modify v3", []string{"template", "service", "modify", "ppm-529nwwj8", "--services", "tcp:8080"},
			testserver.V3OK(tplEmptyV3), "ModifyServiceTemplateAttribute", "v3",
			map[string]string{"ServiceTemplateId": "ppm-529nwwj8", "Services.0": "tcp:8080"}, ""},
		{"service modify legacy", []string{"template", "service", "modify", "ppm-52ut9sxx", "--legacy", "--name", "web"},
			tplLegacy(tplOKLegacy), "ModifyServiceAttribute", "legacy",
			map[string]string{"serviceId": "ppm-52ut9sxx", "serviceName": "web"}, ""},
		{"service set-services v3", []string{"template", "service", "set-services", "ppm-529nwwj8", "--services", "tcp:80,tcp:443"},
			testserver.V3OK(tplEmptyV3), "ModifyServiceTemplateAttribute", "v3",
			map[string]string{"ServiceTemplateId": "ppm-529nwwj8", "Services.0": "tcp:80", "Services.1": "tcp:443"}, ""},
		{"service set-services legacy", []string{"template", "service", "set-services", "ppm-i0836666", "--legacy", "--services", "tcp:80", "--services", "tcp:443-446"},
			tplLegacy(tplTaskLegacy), "ModifyService", "legacy",
			map[string]string{"serviceId": "ppm-i0836666", "service.0": "tcp:80", "service.1": "tcp:443-446"}, "TASK ID\n297\n"},
		{"service delete v3", []string{"template", "service", "delete", "ppm-529nwwj8", "-y"},
			testserver.V3OK(tplEmptyV3), "DeleteServiceTemplate", "v3",
			map[string]string{"ServiceTemplateId": "ppm-529nwwj8"}, ""},
		{"service delete legacy", []string{"template", "service", "delete", "ppm-f5n688da", "-y", "--legacy"},
			tplLegacy(tplTaskLegacy), "DeleteService", "legacy",
			map[string]string{"serviceId": "ppm-f5n688da"}, "TASK ID\n297\n"},
		{"service instances", []string{"template", "service", "instances", "ppm-i0836656"},
			tplLegacy(tplTaskLegacy), "DescribeServiceInstances", "legacy",
			map[string]string{"serviceId": "ppm-i0836656"}, "TASK ID\n297\n"},

		// Protocol/port template groups.
		{"service-group list v3", []string{"template", "service-group", "ls", "--filter", "service-template-group-name=TestName"},
			testserver.V3OK(tplServiceGroupSetV3), "DescribeServiceTemplateGroups", "v3",
			map[string]string{"Filters.0.Name": "service-template-group-name", "Filters.0.Values.0": "TestName", "Limit": "100"},
			"ID              NAME       TEMPLATES                   CREATED\n" +
				"ppmg-2klmrefu   TestName   ppm-529nwwj8,ppm-4dw6agho   2018-04-03 22:05:32\n"},
		{"service-group list legacy", []string{"template", "service-group", "list", "--legacy", "--name", "a", "--offset", "20"},
			tplLegacy(tplServiceGroupLegacy), "DescribeServiceGroups", "legacy",
			map[string]string{"serviceName": "a", "offset": "20", "limit": "100"},
			"ID              NAME   TEMPLATES      CREATED\n" +
				"ppmg-6piqsucc   aaaa   ppm-fa2766v5   2017-07-11 14:58:11\n"},
		{"service-group show legacy", []string{"template", "service-group", "show", "ppmg-6piqsucc", "--legacy"},
			tplLegacy(tplServiceGroupLegacy), "DescribeServiceGroups", "legacy",
			map[string]string{"serviceGroupId": "ppmg-6piqsucc"},
			"KEY                VALUE\n" +
				"createTime         2017-07-11 14:58:11\n" +
				"serviceGroup       [{\"serviceId\":\"ppm-fa2766v5\",\"serviceName\":\"test\"}]\n" +
				"serviceGroupId     ppmg-6piqsucc\n" +
				"serviceGroupName   aaaa\n"},
		{"service-group create v3", []string{"template", "service-group", "create", "--name", "TestName", "--service-ids", "ppm-529nwwj8", "--service-ids", "ppm-4dw6agho"},
			testserver.V3OK(`"ServiceTemplateGroup":{"CreateTime":"2018-04-03 22:05:32","ServiceTemplateGroupId":"ppmg-2klmrefu","ServiceTemplateName":"TestName","ServiceTemplateIdSet":["ppm-529nwwj8","ppm-4dw6agho"]}`),
			"CreateServiceTemplateGroup", "v3",
			map[string]string{"ServiceTemplateName": "TestName", "ServiceTemplateIds.0": "ppm-529nwwj8", "ServiceTemplateIds.1": "ppm-4dw6agho"},
			"ID              NAME       TEMPLATES                   CREATED\n" +
				"ppmg-2klmrefu   TestName   ppm-529nwwj8,ppm-4dw6agho   2018-04-03 22:05:32\n"},
		{"service-group create legacy", []string{"template", "service-group", "create", "--legacy", "--name", "serviceGroupTest", "--service-ids", "ppm-f5n688da"},
			tplLegacy(`{"code":0,"message":"","codeDesc":"Success","data":{"serviceGroupId":"ppmg-f5n688da"}}`), "CreateServiceGroup", "legacy",
			map[string]string{"serviceName": "serviceGroupTest", "serviceGroup.0": "ppm-f5n688da"}, "ID\nppmg-f5n688da\n"},
		{"service-group modify v3", []string{"template", "service-group", "modify", "ppmg-ei8hfd9a", "--name", "TestName", "--service-ids", "ppm-4dw6agho"},
			testserver.V3OK(tplEmptyV3), "ModifyServiceTemplateGroupAttribute", "v3",
			map[string]string{"ServiceTemplateGroupId": "ppmg-ei8hfd9a", "ServiceTemplateName": "TestName", "ServiceTemplateIds.0": "ppm-4dw6agho"}, ""},
		{"service-group modify legacy", []string{"template", "service-group", "modify", "ppmg-52ut9sxx", "--legacy", "--name", "web"},
			tplLegacy(tplOKLegacy), "ModifyServiceGroupAttribute", "legacy",
			map[string]string{"serviceGroupId": "ppmg-52ut9sxx", "serviceName": "web"}, ""},
		{"service-group set-members v3", []string{"template", "service-group", "set-members", "ppmg-ei8hfd9a", "--service-ids", "ppm-4dw6agho,ppm-529nwwj8"},
			testserver.V3OK(tplEmptyV3), "ModifyServiceTemplateGroupAttribute", "v3",
			map[string]string{"ServiceTemplateGroupId": "ppmg-ei8hfd9a", "ServiceTemplateIds.0": "ppm-4dw6agho", "ServiceTemplateIds.1": "ppm-529nwwj8"}, ""},
		{"service-group set-members legacy", []string{"template", "service-group", "set-members", "ppmg-a8ky2366", "--legacy", "--service-ids", "ppm-52ut9s88"},
			tplLegacy(tplTaskLegacy), "ModifyServiceGroup", "legacy",
			map[string]string{"serviceGroupId": "ppmg-a8ky2366", "serviceGroup.0": "ppm-52ut9s88"}, "TASK ID\n297\n"},
		{"service-group delete v3", []string{"template", "service-group", "delete", "ppmg-ei8hfd9a", "-y"},
			testserver.V3OK(tplEmptyV3), "DeleteServiceTemplateGroup", "v3",
			map[string]string{"ServiceTemplateGroupId": "ppmg-ei8hfd9a"}, ""},
		{"service-group delete legacy", []string{"template", "service-group", "delete", "ppmg-f5n688da", "-y", "--legacy"},
			tplLegacy(tplTaskLegacy), "DeleteServiceGroup", "legacy",
			map[string]string{"serviceGroupId": "ppmg-f5n688da"}, "TASK ID\n297\n"},
		{"service-group instances", []string{"template", "service-group", "instances", "ppmg-6piqsucc"},
			tplLegacy(tplTaskLegacy), "DescribeServiceGroupInstances", "legacy",
			map[string]string{"serviceGroupId": "ppmg-6piqsucc"}, "TASK ID\n297\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := testserver.New(t, tc.reply)
			run{env: envFor(srv)}.exec(t, tc.args...).expect(t, 0, tc.stdout, "")
			calls := srv.Calls()
			if len(calls) != 1 {
				t.Fatalf("%d requests sent", len(calls))
			}
			c := calls[0]
			if c.Action != tc.action || c.Style != tc.style || !c.SignatureOK || !reflect.DeepEqual(c.Params, tc.params) {
				t.Fatalf("sent %s %s %v (signature ok %v)\nwant %s %s %v", c.Style, c.Action, c.Params, c.SignatureOK, tc.style, tc.action, tc.params)
			}
		})
	}
}

// Every template command is declared in both styles where the manual has
// a twin, and the legacy-only ones (show, instances) need no --legacy.
func TestTemplateCommandsReachEveryAction(t *testing.T) {
	want := map[string][2]string{}
	for _, c := range templateCommands() {
		want[c.Path] = [2]string{c.V3, c.Legacy}
	}
	for _, noun := range []string{"address", "address-group", "service", "service-group"} {
		for _, verb := range []string{"list", "show", "create", "modify", "delete", "instances"} {
			if _, ok := want["template "+noun+" "+verb]; !ok {
				t.Errorf("no template %s %s", noun, verb)
			}
		}
	}
	if len(want) != 28 {
		t.Errorf("%d template commands, want 28", len(want))
	}
}

// A list reply as JSON is the API's own reply object, in either style.
func TestTemplateListJSON(t *testing.T) {
	srv := testserver.New(t, testserver.V3OK(tplServiceGroupSetV3), tplLegacy(tplServiceLegacy))
	r := run{env: envFor(srv)}
	r.exec(t, "template", "service-group", "list", "-o", "json").expect(t, 0, `{
  "RequestId": "74883e1b-5901-46de-ae1e-d6e2cf591c5b",
  "ServiceTemplateGroupSet": [
    {
      "CreatedTime": "2018-04-03 22:05:32",
      "ServiceTemplateGroupId": "ppmg-2klmrefu",
      "ServiceTemplateIdSet": [
        "ppm-529nwwj8",
        "ppm-4dw6agho"
      ],
      "ServiceTemplateName": "TestName"
    }
  ],
  "TotalCount": 1
}
`, "")
	r.exec(t, "template", "service", "list", "--legacy", "-o", "json", "--query", "data.data[].serviceId").expect(t, 0, `[
  "ppm-faxxv5v5"
]
`, "")
}

// --all follows Offset/Limit until TotalCount rows are in, in both styles.
func TestTemplateListAll(t *testing.T) {
	srv := testserver.New(t,
		testserver.V3OK(`"AddressTemplateSet":[{"AddressTemplateId":"ipm-aaaaaaaa","AddressTemplateName":"a","AddressSet":["10.0.0.1"],"CreatedTime":"t1"}],"TotalCount":2`),
		testserver.V3OK(`"AddressTemplateSet":[{"AddressTemplateId":"ipm-bbbbbbbb","AddressTemplateName":"b","AddressSet":["10.0.0.2"],"CreatedTime":"t2"}],"TotalCount":2`),
		tplLegacy(`{"code":0,"message":"","data":{"totalCount":2,"data":[{"addressId":"ipm-aaaaaaaa","addressName":"a","address":["10.0.0.1"],"createTime":"t1"}]}}`),
		tplLegacy(`{"code":0,"message":"","data":{"totalCount":2,"data":[{"addressId":"ipm-bbbbbbbb","addressName":"b","address":["10.0.0.2"],"createTime":"t2"}]}}`),
	)
	r := run{env: envFor(srv)}
	want := "ipm-aaaaaaaa\ta\t10.0.0.1\tt1\nipm-bbbbbbbb\tb\t10.0.0.2\tt2\n"
	r.exec(t, "template", "address", "list", "--page-size", "1", "-o", "text").expect(t, 0, want, "")
	r.exec(t, "template", "address", "list", "--all", "--page-size", "1", "-o", "text", "--legacy").expect(t, 0, want, "")
	var pages []string
	for _, c := range srv.Calls() {
		pages = append(pages, c.Action+" "+c.Params["Offset"]+c.Params["offset"]+"/"+c.Params["Limit"]+c.Params["limit"])
	}
	if got := strings.Join(pages, "; "); got != "DescribeAddressTemplates /1; DescribeAddressTemplates 1/1; DescribeAddress /1; DescribeAddress 1/1" {
		t.Fatalf("pages: %s", got)
	}
}

// A legacy parameter-template task is polled with DescribeNetTaskResult
// until it has finished.
func TestTemplateLegacyWait(t *testing.T) {
	srv := testserver.New(t,
		tplLegacy(tplTaskLegacy),
		tplLegacy(`{"code":0,"message":"","codeDesc":"Success","data":{"status":2,"output":{"code":0,"message":"running"}}}`),
		tplLegacy(`{"code":0,"message":"","codeDesc":"Success","data":{"status":0,"output":{"code":0,"message":"OK"}}}`),
	)
	r := run{env: envFor(srv)}
	r.exec(t, "template", "service", "set-services", "ppm-i0836666", "--services", "tcp:80", "--legacy", "--wait").
		expect(t, 0, "", "Updating protocol/port template ppm-i0836666 (task 297): running (0s)\nUpdating protocol/port template ppm-i0836666 (task 297): succeeded (0s)\n")
	calls := srv.Calls()
	if calls[0].Action != "ModifyService" {
		t.Fatalf("first call %s", calls[0].Action)
	}
	for _, c := range calls[1:] {
		if c.Action != "DescribeNetTaskResult" || c.Style != "legacy" || !reflect.DeepEqual(c.Params, map[string]string{"taskId": "297"}) || c.Region != "gz" {
			t.Fatalf("poll sent %s %s %v region %s", c.Style, c.Action, c.Params, c.Region)
		}
	}
}

// A failed delete task exits 5 with the service's words.
func TestTemplateLegacyWaitFailure(t *testing.T) {
	srv := testserver.New(t,
		tplLegacy(tplTaskLegacy),
		tplLegacy(`{"code":0,"message":"","codeDesc":"Success","data":{"status":1,"output":{"code":29258,"message":"template is referenced by sg-5y2ta666"}}}`),
	)
	run{env: envFor(srv)}.exec(t, "template", "address", "delete", "ipm-f5n688da", "--legacy", "--wait", "-y", "-q").
		expect(t, 5, "", "Error: task 297 failed: template is referenced by sg-5y2ta666\n")
}

// The resources found by an instances query come with the final task
// reply.
func TestTemplateInstancesWait(t *testing.T) {
	final := `{"code":0,"message":"","codeDesc":"Success","data":{"status":0,"output":{"code":0,"message":"OK"},"data":{"total":2,"detail":[` +
		`{"region":"ca","type":"sg","id":"sg-b2qce888","name":"north"},{"region":"gz","type":"sg","id":"sg-5y2ta666","name":"createPolicy"}]}}}`
	srv := testserver.New(t, tplLegacy(tplTaskLegacy), tplLegacy(final), tplLegacy(tplTaskLegacy), tplLegacy(final))
	r := run{env: envFor(srv)}
	r.exec(t, "template", "address", "instances", "ipm-i0836656", "--wait", "-q", "-o", "text", "--query", "data.data.detail[].[id, type, region]").
		expect(t, 0, "sg-b2qce888\tsg\tca\nsg-5y2ta666\tsg\tgz\n", "")
	r.exec(t, "template", "address", "instances", "ipm-i0836656", "--wait", "-q", "-o", "json", "--query", "data.data.total").
		expect(t, 0, "2\n", "")
	if c := srv.Calls()[1]; c.Action != "DescribeNetTaskResult" || c.Params["taskId"] != "297" {
		t.Fatalf("poll sent %s %v", c.Action, c.Params)
	}
}

// A delete asks on a terminal, and says what it did.
func TestTemplateDeleteConfirm(t *testing.T) {
	srv := testserver.New(t, testserver.V3OK(tplEmptyV3))
	r := run{env: envFor(srv), tty: true, stdin: "y\n"}
	r.exec(t, "template", "service-group", "delete", "ppmg-ei8hfd9a").
		expect(t, 0, "Deleted protocol/port template group ppmg-ei8hfd9a\n", "Delete protocol/port template group ppmg-ei8hfd9a? [y/N] ")
}

// An empty show is an error, not an empty table.
func TestTemplateShowNotFound(t *testing.T) {
	srv := testserver.New(t, tplLegacy(`{"code":0,"message":"","codeDesc":"Success","data":{"totalCount":0,"data":[]}}`))
	run{env: envFor(srv)}.exec(t, "template", "address", "show", "ipm-ka2qtxxx", "--legacy").
		expect(t, 1, "", "Error: [ResourceNotFound] IP address template ipm-ka2qtxxx not found\n")
}

func TestTemplateUsageErrors(t *testing.T) {
	srv := testserver.New(t)
	r := run{env: envFor(srv)}
	cases := []struct {
		args []string
		msg  string
	}{
		// IDs.
		{[]string{"template", "address", "delete", "eip-mdunqeb6", "-y"}, `invalid value "eip-mdunqeb6" for ADDRESS_TEMPLATE_ID: expected an ID like ipm-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"template", "address", "show", "ipm-ka2q"}, `invalid value "ipm-ka2q" for ADDRESS_TEMPLATE_ID: expected an ID like ipm-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"template", "address-group", "modify", "ipm-2uw6ujo6", "--name", "x", "--legacy"}, `invalid value "ipm-2uw6ujo6" for ADDRESS_GROUP_ID: expected an ID like ipmg-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"template", "address-group", "create", "--name", "x", "--address-ids", "ipmg-88t6207k", "--legacy"}, `invalid value "ipmg-88t6207k" for --address-ids: expected an ID like ipm-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"template", "service-group", "set-members", "ppmg-ei8hfd9a", "--service-ids", "ppm-4DW6AGHO"}, `invalid value "ppm-4DW6AGHO" for --service-ids: expected an ID like ppm-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"template", "service", "instances", "ppmg-i0836656"}, `invalid value "ppmg-i0836656" for SERVICE_TEMPLATE_ID: expected an ID like ppm-xxxxxxxx (8 lowercase letters or digits)`},
		{[]string{"template", "service-group", "list", "--legacy", "--service-group-id", "ppmg"}, `invalid value "ppmg" for --service-group-id: expected an ID like ppmg-xxxxxxxx (8 lowercase letters or digits)`},
		// Entries.
		{[]string{"template", "address", "create", "--name", "x", "--addresses", "10.0.0.0/33"}, `invalid value "10.0.0.0/33" for --addresses: expected an IP address (10.0.0.6), a CIDR block (10.0.0.0/16) or an IP range (10.0.0.1-10.0.0.20)`},
		{[]string{"template", "address", "set-addresses", "ipm-52ut9887", "--addresses", "10.0.0.20-10.0.0.1", "--legacy"}, `invalid value "10.0.0.20-10.0.0.1" for --addresses: expected an IP address (10.0.0.6), a CIDR block (10.0.0.0/16) or an IP range (10.0.0.1-10.0.0.20)`},
		{[]string{"template", "address", "modify", "ipm-mdunqeb6", "--addresses", "office"}, `invalid value "office" for --addresses: expected an IP address (10.0.0.6), a CIDR block (10.0.0.0/16) or an IP range (10.0.0.1-10.0.0.20)`},
		{[]string{"template", "service", "create", "--name", "x", "--services", "http:80"}, `invalid value "http:80" for --services: expected tcp or udp with ports (tcp:80, tcp:80,443, tcp:3306-20000, udp:all), icmp or gre`},
		{[]string{"template", "service", "create", "--name", "x", "--services", "tcp:80,443"}, `invalid value "443" for --services: expected tcp or udp with ports (tcp:80, tcp:80,443, tcp:3306-20000, udp:all), icmp or gre; commas separate entries, so write a port list as tcp:80,tcp:443 or quote it: '"tcp:80,443"'`},
		{[]string{"template", "service", "set-services", "ppm-529nwwj8", "--services", "icmp:8"}, `invalid value "icmp:8" for --services: expected tcp or udp with ports (tcp:80, tcp:80,443, tcp:3306-20000, udp:all), icmp or gre`},
		{[]string{"template", "service", "modify", "ppm-529nwwj8", "--services", "udp:65536"}, `invalid value "udp:65536" for --services: expected tcp or udp with ports (tcp:80, tcp:80,443, tcp:3306-20000, udp:all), icmp or gre`},
		// Required flags and the other style's flags.
		{[]string{"template", "address", "create", "--addresses", "10.0.0.6"}, "tcvpc template address create needs --name"},
		{[]string{"template", "service-group", "create", "--name", "x", "--legacy"}, "tcvpc template service-group create needs --service-ids"},
		{[]string{"template", "address", "modify", "ipm-52ut9sxk", "--legacy"}, "tcvpc template address modify needs --name"},
		{[]string{"template", "address", "modify", "ipm-52ut9sxk", "--name", "x", "--addresses", "10.0.0.6", "--legacy"}, "--addresses is not used by the legacy API (--legacy)"},
		{[]string{"template", "address", "list", "--name", "x"}, "--name is not used by API 3.0"},
		{[]string{"template", "address", "list", "--legacy", "--filter", "address-template-name=x"}, "--filter maps to API 3.0 Filters; with --legacy use the operation's own flags (see --help)"},
		{[]string{"template", "service", "list", "--filter", "service-template-name"}, `invalid value "service-template-name" for --filter: expected NAME=VALUE[,VALUE…], e.g. vpc-name=prod`},
		// Arguments and confirmation.
		{[]string{"template", "address", "show"}, "tcvpc template address show needs ADDRESS_TEMPLATE_ID"},
		{[]string{"template", "address", "create", "ipm-mdunqeb6", "--name", "x", "--addresses", "10.0.0.6"}, `tcvpc template address create takes no arguments, got "ipm-mdunqeb6"`},
		{[]string{"template", "address-group", "delete", "ipmg-2uw6ujo6"}, "refusing to delete IP address template group ipmg-2uw6ujo6 without confirmation: pass --yes (-y) when stdin is not a terminal"},
		{[]string{"template", "address", "set-addresses", "ipm-mdunqeb6", "--name", "x"}, "unknown flag: --name"},
		{[]string{"template", "address", "frobnicate"}, `unknown command "frobnicate" for "tcvpc template address"; see 'tcvpc template address --help'`},
	}
	for _, tc := range cases {
		r.exec(t, tc.args...).expect(t, 2, "", "Error: "+tc.msg+"\n")
	}
	if n := len(srv.Calls()); n != 0 {
		t.Fatalf("%d requests sent for invalid input", n)
	}
}

func TestTemplateEntryChecks(t *testing.T) {
	for _, v := range []string{"10.0.0.6", "10.0.0.0/16", "10.0.0.2/16", "10.0.0.1-10.0.0.20", "10.0.0.1-10.0.0.1", "fd00::/8", "2001:db8::1", "2001:db8::1-2001:db8::ff"} {
		if err := checkTemplateAddress("--addresses", v); err != nil {
			t.Errorf("%s: %v", v, err)
		}
	}
	for _, v := range []string{"", "office", "10.0.0", "10.0.0.256", "10.0.0.0/33", "10.0.0.1-", "-10.0.0.1", "10.0.0.9-10.0.0.1", "10.0.0.1-2001:db8::1", "fe80::1%eth0", "10.0.0.1/16/8", " 10.0.0.1"} {
		if err := checkTemplateAddress("--addresses", v); err == nil {
			t.Errorf("%q accepted", v)
		}
	}
	for _, v := range []string{"tcp:80", "TCP:8080", "udp:53-60", "tcp:443-446", "tcp:99,97", "tcp:all", "UDP:ALL", "icmp", "ICMP", "gre", "tcp:1", "tcp:65535", "tcp:1-65535"} {
		if err := checkTemplateService("--services", v); err != nil {
			t.Errorf("%s: %v", v, err)
		}
	}
	for _, v := range []string{"", "tcp", "tcp:", "tcp:0", "tcp:65536", "tcp:080", "tcp:+80", "tcp:80-", "tcp:90-80", "tcp:80,", "tcp:80,90-99", "tcp: 80", "icmp:8", "gre:all", "all", "sctp:80", "80"} {
		if err := checkTemplateService("--services", v); err == nil {
			t.Errorf("%q accepted", v)
		}
	}
}
