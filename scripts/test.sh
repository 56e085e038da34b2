#!/usr/bin/env bash
# `npm test`: type-check, lint, unit tests (Vitest), the conformance suite against a real
# ZooKeeper 3.8 (Vitest, vitest.conformance.config.ts) and end-to-end tests (Playwright in
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

# Adds a Vitest JSON report's counts to the totals: vitest_counts REPORT EXIT_CODE LABEL.
vitest_counts() {
  if [ -s "$1" ]; then
    read -r p f s < <(node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      // Suites that failed outside any test (e.g. an import error) count as failures too.
      const broken = r.testResults.filter((t) => t.status === "failed" && t.assertionResults.every((a) => a.status !== "failed")).length;
      console.log(r.numPassedTests, r.numFailedTests + broken, r.numPendingTests + r.numTodoTests);
    ' "$1")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
    [ "$2" -ne 0 ] && [ "$f" -eq 0 ] && stage_fail "$3 exited $2"
  else
    stage_fail "$3 produced no report (exit $2)"
  fi
}

echo "== unit tests (vitest)"
NO_COLOR=1 npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json"
vitest_counts "$out/vitest.json" $? "vitest"

echo "== conformance against a real ZooKeeper 3.8 (vitest)"
# No ZooKeeper (and not installable here) is a failure, never a silent pass.
if bash scripts/ensure-zookeeper.sh >/dev/null; then
  NO_COLOR=1 npx vitest run --config vitest.conformance.config.ts --reporter=default --reporter=json --outputFile.json="$out/conformance.json"
  vitest_counts "$out/conformance.json" $? "conformance vitest"
else
  stage_fail "no ZooKeeper 3.8 for the conformance tests"
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
