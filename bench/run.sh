#!/usr/bin/env bash
# Benchmarks `lynctopo generate` against the physical floor (../shared/bench/floor.cpp) on the
# synthetic L and H inputs. Not part of ctest: it takes a minute or two. See bench/README.md.
#
# usage: bench/run.sh [RUNS]            (default 5 timed runs per command, after 1 warm-up)
# env:   SHARED_DIR  the shared folder (default: ../shared next to the repository)
#        LYNCTOPO    the binary to measure (default: build/release/lynctopo, built if missing)
#        SIZES       which inputs, default "L H"
#        KEEP=1      keep the temporary folder (inputs, overlays, outputs) and print its path
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED_DIR:-$REPO/../shared}
RUNS=${1:-5}
SIZES=${SIZES:-L H}
LT=${LYNCTOPO:-$REPO/build/release/lynctopo}

if [ ! -f "$SHARED/bench/floor.cpp" ]; then
  echo "bench/run.sh: no $SHARED/bench/floor.cpp (set SHARED_DIR)" >&2
  exit 1
fi
if [ ! -x "$LT" ]; then
  (cd "$REPO" && cmake --preset release >/dev/null && cmake --build --preset release -j2 >/dev/null)
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/lynctopo-bench.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
  echo "work folder: $WORK"
else
  trap 'rm -rf "$WORK"' EXIT
fi

# The floor is built here, never copied into the repository.
g++ -O2 -std=c++20 "$SHARED/bench/floor.cpp" -lpugixml -o "$WORK/floor"

args_for() {
  case "$1" in
    L) echo "20 200 5 10" ;;    # ~4 MB: 1,400 pools, 10,600 servers
    H) echo "5000 1 2 4" ;;     # ~1.3 MB: 5,000 SIP domains
    *) echo "bench/run.sh: unknown size '$1'" >&2; exit 64 ;;
  esac
}

# Every run writes into a folder that does not exist yet (else generate skips unchanged files).
# Old outputs are moved aside, not deleted, until the end: on ext4 without a journal, creating
# thousands of files right after deleting thousands is several times slower (the kernel avoids
# recently freed inodes), which would measure the file system rather than lynctopo.
mkdir -p "$WORK/trash"
set_aside() { [ ! -e "$1" ] || mv "$1" "$WORK/trash/$(date +%s%N)"; }

# Sum of the sizes of every file under a folder.
bytes_under() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }

# Peak resident set size in MB of one run of "$@".
peak_mb() {
  /usr/bin/time -o "$WORK/rss" -f '%M' "$@" >/dev/null 2>&1
  awk '{ printf "%.0f", $1 / 1024 }' "$WORK/rss"
}

median_of() {  # hyperfine JSON -> median seconds of command $2
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["median"])' "$1" "$2"
}

time_pair() {  # name, generate command, floor command -> median seconds of each, one per line
  local name=$1 gen=$2 flo=$3 out=$4
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 1 --runs "$RUNS" --style basic \
      --prepare "sh -c '[ ! -e $out ] || mv $out $WORK/trash/\$(date +%s%N)'" \
      --export-json "$WORK/$name.json" -n generate "$gen" -n floor "$flo" >&2
    median_of "$WORK/$name.json" 0
    median_of "$WORK/$name.json" 1
  else
    # No hyperfine: medians of /usr/bin/time wall clock.
    for cmd in "$gen" "$flo"; do
      for _ in $(seq "$RUNS"); do
        set_aside "$out"
        # shellcheck disable=SC2086
        /usr/bin/time -o "$WORK/wall" -f '%e' $cmd >/dev/null 2>&1
        cat "$WORK/wall"
      done | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
    done
  fi
}

echo "lynctopo $("$LT" --version 2>/dev/null | head -1), $(nproc) cores, $(date -u +%Y-%m-%d)"
SUMMARY=""
for size in $SIZES; do
  in="$WORK/$size.tbxml" overlay="$WORK/$size-overlay.json" out="$WORK/$size-out"
  # shellcheck disable=SC2046
  python3 "$SHARED/bench/synth_tbxml.py" $(args_for "$size") >"$in"
  python3 "$REPO/bench/make_overlay.py" "$in" >"$overlay"

  echo
  echo "== $size: $(args_for "$size") ($(stat -c %s "$in") bytes of .tbxml)"
  # One checked run first: generate must succeed with no errors; its output gives BYTES.
  set_aside "$out"
  if ! "$LT" generate "$in" --overlay "$overlay" --out "$out" --timings \
      >"$WORK/$size.stdout" 2>"$WORK/$size.stderr"; then
    cat "$WORK/$size.stderr" >&2
    echo "bench/run.sh: generate failed on $size" >&2
    exit 1
  fi
  if grep -q -v '^timing ' "$WORK/$size.stderr"; then
    echo "warnings: $(grep -c -v '^timing ' "$WORK/$size.stderr"), e.g.:"
    grep -v '^timing ' "$WORK/$size.stderr" | head -2 | cut -c1-160
  fi
  bytes=$(bytes_under "$out")
  files=$(find "$out" -type f | wc -l)
  echo "artifacts: $files files, $bytes bytes"
  echo "stages (one run, wall ms):"
  grep '^timing ' "$WORK/$size.stderr" | sed 's/^timing /  /'

  gen="$LT generate $in --overlay $overlay --out $out"
  flo="$WORK/floor $in $bytes $WORK/$size-floor.bin"
  mapfile -t medians < <(time_pair "$size" "$gen" "$flo" "$out")
  set_aside "$out"
  gen_mb=$(peak_mb $gen)
  flo_mb=$(peak_mb $flo)
  ratio=$(awk -v a="${medians[0]}" -v b="${medians[1]}" 'BEGIN { printf "%.1f", a / b }')
  line=$(printf '%s: generate %.3f s, floor %.3f s, ratio %sx; peak RSS generate %s MB, floor %s MB' \
    "$size" "${medians[0]}" "${medians[1]}" "$ratio" "$gen_mb" "$flo_mb")

  # The scripted peer, when Jinja2 is there: a yardstick, not a target.
  if python3 -c 'import jinja2' 2>/dev/null; then
    /usr/bin/time -o "$WORK/wall" -f '%e' python3 "$SHARED/bench/peer_jinja.py" "$in" \
      "$WORK/$size-peer" >/dev/null 2>&1
    peer=$(cat "$WORK/wall")
    line="$line; peer_jinja (1 run) $peer s"
  fi
  echo "$line"
  SUMMARY="$SUMMARY$line"$'\n'
  rm -rf "$WORK/trash" && mkdir "$WORK/trash"
done

echo
echo "== summary (medians of $RUNS runs)"
printf '%s' "$SUMMARY"
