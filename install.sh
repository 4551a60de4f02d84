#!/bin/sh
# Installs the lifetime-guard command line from a release: downloads the archive for this
# machine and the release's SHA256SUMS, checks the archive against it, and puts the binary in a
# folder on your PATH. No Rust toolchain needed.
#
#   curl -fsSL https://github.com/OWNER/REPO/releases/download/vX.Y.Z/install.sh | sh
#   sh install.sh [--version X.Y.Z] [--to DIR]
#
# LIFETIME_GUARD_RELEASES_URL  where releases are (a mirror, an internal copy): the files of
#                              version V are read from $LIFETIME_GUARD_RELEASES_URL/vV/
# LIFETIME_GUARD_VERSION       the version (as --version)
# LIFETIME_GUARD_INSTALL_DIR   the folder (as --to) [default: ~/.local/bin]
set -eu

# A release's copy of this script names its own version and place (cargo xtask release).
VERSION="${LIFETIME_GUARD_VERSION:-}"
RELEASES_URL="${LIFETIME_GUARD_RELEASES_URL:-}"
TO="${LIFETIME_GUARD_INSTALL_DIR:-${HOME:-.}/.local/bin}"

say() { printf 'lifetime-guard install: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --version) [ $# -ge 2 ] || die "--version needs a value"; VERSION=${2#v}; shift 2 ;;
    --to) [ $# -ge 2 ] || die "--to needs a folder"; TO=$2; shift 2 ;;
    --releases-url) [ $# -ge 2 ] || die "--releases-url needs a URL"; RELEASES_URL=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" 2>/dev/null | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option: $1 (try --help)" ;;
  esac
done
[ -n "$VERSION" ] || die "which version? Pass --version X.Y.Z (this copy of the script names none)"
[ -n "$RELEASES_URL" ] || die "where are the releases? Set LIFETIME_GUARD_RELEASES_URL (this copy of the script names none)"

os=$(uname -s); arch=$(uname -m)
case "$arch" in
  x86_64|amd64) arch=x86_64 ;;
  aarch64|arm64) arch=aarch64 ;;
  *) die "no release for the processor $arch: build from source with cargo install --path ." ;;
esac
exe=lifetime-guard; ext=tar.gz
case "$os" in
  Linux) target=$arch-unknown-linux-musl ;;
  Darwin) target=$arch-apple-darwin ;;
  MINGW*|MSYS*|CYGWIN*|Windows_NT)
    [ "$arch" = x86_64 ] || die "no Windows release for $arch"
    target=x86_64-pc-windows-msvc; exe=lifetime-guard.exe; ext=zip ;;
  *) die "no release for $os: build from source with cargo install --path ." ;;
esac

name="lifetime-guard-$VERSION-$target"
archive="$name.$ext"
base="${RELEASES_URL%/}/v$VERSION"

fetch() { # URL FILE
  if command -v curl >/dev/null 2>&1; then
    curl --proto '=https,http' -fsSL --retry 3 -o "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$2" "$1"
  else
    die "neither curl nor wget is installed"
  fi || die "could not download $1"
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null 2>&1; then shasum -a 256 "$1" | cut -d' ' -f1
  elif command -v openssl >/dev/null 2>&1; then openssl dgst -sha256 -r "$1" | cut -d' ' -f1
  else die "no SHA-256 tool (sha256sum, shasum or openssl) to check the download"
  fi
}

tmp=$(mktemp -d 2>/dev/null || mktemp -d -t lifetime-guard)
trap 'rm -rf "$tmp"' EXIT INT TERM

say "downloading $archive from $base"
fetch "$base/$archive" "$tmp/$archive"
fetch "$base/SHA256SUMS" "$tmp/SHA256SUMS"
want=$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1 }' "$tmp/SHA256SUMS")
[ -n "$want" ] || die "SHA256SUMS does not list $archive"
got=$(sha256 "$tmp/$archive")
[ "$got" = "$want" ] || die "$archive does not match its checksum (expected $want, got $got): not installed"

case "$ext" in
  tar.gz) tar -xzf "$tmp/$archive" -C "$tmp" ;;
  zip) (cd "$tmp" && unzip -q "$archive") ;;
esac
[ -f "$tmp/$name/$exe" ] || die "$archive holds no $name/$exe"
mkdir -p "$TO"
cp "$tmp/$name/$exe" "$TO/$exe.new"
chmod 755 "$TO/$exe.new"
mv -f "$TO/$exe.new" "$TO/$exe"
say "installed $("$TO/$exe" --version) to $TO/$exe (SHA-256 checked)"
case ":${PATH:-}:" in
  *":$TO:"*) ;;
  *) say "$TO is not on your PATH: add it, or run $TO/$exe" ;;
esac
