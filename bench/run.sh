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
SECONDS_REWARM=${SECONDS_REWARM:-10}     # unrecorded closed-loop run before each target and key type
CLIENTS=${CLIENTS:-16}                   # closed-loop concurrency
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
PROFILE_EVENT=${PROFILE_EVENT:-itimer}   # async-profiler's event: itimer (CPU time) or alloc (allocated bytes, by allocation site)
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:-"-Xms1g -Xmx1g"}
GW_PORT=${GW_PORT:-18080}
CFSSL_EC_PORT=${CFSSL_EC_PORT:-18888}
CFSSL_RSA_PORT=${CFSSL_RSA_PORT:-18889}
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
KEEP_DB=${KEEP_DB:-0}
FSYNC_PROBE=${FSYNC_PROBE:-1}            # 1: time fdatasync on the results' file system during every measured block
MVN_FLAGS=${MVN_FLAGS:-}                 # e.g. -o when the Maven repository is already populated

TS=$(date -u +%Y%m%d%H%M%S)
RUN=$ROOT/bench/target/run-$TS
KEYS=$RUN/keys
DB=certgw_bench_$TS
mkdir -p "$KEYS"
RESULTS=$RUN/results.tsv
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$RUN/run.log"; }

# ---- prerequisites: Debian packages only ----------------------------------------------------------------------
need=()
command -v cfssl >/dev/null || need+=(golang-cfssl)
command -v openssl >/dev/null || need+=(openssl)
command -v psql >/dev/null || need+=(postgresql-client)
command -v curl >/dev/null || need+=(curl)
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

# ---- machine ------------------------------------------------------------------------------------------------
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(free -h | awk '/^Mem:/{print $2}')"
  echo "kernel: $(uname -r)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "postgresql: $(psql -tAc 'show server_version') (synchronous_commit=$(psql -tAc 'show synchronous_commit'), fsync=$(psql -tAc 'show fsync'))"
  echo "cfssl: $(cfssl version 2>&1 | head -1)"
  echo "gateway: $(git -C "$ROOT" rev-parse --short HEAD) $GATEWAY_JAVA_OPTS"
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
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ "$KEEP_DB" != 1 ]; then psql -qc "drop database if exists $DB" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

log "creating database $DB"
psql -qc "create database $DB"

log "starting the gateway on 127.0.0.1:$GW_PORT"
# shellcheck disable=SC2086
JFR=
if [ "$PROFILE" = 1 ]; then
  # Started with the JVM: starting JFR later re-instruments JDK classes and throws away compiled code.
  JFR="-XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording:name=bench,settings=profile"
fi
java $GATEWAY_JAVA_OPTS $JFR -Xlog:gc:file="$RUN/gateway-gc.log":time,uptime -jar "$GATEWAY_JAR" \
  --server.address=127.0.0.1 --server.port="$GW_PORT" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER" \
  --certgw.authorities.dev-ec.certificate-chain="file:$KEYS/dev-ec/ca.pem" \
  --certgw.authorities.dev-ec.private-key="file:$KEYS/dev-ec/key.pem" \
  --certgw.authorities.dev-rsa.certificate-chain="file:$KEYS/dev-rsa/ca.pem" \
  --certgw.authorities.dev-rsa.private-key="file:$KEYS/dev-rsa/key.pem" \
  --spring.security.oauth2.resourceserver.jwt.public-key-location="file:$KEYS/jwt-public.pem" \
  --certgw.policy.location="file:$KEYS/policy.yaml" \
  > "$RUN/gateway.log" 2>&1 &
GW_PID=$!; PIDS+=("$GW_PID")

log "starting cfssl serve (EC CA on :$CFSSL_EC_PORT, RSA CA on :$CFSSL_RSA_PORT)"
cfssl serve -address 127.0.0.1 -port "$CFSSL_EC_PORT" -ca "$KEYS/dev-ec/ca.pem" -ca-key "$KEYS/dev-ec/key.pem" \
  -config "$KEYS/cfssl.json" > "$RUN/cfssl-ec.log" 2>&1 &
CFSSL_EC_PID=$!; PIDS+=("$CFSSL_EC_PID")
cfssl serve -address 127.0.0.1 -port "$CFSSL_RSA_PORT" -ca "$KEYS/dev-rsa/ca.pem" -ca-key "$KEYS/dev-rsa/key.pem" \
  -config "$KEYS/cfssl.json" > "$RUN/cfssl-rsa.log" 2>&1 &
CFSSL_RSA_PID=$!; PIDS+=("$CFSSL_RSA_PID")

for i in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$GW_PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$GW_PID" 2>/dev/null || { tail -50 "$RUN/gateway.log"; echo "the gateway did not start" >&2; exit 1; }
  sleep 1
done
curl -fsS "http://127.0.0.1:$GW_PORT/actuator/health/readiness" >/dev/null
log "gateway ready"

# ---- load ---------------------------------------------------------------------------------------------------
load() { # target kind mode extra-args...
  local target=$1 kind=$2; shift 2
  local port pid
  if [ "$target" = gateway ]; then port=$GW_PORT; pid=$GW_PID
  elif [ "$kind" = ec ]; then port=$CFSSL_EC_PORT; pid=$CFSSL_EC_PID
  else port=$CFSSL_RSA_PORT; pid=$CFSSL_RSA_PID; fi
  local probe=()
  [ "$FSYNC_PROBE" = 1 ] && probe=(fsyncProbe="$RUN")
  java -Xms256m -Xmx512m -XX:+UseParallelGC -Xlog:gc:file="$RUN/loadgen-gc-$target-$kind-$(date +%s%3N).log":time,uptime -cp "$CP" dev.certgateway.bench.LoadGen target="$target" kind="$kind" \
    port="$port" pid="$pid" csrs="$KEYS/csrs-$kind.txt" token="$KEYS/token" out="$RESULTS" label="$TS" \
    "${probe[@]}" "$@" \
    | tee -a "$RUN/run.log"
}
if [[ " $TARGETS " == *" gateway "* ]]; then
  # JIT-compile every path (both key types) first: otherwise the first key type measured pays for the compiler.
  for kind in $KINDS; do
    log "gateway warm-up with $kind: ${SECONDS_WARMUP}s"
    load gateway "$kind" mode=closed seconds="$SECONDS_WARMUP" clients="$CLIENTS" warmup=true
  done
  # How long C2 keeps compiling differs from machine to machine (minutes on a slow one), and while it does it takes
  # a core from the gateway: warm up on until the compiler has (nearly) nothing left to do.
  jit_seconds() { jstat -compiler "$GW_PID" | awk 'NR == 2 { print $4 }'; }
  for block in $(seq 1 "$JIT_MAX_BLOCKS"); do
    before=$(jit_seconds)
    for kind in $KINDS; do
      load gateway "$kind" mode=closed seconds=$((30 / $(echo $KINDS | wc -w))) clients="$CLIENTS" warmup=true
    done
    spent=$(awk -v a="$before" -v b="$(jit_seconds)" 'BEGIN { printf "%.2f", b - a }')
    log "JIT compilation in the last 30 s of warm-up: ${spent}s"
    awk -v s="$spent" -v q="$JIT_QUIET" 'BEGIN { exit !(s < q) }' && break
  done
  PROFILE_SINCE=$(date +%s%3N)
  if [ "$PROFILE" = async ]; then
    # Loaded into the running gateway now, so start-up and warm-up are not in the profile.
    ASYNC_JAR=$(tr ':' '\n' < "$ROOT/bench/target/classpath.txt" | grep async-profiler)
    unzip -o -q -j "$ASYNC_JAR" linux-x64/libasyncProfiler.so -d "$RUN"
    # The options are quoted once more for jcmd, which would otherwise read "event=..." as its own argument.
    ASYNC_START="start,event=itimer,interval=1ms,threads"
    # Allocation samples are weighed by their bytes ("total"), so the collapsed counts are bytes allocated.
    [ "$PROFILE_EVENT" = alloc ] && ASYNC_START="start,event=alloc,total,threads"
    jcmd "$GW_PID" JVMTI.agent_load "$RUN/libasyncProfiler.so" "\"$ASYNC_START\"" >/dev/null
    log "async-profiler started in the gateway"
  fi
fi
PROFILE_SINCE=${PROFILE_SINCE:-0}
for kind in $KINDS; do
  rates=$RATES_EC; [ "$kind" = rsa ] && rates=$RATES_RSA
  for target in $TARGETS; do
    log "$target $kind: warm-up, saturation ${SECONDS_CLOSED}s x $CLIENTS clients, open model at $rates/s for ${SECONDS_OPEN}s"
    load "$target" "$kind" mode=closed seconds="$SECONDS_REWARM" clients="$CLIENTS" warmup=true
    load "$target" "$kind" mode=closed seconds="$SECONDS_CLOSED" clients="$CLIENTS"
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
  jcmd "$GW_PID" JVMTI.agent_load "$RUN/libasyncProfiler.so" "\"stop,file=$RUN/gateway.collapsed,collapsed$([ "$PROFILE_EVENT" = alloc ] && echo ,total)\"" >/dev/null
  java -cp "$CP" dev.certgateway.bench.Hotspots "$RUN/gateway.collapsed" 40 > "$RUN/hotspots.txt"
  log "async-profiler CPU samples (after warm-up, every target): $RUN/gateway.collapsed; summary in $RUN/hotspots.txt"
fi
if [ "$PROFILE" = 1 ]; then
  jcmd "$GW_PID" JFR.dump name=bench filename="$RUN/gateway.jfr" >/dev/null
  java -Dsince="$PROFILE_SINCE" -cp "$CP" dev.certgateway.bench.Hotspots "$RUN/gateway.jfr" 40 > "$RUN/hotspots.txt"
  log "JFR recording (steady state, after warm-up): $RUN/gateway.jfr; summary in $RUN/hotspots.txt"
fi
java -cp "$CP" dev.certgateway.bench.Report "$RUN" | tee "$RUN/report.md"
log "results in $RUN (report.md, results.tsv, jmh-t*.csv, machine.txt, logs)"
