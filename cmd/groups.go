package cmd

// groups describes the intermediate commands of the tree.
var groups = map[string]struct {
	short   string
	aliases []string
}{
	"vpc":           {"Virtual private clouds", []string{"vpcs"}},
	"subnet":        {"Subnets of a VPC", []string{"subnets"}},
	"route-table":   {"Route tables and their routes", []string{"rtb", "route-tables"}},
	"route":         {"Routes (route policies) of a route table", []string{"routes"}},
	"eip":           {"Elastic public IP addresses", []string{"eips", "address"}},
	"eni":           {"Elastic network interfaces", []string{"enis", "network-interface"}},
	"vip":           {"Virtual IPs of CVM instances (legacy)", []string{"vips"}},
	"ip":            {"Private IP addresses of a network interface", []string{"ips"}},
	"sg":            {"Security groups", []string{"security-group", "sgs"}},
	"rule":          {"Rules of a security group or network ACL", []string{"rules", "policy"}},
	"cross-region":  {"Cross-region VPC peering connections (asynchronous)", nil},
	"template":      {"IP address and protocol/port templates and their groups", []string{"templates"}},
	"address":       {"IP address templates", nil},
	"address-group": {"IP address template groups", nil},
	"service":       {"Protocol/port templates", nil},
	"service-group": {"Protocol/port template groups", nil},
	"classiclink":   {"Classic network instances linked to a VPC", []string{"classic-link"}},
	"account":       {"Account attributes", nil},
	"vpn":           {"VPN gateways, tunnels and customer gateways", nil},
	"gw":            {"VPN gateways", []string{"gateway", "gateways"}},
	"conn":          {"VPN tunnels (connections)", []string{"connection", "connections", "tunnel"}},
	"cgw":           {"Customer gateways", []string{"customer-gateway", "customer-gateways"}},
	"acl":           {"Network ACLs of subnets", []string{"network-acl", "acls"}},
	"dcg":           {"Direct connect gateways", []string{"direct-connect-gateway"}},
	"nat-rule":      {"NAT rules of a direct connect gateway", []string{"nat-rules"}},
	"acl-rule":      {"ACL rules of a direct connect gateway", []string{"acl-rules"}},
	"peering":       {"VPC peering connections (same and cross region)", []string{"pcx"}},
	"nat":           {"NAT gateways", []string{"nat-gateway"}},
	"flowlog":       {"Flow logs", []string{"flow-log", "flowlogs"}},
	// Kinds of direct connect gateway rules (under nat-rule and acl-rule).
	"local-ip":               {"Local IP translation: a VPC address seen by the peer as another", nil},
	"peer-ip":                {"Peer IP translation: a peer address seen in the VPC as another", nil},
	"local-source-port":      {"Local source IP port translation: VPC traffic leaves from an IP pool", nil},
	"local-destination-port": {"Local destination IP port translation: the peer reaches a VPC port through another", nil},
}
