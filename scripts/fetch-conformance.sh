#!/usr/bin/env bash
# Fetches the nftables 1.0.6 test corpus that the conformance tests read, from nftables' own
# release tarball, into the user cache where the tests look for it:
#   ${XDG_CACHE_HOME:-~/.cache}/jnftables/conformance/nftables-1.0.6
# Only test data is kept (tests/py without the netlink .payload files and the Python runner;
# the rulesets of tests/shell/testcases/*/dumps). Nothing is put into this repository.
#
#   scripts/fetch-conformance.sh                      # from netfilter.org, checked against the pinned sha256
#   scripts/fetch-conformance.sh --url URL [--url URL2] [--sha256 HEX] [--dest DIR]
#
# --url replaces the default URLs (tried in the order given); --sha256 is for a mirror that
# repacked the tarball and is accepted only together with --url. --dest is the corpus directory
# itself (point the tests at it with -Djnftables.conformance.dir=DIR when it is not the default).
# The install is atomic: everything is built in a temporary directory beside DIR and renamed into
# place at the end, so a failed or interrupted run leaves no partial corpus. Run again: it says
# the corpus is there and exits 0.
set -euo pipefail

readonly PINNED_SHA256=2407430ddd82987670e48dc2fda9e280baa8307abec04ab18d609df3db005e4c
readonly PINNED_SIZE=834584
readonly TOP=nftables-1.0.6
default_urls=(
  https://www.netfilter.org/pub/nftables/nftables-1.0.6.tar.xz
  https://netfilter.org/projects/nftables/files/nftables-1.0.6.tar.xz
)

say() { echo "fetch-conformance: $*" >&2; }
die() { say "$*"; exit 1; }

usage() {
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# ---------------------------------------------------------------- options
urls=()
sha256=""
dest=""
while [ $# -gt 0 ]; do
  case "$1" in
    --url) [ $# -ge 2 ] || usage; urls+=("$2"); shift 2 ;;
    --url=*) urls+=("${1#--url=}"); shift ;;
    --sha256) [ $# -ge 2 ] || usage; sha256="$2"; shift 2 ;;
    --sha256=*) sha256="${1#--sha256=}"; shift ;;
    --dest) [ $# -ge 2 ] || usage; dest="$2"; shift 2 ;;
    --dest=*) dest="${1#--dest=}"; shift ;;
    -h|--help) usage ;;
    *) say "unknown argument: $1"; usage ;;
  esac
done

if [ -n "$sha256" ]; then
  # Another checksum is only meaningful for another file, i.e. another URL.
  [ "${#urls[@]}" -gt 0 ] || die "--sha256 is accepted only together with --url (the default URLs serve the pinned tarball)"
  sha256=$(printf '%s' "$sha256" | tr 'A-F' 'a-f')
  [[ "$sha256" =~ ^[0-9a-f]{64}$ ]] || die "--sha256 must be 64 hexadecimal digits, not '$sha256'"
  size=""  # a repacked tarball has its own size: the checksum alone decides
else
  sha256=$PINNED_SHA256
  size=$PINNED_SIZE
fi
[ "${#urls[@]}" -gt 0 ] || urls=("${default_urls[@]}")

if [ -z "$dest" ]; then
  cache=${XDG_CACHE_HOME:-}
  case "$cache" in
    /*) ;;
    *) [ -n "${HOME:-}" ] || die "neither XDG_CACHE_HOME nor HOME is set: give --dest DIR"
       cache=$HOME/.cache ;;
  esac
  dest=$cache/jnftables/conformance/$TOP
fi
case "$dest" in
  /*) ;;
  *) dest=$PWD/$dest ;;
esac
dest=${dest%/}
parent=$(dirname "$dest")

# The corpus is GPL-2.0 test data of another project: it never goes into this repository.
repo=$(cd "$(dirname "$0")/.." && pwd -P)
case "$(realpath -m -- "$parent")/" in
  "$repo"/*) die "--dest $dest is inside this repository ($repo): the corpus must stay outside it" ;;
esac

# ---------------------------------------------------------------- already there?
if [ -e "$dest" ]; then
  if [ -f "$dest/README.md" ] && [ -d "$dest/py" ] && [ -d "$dest/shell-dumps" ]; then
    say "the corpus is already at $dest ($(grep -m1 '^Source: ' "$dest/README.md" 2>/dev/null || echo 'source not recorded')); nothing to do"
    exit 0
  fi
  die "$dest exists but is not a complete corpus (README.md, py/, shell-dumps/): remove it or give another --dest"
fi

# ---------------------------------------------------------------- tools
missing=()
command -v curl >/dev/null 2>&1 || command -v wget >/dev/null 2>&1 || missing+=(curl)
command -v tar >/dev/null 2>&1 || missing+=(tar)
command -v xz >/dev/null 2>&1 || missing+=(xz-utils)
command -v sha256sum >/dev/null 2>&1 || missing+=(coreutils)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    die "missing packages: ${missing[*]} — run as root (or: sudo apt-get install ${missing[*]})"
  fi
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# ---------------------------------------------------------------- work beside the destination
# Same file system as $dest, so the final rename is atomic; removed whatever happens.
mkdir -p -- "$parent"
work=$(mktemp -d "$parent/.$TOP.fetch.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
trap 'say "interrupted; nothing installed"; exit 130' INT
trap 'say "terminated; nothing installed"; exit 143' TERM

download() { # URL FILE
  case "$1" in
    file://*) if ! command -v curl >/dev/null 2>&1; then cp -- "${1#file://}" "$2"; return; fi ;;
  esac
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 2 --connect-timeout 20 -o "$2" "$1"
  else
    wget -q --tries=3 --timeout=20 -O "$2" "$1"
  fi
}

# Verifies FILE against the expected size and sha256; says why not on failure.
verify() { # URL FILE
  local got_size got_sha
  got_size=$(wc -c <"$2" | tr -d ' ')
  if [ -n "$size" ] && [ "$got_size" != "$size" ]; then
    say "refused $1: $got_size bytes, expected $size (wrong or truncated file)"
    return 1
  fi
  got_sha=$(sha256sum "$2" | cut -d' ' -f1)
  if [ "$got_sha" != "$sha256" ]; then
    say "refused $1: sha256 $got_sha, expected $sha256 ($got_size bytes)"
    return 1
  fi
}

tarball=$work/$TOP.tar.xz
used=""
for url in "${urls[@]}"; do
  say "downloading $url"
  rm -f "$tarball"
  if ! download "$url" "$tarball"; then
    say "could not download $url"
    continue
  fi
  if verify "$url" "$tarball"; then
    used=$url
    break
  fi
done
[ -n "$used" ] || die "no URL gave the expected tarball (sha256 $sha256${size:+, $size bytes}); nothing installed"

# ---------------------------------------------------------------- the layout rule
# py/                      = tests/py without *.payload* and the runner nft-test.py
# shell-dumps/<t>/dumps/*  = tests/shell/testcases/<t>/dumps/*
mkdir "$work/x"
tar -xJf "$tarball" -C "$work/x" --no-same-owner \
  || die "the tarball from $used does not unpack (tar/xz failed); nothing installed"
src=$work/x/$TOP/tests
[ -d "$src/py" ] && [ -d "$src/shell/testcases" ] \
  || die "the tarball from $used has no $TOP/tests/py and $TOP/tests/shell/testcases; nothing installed"

out=$work/$TOP
mkdir "$out"
cp -RL -- "$src/py" "$out/py"
chmod -R u+w -- "$out/py"  # a repacked tarball may have read-only directories
rm -f -- "$out/py/nft-test.py"
find "$out/py" -name '*.payload*' -type f -delete
find "$out/py" -mindepth 1 -depth -type d -empty -delete
n_dumps=0
for dumps in "$src"/shell/testcases/*/dumps; do
  [ -d "$dumps" ] || continue
  topic=$(basename "$(dirname "$dumps")")
  for f in "$dumps"/*; do
    [ -f "$f" ] || continue
    mkdir -p "$out/shell-dumps/$topic/dumps"
    cp -L -- "$f" "$out/shell-dumps/$topic/dumps/"
    n_dumps=$((n_dumps + 1))
  done
done
[ "$n_dumps" -gt 0 ] || die "the tarball from $used has no tests/shell/testcases/*/dumps files; nothing installed"
n_t=$(find "$out/py" -name '*.t' -type f | wc -l)

cat >"$out/README.md" <<EOF
# nftables 1.0.6 conformance corpus

Test data from the nftables project itself (netfilter.org, licence GPL-2.0), release 1.0.6,
fetched by jnftables' scripts/fetch-conformance.sh. Only data is kept: the netlink \`.payload\`
files and the Python runner (\`nft-test.py\`) are left out. It is reference data for tests; it is
not part of jnftables and is not copied into it.

Source: $used
sha256: $sha256 ($(wc -c <"$tarball" | tr -d ' ') bytes)
Fetched: $(date -u +%Y-%m-%dT%H:%M:%SZ)
Licence: GPL-2.0 (the nftables project's licence)

- \`py/\`: the tarball's \`tests/py/\` ($n_t \`.t\` files: one rule per line, with its JSON in
  \`.t.json\` and, where the kernel lists it back differently, \`.t.json.output\`).
- \`shell-dumps/<topic>/dumps/\`: the tarball's \`tests/shell/testcases/<topic>/dumps/\` ($n_dumps
  files: whole rulesets as \`nft list ruleset\` prints them after each shell test).
EOF

rm -rf "$work/x" "$tarball"
# The one step that makes the corpus visible; mv -T refuses to merge into a directory that
# appeared meanwhile.
mv -T -- "$out" "$dest" || die "could not move the corpus to $dest; nothing installed"
say "installed the corpus at $dest ($n_t .t files, $n_dumps shell dumps) from $used"
default_cache=${XDG_CACHE_HOME:-}
case "$default_cache" in /*) ;; *) default_cache=${HOME:-}/.cache ;; esac
if [ "$dest" != "$default_cache/jnftables/conformance/$TOP" ]; then
  say "not the default place: run the tests with -Djnftables.conformance.dir=$dest"
fi
