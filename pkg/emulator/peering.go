package emulator

import (
	"strconv"
	"time"

	"github.com/tcvpc/tcvpc/pkg/config"
)

// Peering is a VPC peering connection (legacy API). State is the pages'
// number: 0 pending acceptance, 1 active, 2 expired (a request not
// accepted within 7 days), 3 rejected. Same-account connections are
// active at once, others wait for the peer to accept, as the pages say.
// CrossRegion ones are made and changed by the …Ex calls, which finish
// when their task does.
type Peering struct {
	base
	VpcID       string `json:"vpcId"`
	PeerVpcID   string `json:"peerVpcId"`
	PeerUin     string `json:"peerUin"`
	Name        string `json:"name"`
	State       int    `json:"state"`
	CrossRegion bool   `json:"crossRegion,omitempty"`
	PeerRegion  string `json:"peerRegion,omitempty"`
	Bandwidth   int    `json:"bandwidth,omitempty"`
	Type        int    `json:"type,omitempty"`
	// Since is when the current request was made, for expiry.
	Since time.Time `json:"since"`
}

const (
	peerPending  = 0
	peerActive   = 1
	peerExpired  = 2
	peerRejected = 3
)

// peeringExpiry is how long a request waits for the peer.
const peeringExpiry = 7 * 24 * time.Hour

// peeringPerVpc is the documented number of peering connections per VPC.
const peeringPerVpc = 10

// peeringBandwidths are the documented cross-region bandwidths, Mbps.
var peeringBandwidths = map[int]bool{10: true, 20: true, 50: true, 100: true, 200: true, 500: true, 1000: true}

func registerPeering(h map[string]handler) {
	h["legacy/CreateVpcPeeringConnection"] = legacyCreatePeering(false)
	h["legacy/CreateVpcPeeringConnectionEx"] = legacyCreatePeering(true)
	h["legacy/DescribeVpcPeeringConnections"] = legacyDescribePeerings
	for _, ex := range []bool{false, true} {
		suffix := ""
		if ex {
			suffix = "Ex"
		}
		h["legacy/AcceptVpcPeeringConnection"+suffix] = peeringChange(ex, "accept")
		h["legacy/RejectVpcPeeringConnection"+suffix] = peeringChange(ex, "reject")
		h["legacy/EnableVpcPeeringConnection"+suffix] = peeringChange(ex, "enable")
		h["legacy/DeleteVpcPeeringConnection"+suffix] = peeringChange(ex, "delete")
		h["legacy/ModifyVpcPeeringConnection"+suffix] = peeringChange(ex, "modify")
	}
}

func (st *Store) settlePeerings(now time.Time) {
	for _, x := range st.Peerings.byID {
		if x.State == peerPending && now.Sub(x.Since) >= peeringExpiry {
			x.State = peerExpired
			st.dirty = true
		}
	}
}

// peeringProblem checks a new connection between two VPCs, the peer's in
// the store of its region (st's own for a same-region connection).
func (st *Store) peeringProblem(vpcID, peerID string, peerSt *Store) *apiError {
	v, pv := st.VPCs.get(vpcID), peerSt.VPCs.get(peerID)
	if v == nil {
		return lerrf(5000, "InvalidVpc.NotFound", "The VPC %s does not exist.", vpcID)
	}
	if pv == nil {
		return lerrf(5000, "InvalidVpc.NotFound", "The peer VPC %s does not exist.", peerID)
	}
	a, _ := parseCIDR(v.CIDR)
	b, _ := parseCIDR(pv.CIDR)
	if v.ID == pv.ID || overlaps(a, b) {
		return lerrf(5100, "PeeringConnectionVpcConflict", "The CIDR blocks of %s (%s) and %s (%s) overlap.", v.ID, v.CIDR, pv.ID, pv.CIDR)
	}
	for _, x := range append(st.peerings(), peerSt.peerings()...) {
		same := (x.VpcID == v.ID && x.PeerVpcID == pv.ID) || (x.VpcID == pv.ID && x.PeerVpcID == v.ID)
		if same && x.State != peerRejected {
			return lerrf(5100, "PeeringConnectionVpcConflict", "The VPCs %s and %s are peered already by %s.", v.ID, pv.ID, x.ID)
		}
	}
	n := 0
	for _, x := range st.peerings() {
		if x.VpcID == v.ID || x.PeerVpcID == v.ID {
			n++
		}
	}
	for _, tid := range st.Pending {
		if t := st.Tasks[tid]; t != nil && t.Effect != nil && t.Effect.Op == "peering.create" {
			f := t.Effect.Fields
			if (f["vpcId"] == v.ID && f["peerVpcId"] == pv.ID) || (f["vpcId"] == pv.ID && f["peerVpcId"] == v.ID) {
				return lerrf(5100, "PeeringConnectionVpcConflict", "The VPCs %s and %s are being peered already by %s.", v.ID, pv.ID, t.Effect.Target)
			}
		}
	}
	if n >= peeringPerVpc {
		return lerrf(5100, "PeeringConnectionLimitExceeded", "The VPC %s has %d peering connections, the most it may have.", v.ID, n)
	}
	return nil
}

func legacyCreatePeering(ex bool) handler {
	return func(c *call, st *Store) (map[string]any, *apiError) {
		vpcID, peerID := c.str("vpcId"), c.str("peerVpcId")
		name := c.str("peeringConnectionName")
		peerSt, peerRegion := st, ""
		if ex {
			var ok bool
			if peerRegion, ok = canonicalRegion(c.str("peerRegion")); !ok {
				return nil, c.invalid("peerRegion", "%q is not a region", c.str("peerRegion"))
			}
			peerSt = st.cl.store(peerRegion)
		}
		if err := st.peeringProblem(vpcID, peerID, peerSt); err != nil {
			return nil, err
		}
		if !nameOK(name) {
			return nil, lerrf(4000, "InvalidPeeringConnectionName", "The peering connection name must be 1 to 60 characters.")
		}
		state := peerPending
		if c.str("peerUin") == accountUin {
			state = peerActive
		}
		if !ex {
			x := &Peering{base: st.newBase(c, "pcx-"), VpcID: vpcID, PeerVpcID: peerID, PeerUin: c.str("peerUin"), Name: name, State: state, Since: c.now}
			st.Peerings.put(x)
			return map[string]any{"peeringConnectionId": x.ID}, nil
		}
		bw, err := c.intParam("bandwidth", 0)
		if err != nil {
			return nil, err
		}
		if !peeringBandwidths[bw] {
			return nil, c.invalid("bandwidth", "must be one of 10, 20, 50, 100, 200, 500, 1000")
		}
		typ, err := c.intParam("type", 1)
		if err != nil {
			return nil, err
		}
		if typ != 1 && typ != 2 {
			return nil, c.invalid("type", "must be 1 (VPC to VPC) or 2 (VPC to a black stone network)")
		}
		// The ID is handed out now so that no other call takes it; the
		// connection appears when the task finishes.
		id := st.newBase(c, "pcx-").ID
		t := st.deferTask(c, "vpc", &Effect{Op: "peering.create", Target: id, Fields: map[string]string{
			"vpcId": vpcID, "peerVpcId": peerID, "peerUin": c.str("peerUin"), "name": name,
			"state": strconv.Itoa(state), "peerRegion": peerRegion, "bandwidth": strconv.Itoa(bw), "type": strconv.Itoa(typ),
		}})
		return map[string]any{"taskId": t.ID, "data": map[string]any{"taskId": t.ID}}, nil
	}
}

// peeringOf finds a connection of the family the call belongs to: the
// same-region calls do not reach cross-region connections, nor the …Ex
// calls same-region ones.
func peeringOf(c *call, st *Store, ex bool) (*Peering, *apiError) {
	id := c.str("peeringConnectionId")
	x, _ := st.peering(id)
	if x == nil || x.CrossRegion != ex {
		return nil, lerrf(5000, "InvalidPeeringConnection.NotFound", "The peering connection %s does not exist.", id)
	}
	return x, nil
}

// peeringChange handles accept, reject, enable, delete and modify. The
// pages document only not-found codes; a change the connection's state
// does not allow is UnsupportedOperation.InvalidState where the page lists
// it, UnsupportedOperation where it does not.
func peeringChange(ex bool, op string) handler {
	return func(c *call, st *Store) (map[string]any, *apiError) {
		x, err := peeringOf(c, st, ex)
		if err != nil {
			return nil, err
		}
		fields := map[string]string{}
		switch op {
		case "accept", "reject":
			if x.State != peerPending {
				return nil, lerrf(5100, c.pick("UnsupportedOperation.InvalidState", "UnsupportedOperation"), "The peering connection %s is not waiting for acceptance (state %d).", x.ID, x.State)
			}
		case "enable":
			if x.State != peerExpired {
				return nil, lerrf(5100, c.pick("UnsupportedOperation.InvalidState", "UnsupportedOperation"), "The peering connection %s has not expired (state %d).", x.ID, x.State)
			}
		case "modify":
			if c.has("peeringConnectionName") || !ex {
				if !nameOK(c.str("peeringConnectionName")) {
					return nil, lerrf(4000, "InvalidPeeringConnectionName", "The peering connection name must be 1 to 60 characters.")
				}
				fields["name"] = c.str("peeringConnectionName")
			}
			if ex && c.has("bandwidth") {
				bw, err := c.intParam("bandwidth", 0)
				if err != nil {
					return nil, err
				}
				if !peeringBandwidths[bw] {
					return nil, c.invalid("bandwidth", "must be one of 10, 20, 50, 100, 200, 500, 1000")
				}
				fields["bandwidth"] = strconv.Itoa(bw)
			}
		}
		e := &Effect{Op: "peering." + op, Target: x.ID, Fields: fields}
		if !ex {
			if f := st.applyPeering(e, c.now); f != nil {
				return nil, lerrf(5100, c.pick("UnsupportedOperation.InvalidState", "UnsupportedOperation"), "%s", f.message)
			}
			st.dirty = true
			return nil, nil
		}
		if st.cl.pendingOn(x.ID) {
			return nil, lerrf(5100, c.pick("UnsupportedOperation.InvalidState", "UnsupportedOperation"), "The peering connection %s is being changed by a running task.", x.ID)
		}
		t := st.deferTask(c, "vpc", e)
		return map[string]any{"taskId": t.ID, "data": map[string]any{"taskId": t.ID}}, nil
	}
}

// applyPeering makes a peering change, now (same region) or when its
// task finishes (cross region).
func (st *Store) applyPeering(e *Effect, now time.Time) *taskFailure {
	f := e.Fields
	if e.Op == "peering.create" {
		if err := st.peeringProblemAt(f["vpcId"], f["peerVpcId"], st.cl.store(f["peerRegion"])); err != "" {
			return &taskFailure{5100, err}
		}
		state, _ := strconv.Atoi(f["state"])
		bw, _ := strconv.Atoi(f["bandwidth"])
		typ, _ := strconv.Atoi(f["type"])
		x := &Peering{
			base: base{ID: e.Target, Num: st.nextNum(), Created: now}, VpcID: f["vpcId"], PeerVpcID: f["peerVpcId"],
			PeerUin: f["peerUin"], Name: f["name"], State: state, CrossRegion: true,
			PeerRegion: f["peerRegion"], Bandwidth: bw, Type: typ, Since: now,
		}
		st.Peerings.put(x)
		return nil
	}
	x, owner := st.peering(e.Target)
	if x == nil {
		return &taskFailure{5000, "the peering connection " + e.Target + " does not exist"}
	}
	switch e.Op {
	case "peering.accept":
		if x.State != peerPending {
			return &taskFailure{5100, "the peering connection " + x.ID + " is not waiting for acceptance"}
		}
		x.State = peerActive
	case "peering.reject":
		if x.State != peerPending {
			return &taskFailure{5100, "the peering connection " + x.ID + " is not waiting for acceptance"}
		}
		x.State = peerRejected
	case "peering.enable":
		if x.State != peerExpired {
			return &taskFailure{5100, "the peering connection " + x.ID + " has not expired"}
		}
		// Enabling renews the request and tells the peer again.
		x.State, x.Since = peerPending, now
	case "peering.modify":
		if name, ok := f["name"]; ok {
			x.Name = name
		}
		if bw, ok := f["bandwidth"]; ok {
			x.Bandwidth, _ = strconv.Atoi(bw)
		}
	case "peering.delete":
		owner.Peerings.del(x.ID)
		owner.dropRoutesTo("PEERCONNECTION", x.ID)
		if x.CrossRegion {
			st.cl.store(x.PeerRegion).dropRoutesTo("PEERCONNECTION", x.ID)
		}
	}
	return nil
}

// peeringProblemAt rechecks a deferred creation against the store as it
// is when the task finishes.
func (st *Store) peeringProblemAt(vpcID, peerID string, peerSt *Store) string {
	if st.VPCs.get(vpcID) == nil || peerSt.VPCs.get(peerID) == nil {
		return "a VPC of the connection no longer exists"
	}
	return ""
}

// dropRoutesTo removes the routes through a next hop that is going away,
// as the peering and NAT pages say the service does.
func (st *Store) dropRoutesTo(gatewayType, id string) {
	for _, rt := range st.RouteTables.byID {
		kept := rt.Routes[:0:0]
		for _, r := range rt.Routes {
			if !(r.GatewayType == gatewayType && r.GatewayID == id) {
				kept = append(kept, r)
			}
		}
		rt.Routes = kept
	}
	st.dirty = true
}

func legacyPeeringRow(x *Peering) map[string]any {
	row := map[string]any{
		"vpcId": x.VpcID, "unVpcId": x.VpcID, "peerVpcId": x.PeerVpcID, "unPeerVpcId": x.PeerVpcID,
		"appId": accountAppID, "peeringConnectionId": x.ID, "peeringConnectionName": x.Name,
		"state": x.State, "createTime": x.created(), "uin": accountUin, "peerUin": x.PeerUin,
	}
	if x.CrossRegion {
		// Not in the page's table: what the …Ex calls set, under their
		// request names.
		row["peerRegion"], row["bandwidth"], row["type"] = config.LegacyRegion(x.PeerRegion), x.Bandwidth, x.Type
	}
	return row
}

func legacyDescribePeerings(c *call, st *Store) (map[string]any, *apiError) {
	// The page spells the sort field peeringConnectionname.
	q, err := c.legacyPage(50, "peeringConnectionName", "peeringConnectionname")
	if err != nil {
		return nil, err
	}
	if q.field == "peeringConnectionname" {
		q.field = "peeringConnectionName"
	}
	q.unsortedByDefault(c)
	vpcID, id, name, state := c.str("vpcId"), c.str("peeringConnectionId"), c.str("peeringConnectionName"), c.str("state")
	if vpcID != "" && st.VPCs.get(vpcID) == nil {
		return nil, lerrf(5000, "InvalidVpc.NotFound", "The VPC %s does not exist.", vpcID)
	}
	if x, _ := st.peering(id); id != "" && x == nil {
		return nil, lerrf(5000, "InvalidPeeringConnection.NotFound", "The peering connection %s does not exist.", id)
	}
	var rows []map[string]any
	for _, x := range st.peerings() {
		if (vpcID == "" || x.VpcID == vpcID || x.PeerVpcID == vpcID) && (id == "" || x.ID == id) && fuzzy(x.Name, name) &&
			(state == "" || strconv.Itoa(x.State) == state) {
			rows = append(rows, legacyPeeringRow(x))
		}
	}
	return map[string]any{"totalCount": len(rows), "data": rowsAny(q.apply(rows))}, nil
}

// A cross-region connection is kept in the store of the region it was
// requested in and is seen from its peer's region too, as the service
// shows it to both sides.

// peerings is every connection a region sees: its own, in creation order,
// then the cross-region ones whose peer is in it.
func (st *Store) peerings() []*Peering {
	out := st.Peerings.all()
	region := st.region()
	for name, other := range st.cl.Regions {
		if name == region {
			continue
		}
		for _, x := range other.Peerings.live() {
			if x.CrossRegion && x.PeerRegion == region {
				out = append(out, x)
			}
		}
	}
	return out
}

// peering finds a connection the region sees, and the store keeping it.
func (st *Store) peering(id string) (*Peering, *Store) {
	if x := st.Peerings.get(id); x != nil {
		return x, st
	}
	region := st.region()
	for _, other := range st.cl.Regions {
		if x := other.Peerings.get(id); x != nil && x.CrossRegion && x.PeerRegion == region {
			return x, other
		}
	}
	return nil, nil
}

// pendingOn reports whether a task in any region is still to change id:
// either side of a cross-region connection may have started one.
func (cl *cloud) pendingOn(id string) bool {
	for _, s := range cl.Regions {
		if s.pendingOn(id) {
			return true
		}
	}
	return false
}

// region is the name of the store's region.
func (st *Store) region() string {
	for name, s := range st.cl.Regions {
		if s == st {
			return name
		}
	}
	return ""
}
