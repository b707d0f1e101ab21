#!/usr/bin/env bash
# Runs the whole test suite: unit tests, kernel tests (each in a fresh network namespace; needs
# root), packet tests. Then checks that this machine's own ruleset is exactly as it was before.
# Extra arguments go to Maven, e.g. scripts/test.sh -DexcludedTestGroups=kernel
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-deps.sh

host_ruleset() { nft list ruleset 2>&1 | sha256sum | cut -d' ' -f1; }
before=$(host_ruleset)

mvn -B verify "$@"
rc=$?

after=$(host_ruleset)
if [ "$before" != "$after" ]; then
  echo "FAIL: the machine's own ruleset changed during the test suite (sha256 $before -> $after)" >&2
  exit 1
fi
echo "host ruleset unchanged by the suite (sha256 $after)"
leftover=$(ip netns list 2>/dev/null | grep -c '^jnft-' || true)
if [ "$leftover" != "0" ]; then
  echo "FAIL: $leftover network namespace(s) named jnft-* were left behind" >&2
  exit 1
fi
exit $rc
