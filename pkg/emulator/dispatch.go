package emulator

import (
	"errors"
	"fmt"
	"runtime/debug"
	"sync"

	"github.com/tcvpc/tcvpc/pkg/api/model"
	"github.com/tcvpc/tcvpc/pkg/params"
)

// handler carries out one operation with the store locked. It returns the
// reply's own fields: the Response members for API 3.0, the top-level
// members besides code/message for the legacy API.
type handler func(c *call, st *Store) (map[string]any, *apiError)

var (
	handlersOnce sync.Once
	handlerTable map[string]handler
)

func handlerKey(st Style, action string) string { return st.String() + "/" + action }

// handlers is built on first use, not in init, so that the other commands
// of the binary start without paying for it.
func handlers() map[string]handler {
	handlersOnce.Do(func() {
		handlerTable = map[string]handler{}
		for _, reg := range []func(map[string]handler){
			registerVPC, registerSubnet, registerVPN, registerTask,
			registerRouteTable, registerSecurityGroup, registerENI, registerEIP,
			registerLegacyRouteTable, registerTemplate, registerACL, registerPeering,
			registerNat, registerFlowLog, registerClassicLink, registerDcg,
		} {
			reg(handlerTable)
		}
	})
	return handlerTable
}

// dispatch checks the Action and parameters against the model, then runs
// the operation's handler, or the generic one for operations whose state
// is not kept.
func (s *Server) dispatch(c *call) (rep reply) {
	op, ok := model.Find(c.action, c.style)
	if !ok {
		return reply{err: unknownAction(c)}
	}
	c.op = op
	home, ok := canonicalRegion(c.region)
	if !ok {
		return reply{err: unsupportedRegion(c)}
	}
	c.home = home
	raw := c.params
	if err := op.Validate(c.params); err != nil {
		return reply{err: validationError(c, err)}
	}
	if typed, err := op.Coerce(c.params); err == nil {
		c.params = typed
	}
	h := handlers()[handlerKey(c.style, c.action)]
	if h == nil {
		h = genericHandler(op)
	}
	defer func() {
		if p := recover(); p != nil {
			rep = reply{err: errf("InternalError", "The emulator failed on %s: %v", c.action, p)}
			if s.opts.Debug != nil {
				fmt.Fprintf(s.opts.Debug, "panic in %s: %v\n%s", c.action, p, debug.Stack())
			}
		}
	}()
	data, aerr, journaled, jerr := s.run(c, h, raw)
	if journaled && jerr == nil {
		jerr = s.syncJournal()
	}
	if jerr != nil {
		// Carried out but not saved: the client cannot know, as after any
		// InternalError.
		if s.opts.Debug != nil {
			fmt.Fprintf(s.opts.Debug, "journal: %v\n", jerr)
		}
		return reply{err: errf("InternalError", "The change was made but could not be saved to the state file.")}
	}
	if aerr != nil {
		if observeError != nil {
			observeError(c.style, c.action, aerr.Code)
		}
		return reply{err: aerr}
	}
	if data == nil {
		data = map[string]any{}
	}
	return reply{data: data}
}

// observeError, when set (by tests), sees the code of every error a
// handler answers.
var observeError func(style Style, action, code string)

// run carries out the call with the cloud locked and appends it to the
// journal when it changed something.
func (s *Server) run(c *call, h handler, raw params.Tree) (data map[string]any, aerr *apiError, journaled bool, jerr error) {
	s.cloud.mu.Lock()
	defer s.cloud.mu.Unlock()
	st := s.cloud.store(c.home)
	st.settle(c.now)
	st.dirty = false
	data, aerr = h(c, st)
	if st.dirty || (aerr == nil && !isRead(c.action)) {
		journaled, jerr = true, s.record(c, raw)
	}
	return data, aerr, journaled, jerr
}

// unsupportedRegion is the common error code for a region the API does
// not serve (the manual's common error codes, 004 line 971); the legacy
// API answers it as a bad request (public code 4000, line 8045).
func unsupportedRegion(c *call) *apiError {
	if c.style == Legacy {
		return lerrf(4000, "UnsupportedRegion", "The region `%s` does not exist or is not supported.", c.region)
	}
	return errf("UnsupportedRegion", "The region `%s` does not exist or is not supported.", c.region)
}

func unknownAction(c *call) *apiError {
	other := V3
	if c.style == V3 {
		other = Legacy
	}
	hint := ""
	if _, ok := model.Find(c.action, other); ok {
		if other == Legacy {
			hint = " It is a legacy API action: send it to " + legacyPath + "."
		} else {
			hint = " It is an API 3.0 action: send it to / with Version " + apiVersion + "."
		}
	}
	if c.style == Legacy {
		return lerrf(4000, "InvalidAction", "The action `%s` does not exist in the legacy VPC API.%s", c.action, hint)
	}
	return errf("InvalidAction", "The action `%s` does not exist.%s", c.action, hint)
}

var ruleCodes = [...]string{
	model.RuleType:   "InvalidParameterValue",
	model.RuleEnum:   "InvalidParameterValue",
	model.RuleRange:  "InvalidParameterValue.Range",
	model.RuleLength: "InvalidParameterValue.TooLong",
	model.RuleCount:  "InvalidParameterValue.LimitExceeded",
	model.RuleFormat: "InvalidParameterValue.Malformed",
	model.RuleText:   "InvalidParameterValue.Malformed",
}

func validationError(c *call, err error) *apiError {
	var ve *model.ValidationError
	if !errors.As(err, &ve) {
		return c.invalid("?", "%v", err)
	}
	code := "InvalidParameterValue"
	msg := fmt.Sprintf("Parameter `%s`: %s.", ve.Param, ve.Problem)
	switch {
	case ve.Problem == "required":
		code = "MissingParameter"
		msg = fmt.Sprintf("The request is missing a required parameter `%s`.", ve.Param)
	case ve.Problem == model.ProblemUnknown:
		code = "UnknownParameter"
		msg = fmt.Sprintf("The parameter `%s` is not recognized.", ve.Param)
		if ve.Suggest != "" {
			msg += fmt.Sprintf(" Did you mean `%s`?", ve.Suggest)
		}
	case c.style == V3:
		// API 3.0's codes for a broken value rule, as its pages list
		// them (InvalidParameterValue.Malformed, .Range, .TooLong,
		// .LimitExceeded) where the operation's page lists the code, the
		// plain InvalidParameterValue where it does not; the legacy API
		// says InvalidParameterValue.
		code = c.pick(ruleCodes[ve.Rule], "InvalidParameterValue")
	}
	if c.style == Legacy {
		if code == "InvalidParameterValue" {
			code = c.paramCode(ve.Param)
		}
		return lerrf(4000, code, "%s", msg)
	}
	return errf(code, "%s", msg)
}
