package emulator

// EIP is an elastic public IP.
type EIP struct {
	base
	Name       string `json:"name"`
	IP         string `json:"ip"`
	InstanceID string `json:"instanceId,omitempty"`
	ENIID      string `json:"eniId,omitempty"`
	PrivateIP  string `json:"privateIp,omitempty"`
}

// eipQuota is the documented per-region EIP quota.
const eipQuota = 20

func registerEIP(h map[string]handler) {
	h["v3/AllocateAddresses"] = v3AllocateAddresses
	h["v3/ReleaseAddresses"] = v3ReleaseAddresses
	h["v3/DescribeAddresses"] = eips.describeV3
	h["v3/ModifyAddressAttribute"] = v3ModifyAddressAttribute
	h["v3/AssociateAddress"] = v3AssociateAddress
	h["v3/DisassociateAddress"] = v3DisassociateAddress
	h["v3/DescribeAddressQuota"] = v3DescribeAddressQuota
}

var eips = &kind[*EIP]{
	noun: "EIP", prefix: "eip-", rows: func(s *Store) *table[*EIP] { return &s.EIPs },
	code: "InvalidAddressId",

	idsParam: "AddressIds", set: "AddressSet",
	filters: []attr[*EIP]{
		{"address-id", func(a *EIP) string { return a.ID }},
		{"address-name", func(a *EIP) string { return a.Name }},
		{"address-ip", func(a *EIP) string { return a.IP }},
		{"instance-id", func(a *EIP) string { return a.InstanceID }},
		{"private-ip-address", func(a *EIP) string { return a.PrivateIP }},
		{"network-interface-id", func(a *EIP) string { return a.ENIID }},
		{"is-arrears", func(*EIP) string { return "false" }},
	},
	filtersAt: []attrAt[*EIP]{{"address-status", func(st *Store, a *EIP) []string { return []string{a.shownStatus(st)} }}},
	v3Row:     func(st *Store, a *EIP) any { return a.v3(st) },
}

// eipStateError refuses a change the EIP's binding does not allow.
func (c *call) eipStateError(format string, args ...any) *apiError {
	return errf(c.pick("InvalidAddressIdStatus.NotPermit", "InvalidAddressState", "UnsupportedOperation"), format, args...)
}

func (a *EIP) status() string {
	if a.InstanceID != "" || a.ENIID != "" {
		return "BIND"
	}
	return "UNBIND"
}

// shownStatus is the documented AddressStatus: an EIP on a network
// interface that no instance holds is BIND_ENI (bound to a dangling ENI).
func (a *EIP) shownStatus(st *Store) string {
	if a.InstanceID == "" && a.ENIID != "" {
		if e := st.ENIs.get(a.ENIID); e == nil || e.InstanceID == "" {
			return "BIND_ENI"
		}
	}
	return a.status()
}

func (a *EIP) v3(st *Store) map[string]any {
	return map[string]any{
		"AddressId": a.ID, "AddressName": a.Name, "AddressStatus": a.shownStatus(st), "AddressIp": a.IP,
		"InstanceId": a.InstanceID, "CreatedTime": a.created(), "NetworkInterfaceId": a.ENIID,
		"PrivateAddressIp": a.PrivateIP, "IsArrears": false, "IsBlocked": false,
		"IsEipDirectConnection": false, "AddressType": "EIP", "CascadeRelease": false, "TagSet": []any{},
	}
}

func v3AllocateAddresses(c *call, st *Store) (map[string]any, *apiError) {
	n, _ := c.intParam("AddressCount", 1) // the model holds its range
	if st.EIPs.len()+n > eipQuota {
		return nil, errf(c.pick("AddressQuotaLimitExceeded", "LimitExceeded"), "The account may hold %d EIPs; it has %d.", eipQuota, st.EIPs.len())
	}
	ids := []any{}
	for range n {
		a := &EIP{base: st.newBase(c, "eip-"), IP: c.publicIP()}
		st.EIPs.put(a)
		ids = append(ids, a.ID)
	}
	return map[string]any{"AddressSet": ids}, nil
}

func v3ReleaseAddresses(c *call, st *Store) (map[string]any, *apiError) {
	ids := c.strs("AddressIds")
	if len(ids) == 0 {
		return nil, c.missing("AddressIds")
	}
	for _, id := range ids {
		a, err := eips.lookup(c, st, "AddressIds", id)
		if err != nil {
			return nil, err
		}
		if a.status() == "BIND" {
			return nil, c.eipStateError("The EIP %s is bound; disassociate it first.", id)
		}
	}
	for _, id := range ids {
		st.EIPs.del(id)
	}
	st.dirty = true
	return nil, nil
}

func v3ModifyAddressAttribute(c *call, st *Store) (map[string]any, *apiError) {
	a, err := eips.find(c, st, "AddressId")
	if err != nil {
		return nil, err
	}
	if c.str("AddressName") == "" { // the model holds the longest
		return nil, c.invalid("AddressName", "a name is 1 to 20 characters")
	}
	a.Name = c.str("AddressName")
	st.dirty = true
	return nil, nil
}

func v3AssociateAddress(c *call, st *Store) (map[string]any, *apiError) {
	a, err := eips.find(c, st, "AddressId")
	if err != nil {
		return nil, err
	}
	if a.status() == "BIND" {
		return nil, c.eipStateError("The EIP %s is already bound.", a.ID)
	}
	inst, eni := c.str("InstanceId"), c.str("NetworkInterfaceId")
	switch {
	case inst != "" && eni != "":
		return nil, errf(c.pick("InvalidParameterConflict", "InvalidParameter"), "InstanceId and NetworkInterfaceId cannot both be given.")
	case inst == "" && eni == "":
		return nil, c.missing("InstanceId")
	case eni != "":
		e, err := enis.find(c, st, "NetworkInterfaceId")
		if err != nil {
			return nil, err
		}
		ip := c.str("PrivateIpAddress")
		if ip == "" {
			return nil, c.missing("PrivateIpAddress")
		}
		if _, p := e.ip(ip); p == nil {
			return nil, errf("ResourceNotFound", "The network interface %s has no private IP %s.", eni, ip)
		}
		if other := st.eipOn(eni, ip); other != nil {
			return nil, errf(c.pick("InvalidPrivateIpAddress.AlreadyBindEip", "UnsupportedOperation"), "The private IP %s of %s has the EIP %s already.", ip, eni, other.ID)
		}
		a.ENIID, a.PrivateIP = eni, ip
	default:
		a.InstanceID = inst
	}
	st.dirty = true
	return nil, nil
}

func v3DisassociateAddress(c *call, st *Store) (map[string]any, *apiError) {
	a, err := eips.find(c, st, "AddressId")
	if err != nil {
		return nil, err
	}
	if a.status() != "BIND" {
		return nil, c.eipStateError("The EIP %s is not bound.", a.ID)
	}
	if st.NatGateways.get(a.InstanceID) != nil {
		return nil, errf("UnsupportedOperation", "The EIP %s belongs to the NAT gateway %s; unbind it there (EipUnBindNatGateway).", a.ID, a.InstanceID)
	}
	a.InstanceID, a.ENIID, a.PrivateIP = "", "", ""
	st.dirty = true
	return nil, nil
}

func v3DescribeAddressQuota(c *call, st *Store) (map[string]any, *apiError) {
	return map[string]any{"QuotaSet": []any{
		map[string]any{"QuotaId": "TOTAL_EIP_QUOTA", "QuotaCurrent": st.EIPs.len(), "QuotaLimit": eipQuota},
	}}, nil
}
