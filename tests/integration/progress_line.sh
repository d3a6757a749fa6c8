#!/usr/bin/env bash
# generate draws a progress line on a terminal, and only there: through a pseudo-terminal
# (script(1)) stderr shows the stages and erases the line; piped, or under CI=true, or with -q,
# or with --format json, there is none.
set -u
: "${LYNCTOPO:?}" "${SOURCE_DIR:?}" "${WORK_DIR:?}"
work="$WORK_DIR/progress_line"
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }
command -v script >/dev/null || fail "script(1) is missing (Debian bsdutils)"
example="$SOURCE_DIR/examples/enterprise.json"

# On a terminal: every stage, then the line erased (ESC[K) before the summary.
env -u CI script -qec "'$LYNCTOPO' generate '$example' --out '$work/tty'" "$work/tty.log" \
  >/dev/null 2>&1 || fail "generate on a terminal failed"
for stage in "loading" "planning" "rendering" "proving" "writing"; do
  grep -q "lynctopo generate: $stage" "$work/tty.log" || { cat -v "$work/tty.log"; fail "no '$stage' stage on a terminal"; }
done
grep -q $'\r\033\\[K' "$work/tty.log" || fail "the progress line is never erased"

# Not on a pipe, not in CI, not with -q, not with --format json.
env -u CI "$LYNCTOPO" generate "$example" --out "$work/pipe" >"$work/pipe.out" 2>"$work/pipe.err" ||
  fail "generate into a pipe failed"
grep -q "lynctopo generate: rendering" "$work/pipe.err" "$work/pipe.out" && fail "progress in a pipe"
quiet_runs=(
  "CI=true|'$LYNCTOPO' generate '$example' --out '$work/v'"
  "NONE=1|'$LYNCTOPO' -q generate '$example' --out '$work/v'"
  "NONE=1|'$LYNCTOPO' generate '$example' --out '$work/v' --format json"
)
for run in "${quiet_runs[@]}"; do
  IFS='|' read -r envs command <<<"$run"
  env -u CI "$envs" script -qec "$command" "$work/v.log" >/dev/null 2>&1 || fail "$envs $command failed"
  grep -q "lynctopo generate: rendering" "$work/v.log" && fail "progress shown for: $envs $command"
done
echo "progress_line: ok"
