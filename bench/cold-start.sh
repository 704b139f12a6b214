#!/usr/bin/env bash
# Cold-start benchmark (on demand, not part of the tests): builds the function jars and the
# harness, then times fresh JVMs invoking them through the Lambda runtime interface client.
#   bench/cold-start.sh [runs] [extra JVM flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bench -am package -DskipTests
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" com.webexqoe.bench.ColdStartBench "$@"
