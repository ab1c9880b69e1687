#!/usr/bin/env bash
# Runs every test, on a fresh machine too: installs what the tests need when it is missing (PostgreSQL 15,
# Debian's chromium, a Japanese font, the smtp4dev mail server as a dotnet tool), starts a throwaway PostgreSQL cluster for the tests, runs them all,
# removes the cluster, and ends with one line "N passed, N failed, N skipped" counted from the test results.
set -euo pipefail
cd "$(dirname "$0")"
# Every test host watches its settings files; with inotify each watcher is an inotify instance, and the suite's
# parallel hosts pass the default per-user limit (128). Polling needs none.
export DOTNET_USE_POLLING_FILE_WATCHER=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_missing() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  fc-list 2>/dev/null | grep -qi -e 'IPAGothic' -e 'Noto Sans CJK' || missing+=(fonts-ipafont-gothic)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "test.sh: installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

start_postgres() {
  local bin owner=()
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_DIR=$(mktemp -d /tmp/outreachbot-pg.XXXXXX)
  PG_PORT=$(free_port)
  # initdb and pg_ctl refuse to run as root: the cluster belongs to the postgres user then.
  if [ "$(id -u)" = 0 ]; then chown postgres: "$PG_DIR"; owner=(runuser -u postgres --); fi
  PG_CTL=("${owner[@]}" "$bin/pg_ctl" -D "$PG_DIR/data")
  "${owner[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --no-sync >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log"; exit 1; }
  "${PG_CTL[@]}" -w -l "$PG_DIR/server.log" \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null \
    || { cat "$PG_DIR/server.log"; exit 1; }
  export OUTREACHBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true"
  export OUTREACHBOT_REQUIRE_POSTGRES=1
  echo "test.sh: throwaway PostgreSQL on port $PG_PORT"
}

stop_postgres() {
  if [ -n "${PG_DIR:-}" ]; then
    "${PG_CTL[@]}" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}

summarize() {
  awk '
    /<Counters / {
      for (i = 1; i <= NF; i++) {
        if ($i ~ /^passed=/)   { gsub(/[^0-9]/, "", $i); passed += $i }
        if ($i ~ /^failed=/)   { gsub(/[^0-9]/, "", $i); failed += $i }
        if ($i ~ /^notExecuted=/) { gsub(/[^0-9]/, "", $i); skipped += $i }
      }
    }
    END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
  ' "$RESULTS"/*.trx 2>/dev/null || echo "0 passed, 0 failed"
}

install_missing
trap stop_postgres EXIT
start_postgres

RESULTS=$(mktemp -d /tmp/outreachbot-results.XXXXXX)
status=0
# The mail tests send through a real SMTP server, smtp4dev, pinned in .config/dotnet-tools.json.
dotnet tool restore >/dev/null || { echo "0 passed, 1 failed (dotnet tool restore failed)"; exit 1; }
dotnet build OutreachBot.sln -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed (the build failed)"; exit 1; }
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$RESULTS" "$@" || status=$?
done
summarize
exit $status
