package cmd

import (
	"fmt"
	"regexp"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/tcvpc/tcvpc/pkg/api"
	"github.com/tcvpc/tcvpc/pkg/output"
	"github.com/tcvpc/tcvpc/pkg/wait"
)

var taskIDRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]+$`) })

// taskCmd reads and waits on asynchronous work started earlier.
func (a *app) taskCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "task", Short: "Show or wait on asynchronous work (legacy tasks, NAT orders)", Args: groupArgs, RunE: groupRun}
	var kind string
	parse := func(args []string) (wait.Kind, error) {
		k, err := wait.ParseKind(kind)
		if err != nil {
			return "", usagef("%v", err)
		}
		if !taskIDRE().MatchString(args[0]) {
			return "", usagef("invalid task ID %q: expected a number such as 12615", args[0])
		}
		return k, nil
	}
	show := &cobra.Command{
		Use:         "show TASK_ID",
		Annotations: map[string]string{"legacy": "DescribeVpcTaskResult DescribeNetTaskResult QueryNatGatewayProductionStatus"},
		Short:       "Show the state of a task once",
		Example:     "  tcvpc task show 12615\n  tcvpc task show 297 --kind net",
		Args:        exactArgs(1, "TASK_ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := parse(args)
			if err != nil {
				return err
			}
			s, err := a.newSession(cmd, api.Legacy, true)
			if err != nil {
				return err
			}
			obs, err := wait.TaskCheck(s.client, k, args[0])(cmd.Context())
			if err != nil {
				return err
			}
			return a.renderTask(s, obs)
		},
	}
	wo := &waitOpts{}
	waitc := &cobra.Command{
		Use:     "wait TASK_ID",
		Short:   "Wait until a task has finished (exit 5 if it failed or timed out)",
		Example: "  tcvpc task wait 12615\n  tcvpc task wait 2160000000 --kind bill --wait-timeout 20m",
		Args:    exactArgs(1, "TASK_ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := parse(args)
			if err != nil {
				return err
			}
			s, err := a.newSession(cmd, api.Legacy, true)
			if err != nil {
				return err
			}
			obs, err := a.waitTask(cmd.Context(), s, wo, k, args[0], "Waiting for "+wait.Describe(k, args[0]))
			if err != nil {
				return err
			}
			return a.renderTask(s, obs)
		},
	}
	for _, c := range []*cobra.Command{show, waitc} {
		c.Flags().StringVar(&kind, "kind", "vpc", "vpc (DescribeVpcTaskResult), net (DescribeNetTaskResult) or bill (QueryNatGatewayProductionStatus)")
	}
	waitc.Flags().DurationVar(&wo.timeout, "wait-timeout", 10*time.Minute, "give up waiting after this long (exit 5)")
	wo.wait = true
	cmd.AddCommand(show, waitc)
	return cmd
}

// renderTask prints a task's state in words in table and text output
// (succeeded, running, failed: the service's reason); JSON and YAML show
// the reply.
func (a *app) renderTask(s *session, obs wait.Observation) error {
	if s.query != nil || (s.format != output.Table && s.format != output.Text) {
		return a.render(s, obs.Data, View{})
	}
	line := obs.State
	if obs.Outcome == wait.Failed && obs.Detail != "" {
		line += ": " + obs.Detail
	}
	_, err := fmt.Fprintln(a.f.IO.Out, line)
	return err
}
