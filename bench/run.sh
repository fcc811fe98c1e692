#!/usr/bin/env bash
# cert-gateway benchmark: signing ceiling (JMH), the gateway over HTTP (PostgreSQL, policy, JWT) and cfssl serve
# over HTTP, for ECDSA P-256 and RSA-2048, in one run on this machine. See bench/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

# ---- knobs (environment) ---------------------------------------------------------------------------------
SECONDS_CLOSED=${SECONDS_CLOSED:-30}     # closed-loop saturation run length
SECONDS_OPEN=${SECONDS_OPEN:-30}         # open-model run length
SECONDS_WARMUP=${SECONDS_WARMUP:-180}    # gateway warm-up per key type before anything is measured (C2 needs minutes of CPU on 2 cores)
SECONDS_REWARM=${SECONDS_REWARM:-10}     # unrecorded closed-loop run before each saturation turn and before the open-model blocks
# Closed-loop concurrencies: each target takes its turns at each, and its saturation rate is its best (bench/README.md).
CLIENTS=${CLIENTS:-"16 64 128"}
WARM_CLIENTS=${CLIENTS%% *}              # the first, for the warm-ups
TURNS=${TURNS:-2}                        # saturation blocks per target and key type, taken in turns (A B B A ...)
OPEN_CLIENTS=${OPEN_CLIENTS:-64}         # connections available to the open model
RATES_EC=${RATES_EC:-"400 1000"}         # constant arrival rates, requests/s
RATES_RSA=${RATES_RSA:-"250 1000"}
KINDS=${KINDS:-"ec rsa"}
TARGETS=${TARGETS:-"gateway cfssl"}
CSR_POOL=${CSR_POOL:-400}
JMH=${JMH:-1}                            # 0 skips the JMH ceiling
JMH_ARGS=${JMH_ARGS:-"-f 1 -wi 3 -w 3s -i 5 -r 3s"}
JIT_QUIET=${JIT_QUIET:-0.5}               # after the warm-up, more 30 s blocks until the JIT compiles for less than this many seconds in one
JIT_MAX_BLOCKS=${JIT_MAX_BLOCKS:-8}      # ... but at most this many
PROFILE=${PROFILE:-0}                    # 1: JFR profile of the gateway; async: async-profiler CPU samples (native frames too) after the warm-up
PROFILE_EVENT=${PROFILE_EVENT:-cpu}      # async-profiler's event: cpu (CPU time through perf_events, every thread's, kernel included), itimer (CPU time by a process-wide timer: needs no perf_events, but on these machines it over-sampled native code threefold) or alloc (allocated bytes, by allocation site)
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:-"-Xms1g -Xmx1g -XX:+UseParallelGC"}  # the collector the Helm chart deploys with (docs/deployment.md)
GATEWAY_JAVA_HOME=${GATEWAY_JAVA_HOME:-}  # a JDK to run the gateway on (default: the java on PATH); everything else runs on the default
GW_BIN=${GATEWAY_JAVA_HOME:+$GATEWAY_JAVA_HOME/bin/}   # prefix of the gateway JDK's java, jstat and jcmd
GW_PORT=${GW_PORT:-18080}
# A second gateway to compare with, target gateway-b: GATEWAY_B_JAR (default: the jar built from this checkout) with
# GATEWAY_B_JAVA_OPTS (default: GATEWAY_JAVA_OPTS), on GW_B_PORT, recording into the same database. Started only
# when TARGETS names gateway-b; compare them with TARGETS="gateway gateway-b" TURNS=4 so that both see the same
# machine, which drifts by more than most changes are worth between runs.
GATEWAY_B_JAR=${GATEWAY_B_JAR:-}
GATEWAY_B_JAVA_OPTS=${GATEWAY_B_JAVA_OPTS:-$GATEWAY_JAVA_OPTS}
WITH_GATEWAY_B=0; [[ " $TARGETS " == *" gateway-b "* ]] && WITH_GATEWAY_B=1
GW_B_PORT=${GW_B_PORT:-18081}
CFSSL_EC_PORT=${CFSSL_EC_PORT:-18888}
CFSSL_RSA_PORT=${CFSSL_RSA_PORT:-18889}
# own: a PostgreSQL server of the benchmark's own, its data in the run's directory on the machine's disk, with
# PG_SETTINGS; machine: the server at PGHOST:PGPORT, configured as the machine has it.
PG_SERVER=${PG_SERVER:-own}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
PG_OWN_PORT=${PG_OWN_PORT:-15432}
# The own server's settings on top of PostgreSQL's defaults. Durability stays on (fsync, synchronous_commit,
# full_page_writes); the WAL is sized for a write-heavy service, so that checkpoints come every checkpoint_timeout
# (5 min) instead of every half a minute at saturation, and the buffer cache holds the indexes' working set, so that
# dirty pages wait for the checkpoint instead of being evicted to the disk between commits (docs/deployment.md,
# "The database's settings").
PG_SETTINGS=${PG_SETTINGS:-"max_wal_size=8GB min_wal_size=8GB shared_buffers=2GB"}
# WAL segments the own server creates before anything else, for reuse: a server that has run at its peak rate has
# them, and without them PostgreSQL creates each new 16 MB segment by writing zeros while commits wait (about every
# 4 s at 1,000 issuances/s). 0 creates none.
WAL_SEGMENTS=${WAL_SEGMENTS:-512}
# The kernel's background writeback threshold for the run (vm.dirty_background_bytes), as a database host has it:
# by default the kernel lets the data files' writes (new table and index pages, evicted buffers) pile up to 10 % of
# memory or 30 s and then writes them in one burst, which every commit's fdatasync waits behind (docs/deployment.md,
# "The database's host"). Set for the run and put back at its end; needs root. Empty: leave the kernel as it is
# (the default with PG_SERVER=machine, whose host is configured as it is).
if [ "$PG_SERVER" = own ]; then DIRTY_BACKGROUND_BYTES=${DIRTY_BACKGROUND_BYTES-4194304}; else DIRTY_BACKGROUND_BYTES=${DIRTY_BACKGROUND_BYTES-}; fi
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DISK_ACTIVITY=${DISK_ACTIVITY:-1}        # 1: sample the kernel's dirty and writeback page cache and the disk's writes every 100 ms (disk-activity.tsv)
DB_ACTIVITY=${DB_ACTIVITY:-1}            # 1: sample autovacuum, the checkpointer and WAL written every 100 ms (db-activity.tsv)
KEEP_DB=${KEEP_DB:-0}
FSYNC_PROBE=${FSYNC_PROBE:-1}            # 1: time fdatasync on the results' file system during every measured block
MVN_FLAGS=${MVN_FLAGS:-}                 # e.g. -o when the Maven repository is already populated
# Where the gateway and cfssl write their output while they run (moved into the run's directory at the end). The
# gateway logs a line per issuance, about 1 MB/s at saturation; written to the database's disk they would be flushed
# between its WAL syncs, which a deployed gateway's log never is. Default: memory (/dev/shm) when there is one.
SERVER_LOG_DIR=${SERVER_LOG_DIR:-}

TS=$(date -u +%Y%m%d%H%M%S)
RUN=$ROOT/bench/target/run-$TS
KEYS=$RUN/keys
DB=certgw_bench_$TS
mkdir -p "$KEYS"
RESULTS=$RUN/results.tsv
if [ -z "$SERVER_LOG_DIR" ]; then
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then SERVER_LOG_DIR=/dev/shm/certgw-bench-$TS; else SERVER_LOG_DIR=$RUN; fi
fi
mkdir -p "$SERVER_LOG_DIR"
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$RUN/run.log"; }

# ---- prerequisites: Debian packages only ----------------------------------------------------------------------
need=()
command -v cfssl >/dev/null || need+=(golang-cfssl)
command -v openssl >/dev/null || need+=(openssl)
command -v psql >/dev/null || need+=(postgresql-client)
command -v curl >/dev/null || need+=(curl)
[ "$PG_SERVER" = own ] && [ ! -x "$PG_BIN/initdb" ] && need+=(postgresql)
if ((${#need[@]})); then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need[@]}"
fi

# ---- build --------------------------------------------------------------------------------------------------
log "building the gateway jar and the benchmark"
./mvnw -q $MVN_FLAGS -DskipTests package
./mvnw -q $MVN_FLAGS -f bench/pom.xml package
GATEWAY_JAR=$(ls "$ROOT"/target/cert-gateway-*.jar | grep -v original | head -1)
CP="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt"):$GATEWAY_JAR.original"

# ---- keys, token, policy, CSRs ------------------------------------------------------------------------------
log "creating CA keys (openssl), JWT key, token, policy and $CSR_POOL CSRs per key type in $KEYS"
ca() { # alias, openssl -newkey argument..., subject
  mkdir -p "$KEYS/$1"
  openssl req -x509 -new -nodes -newkey "$2" ${3:+-pkeyopt "$3"} -keyout "$KEYS/$1/key.pem" -out "$KEYS/$1/ca.pem" \
    -days 3650 -subj "$4" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}
ca dev-ec ec ec_paramgen_curve:P-256 "/O=cert-gateway bench/CN=bench EC CA"
ca dev-rsa rsa:2048 "" "/O=cert-gateway bench/CN=bench RSA CA"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/jwt-key.pem" 2>/dev/null
openssl pkey -in "$KEYS/jwt-key.pem" -pubout -out "$KEYS/jwt-public.pem"
java -cp "$CP" dev.certgateway.bench.Prepare "$KEYS" "$CSR_POOL"
cat > "$KEYS/policy.yaml" <<'YAML'
# The benchmark's policy: the development policy's rules, for team 'bench' and the bench CSR names.
baseline:
  authorities: [dev-ec, dev-rsa]
  dns:
    allow: [.example.internal]
    wildcards: false
  validity:
    maximum: 397d
    maximumBackdate: 2h
  keys:
    minimumRsaBits: 2048
teams:
  bench:
    subject:
      commonNameMustBeSan: true
YAML
cat > "$KEYS/cfssl.json" <<'JSON'
{"signing": {"default": {"expiry": "720h", "usages": ["digital signature", "key encipherment", "server auth", "client auth"]}}}
JSON

# ---- the database server ------------------------------------------------------------------------------------
PIDS=()
PG_DATA=
DIRTY_WAS_BYTES=; DIRTY_WAS_RATIO=
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ -n "$PG_DATA" ]; then
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
    cp "$PG_DATA/server.log" "$RUN/postgresql.log" 2>/dev/null || true
    [ "$KEEP_DB" = 1 ] || rm -rf "$PG_DATA"
  elif [ "$KEEP_DB" != 1 ]; then
    psql -qc "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  fi
  # Writing a ratio clears the bytes setting and the other way round: put back whichever was in force.
  if [ -n "$DIRTY_WAS_BYTES" ]; then
    if [ "$DIRTY_WAS_BYTES" != 0 ]; then echo "$DIRTY_WAS_BYTES" > /proc/sys/vm/dirty_background_bytes
    else echo "$DIRTY_WAS_RATIO" > /proc/sys/vm/dirty_background_ratio; fi
  fi
  if [ "$SERVER_LOG_DIR" != "$RUN" ]; then
    mv "$SERVER_LOG_DIR"/*.log "$RUN"/ 2>/dev/null || true
    rmdir "$SERVER_LOG_DIR" 2>/dev/null || true
  fi
}
trap cleanup EXIT
if [ "$PG_SERVER" = own ]; then
  # PostgreSQL refuses to run as root: as root, the server runs as the postgres user.
  AS_PG=(); [ "$(id -u)" = 0 ] && AS_PG=(runuser -u postgres --)
  PG_DATA=$RUN/pgdata
  mkdir -p "$PG_DATA"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DATA"
  log "initialising a PostgreSQL server of the benchmark's own in $PG_DATA"
  "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C > "$RUN/initdb.log"
  pg_options="-c listen_addresses=127.0.0.1 -c port=$PG_OWN_PORT -c unix_socket_directories=$PG_DATA"
  pg_options+=" -c fsync=on -c synchronous_commit=on -c full_page_writes=on"
  pg_options+=" -c log_checkpoints=on -c log_autovacuum_min_duration=0"
  for setting in $PG_SETTINGS; do pg_options+=" -c $setting"; done
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -o "$pg_options" -w start > /dev/null
  PGHOST=127.0.0.1; PGPORT=$PG_OWN_PORT
  if [ "$WAL_SEGMENTS" -gt 0 ]; then
    # Each switch after a write starts a new segment, created and zero-filled now; the checkpoints then keep them
    # for reuse (min_wal_size), as the segments of a server that has been running.
    log "creating $WAL_SEGMENTS WAL segments for reuse"
    psql -qc "create table wal_fill (i int)"
    for _ in $(seq "$WAL_SEGMENTS"); do echo "insert into wal_fill values (1); select pg_switch_wal();"; done \
      | psql -q >/dev/null
    psql -qc "drop table wal_fill" -c checkpoint -c checkpoint
    log "WAL segments ready for reuse: $(find "$PG_DATA/pg_wal" -maxdepth 1 -name '0000*' | wc -l)"
  fi
fi

# ---- the kernel's writeback ------------------------------------------------------------------------------------
if [ -n "$DIRTY_BACKGROUND_BYTES" ]; then
  if [ -w /proc/sys/vm/dirty_background_bytes ]; then
    DIRTY_WAS_RATIO=$(cat /proc/sys/vm/dirty_background_ratio)
    DIRTY_WAS_BYTES=$(cat /proc/sys/vm/dirty_background_bytes)
    echo "$DIRTY_BACKGROUND_BYTES" > /proc/sys/vm/dirty_background_bytes
    log "vm.dirty_background_bytes=$DIRTY_BACKGROUND_BYTES for the run (was bytes=$DIRTY_WAS_BYTES ratio=$DIRTY_WAS_RATIO; put back at the end)"
  else
    log "cannot set vm.dirty_background_bytes (not root): the kernel's writeback stays as it is"
  fi
fi

# ---- machine ------------------------------------------------------------------------------------------------
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(free -h | awk '/^Mem:/{print $2}')"
  echo "kernel: $(uname -r)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "gateway java: $("${GW_BIN}java" -version 2>&1 | head -1)"
  echo "vm: dirty_background_bytes=$(cat /proc/sys/vm/dirty_background_bytes) dirty_background_ratio=$(cat /proc/sys/vm/dirty_background_ratio) dirty_expire_centisecs=$(cat /proc/sys/vm/dirty_expire_centisecs)"
  echo "postgresql: $(psql -tAc 'show server_version') ($PG_SERVER server; $(psql -tAc "select string_agg(name || '=' || current_setting(name), ', ' order by name) from pg_settings where name in ('synchronous_commit', 'fsync', 'full_page_writes', 'shared_buffers', 'max_wal_size', 'min_wal_size', 'checkpoint_timeout', 'checkpoint_completion_target', 'wal_compression')"))"
  echo "cfssl: $(cfssl version 2>&1 | head -1)"
  echo "gateway: $(git -C "$ROOT" rev-parse --short HEAD) $GATEWAY_JAVA_OPTS"
  [ "$WITH_GATEWAY_B" = 1 ] && echo "gateway-b: ${GATEWAY_B_JAR:-$(git -C "$ROOT" rev-parse --short HEAD)} $GATEWAY_B_JAVA_OPTS"
  echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$RUN/machine.txt"
cat "$RUN/machine.txt" | tee -a "$RUN/run.log"

# ---- baseline 1: the signing ceiling --------------------------------------------------------------------------
if [ "$JMH" = 1 ]; then
  for t in 1 2; do
    log "JMH signing ceiling, $t thread(s)"
    java -Dbench.dir="$KEYS" -cp "$CP" org.openjdk.jmh.Main SigningBenchmark $JMH_ARGS -t $t \
      -jvmArgsAppend "-Dbench.dir=$KEYS" -rf csv -rff "$RUN/jmh-t$t.csv" > "$RUN/jmh-t$t.log" 2>&1
    grep -E '^SigningBenchmark' "$RUN/jmh-t$t.log" | tee -a "$RUN/run.log"
  done
fi

# ---- servers --------------------------------------------------------------------------------------------------
# The samplers below wake every 100 ms; a read that times out on a pipe nobody writes to waits without forking a
# sleep process each time.
exec {NAP_FD}<> <(:)
nap() { read -r -t 0.1 -u "$NAP_FD" || :; }

log "creating database $DB"
psql -qc "create database $DB"
if [ "$DB_ACTIVITY" = 1 ]; then
  # One psql session, one query every 100 ms, until this script ends: which tables autovacuum is working on, what
  # the checkpointer waits for (CheckpointWriteDelay: spreading its writes; DataFileSync: its final fsyncs) and the
  # WAL position, to match a latency tail with what the database was doing.
  {
    printf 'epoch_ms\twal_bytes\tautovacuum\tcheckpointer\n'
    while kill -0 $$ 2>/dev/null && nap; do
      echo "select (extract(epoch from clock_timestamp()) * 1000)::bigint, pg_current_wal_lsn() - '0/0',
        coalesce((select string_agg(regexp_replace(query, '^autovacuum: ', ''), ', ') from pg_stat_activity
                  where backend_type = 'autovacuum worker'), '-'),
        coalesce((select wait_event from pg_stat_activity where backend_type = 'checkpointer'), '-');"
    done | psql -X -q -At -F $'\t' -d "$DB" 2>/dev/null
  } > "$RUN/db-activity.tsv" &
fi

if [ "$DISK_ACTIVITY" = 1 ]; then
  # Every 100 ms, from the kernel: page-cache data waiting to be written (dirty) and being written (writeback), and
  # what the run directory's disk has written so far and the time its writes took (/proc/diskstats), to tell a
  # stall of the WAL's fdatasync that follows a burst of other writes from one that comes from the disk alone.
  # Bash builtins only, each file read in one go: read line by line, /proc/vmstat was generated anew for each of
  # its 190 lines, 7 ms of CPU per sample.
  disk=$(basename "$(df --output=source "$RUN" | tail -1)")
  {
    printf 'epoch_ms\tdirty_kb\twriteback_kb\tdisk_written_kb\tdisk_write_ms\n'
    while kill -0 $$ 2>/dev/null && nap; do
      dirty=0; writeback=0; written=0; write_ms=0
      read -r -d '' vmstat < /proc/vmstat || :
      [[ $vmstat =~ nr_dirty\ ([0-9]+).*nr_writeback\ ([0-9]+) ]] \
        && { dirty=${BASH_REMATCH[1]}; writeback=${BASH_REMATCH[2]}; }
      read -r -d '' diskstats < /proc/diskstats || :
      # After the name: reads, reads merged, sectors read, ms reading, writes, writes merged, sectors written, ms writing.
      [[ $diskstats =~ \ $disk\ ([0-9]+\ ){6}([0-9]+)\ ([0-9]+) ]] \
        && { written=$((BASH_REMATCH[2] / 2)); write_ms=${BASH_REMATCH[3]}; }
      now=${EPOCHREALTIME/./}
      printf '%s\t%s\t%s\t%s\t%s\n' "${now:0:13}" $((dirty * 4)) $((writeback * 4)) "$written" "$write_ms"
    done
  } > "$RUN/disk-activity.tsv" &
fi

JFR=
if [ "$PROFILE" = 1 ]; then
  # Started with the JVM: starting JFR later re-instruments JDK classes and throws away compiled code.
  JFR="-XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording:name=bench,settings=profile"
fi
start_gateway() { # name port jar java-options...; sets STARTED_PID
  local name=$1 port=$2 jar=$3; shift 3
  log "starting $name on 127.0.0.1:$port"
  # shellcheck disable=SC2068
  "${GW_BIN}java" $@ -Xlog:gc:file="$RUN/$name-gc.log":time,uptime -jar "$jar" \
    --server.address=127.0.0.1 --server.port="$port" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER" \
    --certgw.authorities.dev-ec.certificate-chain="file:$KEYS/dev-ec/ca.pem" \
    --certgw.authorities.dev-ec.private-key="file:$KEYS/dev-ec/key.pem" \
    --certgw.authorities.dev-rsa.certificate-chain="file:$KEYS/dev-rsa/ca.pem" \
    --certgw.authorities.dev-rsa.private-key="file:$KEYS/dev-rsa/key.pem" \
    --spring.security.oauth2.resourceserver.jwt.public-key-location="file:$KEYS/jwt-public.pem" \
    --certgw.policy.location="file:$KEYS/policy.yaml" \
    > "$SERVER_LOG_DIR/$name.log" 2>&1 &
  STARTED_PID=$!; PIDS+=("$STARTED_PID")
}
await_ready() { # name port pid
  for i in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$2/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$3" 2>/dev/null || { tail -50 "$SERVER_LOG_DIR/$1.log"; echo "$1 did not start" >&2; exit 1; }
    sleep 1
  done
  curl -fsS "http://127.0.0.1:$2/actuator/health/readiness" >/dev/null
  log "$1 ready"
}
log "server output in $SERVER_LOG_DIR while they run, then in $RUN"
# shellcheck disable=SC2086
start_gateway gateway "$GW_PORT" "$GATEWAY_JAR" $GATEWAY_JAVA_OPTS $JFR
GW_PID=$STARTED_PID

log "starting cfssl serve (EC CA on :$CFSSL_EC_PORT, RSA CA on :$CFSSL_RSA_PORT)"
cfssl serve -address 127.0.0.1 -port "$CFSSL_EC_PORT" -ca "$KEYS/dev-ec/ca.pem" -ca-key "$KEYS/dev-ec/key.pem" \
  -config "$KEYS/cfssl.json" > "$SERVER_LOG_DIR/cfssl-ec.log" 2>&1 &
CFSSL_EC_PID=$!; PIDS+=("$CFSSL_EC_PID")
cfssl serve -address 127.0.0.1 -port "$CFSSL_RSA_PORT" -ca "$KEYS/dev-rsa/ca.pem" -ca-key "$KEYS/dev-rsa/key.pem" \
  -config "$KEYS/cfssl.json" > "$SERVER_LOG_DIR/cfssl-rsa.log" 2>&1 &
CFSSL_RSA_PID=$!; PIDS+=("$CFSSL_RSA_PID")

await_ready gateway "$GW_PORT" "$GW_PID"
GW_B_PID=
if [ "$WITH_GATEWAY_B" = 1 ]; then
  # Only now that the first has migrated the schema: two servers migrating one database would wait for each other.
  # shellcheck disable=SC2086
  start_gateway gateway-b "$GW_B_PORT" "${GATEWAY_B_JAR:-$GATEWAY_JAR}" $GATEWAY_B_JAVA_OPTS
  GW_B_PID=$STARTED_PID
  await_ready gateway-b "$GW_B_PORT" "$GW_B_PID"
fi

# ---- load ---------------------------------------------------------------------------------------------------
# The port and the process of a target; cfssl runs one server per key type.
endpoint() { # target kind; sets TARGET_PORT and TARGET_PID
  case $1 in
    gateway) TARGET_PORT=$GW_PORT; TARGET_PID=$GW_PID ;;
    gateway-b) TARGET_PORT=$GW_B_PORT; TARGET_PID=$GW_B_PID ;;
    *) if [ "$2" = ec ]; then TARGET_PORT=$CFSSL_EC_PORT; TARGET_PID=$CFSSL_EC_PID
       else TARGET_PORT=$CFSSL_RSA_PORT; TARGET_PID=$CFSSL_RSA_PID; fi ;;
  esac
}
load() { # target kind mode extra-args...
  local target=$1 kind=$2; shift 2
  endpoint "$target" "$kind"
  local port=$TARGET_PORT pid=$TARGET_PID
  local probe=()
  [ "$FSYNC_PROBE" = 1 ] && probe=(fsyncProbe="$RUN")
  java -Xms256m -Xmx512m -XX:+UseParallelGC -Xlog:gc:file="$RUN/loadgen-gc-$target-$kind-$(date +%s%3N).log":time,uptime -cp "$CP" dev.certgateway.bench.LoadGen target="$target" kind="$kind" \
    port="$port" pid="$pid" csrs="$KEYS/csrs-$kind.txt" token="$KEYS/token" out="$RESULTS" label="$TS" \
    "${probe[@]}" "$@" \
    | tee -a "$RUN/run.log"
}
GATEWAYS=$(for t in $TARGETS; do echo "$t"; done | grep -x 'gateway\|gateway-b' | sort -u | tr '\n' ' ')
if [ -n "$GATEWAYS" ]; then
  # JIT-compile every path (both key types) first: otherwise the first key type measured pays for the compiler.
  for gateway in $GATEWAYS; do
    for kind in $KINDS; do
      log "$gateway warm-up with $kind: ${SECONDS_WARMUP}s"
      load "$gateway" "$kind" mode=closed seconds="$SECONDS_WARMUP" clients="$WARM_CLIENTS" warmup=true
    done
  done
  # How long C2 keeps compiling differs from machine to machine (minutes on a slow one), and while it does it takes
  # a core from the gateway: warm up on until the compiler has (nearly) nothing left to do.
  jit_seconds() { "${GW_BIN}jstat" -compiler "$1" | awk 'NR == 2 { print $4 }'; }
  for gateway in $GATEWAYS; do
    endpoint "$gateway"; pid=$TARGET_PID
    for block in $(seq 1 "$JIT_MAX_BLOCKS"); do
      before=$(jit_seconds "$pid")
      for kind in $KINDS; do
        load "$gateway" "$kind" mode=closed seconds=$((30 / $(echo $KINDS | wc -w))) clients="$WARM_CLIENTS" warmup=true
      done
      spent=$(awk -v a="$before" -v b="$(jit_seconds "$pid")" 'BEGIN { printf "%.2f", b - a }')
      log "JIT compilation in $gateway in the last 30 s of warm-up: ${spent}s"
      awk -v s="$spent" -v q="$JIT_QUIET" 'BEGIN { exit !(s < q) }' && break
    done
  done
  # A checkpoint now lets the server recycle the warm-up's WAL segments, as a server that has been running for a
  # while does. A new server has none to recycle and creates and zero-fills a 16 MB file every one to four seconds
  # under this load, and every commit waits while it does.
  log "checkpoint after the warm-up"
  psql -qc checkpoint
  PROFILE_SINCE=$(date +%s%3N)
  if [ "$PROFILE" = async ]; then
    # Loaded into the running gateway now, so start-up and warm-up are not in the profile.
    ASYNC_JAR=$(tr ':' '\n' < "$ROOT/bench/target/classpath.txt" | grep async-profiler)
    unzip -o -q -j "$ASYNC_JAR" linux-x64/libasyncProfiler.so -d "$RUN"
    # The options are quoted once more for jcmd, which would otherwise read "event=..." as its own argument.
    ASYNC_START="start,event=$PROFILE_EVENT,interval=1ms,threads"
    # Allocation samples are weighed by their bytes ("total"), so the collapsed counts are bytes allocated.
    [ "$PROFILE_EVENT" = alloc ] && ASYNC_START="start,event=alloc,total,threads"
    "${GW_BIN}jcmd" "$GW_PID" JVMTI.agent_load "$RUN/libasyncProfiler.so" "\"$ASYNC_START\"" >/dev/null
    log "async-profiler started in the gateway"
  fi
fi
PROFILE_SINCE=${PROFILE_SINCE:-0}
REVERSED=$(for t in $TARGETS; do echo "$t"; done | tac | tr '\n' ' ')
for kind in $KINDS; do
  rates=$RATES_EC; [ "$kind" = rsa ] && rates=$RATES_RSA
  # The targets take turns at saturation, in order and then in reverse (A B B A ...), so that each meets the
  # machine's drift from one block to the next as often as the other; the report takes the mean of each's turns.
  for clients in $CLIENTS; do
    for turn in $(seq 1 "$TURNS"); do
      order=$TARGETS; [ $((turn % 2)) = 0 ] && order=$REVERSED
      for target in $order; do
        log "$target $kind: warm-up, saturation ${SECONDS_CLOSED}s x $clients clients (turn $turn of $TURNS)"
        load "$target" "$kind" mode=closed seconds="$SECONDS_REWARM" clients="$clients" warmup=true
        load "$target" "$kind" mode=closed seconds="$SECONDS_CLOSED" clients="$clients"
      done
    done
  done
  [ -z "${rates// /}" ] && continue
  for target in $TARGETS; do
    log "$target $kind: warm-up, open model at $rates/s for ${SECONDS_OPEN}s"
    load "$target" "$kind" mode=closed seconds="$SECONDS_REWARM" clients="$WARM_CLIENTS" warmup=true
    for rate in $rates; do
      sleep 2
      load "$target" "$kind" mode=open rate="$rate" seconds="$SECONDS_OPEN" clients="$OPEN_CLIENTS" \
        timeline="$RUN/timeline-$target-$kind-$rate.tsv"
    done
  done
done

echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RUN/machine.txt"
log "issued and recorded by the gateway: $(psql -d "$DB" -tAc 'select count(*) from issued_certificate' 2>/dev/null || echo '?')"
if [ "$PROFILE" = async ] && [ -f "$RUN/libasyncProfiler.so" ]; then
  "${GW_BIN}jcmd" "$GW_PID" JVMTI.agent_load "$RUN/libasyncProfiler.so" "\"stop,file=$RUN/gateway.collapsed,collapsed$([ "$PROFILE_EVENT" = alloc ] && echo ,total)\"" >/dev/null
  java -cp "$CP" dev.certgateway.bench.Hotspots "$RUN/gateway.collapsed" 40 > "$RUN/hotspots.txt"
  log "async-profiler CPU samples (after warm-up, every target): $RUN/gateway.collapsed; summary in $RUN/hotspots.txt"
fi
if [ "$PROFILE" = 1 ]; then
  "${GW_BIN}jcmd" "$GW_PID" JFR.dump name=bench filename="$RUN/gateway.jfr" >/dev/null
  java -Dsince="$PROFILE_SINCE" -cp "$CP" dev.certgateway.bench.Hotspots "$RUN/gateway.jfr" 40 > "$RUN/hotspots.txt"
  log "JFR recording (steady state, after warm-up): $RUN/gateway.jfr; summary in $RUN/hotspots.txt"
fi
java -cp "$CP" dev.certgateway.bench.Report "$RUN" | tee "$RUN/report.md"
log "results in $RUN (report.md, results.tsv, jmh-t*.csv, machine.txt, logs)"
