#!/usr/bin/env bash
# `npm test`: self-contained. Lint, typecheck and build count as checks; then every vitest suite runs with
# the services it needs (a private D-Bus with an unlocked gnome-keyring; the suites start their own DF
# test servers and headless Chromium). Ends with the plain "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=.ci-out; rm -rf "$OUT"; mkdir -p "$OUT"
checks_passed=0; checks_failed=0
check() {
  local name=$1; shift
  local s=$SECONDS
  if "$@"; then checks_passed=$((checks_passed + 1)); echo "[test] ok   ${name} ($((SECONDS - s))s)"
  else checks_failed=$((checks_failed + 1)); echo "[test] FAIL ${name} ($((SECONDS - s))s)"; fi
}
check lint npm run -s lint
check typecheck npm run -s typecheck
check build npm run -s build

export KR_DIR="$(mktemp -d -t kr.XXXXXX)"
# shellcheck source=scripts/start-keyring.sh
source scripts/start-keyring.sh
trap 'stop_keyring; rm -rf "$KR_DIR"' EXIT

suites=(unit)
npx vitest run --reporter=default --reporter=json --outputFile="$OUT/unit.json"
for extra in e2e; do
  if [ -f "vitest.$extra.config.ts" ]; then
    suites+=("$extra")
    npx vitest run --config "vitest.$extra.config.ts" --reporter=default --reporter=json --outputFile="$OUT/$extra.json"
  fi
done

# vitest is not among the runners whose closing line CI reads, so print the plain line ourselves.
node scripts/summarize-tests.mjs "$OUT" "$checks_passed" "$checks_failed" "${suites[@]}"
