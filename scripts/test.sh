#!/usr/bin/env bash
# `npm test`: type-check, lint, unit tests (Vitest) and end-to-end tests (Playwright in
# Debian's Chromium). Runs every stage even when an earlier one fails, then prints one
# closing line: `tests: N passed, N failed` (and `, N skipped` when any were skipped).
# A stage that fails outside any test (type errors, lint, a runner that crashed) counts
# as one failed test, so the line never hides it.
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
passed=0; failed=0; skipped=0
stage_fail() { echo "FAILED: $1" >&2; failed=$((failed + 1)); }

if [ ! -d node_modules ]; then npm ci --no-audit --no-fund || { echo "npm ci failed" >&2; exit 1; }; fi

echo "== type-check"; npx tsc --noEmit -p tsconfig.json || stage_fail "type-check"
echo "== lint"; npx eslint . || stage_fail "lint"

echo "== unit tests (vitest)"
NO_COLOR=1 npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json"
vrc=$?
if [ -s "$out/vitest.json" ]; then
  read -r p f s < <(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    // Suites that failed outside any test (e.g. an import error) count as failures too.
    const broken = r.testResults.filter((t) => t.status === "failed" && t.assertionResults.every((a) => a.status !== "failed")).length;
    console.log(r.numPassedTests, r.numFailedTests + broken, r.numPendingTests + r.numTodoTests);
  ' "$out/vitest.json")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  [ "$vrc" -ne 0 ] && [ "$f" -eq 0 ] && stage_fail "vitest exited $vrc"
else
  stage_fail "vitest produced no report (exit $vrc)"
fi

echo "== end-to-end tests (playwright)"
if chromium=$(bash scripts/ensure-chromium.sh); then
  CHROMIUM_PATH="$chromium" PLAYWRIGHT_JSON_OUTPUT_NAME="$out/pw.json" npx playwright test --reporter=list,json
  prc=$?
  if [ -s "$out/pw.json" ]; then
    read -r p f s < <(node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const st = r.stats || {};
      const errs = (r.errors || []).length;
      console.log(st.expected || 0, (st.unexpected || 0) + (st.flaky || 0) + errs, st.skipped || 0);
    ' "$out/pw.json")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
    [ "$prc" -ne 0 ] && [ "$f" -eq 0 ] && stage_fail "playwright exited $prc"
  else
    stage_fail "playwright produced no report (exit $prc)"
  fi
else
  stage_fail "no Chromium for the end-to-end tests"
fi

rm -rf "$out"
line="tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
