#!/usr/bin/env bash
# Runs every example in examples/ (except demo.ts, which `npm run demo` runs) with tsx, printing each one's
# output under its name, and stops at the first that fails, naming it. `downline` resolves to src/index.ts
# through the `paths` of tsconfig.json, so no build is needed.
set -euo pipefail
cd "$(dirname "$0")/.."

shopt -s nullglob
examples=(examples/*.ts)
ran=0
for example in "${examples[@]}"; do
  [[ "$(basename "$example")" == demo.ts ]] && continue
  echo "== $example"
  start=$(date +%s%N)
  if ! node --import tsx "$example"; then
    echo "run-examples: $example failed" >&2
    exit 1
  fi
  echo "-- $example: ok in $(( ($(date +%s%N) - start) / 1000000 )) ms"
  echo
  ran=$((ran + 1))
done
if (( ran == 0 )); then
  echo "run-examples: no examples found in examples/" >&2
  exit 1
fi
echo "run-examples: $ran examples ran"
