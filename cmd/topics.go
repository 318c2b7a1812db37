package cmd

import "github.com/spf13/cobra"

// Help topics: `tcvpc help exit-codes`, `tcvpc help environment`.
var helpTopics = []struct{ name, short, text string }{
	{"exit-codes", "What tcvpc's exit codes mean", `tcvpc exits with:

  0    success
  1    the API answered with an error (stderr shows its code, message and RequestId)
  2    usage or validation error: bad flag, argument or value; nothing was sent
  3    credentials missing, or rejected by the service (AuthFailure.*, legacy 4100/4104)
  4    network failure after all retries (no reply from the service)
  5    a --wait timed out, or the task it waited on failed
  130  interrupted (Ctrl-C); work already started continues on the server
`},
	{"environment", "Environment variables tcvpc reads", `Settings are taken from flags, then these variables, then the profile:

  TENCENTCLOUD_SECRET_ID         SecretId
  TENCENTCLOUD_SECRET_KEY        SecretKey
  TENCENTCLOUD_TOKEN             session token of temporary credentials
                                 (TENCENTCLOUD_SESSION_TOKEN is read too)
  TENCENTCLOUD_REGION            region, e.g. ap-guangzhou (the legacy API gets gz)
  TENCENTCLOUD_CREDENTIALS_FILE  the SDKs' credentials file (default ~/.tencentcloud/credentials)
  TCVPC_PROFILE                  profile name (default "default")
  TCVPC_ENDPOINT                 scheme://host[:port] replacing both API endpoints
  TCVPC_OUTPUT                   table, json, yaml or text
  TCVPC_SITE                     cn or intl
  TCVPC_SIGNATURE_METHOD         TC3-HMAC-SHA256, HmacSHA256 or HmacSHA1
  TCVPC_LANGUAGE                 zh-CN or en-US
  NO_COLOR                       no colour or decoration, even on a terminal

Profiles live in ~/.tcvpc/config.toml and ~/.tcvpc/credentials.toml (mode 0600).
Without a tcvpc profile of the chosen name, tccli's ~/.tccli/<profile>.credential
and .configure are read, then the SDKs' credentials file.
`},
}

func (a *app) addHelpTopics(root *cobra.Command) {
	for _, t := range helpTopics {
		// Not runnable: cobra lists it under "Additional help topics" and
		// `tcvpc help NAME` prints its text.
		root.AddCommand(&cobra.Command{Use: t.name, Short: t.short, Long: t.text})
	}
}
