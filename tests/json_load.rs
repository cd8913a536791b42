//! Loading JSON documents with `lowbit_core::json`: the guarantees of the
//! TOML loader, on JSON's syntax.

use std::collections::BTreeMap;

use bitnet_config::ModelConfig;
use lowbit_core::Validate;
use lowbit_core::diagnostic::{Diagnostic, Severity};
use lowbit_core::json::{Loaded, Options};
use serde::Deserialize;

#[path = "support/located.rs"]
mod located;
use located::{owned, pointed, summary};

/// Loads `source`'s `model` object as the port's `ModelConfig`.
fn model(source: &str) -> Loaded<ModelConfig> {
    Options::new().table("model").load(source)
}

#[test]
fn a_valid_document_gives_its_value_and_nothing_else() {
    let loaded = model(include_str!("../examples/configs/good.json"));
    assert!(loaded.is_valid() && loaded.is_parsed());
    assert_eq!(loaded.diagnostics(), []);
    let value = loaded.into_value().expect("a value");
    assert!(value.quant.enable);
    assert_eq!(value.quant.target_modules.len(), 2);
}

#[test]
fn every_rule_violation_is_located_at_its_value() {
    let source = include_str!("../examples/configs/broken.json");
    let loaded = model(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("none_of", "model.quant.protocol", 5, 19),
            ("one_of", "model.quant.act_grouping", 6, 23),
            ("only_if", "model.quant.act_format", 7, 21),
            ("requires", "model.quant.saved_activations.mode", 10, 17),
            ("one_of", "model.quant.saved_activations.format", 11, 19),
            ("conflicts_with", "model.rho.precision", 15, 20),
            ("one_of", "model.rho.precision", 15, 20),
            ("one_of", "model.rho.compression", 16, 22),
        ])
    );
    assert_eq!(pointed(source, &loaded.diagnostics()[0]), "\"none\"");
    // The diagnostics say what `validate()` says.
    let report = loaded.value().expect("a value").validate().unwrap_err();
    assert_eq!(report.len(), loaded.diagnostics().len());
}

#[test]
fn values_of_the_wrong_type_are_each_located_with_help() {
    let source = include_str!("../examples/configs/wrong-type.json");
    let loaded = model(source);
    assert!(loaded.value().is_none());
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("invalid_type", "model.quant.enable", 4, 17),
            ("invalid_type", "model.quant.target_modules", 6, 25),
            ("unknown_variant", "model.rho.precision", 8, 26),
            ("invalid_type", "model.rho.stats_monitoring", 8, 58),
        ])
    );
    let [enable, modules, _, stats] = loaded.diagnostics() else {
        panic!()
    };
    assert_eq!(
        enable.message(),
        "invalid type: string \"yes\", expected a boolean"
    );
    assert_eq!(
        enable.help(),
        Some("a boolean is written `true`, without quotes")
    );
    assert_eq!(
        modules.help(),
        Some("a list of one is written `[\"encoder\"]`")
    );
    assert_eq!(pointed(source, stats), "1");
}

#[test]
fn an_unknown_variant_suggests_the_closest_name() {
    let source = r#"{"model": {"rho": {"compression": "int8_blok_exp"}}}"#;
    let loaded = model(source);
    let [typo] = loaded.diagnostics() else {
        panic!("{:#?}", loaded.diagnostics())
    };
    assert_eq!(
        (typo.code(), typo.path()),
        ("unknown_variant", "model.rho.compression")
    );
    assert_eq!(pointed(source, typo), "\"int8_blok_exp\"");
    assert_eq!(typo.help(), Some("did you mean `int8_block_exp`?"));
    // In an array, the item is named.
    let source = r#"{"model": {"quant": {"target_modules": ["encoder", "decoder"]}}}"#;
    assert_eq!(
        summary(&model(source)),
        owned(&[("unknown_variant", "model.quant.target_modules[1]", 1, 52)])
    );
}

#[test]
fn unknown_keys_are_warnings_at_the_key_or_errors_when_denied() {
    let source = include_str!("../examples/configs/typo.json");
    let loaded = model(source);
    assert!(loaded.is_valid());
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("unknown_key", "model.quant.enabel", 3, 15),
            ("unknown_key", "model.rho.compresion_interval", 4, 13),
        ])
    );
    let typo = &loaded.diagnostics()[0];
    assert_eq!(typo.severity(), Severity::Warning);
    assert_eq!(pointed(source, typo), "\"enabel\"");
    assert_eq!(typo.help(), Some("did you mean `enable`?"));

    let denied = Options::new()
        .table("model")
        .deny_unknown_keys(true)
        .load::<ModelConfig>(source);
    assert!(!denied.is_valid() && denied.value().is_some());
    assert!(
        denied
            .diagnostics()
            .iter()
            .all(|d| d.severity() == Severity::Error)
    );
}

#[test]
fn a_missing_object_gets_the_defaults_and_a_warning() {
    let loaded = model("{\"data\": {}}");
    assert!(loaded.is_valid());
    assert_eq!(loaded.value(), Some(&ModelConfig::default()));
    assert_eq!(summary(&loaded), owned(&[("missing_table", "model", 1, 1)]));
    assert_eq!(
        loaded.diagnostics()[0].message(),
        "no `model` object; the defaults apply"
    );
}

#[test]
fn a_rule_about_a_left_out_field_points_at_the_object_that_would_hold_it() {
    let source = "{\"model\": {\"quant\": {\"enable\": true, \"protocol\": \"bitnet_b158\", \"strict_bitnet_reference\": true}}}";
    let loaded = model(source);
    let [error] = loaded.diagnostics() else {
        panic!("{:#?}", loaded.diagnostics())
    };
    assert_eq!(
        (error.code(), error.path()),
        ("required_if", "model.quant.target_modules")
    );
    assert!(pointed(source, error).starts_with("{\"enable\""));
    assert_eq!(
        error.label(),
        Some("no `target_modules` in this object; its default applies")
    );
}

#[test]
fn syntax_errors_are_located_and_the_document_is_not_json() {
    let cases = [
        (
            "{\"model\": {\"quant\": {\"enable\": true,}}}",
            1,
            37,
            "trailing comma: JSON allows none before `}`",
        ),
        (
            "{\n  // a comment\n  \"model\": {}\n}",
            2,
            3,
            "comments are not JSON",
        ),
        ("{\"model\": [1, 2}", 1, 16, "expected `,` or `]`"),
        (
            "{\"model\": {\"rho\": 1",
            1,
            11,
            "unclosed object, expected `}`",
        ),
        ("", 1, 1, "the document is empty; a JSON value was expected"),
    ];
    for (source, line, column, message) in cases {
        let loaded = model(source);
        assert!(!loaded.is_parsed() && !loaded.is_valid(), "{source}");
        let [error] = loaded.diagnostics() else {
            panic!("{source}: {:#?}", loaded.diagnostics())
        };
        assert_eq!(
            (error.code(), error.line(), error.column(), error.message()),
            ("syntax", line, column, message),
            "{source}"
        );
    }
}

mod plan {
    use super::*;

    #[derive(Deserialize, Validate, Default, Debug)]
    pub struct Layer {
        #[range(min = 1, max = 8)]
        pub bits: u8,
    }

    #[derive(Deserialize, Validate, Debug)]
    pub struct Plan {
        pub name: String,
        #[nested]
        #[serde(default)]
        pub layers: BTreeMap<String, Layer>,
        #[nested]
        #[serde(default)]
        pub sections: Vec<Layer>,
    }
}

#[test]
fn paths_into_maps_and_arrays_are_located() {
    let source = r#"{
  "name": "p",
  "layers": {"enc": {"bits": 12}},
  "sections": [{"bits": 4}, {"bits": 0, "bitz": 3}]
}"#;
    let loaded = lowbit_core::json::load::<plan::Plan>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("range", "layers[\"enc\"].bits", 3, 30),
            ("range", "sections[1].bits", 4, 38),
            ("unknown_key", "sections[1].bitz", 4, 41),
        ])
    );
    assert_eq!(loaded.diagnostics()[2].help(), Some("did you mean `bits`?"));
    // A required field left out is a missing field, at its object.
    let loaded = lowbit_core::json::load::<plan::Plan>("{\"sections\": []}");
    assert_eq!(summary(&loaded), owned(&[("missing_field", "", 1, 1)]));
    // An array where a struct belongs is a type error, not fields in order.
    let loaded = lowbit_core::json::load::<plan::Plan>("{\"name\": \"p\", \"sections\": [[3]]}");
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "sections[0]", 1, 28)])
    );
}

#[test]
fn every_unreadable_value_is_reported() {
    let source = r#"{"model": {"quant": {"enable": 1, "protocol": 2, "target_modules": 3}}}"#;
    let loaded = model(source);
    assert!(loaded.value().is_none());
    let paths: Vec<&str> = loaded.diagnostics().iter().map(Diagnostic::path).collect();
    assert_eq!(
        paths,
        [
            "model.quant.enable",
            "model.quant.protocol",
            "model.quant.target_modules"
        ]
    );
}

#[test]
fn numbers_beyond_the_field_are_out_of_range() {
    #[derive(Deserialize, Validate, Debug)]
    struct Sizes {
        small: u8,
        float: f32,
    }
    let loaded = lowbit_core::json::load::<Sizes>(r#"{"small": 300, "float": 1e39}"#);
    let codes: Vec<&str> = loaded.diagnostics().iter().map(Diagnostic::code).collect();
    assert_eq!(codes, ["invalid_value", "invalid_value"]);
}

#[test]
fn the_size_limit_refuses_before_parsing() {
    let loaded = Options::new()
        .max_size(4)
        .load::<ModelConfig>("{\"model\": {}}");
    assert_eq!(loaded.diagnostics()[0].code(), "too_large");
    assert!(!loaded.is_parsed());
}

/// Every bundled JSON config, cut short at every character and with bytes
/// replaced at many places: whatever the damage, loading reports it, and
/// every diagnostic points inside the source and renders.
#[test]
fn damaged_documents_are_reported_never_panicked_on() {
    let configs = [
        include_str!("../examples/configs/good.json"),
        include_str!("../examples/configs/broken.json"),
        include_str!("../examples/configs/typo.json"),
        include_str!("../examples/configs/wrong-type.json"),
    ];
    let mut documents = Vec::new();
    for config in configs {
        documents.extend(config.char_indices().map(|(at, _)| config[..at].to_owned()));
        // Each byte in turn, step 3, swapped for one of JSON's tokens.
        for (n, at) in (0..config.len()).step_by(3).enumerate() {
            let token = ["}", "]", ",", "\"", ":", "1", "[", "{", "é"][n % 9];
            documents.push(format!("{}{token}{}", &config[..at], &config[at + 1..]));
        }
    }
    let mut seen = [0usize; 2];
    for source in &documents {
        let loaded = model(source);
        for diagnostic in loaded.diagnostics() {
            assert!(
                diagnostic.span().end <= source.len(),
                "{diagnostic:?} in {source:?}"
            );
            let text = diagnostic.render("cut.json", source, false);
            let at = format!("cut.json:{}:{}", diagnostic.line(), diagnostic.column());
            assert!(text.contains(&at), "{text} lacks {at}");
        }
        seen[usize::from(loaded.is_parsed())] += 1;
    }
    assert!(seen[0] > 100 && seen[1] > 100, "{seen:?}");
}

/// A Cargo-like manifest that reads one table only to accept it.
#[derive(Deserialize, Validate, Debug)]
struct Manifest {
    #[allow(dead_code)]
    package: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    level: u8,
}

/// A field read as `IgnoredAny` is declared, so its key is known.
#[test]
fn a_field_read_as_ignored_any_is_no_unknown_key() {
    let loaded = Options::new()
        .deny_unknown_keys(true)
        .load::<Manifest>(r#"{"level": 1, "package": {"name": "lowbit"}}"#);
    assert_eq!(loaded.diagnostics(), []);
    assert!(loaded.is_valid());
    let typo = Options::new().load::<Manifest>(r#"{"levle": 1, "package": {"name": "lowbit"}}"#);
    assert_eq!(summary(&typo), owned(&[("unknown_key", "levle", 1, 2)]));
}

#[derive(Deserialize, Validate, Debug)]
struct Window {
    #[range(max = 8)]
    window: u32,
}

#[derive(Deserialize, Validate, Debug)]
struct Outer {
    #[nested]
    rho: Window,
}

/// Under `.table(..)`, a message names the path the document has.
#[test]
fn messages_under_a_table_name_the_whole_path() {
    let loaded = Options::new()
        .table("model")
        .load::<Outer>(r#"{"model": {"rho": {"window": 9}}}"#);
    let [error] = loaded.diagnostics() else {
        panic!("one diagnostic expected: {:#?}", loaded.diagnostics());
    };
    assert_eq!(error.path(), "model.rho.window");
    assert_eq!(error.message(), "model.rho.window must be at most 8, not 9");
}

#[derive(Deserialize, Validate, Debug)]
struct Item {
    #[allow(dead_code)]
    count: i64,
}

#[derive(Deserialize, Validate, Debug)]
struct Doc {
    #[allow(dead_code)]
    scale: i64,
    #[allow(dead_code)]
    item: Item,
}

/// A bad value beside a bad required field of a nested object: both are
/// reported, in either order.
#[test]
fn a_bad_value_beside_a_bad_required_nested_field_is_reported_too() {
    for (source, expected) in [
        (
            r#"{"scale": "two", "item": {"count": "x"}}"#,
            [
                ("invalid_type", "scale", 1, 11),
                ("invalid_type", "item.count", 1, 36),
            ],
        ),
        (
            r#"{"item": {"count": "x"}, "scale": "two"}"#,
            [
                ("invalid_type", "item.count", 1, 20),
                ("invalid_type", "scale", 1, 35),
            ],
        ),
    ] {
        let loaded = Options::new().load::<Doc>(source);
        assert_eq!(summary(&loaded), owned(&expected), "{source}");
        assert!(loaded.value().is_none());
    }
}

/// A config whose keys were renamed: the file may still use the old ones.
#[derive(Deserialize, Validate, Debug)]
struct Staged {
    #[serde(alias = "old_stage")]
    #[range(max = 3)]
    stage: u8,
    #[serde(default)]
    #[nested]
    quant: StagedQuant,
}

#[derive(Deserialize, Validate, Debug, Default)]
struct StagedQuant {
    #[serde(alias = "old_bits", default)]
    #[range(max = 8)]
    bits: u8,
}

#[test]
fn a_value_given_under_an_alias_is_pointed_at() {
    let source = "{\n  \"old_stage\": 7,\n  \"quant\": { \"old_bits\": 9 }\n}\n";
    let loaded = lowbit_core::json::load::<Staged>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("range", "stage", 2, 16), ("range", "quant.bits", 3, 26)])
    );
    assert!(loaded.diagnostics().iter().all(|d| d.label().is_none()));
    let values: Vec<&str> = loaded
        .diagnostics()
        .iter()
        .map(|d| pointed(source, d))
        .collect();
    assert_eq!(values, ["7", "9"]);
    // Under the serde names, as before.
    let source = "{\"stage\": 7, \"quant\": {\"bits\": 9}}";
    let loaded = lowbit_core::json::load::<Staged>(source);
    let values: Vec<&str> = loaded
        .diagnostics()
        .iter()
        .map(|d| pointed(source, d))
        .collect();
    assert_eq!(values, ["7", "9"]);
}

#[path = "support/fidelity.rs"]
mod fidelity;

use fidelity::{Inner, Net, Scaled, TaggedScale};

/// A flattened struct's errors, which serde returns without a position,
/// are located at their values; its parent's keys are fields; a key
/// neither knows is unknown (issue 13, item 2).
#[test]
fn a_flattened_struct_is_located_in_its_parents_object() {
    let source = "{\"scrape_configs\": [\n  {\"job_name\": \"node\", \"scheme\": 1},\n  \
                  {\"job_name\": \"api\", \"follow_redirects\": \"yes\",\n   \"timeout\": \"10\"}\n]}\n";
    let loaded = lowbit_core::json::load::<fidelity::Prometheus>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("invalid_type", "scrape_configs[0].scheme", 2, 34),
            ("invalid_type", "scrape_configs[1].follow_redirects", 3, 43),
            ("invalid_type", "scrape_configs[1].timeout", 4, 15),
        ])
    );
    let pointed_at: Vec<&str> = (loaded.diagnostics().iter())
        .map(|d| pointed(source, d))
        .collect();
    assert_eq!(pointed_at, ["1", "\"yes\"", "\"10\""]);
    let source = "{\"job_name\": \"n\", \"tls_config\": {\"ca_file\": 3}}";
    let loaded = lowbit_core::json::load::<fidelity::Scrape>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "tls_config.ca_file", 1, 45)])
    );
    let source = "{\"job_name\": \"n\", \"follow_redirects\": true, \"proxy_ur\": \"p\"}";
    let loaded = Options::new()
        .deny_unknown_keys(true)
        .load::<fidelity::Scrape>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_key", "proxy_ur", 1, 45)])
    );
    assert!(!loaded.is_valid());
    let open = "{\"name\": \"x\", \"anything\": [1]}";
    let loaded = Options::new()
        .deny_unknown_keys(true)
        .load::<fidelity::Open>(open);
    assert_eq!(loaded.diagnostics(), []);
}

/// A typo inside an internally tagged variant is an unknown key; a type
/// error there points at its value (issue 13, item 7).
#[test]
fn a_typo_inside_an_internally_tagged_variant_is_reported() {
    let source = "{\"name\": \"ci\", \"on\": [{\"type\": \"push\", \"branchs\": [\"main\"]}]}";
    let loaded = Options::new()
        .deny_unknown_keys(true)
        .load::<fidelity::Workflow>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_key", "on[0].branchs", 1, 40)])
    );
    assert_eq!(pointed(source, &loaded.diagnostics()[0]), "\"branchs\"");
    assert!(!loaded.is_valid());
    let source = "{\"name\": \"ci\", \"on\": [{\"type\": \"schedule\", \"cron\": 5}]}";
    let loaded = lowbit_core::json::load::<fidelity::Workflow>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "on[0].cron", 1, 52)])
    );
}

/// Adjacently tagged, for [`an_adjacent_content_before_its_tag_is_located_within`].
#[derive(Deserialize, Validate, Debug)]
#[serde(tag = "kind", content = "spec", rename_all = "snake_case")]
enum Source {
    Disk { path: String, size: u32 },
    Url { url: String },
}

#[test]
fn an_adjacent_content_before_its_tag_is_located_within() {
    // serde buffers a content that comes before its tag, and reads the
    // variant from the buffer, with no position.
    let source = "{\"spec\": {\"path\": \"/a\", \"size\": \"big\"}, \"kind\": \"disk\"}";
    let loaded: Loaded<Source> = lowbit_core::json::load(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "spec.size", 1, 33)])
    );
    assert_eq!(pointed(source, &loaded.diagnostics()[0]), "\"big\"");
    // A field the content lacks is the content's; one the table lacks,
    // the table's.
    let source = "{\"spec\": {\"path\": \"/a\"}, \"kind\": \"disk\"}";
    let loaded: Loaded<Source> = lowbit_core::json::load(source);
    assert_eq!(summary(&loaded)[0].0, "missing_field");
    assert_eq!(summary(&loaded)[0].1, "spec");
    assert_eq!(loaded.diagnostics()[0].message(), "missing field `size`");
    let source = "{\"kind\": \"disk\"}";
    let loaded: Loaded<Source> = lowbit_core::json::load(source);
    assert_eq!(summary(&loaded)[0].1, "");
    assert_eq!(loaded.diagnostics()[0].message(), "missing field `spec`");
    // And read well in either order.
    for source in [
        "{\"spec\": {\"path\": \"/a\", \"size\": 3}, \"kind\": \"disk\"}",
        "{\"kind\": \"url\", \"spec\": {\"url\": \"u\"}}",
    ] {
        let loaded: Loaded<Source> = lowbit_core::json::load(source);
        assert_eq!(loaded.diagnostics(), [], "{source}");
        match loaded.into_value() {
            Some(Source::Disk { path, size }) => assert_eq!((path.as_str(), size), ("/a", 3)),
            Some(Source::Url { url }) => assert_eq!(url, "u"),
            None => panic!("no value for {source}"),
        }
    }
}

/// As [`Source`], refusing keys it does not know, for
/// [`a_typo_in_an_adjacent_content_before_its_tag_is_reported`].
#[derive(Deserialize, Validate, Debug)]
#[serde(
    tag = "kind",
    content = "spec",
    rename_all = "snake_case",
    deny_unknown_fields
)]
enum StrictSource {
    Disk { path: String },
}

/// The content is held until the tag is read, and then read through the
/// watch: a key its variant does not know is noted, or refused where serde
/// refuses it, and located at the key (issue 13).
#[test]
fn a_typo_in_an_adjacent_content_before_its_tag_is_reported() {
    let source = "{\"spec\": {\"path\": \"/a\", \"size\": 3, \"sise\": 4}, \"kind\": \"disk\"}";
    let loaded: Loaded<Source> = lowbit_core::json::load(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_key", "spec.sise", 1, 36)])
    );
    assert_eq!(pointed(source, &loaded.diagnostics()[0]), "\"sise\"");
    assert_eq!(loaded.diagnostics()[0].severity(), Severity::Warning);
    assert!(matches!(loaded.value(), Some(Source::Disk { size: 3, .. })));
    let source = "{\"spec\": {\"path\": \"/a\", \"pth\": 4}, \"kind\": \"disk\"}";
    let loaded: Loaded<StrictSource> = lowbit_core::json::load(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_key", "spec.pth", 1, 25)])
    );
    assert_eq!(pointed(source, &loaded.diagnostics()[0]), "\"pth\"");
    assert_eq!(loaded.diagnostics()[0].severity(), Severity::Error);
    let valid = "{\"spec\": {\"path\": \"/a\"}, \"kind\": \"disk\"}";
    let loaded: Loaded<StrictSource> = lowbit_core::json::load(valid);
    assert_eq!(loaded.diagnostics(), []);
    assert!(matches!(loaded.value(), Some(StrictSource::Disk { path }) if path == "/a"));
}

/// An internally tagged enum behind `Option`, for
/// [`a_type_error_in_a_tagged_variant_behind_option_is_at_its_value`].
#[derive(Deserialize, Validate, Debug)]
struct Job {
    #[nested]
    retry: Option<Backoff>,
}

/// Internally tagged: its variant is read from serde's buffer.
#[derive(Deserialize, Validate, Debug)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Backoff {
    Fixed {
        #[range(max = 60)]
        delay: u32,
    },
    Exponential {
        #[range(min = 2)]
        base: u32,
        #[range(max = 600)]
        cap: u32,
    },
}

#[test]
fn a_type_error_in_a_tagged_variant_behind_option_is_at_its_value() {
    let source = "{\"retry\": {\"kind\": \"exponential\", \"base\": \"two\", \"cap\": 10}}";
    let loaded = lowbit_core::json::load::<Job>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "retry.base", 1, 43)])
    );
    assert_eq!(pointed(source, &loaded.diagnostics()[0]), "\"two\"");
}

/// Compose's `build`, for [`a_typo_inside_an_untagged_variant_is_reported`].
#[derive(Deserialize, Validate, Debug)]
struct Compose {
    #[nested]
    services: BTreeMap<String, Service>,
}

#[derive(Deserialize, Validate, Debug)]
struct Service {
    #[nested]
    build: Vec<Build>,
}

#[derive(Deserialize, Validate, Debug)]
#[serde(untagged)]
enum Build {
    Context(String),
    Config {
        context: Option<String>,
        dockerfile: Option<String>,
    },
}

/// serde reads an untagged variant from its buffer, where the watch cannot
/// see a key it ignores; validation tells the loader the variant's keys.
/// The quick read, which has no tree to compare them with, leaves such a
/// document to the located load, and both say the same.
#[test]
fn a_typo_inside_an_untagged_variant_is_reported() {
    let source = r#"{"services": {"web": {"build": [".", {"context": ".", "dockerfil": "D"}]}}}"#;
    for located in [false, true] {
        let loaded: Loaded<Compose> = Options::new().located_only(located).load(source);
        assert_eq!(
            summary(&loaded),
            owned(&[(
                "unknown_key",
                r#"services["web"].build[1].dockerfil"#,
                1,
                55
            )])
        );
        let [typo] = loaded.diagnostics() else {
            unreachable!()
        };
        assert_eq!(pointed(source, typo), r#""dockerfil""#);
        assert_eq!(typo.severity(), Severity::Warning);
        assert_eq!(typo.help(), Some("did you mean `dockerfile`?"));
        assert!(loaded.is_valid());
        let denied: Loaded<Compose> = Options::new()
            .located_only(located)
            .deny_unknown_keys(true)
            .load(source);
        assert!(!denied.is_valid());
    }
    let valid = r#"{"services": {"web": {"build": [".", {"dockerfile": "D"}]}}}"#;
    let loaded: Loaded<Compose> = lowbit_core::json::load(valid);
    assert_eq!(loaded.diagnostics(), []);
    let build = &loaded.value().expect("a value").services["web"].build;
    assert!(matches!(&build[0], Build::Context(context) if context == "."));
    assert!(matches!(
        &build[1],
        Build::Config { context: None, dockerfile: Some(file) } if file == "D"
    ));
}

/// serde buffers the tables of internally tagged, untagged and flattened
/// types, and keeps a JSON key there as the string it is: a map with
/// integer keys inside refuses it, as `serde_json` does (serde's issue
/// 1183). The loader refuses the same document, at each such key, with a
/// help that says why; outside a buffer the same map loads.
#[test]
fn integer_map_keys_in_buffered_content_are_refused_as_serde_json_refuses_them() {
    let source = r#"{
  "layers": {"kind": "Sparse", "widths": {"12": {"bits": 9}}, "offsets": {"-3": {"bits": 2}}},
  "spec": {"by_layer": {"7": {"bits": 10}}},
  "by_layer": {"2": {"bits": 11}}
}"#;
    let serde_says = serde_json::from_str::<Net>(source).unwrap_err().to_string();
    assert!(serde_says.starts_with("invalid type: string \"12\", expected u32"));
    let loaded = lowbit_core::json::load::<Net>(source);
    assert!(loaded.value().is_none());
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("invalid_type", "layers.widths[\"12\"]", 2, 43),
            ("invalid_type", "layers.offsets[\"-3\"]", 2, 75),
            ("deserialize", "spec", 3, 11),
            // Once `spec` is cut, serde misses it before it reads the
            // flattened struct: handed a blank, it reads on (issue 13,
            // item 6).
            ("invalid_type", "by_layer[\"2\"]", 4, 16),
        ])
    );
    let keys: Vec<&str> = (loaded.diagnostics().iter())
        .map(|d| pointed(source, d))
        .collect();
    assert_eq!(keys[..2], ["\"12\"", "\"-3\""]);
    assert_eq!(keys[3], "\"2\"");
    let widths = &loaded.diagnostics()[0];
    assert_eq!(
        widths.message(),
        "invalid type: string \"12\", expected u32"
    );
    assert!(widths.help().is_some_and(|help| help.contains("buffer")));
    // A flattened struct's map, the rest of the document valid.
    let source = r#"{"layers": {"kind": "Sparse", "widths": {}, "offsets": {}}, "spec": "s",
  "by_layer": {"2": {"bits": 11}}}"#;
    assert!(serde_json::from_str::<Net>(source).is_err());
    let loaded = lowbit_core::json::load::<Net>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "by_layer[\"2\"]", 2, 16)])
    );
    // Outside a buffer, the same map loads, validated and located.
    let source = r#"{"by_layer": {"0": {"bits": 4}, "12": {"bits": 9}}}"#;
    assert!(serde_json::from_str::<Inner>(source).is_ok());
    let loaded = lowbit_core::json::load::<Inner>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("range", "by_layer[\"12\"].bits", 1, 48)])
    );
}

/// `Scaled` behind `Option`, and `TaggedScale` as the items of a list.
#[derive(Deserialize, Validate, Debug)]
#[allow(dead_code)]
struct Scales {
    #[nested]
    one: Option<Scaled>,
    #[nested]
    items: Vec<TaggedScale>,
}

/// serde checks a struct's own required fields before it reads what it
/// buffered for its flattened fields: a field missing, or cut once its bad
/// value is reported, hides no bad value there, behind `Option` and in
/// the items of a list too.
#[test]
fn a_bad_flattened_value_is_reported_beside_a_bad_required_field() {
    for (source, expected) in [
        (
            r#"{"count": 1, "period": "x"}"#,
            &[
                ("missing_field", "", 1, 1),
                ("invalid_type", "period", 1, 24),
            ][..],
        ),
        (
            r#"{"period": "x", "scale": "two", "count": 1}"#,
            &[
                ("invalid_type", "period", 1, 12),
                ("invalid_type", "scale", 1, 26),
            ],
        ),
        (
            r#"{"scale": "two", "period": 1}"#,
            &[
                ("missing_field", "", 1, 1),
                ("invalid_type", "scale", 1, 11),
            ],
        ),
    ] {
        let loaded = Options::new().load::<Scaled>(source);
        assert_eq!(summary(&loaded), owned(expected), "{source}");
        assert!(loaded.value().is_none());
    }
    let source = r#"{"kind": "every", "count": 1, "period": "x"}"#;
    let loaded = Options::new().load::<TaggedScale>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("missing_field", "", 1, 1),
            ("invalid_type", "period", 1, 41)
        ])
    );
    assert_eq!(loaded.diagnostics()[0].message(), "missing field `scale`");
    let source = r#"{
  "one": {"count": 1, "period": "x"},
  "items": [
    {"kind": "every", "count": 1, "period": "y"},
    {"scale": "two", "kind": "every", "count": 1, "period": "z"}
  ]
}"#;
    let loaded = Options::new().load::<Scales>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("missing_field", "one", 2, 10),
            ("invalid_type", "one.period", 2, 33),
            ("missing_field", "items[0]", 4, 5),
            ("invalid_type", "items[0].period", 4, 45),
            ("invalid_type", "items[1].scale", 5, 15),
            ("invalid_type", "items[1].period", 5, 61),
        ])
    );
    let values: Vec<&str> = (loaded.diagnostics().iter())
        .filter(|d| d.code() == "invalid_type")
        .map(|d| pointed(source, d))
        .collect();
    assert_eq!(values, ["\"x\"", "\"y\"", "\"two\"", "\"z\""]);
}
