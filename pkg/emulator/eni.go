package emulator

// ENI is an elastic network interface with its private IPs.
type ENI struct {
	base
	VpcID      string      `json:"vpcId"`
	SubnetID   string      `json:"subnetId"`
	Name       string      `json:"name"`
	Desc       string      `json:"desc,omitempty"`
	MAC        string      `json:"mac"`
	Groups     []string    `json:"groups,omitempty"`
	InstanceID string      `json:"instanceId,omitempty"`
	PrivateIPs []PrivateIP `json:"privateIps"`
}

// PrivateIP is one address of an ENI.
type PrivateIP struct {
	Address     string `json:"address"`
	Primary     bool   `json:"primary,omitempty"`
	Description string `json:"description,omitempty"`
}

func registerENI(h map[string]handler) {}
