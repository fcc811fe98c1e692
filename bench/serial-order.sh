#!/usr/bin/env bash
# Random against time-ordered certificate serials (docs/performance.md, round 13): the WAL written and the time taken
# by NEW inserts right after a checkpoint, in commits of BATCH rows as the group commit writes them, into a table
# that already holds ROWS, with the certificate table's two serial-keyed unique indexes (the ARN, and the serial per
# authority). Uses a PostgreSQL server of its own (port 15433, shared_buffers=2GB as bench/run.sh), run as root.
set -euo pipefail
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
D=$ROOT/bench/target/serial-order-data; PORT=15433; ROWS=${ROWS:-1000000}; NEW=${NEW:-200000}; BATCH=${BATCH:-16}
rm -rf $D; mkdir -p $D; chown postgres $D
runuser -u postgres -- $PG_BIN/initdb -D $D -U postgres --auth=trust -E UTF8 --locale=C >/dev/null
runuser -u postgres -- $PG_BIN/pg_ctl -D $D -l $D/server.log -o "-p $PORT -c shared_buffers=2GB -c max_wal_size=8GB -c synchronous_commit=on" -w start >/dev/null
P="psql -h 127.0.0.1 -p $PORT -U postgres -qAt"
for v in random ordered; do
  $P -c "create table exp_$v (id bigint primary key, certificate_arn text not null unique, authority_arn text not null, serial_number text not null, payload text not null, constraint exp_${v}_serial unique (authority_arn, serial_number))"
done
A="arn:aws:acm-pca:local:000000000000:certificate-authority/37ffc8ff-3672-3719-9385-2c0a5c4eba00"
# serial expressions: i is the row number, ms the issuance time in milliseconds
RANDOM_SERIAL="md5(random()::text)"
ORDERED_SERIAL="lpad(to_hex(1795970000000 + i / 2), 12, '0') || substr(md5(random()::text), 1, 20)"
load() { # table serial-expression from to
  $P -c "insert into exp_$1 select i, '$A/certificate/' || s, '$A', s, repeat('x', 200) from (select i, $2 as s from generate_series($3, $4) i) g"
}
load random "$RANDOM_SERIAL" 1 $ROWS
load ordered "$ORDERED_SERIAL" 1 $ROWS
$P -c "vacuum analyze"
for v in random ordered; do
  expr=$RANDOM_SERIAL; [ $v = ordered ] && expr=$ORDERED_SERIAL
  $P -c checkpoint
  before=$($P -c "select pg_current_wal_lsn()")
  start=$(date +%s%N)
  # NEW rows in statements of BATCH rows each, each its own commit, as the gateway's group commit writes them
  from=$((ROWS + 1))
  script=$(mktemp)
  for ((k = from; k < from + NEW; k += BATCH)); do
    echo "insert into exp_$v select i, '$A/certificate/' || s, '$A', s, repeat('x', 200) from (select i, $expr as s from generate_series($k, $((k + BATCH - 1))) i) g;"
  done > $script
  $P -f $script
  end=$(date +%s%N)
  after=$($P -c "select pg_current_wal_lsn()")
  wal=$($P -c "select pg_wal_lsn_diff('$after', '$before')")
  echo "$v: $NEW rows in $((NEW / BATCH)) commits: $(( (end - start) / 1000000 )) ms, WAL $((wal / 1024 / 1024)) MB, $((wal / NEW)) bytes per row"
  rm -f $script
done
$P -c "select relname, pg_size_pretty(pg_relation_size(oid)) from pg_class where relname like 'exp_%' order by 1"
runuser -u postgres -- $PG_BIN/pg_ctl -D $D -m fast -w stop >/dev/null
rm -rf $D
