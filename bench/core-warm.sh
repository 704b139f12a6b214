#!/usr/bin/env bash
# Core warm-run benchmark (on demand, not part of the tests): seeds one day, then seven, then thirty
# days of history at realistic rates into dynalite (the health table's run items one a minute and
# its 7-day series items included) and times warm runs of the core jar in one JVM each.
#   bench/core-warm.sh [warm runs]        (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f node_modules/dynalite/package.json ] || npm ci --no-audit --no-fund --silent
./mvnw -B -q -pl bench -am package -DskipTests
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" com.webexqoe.bench.CoreWarmBench "$@"
