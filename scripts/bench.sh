#!/usr/bin/env bash
# End-to-end throughput of `whomet build` on generated corpora (docs/PERFORMANCE.md).
#
#   scripts/bench.sh [SIZES_MB...]          default: 100 200 400 (add 1000 for the 1 GB figure)
#
# Builds the release binary, generates each corpus with scripts/gen_corpus.py (cached, keyed by
# size and seed, in $WHOMET_BENCH_DIR, default /tmp/whomet-bench: the corpora never go into the
# repository), runs `whomet build` with every export except SVG and the HTML report (which embeds
# the SVG) under /usr/bin/time -v, and prints per size: MB, documents, seconds, MB/s, documents/s,
# peak RSS, and the time ratio between consecutive sizes. Then it runs the smallest size with
# --threads 1 and --threads 2 and compares every output file byte for byte (determinism).
#
# Environment: WHOMET_BENCH_DIR (cache and outputs), WHOMET_BENCH_SEED (generator seed, default 1),
# CARGO_TARGET_DIR (where the binary is built, default target), WHOMET_BENCH_NO_THREADS=1 to skip
# the thread comparison. MB is 10^6 bytes. Run on an idle machine: check `uptime` first.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(100 200 400)
dir=${WHOMET_BENCH_DIR:-/tmp/whomet-bench}
seed=${WHOMET_BENCH_SEED:-1}
target=${CARGO_TARGET_DIR:-target}
formats=graphml,dot,neo4j,evidence,gexf,gephi,cypher,json
mkdir -p "$dir"

echo "== build"
cargo build --release -p whomet
bin=$target/release/whomet
[[ -x $bin ]] || { echo "bench.sh: no binary at $bin" >&2; exit 2; }

echo "== machine"
echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
echo "load: $(uptime | sed 's/.*load average: //')"

corpus_of() { echo "$dir/corpus-${1}MB-seed$seed.jsonl"; }

echo "== corpora"
for size in "${sizes[@]}"; do
  corpus=$(corpus_of "$size")
  if [[ ! -s $corpus ]]; then
    start=$(date +%s.%N)
    python3 scripts/gen_corpus.py "$size" "$corpus.part" --seed "$seed"
    mv "$corpus.part" "$corpus"
    awk -v s="$start" -v e="$(date +%s.%N)" -v mb="$size" \
      'BEGIN { printf "generated %s MB in %.1f s (%.1f MB/s)\n", mb, e - s, mb / (e - s) }'
  fi
  echo "$corpus: $(stat -c %s "$corpus") bytes, $(wc -l < "$corpus") documents"
done

# run NAME CORPUS [ARGS...]: one timed build; leaves "seconds rss_kb cpu_seconds" in
# $dir/NAME.figures (cpu: user + system, all threads; on a shared machine compare it too).
run() {
  local name=$1 corpus=$2
  shift 2
  rm -rf "$dir/out-$name"
  # Each run starts with nothing left to write back from earlier ones (they write gigabytes).
  sync
  local start end
  start=$(date +%s.%N)
  WHOMET_TIMINGS=1 /usr/bin/time -v -o "$dir/$name.time" \
    "$bin" build "$corpus" --out "$dir/out-$name" --quiet --format "$formats" "$@" \
    > "$dir/$name.summary" 2> "$dir/$name.phases"
  end=$(date +%s.%N)
  local rss cpu
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/$name.time")
  cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ {c += $2} END {print c}' "$dir/$name.time")
  awk -v s="$start" -v e="$end" -v r="$rss" -v c="$cpu" \
    'BEGIN { printf "%.3f %d %.2f\n", e - s, r, c }' > "$dir/$name.figures"
}

echo "== whomet build --format $formats"
echo "load before: $(uptime | sed 's/.*load average: //')"
printf '%8s %9s %9s %8s %9s %10s %8s %11s  %s\n' \
  MB documents seconds MB/s docs/s 'peak MB' 'cpu s' 'time ratio' 'graph'
prev_mb='' prev_s=''
for size in "${sizes[@]}"; do
  corpus=$(corpus_of "$size")
  run "$size" "$corpus"
  read -r secs rss cpu < "$dir/$size.figures"
  bytes=$(stat -c %s "$corpus")
  docs=$(wc -l < "$corpus")
  graph=$(sed 's/, [0-9.]*s -> .*//' "$dir/$size.summary")
  awk -v b="$bytes" -v d="$docs" -v s="$secs" -v r="$rss" -v c="$cpu" -v pm="$prev_mb" \
    -v ps="$prev_s" -v g="$graph" 'BEGIN {
      mb = b / 1e6
      ratio = "-"
      if (pm != "") ratio = sprintf("%.2f (x%.2f)", s / ps, mb / pm)
      printf "%8.1f %9d %9.2f %8.2f %9.0f %10.0f %8.1f %11s  %s\n",
        mb, d, s, mb / s, d / s, r / 1024, c, ratio, g
    }'
  prev_mb=$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')
  prev_s=$secs
done
echo "cpu s: user + system seconds of all threads; time ratio: seconds over the previous size's"
echo "seconds (x: the size ratio)."
echo "== phases (seconds since the start, peak memory so far)"
for size in "${sizes[@]}"; do
  echo "$size MB: $(sed 's/^whomet: //' "$dir/$size.phases" | paste -sd ';' | sed 's/;/; /g')"
done
echo "load after: $(uptime | sed 's/.*load average: //')"

if [[ ${WHOMET_BENCH_NO_THREADS:-} != 1 ]]; then
  size=${sizes[0]}
  corpus=$(corpus_of "$size")
  echo "== determinism and threads: $size MB, --threads 1 vs --threads 2"
  for t in 1 2; do
    run "$size-t$t" "$corpus" --threads "$t"
    read -r secs rss cpu < "$dir/$size-t$t.figures"
    awk -v t="$t" -v s="$secs" -v r="$rss" -v c="$cpu" -v mb="$size" 'BEGIN {
      printf "--threads %d: %.2f s, %.2f MB/s, cpu %.1f s, peak %.0f MB\n",
        t, s, mb / s, c, r / 1024
    }'
  done
  same=1
  for f in "$dir/out-$size-t1"/*; do
    name=$(basename "$f")
    if cmp -s "$f" "$dir/out-$size-t2/$name"; then
      echo "identical: $name ($(stat -c %s "$f") bytes)"
    else
      echo "DIFFERENT: $name"
      same=0
    fi
  done
  [[ $(ls "$dir/out-$size-t1" | wc -l) == $(ls "$dir/out-$size-t2" | wc -l) ]] || same=0
  if [[ $same == 1 ]]; then echo "outputs identical"; else echo "outputs differ" >&2; exit 1; fi
fi
