#!/usr/bin/env bash
# The compiler's work for each library's derive, counted in instructions:
# a measure of compile time that the machine's load does not move.
#
# For each ruleset (see generate.sh) and library, generates crates of
# SMALL and LARGE structs (ten rules each), builds their dependencies,
# then runs the crate's own `cargo check` with rustc under callgrind. The
# cost of one struct is the difference divided by LARGE - SMALL, so that
# fixed costs (loading a library's metadata, the proc macro) cancel out;
# it is printed above serde alone and as a ratio to garde.
#
#   bash bench/compile-instructions.sh            # the three rulesets, 10 and 40 structs
#   bash bench/compile-instructions.sh --check    # exit 1 if lowbit costs more than garde
#   RULESETS=native SMALL=10 LARGE=30 bash bench/compile-instructions.sh
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
scratch=${SCRATCH:-$repo/target/compile-instructions}
rulesets=${RULESETS:-"native mixed text"}
libs=${LIBS:-"serde lowbit garde"}
small=${SMALL:-10}
large=${LARGE:-40}
check=0
[[ ${1:-} == --check ]] && check=1

if ! command -v valgrind >/dev/null; then
    echo "valgrind is not installed: no instruction counts" >&2
    exit 0
fi
mkdir -p "$scratch"
export CARGO_INCREMENTAL=0

# The wrapper runs rustc under callgrind for the crate named $CG_CRATE
# only, and rustc as it is for every dependency.
wrapper="$scratch/rustc-wrapper.sh"
cat >"$wrapper" <<'WRAP'
#!/usr/bin/env bash
rustc=$1
shift
if [[ " $* " == *" --crate-name $CG_CRATE "* ]]; then
    exec valgrind --tool=callgrind --quiet --callgrind-out-file="$CG_OUT" "$rustc" "$@"
fi
exec "$rustc" "$@"
WRAP
chmod +x "$wrapper"

# Instructions of one `cargo check` of the crate in $1, named $2.
count() {
    local dir=$1 name=$2 target=$3 out="$scratch/callgrind.out"
    touch "$dir/src/lib.rs"
    (cd "$dir" && CG_CRATE=${name//-/_} CG_OUT=$out RUSTC_WRAPPER=$wrapper \
        CARGO_TARGET_DIR=$target cargo check -q)
    awk '/^totals:/ { print $2 }' "$out"
    rm -f "$out"
}

declare -A per_struct
failed=0
for ruleset in $rulesets; do
    export RULESET=$ruleset
    # shellcheck source=bench/generate.sh
    . "$repo/bench/generate.sh"
    for lib in $libs; do
        target="$scratch/target-$lib"
        declare -A at=()
        for n in $small $large; do
            dir=$(generate "$lib" "$n" 10)
            # Dependencies first, outside the count.
            (cd "$dir" && CARGO_TARGET_DIR=$target cargo check -q)
            at[$n]=$(count "$dir" "ct-$ruleset-$lib-${n}x10" "$target")
            echo "$ruleset $lib ${n} structs: ${at[$n]} instructions" >&2
        done
        per_struct[$ruleset, $lib]=$(((at[$large] - at[$small]) / (large - small)))
    done
done

echo
echo "## Compiler instructions per struct of ten rules (\`cargo check\`, callgrind; $small and $large structs differenced)"
echo
echo "| ruleset | $(for lib in $libs; do printf '%s | ' "$lib"; done)lowbit above serde | garde above serde | lowbit / garde |"
echo "|---|$(for lib in $libs; do printf -- '---|'; done)---|---|---|"
for ruleset in $rulesets; do
    row="| $ruleset |"
    for lib in $libs; do
        row+=" $(awk -v n="${per_struct[$ruleset, $lib]}" 'BEGIN { printf "%.1f M", n / 1e6 }') |"
    done
    if [[ -n ${per_struct[$ruleset, serde]:-} && -n ${per_struct[$ruleset, lowbit]:-} && -n ${per_struct[$ruleset, garde]:-} ]]; then
        lowbit=$((per_struct[$ruleset, lowbit] - per_struct[$ruleset, serde]))
        garde=$((per_struct[$ruleset, garde] - per_struct[$ruleset, serde]))
        ratio=$(awk -v a="$lowbit" -v b="$garde" 'BEGIN { printf "%.2f", a / b }')
        row+=" $(awk -v n="$lowbit" 'BEGIN { printf "%.1f M", n / 1e6 }') | $(awk -v n="$garde" 'BEGIN { printf "%.1f M", n / 1e6 }') | ${ratio}x |"
        if ((lowbit > garde)); then
            failed=1
        fi
    else
        row+=" — | — | — |"
    fi
    echo "$row"
done
if ((check && failed)); then
    echo "lowbit's derive costs the compiler more per struct than garde's" >&2
    exit 1
fi
