#!/usr/bin/env bash
# The tour: start `tcvpc emulator` on a free port and walk through what a
# new user does first — a VPC with subnets, listings as a table, as JSON
# and through --query, a VPN gateway, customer gateway and tunnel, a reset,
# a legacy-API delete that waits for its task, and the clean-up.
set -euo pipefail

bin=${1:-bin/tcvpc}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
work=$(mktemp -d)
log="$work/emulator.log"

"$bin" emulator --addr 127.0.0.1:0 --task-delay 2s >"$log" 2>&1 &
emu=$!
cleanup() { kill "$emu" 2>/dev/null || true; wait "$emu" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 100); do grep -q '^listening ' "$log" && break; sleep 0.05; done
grep -q '^listening ' "$log" || { cat "$log"; echo "the emulator did not start" >&2; exit 1; }

# The emulator prints the settings to use; a new user would paste them.
eval "$(grep '^export ' "$log")"
export HOME="$work"   # no personal profile gets in the way

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
  say() { printf '\n\033[1m# %s\033[0m\n' "$*"; }
else
  say() { printf '\n# %s\n' "$*"; }
fi
run() { printf '$ tcvpc %s\n' "$*"; "$bin" "$@"; }

say "The emulator is listening at $TCVPC_ENDPOINT (region $TENCENTCLOUD_REGION)"
run version

say "Create a VPC; scripts capture its ID with -o text --query"
printf '$ tcvpc vpc create --name demo --cidr-block 10.0.0.0/16 -o text --query Vpc.VpcId\n'
vpc=$("$bin" vpc create --name demo --cidr-block 10.0.0.0/16 -o text --query Vpc.VpcId)
echo "$vpc"

say "Two subnets in it"
run subnet create --vpc-id "$vpc" --name web --cidr-block 10.0.1.0/24 --zone ap-guangzhou-3
run subnet create --vpc-id "$vpc" --name db --cidr-block 10.0.2.0/24 --zone ap-guangzhou-3

say "A subnet outside the VPC is refused by the service (exit 1)"
run subnet create --vpc-id "$vpc" --name bad --cidr-block 192.168.0.0/24 --zone ap-guangzhou-3 || echo "(exit $?)"

say "A malformed CIDR never leaves the machine (exit 2)"
run subnet create --vpc-id "$vpc" --name bad --cidr-block 10.0.3.0/33 --zone ap-guangzhou-3 || echo "(exit $?)"

say "List them: a table, JSON through --query, and tab-separated text"
run subnet list --vpc-id "$vpc"
run subnet list --vpc-id "$vpc" -o json --query 'SubnetSet[].{id: SubnetId, cidr: CidrBlock}'
run subnet list --vpc-id "$vpc" -o text --query 'SubnetSet[].[SubnetId, SubnetName]'

say "The same VPC through the legacy API"
run vpc list --legacy

say "A VPN gateway: --wait follows it from PENDING to AVAILABLE"
printf '$ tcvpc vpn gw create --vpc-id %s --name gw --bandwidth 5 --charge-type POSTPAID_BY_HOUR --wait -o text --query ...\n' "$vpc"
gw=$("$bin" vpn gw create --vpc-id "$vpc" --name gw --bandwidth 5 --charge-type POSTPAID_BY_HOUR --wait -o text --query 'VpnGateway.VpnGatewayId')
echo "$gw"

say "A customer gateway for the other end"
printf '$ tcvpc vpn cgw create --name idc --ip-address 203.0.113.10 -o text --query ...\n'
cgw=$("$bin" vpn cgw create --name idc --ip-address 203.0.113.10 -o text --query CustomerGateway.CustomerGatewayId)
echo "$cgw"

say "A tunnel between them (the pre-shared key is never printed)"
printf '$ tcvpc vpn conn create --vpc-id %s --vpn-gateway-id %s --customer-gateway-id %s --name t1 --pre-shared-key ****** --spd ... --wait\n' "$vpc" "$gw" "$cgw"
conn=$("$bin" vpn conn create --vpc-id "$vpc" --vpn-gateway-id "$gw" --customer-gateway-id "$cgw" --name t1 \
  --pre-shared-key "demo-$RANDOM-key" --spd '[{"LocalCidrBlock":"10.0.0.0/16","RemoteCidrBlock":["192.168.0.0/16"]}]' \
  --wait -o text --query 'VpnConnection.VpnConnectionId')
echo "$conn"
run vpn conn list --vpn-gateway-id "$gw"

say "Reset the tunnel (scripts pass --yes; a terminal would ask)"
run vpn conn reset "$conn" --vpn-gateway-id "$gw" --yes

say "Delete it with the legacy API: DeleteVpnConn answers with a task, --wait polls DescribeVpcTaskResult"
run vpn conn delete "$conn" --vpn-gateway-id "$gw" --vpc-id "$vpc" --legacy --yes --wait
run vpn conn list --vpn-gateway-id "$gw"

say "Clean up"
run vpn cgw delete "$cgw" --yes
run vpn gw delete "$gw" --yes --wait
for s in $("$bin" subnet list --vpc-id "$vpc" -o text --query 'SubnetSet[].SubnetId'); do
  run subnet delete "$s" --yes
done
run vpc delete "$vpc" --yes
run vpc list

say "Done. Exit codes, environment and output rules: tcvpc help exit-codes | environment"
