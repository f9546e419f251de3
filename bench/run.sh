#!/usr/bin/env bash
# Benchmarks for BENCHMARKS.md. Needs hyperfine (apt-get install hyperfine).
# Usage: bench/run.sh            (writes results under target/bench/)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "install hyperfine: apt-get install hyperfine" >&2; exit 1; }
cargo build --release --bin roadmap --example synth --example staff --example hostile
bin=target/release/roadmap
out=target/bench; mkdir -p "$out"
# A private home, so the cache of validated data starts empty.
export ROADMAP_HOME=$(mktemp -d)
for n in 1 10 100; do
    [ -d "$out/data-${n}x" ] || target/release/examples/synth "$n" "$out/data-${n}x" >/dev/null
done

echo "== start-up on the built-in data, against --version (same run)"
hyperfine -N --warmup 30 --runs 300 --export-markdown "$out/startup.md" \
    "$bin --version" "$bin pathways --from band3" \
    "$bin pathways --from band2 --to registered-nurse --have gcse-english"

echo "== check (always parses and validates) at 1x, 10x, 100x"
hyperfine -N --warmup 2 --runs 10 --export-markdown "$out/check.md" \
    "$bin check --data $out/data-1x" "$bin check --data $out/data-10x" "$bin check --data $out/data-100x"

echo "== pathways at 1x, 10x, 100x (validated data cached after the first run)"
hyperfine -N --warmup 2 --runs 10 --export-markdown "$out/pathways.md" \
    "$bin pathways --data $out/data-1x --from band3" \
    "$bin pathways --data $out/data-10x --from band3" \
    "$bin pathways --data $out/data-100x --from band3" \
    "$bin pathways --data $out/data-1x --from band2 --to registered-nurse" \
    "$bin pathways --data $out/data-10x --from band2 --to registered-nurse" \
    "$bin pathways --data $out/data-100x --from band2 --to registered-nurse"

echo "== peak memory (max RSS, KB)"
for args in "pathways --from band3" "pathways --data $out/data-100x --from band3" "check --data $out/data-100x"; do
    /usr/bin/time -f "%M KB  roadmap $args" $bin $args >/dev/null
done
echo "== instructions (callgrind; repeatable on a busy machine)"
if command -v valgrind >/dev/null; then
    for args in "--version" "pathways --from band3" \
        "pathways --data $out/data-1x --from band2 --to registered-nurse" \
        "pathways --data $out/data-10x --from band2 --to registered-nurse" \
        "pathways --data $out/data-100x --from band2 --to registered-nurse"; do
        valgrind --tool=callgrind --callgrind-out-file=/dev/null $bin $args 2>&1 >/dev/null | grep -o "refs: .*" | sed "s|^|roadmap $args: |"
    done
fi

echo "== cohort: staff lists of 1k, 10k and 100k people (a realistic mix, and --uniform: nearly everyone different)"
for n in 1000 10000 100000; do
    [ -f "$out/staff-$n.csv" ] || target/release/examples/staff "$n" > "$out/staff-$n.csv"
    [ -f "$out/staff-uniform-$n.csv" ] || target/release/examples/staff "$n" --uniform > "$out/staff-uniform-$n.csv"
done
hyperfine -N --warmup 1 --runs 5 --export-markdown "$out/cohort.md" \
    "$bin cohort $out/staff-1000.csv --format json" \
    "$bin cohort $out/staff-10000.csv --format json" \
    "$bin cohort $out/staff-100000.csv --format json" \
    "$bin cohort $out/staff-uniform-100000.csv --format json"
for f in staff-100000 staff-uniform-100000; do
    /usr/bin/time -f "%M KB  %e s  roadmap cohort $f.csv --format json" $bin cohort "$out/$f.csv" --format json >/dev/null
done

echo "== hostile scale (issue 16): dense 1,000 roles, a 100,000-long satisfied-by chain, a 1 MB title"
[ -d "$out/hostile-dense" ] || target/release/examples/hostile dense 1000 "$out/hostile-dense"
[ -d "$out/hostile-chain" ] || target/release/examples/hostile chain 100000 "$out/hostile-chain"
[ -d "$out/hostile-title" ] || target/release/examples/hostile title 1000000 "$out/hostile-title"
# Each run starts with an empty cache (--prepare), the slowest case.
hyperfine -N --warmup 1 --runs 5 --prepare "rm -rf $ROADMAP_HOME/cache" --export-markdown "$out/hostile.md" \
    "$bin pathways --from d0 --to d999 --routes 20 --overlay $out/hostile-dense" \
    "$bin export --format svg --overlay $out/hostile-dense" \
    "$bin export --format html --overlay $out/hostile-dense" \
    "$bin check --overlay $out/hostile-chain" \
    "$bin roles --overlay $out/hostile-title" \
    "$bin search xxxx --overlay $out/hostile-title"
for args in "pathways --from d0 --to d999 --routes 20 --overlay $out/hostile-dense" \
    "export --format html --overlay $out/hostile-dense" \
    "check --overlay $out/hostile-chain" "roles --overlay $out/hostile-title"; do
    rm -rf "$ROADMAP_HOME/cache"
    /usr/bin/time -f "%M KB  %e s  roadmap $args" $bin $args >/dev/null
done
