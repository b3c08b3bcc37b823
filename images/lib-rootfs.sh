#!/usr/bin/env bash
# Helpers to assemble a FROM-scratch root filesystem from this machine's files (sourced by images/build.sh).

log_step() { echo "[image] $*" >&2; }

# The files in ldd's output for each binary: "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)" and the loader
# "/lib64/ld-linux-x86-64.so.2 (0x...)", not linux-vdso.so.1 (no file). Fails on "=> not found". One path per line.
shared_libraries() {
  local binary out
  for binary in "$@"; do
    out=$(ldd "$binary") || { echo "ldd $binary failed" >&2; return 1; }
    if grep -q 'not found' <<<"$out"; then
      echo "ldd cannot find a library of $binary: $(grep 'not found' <<<"$out" | tr -s ' \t' ' ')" >&2; return 1
    fi
    sed -n -E 's/^[[:space:]]*([^[:space:]]+ => )?(\/[^[:space:]]+) \(0x.*/\2/p' <<<"$out"
  done | sort -u
}

# Path of a library by soname from the loader cache (ldconfig -p), e.g. libssl.so.3.
library_path() {
  local path
  path=$(ldconfig -p | awk -v name="$1" '$1 == name && /x86-64/ {print $NF; exit}')
  [ -n "$path" ] || { echo "no $1 in the loader cache (ldconfig -p): install it (Debian: libssl3)" >&2; return 1; }
  echo "$path"
}

# copy_shared_libraries ROOTFS SKIP_DIR BINARY...: copies each binary's libraries (and theirs: ldd resolves the whole
# tree) into ROOTFS at the path ldd printed, as real files (cp -L). Libraries under SKIP_DIR (the app's own) are
# already in the image. The BINARY arguments that lie outside SKIP_DIR are copied too.
copy_shared_libraries() {
  local rootfs=$1 skip=$2 lib
  shift 2
  while read -r lib; do
    case "$lib" in "$skip"/*) continue ;; esac
    mkdir -p "$rootfs$(dirname "$lib")"
    cp -L "$lib" "$rootfs$lib"
  done < <( { shared_libraries "$@"; for lib in "$@"; do case "$lib" in "$skip"/*) ;; *) echo "$lib" ;; esac; done; } | sort -u)
}

# Debian's CA bundle (package ca-certificates), the file OpenSSL and .NET read through SSL_CERT_FILE.
copy_ca_bundle() {
  local bundle=/etc/ssl/certs/ca-certificates.crt
  [ -s "$bundle" ] || { echo "$bundle missing: install Debian's ca-certificates" >&2; return 1; }
  mkdir -p "$1/etc/ssl/certs"
  cp -L "$bundle" "$1$bundle"
}

# add_user ROOTFS UID NAME: /etc/passwd and /etc/group with that user (home /tmp, no shell) and root, for tools
# that look a uid up; the image runs as the numeric uid either way.
add_user() {
  mkdir -p "$1/etc"
  printf 'root:x:0:0:root:/root:/sbin/nologin\n%s:x:%s:%s:%s:/tmp:/sbin/nologin\n' "$3" "$2" "$2" "$3" >"$1/etc/passwd"
  printf 'root:x:0:\n%s:x:%s:\n' "$3" "$2" >"$1/etc/group"
  printf 'hosts: files dns\n' >"$1/etc/nsswitch.conf"
}
