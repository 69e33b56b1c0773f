#!/usr/bin/env bash
# A throwaway certificate authority and a server certificate it signs, for test database servers.
#
#   Scripts/make-test-certificates.sh DIR NAME   writes DIR/ca.crt, DIR/server.crt and DIR/server.key
#
# The server certificate names 127.0.0.1 and localhost (subjectAltName), so clients that check the
# host (PostgreSQL's sslmode=verify-full, MySQL's verify_server_cert) accept it for the loopback
# servers the tests start; NAME goes into the CA's common name. Both last two days.
set -euo pipefail
[ $# -eq 2 ] || { sed -n '4p' "$0" | sed 's/^# *//' >&2; exit 2; }
dir=$1
name=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$dir"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$name test CA" \
  -keyout "$work/ca.key" -out "$dir/ca.crt" >/dev/null 2>&1
openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$work/server.key" -out "$work/server.csr" >/dev/null 2>&1
printf 'subjectAltName = IP:127.0.0.1, DNS:localhost\n' >"$work/san.ext"
openssl x509 -req -in "$work/server.csr" -CA "$dir/ca.crt" -CAkey "$work/ca.key" -CAcreateserial -days 2 \
  -extfile "$work/san.ext" -out "$dir/server.crt" >/dev/null 2>&1
install -m 600 "$work/server.key" "$dir/server.key"
