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
	h["v3/DescribeAddresses"] = v3DescribeAddresses
	h["v3/ModifyAddressAttribute"] = v3ModifyAddressAttribute
	h["v3/AssociateAddress"] = v3AssociateAddress
	h["v3/DisassociateAddress"] = v3DisassociateAddress
	h["v3/DescribeAddressQuota"] = v3DescribeAddressQuota
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
	n, err := c.intParam("AddressCount", 1)
	if err != nil {
		return nil, err
	}
	if n < 1 {
		return nil, errf("InvalidParameterValue", "AddressCount must be at least 1.")
	}
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

func v3Address(c *call, st *Store, id string) (*EIP, *apiError) {
	if err := c.checkID("AddressId", id, "eip-"); err != nil {
		return nil, errf(c.pick("InvalidAddressId.Malformed", "InvalidParameterValue.Malformed"), "%s", err.Message)
	}
	a := st.EIPs.get(id)
	if a == nil {
		return nil, errf(c.pick("InvalidAddressId.NotFound", "ResourceNotFound"), "The EIP %s does not exist.", id)
	}
	return a, nil
}

func v3ReleaseAddresses(c *call, st *Store) (map[string]any, *apiError) {
	ids := c.strs("AddressIds")
	if len(ids) == 0 {
		return nil, c.missing("AddressIds")
	}
	for _, id := range ids {
		a, err := v3Address(c, st, id)
		if err != nil {
			return nil, err
		}
		if a.status() == "BIND" {
			return nil, errf(c.pick("InvalidAddressState", "UnsupportedOperation"), "The EIP %s is bound; disassociate it first.", id)
		}
	}
	for _, id := range ids {
		st.EIPs.del(id)
	}
	st.dirty = true
	return nil, nil
}

func v3ModifyAddressAttribute(c *call, st *Store) (map[string]any, *apiError) {
	a, err := v3Address(c, st, c.str("AddressId"))
	if err != nil {
		return nil, err
	}
	if !nameOK(c.str("AddressName")) {
		return nil, errf("InvalidParameterValue", "AddressName must be 1 to 60 characters.")
	}
	a.Name = c.str("AddressName")
	st.dirty = true
	return nil, nil
}

func v3AssociateAddress(c *call, st *Store) (map[string]any, *apiError) {
	a, err := v3Address(c, st, c.str("AddressId"))
	if err != nil {
		return nil, err
	}
	if a.status() == "BIND" {
		return nil, errf(c.pick("InvalidAddressState", "UnsupportedOperation"), "The EIP %s is already bound.", a.ID)
	}
	inst, eni := c.str("InstanceId"), c.str("NetworkInterfaceId")
	switch {
	case inst != "" && eni != "":
		return nil, errf("InvalidParameter.Coexist", "InstanceId and NetworkInterfaceId cannot both be given.")
	case inst == "" && eni == "":
		return nil, c.missing("InstanceId")
	case eni != "":
		e := st.ENIs.get(eni)
		if e == nil {
			return nil, errf("ResourceNotFound", "The network interface %s does not exist.", eni)
		}
		ip := c.str("PrivateIpAddress")
		if ip == "" {
			return nil, c.missing("PrivateIpAddress")
		}
		if _, p := e.ip(ip); p == nil {
			return nil, errf("ResourceNotFound", "The network interface %s has no private IP %s.", eni, ip)
		}
		if other := st.eipOn(eni, ip); other != nil {
			return nil, errf(c.pick("InvalidAddressState", "UnsupportedOperation"), "The private IP %s of %s has the EIP %s already.", ip, eni, other.ID)
		}
		a.ENIID, a.PrivateIP = eni, ip
	default:
		a.InstanceID = inst
	}
	st.dirty = true
	return nil, nil
}

func v3DisassociateAddress(c *call, st *Store) (map[string]any, *apiError) {
	a, err := v3Address(c, st, c.str("AddressId"))
	if err != nil {
		return nil, err
	}
	if a.status() != "BIND" {
		return nil, errf(c.pick("InvalidAddressState", "UnsupportedOperation"), "The EIP %s is not bound.", a.ID)
	}
	if st.NatGateways.get(a.InstanceID) != nil {
		return nil, errf("UnsupportedOperation", "The EIP %s belongs to the NAT gateway %s; unbind it there (EipUnBindNatGateway).", a.ID, a.InstanceID)
	}
	a.InstanceID, a.ENIID, a.PrivateIP = "", "", ""
	st.dirty = true
	return nil, nil
}

func v3DescribeAddresses(c *call, st *Store) (map[string]any, *apiError) {
	return listV3(c, &st.EIPs, "AddressIds", "AddressSet", "", filterFuncs[*EIP]{
		"address-id":           func(a *EIP) string { return a.ID },
		"address-name":         func(a *EIP) string { return a.Name },
		"address-ip":           func(a *EIP) string { return a.IP },
		"address-status":       func(a *EIP) string { return a.shownStatus(st) },
		"instance-id":          func(a *EIP) string { return a.InstanceID },
		"private-ip-address":   func(a *EIP) string { return a.PrivateIP },
		"network-interface-id": func(a *EIP) string { return a.ENIID },
		"is-arrears":           func(a *EIP) string { return "false" },
	}, func(a *EIP) any { return a.v3(st) })
}

func v3DescribeAddressQuota(c *call, st *Store) (map[string]any, *apiError) {
	return map[string]any{"QuotaSet": []any{
		map[string]any{"QuotaId": "TOTAL_EIP_QUOTA", "QuotaCurrent": st.EIPs.len(), "QuotaLimit": eipQuota},
	}}, nil
}
