#!/usr/bin/env bash
# The conventions a CLI user expects: --version and `version --format json`, -q / -v,
# colour only where wanted (--color, NO_COLOR), shell completions that work, an unknown
# subcommand named with a suggestion, `--format json` on generate and import (valid against
# their schemas), `generate --check --diff`, one line per cause, diff safety flags with their
# own exit code, and verify --timeout on a server that does not answer.
set -u
: "${LYNCTOPO:?} ${SOURCE_DIR:?} ${WORK_DIR:?}"
work="$WORK_DIR/cli_conventions"
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
run() {
  local expected=$1
  shift
  "$LYNCTOPO" "$@" >"$work/out" 2>"$work/err"
  local code=$?
  [ "$code" -eq "$expected" ] || fail "lynctopo $* exited $code, expected $expected: $(head -3 "$work/err")"
}
# schema_valid SCHEMA FILE: validates with every schema of schemas/ known by its $id.
schema_valid() {
  python3 -W ignore - "$SOURCE_DIR/schemas" "$@" <<'PY' || fail "$2 is not valid against $1"
import json, pathlib, sys, jsonschema
folder, name, document = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
store = {}
for path in folder.glob("*.schema.json"):
    schema = json.loads(path.read_text())
    store[schema["$id"]] = schema
schema = json.loads((folder / name).read_text())
resolver = jsonschema.RefResolver.from_schema(schema, store=store)
jsonschema.Draft202012Validator(schema, resolver=resolver).validate(json.load(open(document)))
PY
}
example="$SOURCE_DIR/examples/enterprise.json"
fab="$SOURCE_DIR/examples/fabrikam"

# --version / version --format json
run 0 --version
grep -qE '^lynctopo [0-9]+\.[0-9]+\.[0-9]+ \(git .+\)$' "$work/out" || fail "--version first line: $(head -1 "$work/out")"
for lib in pugixml nlohmann_json cli11 openssl mustache; do
  grep -qE "^$lib: [0-9A-Za-z]" "$work/out" || fail "--version lacks $lib: $(cat "$work/out")"
done
grep -qE '^build: (Release|Debug|RelWithDebInfo|MinSizeRel|none), (GNU|Clang) [0-9]' "$work/out" ||
  fail "--version lacks build type and compiler: $(cat "$work/out")"
run 0 version --format json
cp "$work/out" "$work/version.json"
schema_valid version.schema.json "$work/version.json"

# An unknown subcommand names itself and suggests the closest.
run 64 frob
grep -qF "unknown command 'frob'" "$work/err" || fail "frob: $(cat "$work/err")"
run 64 genrate "$example" --out "$work/x"
grep -qF "did you mean 'generate'?" "$work/err" || fail "genrate: no suggestion: $(cat "$work/err")"

# -q keeps errors only; warnings otherwise; -v accepted after the subcommand too.
run 0 validate "$fab/topology.tbxml"
grep -q 'warning:' "$work/err" || fail "the tbxml without overlay should warn: $(cat "$work/err")"
run 0 -q validate "$fab/topology.tbxml"
[ ! -s "$work/err" ] || fail "-q printed: $(cat "$work/err")"
run 0 validate "$fab/topology.tbxml" --quiet
[ ! -s "$work/err" ] || fail "--quiet after the subcommand printed: $(cat "$work/err")"
run 1 -q validate "$work/missing.json"
grep -q 'error:' "$work/err" || fail "-q hid an error"
run 0 validate "$fab/topology.tbxml" -v

# Colour: never in a pipe by default, always with --color always, never with NO_COLOR.
esc=$'\x1b['
run 0 validate "$fab/topology.tbxml"
! grep -qF "$esc" "$work/err" || fail "colour in a pipe"
run 0 --color always validate "$fab/topology.tbxml"
grep -qF "${esc}33m" "$work/err" || fail "--color always: no yellow warning"
run 64 --color sometimes validate "$example"
if command -v script >/dev/null; then
  script -qec "$LYNCTOPO validate $fab/topology.tbxml" /dev/null >"$work/tty" 2>&1
  grep -qF "$esc" "$work/tty" || fail "no colour on a terminal"
  NO_COLOR=1 script -qec "$LYNCTOPO validate $fab/topology.tbxml" /dev/null >"$work/tty" 2>&1
  ! grep -qF "$esc" "$work/tty" || fail "NO_COLOR ignored on a terminal"
fi

# Completions: bash offers subcommands and a subcommand's options; zsh and fish parse.
run 0 completion bash
cp "$work/out" "$work/completion.bash"
words=$(bash -c 'source "$1"; COMP_WORDS=(lynctopo gen); COMP_CWORD=1; _lynctopo; echo "${COMPREPLY[*]}"' _ "$work/completion.bash")
[[ " $words " == *" generate "* ]] || fail "bash completion of 'gen': $words"
words=$(bash -c 'source "$1"; COMP_WORDS=(lynctopo generate x --ch); COMP_CWORD=3; _lynctopo; echo "${COMPREPLY[*]}"' _ "$work/completion.bash")
[[ " $words " == *" --check "* ]] || fail "bash completion of 'generate --ch': $words"
words=$(bash -c 'source "$1"; COMP_WORDS=(lynctopo certs ""); COMP_CWORD=2; _lynctopo; echo "${COMPREPLY[*]}"' _ "$work/completion.bash")
[[ " $words " == *" check "* ]] || fail "bash completion of 'certs ': $words"
run 0 completion zsh
if command -v zsh >/dev/null; then zsh -n "$work/out" || fail "zsh completion does not parse"; fi
grep -q '^#compdef lynctopo' "$work/out" || fail "zsh completion lacks #compdef"
run 0 completion fish
if command -v fish >/dev/null; then
  fish -n "$work/out" || fail "fish completion does not parse"
  cp "$work/out" "$work/lynctopo.fish"
  subs=$(fish -c "source $work/lynctopo.fish; complete -C 'lynctopo ver'")
  [[ "$subs" == *verify* && "$subs" == *version* ]] || fail "fish completion of 'ver': $subs"
fi
run 64 completion tcsh

# generate --format json, valid, and it counts what is unchanged.
run 0 generate "$example" --out "$work/gen" --format json
schema_valid generate.schema.json "$work/out"
run 0 generate "$example" --out "$work/gen" --format json
cp "$work/out" "$work/gen.json"
python3 - "$work/gen.json" <<'PY' || fail "second generate: not all unchanged"
import json, sys
d = json.load(open(sys.argv[1]))
s = d["summary"]
assert d["mode"] == "write" and d["ok"] and not d["differs"], d
assert s["unchanged"] == s["artifacts"] + 1 and s["created"] == s["updated"] == s["removed"] == 0, s
PY
# --check --diff: a unified diff of the stale file, exit 2; patch applies it.
cp -r "$work/gen" "$work/gen-edited"
sed -i '1d' "$work/gen-edited/dns/records.csv"
run 2 generate "$example" --out "$work/gen-edited" --check --diff
grep -q '^different  dns/records.csv$' "$work/out" || fail "--check does not list the file"
grep -q '^+++ generated/dns/records.csv$' "$work/out" || fail "--diff has no header: $(head "$work/out")"
sed -n '/^--- /,$p' "$work/out" | grep -v '^manifest.json' >"$work/stale.patch"
(cd "$work/gen-edited" && patch -s -p0 --dry-run <"$work/stale.patch" >/dev/null 2>&1) ||
  python3 - "$work/stale.patch" <<'PY' || fail "--diff is not a unified diff"
import sys
lines = open(sys.argv[1]).read().splitlines()
assert lines[0].startswith("--- ") and lines[1].startswith("+++ ") and lines[2].startswith("@@ -1"), lines[:3]
PY
# --diff on a write: the files were written as generated, so no file shows a diff (the
# generated text, rendered into a spill folder, has moved into DIR by then).
cp -r "$work/gen-edited" "$work/gen-written"
run 0 generate "$example" --out "$work/gen-written" --diff
if grep -q '^+++ ' "$work/out"; then fail "--diff on a write diffs a written file: $(grep -m3 '^[-+]' "$work/out")"; fi
run 2 generate "$example" --out "$work/gen-edited" --check --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["differs"] and d["summary"]["updated"]==1, d["summary"]' "$work/out" ||
  fail "--check --format json: $(head -c 300 "$work/out")"

# import --format json
run 0 import "$fab/topology.tbxml" --overlay "$fab/overlay.json" -o "$work/fab.json" --format json
schema_valid import.schema.json "$work/out"
run 64 import "$fab/topology.tbxml" -o - --format json

# One cause, one line: an output folder that cannot be created.
touch "$work/blocker"
run 1 generate "$example" --out "$work/blocker/sub"
n=$(grep -c 'LT40' "$work/err")
[ "$n" -le 2 ] || fail "an uncreatable output folder printed $n lines: $(head -5 "$work/err")"
# The note about a .tbxml with unpublished changes: once, though diff --pending reads it twice.
run 2 diff --pending "$fab/topology.tbxml" --overlay "$fab/overlay.json" --overlay-actual "$fab/overlay.json"
[ "$(grep -c 'LT3006' "$work/err")" -eq 1 ] || fail "LT3006 not once: $(grep LT3006 "$work/err")"

# diff safety flags: exit 3, one line per flag, counts that agree with the JSON summary.
run 2 diff "$fab/planned.json" "$work/fab.json" --format json
cp "$work/out" "$work/diff.json"
schema_valid diff.schema.json "$work/diff.json"
removed=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["dns_records_removed"])' "$work/diff.json")
[ "$removed" -gt 0 ] || fail "planned.json removes fabrikam.net records, summary says $removed"
run 3 diff "$fab/planned.json" "$work/fab.json" --max-dns-deletes $((removed - 1))
grep -qF "refused by --max-dns-deletes: $removed DNS records removed, more than $((removed - 1))" "$work/err" ||
  fail "refusal count disagrees with the summary ($removed): $(cat "$work/err")"
run 2 diff "$fab/planned.json" "$work/fab.json" --max-dns-deletes "$removed"
run 3 diff "$fab/planned.json" "$work/fab.json" --fail-on-delete
[ "$(grep -c 'refused by' "$work/err")" -eq 1 ] || fail "--fail-on-delete: not one line: $(cat "$work/err")"
run 3 diff "$fab/planned.json" "$work/fab.json" --max-change-percent 5
grep -q 'refused by --max-change-percent' "$work/err" || fail "no percent refusal: $(cat "$work/err")"
run 2 diff "$fab/planned.json" "$work/fab.json" --max-change-percent 100
run 0 diff "$example" "$example" --format json
python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; assert s["unchanged"]>50 and s["add"]==s["change"]==s["remove"]==0, s' "$work/out" ||
  fail "identical inputs: summary $(head -c 300 "$work/out")"
schema_valid diff.schema.json "$work/out"
run 0 validate "$example" --format json
schema_valid diagnostics.schema.json "$work/out"

# verify: a server that never answers is reported within --timeout.
start=$(date +%s)
run 1 verify "$example" --dns-server internal=127.0.0.1:9 --timeout 3
elapsed=$(($(date +%s) - start))
[ "$elapsed" -le 6 ] || fail "verify --timeout 3 took ${elapsed}s"
grep -q 'LT96' "$work/err" || fail "verify gave no reason: $(cat "$work/err")"

[ "$failures" -eq 0 ] || exit 1
echo "CLI conventions hold"
