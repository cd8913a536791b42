#!/usr/bin/env bash
# The crates the compile-time benchmarks build: N config structs with R
# rules each, the same rules written for each library. Sourced by
# compile-time.sh and compile-instructions.sh, which set $repo and $scratch.
#
# RULESET picks the rules:
#   mixed   (default) each block of twelve fields carries ten rules of
#           every kind lowbit has: bounds, lengths, rules between fields,
#           names of enum variants, custom functions;
#   native  ten rules both lowbit and garde express natively: five
#           `range`, five `length`;
#   text    ten rules on strings of the vocabulary both say natively
#           (prefix, suffix, contains, ascii, alphanumeric, url, email,
#           ip, pattern, non-empty); lowbit and garde only.
ruleset=${RULESET:-mixed}

# The dependencies of a crate written for $1.
deps() {
    echo 'serde = { version = "1.0.229", features = ["derive"] }'
    case $1 in
    lowbit) echo "lowbit-core = { path = \"$repo/lowbit-core\" }" ;;
    garde)
        # The text rules need garde's own features for them.
        if [[ $ruleset == text ]]; then
            echo 'garde = { version = "0.23.0", default-features = false, features = ["derive", "url", "email", "regex"] }'
        else
            echo 'garde = { version = "0.23.0", default-features = false, features = ["derive"] }'
        fi
        ;;
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

# One block of the `native` ruleset: five bounds and five lengths on ten
# fields, written as library $1 writes them.
native_block() {
    local lib=$1 k=$2 f
    for f in a b c d e; do
        case $lib in
        serde)
            echo "    pub count_${f}_$k: u32, pub name_${f}_$k: String,"
            ;;
        validator)
            echo "    #[validate(range(min = 1, max = 1024))] pub count_${f}_$k: u32,"
            echo "    #[validate(length(min = 1, max = 64))] pub name_${f}_$k: String,"
            ;;
        lowbit)
            echo "    #[range(min = 1, max = 1024)] pub count_${f}_$k: u32,"
            echo "    #[length(min = 1, max = 64)] pub name_${f}_$k: String,"
            ;;
        garde)
            echo "    #[garde(range(min = 1, max = 1024))] pub count_${f}_$k: u32,"
            echo "    #[garde(length(min = 1, max = 64))] pub name_${f}_$k: String,"
            ;;
        esac
    done
}

# One block of the `text` ruleset: ten rules on ten strings, written as
# library $1 writes them.
text_block() {
    local lib=$1 k=$2 i
    case $lib in
    serde)
        for i in 0 1 2 3 4 5 6 7 8 9; do echo "    pub text_${i}_$k: String,"; done
        ;;
    lowbit)
        echo "    #[prefix(\"v\")] pub text_0_$k: String,"
        echo "    #[suffix(\".toml\")] pub text_1_$k: String,"
        echo "    #[contains(\"-\")] pub text_2_$k: String,"
        echo "    #[ascii] pub text_3_$k: String,"
        echo "    #[alphanumeric] pub text_4_$k: String,"
        echo "    #[url] pub text_5_$k: String,"
        echo "    #[email] pub text_6_$k: String,"
        echo "    #[ip] pub text_7_$k: String,"
        echo "    #[pattern(\"^[a-z]+\$\")] pub text_8_$k: String,"
        echo "    #[non_empty] pub text_9_$k: String,"
        ;;
    garde)
        echo "    #[garde(prefix(\"v\"))] pub text_0_$k: String,"
        echo "    #[garde(suffix(\".toml\"))] pub text_1_$k: String,"
        echo "    #[garde(contains(\"-\"))] pub text_2_$k: String,"
        echo "    #[garde(ascii)] pub text_3_$k: String,"
        echo "    #[garde(alphanumeric)] pub text_4_$k: String,"
        echo "    #[garde(url)] pub text_5_$k: String,"
        echo "    #[garde(email)] pub text_6_$k: String,"
        echo "    #[garde(ip)] pub text_7_$k: String,"
        echo "    #[garde(pattern(r\"^[a-z]+\$\"))] pub text_8_$k: String,"
        echo "    #[garde(length(min = 1))] pub text_9_$k: String,"
        ;;
    *)
        echo "the text ruleset is written for lowbit and garde only" >&2
        return 1
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
    if [[ $lib == validator && $ruleset == mixed ]]; then
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
        if [[ $ruleset == native ]]; then
            native_block "$lib" "$k"
            continue
        fi
        if [[ $ruleset == text ]]; then
            text_block "$lib" "$k"
            continue
        fi
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
    if [[ $lib == validator && $ruleset == mixed ]]; then
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
    local lib=$1 n=$2 r=$3 dir="$scratch/$ruleset-$1-${2}x$3" i
    mkdir -p "$dir/src"
    cat >"$dir/Cargo.toml" <<EOF
[package]
name = "ct-$ruleset-$lib-${n}x$r"
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

