#!/usr/bin/env bash
# generate killed with SIGKILL at random points of a large run: --out is afterwards exactly
# the previous tree or exactly the new one (every file, foreign ones included), and the stage a
# killed run leaves is removed by the next run.
set -euo pipefail
synth="$SHARED_DIR/bench/synth_tbxml.py"
if [[ ! -f "$synth" ]]; then
  echo "SKIPPED: $synth is absent"
  exit 77
fi
work="$WORK_DIR/output_kill"
rm -rf "$work"
mkdir -p "$work"
cd "$work"

# Two large inputs that differ in every per-domain artifact and share the per-server ones.
python3 "$synth" 40 8 3 4 >old.tbxml
python3 "$synth" 60 8 3 4 >new.tbxml
python3 "$SOURCE_DIR/bench/make_overlay.py" old.tbxml >old.json
python3 "$SOURCE_DIR/bench/make_overlay.py" new.tbxml >new.json
"$LYNCTOPO" generate old.tbxml --overlay old.json --out ref-old >/dev/null 2>&1
echo "mine" >ref-old/foreign.txt
cp -a ref-old ref-new
"$LYNCTOPO" generate new.tbxml --overlay new.json --out ref-new >/dev/null 2>&1

tree_digest() {  # every entry below $1: type, path, and for files the SHA-256
  (cd "$1" && find . -mindepth 1 -printf '%y %P\n' | sort &&
    find . -type f -print0 | sort -z | xargs -0 -r sha256sum)
}
tree_digest ref-old >old.digest
tree_digest ref-new >new.digest
cmp -s old.digest new.digest && { echo "FAIL: the two inputs give the same tree"; exit 1; }
echo "$(grep -c '^f ' new.digest) files in the new tree"

start=$(date +%s%N)
cp -a ref-old timing
"$LYNCTOPO" generate new.tbxml --overlay new.json --out timing >/dev/null 2>&1
duration_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "a full generate takes ${duration_ms} ms"

runs=${KILL_RUNS:-6}
old_seen=0 new_seen=0 staged=0
RANDOM=16  # the same kill points on every run of the test
for ((i = 1; i <= runs; i++)); do
  rm -rf out .out.lynctopo-*
  cp -a ref-old out
  # Half the kills at a random time of the run; half once the stage folder exists (watched,
  # not timed: on a loaded machine the run's phases stretch), a random moment after it appears.
  delay_ms=$(( RANDOM % (duration_ms + 1) ))
  "$LYNCTOPO" generate new.tbxml --overlay new.json --out out >/dev/null 2>&1 &
  pid=$!
  if ((i % 2)); then
    when="after ${delay_ms} ms"
  else
    delay_ms=$(( RANDOM % 40 ))
    while kill -0 "$pid" 2>/dev/null && ! compgen -G '.out.lynctopo-*' >/dev/null; do sleep 0.005; done
    when="${delay_ms} ms after the stage appeared"
  fi
  sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  tree_digest out >now.digest
  if cmp -s now.digest old.digest; then
    old_seen=$((old_seen + 1)); state=old
  elif cmp -s now.digest new.digest; then
    new_seen=$((new_seen + 1)); state=new
  else
    echo "FAIL: kill ${when} left a tree that is neither the old nor the new one"
    diff old.digest now.digest | head -20
    exit 1
  fi
  leftovers=$(ls -A | grep -c '^\.out\.lynctopo-' || true)
  ((leftovers > 0)) && staged=$((staged + 1))
  echo "kill ${when}: ${state} tree, ${leftovers} stage(s) left"
  # The next run removes what the killed one left, and finishes the job.
  "$LYNCTOPO" generate new.tbxml --overlay new.json --out out >/dev/null 2>&1
  if ls -A | grep -q '^\.out\.lynctopo-'; then
    echo "FAIL: a stage is still there after a complete run"; exit 1
  fi
  tree_digest out >now.digest
  cmp -s now.digest new.digest || { echo "FAIL: the run after the kill is not the new tree"; exit 1; }
done
echo "old tree after $old_seen kills, new tree after $new_seen; $staged kills left a stage"
if ((old_seen == 0)); then
  echo "FAIL: no kill landed before the switch: the test proved nothing"; exit 1
fi
if ((staged == 0)); then
  echo "FAIL: no kill landed while the tree was staged: the test proved nothing"; exit 1
fi
