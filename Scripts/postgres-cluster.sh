#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and CI (Debian 12, normally run as root).
#
#   Scripts/postgres-cluster.sh start DIR   install Debian's PostgreSQL if missing, create a cluster in DIR,
#                                           start it and print its URL (one line on stdout, also in DIR/url)
#   Scripts/postgres-cluster.sh stop DIR    stop that cluster and delete DIR (fine if it is already gone)
#   Scripts/postgres-cluster.sh url DIR     print the URL again
#   Scripts/postgres-cluster.sh restart DIR stop the server (ending every session) and start it again
#
# With POSTGRES_CLUSTER_TLS=1, `start` also turns TLS on: a CA made for the cluster (DIR/ca.crt) signs
# the server's certificate, which names 127.0.0.1, so clients can check it with sslmode=verify-full.
#
# The cluster listens on 127.0.0.1 only, on a free port, and its unix socket lives in DIR, so it never
# meets the package's own cluster (port 5432, /var/run/postgresql). TCP logins need the password
# (scram-sha-256), so a test can see a wrong password refused. Everything but the URL goes to stderr.
set -euo pipefail

usage() { sed -n '4,7p' "$0" | sed 's/^# *//' >&2; exit 2; }
log() { echo "postgres-cluster: $*" >&2; }
die() { log "$*"; exit 1; }

[ $# -eq 2 ] || usage
cmd=$1
[ -n "$2" ] || usage
# Absolute, because the server and the URL file outlive the caller's working directory.
case "$2" in /*) dir=$2 ;; *) dir=$PWD/$2 ;; esac
dir=${dir%/}
data=$dir/data

# pg_ctl and initdb refuse to run as root, so as root they run as the package's `postgres` user;
# anyone else runs them as themselves (handy on a developer machine).
is_root() { [ "$(id -u)" -eq 0 ]; }
as_pg() {
  if is_root; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# Debian keeps the server programs off PATH, one directory per major version; take the newest.
find_bin() {
  local d best=
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/pg_isready" ] && best=$(printf '%s\n%s\n' "$best" "$d" | sort -V | tail -n1)
  done
  echo "$best"
}

install_server() {
  is_root || die "PostgreSQL server not found under /usr/lib/postgresql/*/bin; install it: apt-get install -y postgresql"
  log "installing PostgreSQL (apt-get install -y postgresql)"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine may have no package lists yet; update only when the plain install fails.
  apt-get install -y -q postgresql >&2 || { apt-get update -q >&2 && apt-get install -y -q postgresql >&2; }
  # The package makes and may start its own "main" cluster; we don't use it, so don't leave it running.
  if command -v pg_lsclusters >/dev/null; then
    pg_lsclusters -h 2>/dev/null | while read -r ver name _port status _rest; do
      case "$status" in online*) log "stopping the package's cluster $ver/$name"; pg_ctlcluster "$ver" "$name" stop >&2 || true ;; esac
    done
  fi
}

# A free port from the kernel if python3 is around, else a random high one; start retries on a clash anyway.
pick_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
  else
    echo $((20000 + RANDOM % 40000))
  fi
}

running() { [ -f "$data/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

port_of() { sed -n "s/^port = \([0-9]*\)$/\1/p" "$data/postgresql.conf" | tail -n1; }

# pg_ctl -w already waits, but callers need "accepts TCP connections on 127.0.0.1", so ask exactly that.
wait_ready() {
  local i
  for i in $(seq 1 60); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$1" -t 1 && return 0
    sleep 0.5
  done
  return 1
}

server_start() {
  as_pg "$bin/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t 60 start >&2
}

# A CA and a server certificate for 127.0.0.1 it signs, in the data directory, and ssl = on.
make_certificates() {
  local tls=$dir/tls
  "$(dirname "$0")/make-test-certificates.sh" "$tls" postgres-cluster
  mv "$tls/ca.crt" "$dir/ca.crt"
  install -m 600 "$tls/server.key" "$data/server.key"
  install -m 644 "$tls/server.crt" "$data/server.crt"
  if is_root; then chown postgres:postgres "$data/server.key" "$data/server.crt"; fi
  rm -rf "$tls"
  echo "ssl = on" | as_pg tee -a "$data/postgresql.conf" >/dev/null
}

start() {
  bin=$(find_bin)
  if [ -z "$bin" ]; then install_server; bin=$(find_bin); [ -n "$bin" ] || die "no PostgreSQL server after installing"; fi

  if [ -f "$data/PG_VERSION" ] && [ -f "$dir/url" ]; then
    # Already made by us: start it again if needed (e.g. after a reboot) and hand out the same URL.
    running || server_start
    wait_ready "$(port_of)" || die "server in $dir not ready; see $dir/postgres.log"
    cat "$dir/url"; return
  fi
  if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then die "$dir exists and is not empty"; fi

  mkdir -p "$dir"
  if is_root; then chown postgres:postgres "$dir"; fi
  chmod 700 "$dir"
  # If a parent directory is closed to the postgres user (root's home directory, say), initdb would fail obscurely.
  as_pg test -w "$dir" || die "the postgres user cannot write to $dir; choose a directory under /tmp"
  # The socket path has a hard limit of 107 bytes (DIR/.s.PGSQL.NNNNN).
  [ ${#dir} -le 90 ] || die "$dir is too long for a unix socket path; use a shorter DIR"

  # Hex, so it needs no escaping in the URL.
  local password
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  # initdb reads the password from a file, so it never shows in the process list.
  (umask 077; echo "$password" >"$dir/pwfile")
  if is_root; then chown postgres:postgres "$dir/pwfile"; fi
  as_pg "$bin/initdb" -D "$data" -U postgres --pwfile="$dir/pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-host=scram-sha-256 --auth-local=peer --no-instructions >&2
  rm -f "$dir/pwfile"

  if [ "${POSTGRES_CLUSTER_TLS:-}" = 1 ]; then make_certificates; fi

  local attempt port
  for attempt in 1 2 3 4 5; do
    port=$(pick_port)
    # Later settings win, so appending overrides initdb's defaults.
    as_pg tee -a "$data/postgresql.conf" >/dev/null <<EOF
# postgres-cluster.sh (attempt $attempt)
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
port = $port
EOF
    if server_start; then
      wait_ready "$port" || die "server in $dir not ready; see $dir/postgres.log"
      echo "postgresql://postgres:$password@127.0.0.1:$port/postgres" >"$dir/url"
      cat "$dir/url"
      return
    fi
    # Most likely someone took the port between picking and binding; try another.
    log "start on port $port failed (attempt $attempt); see $dir/postgres.log"
  done
  die "could not start the server in $dir"
}

stop() {
  [ -e "$dir" ] || return 0
  # Only delete what looks like ours, so a mistyped DIR can't wipe something else.
  if [ -n "$(ls -A "$dir" 2>/dev/null)" ] && [ ! -f "$data/PG_VERSION" ] && [ ! -f "$dir/url" ] \
     && [ ! -f "$dir/pwfile" ]; then
    die "$dir does not look like a cluster made by this script; not touching it"
  fi
  bin=$(find_bin)
  if [ -n "$bin" ] && running; then
    as_pg "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >&2
  fi
  rm -rf "$dir"
}

url() {
  [ -f "$dir/url" ] || die "no cluster in $dir (run: $0 start $dir)"
  cat "$dir/url"
}

# For fault tests: what clients see when their database restarts under them.
restart() {
  [ -f "$dir/url" ] || die "no cluster in $dir (run: $0 start $dir)"
  bin=$(find_bin)
  as_pg "$bin/pg_ctl" -D "$data" -l "$dir/postgres.log" -m fast -w -t 60 restart >&2
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  restart) restart ;;
  *) usage ;;
esac
