//! Rules on every shape of config a real crate has: generic types, enums with
//! struct variants under each serde tagging, serde's renames, aliases and
//! raw identifiers, and the containers `nested` descends into. Each test
//! reads its config from TOML, so every path a violation reports is checked
//! against the document it came from: it must name a key that is there.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use lowbit_core::{Path, PathSegment, Report, Validate, VariantNames};
use serde::Deserialize;

/// Deserializes `text`, validates it, and returns the report, after checking
/// that every path in it names a key of the document (or the table that
/// would hold a key the document leaves out).
#[track_caller]
fn report_of<T: for<'de> Deserialize<'de> + Validate>(text: &str) -> Report {
    let config: T = toml::from_str(text).expect("the document deserializes");
    let report = config.validate().expect_err("the document breaks a rule");
    assert!(!config.is_valid(), "is_valid disagrees with validate");
    let document: toml::Value = toml::from_str(text).expect("TOML");
    for violation in &report {
        assert!(
            reaches(&document, violation.path()),
            "`{}` names no key of the document",
            violation.path()
        );
    }
    report
}

#[track_caller]
fn passes<T: for<'de> Deserialize<'de> + Validate>(text: &str) {
    let config: T = toml::from_str(text).expect("the document deserializes");
    if let Err(report) = config.validate() {
        panic!("expected no violation, got:\n{report}");
    }
    assert!(config.is_valid(), "is_valid disagrees with validate");
}

/// Whether `path` leads to a value of `document`, or ends at a key its
/// table leaves out.
fn reaches(document: &toml::Value, path: &Path) -> bool {
    let mut at = document;
    let segments = path.segments();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        let next = match (segment, at) {
            (PathSegment::Field(name), toml::Value::Table(table)) => table.get(name.as_ref()),
            (PathSegment::Key(key), toml::Value::Table(table)) => table.get(key.as_str()),
            (PathSegment::Index(index), toml::Value::Array(items)) => items.get(*index),
            _ => return false,
        };
        match next {
            Some(value) => at = value,
            None => return last && at.is_table(),
        }
    }
    true
}

fn lines(report: &Report) -> Vec<String> {
    report
        .iter()
        .map(|violation| format!("{}: {violation}", violation.path()))
        .collect()
}

mod generics {
    use super::*;

    #[derive(Deserialize, Validate, Default, PartialEq, Debug, Clone, Copy)]
    #[serde(rename_all = "snake_case")]
    enum Precision {
        #[default]
        Fp32,
        Bf16,
        Fp8,
    }

    #[derive(Deserialize, Validate)]
    struct Layer {
        #[one_of("fp32", "bf16")]
        precision: Precision,
    }

    /// A type parameter validated through `nested` and in a condition, a
    /// lifetime and a where clause; `Note` is held but never validated, so
    /// nothing is asked of it.
    #[derive(Deserialize, Validate)]
    struct Stack<'a, L, P, Note>
    where
        P: Copy,
    {
        #[nested]
        layers: Vec<L>,
        #[nested]
        head: Option<L>,
        #[only_if(precision = "fp8")]
        scale: bool,
        precision: P,
        #[non_empty]
        name: Cow<'a, str>,
        #[length(equal = 2)]
        shape: Vec<u32>,
        #[allow(dead_code)]
        note: Note,
    }

    /// Has no `Validate`, `Clone` or anything else.
    #[derive(Deserialize)]
    struct Opaque {}

    #[test]
    fn bounds_follow_what_is_validated() {
        type Config<'a> = Stack<'a, Layer, Precision, Opaque>;
        passes::<Config>(
            "name = 'enc'\nshape = [1, 2]\nscale = true\nprecision = 'fp8'\nnote = {}\nlayers = [{ precision = 'bf16' }]",
        );
        let report = report_of::<Config>(
            "name = ''\nshape = [1, 2]\nscale = true\nprecision = 'bf16'\nnote = {}\nlayers = [{ precision = 'bf16' }, { precision = 'fp8' }]\n[head]\nprecision = 'fp8'",
        );
        assert_eq!(
            lines(&report),
            [
                r#"layers[1].precision: layers[1].precision must be one of "fp32", "bf16", not "fp8""#,
                r#"head.precision: head.precision must be one of "fp32", "bf16", not "fp8""#,
                r#"scale: scale may be set only when precision = "fp8""#,
                "name: name must not be empty",
            ]
        );
    }

    /// A const parameter; serde has no arrays of any length, so this one is
    /// built in code.
    #[derive(Validate)]
    struct Window<const N: usize> {
        #[nested]
        layers: [Layer; N],
        #[length(max = 3)]
        sizes: [u32; N],
    }

    #[test]
    fn const_parameters() {
        let layer = |text: &str| toml::from_str::<Layer>(text).unwrap();
        let window = Window {
            layers: [layer("precision = 'fp32'"), layer("precision = 'fp8'")],
            sizes: [1, 2],
        };
        let report = window.validate().unwrap_err();
        assert_eq!(
            lines(&report),
            [
                r#"layers[1].precision: layers[1].precision must be one of "fp32", "bf16", not "fp8""#
            ]
        );
        let window = Window {
            layers: [],
            sizes: [],
        };
        assert!(window.validate().is_ok());
        let long = Window {
            layers: [(); 4].map(|()| layer("precision = 'bf16'")),
            sizes: [0; 4],
        };
        assert_eq!(
            lines(&long.validate().unwrap_err()),
            ["sizes: sizes must have a length of at most 3, not 4"]
        );
    }

    /// Strings and bools compare through the bounds too; only numbers need a
    /// concrete type (a compile-fail case shows the error).
    #[derive(Deserialize, Validate)]
    struct Switch<T> {
        #[one_of("bf16")]
        #[requires(on)]
        mode: T,
        on: bool,
    }

    #[test]
    fn names_are_looked_up_in_the_instance() {
        passes::<Switch<Precision>>("mode = 'bf16'\non = true");
        passes::<Switch<String>>("mode = 'bf16'\non = true");
        let report = report_of::<Switch<Precision>>("mode = 'fp8'\non = false");
        assert_eq!(
            lines(&report),
            [
                r#"mode: mode must be "bf16", not "fp8""#,
                "mode: mode requires on",
            ]
        );
    }

    /// A dotted path through a generic struct, and a generic enum with a
    /// struct variant.
    #[derive(Deserialize, Validate)]
    struct Outer<T> {
        #[requires(inner.on, inner.mode = "bf16")]
        enabled: bool,
        inner: Switch<T>,
        #[nested]
        choice: Choice<T>,
    }

    #[derive(Deserialize, Validate)]
    #[serde(rename_all = "snake_case")]
    enum Choice<T> {
        Fixed {
            #[one_of("fp32")]
            mode: T,
        },
        Free,
    }

    #[test]
    fn dotted_paths_and_variants_through_parameters() {
        passes::<Outer<Precision>>(
            "enabled = true\nchoice = 'free'\n[inner]\nmode = 'bf16'\non = true",
        );
        let report = report_of::<Outer<Precision>>(
            "enabled = true\n[inner]\nmode = 'bf16'\non = false\n[choice.fixed]\nmode = 'fp8'",
        );
        assert_eq!(
            lines(&report),
            [
                r#"enabled: enabled requires inner.on and inner.mode = "bf16""#,
                r#"choice.fixed.mode: choice.fixed.mode must be "fp32", not "fp8""#,
            ]
        );
    }

    #[test]
    fn precision_names() {
        assert_eq!(Precision::NAMES, ["fp32", "bf16", "fp8"]);
    }
}

mod enums_with_data {
    use super::*;

    #[derive(Deserialize, Validate, Default, PartialEq, Debug)]
    #[serde(rename_all = "snake_case")]
    enum Interval {
        #[default]
        Step,
        Chunk,
    }

    /// Each tagging serde knows, with the same struct variant: its fields sit
    /// in a different place in the file each time, and so in paths.
    macro_rules! source {
        ($name:ident, $($serde:tt)*) => {
            #[derive(Deserialize, Validate)]
            #[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
            #[serde($($serde)*)]
            enum $name {
                Inline {
                    #[non_empty]
                    text: String,
                },
                FromFile {
                    #[non_empty]
                    file_path: String,
                    #[only_if(interval = "chunk")]
                    chunk_size: Option<u32>,
                    interval: Interval,
                },
                Empty,
            }
        };
    }
    source!(External, deny_unknown_fields);
    source!(Internal, tag = "kind");
    source!(Adjacent, tag = "kind", content = "with");
    source!(Untagged, untagged);

    #[derive(Deserialize, Validate)]
    struct Holder<S> {
        #[nested]
        source: S,
    }

    #[test]
    fn externally_tagged_fields_sit_under_the_variant() {
        passes::<Holder<External>>("source = 'empty'");
        passes::<Holder<External>>(
            "[source.from_file]\nfilePath = 'a'\nchunkSize = 4\ninterval = 'chunk'",
        );
        let report = report_of::<Holder<External>>(
            "[source.from_file]\nfilePath = ''\nchunkSize = 4\ninterval = 'step'",
        );
        assert_eq!(
            lines(&report),
            [
                "source.from_file.filePath: source.from_file.filePath must not be empty",
                r#"source.from_file.chunkSize: source.from_file.chunkSize may be set only when interval = "chunk""#,
            ]
        );
        let report = report_of::<Holder<External>>("[source.inline]\ntext = ''");
        assert_eq!(
            lines(&report),
            ["source.inline.text: source.inline.text must not be empty"]
        );
    }

    #[test]
    fn internally_tagged_and_untagged_fields_sit_beside_the_tag() {
        let document =
            "[source]\nkind = 'from_file'\nfilePath = ''\nchunkSize = 4\ninterval = 'step'";
        let expected = [
            "source.filePath: source.filePath must not be empty",
            r#"source.chunkSize: source.chunkSize may be set only when interval = "chunk""#,
        ];
        assert_eq!(lines(&report_of::<Holder<Internal>>(document)), expected);
        assert_eq!(lines(&report_of::<Holder<Untagged>>(document)), expected);
        passes::<Holder<Internal>>("[source]\nkind = 'inline'\ntext = 'x'");
    }

    #[test]
    fn adjacently_tagged_fields_sit_under_the_content_key() {
        let report = report_of::<Holder<Adjacent>>(
            "[source]\nkind = 'from_file'\nwith = { filePath = 'a', chunkSize = 4, interval = 'step' }",
        );
        assert_eq!(
            lines(&report),
            [
                r#"source.with.chunkSize: source.with.chunkSize may be set only when interval = "chunk""#
            ]
        );
    }

    #[test]
    fn data_enums_still_name_their_variants() {
        assert_eq!(External::NAMES, ["inline", "from_file", "empty"]);
        let value: Holder<External> = toml::from_str("source = 'empty'").unwrap();
        assert_eq!(value.source.serde_name(), "empty");
    }
}

mod serde_names {
    use super::*;

    #[derive(Deserialize, Validate, Default, PartialEq, Debug)]
    #[serde(rename_all = "kebab-case")]
    enum Codec {
        #[default]
        None,
        #[serde(alias = "zstandard", alias = "zst")]
        Zstd,
        #[serde(rename = "LZ4")]
        Lz4Fast,
    }

    #[derive(Deserialize, Validate)]
    struct Archive {
        /// Rules may name a variant by an alias, as the file may.
        #[none_of("zst")]
        codec: Codec,
        #[serde(rename = "type")]
        #[one_of("tar")]
        kind: String,
        #[one_of("LZ4")]
        r#fallback: Codec,
        #[serde(skip)]
        #[allow(dead_code)]
        cache: Vec<u8>,
        #[serde(alias = "lvl")]
        #[range(max = 9)]
        level: u8,
    }

    #[test]
    fn aliases_renames_and_raw_identifiers() {
        passes::<Archive>("codec = 'none'\ntype = 'tar'\nfallback = 'LZ4'\nlvl = 3");
        let report = report_of::<Archive>(
            "codec = 'zstandard'\ntype = 'zip'\nfallback = 'none'\nlevel = 10",
        );
        assert_eq!(
            lines(&report),
            [
                r#"codec: codec must not be "zstd""#,
                r#"type: type must be "tar", not "zip""#,
                r#"fallback: fallback must be "LZ4", not "none""#,
                "level: level must be at most 9, not 10",
            ]
        );
        assert_eq!(Codec::ALIASES, [("zstandard", 1), ("zst", 1)]);
        assert_eq!(Codec::index_of("zst"), Some(1));
    }

    /// An alias is the variant it names: a condition by alias on a field
    /// whose `one_of` lists the serde name can hold, and compiles.
    #[derive(Deserialize, Validate)]
    struct Packed {
        #[one_of("zstd", "none")]
        #[one_of("zstandard")]
        codec: Codec,
        #[only_if(codec = "zst")]
        level: Option<u8>,
    }

    #[test]
    fn aliases_in_one_of_and_conditions() {
        passes::<Packed>("codec = 'zst'\nlevel = 3");
        let report = report_of::<Packed>("codec = 'none'\nlevel = 3");
        assert_eq!(
            lines(&report),
            [
                r#"codec: codec must be "zstandard", not "none""#,
                r#"level: level may be set only when codec = "zst""#,
            ]
        );
    }

    /// Every `rename_all` serde knows, on fields and on variants.
    macro_rules! cased {
        ($module:ident, $case:literal, $field:literal, $variant:literal) => {
            mod $module {
                use super::*;

                #[derive(Deserialize, Validate, Default, PartialEq, Debug)]
                #[serde(rename_all = $case)]
                pub enum Mode {
                    #[default]
                    Off,
                    EvalOnly,
                }

                #[derive(Deserialize, Validate)]
                #[serde(rename_all = $case)]
                pub struct Config {
                    #[one_of($variant)]
                    pub saved_mode: Mode,
                }

                #[test]
                fn names() {
                    assert_eq!(Mode::NAMES[1], $variant);
                    let report = report_of::<Config>(&format!("{} = '{}'", $field, Mode::NAMES[0]));
                    assert_eq!(report.iter().next().unwrap().path().to_string(), $field);
                }
            }
        };
    }
    cased!(lower, "lowercase", "saved_mode", "evalonly");
    cased!(upper, "UPPERCASE", "SAVED_MODE", "EVALONLY");
    cased!(pascal, "PascalCase", "SavedMode", "EvalOnly");
    cased!(camel, "camelCase", "savedMode", "evalOnly");
    cased!(snake, "snake_case", "saved_mode", "eval_only");
    cased!(screaming, "SCREAMING_SNAKE_CASE", "SAVED_MODE", "EVAL_ONLY");
    cased!(kebab, "kebab-case", "saved-mode", "eval-only");
    cased!(
        screaming_kebab,
        "SCREAMING-KEBAB-CASE",
        "SAVED-MODE",
        "EVAL-ONLY"
    );

    #[derive(Deserialize, Validate)]
    struct Limits {
        #[range(min = 1)]
        threads: u32,
        pinned: bool,
    }

    #[derive(Deserialize, Validate)]
    struct Server {
        #[serde(flatten)]
        #[nested]
        limits: Limits,
        #[requires(limits.pinned)]
        name: String,
    }

    #[test]
    fn a_flattened_struct_reports_at_its_parent_level() {
        let report = report_of::<Server>("threads = 0\npinned = false\nname = 'a'");
        assert_eq!(
            lines(&report),
            [
                "threads: threads must be at least 1, not 0",
                "name: name requires pinned"
            ]
        );
    }
}

mod containers {
    use super::*;

    #[derive(Deserialize, Validate, Default, PartialEq, Debug)]
    #[serde(rename_all = "snake_case")]
    enum Format {
        #[default]
        Fp32,
        Int8,
    }

    #[derive(Deserialize, Validate)]
    struct Layer {
        #[one_of("fp32")]
        format: Format,
    }

    #[derive(Deserialize, Validate)]
    struct Model {
        #[nested]
        items: Vec<Layer>,
        #[nested]
        pair: [Layer; 2],
        #[nested]
        boxed: Box<Layer>,
        #[nested]
        maybe: Option<Layer>,
        #[nested]
        layers: HashMap<String, Layer>,
        #[nested]
        sorted: BTreeMap<String, Layer>,
        /// `= "v"` on an `Option` means `Some(v)`.
        #[only_if(quant = "int8")]
        scale: Option<f32>,
        quant: Option<Format>,
    }

    #[test]
    fn paths_into_every_container() {
        let report = report_of::<Model>(
            "items = [{ format = 'fp32' }, { format = 'fp32' }, { format = 'int8' }]
pair = [{ format = 'int8' }, { format = 'fp32' }]
boxed = { format = 'int8' }
maybe = { format = 'int8' }
scale = 0.5
[layers.enc]
format = 'int8'
[sorted.dec]
format = 'int8'",
        );
        assert_eq!(
            lines(&report),
            [
                r#"items[2].format: items[2].format must be "fp32", not "int8""#,
                r#"pair[0].format: pair[0].format must be "fp32", not "int8""#,
                r#"boxed.format: boxed.format must be "fp32", not "int8""#,
                r#"maybe.format: maybe.format must be "fp32", not "int8""#,
                r#"layers["enc"].format: layers["enc"].format must be "fp32", not "int8""#,
                r#"sorted["dec"].format: sorted["dec"].format must be "fp32", not "int8""#,
                r#"scale: scale may be set only when quant = "int8""#,
            ]
        );
        passes::<Model>(
            "items = []\npair = [{ format = 'fp32' }, { format = 'fp32' }]\nboxed = { format = 'fp32' }\nscale = 1.0\nquant = 'int8'\nlayers = {}\nsorted = {}",
        );
    }
}

mod context {
    use super::*;

    /// What the rules check names against, given at run time.
    struct Registry {
        models: Vec<&'static str>,
    }

    fn registered(name: &str, registry: &Registry) -> Result<(), String> {
        if registry.models.contains(&name) {
            Ok(())
        } else {
            Err(format!("{name:?} is not a registered model"))
        }
    }

    #[derive(Deserialize, Validate)]
    struct Head {
        #[custom(registered, context, message = "{path} names an unknown model {value}")]
        model: String,
    }

    #[derive(Deserialize, Validate)]
    #[serde(rename_all = "snake_case")]
    enum Source {
        Remote {
            #[custom(registered, context)]
            model: String,
        },
    }

    #[derive(Deserialize, Validate)]
    struct Deployment {
        #[custom(registered, context)]
        model: String,
        #[nested]
        heads: BTreeMap<String, Head>,
        #[nested]
        fallback: Option<Box<Head>>,
        #[nested]
        source: Source,
    }

    const DOCUMENT: &str = "model = 'enc'
fallback = { model = 'dec' }
[heads.first]
model = 'enc'
[heads.second]
model = 'big'
[source.remote]
model = 'small'";

    #[test]
    fn the_context_reaches_every_level() {
        let config: Deployment = toml::from_str(DOCUMENT).unwrap();
        let registry = Registry {
            models: vec!["enc", "dec"],
        };
        assert!(!config.is_valid_with(&registry));
        let report = config.validate_with(&registry).unwrap_err();
        assert_eq!(
            lines(&report),
            [
                r#"heads["second"].model: heads["second"].model names an unknown model "big""#,
                r#"source.remote.model: "small" is not a registered model"#,
            ]
        );
        let everything = Registry {
            models: vec!["enc", "dec", "big", "small"],
        };
        assert!(config.validate_with(&everything).is_ok());
        assert!(config.is_valid_with(&everything));
    }

    #[test]
    fn a_missing_context_is_reported_not_ignored() {
        let config: Deployment = toml::from_str(DOCUMENT).unwrap();
        assert!(!config.is_valid());
        let report = config.validate().unwrap_err();
        assert_eq!(report.len(), 5, "every context rule is broken:\n{report}");
        let first = report.iter().next().unwrap();
        assert_eq!(first.path().to_string(), "model");
        assert_eq!(first.code(), "custom");
        assert_eq!(
            first.to_string(),
            "this rule needs a context of type `Registry`; pass one to `validate_with` or to a loader's `Options::context`"
        );
        // A context of another type is no context for these rules.
        let wrong = config.validate_with(&"enc").unwrap_err();
        assert_eq!(wrong.to_string(), report.to_string());
    }
}
