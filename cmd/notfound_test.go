package cmd

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/tcvpc/tcvpc/pkg/emulator"
	"github.com/tcvpc/tcvpc/pkg/iostreams"
	"go.yaml.in/yaml/v3"
)

// unknownIDs gives each show command an ID of the right shape that the
// emulator has never made, and any flags it needs besides.
var unknownIDs = map[string][]string{
	"tcvpc acl show":                    {"acl-00000000"},
	"tcvpc dcg show":                    {"dcg-00000000"},
	"tcvpc eip show":                    {"eip-00000000"},
	"tcvpc eni show":                    {"eni-00000000"},
	"tcvpc flowlog show":                {"fl-00000000", "--vpc-id", "vpc-00000000"},
	"tcvpc nat show":                    {"nat-00000000"},
	"tcvpc peering show":                {"pcx-00000000"},
	"tcvpc route-table show":            {"rtb-00000000"},
	"tcvpc sg show":                     {"sg-00000000"},
	"tcvpc subnet show":                 {"subnet-00000000"},
	"tcvpc task show":                   {"999999"},
	"tcvpc template address show":       {"ipm-00000000"},
	"tcvpc template address-group show": {"ipmg-00000000"},
	"tcvpc template service show":       {"ppm-00000000"},
	"tcvpc template service-group show": {"ppmg-00000000"},
	"tcvpc vpc show":                    {"vpc-00000000"},
	"tcvpc vpn cgw show":                {"cgw-00000000"},
	"tcvpc vpn conn show":               {"vpnx-00000000"},
	"tcvpc vpn gw show":                 {"vpngw-00000000"},
}

// legacyNeeds is what a show needs besides the ID in the legacy API.
var legacyNeeds = map[string][]string{
	"tcvpc subnet show": {"--vpc-id", "vpc-00000000"},
}

func showCommands(t *testing.T) []*cobra.Command {
	t.Helper()
	io, _, _ := iostreams.Test("", false)
	root := Tree(&Factory{IO: io, Getenv: func(string) string { return "" }})
	var shows []*cobra.Command
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, s := range c.Commands() {
			if s.Name() == "show" && s.Parent().Name() != "api" {
				shows = append(shows, s)
			}
			walk(s)
		}
	}
	walk(root)
	return shows
}

// Every show of an unknown ID, in both styles and all four formats, is
// exit 1 with ResourceNotFound (or the legacy API's own *.NotFound) on
// stderr and nothing on stdout.
func TestShowUnknownIDIsNotFoundInEveryFormat(t *testing.T) {
	emu, err := emulator.New(emulator.Options{TaskDelay: -1})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptestServer(t, emu)
	env := map[string]string{
		"TENCENTCLOUD_SECRET_ID":  emulator.DemoSecretID,
		"TENCENTCLOUD_SECRET_KEY": emulator.DemoSecretKey,
		"TENCENTCLOUD_REGION":     "ap-guangzhou",
		"TCVPC_ENDPOINT":          srv,
	}
	shows := showCommands(t)
	if len(shows) != len(unknownIDs) {
		t.Errorf("%d show commands, %d in unknownIDs: add the new one", len(shows), len(unknownIDs))
	}
	for _, c := range shows {
		args, ok := unknownIDs[c.CommandPath()]
		if !ok {
			t.Errorf("%s is not in unknownIDs", c.CommandPath())
			continue
		}
		var styles [][]string
		if c.Annotations["v3"] != "" {
			styles = append(styles, nil)
		}
		if c.Annotations["legacy"] != "" {
			styles = append(styles, append([]string{"--legacy"}, legacyNeeds[c.CommandPath()]...))
		}
		for _, style := range styles {
			for _, format := range []string{"table", "text", "json", "yaml"} {
				line := append(strings.Fields(strings.TrimPrefix(c.CommandPath(), "tcvpc ")), args...)
				line = append(append(line, style...), "-o", format)
				res := run{env: env}.exec(t, line...)
				// The legacy API names the kind: [5000 InvalidRouteTableId.NotFound].
				notFound := strings.HasPrefix(res.err, "Error: [") && strings.Contains(res.err, "NotFound] ")
				if format == "json" || format == "yaml" {
					o := decodeErrorObject(t, format, res.err)
					notFound = o.ExitCode == 1 && (o.Error.Code == "ResourceNotFound" || o.Error.CodeDesc == "ResourceNotFound" || strings.HasSuffix(o.Error.CodeDesc, ".NotFound"))
				}
				if res.code != 1 || res.stdout != "" || !notFound {
					t.Errorf("tcvpc %s: exit %d\nstdout: %q\nstderr: %q", strings.Join(line, " "), res.code, res.stdout, res.err)
				}
			}
		}
	}
}

// decodeErrorObject reads stderr as exactly one error object.
func decodeErrorObject(t *testing.T, format, stderr string) errorObject {
	t.Helper()
	var o errorObject
	var err error
	if format == "json" {
		dec := json.NewDecoder(strings.NewReader(stderr))
		dec.DisallowUnknownFields()
		if err = dec.Decode(&o); err == nil && dec.More() {
			err = fmt.Errorf("more after the object")
		}
	} else {
		dec := yaml.NewDecoder(strings.NewReader(stderr))
		dec.KnownFields(true)
		err = dec.Decode(&o)
	}
	if err != nil {
		t.Errorf("stderr is not one %s error object (%v): %q", format, err, stderr)
	}
	return o
}
