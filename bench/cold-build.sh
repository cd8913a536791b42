#!/usr/bin/env bash
# The cold build of lowbit-core and lowbit-derive against garde's: a crate
# that depends on the library (and on serde's derive, which a config crate
# has anyway) built in debug from an empty target directory, dependencies
# already downloaded. Two feature sets each: the least a derive needs
# (lowbit-core without default features; garde with `derive` only), and
# what the text rules need (lowbit-core's defaults, `regex`, `url` and
# `unicode`; garde with `derive`, `regex`, `url` and `email`).
#
#   bash bench/cold-build.sh            # two runs, round-robin; about 5 minutes
#   RUNS=3 bash bench/cold-build.sh
#
# CPU seconds (user + system) move with the machine's load, and a neighbour
# can only add to them: the table keeps each build's lowest run.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
scratch=${SCRATCH:-$repo/target/cold-build}
runs=${RUNS:-2}
mkdir -p "$scratch"

# The crate named $1 depending on $2.
crate() {
    local dir="$scratch/$1"
    mkdir -p "$dir/src"
    echo 'pub fn nothing() {}' >"$dir/src/lib.rs"
    cat >"$dir/Cargo.toml" <<EOF
[package]
name = "cold-$1"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
serde = { version = "1.0.229", features = ["derive"] }
$2
EOF
    (cd "$dir" && cargo fetch -q)
}

crate lowbit-least "lowbit-core = { path = \"$repo/lowbit-core\", default-features = false }"
crate garde-least 'garde = { version = "0.23.0", default-features = false, features = ["derive"] }'
crate lowbit-text "lowbit-core = { path = \"$repo/lowbit-core\" }"
crate garde-text 'garde = { version = "0.23.0", default-features = false, features = ["derive", "regex", "url", "email"] }'

names="lowbit-least garde-least lowbit-text garde-text"
declare -A best crates
for ((run = 1; run <= runs; run++)); do
    for name in $names; do
        target="$scratch/target-$name"
        rm -rf "$target"
        start=$(date +%s.%N)
        cpu=$( { /usr/bin/time -f '%U %S' bash -c \
            "cd '$scratch/$name' && CARGO_TARGET_DIR='$target' CARGO_INCREMENTAL=0 cargo build -q --offline" \
            2>&1 >/dev/null; } | tail -1 | awk '{ print $1 + $2 }')
        wall=$(echo "$(date +%s.%N) - $start" | bc -l)
        echo "$name run $run: $cpu CPU s, $wall wall s" >&2
        if [[ -z ${best[$name]:-} ]] || (($(echo "$cpu < ${best[$name]}" | bc -l))); then
            best[$name]=$cpu
        fi
        crates[$name]=$(cd "$scratch/$name" && cargo tree -e normal,build --prefix none | sort -u | wc -l)
    done
done

echo
echo "## Cold build, debug, lowest CPU seconds of $runs runs ($(nproc) cores)"
echo
echo "| features | lowbit CPU s | garde CPU s | lowbit / garde | crates, lowbit / garde |"
echo "|---|---|---|---|---|"
for set in least text; do
    l=${best[lowbit-$set]} g=${best[garde-$set]}
    printf '| %s | %.1f | %.1f | %.2fx | %s / %s |\n' "$set" "$l" "$g" \
        "$(echo "$l / $g" | bc -l)" "${crates[lowbit-$set]}" "${crates[garde-$set]}"
done
