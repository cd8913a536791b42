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

# ---------------------------------------------------------------- generation

# The dependencies of a crate written for $1.
deps() {
    echo 'serde = { version = "1.0.229", features = ["derive"] }'
    case $1 in
    lowbit) echo "lowbit-core = { path = \"$repo/lowbit-core\" }" ;;
    garde) echo 'garde = { version = "0.23.0", default-features = false, features = ["derive"] }' ;;
    validator) echo 'validator = { version = "0.21.0", default-features = false, features = ["derive"] }' ;;
    esac
}

# What every crate shares, once: four enums and the custom functions.
preamble() {
    local lib=$1 derives="Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize"
    echo '#![allow(dead_code)]'
    echo 'use serde::Deserialize;'
    case $lib in
    lowbit) derives+=", lowbit_core::Validate" ;;
    # validator's custom rules record the value, which must serialize.
    validator) derives+=", serde::Serialize" ;;
    esac
    local e
    for e in "Mode { #[default] Fast, Exact, Lazy }" \
        "Precision { #[default] Bf16, Fp32, Fp8 }" \
        "Compression { #[default] None, Int8Block, Fp8Block }" \
        "Interval { Step, #[default] Chunk }"; do
        printf '#[derive(%s)]\n#[serde(rename_all = "snake_case")]\npub enum %s\n' "$derives" "$e"
    done
    case $lib in
    lowbit)
        echo 'fn check_threshold(value: &i64) -> Result<(), &'"'"'static str> {
    if value % 2 == 0 { Ok(()) } else { Err("threshold must be even") }
}'
        ;;
    garde)
        echo 'fn check_threshold(value: &i64, (): &()) -> garde::Result {
    if value % 2 == 0 { Ok(()) } else { Err(garde::Error::new("threshold must be even")) }
}
fn unset(value: &Option<String>, (): &()) -> garde::Result {
    if value.is_none() { Ok(()) } else { Err(garde::Error::new("requires enable")) }
}
fn mode_in(value: &Mode, (): &()) -> garde::Result {
    if matches!(value, Mode::Fast | Mode::Exact) { Ok(()) } else { Err(garde::Error::new("must be \"fast\" or \"exact\"")) }
}
fn precision_not_fp8(value: &Precision, (): &()) -> garde::Result {
    if *value != Precision::Fp8 { Ok(()) } else { Err(garde::Error::new("must not be \"fp8\"")) }
}
fn compression_unset(value: &Compression, (): &()) -> garde::Result {
    if *value == Compression::None { Ok(()) } else { Err(garde::Error::new("allowed only when interval = \"chunk\"")) }
}'
        ;;
    validator)
        echo 'use validator::ValidationError;
fn check_threshold(value: i64) -> Result<(), ValidationError> {
    if value % 2 == 0 { Ok(()) } else { Err(ValidationError::new("custom")) }
}
fn mode_in(value: &Mode) -> Result<(), ValidationError> {
    if matches!(value, Mode::Fast | Mode::Exact) { Ok(()) } else { Err(ValidationError::new("one_of")) }
}
fn precision_not_fp8(value: &Precision) -> Result<(), ValidationError> {
    if *value != Precision::Fp8 { Ok(()) } else { Err(ValidationError::new("none_of")) }
}
fn rule(ok: bool, code: &'"'"'static str) -> Result<(), ValidationError> {
    if ok { Ok(()) } else { Err(ValidationError::new(code)) }
}'
        ;;
    esac
}

# One struct: $3 blocks of ten rules on twelve fields.
struct_def() {
    local lib=$1 i=$2 blocks=$3 k
    local derive="Debug, Default, Deserialize"
    case $lib in
    lowbit) derive+=", lowbit_core::Validate" ;;
    garde) derive+=", garde::Validate" ;;
    validator) derive+=", validator::Validate" ;;
    esac
    echo "#[derive($derive)]"
    if [[ $lib == validator ]]; then
        # validator has no rules between fields: a schema function each.
        for ((k = 0; k < blocks; k++)); do
            for f in requires_$k only_if_$k required_if_$k; do
                echo "#[validate(schema(function = \"s${i}_$f\", skip_on_field_errors = false))]"
            done
        done
    fi
    [[ $lib == garde ]] && echo '#[garde(allow_unvalidated)]'
    echo "pub struct S$i {"
    for ((k = 0; k < blocks; k++)); do
        case $lib in
        serde)
            echo "    pub enable_$k: bool, pub name_$k: String, pub count_$k: u32, pub ratio_$k: f64,"
            echo "    pub tags_$k: Vec<String>, pub dir_$k: Option<String>, pub mode_$k: Mode,"
            echo "    pub precision_$k: Precision, pub compression_$k: Compression,"
            echo "    pub interval_$k: Interval, pub label_$k: String, pub threshold_$k: i64,"
            ;;
        lowbit)
            echo "    pub enable_$k: bool,"
            echo "    #[length(min = 1, max = 64)] pub name_$k: String,"
            echo "    #[range(min = 1, max = 1024)] pub count_$k: u32,"
            echo "    #[range(min = 0.0, max = 1.0)] pub ratio_$k: f64,"
            echo "    #[length(max = 8)] pub tags_$k: Vec<String>,"
            echo "    #[requires(enable_$k)] pub dir_$k: Option<String>,"
            echo "    #[one_of(\"fast\", \"exact\")] pub mode_$k: Mode,"
            echo "    #[none_of(\"fp8\")] pub precision_$k: Precision,"
            echo "    #[only_if(interval_$k = \"chunk\")] pub compression_$k: Compression,"
            echo "    pub interval_$k: Interval,"
            echo "    #[required_if(enable_$k)] pub label_$k: String,"
            echo "    #[custom(check_threshold)] pub threshold_$k: i64,"
            ;;
        garde)
            echo "    pub enable_$k: bool,"
            echo "    #[garde(length(min = 1, max = 64))] pub name_$k: String,"
            echo "    #[garde(range(min = 1, max = 1024))] pub count_$k: u32,"
            echo "    #[garde(range(min = 0.0, max = 1.0))] pub ratio_$k: f64,"
            echo "    #[garde(length(max = 8))] pub tags_$k: Vec<String>,"
            echo "    #[garde(if(cond = !self.enable_$k, custom(unset)))] pub dir_$k: Option<String>,"
            echo "    #[garde(custom(mode_in))] pub mode_$k: Mode,"
            echo "    #[garde(custom(precision_not_fp8))] pub precision_$k: Precision,"
            echo "    #[garde(if(cond = self.interval_$k != Interval::Chunk, custom(compression_unset)))] pub compression_$k: Compression,"
            echo "    pub interval_$k: Interval,"
            echo "    #[garde(if(cond = self.enable_$k, length(min = 1)))] pub label_$k: String,"
            echo "    #[garde(custom(check_threshold))] pub threshold_$k: i64,"
            ;;
        validator)
            echo "    pub enable_$k: bool,"
            echo "    #[validate(length(min = 1, max = 64))] pub name_$k: String,"
            echo "    #[validate(range(min = 1, max = 1024))] pub count_$k: u32,"
            echo "    #[validate(range(min = 0.0, max = 1.0))] pub ratio_$k: f64,"
            echo "    #[validate(length(max = 8))] pub tags_$k: Vec<String>,"
            echo "    pub dir_$k: Option<String>,"
            echo "    #[validate(custom(function = \"mode_in\"))] pub mode_$k: Mode,"
            echo "    #[validate(custom(function = \"precision_not_fp8\"))] pub precision_$k: Precision,"
            echo "    pub compression_$k: Compression,"
            echo "    pub interval_$k: Interval,"
            echo "    pub label_$k: String,"
            echo "    #[validate(custom(function = \"check_threshold\"))] pub threshold_$k: i64,"
            ;;
        esac
    done
    echo "}"
    if [[ $lib == validator ]]; then
        for ((k = 0; k < blocks; k++)); do
            echo "fn s${i}_requires_$k(s: &S$i) -> Result<(), ValidationError> { rule(s.dir_$k.is_none() || s.enable_$k, \"requires\") }"
            echo "fn s${i}_only_if_$k(s: &S$i) -> Result<(), ValidationError> { rule(s.compression_$k == Compression::None || s.interval_$k == Interval::Chunk, \"only_if\") }"
            echo "fn s${i}_required_if_$k(s: &S$i) -> Result<(), ValidationError> { rule(!s.enable_$k || !s.label_$k.is_empty(), \"required_if\") }"
        done
    fi
}

# A public function that validates one value of each struct. Without a
# caller, an `#[inline]` check (lowbit's) is not compiled to machine code in
# the crate that defines it but in each crate that calls it, and `cargo
# build` would time garde's and validator's code generation, not lowbit's.
caller() {
    local lib=$1 n=$2 i call
    case $lib in
    serde) call='core::mem::size_of_val(&S%d::default()) > 0' ;;
    lowbit) call='lowbit_core::Validate::validate(&S%d::default()).is_ok()' ;;
    garde) call='garde::Validate::validate(&S%d::default()).is_ok()' ;;
    validator) call='validator::Validate::validate(&S%d::default()).is_ok()' ;;
    esac
    echo 'pub fn validate_all() -> usize {'
    echo '    let mut passed = 0;'
    for ((i = 0; i < n; i++)); do
        # shellcheck disable=SC2059 # the call is the format
        printf "    passed += usize::from($call);\n" "$i"
    done
    echo '    passed'
    echo '}'
}

# Writes the crate $lib-${n}x$r.
generate() {
    local lib=$1 n=$2 r=$3 dir="$scratch/$1-${2}x$3" i
    mkdir -p "$dir/src"
    cat >"$dir/Cargo.toml" <<EOF
[package]
name = "ct-$lib-${n}x$r"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
$(deps "$lib")
EOF
    {
        preamble "$lib"
        for ((i = 0; i < n; i++)); do struct_def "$lib" "$i" $((r / 10)); done
        caller "$lib" "$n"
    } >"$dir/src/lib.rs"
    echo "$dir"
}

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
