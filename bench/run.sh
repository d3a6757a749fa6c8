#!/usr/bin/env bash
# Benchmarks `lynctopo generate` against the physical floors (../shared/bench/floor.cpp) and the
# scripted peer (../shared/bench/peer_jinja.py) on the synthetic L and H inputs, each also at half
# size, and prints in one run: the file-floor ratio (wall), the byte-floor ratio, the user-CPU
# ratio, peak RSS against the largest artifact, the peer ratio on the peer's scope, and the stage
# table at both sizes with the growth of every stage. Not part of ctest: it takes several
# minutes. See bench/README.md.
#
# usage: bench/run.sh [RUNS]            (default 3 interleaved runs per command)
# env:   SHARED_DIR  the shared folder (default: ../shared next to the repository)
#        LYNCTOPO    the binary to measure (default: build/release/lynctopo, built if missing)
#        SIZES       which inputs, default "L H"
#        KEEP=1      keep the temporary folder (inputs, overlays, outputs) and print its path
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED_DIR:-$REPO/../shared}
RUNS=${1:-3}
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
    L) echo "20 200 5 10" ;;    # ~4 MB: 200 sites, 1,400 pools, 10,600 servers
    L2) echo "20 100 5 10" ;;   # half of L: 100 sites
    H) echo "5000 1 2 4" ;;     # ~1.3 MB: 5,000 SIP domains
    H2) echo "2500 1 2 4" ;;    # half of H: 2,500 SIP domains
    *) echo "bench/run.sh: unknown size '$1'" >&2; exit 64 ;;
  esac
}

# Every run writes into a folder that does not exist yet (else generate skips unchanged files).
# Old outputs are moved aside, not deleted, until the end of a size: on ext4 without a journal,
# creating thousands of files right after deleting thousands is several times slower (the
# kernel avoids recently freed inodes), which would measure the file system.
mkdir -p "$WORK/trash"
set_aside() { [ ! -e "$1" ] || mv "$1" "$WORK/trash/$(date +%s%N)"; }

bytes_under() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }
largest_under() { find "$1" -type f -printf '%s\n' | sort -n | tail -1; }

# One run of "$@" (output folder $OUT set aside first): appends "user wall rss_kb" to $LOG.
measure() {
  local log=$1 out=$2
  shift 2
  set_aside "$out"
  /usr/bin/time -o "$WORK/time" -f '%U %e %M' "$@" >/dev/null 2>&1 ||
    { echo "bench/run.sh: failed: $*" >&2; exit 1; }
  cat "$WORK/time" >>"$log"
}

# Median of column $2 (1 user, 2 wall, 3 rss) of a measure log.
median() {
  awk -v c="$2" '{ print $c }' "$1" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

# The stage table of one --timings run: "stage ms" lines.
stages() {
  local size=$1 in=$2 overlay=$3 out=$4
  set_aside "$out"
  if ! "$LT" generate "$in" --overlay "$overlay" --out "$out" --timings \
      >"$WORK/$size.stdout" 2>"$WORK/$size.stderr"; then
    cat "$WORK/$size.stderr" >&2
    echo "bench/run.sh: generate failed on $size" >&2
    exit 1
  fi
  grep '^timing ' "$WORK/$size.stderr" | sed 's/^timing //' | awk '{ print $1, $2 + 0 }'
}

echo "lynctopo $("$LT" --version 2>/dev/null | head -1), $(nproc) cores, $(date -u +%Y-%m-%d)"
SUMMARY=""
for size in $SIZES; do
  half=${size}2
  for s in "$size" "$half"; do
    # shellcheck disable=SC2046
    python3 "$SHARED/bench/synth_tbxml.py" $(args_for "$s") >"$WORK/$s.tbxml"
    python3 "$REPO/bench/make_overlay.py" "$WORK/$s.tbxml" >"$WORK/$s-overlay.json"
  done
  in="$WORK/$size.tbxml" overlay="$WORK/$size-overlay.json" out="$WORK/$size-out"

  echo
  echo "== $size: $(args_for "$size") ($(stat -c %s "$in") bytes of .tbxml)"
  # Linearity: the stage table of the half-size input, then of the full one; a stage that more
  # than doubles (x > 2.2) grows faster than its input.
  stages "$half" "$WORK/$half.tbxml" "$WORK/$half-overlay.json" "$WORK/$half-out" >"$WORK/$half.stages"
  stages "$size" "$in" "$overlay" "$out" >"$WORK/$size.stages"
  if grep -q -v '^timing ' "$WORK/$size.stderr"; then
    echo "diagnostics: $(grep -c -v '^timing ' "$WORK/$size.stderr"), e.g.:"
    grep -v '^timing ' "$WORK/$size.stderr" | sed -n '1,2p' | cut -c1-160  # sed reads on: no SIGPIPE under pipefail
  fi
  echo "stages (wall ms):   $half -> $size   growth"
  join "$WORK/$half.stages" "$WORK/$size.stages" |
    awk '{ g = $2 > 0 ? $3 / $2 : 0; printf "  %-10s %8d %8d   %.2fx%s\n", $1, $2, $3, g, (g > 2.2 && $3 > 50) ? "  (> 2.2x)" : "" }'

  ref="$WORK/$size-ref"
  mv "$out" "$ref"  # the tree the file floor reproduces
  bytes=$(bytes_under "$ref")
  files=$(find "$ref" -type f | wc -l)
  largest=$(largest_under "$ref")
  echo "artifacts: $files files, $bytes bytes, largest $largest bytes"

  # Interleaved: generate, file floor, byte floor; RUNS times.
  : >"$WORK/gen.log"; : >"$WORK/files.log"; : >"$WORK/bytes.log"
  for _ in $(seq "$RUNS"); do
    measure "$WORK/gen.log" "$out" "$LT" generate "$in" --overlay "$overlay" --out "$out"
    measure "$WORK/files.log" "$WORK/$size-floor" "$WORK/floor" "$in" --like "$ref" "$WORK/$size-floor"
    measure "$WORK/bytes.log" "$WORK/$size-floor.bin" "$WORK/floor" "$in" "$bytes" "$WORK/$size-floor.bin"
  done
  g_user=$(median "$WORK/gen.log" 1) g_wall=$(median "$WORK/gen.log" 2) g_rss=$(median "$WORK/gen.log" 3)
  f_user=$(median "$WORK/files.log" 1) f_wall=$(median "$WORK/files.log" 2)
  b_wall=$(median "$WORK/bytes.log" 2)
  line=$(awk -v s="$size" -v gu="$g_user" -v gw="$g_wall" -v gr="$g_rss" -v fu="$f_user" \
    -v fw="$f_wall" -v bw="$b_wall" -v big="$largest" 'BEGIN {
      cap = (2 * big) / 1048576 + 64
      printf "%s: generate %.2f s wall, %.2f s user; file floor %.2f s wall (%.1fx, target 2x), %.2f s user (%.0fx, target 10x);", s, gw, gu, fw, gw / (fw > 0 ? fw : 0.01), fu, gu / (fu > 0 ? fu : 0.01)
      printf " byte floor %.2f s (%.0fx); peak RSS %.0f MB (target: 2x the largest artifact + 64 MiB = %.0f MB)", bw, gw / (bw > 0 ? bw : 0.01), gr / 1024, cap
    }')

  # The peer's scope: DNS, proxy and Kerberos artifacts, against peer_jinja.py, interleaved.
  if python3 -c 'import jinja2' 2>/dev/null; then
    : >"$WORK/only.log"; : >"$WORK/peer.log"
    for _ in $(seq "$RUNS"); do
      measure "$WORK/only.log" "$WORK/$size-only" "$LT" generate "$in" --overlay "$overlay" \
        --out "$WORK/$size-only" --only dns,proxy,kerberos
      measure "$WORK/peer.log" "$WORK/$size-peer" python3 "$SHARED/bench/peer_jinja.py" "$in" \
        "$WORK/$size-peer"
    done
    o_wall=$(median "$WORK/only.log" 2) p_wall=$(median "$WORK/peer.log" 2)
    line="$line; --only dns,proxy,kerberos $o_wall s vs peer_jinja $p_wall s (peer time / ours: $(awk -v o="$o_wall" -v p="$p_wall" 'BEGIN { printf "%.2f", p / (o > 0 ? o : 0.01) }'), target >= 10)"
  else
    line="$line; peer_jinja not run (python3-jinja2 missing)"
  fi
  echo "$line"
  SUMMARY="$SUMMARY$line"$'\n'
  rm -rf "$WORK/trash" "$WORK/$size-ref" "$WORK/$size-floor" "$WORK/$size-only" "$WORK/$size-peer" \
    "$WORK/$half-out"
  mkdir "$WORK/trash"
done

echo
echo "== summary (medians of $RUNS interleaved runs)"
printf '%s' "$SUMMARY"
