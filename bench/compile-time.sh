#!/usr/bin/env bash
# Compile time of lowbit against garde and validator (and serde alone).
#
# Generates crates of N config structs with R rules each, the same rules
# written for each library, builds their dependencies once, then times each
# crate's own `cargo check` and `cargo build` (median of RUNS runs after a
# touch of its source), and the cold build of each library with its
# dependencies. Prints the tables BENCHMARKS.md quotes.
#
#   bash bench/compile-time.sh                 # 50x10, 200x10, 200x20; 3 runs
#   SIZES="50x10" RUNS=1 bash bench/compile-time.sh   # a quick look
#
# The crates live under target/compile-time/ and are not committed.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
scratch=${SCRATCH:-$repo/target/compile-time}
sizes=${SIZES:-"50x10 200x10 200x20"}
runs=${RUNS:-3}
libs=${LIBS:-"serde lowbit garde validator"}
cold=${COLD:-1}

mkdir -p "$scratch"
# Incremental compilation off: with it, a touched but unchanged source reuses
# nearly all of the last build, and the derive's cost would hide.
export CARGO_INCREMENTAL=0

# shellcheck source=bench/generate.sh
. "$repo/bench/generate.sh"

# ---------------------------------------------------------------- timing

# Median of the numbers on stdin.
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# One `cargo $2` of crate $1 after touching its source: "wall cpu" seconds,
# cpu being user + system time of cargo and rustc.
one_run() {
    local dir=$1 what=$2 target=$3 out wall user sys TIMEFORMAT='%R %U %S'
    touch "$dir/src/lib.rs"
    out=$({ time (cd "$dir" && CARGO_TARGET_DIR=$target cargo "$what" -q >&2); } 2>&1 | tail -1)
    read -r wall user sys <<<"$out"
    echo "$wall $(echo "$user + $sys" | bc -l)"
}

# Every crate is generated and built once (dependencies included) before any
# timing; then runs go round-robin over crates, so that a change in the
# machine's load falls on all of them alike.
declare -A dirs samples_wall samples_cpu result wall
for size in $sizes; do
    for lib in $libs; do
        dirs[$lib, $size]=$(generate "$lib" "${size%x*}" "${size#*x}")
        for what in check build; do
            (cd "${dirs[$lib, $size]}" && CARGO_TARGET_DIR="$scratch/target-$lib" cargo "$what" -q)
        done
    done
done
for ((k = 1; k <= runs; k++)); do
    for size in $sizes; do
        for lib in $libs; do
            for what in check build; do
                read -r w c < <(one_run "${dirs[$lib, $size]}" "$what" "$scratch/target-$lib")
                samples_wall[$lib, $size, $what]+="$w "
                samples_cpu[$lib, $size, $what]+="$c "
                printf 'run %d  %-10s %-7s %-5s cpu %6.2f s  wall %6.2f s\n' "$k" "$lib" "$size" "$what" "$c" "$w" >&2
            done
        done
    done
done
for key in "${!samples_cpu[@]}"; do
    result[$key]=$(tr ' ' '\n' <<<"${samples_cpu[$key]}" | grep . | median)
    wall[$key]=$(tr ' ' '\n' <<<"${samples_wall[$key]}" | grep . | median)
done

# ---------------------------------------------------------------- tables

fmt() { printf '%.2f' "$1"; }

echo
echo "## Each crate's own build: CPU seconds (wall), median of $runs; dependencies prebuilt, not incremental"
echo
echo "| crate | what | $(for lib in $libs; do printf '%s | ' "$lib"; done)lowbit / garde |"
echo "|---|---|$(for lib in $libs; do printf -- '---|'; done)---|"
for size in $sizes; do
    for what in check build; do
        row="| ${size/x/ structs × } rules | $what |"
        for lib in $libs; do
            row+=" $(fmt "${result[$lib, $size, $what]}") ($(fmt "${wall[$lib, $size, $what]}")) |"
        done
        if [[ -n ${result[lowbit, $size, $what]:-} && -n ${result[garde, $size, $what]:-} ]]; then
            row+=" $(fmt "$(echo "${result[lowbit, $size, $what]} / ${result[garde, $size, $what]}" | bc -l)")x |"
        else
            row+=" — |"
        fi
        echo "$row"
    done
done

# Per struct: the cost above serde alone, divided by the structs.
if [[ " $libs " == *" serde "* ]]; then
    echo
    echo "## CPU cost per struct above serde alone (ms), and ratio to garde"
    echo
    echo "| crate | what | $(for lib in $libs; do [[ $lib != serde ]] && printf '%s | ' "$lib"; done)lowbit / garde |"
    echo "|---|---|$(for lib in $libs; do [[ $lib != serde ]] && printf -- '---|'; done)---|"
    for size in $sizes; do
        n=${size%x*}
        for what in check build; do
            row="| ${size/x/ × } | $what |"
            declare -A per=()
            for lib in $libs; do
                [[ $lib == serde ]] && continue
                per[$lib]=$(echo "(${result[$lib, $size, $what]} - ${result[serde, $size, $what]}) * 1000 / $n" | bc -l)
                row+=" $(fmt "${per[$lib]}") |"
            done
            if [[ -n ${per[lowbit]:-} && -n ${per[garde]:-} ]]; then
                row+=" $(fmt "$(echo "${per[lowbit]} / ${per[garde]}" | bc -l)")x |"
            else
                row+=" — |"
            fi
            echo "$row"
        done
    done
fi

# Growth: the marginal cost of structs and of rules, from pairs of sizes.
if [[ " $sizes " == *" 50x10 "* && " $sizes " == *" 200x10 "* && " $sizes " == *" 200x20 "* ]]; then
    echo
    echo "## Growth in CPU ms: per struct from 50 to 200 structs of 10 rules; per rule from 10 to 20 rules on 200 structs"
    echo
    echo "| library | what | per struct | per rule | 200×20 / 200×10 |"
    echo "|---|---|---|---|---|"
    for lib in $libs; do
        for what in check build; do
            a=${result[$lib, 50x10, $what]} b=${result[$lib, 200x10, $what]} c=${result[$lib, 200x20, $what]}
            echo "| $lib | $what | $(fmt "$(echo "($b - $a) * 1000 / 150" | bc -l)") | $(fmt "$(echo "($c - $b) * 1000 / (200 * 10)" | bc -l)") | $(fmt "$(echo "$c / $b" | bc -l)")x |"
        done
    done
fi

# Cold: each library with its dependencies, from nothing, in a crate of one struct.
if [[ $cold == 1 ]]; then
    echo
    echo "## Cold build of each library with its dependencies (debug, one run, $(nproc) cores)"
    echo
    echo "| library | wall s | CPU s | crates compiled |"
    echo "|---|---|---|---|"
    for lib in $libs; do
        dir=$(generate "$lib" 1 10)
        target="$scratch/cold-target-$lib"
        rm -rf "$target"
        (cd "$dir" && CARGO_TARGET_DIR=$target cargo fetch -q)
        read -r w c < <(one_run "$dir" build "$target")
        count=$(cd "$dir" && cargo tree -e normal,build --prefix none | sort -u | wc -l)
        echo "| $lib | $(fmt "$w") | $(fmt "$c") | $count |"
    done
fi
