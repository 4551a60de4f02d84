#!/usr/bin/env bash
# The action's lint step: runs `lifetime-guard lint` on the paths given, in the log's format (by
# default GitHub's workflow commands, which become annotations on the pull request), writes SARIF
# when asked, and puts the summary on the run's page.
set -uo pipefail
exe=lifetime-guard
case "${RUNNER_OS:-}" in Windows) exe=lifetime-guard.exe ;; esac
bin="${LIFETIME_GUARD_DIR:?}/$exe"
[ -x "$bin" ] || { echo "::error::lifetime-guard is not installed at $bin"; exit 2; }

# Paths: one per line when the input has several lines (a path with spaces), else split on spaces.
paths=()
if [[ "${INPUT_PATHS:-.}" == *$'\n'* ]]; then
  while IFS= read -r p; do [ -n "$p" ] && paths+=("$p"); done <<< "$INPUT_PATHS"
else
  read -r -a paths <<< "${INPUT_PATHS:-.}"
fi
[ ${#paths[@]} -gt 0 ] || paths=(.)

args=(lint --fail-on "${INPUT_FAIL_ON:-error}")
[ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")

if [ -n "${INPUT_SARIF_FILE:-}" ]; then
  mkdir -p "$(dirname "$INPUT_SARIF_FILE")"
  "$bin" "${args[@]}" --format sarif -- "${paths[@]}" > "$INPUT_SARIF_FILE"
  [ $? -le 1 ] || echo "::warning::lifetime-guard: some files could not be read; the SARIF report says which"
fi

out=$(mktemp)
"$bin" "${args[@]}" --format "${INPUT_FORMAT:-github}" -- "${paths[@]}" > "$out"
code=$?
cat "$out"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  summary=$(grep '^lifetime-guard lint:' "$out" | tail -n 1)
  [ -z "$summary" ] || printf '### Auth0 lifetimes\n\n%s\n' "$summary" >> "$GITHUB_STEP_SUMMARY"
fi
rm -f "$out"
echo "exit-code=$code" >> "${GITHUB_OUTPUT:?}"
exit "$code"
