package emulator

import (
	"strings"
	"time"
)

// Store is everything the emulated cloud holds. API 3.0 and the legacy API
// read and write the same store, so a VPC created by one is seen by the
// other. There is one Store per region.
type Store struct {
	// cl is the cloud the region belongs to: its lock, its numbering and
	// the IDs handed out in every region (none is ever reused, as the
	// service never reuses IDs).
	cl *cloud

	VPCs                  table[*VPC]                  `json:"vpcs"`
	Subnets               table[*Subnet]               `json:"subnets"`
	RouteTables           table[*RouteTable]           `json:"routeTables"`
	VpnGateways           table[*VpnGateway]           `json:"vpnGateways"`
	CustomerGateways      table[*CustomerGateway]      `json:"customerGateways"`
	VpnConns              table[*VpnConn]              `json:"vpnConnections"`
	SecurityGroups        table[*SecurityGroup]        `json:"securityGroups"`
	ENIs                  table[*ENI]                  `json:"networkInterfaces"`
	EIPs                  table[*EIP]                  `json:"addresses"`
	AddressTemplates      table[*Template]             `json:"addressTemplates"`
	AddressGroups         table[*Template]             `json:"addressTemplateGroups"`
	ServiceTemplates      table[*Template]             `json:"serviceTemplates"`
	ServiceGroups         table[*Template]             `json:"serviceTemplateGroups"`
	NetworkAcls           table[*NetworkAcl]           `json:"networkAcls"`
	Peerings              table[*Peering]              `json:"peeringConnections"`
	NatGateways           table[*NatGateway]           `json:"natGateways"`
	FlowLogs              table[*FlowLog]              `json:"flowLogs"`
	ClassicLinks          table[*ClassicLink]          `json:"classicLinks"`
	DirectConnectGateways table[*DirectConnectGateway] `json:"directConnectGateways"`
	Tasks                 map[int64]*Task              `json:"tasks"`
	// Pending lists, in order, the tasks whose Effect is still to apply.
	Pending []int64 `json:"pendingTasks,omitempty"`

	dirty bool
}

// init makes every map, so a state file from an older build with fewer
// kinds loads into a usable store.
func (s *Store) init(cl *cloud) {
	s.cl = cl
	ensure(&s.Tasks)
	s.Subnets.parentOf = func(x *Subnet) string { return x.VpcID }
	s.RouteTables.parentOf = func(x *RouteTable) string { return x.VpcID }
	s.VpnGateways.parentOf = func(x *VpnGateway) string { return x.VpcID }
	s.VpnConns.parentOf = func(x *VpnConn) string { return x.GatewayID }
	s.NatGateways.parentOf = func(x *NatGateway) string { return x.VpcID }
	s.DirectConnectGateways.parentOf = func(x *DirectConnectGateway) string { return x.VpcID }
	s.ENIs.parentOf = func(x *ENI) string { return x.VpcID }
	s.NetworkAcls.parentOf = func(x *NetworkAcl) string { return x.VpcID }
	s.FlowLogs.parentOf = func(x *FlowLog) string { return x.VpcID }
	s.Subnets.init()
	s.RouteTables.init()
	s.VpnGateways.init()
	s.NatGateways.init()
	s.DirectConnectGateways.init()
	s.ENIs.init()
	s.NetworkAcls.init()
	s.FlowLogs.init()
}

func ensure[K comparable, V any](m *map[K]V) {
	if *m == nil {
		*m = map[K]V{}
	}
}

// base is what every resource has.
type base struct {
	ID      string    `json:"id"`
	Num     int64     `json:"num"` // creation order; the legacy numeric ID
	Created time.Time `json:"created"`
}

func (b *base) created() string { return fmtTime(b.Created) }

func (b *base) num() int64 { return b.Num }

func (b *base) key() string { return b.ID }

// fmtTime is the service's time format, in China Standard Time as the
// service shows it.
func fmtTime(t time.Time) string {
	return t.In(cst).Format("2006-01-02 15:04:05")
}

var cst = time.FixedZone("CST", 8*3600)

// The one account the emulator serves: its uin, as peering connections
// and ENI attachments name it, and its appId.
const (
	accountUin   = "100000000001"
	accountAppID = "1250000001"
)

// newBase hands out a fresh ID with prefix and the next sequence number.
func (s *Store) newBase(c *call, prefix string) base {
	for {
		id := prefix + c.draw(8)
		if !s.cl.Used[id] {
			s.cl.Used[id] = true
			s.cl.Seq++
			s.dirty = true
			return base{ID: id, Num: s.cl.Seq, Created: c.now}
		}
	}
}

// nextNum is a fresh number for things identified by an integer.
func (s *Store) nextNum() int64 {
	s.cl.Seq++
	s.dirty = true
	return s.cl.Seq
}

// Task is a legacy asynchronous task (taskId), a template task or a NAT
// production bill: in progress until Done, then succeeded unless Failed.
type Task struct {
	ID     int64     `json:"id"`
	Kind   string    `json:"kind"` // "vpc", "net", "nat"
	Done   time.Time `json:"done"`
	Failed bool      `json:"failed,omitempty"`
	Target string    `json:"target,omitempty"` // the resource it works on
	// Effect is the change the call makes when its task finishes; nil for
	// tasks that only time work done at once, and once applied.
	Effect *Effect `json:"effect,omitempty"`
	// Code and Message are the outcome (a template task's data.output);
	// Result is what a query task found (its data.data).
	Code    int    `json:"code,omitempty"`
	Message string `json:"message,omitempty"`
	Result  any    `json:"result,omitempty"`
}

// Effect is a deferred change, as data so that it survives a restart.
type Effect struct {
	Op     string            `json:"op"`
	Target string            `json:"target,omitempty"`
	Items  []string          `json:"items,omitempty"`
	Fields map[string]string `json:"fields,omitempty"`
}

// taskFailure is why a deferred change could not be made.
type taskFailure struct {
	code    int
	message string
}

// newTask starts a task that completes after the task delay.
func (s *Store) newTask(c *call, kind, target string) *Task {
	t := &Task{ID: s.nextNum() + 10000, Kind: kind, Done: c.now.Add(c.delay), Target: target}
	s.Tasks[t.ID] = t
	return t
}

// deferTask starts a task whose effect applies when it finishes.
func (s *Store) deferTask(c *call, kind string, e *Effect) *Task {
	t := s.newTask(c, kind, e.Target)
	t.Effect = e
	s.Pending = append(s.Pending, t.ID)
	return t
}

func (t *Task) running(now time.Time) bool { return now.Before(t.Done) }

// pendingOn reports whether a deferred change to id is still to apply:
// the service refuses to edit what a running task is editing.
func (s *Store) pendingOn(id string) bool {
	for _, tid := range s.Pending {
		if t := s.Tasks[tid]; t != nil && t.Effect != nil && t.Effect.Target == id {
			return true
		}
	}
	return false
}

// taskReply is the legacy reply of a call that started t. The pages list
// taskId at the top of the reply while their examples show data.taskId;
// both are sent.
func taskReply(t *Task) map[string]any {
	return map[string]any{"taskId": t.ID, "data": map[string]any{"taskId": t.ID}}
}

// settle applies every transition that is due: what a real cloud's
// workers would have finished by now. It runs before each request, so
// state follows the clock without goroutines.
func (s *Store) settle(now time.Time) {
	vpnGateways.settle(s, now)
	vpnConns.settle(s, now)
	enis.settle(s, now)
	nats.settle(s, now)
	s.settlePeerings(now)
	kept := s.Pending[:0]
	for _, id := range s.Pending {
		t := s.Tasks[id]
		if t == nil || t.Effect == nil {
			continue
		}
		if t.running(now) {
			kept = append(kept, id)
			continue
		}
		if f := s.apply(t, now); f != nil {
			t.Failed, t.Code, t.Message = true, f.code, f.message
		}
		t.Effect = nil
		s.dirty = true
	}
	s.Pending = kept
}

// apply makes a finished task's deferred change.
func (s *Store) apply(t *Task, now time.Time) *taskFailure {
	e := t.Effect
	switch {
	case strings.HasPrefix(e.Op, "template."):
		return s.applyTemplate(t, e)
	case strings.HasPrefix(e.Op, "peering."):
		return s.applyPeering(e, now)
	case strings.HasPrefix(e.Op, "classiclink."):
		return s.applyClassicLink(e, now)
	}
	return &taskFailure{code: 29257, message: "unknown deferred operation " + e.Op}
}

// Resource states shared by the kinds that have transitional ones.
const (
	statePending   = "PENDING"
	stateAvailable = "AVAILABLE"
	stateModifying = "MODIFYING"
	stateDeleting  = "DELETING"
)
