#!/usr/bin/env bash
# Cold-start benchmark (on demand, not part of the tests): builds the function jars and the
# harness, then times fresh JVMs invoking every function (and a do-nothing handler, the floor)
# through the Lambda runtime interface client against the local run's stand-ins and demo APIs,
# without and with a class-data-sharing archive (built here, under bench/target/appcds).
#   bench/cold-start.sh [runs] [JVM flags...]       (default: 9 runs; C1 as Lambda, and the default JIT)
#   BENCH_BASELINE=DIR bench/cold-start.sh ...      (also measures earlier jars DIR/webexdev-<x>.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f node_modules/dynalite/package.json ] || npm ci --no-audit --no-fund --silent
./mvnw -B -q -pl bench -am package -DskipTests
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" com.webexqoe.bench.ColdStartBench "$@"
