package cmd

import "github.com/spf13/cobra"

// Help topics: `tcvpc help exit-codes`, `tcvpc help environment`.
var helpTopics = []struct{ name, short, text string }{
	{"exit-codes", "What tcvpc's exit codes mean", `tcvpc exits with:

  0    success
  1    the API answered with an error (stderr shows its code, message and RequestId)
  2    usage or validation error: bad flag, argument or value; nothing was sent
  3    credentials missing, or rejected by the service (AuthFailure.*, legacy 4100/4104)
  4    no usable reply from the service: a network failure after all retries, or
       a write whose outcome is unknown. Reads are retried (--max-retries) after
       throttling, internal errors, HTTP 5xx and lost replies. A write is sent
       again only when it cannot have been carried out: throttling
       (RequestLimitExceeded*, legacy 4400) or a failure before the request left
       this machine. After an internal error, an HTTP 5xx, or a reply that was
       dropped or timed out, the write is not repeated and the message ends
       "the request may have been carried out; check with: tcvpc … list|show …"
  5    a --wait timed out, or the task it waited on failed
  6    cancelled: "no" at a confirmation prompt ("Cancelled: nothing was changed."
       on stderr); nothing was sent
  130  interrupted (Ctrl-C), at once, also at a prompt (nothing is saved or sent
       then); work already started continues on the server, and the message
       names the command that resumes or checks it: "tcvpc task wait ID" for a
       legacy task or NAT order, "tcvpc NOUN show ID" for an API 3.0 resource

With -o json or -o yaml (the flag, TCVPC_OUTPUT, or the profile's output once
it is read), stdout holds data or nothing and an error is written to stderr as
one object, in that format, instead of the "Error:" line:

  {"Error":{"Code":"ResourceNotFound","Message":"…"},"RequestId":"…","ExitCode":1}

Code is the service's own code (legacy API: the numeric code, its name in
CodeDesc), or one of tcvpc's:

  UsageError      2    bad flag, argument or value; nothing was sent
  NoCredentials   3    no SecretId/SecretKey found
  NetworkError    4    no reply after all retries
  UnknownOutcome  4    a write may have been carried out; Message says how to check
  HTTPError       1    an HTTP error status without an API envelope
  WaitTimeout     5    a --wait timed out
  TaskFailed      5    the task a --wait followed failed
  BatchFailed     1    some items of a batch (delete ID ID …) failed; stdout has each result
  Interrupted     130  Ctrl-C
("no" at a confirmation prints its line, not an object, and exits 6.)
`},
	{"output", "Output formats, --query and what goes to stdout", `-o/--output chooses the format (default table; env TCVPC_OUTPUT or the profile's output):

  table  columns chosen for people; a header in bold on a terminal (not with NO_COLOR)
  text   the same cells tab-separated, no header: for cut -f and awk -F'\t'
  json   the API's own reply object, documented field names: API 3.0's Response
         object (RequestId included), the legacy API's whole body (code, message,
         data, …)
  yaml   the same as json, in YAML
  jsonl  one compact JSON object per line: each item of a list, or the reply

Lists (the list verbs) return every item: the pages are fetched for you, the
first alone, then the others in parallel within --rate requests per second.
--limit N stops after N items (across pages), --offset N skips the first N,
--page-size N sets the Limit of each request (default: the operation's
maximum). With json or yaml the pages make one document: the first page's
reply whose list holds every item returned. Its TotalCount (totalCount, …)
stays the service's count of all matching items, so with --limit or
--offset it can be larger than the list; the RequestId is the first page's.
json, yaml, jsonl and text are written as the pages arrive, in the service's
order, so memory stays flat however long the list; a table is written once
every row is in (its columns are sized to the widest cell), and so is a
--query result, since JMESPath evaluates the whole document. If a page fails
half-way, the exit code says so and stdout holds only the pages before it.

--query EXPR applies a JMESPath expression to the reply first, in every format:
  tcvpc vpc create --name a --cidr-block 10.0.0.0/16 -o text --query Vpc.VpcId
  tcvpc subnet list -o json --query 'SubnetSet[].{id: SubnetId, cidr: CidrBlock}'
With -o text a query's scalars print bare, lists one item per line.

Values the API model marks secret (VPN pre-shared keys: PreShareKey,
preSharedKey) are replaced by "[hidden: --show-secrets shows it]" in every
format; --show-secrets prints them for that one command. --debug always hides
them, with credentials, tokens and signatures.

stdout carries data only. Prompts, progress (spinners on a terminal, one line
per state change otherwise), warnings and errors go to stderr; a success line
such as "Deleted vpnx-…" is printed only on a terminal and never with -o json|yaml.
Errors read "Error: [Code] message (RequestId: …)"; with -o json|yaml they are
one object on stderr instead (see 'tcvpc help exit-codes'). --no-header drops
the table header.
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
  TCVPC_CA_FILE                  PEM file of CA certificates trusted for https besides
                                 the system's (--ca-file), e.g. tcvpc emulator --tls's
  TCVPC_OUTPUT                   table, json, jsonl, yaml or text
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
