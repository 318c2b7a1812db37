#!/usr/bin/env bash
# Checks a goreleaser snapshot in DIST (default dist/): the binary for this
# machine prints the injected version and commit, every binary is static
# and built with -trimpath, the archives carry README, LICENSE, completions
# and man pages, the deb (and rpm, when rpm is installed) install the
# completions and man pages, and checksums.txt matches.
set -euo pipefail
dist=${1:-dist}
fail() { echo "check-snapshot: $*" >&2; exit 1; }

version=$(sed -n 's/.*"version":"\([^"]*\)".*/\1/p' "$dist/metadata.json")
commit=$(sed -n 's/.*"commit":"\([^"]*\)".*/\1/p' "$dist/metadata.json")
[ -n "$version" ] && [ -n "$commit" ] && [ "$commit" != none ] || fail "no version or commit in $dist/metadata.json (was git readable?)"

goos=$(go env GOOS) goarch=$(go env GOARCH)
bin=$(ls -d "$dist"/tcvpc_"${goos}_${goarch}"*/tcvpc | head -1)
out=$("$bin" version)
first=$(printf '%s\n' "$out" | sed -n 1p)
[ "$first" = "tcvpc $version" ] || fail "$bin version printed \"$first\", want \"tcvpc $version\""
printf '%s\n' "$out" | grep -q "^commit $commit, built 20" || fail "$bin version does not name commit $commit: $out"
echo "ok: $bin version: $(printf '%s' "$out" | tr '\n' ' ')"

n=0
for b in "$dist"/tcvpc_*/tcvpc "$dist"/tcvpc_*/tcvpc.exe; do
  [ -f "$b" ] || continue
  n=$((n + 1))
  info=$(go version -m "$b")
  grep -q 'CGO_ENABLED=0' <<<"$info" || fail "$b: not built with CGO_ENABLED=0"
  grep -q -- '-trimpath=true' <<<"$info" || fail "$b: not built with -trimpath"
done
[ "$n" = 6 ] || fail "$n binaries, want 6 (linux, darwin, windows x amd64, arm64)"
echo "ok: $n static binaries built with -trimpath"

for a in "$dist"/tcvpc_*.tar.gz "$dist"/tcvpc_*.zip; do
  case $a in
    *.zip) list=$(unzip -Z1 "$a") ;;
    *) list=$(tar tzf "$a") ;;
  esac
  for f in README.md LICENSE completions/tcvpc.bash completions/_tcvpc completions/tcvpc.fish \
    completions/tcvpc.ps1 docs/man/tcvpc.1 docs/man/tcvpc-vpc-create.1 docs/guides/getting-started.md; do
    grep -qx "$f" <<<"$list" || fail "$a lacks $f"
  done
done
echo "ok: archives carry README, LICENSE, completions, man pages and guides"

for d in "$dist"/*.deb; do
  list=$(dpkg-deb -c "$d")
  for p in /usr/bin/tcvpc /usr/share/man/man1/tcvpc.1 /usr/share/man/man1/tcvpc-vpc.1 \
    /usr/share/bash-completion/completions/tcvpc /usr/share/zsh/vendor-completions/_tcvpc \
    /usr/share/fish/vendor_completions.d/tcvpc.fish /usr/share/doc/tcvpc/LICENSE; do
    grep -q " \.$p\$" <<<"$list" || fail "$d does not install $p"
  done
done
echo "ok: deb packages install the binary, man pages and completions"
if command -v rpm >/dev/null; then
  for d in "$dist"/*.rpm; do
    list=$(rpm -qlp "$d" 2>/dev/null)
    for p in /usr/bin/tcvpc /usr/share/man/man1/tcvpc.1 /usr/share/zsh/site-functions/_tcvpc \
      /usr/share/bash-completion/completions/tcvpc /usr/share/fish/vendor_completions.d/tcvpc.fish; do
      grep -qx "$p" <<<"$list" || fail "$d does not install $p"
    done
  done
  echo "ok: rpm packages install the binary, man pages and completions"
else
  echo "skip: rpm is not installed; the rpm packages' contents are not listed"
fi

(cd "$dist" && sha256sum --quiet -c checksums.txt) || fail "checksums.txt does not match"
echo "ok: checksums.txt"
