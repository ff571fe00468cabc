# Functions to run a private PostgreSQL server for tests (sourced by scripts/test.sh).
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_PORT=${PG_PORT:-$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
PG_DIR=""

start_test_postgres() {
  [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || return 1
  PG_DIR=$(mktemp -d /tmp/ipt-pg.XXXXXX)
  chmod 755 "$PG_DIR"
  local run=""
  if [ "$(id -u)" = "0" ]; then chown postgres "$PG_DIR"; run="runuser -u postgres --"; fi
  $run "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres >/dev/null || return 1
  if ! $run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" \
      -l "$PG_DIR/log" -w start >/dev/null; then
    cat "$PG_DIR/log" >&2
    return 1
  fi
  export IPT_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
  echo "PostgreSQL test server on 127.0.0.1:$PG_PORT"
}

stop_test_postgres() {
  [ -n "$PG_DIR" ] || return 0
  local run=""
  if [ "$(id -u)" = "0" ]; then run="runuser -u postgres --"; fi
  $run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
