#!/usr/bin/env bash
# How far one PostgreSQL goes (docs/scaling.md, "Measured"): engine votes/s and posts/s at 2, 4 and
# 8 threads beside `pgbench -N` at the same number of clients, on the same server, in one run.
#
#   mvn -B -q -pl benchmarks -am -DskipTests package
#   NICHE_BENCH_POSTGRES_URL='jdbc:postgresql://127.0.0.1:5432/niche_bench?user=postgres' \
#     benchmarks/scaling.sh
#
# pgbench gets a database of its own, named by PGBENCH_DATABASE (default niche_pgbench, created
# when missing) on the server that PGHOST/PGPORT/PGUSER name (default 127.0.0.1:5432, postgres).
# Each step is short (JMH: 2 warm-up and 3 measured iterations of 2 s; pgbench: 10 s), so read
# the figures side by side rather than one by one: the machine is shared and noisy.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${NICHE_BENCH_POSTGRES_URL:?set NICHE_BENCH_POSTGRES_URL to a PostgreSQL JDBC URL}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
pgbench_db="${PGBENCH_DATABASE:-niche_pgbench}"
jar=benchmarks/target/benchmarks.jar
[[ -f $jar ]] || { echo "build first: mvn -B -q -pl benchmarks -am -DskipTests package" >&2; exit 1; }

if ! psql -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '$pgbench_db'" | grep -q 1; then
  psql -d postgres -qc "CREATE DATABASE $pgbench_db"
fi
pgbench -i -q -s 10 "$pgbench_db" >/dev/null 2>&1

jmh() { java -jar "$jar" "$@" -p database=postgresql -wi 2 -w 2 -i 3 -r 2 -rf csv -rff /tmp/niche-scaling.csv >/dev/null 2>&1
        tail -n +2 /tmp/niche-scaling.csv | cut -d, -f5 | tr -d '"'; }

printf '%-8s %-16s %-16s %-16s %s\n' threads 'engine votes/s' 'baseline votes/s' 'engine posts/s' 'pgbench -N tps'
for t in 2 4 8; do
  votes=$(jmh JdbcVoteBenchmark -t "$t" -p implementation=engine)
  baseline=$(jmh JdbcVoteBenchmark -t "$t" -p implementation=baseline)
  posts=$(jmh JdbcPostBenchmark -t "$t")
  tps=$(pgbench -N -c "$t" -j "$t" -T 10 "$pgbench_db" 2>/dev/null | awk '/^tps/ { print $3; exit }')
  printf '%-8s %-16.0f %-16.0f %-16.0f %.0f\n' "$t" "$votes" "$baseline" "$posts" "$tps"
done
