package cmd

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/config"
	"github.com/tcvpc/tcvpc/pkg/output"
	"github.com/tcvpc/tcvpc/pkg/sign"
)

// session is what a command that talks to the service needs, built from
// flags, environment and profiles, validated before any request.
type session struct {
	settings *config.Settings
	client   *api.Client
	format   string
	query    *output.Query
	region   string
}

// loader reads settings with the flags the user set explicitly.
func (a *app) loader(cmd *cobra.Command) *config.Loader {
	flags := map[string]string{}
	set := func(flag, key, val string) {
		if f := cmd.Flags().Lookup(flag); f != nil && f.Changed {
			flags[key] = val
		}
	}
	set("profile", "profile", a.g.profile)
	set("region", config.KeyRegion, a.g.region)
	set("endpoint", config.KeyEndpoint, a.g.endpoint)
	set("ca-file", config.KeyCAFile, a.g.caFile)
	set("site", config.KeySite, a.g.site)
	set("signature-method", config.KeySignatureMethod, a.g.sigMethod)
	set("language", config.KeyLanguage, a.g.language)
	set("output", config.KeyOutput, a.g.output)
	return &config.Loader{Home: a.f.Home, Getenv: a.f.Getenv, Flags: flags}
}

// outputOptions validates -o and --query alone, for commands that render
// without calling the service.
func (a *app) outputOptions(cmd *cobra.Command, s *config.Settings) (string, *output.Query, error) {
	format, err := output.ParseFormat(s.Get(config.KeyOutput))
	if err != nil {
		return "", nil, usageFrom(err, config.KeyOutput, s.Values[config.KeyOutput])
	}
	q, err := output.CompileQuery(a.g.query)
	if err != nil {
		return "", nil, usagef("%v", err)
	}
	return format, q, nil
}

// usageFrom turns a validation error into a usage error naming where the
// bad value came from when it was not a flag, and how to repair a profile.
func usageFrom(err error, key string, v config.Value) error {
	switch {
	case v.Source == "" || strings.HasPrefix(v.Source, "flag"):
		return usagef("%v", err)
	case strings.HasPrefix(v.Source, "env"):
		return usagef("%v (value from %s)", err, v.Source)
	}
	return usagef("%v (the %s setting of %s; fix it with: tcvpc configure set %s VALUE)", err, key, v.Source, key)
}

// newSession resolves everything and builds the client. needRegion says
// whether the operation needs a region.
func (a *app) newSession(cmd *cobra.Command, style api.Style, needRegion bool) (*session, error) {
	s, err := a.loader(cmd).Load()
	if err != nil {
		return nil, usagef("%v", err)
	}
	for _, w := range s.Warnings {
		a.warnf("%s", w)
	}
	if errs := s.Validate(); len(errs) > 0 {
		return nil, usagef("%v", errs[0])
	}
	format, q, err := a.outputOptions(cmd, s)
	if err != nil {
		return nil, err
	}
	a.format = format
	if a.g.timeout <= 0 {
		return nil, usagef("invalid value %s for --timeout: expected a positive duration such as 30s", a.g.timeout)
	}
	if a.g.maxRetries < 0 || a.g.maxRetries > 20 {
		return nil, usagef("invalid value %d for --max-retries: expected 0 to 20", a.g.maxRetries)
	}
	if a.g.rate < 1 || a.g.rate > api.DefaultRate {
		return nil, usagef("invalid value %d for --rate: expected 1 to %d (requests per second for each Action)", a.g.rate, api.DefaultRate)
	}
	// Validate left each value in its canonical spelling.
	method := s.Get(config.KeySignatureMethod)
	if method == "" {
		method = sign.TC3
	}
	site := s.Get(config.KeySite)
	if site == "cn" {
		site = ""
	}
	endpoint, lang := s.Get(config.KeyEndpoint), s.Get(config.KeyLanguage)
	region := s.Get(config.KeyRegion)
	if region == "" && (needRegion || style == api.Legacy) {
		return nil, usagef("no region: pass --region (e.g. --region ap-guangzhou), set TENCENTCLOUD_REGION, or run `tcvpc configure set region REGION`")
	}
	id, key := s.Get(config.KeySecretID), s.Get(config.KeySecretKey)
	if (id == "" || key == "") && !a.g.dryRun {
		return nil, &credentialsError{err: api.ErrNoCredentials}
	}
	cfg := api.Config{
		SecretID: id, SecretKey: key, Token: s.Get(config.KeyToken),
		Region: region, LegacyRegion: config.LegacyRegion(region),
		Endpoint: endpoint, Site: site, SignatureMethod: method, Language: lang,
		Timeout: a.g.timeout, MaxRetries: a.g.maxRetries, Rate: float64(a.g.rate),
		UserAgent: "tcvpc/" + a.f.Version,
		Transport: a.f.Transport, Now: a.f.Now, Sleep: a.f.Sleep,
		RootCAs: caFileRoots(s.Values[config.KeyCAFile]),
	}
	if a.g.debug {
		cfg.Debug = a.f.IO.ErrOut
	}
	if a.g.dryRun {
		cfg.DryRun = a.f.IO.Out
	}
	return &session{settings: s, client: api.New(cfg), format: format, query: q, region: region}, nil
}
