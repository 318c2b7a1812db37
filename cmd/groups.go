package cmd

// groups describes the intermediate commands of the tree.
var groups = map[string]struct {
	short   string
	aliases []string
}{
	"vpn":  {"VPN gateways, tunnels and customer gateways", nil},
	"conn": {"VPN tunnels (connections)", []string{"connection", "connections", "tunnel"}},
}
