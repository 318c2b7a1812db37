package cmd

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/tcvpc/tcvpc/pkg/api/model"
	"github.com/tcvpc/tcvpc/pkg/config"
	"github.com/tcvpc/tcvpc/pkg/output"
	"github.com/tcvpc/tcvpc/pkg/sign"
)

// Value completion. A fixed-choice flag completes its choices, an ID flag
// live IDs (complete.go), a flag that reads a file completes file names
// (after "@" where the flag takes @FILE), and every other flag completes
// nothing: no flag falls back to the shell's file names by accident.
// Everything here is registered only when a completion is asked for.

// fileAnnotation marks a flag whose value is a file name ("path") or may
// be @FILE ("at").
const fileAnnotation = "tcvpc_file"

// takesFile marks flag name of fs as reading a file: kind "path" for a
// plain file name, "at" for a value that may be @FILE.
func takesFile(fs *pflag.FlagSet, name, kind string) {
	_ = fs.SetAnnotation(name, fileAnnotation, []string{kind})
}

func fileKind(f *pflag.Flag) string {
	if k := f.Annotations[fileAnnotation]; len(k) > 0 {
		return k[0]
	}
	if strings.Contains(f.Usage, "@FILE") {
		return "at"
	}
	return ""
}

func fixed(values ...string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

func noValues(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveNoFileComp
}

// completeGlobals registers the completion of the root's persistent flags.
func (a *app) completeGlobals(root *cobra.Command) {
	reg := func(name string, fn cobra.CompletionFunc) {
		if _, ok := root.GetFlagCompletionFunc(name); !ok {
			_ = root.RegisterFlagCompletionFunc(name, fn)
		}
	}
	reg("output", fixed(output.Formats()...))
	reg("site", fixed("cn", "intl"))
	reg("signature-method", fixed(sign.TC3, sign.HmacSHA256, sign.HmacSHA1))
	reg("language", fixed("zh-CN", "en-US"))
	reg("region", func(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		seen := map[string]bool{}
		var out []string
		for _, r := range append(a.loader(cmd).ProfileRegions(), config.Regions()...) {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	reg("profile", func(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		names, _ := a.loader(cmd).Profiles()
		return names, cobra.ShellCompDirectiveNoFileComp
	})
}

// completeRest gives every flag of cmd without a completion one: zones
// for a zone, files for a file, nothing for the rest.
func (a *app) completeRest(cmd *cobra.Command) {
	a.completeGlobals(cmd.Root())
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if _, ok := cmd.GetFlagCompletionFunc(f.Name); ok {
			return
		}
		var fn cobra.CompletionFunc = noValues
		switch {
		case fileKind(f) == "path":
			fn = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
				return nil, cobra.ShellCompDirectiveDefault
			}
		case fileKind(f) == "at":
			fn = completeAtFile
		case f.Name == "zone" || f.Name == "Zone":
			fn = a.completeZones(false)
		case f.Name == "zone-id" || f.Name == "zoneId" || f.Name == "zone-ids" || f.Name == "zoneIds":
			fn = a.completeZones(true)
		}
		_ = cmd.RegisterFlagCompletionFunc(f.Name, fn)
	})
}

// completeZones offers the zones of the region in use (flag, environment
// or profile); legacy numeric IDs carry the zone's name as description.
func (a *app) completeZones(legacy bool) cobra.CompletionFunc {
	return func(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		region := ""
		if s, err := a.loader(cmd).Load(); err == nil {
			region = s.Get(config.KeyRegion)
		}
		var out []string
		for _, z := range config.Zones(region) {
			if legacy {
				out = append(out, strconv.Itoa(z.LegacyID)+"\t"+z.Name)
			} else {
				out = append(out, z.Name)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeAtFile completes "@" followed by a file name; a value not
// starting with "@" (inline JSON) completes nothing.
func completeAtFile(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if toComplete == "" {
		return []string{"@"}, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
	name, ok := strings.CutPrefix(toComplete, "@")
	if !ok {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	dir, base := filepath.Split(name)
	entries, err := os.ReadDir(filepath.Join(".", dir))
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	directive := cobra.ShellCompDirectiveNoFileComp
	var out []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), base) || strings.HasPrefix(e.Name(), ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		v := "@" + dir + e.Name()
		if e.IsDir() {
			v += "/"
			directive |= cobra.ShellCompDirectiveNoSpace
		}
		out = append(out, v)
	}
	return out, directive
}

// completeFlatParam completes `tcvpc api ACTION --param`: the flattened
// names of the operation's parameters (an array's first element, .0), then
// after NAME= the documented values of an enum parameter.
func completeFlatParam(ops []*model.Operation) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if name, _, ok := strings.Cut(toComplete, "="); ok {
			var out []string
			for _, op := range ops {
				if p := findNested(op, stripIndexes(name)); p != nil {
					for _, v := range p.Enum {
						out = append(out, name+"="+v)
					}
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		}
		var out []string
		var add func(prefix string, list []model.Param)
		add = func(prefix string, list []model.Param) {
			for _, p := range list {
				name := prefix + p.Name
				if p.Array {
					name += ".0"
				}
				if len(p.Fields) > 0 {
					add(name+".", p.Fields)
					continue
				}
				out = append(out, name+"=")
			}
		}
		for _, op := range ops {
			add("", op.Params)
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
}

// stripIndexes drops the array indexes of a flattened name:
// Filters.0.Name → Filters.Name.
func stripIndexes(name string) string {
	var keep []string
	for _, seg := range strings.Split(name, ".") {
		if _, err := strconv.Atoi(seg); err != nil {
			keep = append(keep, seg)
		}
	}
	return strings.Join(keep, ".")
}
