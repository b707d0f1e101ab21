#!/usr/bin/env bash
# Installs what building and running jnftables needs on Debian 12, when it is missing.
# Sourced by scripts/sample.sh and scripts/test.sh; needs root (apt-get) on a fresh machine.
set -euo pipefail

jnft_missing=()
command -v nft >/dev/null 2>&1 || jnft_missing+=(nftables)
[ -e /usr/include/nftables/libnftables.h ] || jnft_missing+=(libnftables-dev)
command -v ip >/dev/null 2>&1 || jnft_missing+=(iproute2)
command -v gcc >/dev/null 2>&1 || jnft_missing+=(gcc)
# The helper (native/src/main/c/jnft-helper.c) needs libc and kernel headers (capability.h).
[ -e /usr/include/linux/capability.h ] && [ -e /usr/include/stdio.h ] || jnft_missing+=(libc6-dev linux-libc-dev)
command -v mvn >/dev/null 2>&1 || jnft_missing+=(maven)
if ! command -v javac >/dev/null 2>&1 || ! javac -version 2>&1 | grep -Eq 'javac (1[7-9]|[2-9][0-9])'; then
  jnft_missing+=(openjdk-17-jdk-headless)
fi

if [ "${#jnft_missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "jnftables: missing packages: ${jnft_missing[*]} — run as root (or: sudo apt-get install ${jnft_missing[*]})" >&2
    exit 1
  fi
  echo "jnftables: installing ${jnft_missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${jnft_missing[@]}" >/dev/null
fi
