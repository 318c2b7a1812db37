package cmd

import (
	"encoding/json"
	"github.com/tcvpc/tcvpc/pkg/api/model"
	"io"
	"strings"

	"github.com/spf13/pflag"
	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// The options of a VPN tunnel as one set of flags in both styles. API 3.0
// names them IKEOptionsSpecification.* and IPSECOptionsSpecification.*
// (004:7228, 004:7248) with upper-case values; the legacy API names them
// IKESet.* and IPsecSet.* (004:11964) in lower case and spells SHA1 "sha".
// The builder maps names and values; --ike and --ipsec stay as wire JSON.
var vpnTunnelOptions = []Param{
	{Flag: "ike-version", V3: "IKEOptionsSpecification.IKEVersion", Usage: "IKE version: IKEV1 (default) or IKEV2"},
	{Flag: "ike-exchange-mode", V3: "IKEOptionsSpecification.ExchangeMode", Legacy: "IKESet.exchangeMode",
		Usage: "IKE negotiation mode: MAIN (default) or AGGRESSIVE"},
	{Flag: "ike-encryption", V3: "IKEOptionsSpecification.PropoEncryAlgorithm", Legacy: "IKESet.propoEncryAlgorithm",
		Usage: "IKE encryption algorithm (default 3DES-CBC)"},
	{Flag: "ike-integrity", V3: "IKEOptionsSpecification.PropoAuthenAlgorithm", Legacy: "IKESet.propoAuthenAlgorithm",
		Usage: "IKE authentication algorithm: MD5 (default) or SHA1"},
	{Flag: "ike-dh-group", V3: "IKEOptionsSpecification.DhGroupName", Legacy: "IKESet.dhGroupName",
		Usage: "Diffie-Hellman group of the IKE key exchange (default GROUP1)"},
	{Flag: "ike-lifetime", V3: "IKEOptionsSpecification.IKESaLifetimeSeconds", Legacy: "IKESet.ikeSaLifetimeSeconds",
		Usage: "IKE SA lifetime in seconds, 60 to 604800 (service default 86400)"},
	{Flag: "ike-local-identity", V3: "IKEOptionsSpecification.LocalIdentity", Legacy: "IKESet.localIdentity",
		Usage: "how the VPN gateway identifies itself: ADDRESS (default) or FQDN"},
	{Flag: "ike-local-address", V3: "IKEOptionsSpecification.LocalAddress", Legacy: "IKESet.localAddress",
		Usage: "local identity for ADDRESS (default: the gateway's public IP)"},
	{Flag: "ike-local-fqdn", V3: "IKEOptionsSpecification.LocalFqdnName", Legacy: "IKESet.localFqdnName",
		Usage: "local identity for --ike-local-identity FQDN"},
	{Flag: "ike-remote-identity", V3: "IKEOptionsSpecification.RemoteIdentity", Legacy: "IKESet.remoteIdentity",
		Usage: "how the customer gateway identifies itself: ADDRESS (default) or FQDN"},
	{Flag: "ike-remote-address", V3: "IKEOptionsSpecification.RemoteAddress", Legacy: "IKESet.remoteAddress",
		Usage: "remote identity for ADDRESS (default: the customer gateway's IP)"},
	{Flag: "ike-remote-fqdn", V3: "IKEOptionsSpecification.RemoteFqdnName", Legacy: "IKESet.remoteFqdnName",
		Usage: "remote identity for --ike-remote-identity FQDN"},
	{Flag: "ipsec-encryption", V3: "IPSECOptionsSpecification.EncryptAlgorithm", Legacy: "IPsecSet.encryptAlgorithm",
		Usage: "IPsec encryption algorithm (NULL: none)"},
	{Flag: "ipsec-integrity", V3: "IPSECOptionsSpecification.IntegrityAlgorithm", Legacy: "IPsecSet.integrityAlgorithm",
		Usage: "IPsec authentication algorithm: MD5 (default) or SHA1"},
	{Flag: "ipsec-pfs", V3: "IPSECOptionsSpecification.PfsDhGroup", Legacy: "IPsecSet.pfsDhGroup",
		Usage: "perfect forward secrecy: a DH group, or NULL (default) for none"},
	{Flag: "ipsec-lifetime", V3: "IPSECOptionsSpecification.IPSECSaLifetimeSeconds", Legacy: "IPsecSet.ipsecSaLifetimeSeconds",
		Usage: "IPsec SA lifetime in seconds, 180 to 604800 (service default 3600)"},
	{Flag: "ipsec-lifetime-traffic", V3: "IPSECOptionsSpecification.IPSECSaLifetimeTraffic", Legacy: "IPsecSet.ipsecSaLifetimeTraffic",
		Usage: "IPsec SA lifetime in KB of traffic, 2560 to 604800"},
}

// spdEntry is one security policy database entry: a local CIDR and the
// remote CIDRs it may talk to.
type spdEntry struct {
	Local  string   `json:"LocalCidrBlock"`
	Remote []string `json:"RemoteCidrBlock"`
}

// vpnTunnelFlags registers the tunnel's network flags (--local-cidr,
// --remote-cidr, --spd) and returns the fold that writes them in each
// style: API 3.0 SecurityPolicyDatabases (004:3965); legacy userGwCidrBlock
// for remote CIDRs alone, else spdAcl, one JSON object of local CIDR to
// remote CIDRs (AddVpnConnEx, a string) or one such object per entry
// (ModifyVpnConnEx, a list). required: the command needs some networks.
// It also checks the identity flags, which depend on each other.
func vpnTunnelFlags(required bool) func(fs *pflag.FlagSet) Fold {
	return func(fs *pflag.FlagSet) Fold {
		fs.StringSlice("local-cidr", nil, "VPC CIDR block that may use the tunnel (repeatable; each is paired with every --remote-cidr)")
		fs.StringSlice("remote-cidr", nil, "customer network CIDR block the VPC may reach (repeatable)")
		fs.StringArray("spd", nil, "security policy entry LOCAL=REMOTE[,REMOTE...] (repeatable), or the API 3.0 list as JSON or @FILE")
		return func(cmdPath string, style api.Style, t params.Tree, stdin io.Reader) error {
			if err := vpnCheckIdentities(fs); err != nil {
				return err
			}
			locals, _ := fs.GetStringSlice("local-cidr")
			remotes, _ := fs.GetStringSlice("remote-cidr")
			specs, _ := fs.GetStringArray("spd")
			cidr := formatCheck(model.FormatIPv4CIDR)
			for _, c := range locals {
				if err := cidr("--local-cidr", c); err != nil {
					return err
				}
			}
			for _, c := range remotes {
				if err := cidr("--remote-cidr", c); err != nil {
					return err
				}
			}
			if len(locals) > 0 && len(remotes) == 0 {
				return usagef("--local-cidr needs --remote-cidr: the customer networks it may reach")
			}
			var entries []spdEntry
			for _, s := range specs {
				got, err := parseSPD(s, stdin)
				if err != nil {
					return err
				}
				entries = append(entries, got...)
			}
			for _, l := range locals {
				entries = append(entries, spdEntry{Local: l, Remote: remotes})
			}
			entries = mergeSPD(entries)
			_, rawACL := t["spdAcl"]
			if rawACL && (len(entries) > 0 || len(remotes) > 0) {
				return usagef("--spd-acl and --local-cidr/--remote-cidr/--spd exclude each other")
			}
			if style == api.V3 {
				if len(remotes) > 0 && len(locals) == 0 {
					return usagef("--remote-cidr needs --local-cidr in API 3.0: each VPC CIDR block is paired with the remote ones")
				}
				if len(entries) == 0 {
					if required {
						return usagef("%s needs --local-cidr and --remote-cidr, or --spd", cmdPath)
					}
					return nil
				}
				list := make([]any, 0, len(entries))
				for _, e := range entries {
					list = append(list, map[string]any{"LocalCidrBlock": e.Local, "RemoteCidrBlock": strs(e.Remote)})
				}
				t["SecurityPolicyDatabases"] = list
				return nil
			}
			switch {
			case len(entries) == 0 && len(remotes) > 0:
				// The legacy API pairs remote CIDRs with the whole VPC.
				t["userGwCidrBlock"] = strs(remotes)
			case len(entries) == 0:
				if required && !rawACL {
					return usagef("%s needs --remote-cidr (with --local-cidr for part of the VPC), --spd or --spd-acl", cmdPath)
				}
			case required:
				t["spdAcl"] = spdACL(entries)
			default:
				list := make([]any, 0, len(entries))
				for _, e := range entries {
					list = append(list, spdACL([]spdEntry{e}))
				}
				t["spdAcl"] = list
			}
			return nil
		}
	}
}

// parseSPD reads one --spd value: LOCAL=REMOTE[,REMOTE...], or a JSON
// list (inline or @FILE) of {"LocalCidrBlock":…,"RemoteCidrBlock":[…]}.
func parseSPD(s string, stdin io.Reader) ([]spdEntry, error) {
	cidr := formatCheck(model.FormatIPv4CIDR)
	if strings.HasPrefix(s, "[") || strings.HasPrefix(s, "@") {
		v, err := readJSONArg(stdin, "--spd", s)
		if err != nil {
			return nil, err
		}
		b, _ := json.Marshal(v)
		var list []spdEntry
		if err := json.Unmarshal(b, &list); err != nil {
			return nil, usagef(`invalid value for --spd: expected [{"LocalCidrBlock":CIDR,"RemoteCidrBlock":[CIDR,...]}]`)
		}
		for _, e := range list {
			if err := cidr("--spd", e.Local); err != nil {
				return nil, err
			}
			if len(e.Remote) == 0 {
				return nil, usagef("invalid value for --spd: entry %s has no RemoteCidrBlock", e.Local)
			}
			for _, r := range e.Remote {
				if err := cidr("--spd", r); err != nil {
					return nil, err
				}
			}
		}
		return list, nil
	}
	local, rest, ok := strings.Cut(s, "=")
	if !ok || rest == "" {
		return nil, usagef("invalid value %q for --spd: expected LOCAL=REMOTE[,REMOTE...], e.g. 10.0.0.0/16=172.16.0.0/16", s)
	}
	e := spdEntry{Local: strings.TrimSpace(local)}
	if err := cidr("--spd", e.Local); err != nil {
		return nil, err
	}
	for _, r := range strings.Split(rest, ",") {
		r = strings.TrimSpace(r)
		if err := cidr("--spd", r); err != nil {
			return nil, err
		}
		e.Remote = append(e.Remote, r)
	}
	return []spdEntry{e}, nil
}

// mergeSPD keeps one entry per local CIDR, in the order given.
func mergeSPD(entries []spdEntry) []spdEntry {
	var out []spdEntry
	at := map[string]int{}
	for _, e := range entries {
		i, ok := at[e.Local]
		if !ok {
			at[e.Local] = len(out)
			out = append(out, spdEntry{Local: e.Local})
			i = len(out) - 1
		}
		for _, r := range e.Remote {
			if !contains(out[i].Remote, r) {
				out[i].Remote = append(out[i].Remote, r)
			}
		}
	}
	return out
}

// spdACL writes entries as the legacy spdAcl JSON, keeping their order.
func spdACL(entries []spdEntry) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, e := range entries {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(e.Local)
		v, _ := json.Marshal(e.Remote)
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.String()
}

func strs(list []string) []any {
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = s
	}
	return out
}

// vpnCheckIdentities: an FQDN identity needs its name, and a name or an
// address goes with the identity type it belongs to (004:7228).
func vpnCheckIdentities(fs *pflag.FlagSet) error {
	for _, side := range []string{"local", "remote"} {
		id := "--ike-" + side + "-identity"
		fqdn := "--ike-" + side + "-fqdn"
		addr := "--ike-" + side + "-address"
		if fs.Lookup(id[2:]) == nil {
			continue
		}
		kind, _ := fs.GetString(id[2:])
		isFQDN := strings.EqualFold(kind, "FQDN")
		switch {
		case isFQDN && !fs.Changed(fqdn[2:]):
			return usagef("%s FQDN needs %s", id, fqdn)
		case fs.Changed(fqdn[2:]) && !isFQDN:
			return usagef("%s needs %s FQDN", fqdn, id)
		case isFQDN && fs.Changed(addr[2:]):
			return usagef("%s applies to %s ADDRESS, not FQDN (use %s)", addr, id, fqdn)
		}
	}
	return nil
}
