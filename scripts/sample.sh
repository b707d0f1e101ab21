#!/usr/bin/env bash
# The main job: builds jnftables, applies the BasicFirewall sample policy in a throwaway network
# namespace (never this machine's own firewall) and prints what the kernel lists back.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-deps.sh
mvn -B -q -Dstyle.color=never -DskipTests -pl samples -am package
exec java --enable-native-access=ALL-UNNAMED -jar samples/target/jnftables-samples.jar "$@"
