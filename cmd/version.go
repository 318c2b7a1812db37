package cmd

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
	"github.com/tcvpc/tcvpc/pkg/output"
	"go.yaml.in/yaml/v3"
)

// fromBuildInfo fills what the linker flags did not set from the build
// information Go records in every binary: the module version of `go
// install …@v1.2.3`, else the VCS revision and time of a build in a
// checkout (a modified tree is marked "+dirty", as Go marks the pseudo-versions
// it records).
func fromBuildInfo(version, commit, date string, info *debug.BuildInfo) (string, string, string) {
	if info == nil {
		return version, commit, date
	}
	var rev, when string
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if commit == "" {
		commit = rev
	}
	if date == "" {
		date = when
	}
	if version == "dev" || version == "" {
		switch {
		case info.Main.Version != "" && info.Main.Version != "(devel)":
			version = strings.TrimPrefix(info.Main.Version, "v")
		case rev != "":
			version = "dev-" + rev[:min(12, len(rev))]
			if dirty {
				version += "+dirty"
			}
		}
	}
	return version, commit, date
}

// buildVersion resolves the version of the running binary. A release
// build sets all three with the linker and never reads the build
// information (it costs every start).
func buildVersion() (string, string, string) {
	if Version != "" && Version != "dev" && Commit != "" && Date != "" {
		return Version, Commit, Date
	}
	info, _ := debug.ReadBuildInfo()
	return fromBuildInfo(Version, Commit, Date, info)
}

type versionInfo struct {
	Version string `json:"version" yaml:"version"`
	Commit  string `json:"commit" yaml:"commit"`
	Date    string `json:"date" yaml:"date"`
	Go      string `json:"go" yaml:"go"`
}

func (a *app) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of tcvpc (-o json: version, commit, date, go)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			v := versionInfo{Version: a.f.Version, Commit: a.f.Commit, Date: a.f.Date, Go: runtime.Version()}
			format := output.Table
			o := a.g.output
			if o == "" {
				o = a.f.Getenv("TCVPC_OUTPUT")
			}
			if o != "" {
				f, err := output.ParseFormat(o)
				if err != nil {
					return usagef("%v", err)
				}
				format = f
			}
			switch format {
			case output.JSON, output.JSONL:
				b, _ := json.Marshal(v)
				if format == output.JSON {
					b, _ = json.MarshalIndent(v, "", "  ")
				}
				_, err := fmt.Fprintf(a.f.IO.Out, "%s\n", b)
				return err
			case output.YAML:
				b, _ := yaml.Marshal(v)
				_, err := a.f.IO.Out.Write(b)
				return err
			case output.Text:
				_, err := fmt.Fprintf(a.f.IO.Out, "%s\t%s\t%s\t%s\n", v.Version, v.Commit, v.Date, v.Go)
				return err
			}
			fmt.Fprintf(a.f.IO.Out, "tcvpc %s\n", v.Version)
			if v.Commit != "" || v.Date != "" {
				fmt.Fprintf(a.f.IO.Out, "commit %s, built %s\n", orUnknown(v.Commit), orUnknown(v.Date))
			}
			return nil
		},
	}
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
