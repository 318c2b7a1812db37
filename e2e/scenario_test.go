package e2e

// The scenario of a new network, end to end, in both API styles: a VPC,
// subnets, a route table with routes, a security group with rules, an
// elastic network interface with secondary IPs, an EIP bound to it, a VPN
// gateway, customer gateway and tunnel, a reset, and the tear-down. Each
// step is checked in the three output formats a script or a person reads:
// the table (exact header, IDs in the right column), JSON (decoded, field
// by field, under the API's documented names) and -o text --query (exact
// values). After a create the resource is listed; after a delete it is
// gone.

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

const (
	zone   = "ap-guangzhou-3"
	zoneID = "100003" // the legacy API's numeric ID of ap-guangzhou-3
)

// table is tcvpc's table output: the header cells and each row as a map
// from header to cell. Columns start where the header's cells start; cells
// are separated by at least two spaces (a header may contain one, as in
// "FREE IPS").
type table struct {
	header []string
	rows   []map[string]string
}

func parseTable(t *testing.T, out string) table {
	t.Helper()
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	head := lines[0]
	if head == "" {
		t.Fatalf("no table in %q", out)
	}
	var starts []int
	for i := 0; i < len(head); i++ {
		if head[i] != ' ' && (i == 0 || i >= 2 && head[i-2:i] == "  ") {
			starts = append(starts, i)
		}
	}
	cell := func(line string, k int) string {
		from, to := starts[k], len(line)
		if k+1 < len(starts) && starts[k+1] < to {
			// A cell running into the next column means the rows are
			// not aligned under the header.
			if line[starts[k+1]-1] != ' ' {
				t.Fatalf("column %d of %q is not aligned with the header %q", k+1, line, head)
			}
			to = starts[k+1]
		}
		if from >= to {
			return ""
		}
		return strings.TrimSpace(line[from:to])
	}
	var tb table
	for k := range starts {
		tb.header = append(tb.header, cell(head, k))
	}
	for _, line := range lines[1:] {
		row := map[string]string{}
		for k, h := range tb.header {
			row[h] = cell(line, k)
		}
		tb.rows = append(tb.rows, row)
	}
	return tb
}

func (tb table) wantHeader(t *testing.T, want ...string) {
	t.Helper()
	if !slices.Equal(tb.header, want) {
		t.Errorf("table header %q, want %q", tb.header, want)
	}
}

// col is one column, top to bottom.
func (tb table) col(header string) []string {
	var out []string
	for _, r := range tb.rows {
		out = append(out, r[header])
	}
	return out
}

// row is the row whose cell under header is value; the test stops if
// there is none.
func (tb table) row(t *testing.T, header, value string) map[string]string {
	t.Helper()
	for _, r := range tb.rows {
		if r[header] == value {
			return r
		}
	}
	t.Fatalf("no row with %s %q in the table; column %s: %q", header, value, header, tb.col(header))
	return nil
}

// wantCells checks pairs of header and cell in one row.
func wantCells(t *testing.T, row map[string]string, pairs ...string) {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if got := row[pairs[i]]; got != pairs[i+1] {
			t.Errorf("%s of row %v is %q, want %q", pairs[i], row, got, pairs[i+1])
		}
	}
}

// table runs a command with the default output, a table.
func (c *cloud) table(args ...string) table {
	c.t.Helper()
	return parseTable(c.t, c.ok(args...))
}

// json runs a command with -o json and decodes what it prints.
func (c *cloud) json(args ...string) any {
	c.t.Helper()
	out := c.ok(append(args, "-o", "json")...)
	var doc any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		c.t.Fatalf("tcvpc %s -o json: %v\n%s", strings.Join(args, " "), err, out)
	}
	return doc
}

// field walks a decoded JSON document along a dotted path of object keys,
// matched exactly as the API documents them (encoding/json would accept
// any case), and array indexes.
func field(t *testing.T, doc any, path string) any {
	t.Helper()
	v := doc
	for _, seg := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			next, ok := x[seg]
			if !ok {
				keys := make([]string, 0, len(x))
				for k := range x {
					keys = append(keys, k)
				}
				sort.Strings(keys)
				t.Fatalf("JSON has no field %q on the way to %s; it has %q", seg, path, keys)
			}
			v = next
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(x) {
				t.Fatalf("JSON array at %q of %s has %d items", seg, path, len(x))
			}
			v = x[i]
		default:
			t.Fatalf("JSON %s: %q is not inside an object or array", path, seg)
		}
	}
	return v
}

// wantFields checks pairs of path and value, the value as fmt prints it:
// "vpc-…", "false", "253", "[sg-…]".
func wantFields(t *testing.T, doc any, pairs ...string) {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		if got := fmt.Sprint(field(t, doc, pairs[i])); got != pairs[i+1] {
			t.Errorf("JSON %s = %q, want %q", pairs[i], got, pairs[i+1])
		}
	}
}

// wantText runs a command with -o text and checks its exact output.
func (c *cloud) wantText(want string, args ...string) {
	c.t.Helper()
	if got := c.text(args...); got != want {
		c.t.Errorf("tcvpc %s -o text:\n got %q\nwant %q", strings.Join(args, " "), got, want)
	}
}

// fails runs a command that must fail with exit code and print nothing on
// stdout and one error line on stderr, containing want.
func (c *cloud) fails(code int, want string, args ...string) {
	c.t.Helper()
	r := c.run(args...)
	cmdline := "tcvpc " + strings.Join(args, " ")
	if r.code != code {
		c.t.Errorf("%s: exit %d, want %d\nstdout: %q\nstderr: %q", cmdline, r.code, code, r.stdout, r.stderr)
		return
	}
	if r.stdout != "" {
		c.t.Errorf("%s: stdout %q, want nothing", cmdline, r.stdout)
	}
	if !strings.HasPrefix(r.stderr, "Error: ") || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, want) {
		c.t.Errorf("%s: stderr %q, want one line \"Error: …%s…\"", cmdline, r.stderr, want)
	}
	// API 3.0 errors name the request, for the support desk.
	if code == 1 && !slices.Contains(args, "--legacy") && !strings.Contains(r.stderr, "(RequestId: ") {
		c.t.Errorf("%s: stderr %q has no RequestId", cmdline, r.stderr)
	}
}

// quiet runs a command that must succeed without printing anything on
// stdout: off a terminal, a command with nothing to show but success
// (a RequestId, a finished task) prints no human "Done" line.
func (c *cloud) quiet(args ...string) {
	c.t.Helper()
	if out := c.ok(args...); out != "" {
		c.t.Errorf("tcvpc %s: stdout %q, want nothing", strings.Join(args, " "), out)
	}
}

// gone checks that a command naming one resource (show, route list)
// reports it as not found.
func (c *cloud) gone(args ...string) {
	c.t.Helper()
	c.fails(1, "NotFound]", args...)
}

// eventually polls cond until it holds.
func (c *cloud) eventually(what string, cond func() bool) {
	c.t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return
		}
	}
	c.t.Fatalf("%s: still not so after 15s", what)
}

func wantID(t *testing.T, prefix, id string) {
	t.Helper()
	if !regexp.MustCompile(`^` + prefix + `[0-9a-z]{8}$`).MatchString(id) {
		t.Fatalf("ID %q, want %s followed by 8 letters or digits", id, prefix)
	}
}

func joinLines(s ...string) string { return strings.Join(s, "\n") }

func TestScenarioV3(t *testing.T) {
	t.Parallel()
	c := startEmulator(t, "--task-delay", "300ms")

	// VPC: the table printed by create, show in JSON and text, list.
	tb := c.table("vpc", "create", "--name", "scen-v3", "--cidr-block", "10.20.0.0/16")
	tb.wantHeader(t, "ID", "NAME", "CIDR", "MULTICAST")
	if len(tb.rows) != 1 {
		t.Fatalf("vpc create printed %d rows", len(tb.rows))
	}
	vpc := tb.rows[0]["ID"]
	wantID(t, "vpc-", vpc)
	wantCells(t, tb.rows[0], "NAME", "scen-v3", "CIDR", "10.20.0.0/16", "MULTICAST", "false")
	doc := c.json("vpc", "show", vpc)
	wantFields(t, doc, "TotalCount", "1", "VpcSet.0.VpcId", vpc, "VpcSet.0.VpcName", "scen-v3",
		"VpcSet.0.CidrBlock", "10.20.0.0/16", "VpcSet.0.IsDefault", "false", "VpcSet.0.EnableMulticast", "false")
	if field(t, doc, "RequestId") == "" {
		t.Error("vpc show -o json: empty RequestId")
	}
	c.wantText("10.20.0.0/16", "vpc", "show", vpc, "--query", "VpcSet[0].CidrBlock")
	tb = c.table("vpc", "list", "--filter", "vpc-id="+vpc)
	tb.wantHeader(t, "ID", "NAME", "CIDR", "DEFAULT", "CREATED")
	wantCells(t, tb.row(t, "ID", vpc), "NAME", "scen-v3", "CIDR", "10.20.0.0/16", "DEFAULT", "false")

	// Subnets, one read from JSON and one through --query.
	doc = c.json("subnet", "create", "--vpc-id", vpc, "--name", "web", "--cidr-block", "10.20.1.0/24", "--zone", zone)
	web := fmt.Sprint(field(t, doc, "Subnet.SubnetId"))
	wantID(t, "subnet-", web)
	wantFields(t, doc, "Subnet.SubnetName", "web", "Subnet.VpcId", vpc, "Subnet.CidrBlock", "10.20.1.0/24",
		"Subnet.Zone", zone, "Subnet.AvailableIpAddressCount", "253")
	db := c.text("subnet", "create", "--vpc-id", vpc, "--name", "db", "--cidr-block", "10.20.2.0/24", "--zone", zone, "--query", "Subnet.SubnetId")
	wantID(t, "subnet-", db)
	tb = c.table("subnet", "list", "--filter", "vpc-id="+vpc)
	tb.wantHeader(t, "ID", "NAME", "VPC", "CIDR", "ZONE", "FREE IPS", "CREATED")
	wantCells(t, tb.row(t, "ID", web), "NAME", "web", "VPC", vpc, "CIDR", "10.20.1.0/24", "ZONE", zone, "FREE IPS", "253")
	wantCells(t, tb.row(t, "ID", db), "NAME", "db", "VPC", vpc, "CIDR", "10.20.2.0/24", "ZONE", zone)
	c.wantText(db+"\tdb\t10.20.2.0/24", "subnet", "list", "--filter", "vpc-id="+vpc, "--filter", "subnet-name=db",
		"--query", "SubnetSet[].[SubnetId, SubnetName, CidrBlock]")

	// A malformed CIDR never leaves the machine (exit 2); one overlapping
	// a subnet is refused by the service with CreateSubnet's documented
	// code (exit 1). Neither creates anything.
	c.fails(2, "--cidr-block", "subnet", "create", "--vpc-id", vpc, "--name", "bad", "--cidr-block", "10.20.3.0/33", "--zone", zone)
	c.fails(2, "--cidr-block", "vpc", "create", "--name", "bad", "--cidr-block", "10.300.0.0/16")
	c.fails(1, "[InvalidParameterValue.SubnetConflict]", "subnet", "create", "--vpc-id", vpc, "--name", "bad", "--cidr-block", "10.20.1.128/25", "--zone", zone)
	c.wantText("2", "subnet", "list", "--filter", "vpc-id="+vpc, "--query", "TotalCount")
	c.wantText("1", "vpc", "list", "--query", "TotalCount")

	// A VPC with subnets cannot be deleted: DeleteVpc's documented
	// ResourceInUse, exit 1, and the VPC is still there.
	c.fails(1, "[ResourceInUse]", "vpc", "delete", vpc, "-y")
	c.wantText(vpc, "vpc", "show", vpc, "--query", "VpcSet[0].VpcId")

	// A route table with routes, associated with the web subnet.
	doc = c.json("route-table", "create", "--vpc-id", vpc, "--name", "scen-rt")
	rtb := fmt.Sprint(field(t, doc, "RouteTable.RouteTableId"))
	wantID(t, "rtb-", rtb)
	wantFields(t, doc, "RouteTable.RouteTableName", "scen-rt", "RouteTable.VpcId", vpc, "RouteTable.Main", "false")
	tb = c.table("route-table", "list", "--filter", "vpc-id="+vpc)
	tb.wantHeader(t, "ID", "NAME", "VPC", "MAIN", "ROUTES", "SUBNETS", "CREATED")
	wantCells(t, tb.row(t, "ID", rtb), "NAME", "scen-rt", "VPC", vpc, "MAIN", "false", "ROUTES", "0", "SUBNETS", "0")
	mainRtb := tb.row(t, "MAIN", "true")
	wantCells(t, mainRtb, "NAME", "default", "VPC", vpc, "SUBNETS", "2")
	c.quiet("route-table", "route", "add", rtb, "--routes",
		`[{"DestinationCidrBlock":"192.168.0.0/16","GatewayType":"NORMAL_CVM","GatewayId":"10.20.1.5","RouteDescription":"to db"},`+
			`{"DestinationCidrBlock":"172.16.0.0/16","GatewayType":"NORMAL_CVM","GatewayId":"10.20.1.6"}]`)
	tb = c.table("rtb", "route", "list", rtb)
	tb.wantHeader(t, "ID", "DESTINATION", "NEXT HOP TYPE", "NEXT HOP", "DESCRIPTION")
	wantCells(t, tb.row(t, "DESTINATION", "192.168.0.0/16"), "NEXT HOP TYPE", "NORMAL_CVM", "NEXT HOP", "10.20.1.5", "DESCRIPTION", "to db")
	second := tb.row(t, "DESTINATION", "172.16.0.0/16")
	wantCells(t, second, "NEXT HOP TYPE", "NORMAL_CVM", "NEXT HOP", "10.20.1.6", "DESCRIPTION", "")
	doc = c.json("rtb", "route", "list", rtb)
	wantFields(t, doc, "RouteTableSet.0.RouteTableId", rtb,
		"RouteTableSet.0.RouteSet.1.RouteId", second["ID"],
		"RouteTableSet.0.RouteSet.1.DestinationCidrBlock", "172.16.0.0/16",
		"RouteTableSet.0.RouteSet.1.GatewayType", "NORMAL_CVM",
		"RouteTableSet.0.RouteSet.1.GatewayId", "10.20.1.6",
		"RouteTableSet.0.RouteSet.0.RouteDescription", "to db")
	c.quiet("route-table", "associate", rtb, "--subnet-id", web)
	c.wantText(web, "rtb", "show", rtb, "--query", "RouteTableSet[0].AssociationSet[].SubnetId")
	c.wantText(rtb, "subnet", "show", web, "--query", "SubnetSet[0].RouteTableId")
	c.quiet("rtb", "route", "delete", rtb, "--routes", `[{"RouteId":`+second["ID"]+`}]`, "-y")
	c.wantText("192.168.0.0/16", "rtb", "route", "list", rtb, "--query", "RouteTableSet[0].RouteSet[].DestinationCidrBlock")
	// reset replaces the name and every route at once.
	c.quiet("route-table", "reset", rtb, "--name", "scen-rt2", "-y", "--routes",
		`[{"DestinationCidrBlock":"192.168.5.0/24","GatewayType":"NORMAL_CVM","GatewayId":"10.20.1.7"}]`)
	c.wantText("scen-rt2\t192.168.5.0/24\t10.20.1.7", "rtb", "show", rtb,
		"--query", "RouteTableSet[].[RouteTableName, RouteSet[0].DestinationCidrBlock, RouteSet[0].GatewayId]")

	// A security group with rules; a second group is the peer of one rule.
	sg := c.text("sg", "create", "--name", "scen-web", "--description", "web servers", "--query", "SecurityGroup.SecurityGroupId")
	wantID(t, "sg-", sg)
	tb = c.table("sg", "create", "--name", "scen-peer", "--description", "peers")
	tb.wantHeader(t, "ID", "NAME", "DESCRIPTION", "PROJECT", "DEFAULT", "CREATED")
	peer := tb.rows[0]["ID"]
	wantID(t, "sg-", peer)
	tb = c.table("sg", "list", "--security-group-id", sg+","+peer)
	tb.wantHeader(t, "ID", "NAME", "DESCRIPTION", "PROJECT", "DEFAULT", "CREATED")
	wantCells(t, tb.row(t, "ID", sg), "NAME", "scen-web", "DESCRIPTION", "web servers", "PROJECT", "0", "DEFAULT", "false")
	wantCells(t, tb.row(t, "ID", peer), "NAME", "scen-peer", "DESCRIPTION", "peers")
	wantFields(t, c.json("sg", "show", sg), "TotalCount", "1", "SecurityGroupSet.0.SecurityGroupId", sg,
		"SecurityGroupSet.0.SecurityGroupName", "scen-web", "SecurityGroupSet.0.SecurityGroupDesc", "web servers",
		"SecurityGroupSet.0.ProjectId", "0", "SecurityGroupSet.0.IsDefault", "false")
	c.quiet("sg", "rule", "add", sg, "--direction", "ingress", "--rule", "TCP:80", "--cidr", "10.0.0.0/8", "--action", "ACCEPT", "--description", "web")
	c.quiet("sg", "rule", "add", sg, "--direction", "ingress", "--rule", "TCP:443", "--cidr", "0.0.0.0/0", "--action", "ACCEPT")
	c.quiet("sg", "rule", "add", sg, "--direction", "ingress", "--protocol", "ALL", "--source-sg", peer, "--action", "ACCEPT")
	c.quiet("sg", "rule", "add", sg, "--direction", "egress", "--protocol", "ALL", "--cidr", "0.0.0.0/0", "--action", "DROP")
	tb = c.table("sg", "rule", "list", sg)
	tb.wantHeader(t, "DIRECTION", "INDEX", "ACTION", "PROTOCOL:PORT", "PEER", "DESCRIPTION")
	var rules []string
	for _, r := range tb.rows {
		rules = append(rules, strings.Join([]string{r["DIRECTION"], r["INDEX"], r["ACTION"], r["PROTOCOL:PORT"], r["PEER"], r["DESCRIPTION"]}, " "))
	}
	if want := []string{
		"ingress 0 ACCEPT TCP:80 10.0.0.0/8 web",
		"ingress 1 ACCEPT TCP:443 0.0.0.0/0 ",
		"ingress 2 ACCEPT ALL " + peer + " ",
		"egress 0 DROP ALL 0.0.0.0/0 ",
	}; !slices.Equal(rules, want) {
		t.Errorf("sg rule list:\n got %q\nwant %q", rules, want)
	}
	doc = c.json("sg", "rule", "list", sg)
	wantFields(t, doc, "SecurityGroupPolicySet.Version", "4",
		"SecurityGroupPolicySet.Ingress.0.PolicyIndex", "0",
		"SecurityGroupPolicySet.Ingress.0.Protocol", "TCP",
		"SecurityGroupPolicySet.Ingress.0.Port", "80",
		"SecurityGroupPolicySet.Ingress.0.CidrBlock", "10.0.0.0/8",
		"SecurityGroupPolicySet.Ingress.0.Action", "ACCEPT",
		"SecurityGroupPolicySet.Ingress.0.PolicyDescription", "web",
		"SecurityGroupPolicySet.Ingress.2.SecurityGroupId", peer,
		"SecurityGroupPolicySet.Egress.0.Action", "DROP",
		"SecurityGroupPolicySet.Egress.0.CidrBlock", "0.0.0.0/0")
	// In a rule SecurityGroupId is the peer group, so a rule whose peer
	// is a CIDR block has none.
	if r := field(t, doc, "SecurityGroupPolicySet.Ingress.0").(map[string]any); r["SecurityGroupId"] != nil && r["SecurityGroupId"] != "" {
		t.Errorf("rule with peer 10.0.0.0/8 also has SecurityGroupId %v", r["SecurityGroupId"])
	}
	c.wantText("4", "sg", "rule", "list", sg, "--query", "SecurityGroupPolicySet.Version")
	// A stale --version is refused with the documented code, exit 1.
	c.fails(1, "[UnsupportedOperation.VersionMismatch]", "sg", "rule", "add", sg, "--direction", "ingress",
		"--rule", "UDP:53", "--cidr", "10.0.0.0/8", "--action", "ACCEPT", "--version", "3")
	c.quiet("sg", "rule", "delete", sg, "--direction", "ingress", "--index", "1", "--version", "4", "-y")
	c.wantText(joinLines("80", "ALL"), "sg", "rule", "list", sg, "--query", "SecurityGroupPolicySet.Ingress[].[Port || Protocol]")

	// An ENI in the web subnet, bound to the group, with secondary IPs.
	tb = c.table("eni", "create", "--vpc-id", vpc, "--subnet-id", web, "--name", "scen-nic", "--description", "scenario",
		"--security-group-ids", sg, "--primary-ip", "10.20.1.10", "--ip", "10.20.1.11", "--wait")
	tb.wantHeader(t, "ID", "NAME", "VPC", "SUBNET", "PRIVATE IP", "INSTANCE", "STATE")
	eni := tb.rows[0]["ID"]
	wantID(t, "eni-", eni)
	wantCells(t, tb.rows[0], "NAME", "scen-nic", "VPC", vpc, "SUBNET", web, "PRIVATE IP", "10.20.1.10", "STATE", "AVAILABLE")
	tb = c.table("eni", "ip", "assign", eni, "--ip", "10.20.1.20", "--description", "db")
	tb.wantHeader(t, "PRIVATE IP", "PRIMARY", "PUBLIC IP", "DESCRIPTION")
	wantCells(t, tb.row(t, "PRIVATE IP", "10.20.1.20"), "PRIMARY", "false", "DESCRIPTION", "db")
	tb = c.table("eni", "ip", "assign", eni, "--count", "1")
	if len(tb.rows) != 1 || !strings.HasPrefix(tb.rows[0]["PRIVATE IP"], "10.20.1.") {
		t.Fatalf("eni ip assign --count 1: %v", tb.rows)
	}
	picked := tb.rows[0]["PRIVATE IP"]
	doc = c.json("eni", "show", eni)
	wantFields(t, doc, "TotalCount", "1", "NetworkInterfaceSet.0.NetworkInterfaceId", eni,
		"NetworkInterfaceSet.0.NetworkInterfaceName", "scen-nic",
		"NetworkInterfaceSet.0.NetworkInterfaceDescription", "scenario",
		"NetworkInterfaceSet.0.VpcId", vpc, "NetworkInterfaceSet.0.SubnetId", web,
		"NetworkInterfaceSet.0.State", "AVAILABLE", "NetworkInterfaceSet.0.GroupSet", "["+sg+"]",
		"NetworkInterfaceSet.0.PrivateIpAddressSet.0.PrivateIpAddress", "10.20.1.10",
		"NetworkInterfaceSet.0.PrivateIpAddressSet.0.Primary", "true",
		"NetworkInterfaceSet.0.PrivateIpAddressSet.1.PrivateIpAddress", "10.20.1.11",
		"NetworkInterfaceSet.0.PrivateIpAddressSet.1.Primary", "false",
		"NetworkInterfaceSet.0.PrivateIpAddressSet.2.PrivateIpAddress", "10.20.1.20",
		"NetworkInterfaceSet.0.PrivateIpAddressSet.2.Description", "db",
		"NetworkInterfaceSet.0.PrivateIpAddressSet.3.PrivateIpAddress", picked)
	// Without --yes off a terminal, a removal is refused (exit 2).
	c.fails(2, "--yes", "eni", "ip", "unassign", eni, "--ip", "10.20.1.20")
	c.quiet("eni", "ip", "unassign", eni, "--ip", "10.20.1.20", "-y")
	c.wantText(joinLines("10.20.1.10", "10.20.1.11", picked), "eni", "show", eni, "--query", "NetworkInterfaceSet[0].PrivateIpAddressSet[].PrivateIpAddress")
	tb = c.table("eni", "list", "--vpc-id", vpc)
	if got := tb.col("ID"); !slices.Equal(got, []string{eni}) {
		t.Errorf("eni list --vpc-id: IDs %q, want [%s]", got, eni)
	}

	// An EIP bound to the ENI's secondary IP.
	doc = c.json("eip", "allocate")
	eip := fmt.Sprint(field(t, doc, "AddressSet.0"))
	wantID(t, "eip-", eip)
	tb = c.table("eip", "list", "--address-id", eip)
	tb.wantHeader(t, "ID", "NAME", "IP", "STATUS", "INSTANCE", "ENI", "PRIVATE IP", "CREATED")
	wantCells(t, tb.row(t, "ID", eip), "STATUS", "UNBIND", "ENI", "", "PRIVATE IP", "")
	publicIP := tb.row(t, "ID", eip)["IP"]
	c.quiet("eip", "associate", eip, "--network-interface-id", eni, "--private-ip", "10.20.1.11")
	c.wantText(eni+"\t10.20.1.11\t"+publicIP, "eip", "show", eip, "--query", "AddressSet[].[NetworkInterfaceId, PrivateAddressIp, AddressIp]")
	// An EIP bound to an ENI that no instance uses is BIND_ENI
	// (the Address structure: bound to an ENI not attached to any instance).
	c.wantText("BIND_ENI", "eip", "show", eip, "--query", "AddressSet[0].AddressStatus")
	c.wantText(eip+"\t"+publicIP, "eni", "show", eni,
		"--query", "NetworkInterfaceSet[0].PrivateIpAddressSet[?PrivateIpAddress=='10.20.1.11'].[AddressId, PublicIpAddress]")
	c.fails(1, "[InvalidAddressState]", "eip", "release", eip, "-y")

	// A VPN gateway, a customer gateway and a tunnel between them.
	tb = c.table("vpn", "gw", "create", "--vpc-id", vpc, "--name", "scen-gw", "--bandwidth", "5", "--wait")
	tb.wantHeader(t, "ID", "NAME", "VPC", "TYPE", "STATE", "CHARGE TYPE")
	gw := tb.rows[0]["ID"]
	wantID(t, "vpngw-", gw)
	wantCells(t, tb.rows[0], "NAME", "scen-gw", "VPC", vpc, "TYPE", "IPSEC", "STATE", "AVAILABLE", "CHARGE TYPE", "POSTPAID_BY_HOUR")
	doc = c.json("vpn", "gw", "list", "--filter", "vpc-id="+vpc)
	wantFields(t, doc, "TotalCount", "1", "VpnGatewaySet.0.VpnGatewayId", gw, "VpnGatewaySet.0.VpnGatewayName", "scen-gw",
		"VpnGatewaySet.0.VpcId", vpc, "VpnGatewaySet.0.State", "AVAILABLE", "VpnGatewaySet.0.Type", "IPSEC",
		"VpnGatewaySet.0.InternetMaxBandwidthOut", "5", "VpnGatewaySet.0.InstanceChargeType", "POSTPAID_BY_HOUR")
	doc = c.json("vpn", "cgw", "create", "--name", "scen-idc", "--ip-address", "203.0.113.10")
	cgw := fmt.Sprint(field(t, doc, "CustomerGateway.CustomerGatewayId"))
	wantID(t, "cgw-", cgw)
	wantFields(t, doc, "CustomerGateway.CustomerGatewayName", "scen-idc", "CustomerGateway.IpAddress", "203.0.113.10")
	tb = c.table("vpn", "cgw", "list", "--customer-gateway-id", cgw)
	tb.wantHeader(t, "ID", "NAME", "IP ADDRESS", "CREATED")
	wantCells(t, tb.row(t, "ID", cgw), "NAME", "scen-idc", "IP ADDRESS", "203.0.113.10")
	const psk = "scenario-psk-secret"
	conn := c.text("vpn", "conn", "create", "--vpc-id", vpc, "--vpn-gateway-id", gw, "--customer-gateway-id", cgw,
		"--name", "scen-t1", "--pre-shared-key", psk, "--local-cidr", "10.20.0.0/16", "--remote-cidr", "192.168.0.0/16",
		"--ike-version", "IKEV2", "--ipsec-pfs", "DH-GROUP2", "--wait", "--query", "VpnConnection.VpnConnectionId")
	wantID(t, "vpnx-", conn)
	tb = c.table("vpn", "conn", "list", "--filter", "vpn-gateway-id="+gw)
	tb.wantHeader(t, "ID", "NAME", "VPN GATEWAY", "CUSTOMER GATEWAY", "VPC", "STATE", "NET STATUS", "CREATED")
	wantCells(t, tb.row(t, "ID", conn), "NAME", "scen-t1", "VPN GATEWAY", gw, "CUSTOMER GATEWAY", cgw, "VPC", vpc, "STATE", "AVAILABLE")
	doc = c.json("vpn", "conn", "show", conn)
	wantFields(t, doc, "TotalCount", "1", "VpnConnectionSet.0.VpnConnectionId", conn,
		"VpnConnectionSet.0.VpnConnectionName", "scen-t1", "VpnConnectionSet.0.VpcId", vpc,
		"VpnConnectionSet.0.VpnGatewayId", gw, "VpnConnectionSet.0.CustomerGatewayId", cgw,
		"VpnConnectionSet.0.State", "AVAILABLE",
		"VpnConnectionSet.0.SecurityPolicyDatabaseSet.0.LocalCidrBlock", "10.20.0.0/16",
		"VpnConnectionSet.0.SecurityPolicyDatabaseSet.0.RemoteCidrBlock", "[192.168.0.0/16]",
		"VpnConnectionSet.0.IKEOptionsSpecification.IKEVersion", "IKEV2",
		"VpnConnectionSet.0.IPSECOptionsSpecification.PfsDhGroup", "DH-GROUP2")
	// Table and text leave the pre-shared key out.
	for _, format := range []string{"table", "text"} {
		if out := c.ok("vpn", "conn", "show", conn, "-o", format); strings.Contains(out, psk) || !strings.Contains(out, conn) {
			t.Errorf("vpn conn show -o %s: %q", format, out)
		}
	}

	// Reset the tunnel: refused without --yes off a terminal, then done.
	c.fails(2, "--yes", "vpn", "conn", "reset", conn, "--vpn-gateway-id", gw)
	c.quiet("vpn", "conn", "reset", conn, "--vpn-gateway-id", gw, "-y")
	c.wantText("AVAILABLE", "vpn", "conn", "show", conn, "--query", "VpnConnectionSet[0].State")

	// Delete everything, checking each is gone.
	c.quiet("vpn", "conn", "delete", conn, "--vpn-gateway-id", gw, "-y", "--wait")
	// --wait returns once the tunnel is gone, as it does for gateways and
	// network interfaces.
	if got := c.text("vpn", "conn", "list", "--filter", "vpn-gateway-id="+gw, "--query", "TotalCount"); got != "0" {
		t.Errorf("vpn conn delete --wait returned while the tunnel is still listed (%s): %s", got,
			c.text("vpn", "conn", "show", conn, "--query", "VpnConnectionSet[0].State"))
		c.eventually("tunnel deleted", func() bool {
			return c.text("vpn", "conn", "list", "--filter", "vpn-gateway-id="+gw, "--query", "TotalCount") == "0"
		})
	}
	c.gone("vpn", "conn", "show", conn)
	c.quiet("vpn", "cgw", "delete", cgw, "-y")
	c.gone("vpn", "cgw", "show", cgw)
	c.quiet("vpn", "gw", "delete", gw, "-y", "--wait")
	c.gone("vpn", "gw", "show", gw)
	c.wantText("0", "vpn", "gw", "list", "--filter", "vpc-id="+vpc, "--query", "TotalCount")

	c.quiet("eip", "disassociate", eip, "-y")
	c.wantText("UNBIND", "eip", "show", eip, "--query", "AddressSet[0].AddressStatus")
	c.quiet("eip", "release", eip, "-y")
	c.gone("eip", "show", eip)
	c.wantText("0", "eip", "list", "--address-id", eip, "--query", "TotalCount")

	c.quiet("eni", "delete", eni, "-y", "--wait")
	c.gone("eni", "show", eni)
	c.quiet("sg", "delete", sg, "-y")
	c.gone("sg", "show", sg)
	c.quiet("sg", "delete", peer, "-y")
	c.gone("sg", "show", peer)

	for _, s := range []string{web, db} {
		c.quiet("subnet", "delete", s, "-y")
		c.gone("subnet", "show", s)
	}
	c.quiet("route-table", "delete", rtb, "-y")
	c.gone("route-table", "show", rtb)
	c.gone("route-table", "route", "list", rtb)
	c.quiet("vpc", "delete", vpc, "-y")
	c.gone("vpc", "show", vpc)
	c.wantText("0", "vpc", "list", "--query", "TotalCount")
	c.wantText("0", "route-table", "list", "--filter", "vpc-id="+vpc, "--query", "TotalCount")
}

// TestScenarioLegacy walks the same scenario with --legacy. Where the
// legacy API has no twin of a step (security groups, EIPs, route-table
// reset, VPN gateway deletion) it uses the API 3.0 command, as a user
// would, on the same resources.
func TestScenarioLegacy(t *testing.T) {
	t.Parallel()
	c := startEmulator(t, "--task-delay", "300ms")
	const L = "--legacy"

	// VPC, then two subnets in one call.
	tb := c.table("vpc", "create", L, "--name", "scen-lg", "--cidr-block", "192.168.0.0/16")
	tb.wantHeader(t, "ID", "SUBNETS", "CREATED")
	vpc := tb.rows[0]["ID"]
	wantID(t, "vpc-", vpc)
	wantCells(t, tb.rows[0], "SUBNETS", "")
	tb = c.table("vpc", "list", L, "--vpc-id", vpc)
	tb.wantHeader(t, "ID", "NAME", "CIDR", "SUBNETS", "DEFAULT", "CREATED")
	wantCells(t, tb.row(t, "ID", vpc), "NAME", "scen-lg", "CIDR", "192.168.0.0/16", "SUBNETS", "0", "DEFAULT", "false")
	doc := c.json("vpc", "show", vpc, L)
	wantFields(t, doc, "code", "0", "totalCount", "1", "data.0.unVpcId", vpc, "data.0.vpcName", "scen-lg",
		"data.0.cidrBlock", "192.168.0.0/16", "data.0.subnetNum", "0", "data.0.isDefault", "false")
	tb = c.table("vpc", "show", vpc, L)
	tb.wantHeader(t, "KEY", "VALUE")
	wantCells(t, tb.row(t, "KEY", "unVpcId"), "VALUE", vpc)
	wantCells(t, tb.row(t, "KEY", "vpcName"), "VALUE", "scen-lg")

	tb = c.table("subnet", "create", L, "--vpc-id", vpc, "--subnets",
		`[{"subnetName":"web","cidrBlock":"192.168.1.0/24","zoneId":"`+zoneID+`"},{"subnetName":"db","cidrBlock":"192.168.2.0/24","zoneId":"`+zoneID+`"}]`)
	tb.wantHeader(t, "ID", "NAME", "CIDR", "ZONE", "ROUTE TABLE")
	web, db := tb.row(t, "NAME", "web")["ID"], tb.row(t, "NAME", "db")["ID"]
	wantID(t, "subnet-", web)
	wantID(t, "subnet-", db)
	wantCells(t, tb.row(t, "ID", web), "CIDR", "192.168.1.0/24", "ZONE", zoneID)
	wantCells(t, tb.row(t, "ID", db), "CIDR", "192.168.2.0/24", "ZONE", zoneID)
	mainRtb := tb.row(t, "ID", web)["ROUTE TABLE"]
	wantID(t, "rtb-", mainRtb)
	wantCells(t, tb.row(t, "ID", db), "ROUTE TABLE", mainRtb)
	c.wantText("2", "vpc", "show", vpc, L, "--query", "data[0].subnetNum")
	tb = c.table("subnet", "list", L, "--vpc-id", vpc)
	tb.wantHeader(t, "ID", "NAME", "VPC", "CIDR", "ZONE", "FREE IPS", "CREATED")
	wantCells(t, tb.row(t, "ID", web), "NAME", "web", "VPC", vpc, "CIDR", "192.168.1.0/24", "ZONE", zone, "FREE IPS", "253")
	wantCells(t, tb.row(t, "ID", db), "NAME", "db", "VPC", vpc, "CIDR", "192.168.2.0/24", "ZONE", zone)
	doc = c.json("subnet", "list", L, "--vpc-id", vpc, "--subnet-name", "db")
	wantFields(t, doc, "totalCount", "1", "data.0.unSubnetId", db, "data.0.subnetName", "db", "data.0.unVpcId", vpc,
		"data.0.cidrBlock", "192.168.2.0/24", "data.0.zone", zone, "data.0.totalIPNum", "253")
	tb = c.table("subnet", "show", web, "--vpc-id", vpc, L)
	tb.wantHeader(t, "ID", "NAME", "CIDR", "ZONE", "ROUTE TABLE", "FREE IPS", "TOTAL IPS", "CREATED")
	wantCells(t, tb.row(t, "ID", web), "NAME", "web", "CIDR", "192.168.1.0/24", "ROUTE TABLE", mainRtb, "TOTAL IPS", "253")

	// Bad CIDR blocks are refused before anything is sent (exit 2), in
	// the flag as in the --subnets JSON, and nothing is created.
	c.fails(2, "--cidr-block", "vpc", "create", L, "--name", "bad", "--cidr-block", "192.168.0.0/33")
	c.fails(2, "cidrBlock", "subnet", "create", L, "--vpc-id", vpc, "--subnets",
		`[{"subnetName":"bad","cidrBlock":"192.168.3.0/33","zoneId":"`+zoneID+`"}]`)
	// One outside the VPC is the service's documented InvalidSubnetCidr.
	c.fails(1, "InvalidSubnetCidr]", "subnet", "create", L, "--vpc-id", vpc, "--subnets",
		`[{"subnetName":"bad","cidrBlock":"10.9.0.0/24","zoneId":"`+zoneID+`"}]`)
	c.wantText("2", "subnet", "list", L, "--vpc-id", vpc, "--query", "totalCount")
	c.wantText("1", "vpc", "list", L, "--query", "totalCount")
	// A VPC with subnets cannot be deleted: legacy DeleteVpc's documented
	// InvalidVpc.CannotDelete, exit 1.
	c.fails(1, "InvalidVpc.CannotDelete]", "vpc", "delete", vpc, L, "-y")
	c.wantText(vpc, "vpc", "show", vpc, L, "--query", "data[0].unVpcId")

	// A route table created with a route, one more added, associated
	// with the web subnet, a route deleted.
	doc = c.json("route-table", "create", L, "--vpc-id", vpc, "--name", "scen-lrt", "--routes",
		`[{"destinationCidrBlock":"10.50.0.0/16","nextType":"9","nextHub":"192.168.1.5","description":"to x"}]`)
	rtb := fmt.Sprint(field(t, doc, "unRouteTableId"))
	wantID(t, "rtb-", rtb)
	wantFields(t, doc, "code", "0", "routeTableSet.0.destinationCidrBlock", "10.50.0.0/16",
		"routeTableSet.0.nextHub", "192.168.1.5", "routeTableSet.0.description", "to x")
	tb = c.table("route-table", "list", L, "--vpc-id", vpc)
	tb.wantHeader(t, "ID", "NAME", "VPC", "TYPE", "ROUTES", "SUBNETS", "CREATED")
	wantCells(t, tb.row(t, "ID", rtb), "NAME", "scen-lrt", "VPC", vpc, "SUBNETS", "0")
	wantCells(t, tb.row(t, "ID", mainRtb), "NAME", "default", "VPC", vpc, "SUBNETS", "2")
	c.quiet("route-table", "route", "add", rtb, L, "--vpc-id", vpc, "--routes",
		`[{"destinationCidrBlock":"10.60.0.0/16","nextType":"9","nextHub":"192.168.1.6"}]`)
	tb = c.table("rtb", "route", "list", rtb, L)
	tb.wantHeader(t, "DESTINATION", "NEXT HOP TYPE", "NEXT HOP", "DESCRIPTION")
	wantCells(t, tb.row(t, "DESTINATION", "10.50.0.0/16"), "NEXT HOP TYPE", "9", "NEXT HOP", "192.168.1.5", "DESCRIPTION", "to x")
	wantCells(t, tb.row(t, "DESTINATION", "10.60.0.0/16"), "NEXT HOP TYPE", "9", "NEXT HOP", "192.168.1.6")
	doc = c.json("rtb", "show", rtb, L)
	wantFields(t, doc, "totalCount", "1", "data.0.unRouteTableId", rtb, "data.0.routeTableName", "scen-lrt",
		"data.0.unVpcId", vpc, "data.0.subnetNum", "0")
	c.wantText(joinLines("10.50.0.0/16", "10.60.0.0/16"), "rtb", "show", rtb, L,
		"--query", "data[0].routeTableSet[?destinationCidrBlock!='Local'].destinationCidrBlock")
	c.fails(2, "--vpc-id", "route-table", "associate", rtb, "--subnet-id", web, L)
	c.quiet("route-table", "associate", rtb, "--subnet-id", web, "--vpc-id", vpc, L)
	c.wantText(rtb, "subnet", "show", web, "--vpc-id", vpc, L, "--query", "routeTableId")
	c.wantText("1", "rtb", "show", rtb, L, "--query", "data[0].subnetNum")
	c.quiet("rtb", "route", "delete", rtb, L, "--vpc-id", vpc, "-y", "--routes",
		`[{"destinationCidrBlock":"10.60.0.0/16","nextType":"9","nextHub":"192.168.1.6"}]`)
	c.wantText("10.50.0.0/16", "rtb", "show", rtb, L,
		"--query", "data[0].routeTableSet[?destinationCidrBlock!='Local'].destinationCidrBlock")
	// No legacy twin of route-table reset: API 3.0 on the same table.
	c.quiet("route-table", "reset", rtb, "--name", "scen-lrt2", "-y", "--routes",
		`[{"DestinationCidrBlock":"10.70.0.0/16","GatewayType":"NORMAL_CVM","GatewayId":"192.168.1.7"}]`)
	c.wantText("scen-lrt2\t10.70.0.0/16", "rtb", "list", L, "--vpc-id", vpc, "--route-table-name", "scen-lrt2",
		"--query", "data[].[routeTableName, routeTableSet[?destinationCidrBlock!='Local'] | [0].destinationCidrBlock]")

	// Security groups have no legacy API: API 3.0 commands.
	sg := c.text("sg", "create", "--name", "scen-lsg", "--description", "legacy scenario", "--query", "SecurityGroup.SecurityGroupId")
	wantID(t, "sg-", sg)
	wantCells(t, c.table("sg", "list", "--name", "scen-lsg").row(t, "ID", sg), "NAME", "scen-lsg", "DESCRIPTION", "legacy scenario")
	c.quiet("sg", "rule", "add", sg, "--direction", "ingress", "--rule", "TCP:22", "--cidr", "192.168.0.0/16", "--action", "ACCEPT")
	c.wantText("TCP\t22\t192.168.0.0/16\tACCEPT", "sg", "rule", "list", sg,
		"--query", "SecurityGroupPolicySet.Ingress[].[Protocol, Port, CidrBlock, Action]")

	// An ENI with secondary IPs: the creation is a task, --wait polls it.
	c.quiet("eni", "create", L, "--vpc-id", vpc, "--subnet-id", web, "--name", "scen-lnic", "--description", "legacy",
		"--primary-ip", "192.168.1.10", "--ip", "192.168.1.11", "--wait")
	eni := c.text("eni", "list", L, "--vpc-id", vpc, "--name", "scen-lnic", "--query", "data.data[0].networkInterfaceId")
	wantID(t, "eni-", eni)
	tb = c.table("eni", "list", L, "--vpc-id", vpc)
	tb.wantHeader(t, "ID", "NAME", "VPC", "SUBNET", "PRIVATE IP", "INSTANCE", "CREATED")
	wantCells(t, tb.row(t, "ID", eni), "NAME", "scen-lnic", "VPC", vpc, "SUBNET", web, "PRIVATE IP", "192.168.1.10", "INSTANCE", "")
	c.fails(2, "--vpc-id", "eni", "ip", "assign", eni, "--ip", "192.168.1.20", L)
	c.quiet("eni", "ip", "assign", eni, "--ip", "192.168.1.20", L, "--vpc-id", vpc, "--wait")
	c.quiet("eni", "ip", "assign", eni, "--count", "1", L, "--vpc-id", vpc, "--wait")
	doc = c.json("eni", "show", eni, L)
	wantFields(t, doc, "code", "0", "data.totalNum", "1",
		"data.data.0.networkInterfaceId", eni, "data.data.0.eniName", "scen-lnic", "data.data.0.eniDescription", "legacy",
		"data.data.0.vpcId", vpc, "data.data.0.subnetId", web, "data.data.0.zoneId", zoneID,
		"data.data.0.privateIpAddressesSet.0.privateIpAddress", "192.168.1.10",
		"data.data.0.privateIpAddressesSet.0.primary", "true",
		"data.data.0.privateIpAddressesSet.1.privateIpAddress", "192.168.1.11",
		"data.data.0.privateIpAddressesSet.1.primary", "false",
		"data.data.0.privateIpAddressesSet.2.privateIpAddress", "192.168.1.20")
	picked := fmt.Sprint(field(t, doc, "data.data.0.privateIpAddressesSet.3.privateIpAddress"))
	if !strings.HasPrefix(picked, "192.168.1.") {
		t.Errorf("eni ip assign --count 1 --legacy picked %q, outside the subnet", picked)
	}
	c.quiet("eni", "ip", "unassign", eni, "--ip", "192.168.1.20", L, "--vpc-id", vpc, "-y", "--wait")
	c.wantText(joinLines("192.168.1.10", "192.168.1.11", picked), "eni", "show", eni, L,
		"--query", "data.data[0].privateIpAddressesSet[].privateIpAddress")

	// EIPs have no legacy API: API 3.0 commands, bound to the legacy ENI;
	// the legacy view of the ENI shows the binding.
	eip := c.text("eip", "allocate", "--query", "AddressSet[0]")
	wantID(t, "eip-", eip)
	publicIP := c.text("eip", "show", eip, "--query", "AddressSet[0].AddressIp")
	c.quiet("eip", "associate", eip, "--network-interface-id", eni, "--private-ip", "192.168.1.11")
	c.wantText(eip+"\t"+publicIP, "eni", "show", eni, L,
		"--query", "data.data[0].privateIpAddressesSet[?privateIpAddress=='192.168.1.11'].[eipId, wanIp]")

	// VPN gateway: RunVpnGw answers at once, so --wait is refused (exit 2).
	c.fails(2, "--wait", "vpn", "gw", "create", L, "--vpc-id", vpc, "--name", "scen-lgw", "--bandwidth", "5",
		"--charge-type", "POSTPAID_BY_HOUR", "--wait")
	c.fails(2, "--charge-type", "vpn", "gw", "create", L, "--vpc-id", vpc, "--name", "scen-lgw", "--bandwidth", "5")
	tb = c.table("vpn", "gw", "create", L, "--vpc-id", vpc, "--name", "scen-lgw", "--bandwidth", "5", "--charge-type", "POSTPAID_BY_HOUR")
	tb.wantHeader(t, "ID")
	gw := tb.rows[0]["ID"]
	wantID(t, "vpngw-", gw)
	c.eventually("gateway "+gw+" running", func() bool {
		return c.text("vpn", "gw", "show", gw, L, "--query", "data[0].vpnGwStatus") == "6"
	})
	tb = c.table("vpn", "gw", "list", L, "--vpc-id", vpc)
	tb.wantHeader(t, "ID", "NAME", "VPC", "STATE", "PUBLIC IP", "BANDWIDTH", "EXPIRES", "CREATED")
	wantCells(t, tb.row(t, "ID", gw), "NAME", "scen-lgw", "VPC", vpc, "STATE", "AVAILABLE", "BANDWIDTH", "5")
	doc = c.json("vpn", "gw", "show", gw, L)
	wantFields(t, doc, "totalCount", "1", "data.0.unVpnGwId", gw, "data.0.vpnGwName", "scen-lgw", "data.0.unVpcId", vpc,
		"data.0.bandwidth", "5", "data.0.vpnGwStatus", "6", "data.0.vpnGwAddress", tb.row(t, "ID", gw)["PUBLIC IP"])

	doc = c.json("vpn", "cgw", "create", L, "--name", "scen-lidc", "--ip-address", "198.51.100.7")
	cgw := fmt.Sprint(field(t, doc, "userGwId"))
	wantID(t, "cgw-", cgw)
	tb = c.table("vpn", "cgw", "list", L)
	tb.wantHeader(t, "ID", "NAME", "IP ADDRESS", "TUNNELS", "CREATED")
	wantCells(t, tb.row(t, "ID", cgw), "NAME", "scen-lidc", "IP ADDRESS", "198.51.100.7", "TUNNELS", "0")

	// The tunnel: AddVpnConnEx is a task, --wait polls it.
	c.quiet("vpn", "conn", "create", L, "--vpc-id", vpc, "--vpn-gateway-id", gw, "--customer-gateway-id", cgw,
		"--name", "scen-lt1", "--pre-shared-key", "legacy-psk-secret", "--local-cidr", "192.168.0.0/16", "--remote-cidr", "10.77.0.0/16",
		"--ipsec-pfs", "DH-GROUP2", "--ike-exchange-mode", "AGGRESSIVE", "--wait")
	conn := c.text("vpn", "conn", "list", L, "--vpc-id", vpc, "--name", "scen-lt1", "--query", "data[0].unVpnConnId")
	wantID(t, "vpnx-", conn)
	tb = c.table("vpn", "conn", "list", L, "--vpn-gateway-id", gw)
	tb.wantHeader(t, "ID", "NAME", "VPN GATEWAY", "CUSTOMER GATEWAY", "VPC", "STATE", "NET STATUS", "CREATED")
	wantCells(t, tb.row(t, "ID", conn), "NAME", "scen-lt1", "VPN GATEWAY", gw, "CUSTOMER GATEWAY", cgw, "VPC", vpc, "STATE", "AVAILABLE")
	doc = c.json("vpn", "conn", "show", conn, L)
	wantFields(t, doc, "totalCount", "1", "data.0.vpnConnName", "scen-lt1", "data.0.unVpcId", vpc,
		"data.0.unVpnGwId", gw, "data.0.unUserGwId", cgw, "data.0.userGwAddress", "198.51.100.7",
		"data.0.sourceCidr", "[192.168.0.0/16]", "data.0.destinationCidr", "[10.77.0.0/16]", "data.0.netStatus", "available",
		"data.0.IPsecSet.pfsDhGroup", "dh-group2", "data.0.IKESet.exchangeMode", "aggressive")
	c.wantText("1", "vpn", "cgw", "show", cgw, L, "--query", "data[0].vpnConnNum")

	// Reset: the legacy API needs --vpc-id (exit 2 without it).
	c.fails(2, "--vpc-id", "vpn", "conn", "reset", conn, "--vpn-gateway-id", gw, L, "-y")
	c.quiet("vpn", "conn", "reset", conn, "--vpn-gateway-id", gw, "--vpc-id", vpc, L, "-y")

	// Tear down, each deletion checked through the legacy API.
	c.quiet("vpn", "conn", "delete", conn, "--vpn-gateway-id", gw, "--vpc-id", vpc, L, "-y", "--wait")
	c.wantText("0", "vpn", "conn", "list", L, "--vpc-id", vpc, "--query", "totalCount")
	c.gone("vpn", "conn", "show", conn, L)
	c.quiet("vpn", "cgw", "delete", cgw, L, "-y")
	c.gone("vpn", "cgw", "show", cgw, L)
	// No legacy twin of DeleteVpnGateway: API 3.0.
	c.fails(2, "legacy", "vpn", "gw", "delete", gw, L, "-y")
	c.quiet("vpn", "gw", "delete", gw, "-y", "--wait")
	c.gone("vpn", "gw", "show", gw, L)

	c.quiet("eip", "disassociate", eip, "-y")
	c.quiet("eip", "release", eip, "-y")
	c.gone("eip", "show", eip)
	c.wantText("", "eni", "show", eni, L, "--query", "data.data[0].privateIpAddressesSet[?eipId!=''].eipId")

	// The subnet still has the ENI: legacy DeleteSubnet's documented
	// InvalidSubnet.CannotDelete.
	c.fails(1, "InvalidSubnet.CannotDelete]", "subnet", "delete", web, "--vpc-id", vpc, L, "-y")
	c.quiet("eni", "delete", eni, "--vpc-id", vpc, L, "-y", "--wait")
	c.gone("eni", "show", eni, L)
	c.quiet("sg", "delete", sg, "-y")
	c.gone("sg", "show", sg)
	for _, s := range []string{web, db} {
		c.quiet("subnet", "delete", s, "--vpc-id", vpc, L, "-y")
		c.gone("subnet", "show", s, "--vpc-id", vpc, L)
	}
	c.wantText("0", "subnet", "list", L, "--vpc-id", vpc, "--query", "totalCount")
	c.quiet("route-table", "delete", rtb, "--vpc-id", vpc, L, "-y")
	c.gone("route-table", "show", rtb, L)
	c.gone("route-table", "route", "list", rtb, L)
	c.quiet("vpc", "delete", vpc, L, "-y")
	c.gone("vpc", "show", vpc, L)
	c.wantText("0", "vpc", "list", L, "--query", "totalCount")
}

// TestScenarioCrossStyle creates resources with one API style and finds
// them, under the same IDs, with the other: both styles are views of one
// cloud.
func TestScenarioCrossStyle(t *testing.T) {
	t.Parallel()
	c := startEmulator(t, "--task-delay", "300ms")
	const L = "--legacy"

	t.Run("API 3.0 to legacy", func(t *testing.T) {
		c := &cloud{t: t, env: c.env}
		vpc := c.text("vpc", "create", "--name", "x-v3", "--cidr-block", "10.40.0.0/16", "--query", "Vpc.VpcId")
		subnet := c.text("subnet", "create", "--vpc-id", vpc, "--name", "x-web", "--cidr-block", "10.40.1.0/24", "--zone", zone, "--query", "Subnet.SubnetId")
		rtb := c.text("rtb", "create", "--vpc-id", vpc, "--name", "x-rt", "--query", "RouteTable.RouteTableId")
		c.quiet("rtb", "route", "add", rtb, "--routes", `[{"DestinationCidrBlock":"172.16.0.0/16","GatewayType":"NORMAL_CVM","GatewayId":"10.40.1.5"}]`)
		eni := c.text("eni", "create", "--vpc-id", vpc, "--subnet-id", subnet, "--name", "x-nic", "--primary-ip", "10.40.1.10", "--query", "NetworkInterface.NetworkInterfaceId")
		gw := c.text("vpn", "gw", "create", "--vpc-id", vpc, "--name", "x-gw", "--bandwidth", "10", "--wait", "--query", "VpnGateway.VpnGatewayId")
		cgw := c.text("vpn", "cgw", "create", "--name", "x-idc", "--ip-address", "203.0.113.40", "--query", "CustomerGateway.CustomerGatewayId")
		conn := c.text("vpn", "conn", "create", "--vpc-id", vpc, "--vpn-gateway-id", gw, "--customer-gateway-id", cgw,
			"--name", "x-t1", "--pre-shared-key", "cross-psk", "--spd", `[{"LocalCidrBlock":"10.40.0.0/16","RemoteCidrBlock":["192.168.40.0/24"]}]`,
			"--wait", "--query", "VpnConnection.VpnConnectionId")

		c.wantText(vpc+"\tx-v3\t10.40.0.0/16\t1", "vpc", "list", L, "--vpc-id", vpc, "--query", "data[].[unVpcId, vpcName, cidrBlock, subnetNum]")
		tb := c.table("vpc", "list", L)
		wantCells(t, tb.row(t, "ID", vpc), "NAME", "x-v3", "SUBNETS", "1")
		c.wantText(subnet+"\tx-web\t10.40.1.0/24\t"+zone, "subnet", "list", L, "--vpc-id", vpc,
			"--query", "data[].[unSubnetId, subnetName, cidrBlock, zone]")
		tb = c.table("rtb", "list", L, "--vpc-id", vpc)
		wantCells(t, tb.row(t, "ID", rtb), "NAME", "x-rt", "VPC", vpc)
		wantCells(t, tb.row(t, "NAME", "default"), "SUBNETS", "1")
		wantCells(t, c.table("rtb", "route", "list", rtb, L).row(t, "DESTINATION", "172.16.0.0/16"), "NEXT HOP", "10.40.1.5")
		c.wantText(eni+"\tx-nic\t10.40.1.10", "eni", "list", L, "--vpc-id", vpc,
			"--query", "data.data[].[networkInterfaceId, eniName, privateIpAddressesSet[0].privateIpAddress]")
		tb = c.table("vpn", "gw", "list", L, "--vpc-id", vpc)
		wantCells(t, tb.row(t, "ID", gw), "NAME", "x-gw", "BANDWIDTH", "10", "STATE", "AVAILABLE")
		wantCells(t, c.table("vpn", "cgw", "list", L).row(t, "ID", cgw), "NAME", "x-idc", "IP ADDRESS", "203.0.113.40", "TUNNELS", "1")
		c.wantText(conn+"\tx-t1\t"+gw+"\t"+cgw, "vpn", "conn", "list", L, "--vpc-id", vpc,
			"--query", "data[].[unVpnConnId, vpnConnName, unVpnGwId, unUserGwId]")

		// And deleted with the legacy API, gone from API 3.0.
		c.quiet("vpn", "conn", "delete", conn, "--vpn-gateway-id", gw, "--vpc-id", vpc, L, "-y", "--wait")
		c.wantText("0", "vpn", "conn", "list", "--filter", "vpc-id="+vpc, "--query", "TotalCount")
		c.quiet("vpn", "cgw", "delete", cgw, L, "-y")
		c.gone("vpn", "cgw", "show", cgw)
		c.quiet("eni", "delete", eni, "--vpc-id", vpc, L, "-y", "--wait")
		c.gone("eni", "show", eni)
	})

	t.Run("legacy to API 3.0", func(t *testing.T) {
		c := &cloud{t: t, env: c.env}
		doc := c.json("vpc", "create", L, "--name", "x-lg", "--cidr-block", "172.16.0.0/16", "--subnets",
			`[{"subnetName":"x-web","cidrBlock":"172.16.1.0/24","zoneId":"`+zoneID+`"},{"subnetName":"x-db","cidrBlock":"172.16.2.0/24","zoneId":"`+zoneID+`"}]`)
		vpc := fmt.Sprint(field(t, doc, "unVpcId"))
		web, db := fmt.Sprint(field(t, doc, "subnetSet.0.unSubnetId")), fmt.Sprint(field(t, doc, "subnetSet.1.unSubnetId"))
		mainRtb := fmt.Sprint(field(t, doc, "routeTableSet.0.routeTableId"))
		wantFields(t, doc, "subnetSet.0.subnetName", "x-web", "subnetSet.1.subnetName", "x-db",
			"subnetSet.0.routeTableId", mainRtb, "routeTableSet.0.routeTableName", "default")
		rtb := c.text("rtb", "create", L, "--vpc-id", vpc, "--name", "x-lrt", "--query", "unRouteTableId", "--routes",
			`[{"destinationCidrBlock":"10.80.0.0/16","nextType":"9","nextHub":"172.16.1.5"}]`)
		c.quiet("eni", "create", L, "--vpc-id", vpc, "--subnet-id", db, "--name", "x-lnic", "--primary-ip", "172.16.2.10", "--wait")
		eni := c.text("eni", "list", L, "--vpc-id", vpc, "--query", "data.data[0].networkInterfaceId")
		gw := c.text("vpn", "gw", "create", L, "--vpc-id", vpc, "--name", "x-lgw", "--bandwidth", "5",
			"--charge-type", "POSTPAID_BY_HOUR", "--query", "data.vpnGwId")
		cgw := c.text("vpn", "cgw", "create", L, "--name", "x-lidc", "--ip-address", "198.51.100.40", "--query", "userGwId")
		c.waitState("DescribeVpnGateways", "VpnGatewayIds", gw, "VpnGatewaySet[0].State", "AVAILABLE")
		c.quiet("vpn", "conn", "create", L, "--vpc-id", vpc, "--vpn-gateway-id", gw, "--customer-gateway-id", cgw,
			"--name", "x-lt1", "--pre-shared-key", "cross-psk", "--remote-cidr", "10.88.0.0/16", "--wait")

		c.wantText(vpc+"\tx-lg\t172.16.0.0/16", "vpc", "list", "--filter", "vpc-id="+vpc, "--query", "VpcSet[].[VpcId, VpcName, CidrBlock]")
		tb := c.table("subnet", "list", "--filter", "vpc-id="+vpc)
		wantCells(t, tb.row(t, "ID", web), "NAME", "x-web", "CIDR", "172.16.1.0/24", "ZONE", zone)
		wantCells(t, tb.row(t, "ID", db), "NAME", "x-db", "CIDR", "172.16.2.0/24", "ZONE", zone)
		c.wantText(joinLines(mainRtb+"\t"+web, mainRtb+"\t"+db), "rtb", "list", "--filter", "vpc-id="+vpc,
			"--filter", "association.main=true", "--query", "RouteTableSet[].AssociationSet[].[RouteTableId, SubnetId]")
		tb = c.table("rtb", "list", "--filter", "vpc-id="+vpc)
		wantCells(t, tb.row(t, "ID", rtb), "NAME", "x-lrt", "MAIN", "false", "ROUTES", "1")
		wantCells(t, tb.row(t, "ID", mainRtb), "NAME", "default", "MAIN", "true", "SUBNETS", "2")
		wantCells(t, c.table("rtb", "route", "list", rtb).row(t, "DESTINATION", "10.80.0.0/16"), "NEXT HOP TYPE", "NORMAL_CVM", "NEXT HOP", "172.16.1.5")
		wantFields(t, c.json("eni", "list", "--vpc-id", vpc), "TotalCount", "1",
			"NetworkInterfaceSet.0.NetworkInterfaceId", eni, "NetworkInterfaceSet.0.SubnetId", db,
			"NetworkInterfaceSet.0.PrivateIpAddressSet.0.PrivateIpAddress", "172.16.2.10")
		wantCells(t, c.table("vpn", "gw", "list", "--filter", "vpc-id="+vpc).row(t, "ID", gw), "NAME", "x-lgw", "STATE", "AVAILABLE")
		wantCells(t, c.table("vpn", "cgw", "list", "--customer-gateway-id", cgw).row(t, "ID", cgw), "NAME", "x-lidc", "IP ADDRESS", "198.51.100.40")
		doc = c.json("vpn", "conn", "list", "--filter", "vpc-id="+vpc)
		wantFields(t, doc, "TotalCount", "1", "VpnConnectionSet.0.VpnConnectionName", "x-lt1",
			"VpnConnectionSet.0.VpnGatewayId", gw, "VpnConnectionSet.0.CustomerGatewayId", cgw, "VpnConnectionSet.0.State", "AVAILABLE")
		conn := fmt.Sprint(field(t, doc, "VpnConnectionSet.0.VpnConnectionId"))
		c.wantText(conn, "vpn", "conn", "list", L, "--vpc-id", vpc, "--query", "data[].unVpnConnId")

		// And deleted with API 3.0, gone from the legacy API.
		c.quiet("eni", "delete", eni, "-y", "--wait")
		c.gone("eni", "show", eni, L)
		c.quiet("rtb", "delete", rtb, "-y")
		c.gone("rtb", "show", rtb, L)
		c.quiet("subnet", "delete", web, "-y")
		c.gone("subnet", "show", web, "--vpc-id", vpc, L)
	})
}
