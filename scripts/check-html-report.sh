#!/usr/bin/env bash
# Opens an HTML report of `cql score --format html` in headless Chromium and checks that it
#  1. declares a Content-Security-Policy that forbids every fetch,
#  2. renders (the DOM after scripts ran holds the report and one grid row per entity),
#  3. makes NO network request: Chromium's net log must hold no request issued on behalf of the
#     page, and the console no CSP violation (a blocked load is still an attempt),
#  4. shows every entity: each tag of --json FILE (a scores.json of the same run) and each TAG
#     argument appears as an entity row.
# Host names resolve nowhere (--host-resolver-rules), so nothing can leave the machine whatever
# the page or the browser tries.
#
# Usage: scripts/check-html-report.sh REPORT.html [--json scores.json] [TAG...]
# Exit: 0 ok, 1 a check failed, 64 bad usage, 77 Chromium or jq is not installed (skip).
set -euo pipefail

usage() { echo "usage: $0 REPORT.html [--json scores.json] [TAG...]" >&2; exit 64; }
[[ $# -ge 1 ]] || usage
report=$1
shift
json=""
tags=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --json) [[ $# -ge 2 ]] || usage; json=$2; shift 2 ;;
    *) tags+=("$1"); shift ;;
  esac
done
[[ -f $report ]] || { echo "check-html-report: no such file: $report" >&2; exit 64; }

chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [[ -z $chromium ]] || ! command -v jq >/dev/null; then
  echo "check-html-report: skipped (chromium and jq are needed)" >&2
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "check-html-report: FAIL: $*" >&2; failures=$((failures + 1)); }

# 1. The policy is in the file itself (it is what makes the browser refuse any load).
if ! grep -q "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'" "$report"; then
  fail "no Content-Security-Policy meta with default-src 'none'"
fi

# 2 + 3. Render it.
url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
if ! timeout 180 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --disable-default-apps \
    --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$work/profile" \
    --log-net-log="$work/net.json" --enable-logging=stderr --v=0 \
    --dump-dom "$url" >"$work/dom.html" 2>"$work/console.txt"; then
  fail "chromium could not render the report (see below)"
  tail -20 "$work/console.txt" >&2
fi

if [[ ! -s $work/dom.html ]] || ! grep -q '<h1>Scorecard results</h1>' "$work/dom.html"; then
  fail "the rendered page does not hold the report"
fi

if grep -q 'Content Security Policy' "$work/console.txt"; then
  fail "the page tried to load something the policy blocked:"
  grep 'Content Security Policy' "$work/console.txt" | head -5 >&2
fi

if [[ -s $work/net.json ]]; then
  # Requests Chromium makes for itself carry the initiator "not an origin"; a request made for the
  # page carries the page's origin ("null" for a file).
  page_requests=$(jq -r '(.constants.logEventTypes.URL_REQUEST_START_JOB) as $start
      | .events[] | select(.type == $start) | .params
      | select(.initiator != null and .initiator != "not an origin") | .url' "$work/net.json" 2>/dev/null) || {
    fail "cannot read Chromium's net log"
    page_requests=""
  }
  if [[ -n $page_requests ]]; then
    fail "the page made network requests:"
    echo "$page_requests" | head -10 >&2
  fi
else
  fail "Chromium wrote no net log, so network requests cannot be ruled out"
fi

# 4. Every entity has its row (text in the DOM escapes only &, < and >).
if [[ -n $json ]]; then
  mapfile -t from_json < <(jq -r '.scorecards[].entities[].tag' "$json")
  tags+=("${from_json[@]}")
fi
escape() { local s=${1//&/&amp;}; s=${s//</&lt;}; printf '%s' "${s//>/&gt;}"; }
missing=0
for tag in "${tags[@]}"; do
  if ! grep -qF ">$(escape "$tag")</th>" "$work/dom.html"; then
    [[ $missing -lt 10 ]] && fail "entity \`$tag\` is not shown"
    missing=$((missing + 1))
  fi
done
[[ $missing -le 10 ]] || fail "... and $((missing - 10)) more entities are not shown"

rows=$(grep -o '<tr data-search=' "$work/dom.html" | wc -l)
if [[ $failures -eq 0 ]]; then
  echo "check-html-report: ok: $report renders $rows entity rows, ${#tags[@]} expected entities shown, no network request"
  exit 0
fi
exit 1
