#!/usr/bin/env bash
# Wall-clock start-up of the built binary: `tcvpc version`, `--help`, and a
# signed call against the local emulator. Uses hyperfine when installed.
set -euo pipefail
bin=${1:-bin/tcvpc}
runs=${RUNS:-200}
time_cmd() {
  local label=$1; shift
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 20 --runs "$runs" --style basic "$*" 2>/dev/null | sed -n "2p;3p" | sed "s/^/$label: /"
  else
    local start end
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1; done
    end=$(date +%s%N)
    printf '%s: mean %.2f ms over %d runs\n' "$label" "$(echo "($end-$start)/$runs/1000000" | bc -l)" "$runs"
  fi
}
time_cmd "version" "$bin" version
time_cmd "--help" "$bin" --help
if "$bin" emulator --help >/dev/null 2>&1; then
  log=$(mktemp)
  "$bin" emulator --addr 127.0.0.1:0 >"$log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null; rm -f $log' EXIT
  for _ in $(seq 50); do grep -q '^listening' "$log" && break; sleep 0.1; done
  eval "$(grep '^export' "$log")"
  time_cmd "signed call" "$bin" api DescribeVpcs
fi
