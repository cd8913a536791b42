//! JSON's quick read (`serde_json` straight into the type, for a document
//! with nothing to report) gives exactly the `Loaded` of the located load:
//! the same value, the same diagnostics, on every valid document of the
//! suite and on documents made to find where the two readers differ
//! (numbers, floats, escapes, enums, keys, serde's buffers, the path to
//! the table, the text outside it). Each document is loaded both ways.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Debug;

use bitnet_config::ModelConfig;
use lowbit_core::Validate;
use lowbit_core::json::{Loaded, Options};
use serde::{Deserialize, Deserializer};

#[path = "support/fidelity.rs"]
mod fidelity;

/// Loads `source` (its table at `table`) both ways, and holds the results
/// to being the same. Returns the quick way's.
fn same<'s, T>(source: &'s str, table: &str) -> Loaded<T>
where
    T: Deserialize<'s> + Validate + Debug,
{
    let quick = Options::new().table(table).load::<T>(source);
    let located = Options::new()
        .table(table)
        .located_only(true)
        .load::<T>(source);
    assert_eq!(
        format!("{:?}", quick.value()),
        format!("{:?}", located.value()),
        "{source}"
    );
    assert_eq!(quick.diagnostics(), located.diagnostics(), "{source}");
    assert_eq!(quick.is_parsed(), located.is_parsed(), "{source}");
    quick
}

#[test]
fn the_bundled_configs_load_the_same_both_ways() {
    for source in [
        include_str!("../examples/configs/good.json"),
        include_str!("../examples/configs/broken.json"),
        include_str!("../examples/configs/typo.json"),
        include_str!("../examples/configs/wrong-type.json"),
        include_str!("../examples/configs/not-json.json"),
    ] {
        same::<ModelConfig>(source, "model");
        same::<ModelConfig>(source, "");
    }
    let good = same::<ModelConfig>(include_str!("../examples/configs/good.json"), "model");
    assert!(good.is_valid() && good.diagnostics().is_empty());
}

#[derive(Deserialize, Validate, Debug)]
struct Numbers {
    #[serde(default)]
    int: i64,
    #[serde(default)]
    unsigned: u64,
    #[serde(default)]
    small: u8,
    #[serde(default)]
    float: f64,
    #[serde(default)]
    single: f32,
    #[serde(default)]
    floats: Vec<f64>,
    #[serde(default)]
    wide: i128,
    #[serde(default)]
    any: Option<serde_json::Value>,
}

#[test]
fn numbers_read_the_same_both_ways() {
    for field in [
        r#""int": 5"#,
        r#""int": -9223372036854775808"#,
        r#""int": 9223372036854775807"#,
        r#""int": 9223372036854775808"#,
        r#""int": -0"#,
        r#""int": 1.0"#,
        r#""unsigned": 18446744073709551615"#,
        r#""unsigned": 18446744073709551616"#,
        r#""unsigned": -1"#,
        r#""small": 255"#,
        r#""small": 256"#,
        r#""float": -0"#,
        r#""float": -0.0"#,
        r#""float": 0"#,
        r#""float": 12"#,
        r#""float": 123456789012345678901234567890"#,
        r#""float": -9223372036854775809"#,
        r#""float": 1e400"#,
        r#""float": 1e-400"#,
        r#""single": 3.5e38"#,
        r#""single": 3.4028235e38"#,
        r#""single": 1.00000017881393432617187499"#,
        r#""single": 7.038531e-26"#,
        r#""wide": 5"#,
        r#""wide": 170141183460469231731687303715884105727"#,
        r#""any": {"a": [1, -1, 1.5, -0, 18446744073709551615, "x\u00e9", null, true]}"#,
        r#""any": {"a": 1, "a": 2}"#,
    ] {
        same::<Numbers>(&format!("{{{field}}}"), "");
    }
    // Floats that rounding gets wrong unless it is done with care.
    let hard = [
        "2.2250738585072011e-308",
        "2.2250738585072012e-308",
        "9007199254740993",
        "0.30000000000000004",
        "1.7976931348623157e308",
        "5e-324",
        "2.4703282292062328e-324",
        "2.4703282292062327e-324",
        "1e23",
        "8.98846567431158e307",
        "0.1",
        "3.14159265358979323846264338327950288",
        "1.0000000000000002220446049250313080847263336181640625",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
    ];
    let floats = hard.join(", ");
    let loaded = same::<Numbers>(&format!("{{\"floats\": [{floats}]}}"), "");
    let read = &loaded.value().expect("a value").floats;
    for (text, value) in hard.iter().zip(read) {
        assert_eq!(text.parse::<f64>().ok(), Some(*value), "{text}");
    }
    for text in hard {
        same::<Numbers>(&format!("{{\"single\": {text}}}"), "");
        same::<Numbers>(&format!("{{\"any\": {text}}}"), "");
    }
}

#[derive(Deserialize, Validate, Debug)]
struct Texts<'a> {
    plain: &'a str,
    #[serde(borrow, default)]
    escaped: Cow<'a, str>,
    #[serde(default)]
    owned: String,
    #[serde(default)]
    letter: Option<char>,
}

#[test]
fn strings_read_the_same_both_ways() {
    for source in [
        r#"{"plain": "enc", "escaped": "a\"b\\c\/d\b\f\n\r\t", "owned": "\u00e9\ud83d\ude00"}"#,
        r#"{"plain": "enc", "escaped": "\u0000", "letter": "\u00e9"}"#,
        r#"{"plain": "e\nc"}"#,
        r#"{"plain": "enc", "owned": "\ud800"}"#,
        r#"{"plain": "enc", "owned": "\udc00\ud800"}"#,
        r#"{"plain": "enc", "letter": "ab"}"#,
        r#"{"plain": "enc", "owned": "tab	inside"}"#,
        r#"{"pl\u0061in": "enc"}"#,
    ] {
        same::<Texts<'_>>(source, "");
    }
    let source = r#"{"plain": "enc"}"#;
    let loaded = same::<Texts<'_>>(source, "");
    let plain = loaded.value().expect("a value").plain;
    assert!(std::ptr::eq(plain.as_ptr(), source[11..].as_ptr()));
}

#[derive(Deserialize, Validate, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
enum Precision {
    Fp32,
    #[default]
    Bf16,
}

#[derive(Deserialize, Validate, Debug)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)] // read through `Debug`
enum Shape {
    Unit,
    Newtype(u8),
    Pair(u8, String),
    Block { size: u32 },
}

#[derive(Deserialize, Validate, Debug)]
struct Shapes {
    #[one_of("fp32", "bf16")]
    #[serde(default)]
    precision: Precision,
    #[serde(default)]
    shapes: Vec<Shape>,
    #[serde(default)]
    by_name: BTreeMap<String, u8>,
    #[serde(default)]
    by_number: BTreeMap<u32, u8>,
    #[serde(default)]
    by_precision: BTreeMap<Precision, u8>,
}

#[test]
fn enums_maps_and_keys_read_the_same_both_ways() {
    for source in [
        r#"{"precision": "fp32"}"#,
        r#"{"precision": {"fp32": null}}"#,
        r#"{"precision": {"fp32": 1}}"#,
        r#"{"precision": {"fp32": null, "bf16": null}}"#,
        r#"{"precision": "fp64"}"#,
        r#"{"shapes": ["unit", {"unit": null}, {"newtype": 3}, {"pair": [1, "x"]}, {"block": {"size": 4}}]}"#,
        r#"{"shapes": [{"block": [4]}]}"#,
        r#"{"shapes": [{"block": {"size": 4, "colour": 1}}]}"#,
        r#"{"shapes": [{"pair": [1, "x", 2]}]}"#,
        r#"{"shapes": ["newtype"]}"#,
        r#"{"by_name": {"a": 1, "b": 2, "a": 3}}"#,
        r#"{"by_name": {"\u0061": 1, "a\nb": 2}}"#,
        r#"{"by_number": {"1": 1, "2": 2}}"#,
        r#"{"by_number": {"x": 1}}"#,
        r#"{"by_precision": {"fp32": 1, "bf16": 2}}"#,
        r#"{"by_precision": {"fp8": 1}}"#,
        r#"{"precision": "bf16", "precision": "fp32"}"#,
    ] {
        same::<Shapes>(source, "");
    }
}

#[derive(Deserialize, Validate, Debug)]
struct Inner {
    #[serde(default)]
    #[range(max = 8)]
    bits: u8,
    #[serde(default)]
    #[range(max = 100, warn)]
    window: u32,
}

#[derive(Deserialize, Validate, Debug)]
struct Strict {
    #[nested]
    inner: Inner,
    #[nested]
    #[serde(default)]
    more: Option<Inner>,
}

#[derive(Deserialize, Validate, Debug)]
#[serde(deny_unknown_fields)]
struct Closed {
    #[serde(default)]
    bits: u8,
}

#[test]
fn rules_warnings_and_unknown_keys_read_the_same_both_ways() {
    for source in [
        r#"{"inner": {"bits": 4}}"#,
        r#"{"inner": {"bits": 4}, "more": null}"#,
        r#"{"inner": {"bits": 4}, "more": {"bits": 9}}"#,
        r#"{"inner": {"bits": 4, "window": 101}}"#,
        r#"{"inner": {"bits": 4, "bitz": 1}}"#,
        r#"{"inner": [4, 1]}"#,
        r#"{"inner": {"bits": 4}, "inner": {"bits": 5}}"#,
        r#"{}"#,
        r#"[]"#,
        r#"  {"inner": {"bits": 4}}	
 "#,
        r#"{"inner": {"bits": 4}} x"#,
        "\u{feff}{\"inner\": {\"bits\": 4}}",
        r#"{"inner": {"bits": 4},}"#,
        "{\"inner\": {\"bits\": 4}} // a comment",
        "",
    ] {
        same::<Strict>(source, "");
    }
    for source in [r#"{"bits": 1}"#, r#"{"bits": 1, "other": 2}"#] {
        same::<Closed>(source, "");
    }
    let denied = Options::new()
        .deny_unknown_keys(true)
        .load::<Strict>(r#"{"inner": {"bits": 4, "bitz": 1}}"#);
    let located = Options::new()
        .deny_unknown_keys(true)
        .located_only(true)
        .load::<Strict>(r#"{"inner": {"bits": 4, "bitz": 1}}"#);
    assert_eq!(denied.diagnostics(), located.diagnostics());
    assert!(!denied.is_valid());
}

#[test]
fn the_path_to_the_table_and_the_text_around_it_read_the_same_both_ways() {
    let deep = |depth: usize| {
        format!(
            "{{\"other\": {}1{}, \"model\": {{\"inner\": {{\"bits\": 4}}}}}}",
            "[".repeat(depth),
            "]".repeat(depth)
        )
    };
    for source in [
        r#"{"model": {"inner": {"bits": 4}}}"#.to_owned(),
        r#"{"other": [1, {"a": "b"}], "model": {"inner": {"bits": 4}}, "after": null}"#.to_owned(),
        r#"{"model": {"inner": {"bits": 4}}, "model": {"inner": {"bits": 5}}}"#.to_owned(),
        r#"{"m\u006fdel": {"inner": {"bits": 4}}}"#.to_owned(),
        r#"{"model": 3}"#.to_owned(),
        r#"{"model": [{"inner": {"bits": 4}}]}"#.to_owned(),
        r#"{"modle": {"inner": {"bits": 4}}}"#.to_owned(),
        r#"[{"model": {"inner": {"bits": 4}}}]"#.to_owned(),
        // What serde_json skips unchecked, the tree's parser refuses.
        r#"{"other": 1e400, "model": {"inner": {"bits": 4}}}"#.to_owned(),
        r#"{"other": "\ud800", "model": {"inner": {"bits": 4}}}"#.to_owned(),
        r#"{"other": {"\ud800": 1}, "model": {"inner": {"bits": 4}}}"#.to_owned(),
        r#"{"other": -0, "model": {"inner": {"bits": 4}}}"#.to_owned(),
        r#"{"other": [1, 2,], "model": {"inner": {"bits": 4}}}"#.to_owned(),
        r#"{"model": {"inner": {"bits": 4}}, "other": 01}"#.to_owned(),
        deep(126),
        deep(127),
        deep(128),
        deep(129),
    ] {
        same::<Strict>(&source, "model");
    }
    let source = r#"{"a": {"b": {"inner": {"bits": 4}}, "c": 1}, "b": 2}"#;
    let loaded = same::<Strict>(source, "a.b");
    assert!(loaded.is_valid() && loaded.diagnostics().is_empty());
    same::<Strict>(source, "a.c");
    same::<Strict>(source, "a.b.inner.bits");
}

/// Reads a `u8`, or 0 when it cannot: a type that recovers from errors.
#[derive(Debug)]
#[allow(dead_code)] // read through `Debug`
struct Lenient(u8);

impl<'de> Deserialize<'de> for Lenient {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Lenient(u8::deserialize(deserializer).unwrap_or(0)))
    }
}

#[derive(Deserialize, Validate, Debug)]
struct Recovering {
    value: Lenient,
}

#[derive(Deserialize, Validate, Debug)]
#[serde(untagged)]
enum Either {
    Number(u8),
    Text(String),
}

#[derive(Deserialize, Validate, Debug)]
struct Untagged {
    either: Either,
}

#[derive(Deserialize, Validate, Debug)]
struct WithIgnored {
    #[allow(dead_code)]
    package: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    level: u8,
}

#[test]
fn types_serde_reads_its_own_way_read_the_same_both_ways() {
    for source in [r#"{"value": 3}"#, r#"{"value": -0}"#, r#"{"value": 300}"#] {
        same::<Recovering>(source, "");
    }
    for source in [
        r#"{"either": 3}"#,
        r#"{"either": "x"}"#,
        r#"{"either": [1]}"#,
    ] {
        same::<Untagged>(source, "");
    }
    for source in [
        r#"{"level": 1, "package": {"name": "lowbit"}}"#,
        r#"{"levle": 1, "package": {"name": "lowbit"}}"#,
    ] {
        same::<WithIgnored>(source, "");
    }
    for source in [
        r#"{"scrape_configs": [{"job_name": "node", "scheme": "https"}]}"#,
        r#"{"scrape_configs": [{"job_name": "node", "shceme": "https"}]}"#,
    ] {
        same::<fidelity::Prometheus>(source, "");
    }
    for source in [
        r#"{"name": "ci", "on": [{"type": "push", "tags": ["v1"]}]}"#,
        r#"{"name": "ci", "on": [{"type": "push", "tgas": ["v1"]}]}"#,
    ] {
        same::<fidelity::Workflow>(source, "");
    }
}
