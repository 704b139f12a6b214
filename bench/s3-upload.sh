#!/usr/bin/env bash
# S3 upload benchmark (on demand, not part of the tests): the SDK's default aws-chunked uploads
# against the plain-body uploads of S3Clients, side by side against S3Proxy under load.
#   bench/s3-upload.sh [seconds] [writers per form]     (default 90 s, 2 writers)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bench -am package -DskipTests
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" com.webexqoe.bench.S3UploadBench "$@"
