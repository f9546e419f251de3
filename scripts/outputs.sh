#!/usr/bin/env bash
# Runs every command in every format and writes what each prints (stdout,
# stderr and exit code) under OUT_DIR, one file per run. Run it before and
# after a change that must not change any output, then `diff -r` the two.
# Usage: scripts/outputs.sh OUT_DIR [ROADMAP_BINARY]
set -uo pipefail
out=${1:?usage: scripts/outputs.sh OUT_DIR [BINARY]}
bin=${2:-target/release/roadmap}
mkdir -p "$out"
export ROADMAP_HOME=$(mktemp -d) ROADMAP_TODAY=2026-11-21 COLUMNS=100
unset NO_COLOR
n=0
run() {
    n=$((n + 1))
    local f="$out/$(printf %04d $n)"
    printf "%s\n" "${*//$ROADMAP_HOME/HOME}" > "$f.args"
    "$bin" "$@" > "$f.out" 2> "$f.err"
    echo "exit $?" >> "$f.err"
}
formats="table json csv markdown"
for fmt in $formats; do
    run pathways --from band3 --format $fmt
    run pathways --from band2 --format $fmt
    run pathways --from hca --have gcse-maths,gcse-english --format $fmt
    run pathways --from band2 --to registered-nurse --have gcse-english --format $fmt
    run pathways --from msw --to midwife --routes 2 --format $fmt
    run pathways --from "therapy support worker" --to physiotherapist --format $fmt
    run pathways --from band3 --setting mental-health --format $fmt
    run pathways --from band2 --family ahp --format $fmt
    run roles --format $fmt
    run roles --band 4 --format $fmt
    run roles --family ahp --format $fmt
    run areas --format $fmt
    run areas skills-for-life --format $fmt
    run search maths --format $fmt
    run search physiotherapy apprenticeship --format $fmt
    run search zzzz --format $fmt
done
for id in $("$bin" export --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print("\n".join(r["meta"]["id"] for k in ["areas","settings","roles","programmes","requirements","pathways","resources","barriers","rules"] for r in d[k]))'); do
    for fmt in $formats; do run show "$id" --format $fmt; done
done
for fmt in json csv markdown mermaid dot svg html; do
    run export --format $fmt
    run export --format $fmt --from band2
    run export --format $fmt --to midwife
    run export --format $fmt --family nursing
    run export --format $fmt --area skills-for-life
    run export --format $fmt --setting acute
done
run check
run check --data tests/fixtures/valid
run check --data tests/fixtures/valid --overlay tests/fixtures/broken/unknown-reference
run roles --data tests/fixtures/valid
run pathways --data tests/fixtures/valid --from hca --to nurse
run schema
run schema --export
run completions bash
run man
run --help
for c in areas roles show pathways search assess profile check export schema completions man; do run $c --help; done
run pathways --from bnad3
run pathways --from band7
run pathways --from band2 --to nobody
run pathways --from band2 --have nothing
run pathways --from band2 --setting nowhere
run show no-such-id
run areas nowhere
run export --format csv --area nowhere
cat > "$ROADMAP_HOME/a.toml" <<'TOML'
name = "Sam Patel"
role = "band2"
english = "level-2"
english-how = "gcse"
maths = "none"
goal = "registered"
goal-role = "registered-nurse"
earn-while-learning = true
study-hours = 6
barriers = ["not-released-for-training"]
[confidence]
skills-for-life = 2
TOML
run assess --answers "$ROADMAP_HOME/a.toml" --no-save
run assess --answers "$ROADMAP_HOME/a.toml" --no-save --force -o /tmp/roadmap-outputs-record.md
COLUMNS=60 run pathways --from band3
COLUMNS=60 run roles
echo "$n runs written to $out"
