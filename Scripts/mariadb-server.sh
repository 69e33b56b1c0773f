#!/usr/bin/env bash
# A throwaway MariaDB server for the tests and CI (Debian 12, normally run as root).
#
#   Scripts/mariadb-server.sh start DIR     install Debian's MariaDB if missing, create a server in DIR,
#                                           start it and print its URL (one line on stdout, also in DIR/url)
#   Scripts/mariadb-server.sh stop DIR      stop that server and delete DIR (fine if it is already gone)
#   Scripts/mariadb-server.sh url DIR       print the URL again
#   Scripts/mariadb-server.sh restart DIR   stop the server (ending every session) and start it again
#
# The URL is mysql://mlmd:PASSWORD@127.0.0.1:PORT/mlmd. The user `mlmd` has a random password and every
# privilege (WITH GRANT OPTION, so it can create databases); the database `mlmd` exists but is empty.
#
# With MARIADB_SERVER_TLS=1, `start` also turns TLS on: a CA made for the server (DIR/ca.crt) signs the
# server's certificate, which names 127.0.0.1, so clients can check it (verify_server_cert); TCP logins
# without TLS are refused.
#
# The server listens on 127.0.0.1 only, on a free port; its socket, pid file, error log and options file
# (DIR/my.cnf, read with --defaults-file, so /etc/mysql is never consulted) live in DIR, so it never meets
# the package's own server (port 3306, /run/mysqld). Character set and collation are Debian's defaults
# (utf8mb4, utf8mb4_general_ci); the rest is MariaDB's compiled-in defaults. TCP logins need the password
# (mysql_native_password), so a test can see a wrong password refused. Everything but the URL goes to stderr.
set -euo pipefail

usage() { sed -n '4,8p' "$0" | sed 's/^# *//' >&2; exit 2; }
log() { echo "mariadb-server: $*" >&2; }
die() { log "$*"; exit 1; }

[ $# -eq 2 ] || usage
cmd=$1
[ -n "$2" ] || usage
# Absolute, because the server and the URL file outlive the caller's working directory.
case "$2" in /*) dir=$2 ;; *) dir=$PWD/$2 ;; esac
dir=${dir%/}
data=$dir/data
cnf=$dir/my.cnf
sock=$dir/mysqld.sock
pidfile=$dir/mysqld.pid
errlog=$dir/error.log
user=mlmd

# mariadbd refuses to run as root, so as root it runs as the package's `mysql` user (it switches itself,
# given --user); anyone else runs it as themselves (handy on a developer machine).
is_root() { [ "$(id -u)" -eq 0 ]; }

# Debian 12 calls them mariadbd, mariadb-install-db, ...; older packages only have the mysql* names.
find_prog() {
  local p
  for p in "$@"; do
    if command -v "$p" >/dev/null 2>&1; then command -v "$p"; return 0; fi
    for d in /usr/sbin /usr/local/sbin /usr/libexec; do [ -x "$d/$p" ] && { echo "$d/$p"; return 0; }; done
  done
  return 1
}
find_bins() {
  server=$(find_prog mariadbd mysqld) || return 1
  installdb=$(find_prog mariadb-install-db mysql_install_db) || return 1
  client=$(find_prog mariadb mysql) || return 1
  admin=$(find_prog mariadb-admin mysqladmin) || return 1
}

install_server() {
  is_root || die "MariaDB server not found; install it: apt-get install -y mariadb-server"
  log "installing MariaDB (apt-get install -y mariadb-server)"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine may have no package lists yet; update only when the plain install fails.
  apt-get install -y -q mariadb-server >&2 || { apt-get update -q >&2 && apt-get install -y -q mariadb-server >&2; }
  # The package may start its own server on port 3306 (not in containers, where policy-rc.d forbids it);
  # we don't use it, so don't leave it running.
  if [ -S /run/mysqld/mysqld.sock ] || pgrep -x mariadbd >/dev/null 2>&1; then
    log "stopping the package's own server"
    service mariadb stop >&2 2>/dev/null || systemctl stop mariadb >&2 2>/dev/null || true
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

port_of() { sed -n 's/^port *= *\([0-9]*\)$/\1/p' "$cnf" | head -n1; }

# The pid in DIR/mysqld.pid, if that process is alive and really is the server of DIR (pids get reused).
server_pid() {
  local pid
  [ -f "$pidfile" ] || return 1
  pid=$(cat "$pidfile" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "--defaults-file=$cnf" || return 1
  echo "$pid"
}

# Administration goes over the socket as the MariaDB account that mariadb-install-db ties to this OS user
# (unix_socket authentication): root when root, else the caller's own name.
admin_sql() { "$client" --no-defaults --socket="$sock" -u "$(id -un)" --batch --skip-column-names "$@"; }

show_log_tail() {
  if [ -f "$errlog" ]; then
    log "last lines of $errlog:"
    tail -n 25 "$errlog" | sed 's/^/  | /' >&2
  fi
}

# Start mariadbd in the background, detached from the caller (its own session, no inherited stdout, so
# `url=$(... start DIR)` returns), then wait until it takes TCP connections on 127.0.0.1.
# Returns 0 when ready, 3 when the port was taken, 1 on any other failure (after printing the log tail).
server_start() {
  local port=$1 pid i
  local -a args=("--defaults-file=$cnf")
  if is_root; then args+=(--user=mysql); fi
  : >>"$errlog"
  if is_root; then chown mysql:mysql "$errlog"; fi
  local mark
  mark=$(wc -l <"$errlog")
  # A socket left by a killed server would pass for this one being up (the check below).
  rm -f "$sock"
  setsid "$server" "${args[@]}" </dev/null >>"$errlog" 2>&1 &
  pid=$!
  # 120 s: a cold CI machine can take a while to create InnoDB's files.
  for i in $(seq 1 240); do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid" 2>/dev/null || true
      if tail -n +"$((mark + 1))" "$errlog" | grep -qiE 'Bind on TCP/IP port|Address already in use'; then
        return 3
      fi
      log "the server in $dir exited while starting"
      show_log_tail
      return 1
    fi
    # The socket appears only after the TCP port is bound, so it shows the answer below comes from this
    # server, not from someone else on the port. `ping` succeeds once the server answers, even though it
    # refuses this anonymous login; without --skip-ssl the client would count the refusal, sent before
    # any TLS handshake, as a failure.
    if [ -S "$sock" ] && "$admin" --no-defaults -h 127.0.0.1 -P "$port" --skip-ssl --connect-timeout=2 ping >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.5
  done
  log "the server in $dir did not accept connections on 127.0.0.1:$port within 120 s"
  show_log_tail
  kill -TERM "$pid" 2>/dev/null || true
  return 1
}

# SIGTERM is mariadbd's clean shutdown; it ends every session. Wait for the process to be gone.
server_stop() {
  local pid i
  pid=$(server_pid) || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  log "the server in $dir did not stop within 60 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  for i in $(seq 1 20); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.25
  done
  die "could not stop the server in $dir (pid $pid)"
}

# Start an existing server again, on the port and data it had.
start_again() {
  local rc=0 port
  port=$(port_of)
  server_start "$port" || rc=$?
  [ "$rc" -ne 3 ] || { show_log_tail; die "port $port is taken by someone else; cannot start the server in $dir"; }
  [ "$rc" -eq 0 ] || die "could not start the server in $dir"
}

write_cnf() {
  local port=$1
  cat >"$cnf" <<EOF
# mariadb-server.sh: the only options file this server reads (--defaults-file).
[mariadbd]
datadir = $data
socket = $sock
pid-file = $pidfile
log-error = $errlog
port = $port
bind-address = 127.0.0.1
skip-name-resolve
character-set-server = utf8mb4
collation-server = utf8mb4_general_ci
EOF
  if [ "${MARIADB_SERVER_TLS:-}" = 1 ]; then
    printf 'ssl-ca = %s\nssl-cert = %s\nssl-key = %s\nrequire-secure-transport = ON\n' "$dir/tls/ca.crt" "$dir/tls/server.crt" "$dir/tls/server.key" >>"$cnf"
  fi
  chmod 644 "$cnf"
}

# A CA (DIR/ca.crt) and a server certificate for 127.0.0.1 it signs, readable by the server.
make_certificates() {
  "$(dirname "$0")/make-test-certificates.sh" "$dir/tls" mariadb-server
  cp "$dir/tls/ca.crt" "$dir/ca.crt"
  if is_root; then chown -R mysql:mysql "$dir/tls"; fi
}

start() {
  find_bins || { install_server; find_bins || die "no MariaDB server after installing"; }

  if [ -f "$data/mysql/global_priv.frm" ] && [ -f "$dir/url" ] && [ -f "$cnf" ]; then
    # Already made by us: start it again if needed (e.g. after a reboot) and hand out the same URL.
    server_pid >/dev/null || start_again
    cat "$dir/url"; return
  fi
  if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then die "$dir exists and is not empty"; fi

  mkdir -p "$dir"
  if is_root; then chown mysql:mysql "$dir"; fi
  chmod 700 "$dir"
  # If a parent directory is closed to the mysql user (root's home directory, say), mariadb-install-db fails obscurely.
  if is_root; then
    runuser -u mysql -- test -w "$dir" || die "the mysql user cannot write to $dir; choose a directory under /tmp"
  fi
  # The socket path has a hard limit of 107 bytes.
  [ ${#sock} -le 100 ] || die "$dir is too long for a unix socket path; use a shorter DIR"

  local -a idb=(--no-defaults --datadir="$data" --skip-test-db --skip-name-resolve
    --auth-root-authentication-method=socket)
  if is_root; then idb+=(--user=mysql); fi
  log "creating the data directory $data"
  "$installdb" "${idb[@]}" >"$dir/install-db.log" 2>&1 || {
    log "mariadb-install-db failed:"; tail -n 25 "$dir/install-db.log" | sed 's/^/  | /' >&2; exit 1; }

  if [ "${MARIADB_SERVER_TLS:-}" = 1 ]; then make_certificates; fi
  local attempt port rc
  for attempt in 1 2 3 4 5; do
    port=$(pick_port)
    write_cnf "$port"
    rc=0; server_start "$port" || rc=$?
    [ "$rc" -eq 0 ] && break
    [ "$rc" -eq 3 ] || die "could not start the server in $dir"
    # Someone took the port between picking and binding; try another.
    log "port $port was taken (attempt $attempt); trying another"
  done
  [ "$rc" -eq 0 ] || die "could not start the server in $dir (no free port after 5 attempts)"

  # Hex, so it needs no escaping in the URL or in SQL.
  local password
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  # mariadb-install-db makes anonymous accounts (''@localhost, ''@HOSTNAME) on some versions; they would
  # shadow mlmd@127.0.0.1 for logins, so drop whatever there is. Through stdin, so the password never
  # shows in the process list.
  local anon
  anon=$(admin_sql -e "SELECT CONCAT(QUOTE(User), '@', QUOTE(Host)) FROM mysql.user WHERE User = ''") \
    || die "cannot log in over $sock to set the server up; see $errlog"
  admin_sql <<EOF || die "setting up the user $user failed"
$(for a in $anon; do echo "DROP USER $a;"; done)
CREATE USER '$user'@'127.0.0.1' IDENTIFIED BY '$password';
CREATE USER '$user'@'localhost' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO '$user'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO '$user'@'localhost' WITH GRANT OPTION;
CREATE DATABASE mlmd;
FLUSH PRIVILEGES;
EOF
  (umask 077; echo "mysql://$user:$password@127.0.0.1:$port/mlmd" >"$dir/url")
  cat "$dir/url"
}

stop() {
  [ -e "$dir" ] || return 0
  # Only delete what looks like ours, so a mistyped DIR can't wipe something else.
  if [ -n "$(ls -A "$dir" 2>/dev/null)" ] && [ ! -f "$cnf" ] && [ ! -f "$dir/install-db.log" ]; then
    die "$dir does not look like a server made by this script; not touching it"
  fi
  server_stop
  rm -rf "$dir"
}

url() {
  [ -f "$dir/url" ] || die "no server in $dir (run: $0 start $dir)"
  cat "$dir/url"
}

# For fault tests: what clients see when their database restarts under them. Same port, same data.
restart() {
  [ -f "$dir/url" ] && [ -f "$cnf" ] || die "no server in $dir (run: $0 start $dir)"
  find_bins || die "MariaDB is not installed"
  server_stop
  start_again
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  restart) restart ;;
  *) usage ;;
esac
