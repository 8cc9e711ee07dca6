#!/usr/bin/env bash
# How many events a bot in another language consumes over each bridge, and the latency from the publisher's wall
# clock to the handler (bridge-verticle README, "Figures"). Short and bounded: <rate> events/s for <seconds> (<= 60 s).
#   bridge-verticle/consume-bench.sh <python-tcp|node-tcp|node-sockjs> <rate> <seconds>
# Needs the build of the clients (mvn verify, or .ci/run's npm steps). Starts one JVM (BridgeLoadMain: the bridge and
# the load source) and one client process, and stops both by their own PIDs.
set -euo pipefail
cd "$(dirname "$0")/.."
kind=$1; rate=$2; secs=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -o -q -B -pl bridge-verticle -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/cp.txt" >/dev/null
export CORDBUS_BRIDGE_SECRET=consume-bench-secret-0123456789
mkfifo "$work/in"
exec 3<>"$work/in"
java -Xmx512m -cp "bridge-verticle/target/test-classes:bridge-verticle/target/classes:$(cat "$work/cp.txt")" \
  dev.cordbus.bridge.it.BridgeLoadMain < "$work/in" > "$work/load.out" 2>&1 &
jpid=$!
for _ in $(seq 1 120); do grep -q '^READY' "$work/load.out" && break; sleep 0.5; done
read -r _ tcp sockjs < <(grep '^READY' "$work/load.out")
n=$((rate * secs))
case $kind in
  python-tcp) (cd clients/python && CORDBUS_BRIDGE_PORT=$tcp exec python3 bench/consume.py $n $((secs + 20))) > "$work/c.out" 2>&1 & ;;
  node-tcp) (cd example-bot-verticle/node && CORDBUS_BRIDGE_PORT=$tcp exec node consume-bench.js tcp $n $((secs + 20))) > "$work/c.out" 2>&1 & ;;
  node-sockjs) (cd example-bot-verticle/node && CORDBUS_BRIDGE_URL=http://127.0.0.1:$sockjs/eventbus exec node consume-bench.js sockjs $n $((secs + 20))) > "$work/c.out" 2>&1 & ;;
  *) echo "unknown kind $kind"; kill "$jpid"; exit 2 ;;
esac
cpid=$!
for _ in $(seq 1 60); do grep -q 'CONSUMER-READY' "$work/c.out" && break; sleep 0.5; done
sleep 5   # the bridges do not acknowledge REGISTER: let it settle on a cold JVM
echo "go $rate $secs" >&3
wait "$cpid" || true
echo quit >&3
wait "$jpid" || true
grep SENT "$work/load.out"
grep RESULT "$work/c.out" || tail -20 "$work/c.out"
