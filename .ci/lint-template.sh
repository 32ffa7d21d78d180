#!/usr/bin/env bash
# Lints the deployment files at the top of the repository:
#   1. template.yaml with cfn-lint (applies the SAM transform offline). Any finding fails, informational ones
#      included (--include-checks I).
#   2. statemachines/*.json with asl-validator 4.x from the npm registry, through npx (cfn-lint does not read
#      files named by DefinitionUri). Skipped, with a notice, when npx or the registry cannot be reached.
#   3. events/*.json parse as JSON.
# Exit status: 0 when everything that ran passed, 1 on any finding, 2 when cfn-lint is missing.
#
# Environment: ASL_VALIDATOR (default asl-validator@4), NPX_TIMEOUT seconds (default 300),
#              SKIP_ASL=1 to skip step 2, ALLOW_MISSING_CFN_LINT=1 to skip step 1 (with a notice) instead of
#              failing when cfn-lint is not installed. Written against cfn-lint 1.x (1.51 here).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

ASL_VALIDATOR="${ASL_VALIDATOR:-asl-validator@4}"
NPX_TIMEOUT="${NPX_TIMEOUT:-300}"
failures=0

say() { printf '%s\n' "$*"; }
section() { printf '\n== %s\n' "$*"; }

# ---- 1. cfn-lint ------------------------------------------------------------------------------------------------
section "cfn-lint template.yaml"
cfn_lint=()
if command -v cfn-lint >/dev/null 2>&1; then
  cfn_lint=(cfn-lint)
elif [[ -x "${HOME:-/root}/.pyenv/shims/cfn-lint" ]]; then
  cfn_lint=("${HOME:-/root}/.pyenv/shims/cfn-lint")
elif command -v python3 >/dev/null 2>&1 && python3 -c 'import cfnlint' >/dev/null 2>&1; then
  cfn_lint=(python3 -m cfnlint)
elif [[ "${ALLOW_MISSING_CFN_LINT:-0}" == "1" ]]; then
  say "SKIPPED (not a pass): cfn-lint not found and ALLOW_MISSING_CFN_LINT=1; template.yaml was not linted"
else
  say "FAIL: cfn-lint not found (expected on PATH, in ~/.pyenv/shims, or as the python3 module cfnlint)."
  exit 2
fi
if [[ ${#cfn_lint[@]} -gt 0 ]]; then
  say "using: ${cfn_lint[*]} ($("${cfn_lint[@]}" --version 2>&1 | head -n 1))"
  set +e
  lint_out="$("${cfn_lint[@]}" --include-checks I -- template.yaml 2>&1)"
  lint_rc=$?
  set -e
  if [[ $lint_rc -ne 0 || -n "$lint_out" ]]; then
    say "FAIL: cfn-lint exit code $lint_rc; findings:"
    say "$lint_out"
    failures=$((failures + 1))
  else
    say "ok: no errors, warnings or informational findings"
  fi
fi

# ---- 2. asl-validator -------------------------------------------------------------------------------------------
section "asl-validator statemachines/*.json"
shopt -s nullglob
definitions=(statemachines/*.json)
shopt -u nullglob
run_npx() {
  # npx prints npm's own warnings on stderr; they are shown, not judged.
  if command -v timeout >/dev/null 2>&1; then
    timeout "$NPX_TIMEOUT" npx --yes "$ASL_VALIDATOR" "$@"
  else
    npx --yes "$ASL_VALIDATOR" "$@"
  fi
}
if [[ "${SKIP_ASL:-0}" == "1" ]]; then
  say "skipped: SKIP_ASL=1"
elif [[ ${#definitions[@]} -eq 0 ]]; then
  say "FAIL: no statemachines/*.json found"
  failures=$((failures + 1))
elif ! command -v npx >/dev/null 2>&1; then
  say "SKIPPED (not a pass): npx is not installed, state machine definitions were not validated"
else
  set +e
  version="$(run_npx --version 2>/dev/null)"
  version_rc=$?
  set -e
  if [[ $version_rc -ne 0 || -z "$version" ]]; then
    say "SKIPPED (not a pass): could not run $ASL_VALIDATOR through npx (no npm registry? exit code $version_rc)"
  else
    say "using: $ASL_VALIDATOR $version"
    for definition in "${definitions[@]}"; do
      set +e
      asl_out="$(run_npx --json-path "$definition" 2>&1)"
      asl_rc=$?
      set -e
      asl_out="$(printf '%s\n' "$asl_out" | grep -v '^npm warn ' || true)"
      say "$asl_out"
      if [[ $asl_rc -ne 0 ]]; then
        say "FAIL: $definition (exit code $asl_rc)"
        failures=$((failures + 1))
      fi
    done
  fi
fi

# ---- 3. sample events -------------------------------------------------------------------------------------------
section "events/*.json are valid JSON"
if command -v python3 >/dev/null 2>&1; then
  shopt -s nullglob
  for event in events/*.json; do
    if ! python3 -m json.tool "$event" >/dev/null 2>&1; then
      say "FAIL: $event is not valid JSON"
      failures=$((failures + 1))
    fi
  done
  shopt -u nullglob
  say "checked"
elif command -v node >/dev/null 2>&1; then
  shopt -s nullglob
  for event in events/*.json; do
    if ! node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$event" >/dev/null 2>&1; then
      say "FAIL: $event is not valid JSON"
      failures=$((failures + 1))
    fi
  done
  shopt -u nullglob
  say "checked"
else
  say "SKIPPED (not a pass): neither python3 nor node to parse JSON"
fi

section "result"
if [[ $failures -ne 0 ]]; then
  say "lint-template: $failures problem(s)"
  exit 1
fi
say "lint-template: ok"
