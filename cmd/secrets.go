package cmd

import "github.com/tcvpc/tcvpc/pkg/api/model"

// hidden replaces a secret value in output.
const hidden = "[hidden: --show-secrets shows it]"

// configWithKey names the reply fields that embed a tunnel's pre-shared
// key in a longer text: the device configuration of DownloadCustomerGatewayConfiguration
// (API 3.0) and GetVpnConnConfig (legacy). The whole text is hidden.
var configWithKey = [...]string{"CustomerGatewayConfiguration", "configFileInfo"}

// secretNames is every parameter name the API model marks secret, in any
// operation of either style (replies carry them under the same names), and
// the reply fields that embed one.
func secretNames() map[string]bool {
	names := map[string]bool{}
	for _, n := range configWithKey {
		names[n] = true
	}
	var walk func(ps []model.Param)
	walk = func(ps []model.Param) {
		for i := range ps {
			if ps[i].Secret {
				names[ps[i].Name] = true
			}
			walk(ps[i].Fields)
		}
	}
	for _, op := range model.All() {
		walk(op.Params)
	}
	return names
}

// maskSecrets replaces, in place, every non-empty value of a secret field
// anywhere in v.
func maskSecrets(v any, names map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			if names[k] {
				if s, ok := c.(string); !ok || s != "" {
					x[k] = hidden
				}
				continue
			}
			maskSecrets(c, names)
		}
	case []any:
		for _, c := range x {
			maskSecrets(c, names)
		}
	}
}
