//! Loading TOML documents with `lowbit_core::toml`: every problem a
//! document has, located at the bytes that hold it.

use std::collections::BTreeMap;

use bitnet_config::ModelConfig;
use lowbit_core::Validate;
use lowbit_core::diagnostic::{Diagnostic, Severity};
use lowbit_core::toml::{Loaded, Options};
use serde::Deserialize;

#[path = "support/located.rs"]
mod located;
use located::{owned, pointed, summary};

/// Loads `source`'s `[model]` table as the port's `ModelConfig`.
fn model(source: &str) -> Loaded<ModelConfig> {
    Options::new().table("model").load(source)
}

#[test]
fn a_valid_document_gives_its_value_and_nothing_else() {
    let source = include_str!("../examples/configs/good.toml");
    let loaded = model(source);
    assert!(loaded.is_valid());
    assert!(loaded.is_toml());
    assert_eq!(loaded.diagnostics(), []);
    let value = loaded.into_value().expect("a value");
    assert!(value.quant.enable);
    assert_eq!(value.quant.target_modules.len(), 2);
}

#[test]
fn an_empty_document_gets_the_defaults_and_a_warning() {
    let loaded = model("");
    assert!(loaded.is_valid());
    assert_eq!(loaded.value(), Some(&ModelConfig::default()));
    assert_eq!(summary(&loaded), owned(&[("missing_table", "model", 1, 1)]));
    let warning = &loaded.diagnostics()[0];
    assert_eq!(warning.severity(), Severity::Warning);
    assert_eq!(warning.message(), "no `[model]` table; the defaults apply");
    assert_eq!(
        warning.render("empty.toml", "", false),
        "warning[missing_table]: no `[model]` table; the defaults apply\n--> empty.toml:1:1\n"
    );
}

#[test]
fn other_top_level_tables_are_left_alone() {
    let source = include_str!("../examples/configs/defaults.toml");
    let loaded = model(source);
    assert_eq!(loaded.diagnostics(), []);
    assert!(loaded.is_valid());
}

#[test]
fn a_syntax_error_is_located_and_the_document_is_not_toml() {
    let source = "[model.rho]\nprecision = \"bf16\nstats_monitoring = true\n";
    let loaded = model(source);
    assert!(!loaded.is_toml());
    assert!(!loaded.is_valid());
    assert!(loaded.value().is_none());
    let error = &loaded.diagnostics()[0];
    assert_eq!(
        (error.code(), error.line(), error.column()),
        ("syntax", 2, 18)
    );
    assert_eq!(error.message(), "invalid basic string, expected `\"`");
    assert_eq!(error.path(), "");
}

#[test]
fn a_value_of_the_wrong_type_is_located() {
    let source = "[model.quant]\nenable = 1\n";
    let loaded = model(source);
    assert!(loaded.is_toml());
    assert!(loaded.value().is_none());
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "model.quant.enable", 2, 10)])
    );
    let error = &loaded.diagnostics()[0];
    assert_eq!(
        error.message(),
        "invalid type: integer `1`, expected a boolean"
    );
    assert_eq!(pointed(source, error), "1");
    assert_eq!(error.help(), Some("a boolean is written `true` or `false`"));
}

#[test]
fn a_wrong_type_with_an_evident_meaning_says_how_to_write_it() {
    let source = "[model.quant]\nenable = \"Yes\"\ntarget_modules = 'encoder'\n";
    let loaded = model(source);
    let helps: Vec<Option<&str>> = loaded.diagnostics().iter().map(Diagnostic::help).collect();
    assert_eq!(
        helps,
        [
            Some("a boolean is written `true`, without quotes"),
            Some("a list of one is written `['encoder']`"),
        ]
    );
}

#[test]
fn every_unreadable_value_is_reported_and_nothing_is_validated() {
    // `protocol = "none"` breaks a rule, but a value read from a document
    // with holes in it is not validated: its rules would see defaults.
    let source = include_str!("../examples/configs/wrong-type.toml");
    let loaded = model(&format!(
        "{source}\n[model.quant.saved_activations]\nmode = 3\n"
    ));
    assert!(loaded.value().is_none());
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("invalid_type", "model.quant.enable", 3, 10),
            ("invalid_type", "model.quant.target_modules", 5, 18),
            ("invalid_type", "model.rho.stats_monitoring", 8, 20),
            ("invalid_type", "model.quant.saved_activations.mode", 11, 8),
        ])
    );
}

#[test]
fn an_unknown_variant_lists_the_valid_names_and_suggests_one() {
    let source = "[model.rho]\ncompression = \"int8_blok_exp\"\nprecision = \"bfloat16\"\n";
    let loaded = model(source);
    let [typo, unknown] = loaded.diagnostics() else {
        panic!("two diagnostics expected: {:#?}", loaded.diagnostics());
    };
    assert_eq!(
        (typo.code(), typo.line(), typo.column()),
        ("unknown_variant", 2, 15)
    );
    assert_eq!(pointed(source, typo), "\"int8_blok_exp\"");
    assert_eq!(typo.help(), Some("did you mean `int8_block_exp`?"));
    assert_eq!(
        unknown.message(),
        "unknown variant `bfloat16`, expected one of `fp32`, `bf16`, `fp8_exp`, \
         `int8_block_exp`, `blockfp8_exp`, `sparse_tile_exp`"
    );
    assert_eq!(unknown.path(), "model.rho.precision");
    assert_eq!(unknown.help(), None);
}

#[test]
fn an_unknown_variant_inside_an_option_is_found_too() {
    let source = "[model.quant]\nencoder_mode = \"int9\"\n";
    let loaded = model(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_variant", "model.quant.encoder_mode", 2, 16)])
    );
    assert_eq!(loaded.diagnostics()[0].help(), Some("did you mean `int8`?"));
}

#[test]
fn an_unknown_variant_in_an_array_names_its_item() {
    let source = "[model.quant]\ntarget_modules = [\"encoder\", \"decoder\"]\n";
    let loaded = model(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_variant", "model.quant.target_modules[1]", 2, 30)])
    );
}

#[test]
fn unknown_keys_are_warnings_with_a_did_you_mean() {
    let source = include_str!("../examples/configs/typo.toml");
    let loaded = model(source);
    // The typo leaves quantization off, so `protocol = "none"` breaks nothing.
    assert!(loaded.is_valid());
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("unknown_key", "model.quant.enabel", 4, 1),
            ("unknown_key", "model.rho.compresion_interval", 8, 1),
        ])
    );
    let typo = &loaded.diagnostics()[0];
    assert_eq!(typo.severity(), Severity::Warning);
    assert_eq!(typo.message(), "unknown key `enabel` in `model.quant`");
    assert_eq!(typo.help(), Some("did you mean `enable`?"));
    assert_eq!(pointed(source, typo), "enabel");
}

#[test]
fn unknown_keys_are_errors_when_denied() {
    let source = include_str!("../examples/configs/typo.toml");
    let loaded = Options::new()
        .table("model")
        .deny_unknown_keys(true)
        .load::<ModelConfig>(source);
    assert!(!loaded.is_valid());
    assert!(
        loaded
            .diagnostics()
            .iter()
            .all(|d| d.severity() == Severity::Error && d.code() == "unknown_key")
    );
    // The value still deserialized: the keys were only unknown.
    assert!(loaded.value().is_some());
}

#[test]
fn an_unknown_key_far_from_every_field_lists_the_fields() {
    let source = "[model.rho]\ncolour = \"red\"\n";
    let loaded = model(source);
    let unknown = &loaded.diagnostics()[0];
    assert_eq!(
        unknown.help(),
        Some(
            "the keys here are `precision`, `carry_across_tbptt`, `detach_between_windows`, \
             `compression`, `compression_interval`, `stats_monitoring`"
        )
    );
}

#[test]
fn a_rule_about_a_left_out_field_points_at_the_table_that_would_hold_it() {
    let source = include_str!("../examples/configs/missing.toml");
    let loaded = model(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("required_if", "model.quant.target_modules", 3, 1)])
    );
    let error = &loaded.diagnostics()[0];
    assert_eq!(pointed(source, error), "[model.quant]");
    assert_eq!(
        error.label(),
        Some("no `target_modules` in this table; its default applies")
    );
}

#[test]
fn a_left_out_table_points_at_its_nearest_ancestor() {
    // `[model.quant]` is absent; its rule fires from `[model]`'s dotted key.
    let source = "[model]\nrho.precision = \"fp32\"\nquant.enable = true\n";
    let loaded = model(source);
    let [error] = loaded.diagnostics() else {
        panic!("one diagnostic expected: {:#?}", loaded.diagnostics());
    };
    assert_eq!(
        (error.code(), error.path()),
        ("none_of", "model.quant.protocol")
    );
    // The implicit table `quant` is where `protocol` would go.
    assert_eq!((error.line(), error.column()), (3, 1));
    assert_eq!(pointed(source, error), "quant");
}

#[test]
fn violations_point_at_their_values_in_the_source_order() {
    let source = include_str!("../examples/configs/broken.toml");
    let loaded = model(source);
    assert!(loaded.value().is_some());
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("none_of", "model.quant.protocol", 4, 12),
            ("one_of", "model.quant.act_grouping", 5, 16),
            ("only_if", "model.quant.act_format", 6, 14),
            ("requires", "model.quant.saved_activations.mode", 10, 8),
            ("one_of", "model.quant.saved_activations.format", 11, 10),
            ("conflicts_with", "model.rho.precision", 14, 13),
            ("one_of", "model.rho.precision", 14, 13),
            ("one_of", "model.rho.compression", 15, 15),
        ])
    );
    // The report of `validate()` and the diagnostics say the same.
    let report = loaded.value().unwrap().validate().unwrap_err();
    let mut messages: Vec<String> = report.iter().map(ToString::to_string).collect();
    let mut said: Vec<String> = loaded
        .diagnostics()
        .iter()
        .map(|d| d.message().to_owned())
        .collect();
    messages.sort();
    said.sort();
    assert_eq!(messages, said);
}

#[test]
fn a_table_that_is_not_a_table_is_a_type_error() {
    let loaded = model("model = 3\n");
    assert_eq!(summary(&loaded), owned(&[("invalid_type", "model", 1, 9)]));
    assert_eq!(
        loaded.diagnostics()[0].message(),
        "invalid type: integer `3`, expected struct ModelConfig"
    );
}

#[test]
fn crlf_lines_are_counted_and_drawn_like_lf_lines() {
    let source = "[model.rho]\r\n\tprecision = \"fp8_exp\"\r\n";
    let loaded = model(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("one_of", "model.rho.precision", 2, 14)])
    );
    let rendered = loaded.diagnostics()[0].render("crlf.toml", source, false);
    assert!(
        !rendered.contains('\r') && !rendered.contains('\u{240d}'),
        "{rendered}"
    );
    assert!(rendered.contains(" --> crlf.toml:2:14\n"), "{rendered}");
}

#[test]
fn an_empty_table_path_is_the_whole_document() {
    let loaded = Options::new()
        .table("")
        .load::<plan::Strict>("enable = true\n");
    assert!(loaded.is_valid());
    assert_eq!(loaded.diagnostics(), []);
}

#[test]
fn inline_tables_are_located_like_the_others() {
    let source = "model = { quant = { enable = true, protocol = \"none\", colour = 1 } }\n";
    let loaded = model(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("none_of", "model.quant.protocol", 1, 47),
            ("unknown_key", "model.quant.colour", 1, 55),
        ])
    );
}

/// A type of our own, read from the whole document: maps, arrays of
/// tables, a required field.
mod plan {
    use super::*;

    #[derive(Deserialize, Validate, Default, Debug)]
    #[serde(rename_all = "snake_case")]
    pub enum Mode {
        #[default]
        Off,
        Fast,
    }

    #[derive(Deserialize, Validate, Default, Debug)]
    #[serde(default)]
    pub struct Layer {
        #[range(min = 1, max = 8)]
        pub bits: u32,
        pub mode: Mode,
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

    /// Spans and dates are read through structs of the format's own; their
    /// fields are no keys of the document.
    #[derive(Deserialize, Validate, Debug)]
    pub struct Stamped {
        pub name: toml::Spanned<String>,
        pub at: toml::value::Datetime,
        #[serde(default)]
        pub enable: bool,
    }

    #[derive(Deserialize, Validate, Default, Debug)]
    pub struct Common {
        #[range(max = 8)]
        pub bits: u8,
    }

    /// A flattened struct reads its keys from its parent's table.
    #[derive(Deserialize, Validate, Default, Debug)]
    #[serde(default)]
    pub struct Flattened {
        #[serde(flatten)]
        #[nested]
        pub common: Common,
        pub packed: bool,
    }

    #[derive(Deserialize, Validate, Debug)]
    #[serde(deny_unknown_fields)]
    pub struct Strict {
        #[serde(default)]
        pub enable: bool,
    }
}

#[test]
fn paths_into_maps_and_arrays_of_tables_are_located() {
    let source = "name = \"p\"\n\
                  [layers.enc]\nbits = 12\n\
                  [[sections]]\nbits = 4\n\
                  [[sections]]\nbits = 0\nbitz = 3\n";
    let loaded = lowbit_core::toml::load::<plan::Plan>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("range", "layers[\"enc\"].bits", 3, 8),
            ("range", "sections[1].bits", 7, 8),
            ("unknown_key", "sections[1].bitz", 8, 1),
        ])
    );
    assert_eq!(loaded.diagnostics()[2].help(), Some("did you mean `bits`?"));
    let plan = loaded.value().expect("the plan deserialized");
    assert_eq!((plan.name.as_str(), plan.sections.len()), ("p", 2));
}

#[test]
fn spans_and_dates_are_not_mistaken_for_unknown_keys() {
    let source = "name = \"run\"\nat = 2026-11-26T08:00:00Z\nenabel = true\n";
    let loaded = lowbit_core::toml::load::<plan::Stamped>(source);
    assert_eq!(summary(&loaded), owned(&[("unknown_key", "enabel", 3, 1)]));
    let stamped = loaded.value().expect("a value");
    assert_eq!(&source[stamped.name.span()], "\"run\"");
    assert_eq!(stamped.at.to_string(), "2026-11-26T08:00:00Z");
    assert!(!stamped.enable);
}

#[test]
fn flattened_fields_are_located_in_their_parents_table() {
    let source = "packed = true\nbits = 9\nbitz = 1\n";
    let loaded = lowbit_core::toml::load::<plan::Flattened>(source);
    // `bitz`, which neither the parent nor the flattened struct knows, is
    // unknown; with no list of the fields serde passes, no did-you-mean.
    assert_eq!(
        summary(&loaded),
        owned(&[("range", "bits", 2, 8), ("unknown_key", "bitz", 3, 1)])
    );
    assert_eq!(loaded.diagnostics()[1].help(), None);
    assert!(loaded.value().expect("a value").packed);
}

#[test]
fn a_required_field_left_out_is_a_missing_field_at_its_table() {
    let source = "[layers.enc]\nbits = 2\n";
    let loaded = lowbit_core::toml::load::<plan::Plan>(source);
    assert!(loaded.value().is_none());
    assert_eq!(summary(&loaded), owned(&[("missing_field", "", 1, 1)]));
    assert_eq!(loaded.diagnostics()[0].message(), "missing field `name`");
}

#[test]
fn a_type_that_denies_unknown_fields_gets_a_did_you_mean_too() {
    let loaded = lowbit_core::toml::load::<plan::Strict>("enabel = true\n");
    let [error] = loaded.diagnostics() else {
        panic!("one diagnostic expected: {:#?}", loaded.diagnostics());
    };
    assert_eq!((error.code(), error.path()), ("unknown_key", "enabel"));
    assert_eq!(error.severity(), Severity::Error);
    assert_eq!(error.help(), Some("did you mean `enable`?"));
    let strict = lowbit_core::toml::load::<plan::Strict>("enable = true\n");
    assert!(strict.value().expect("a value").enable);
}

#[test]
fn rendering_is_plain_unless_colour_is_asked_for() {
    let source = "[model.rho]\nprecision = \"fp8_exp\"\n";
    let loaded = model(source);
    let diagnostic = &loaded.diagnostics()[0];
    let plain = diagnostic.render("rho.toml", source, false);
    assert!(!plain.contains('\u{1b}'));
    assert!(plain.contains(" --> rho.toml:2:13\n"));
    let coloured = diagnostic.render("rho.toml", source, true);
    assert!(coloured.contains("\u{1b}["));
}

#[test]
fn json_records_carry_the_fields_a_tool_needs() {
    let source = include_str!("../examples/configs/typo.toml");
    let loaded = model(source);
    let record: serde_json::Value =
        serde_json::from_str(&loaded.diagnostics()[0].to_json("typo.toml")).unwrap();
    assert_eq!(
        record,
        serde_json::json!({
            "file": "typo.toml",
            "line": 4,
            "column": 1,
            "path": "model.quant.enabel",
            "code": "unknown_key",
            "severity": "warning",
            "message": "unknown key `enabel` in `model.quant`",
            "help": "did you mean `enable`?",
        })
    );
}

/// A document of `size` bytes or more: a long array in `[model.quant]`,
/// a rule broken and a key misspelled after it, and a big table nobody
/// reads.
fn large_document(size: usize) -> (String, usize) {
    let mut source = String::from("[model.quant]\nenable = true\nprotocol = \"bitnet_b158\"\n");
    source.push_str("target_modules = [\n");
    while source.len() < size / 2 {
        source.push_str("  \"encoder\",\n");
    }
    source.push_str("]\n\n[model.rho]\n");
    let line = source.lines().count() + 1;
    source.push_str("precision = \"fp8_exp\"\ncolour = 1\n\n[data]\n");
    let mut key = 0;
    while source.len() < size {
        source.push_str(&format!("key{key} = \"{key:0>24}\"\n"));
        key += 1;
    }
    (source, line)
}

#[test]
fn a_ten_megabyte_document_is_handled() {
    let (source, line) = large_document(10 << 20);
    assert!(source.len() >= 10 << 20);
    let loaded = model(&source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("one_of", "model.rho.precision", line, 13),
            ("unknown_key", "model.rho.colour", line + 1, 1),
        ])
    );
    let rendered = loaded.diagnostics()[0].render("large.toml", &source, false);
    assert!(rendered.contains("precision = \"fp8_exp\""));
    let modules = &loaded.value().unwrap().quant.target_modules;
    assert!(modules.len() > 400_000);
}

/// Every bundled config, cut short at every character and with each of its
/// lines dropped in turn: whatever the damage, loading reports it, and every
/// diagnostic points inside the source and renders.
#[test]
fn damaged_documents_are_reported_never_panicked_on() {
    let configs = [
        include_str!("../examples/configs/good.toml"),
        include_str!("../examples/configs/broken.toml"),
        include_str!("../examples/configs/typo.toml"),
        include_str!("../examples/configs/unknown-variant.toml"),
        include_str!("../examples/configs/wrong-type.toml"),
    ];
    let mut documents = Vec::new();
    for config in configs {
        documents.extend(config.char_indices().map(|(at, _)| config[..at].to_owned()));
        let lines: Vec<&str> = config.lines().collect();
        for dropped in 0..lines.len() {
            let mut kept = lines.clone();
            kept.remove(dropped);
            documents.push(kept.join("\n"));
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
            let text = diagnostic.render("cut.toml", source, false);
            let at = format!("cut.toml:{}:{}", diagnostic.line(), diagnostic.column());
            assert!(text.contains(&at), "{text} lacks {at}");
            assert!(text.starts_with(&format!(
                "{}[{}]: ",
                diagnostic.severity(),
                diagnostic.code()
            )));
            let json: serde_json::Value =
                serde_json::from_str(&diagnostic.to_json("cut.toml")).unwrap();
            assert_eq!(json["line"], diagnostic.line());
        }
        seen[usize::from(loaded.is_toml())] += 1;
    }
    // Both kinds of damage occurred: text that is not TOML, and TOML that
    // is valid or not.
    assert!(seen[0] > 100 && seen[1] > 100, "{seen:?}");
}

/// A training table whose rules mark advice with `warn`.
#[derive(Deserialize, Validate, Default)]
#[serde(default)]
struct Train {
    #[range(
        min = 8,
        warn,
        message = "{path} is {value}; below 8 it rarely converges"
    )]
    #[range(max = 1024)]
    batch: u32,
    #[forbidden(warn)]
    legacy: Option<String>,
}

#[test]
fn rule_warnings_are_warnings_and_leave_the_document_valid() {
    let source = "[train]\nbatch = 4\nlegacy = \"x\"\n";
    let loaded = Options::new().table("train").load::<Train>(source);
    assert!(loaded.is_valid());
    assert!(loaded.value().is_some());
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("range", "train.batch", 2, 9),
            ("forbidden", "train.legacy", 3, 10)
        ])
    );
    assert!(
        loaded
            .diagnostics()
            .iter()
            .all(|d| d.severity() == Severity::Warning)
    );
    assert_eq!(
        loaded.diagnostics()[0].render("train.toml", source, false),
        "warning[range]: train.batch is 4; below 8 it rarely converges\n \
         --> train.toml:2:9\n  \
         |\n\
         2 | batch = 4\n  \
         |         ^\n"
    );
    assert_eq!(
        loaded.diagnostics()[1].message(),
        "train.legacy should not be set"
    );
}

#[test]
fn an_error_beside_a_warning_makes_the_document_invalid_and_keeps_both() {
    let source = "[train]\nbatch = 2000\nlegacy = \"x\"\n";
    let loaded = Options::new().table("train").load::<Train>(source);
    assert!(!loaded.is_valid());
    let severities: Vec<(&str, Severity)> = loaded
        .diagnostics()
        .iter()
        .map(|d| (d.code(), d.severity()))
        .collect();
    assert_eq!(
        severities,
        [("range", Severity::Error), ("forbidden", Severity::Warning)]
    );
}

struct Registry(Vec<&'static str>);

fn registered(name: &str, registry: &Registry) -> Result<(), String> {
    if registry.0.contains(&name) {
        Ok(())
    } else {
        Err(format!("no model named {name:?} in the registry"))
    }
}

#[derive(Deserialize, Validate)]
struct Deploy {
    #[custom(registered, context)]
    model: String,
}

#[test]
fn the_context_reaches_the_rules_that_take_one() {
    let registry = Registry(vec!["enc"]);
    // Made once, reused for several documents.
    let options = Options::new().table("deploy").context(&registry);
    let good = options.load::<Deploy>("[deploy]\nmodel = \"enc\"\n");
    assert!(good.is_valid(), "{:?}", good.diagnostics());
    assert_eq!(good.diagnostics(), []);

    let bad = options.load::<Deploy>("[deploy]\nmodel = \"dec\"\n");
    assert!(!bad.is_valid());
    assert_eq!(summary(&bad), owned(&[("custom", "deploy.model", 2, 9)]));
    assert_eq!(
        bad.diagnostics()[0].message(),
        "no model named \"dec\" in the registry"
    );
}

#[test]
fn without_its_context_a_rule_says_which_type_it_needs_by_its_short_name() {
    let source = "[deploy]\nmodel = \"enc\"\n";
    let expected = "this rule needs a context of type `Registry`; pass one to `validate_with` or to a loader's `Options::context`";
    let loaded = Options::new().table("deploy").load::<Deploy>(source);
    assert!(!loaded.is_valid());
    assert_eq!(summary(&loaded), owned(&[("custom", "deploy.model", 2, 9)]));
    assert_eq!(loaded.diagnostics()[0].message(), expected);
    // A context of another type is no context for it.
    let other = 3_u8;
    let loaded = Options::new()
        .table("deploy")
        .context(&other)
        .load::<Deploy>(source);
    assert_eq!(loaded.diagnostics()[0].message(), expected);
}

/// Rules of the container: groups and checks of the whole struct.
mod container {
    use super::*;
    use lowbit_core::Issues;

    #[derive(Deserialize, Validate, Default, Debug)]
    #[serde(default, rename_all = "camelCase")]
    #[validate(exactly_one(exec, http_get, tcp_socket))]
    pub struct Probe {
        pub exec: Option<Vec<String>>,
        pub http_get: Option<String>,
        pub tcp_socket: Option<u16>,
    }

    #[derive(Deserialize, Validate, Default, Debug)]
    #[serde(default)]
    pub struct Job {
        pub needs: Vec<String>,
    }

    #[derive(Deserialize, Validate, Debug)]
    #[validate(custom(needs_are_jobs, issues))]
    pub struct Service {
        #[nested]
        #[serde(default)]
        pub probe: Probe,
        #[serde(default)]
        pub jobs: BTreeMap<String, Job>,
    }

    fn needs_are_jobs(service: &Service, issues: &mut Issues<'_>) {
        for (name, job) in &service.jobs {
            for (index, need) in job.needs.iter().enumerate() {
                if !service.jobs.contains_key(need) {
                    issues
                        .field("jobs")
                        .key(name)
                        .field("needs")
                        .index(index)
                        .error(format!("no job named `{need}`"));
                }
            }
        }
    }
}

/// A group broken by too many keys points at the second one set; by none,
/// at the table that lacks them. Issues of a check of the whole struct
/// point at their own keys.
#[test]
fn container_rules_are_located() {
    let source = "[probe]\n\
                  exec = [\"true\"]\n\
                  httpGet = \"/healthz\"\n\
                  [jobs.build]\n\
                  needs = [\"test\", \"tset\"]\n\
                  [jobs.test]\n";
    let loaded = lowbit_core::toml::load::<container::Service>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("exactly_one", "probe.httpGet", 3, 11),
            ("custom", "jobs[\"build\"].needs[1]", 5, 18),
        ])
    );
    assert_eq!(pointed(source, &loaded.diagnostics()[1]), "\"tset\"");
    assert_eq!(
        loaded.diagnostics()[0].message(),
        "exec and httpGet are both set in probe; only one of exec, httpGet, tcpSocket may be set"
    );

    let source = "[probe]\n\n[jobs.build]\n";
    let loaded = lowbit_core::toml::load::<container::Service>(source);
    assert_eq!(summary(&loaded), owned(&[("exactly_one", "probe", 1, 1)]));
    assert_eq!(pointed(source, &loaded.diagnostics()[0]), "[probe]");

    // At the top of the document, the struct is the whole document.
    let source = "# a probe\n";
    let loaded = lowbit_core::toml::load::<container::Probe>(source);
    assert_eq!(summary(&loaded), owned(&[("exactly_one", "", 1, 1)]));
    assert!(!loaded.is_valid());
}
#[derive(Deserialize, Validate, Debug)]
struct Scrape {
    #[items(one_of("http", "https"))]
    schemes: Vec<String>,
    #[keys(length(max = 6))]
    #[items(range(min = 1))]
    jobs: BTreeMap<String, u32>,
}

/// A rule inside `items` is located at the item; one inside `keys` at the
/// key, not at the value under it.
#[test]
fn item_and_key_rules_point_at_the_item_and_the_key() {
    let source = "schemes = [\"http\", \"ftp\"]\n\n[jobs]\nnode = 0\nkubelets = 5\n";
    let loaded: Loaded<Scrape> = Options::new().load(source);
    assert!(!loaded.is_valid());
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("one_of", "schemes[1]", 1, 20),
            ("range", "jobs[\"node\"]", 4, 8),
            ("length", "jobs[\"kubelets\"]", 5, 1),
        ])
    );
    let pointed: Vec<&str> = loaded
        .diagnostics()
        .iter()
        .map(|diagnostic| pointed(source, diagnostic))
        .collect();
    assert_eq!(pointed, ["\"ftp\"", "0", "kubelets"]);
    assert_eq!(
        loaded.diagnostics()[2].message(),
        "key jobs[\"kubelets\"] must have a length of at most 6, not 8"
    );
}

/// A Cargo-like manifest that keeps one table and reads another only to
/// accept it (issue 13, item 3).
#[derive(Deserialize, Validate, Debug)]
struct Manifest {
    #[allow(dead_code)]
    package: Option<serde::de::IgnoredAny>,
    #[range(max = 3)]
    #[serde(default)]
    level: u8,
}

/// A field read as `IgnoredAny` is one the type declares: its key is
/// known, whatever its value is read as, and a typo beside it still is not.
#[test]
fn a_field_read_as_ignored_any_is_no_unknown_key() {
    let source = "level = 1\n[package]\nname = \"lowbit\"\n";
    let loaded = Options::new()
        .deny_unknown_keys(true)
        .load::<Manifest>(source);
    assert_eq!(loaded.diagnostics(), []);
    assert!(loaded.is_valid());
    let typo = Options::new().load::<Manifest>("levle = 1\n[package]\nname = \"lowbit\"\n");
    assert_eq!(summary(&typo), owned(&[("unknown_key", "levle", 1, 1)]));
    assert_eq!(typo.diagnostics()[0].help(), Some("did you mean `level`?"));
}

#[derive(Deserialize, Validate, Debug)]
struct Window {
    #[range(max = 8)]
    window: u32,
    #[range(max = 2, message = "{path} is {value}, too many")]
    stride: u32,
}

#[derive(Deserialize, Validate, Debug)]
struct Outer {
    #[nested]
    rho: Window,
}

/// Under `.table(..)`, a violation's message names the path the document
/// has, as its `path()` does (issue 13, item 8).
#[test]
fn messages_under_a_table_name_the_whole_path() {
    let source = "[model.rho]\nwindow = 9\nstride = 3\n";
    let loaded = Options::new().table("model").load::<Outer>(source);
    let messages: Vec<(&str, &str)> = loaded
        .diagnostics()
        .iter()
        .map(|d| (d.path(), d.message()))
        .collect();
    assert_eq!(
        messages,
        [
            (
                "model.rho.window",
                "model.rho.window must be at most 8, not 9"
            ),
            ("model.rho.stride", "model.rho.stride is 3, too many"),
        ]
    );
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

/// A bad value beside a bad required field of a nested table: each is
/// reported, in either order (issue 13, item 6).
#[test]
fn a_bad_value_beside_a_bad_required_nested_field_is_reported_too() {
    let source = "scale = \"two\"\nitem = { count = \"x\" }\n";
    let loaded = lowbit_core::toml::load::<Doc>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("invalid_type", "scale", 1, 9),
            ("invalid_type", "item.count", 2, 18),
        ])
    );
    let source = "item = { count = \"x\" }\nscale = \"two\"\n";
    let loaded = lowbit_core::toml::load::<Doc>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("invalid_type", "item.count", 1, 18),
            ("invalid_type", "scale", 2, 9),
        ])
    );
}

#[derive(Deserialize, Validate, Debug)]
struct Named {
    #[allow(dead_code)]
    name: String,
    #[allow(dead_code)]
    count: i64,
}

#[derive(Deserialize, Validate, Debug)]
struct Catalog {
    #[allow(dead_code)]
    item: Named,
    #[allow(dead_code)]
    scale: i64,
}

/// A field the document lacks, in a table an earlier pass cut a bad value
/// from, is no echo of that value: it is reported, and so is what follows.
/// (serde names the first missing field only: were `count` declared before
/// `name`, its echo would hide `name` until `count` is fixed.)
#[test]
fn a_missing_field_beside_a_cut_value_is_reported_with_the_rest() {
    let source = "item = { count = \"x\" }\nscale = \"two\"\n";
    let loaded = lowbit_core::toml::load::<Catalog>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("missing_field", "item", 1, 8),
            ("invalid_type", "item.count", 1, 18),
            ("invalid_type", "scale", 2, 9),
        ])
    );
    assert_eq!(loaded.diagnostics()[0].message(), "missing field `name`");
}

/// DeepSpeed's renamed keys: the file may still say `old_stage`.
#[derive(Deserialize, Validate, Debug)]
struct Staged {
    #[serde(alias = "old_stage", alias = "zero_stage")]
    #[range(max = 3)]
    stage: u8,
    #[serde(default = "nine")]
    #[range(max = 3)]
    level: u8,
    #[serde(default)]
    #[nested]
    model: StagedModel,
}

fn nine() -> u8 {
    9
}

#[derive(Deserialize, Validate, Debug, Default)]
struct StagedModel {
    #[serde(alias = "q", default)]
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
    for (source, value) in [
        ("old_stage = 7\nlevel = 1\n", "7"),
        ("zero_stage = 5\nlevel = 1\n", "5"),
    ] {
        let loaded = lowbit_core::toml::load::<Staged>(source);
        assert_eq!(
            summary(&loaded),
            owned(&[("range", "stage", 1, source.find(value).unwrap() + 1)])
        );
        let error = &loaded.diagnostics()[0];
        assert_eq!(pointed(source, error), value);
        assert_eq!(error.label(), None, "{source}");
        // The path and the message keep the serde name.
        assert!(error.message().starts_with("stage "), "{}", error.message());
    }
}

#[test]
fn a_value_given_under_its_serde_name_is_still_pointed_at() {
    let source = "level = 1\nstage = 7\n";
    let loaded = lowbit_core::toml::load::<Staged>(source);
    assert_eq!(summary(&loaded), owned(&[("range", "stage", 2, 9)]));
    assert_eq!(pointed(source, &loaded.diagnostics()[0]), "7");
}

#[test]
fn a_nested_field_given_under_an_alias_is_pointed_at() {
    let source = "stage = 1\nlevel = 1\n[model.quant]\nold_bits = 9\n";
    let loaded = lowbit_core::toml::load::<Staged>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("range", "model.quant.bits", 4, 12)])
    );
    assert_eq!(pointed(source, &loaded.diagnostics()[0]), "9");
    // The nested table itself under its alias, and its field under its own.
    let source = "stage = 1\nlevel = 1\n[model.q]\nold_bits = 9\n";
    let loaded = lowbit_core::toml::load::<Staged>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("range", "model.quant.bits", 4, 12)])
    );
    assert_eq!(pointed(source, &loaded.diagnostics()[0]), "9");
}

#[test]
fn an_alias_is_found_below_a_loaded_table() {
    let source = "[deepspeed]\nold_stage = 7\nlevel = 1\n";
    let loaded = Options::new().table("deepspeed").load::<Staged>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("range", "deepspeed.stage", 2, 13)])
    );
    let error = &loaded.diagnostics()[0];
    assert_eq!(pointed(source, error), "7");
    assert!(
        error.message().starts_with("deepspeed.stage "),
        "{}",
        error.message()
    );
}

/// Beside aliased fields, a field without one is located as before: an
/// absent one's default is blamed on the table that lacks it.
#[test]
fn a_field_without_aliases_is_located_as_before() {
    let source = "old_stage = 7\n";
    let loaded = lowbit_core::toml::load::<Staged>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("range", "level", 1, 1), ("range", "stage", 1, 13)])
    );
    assert_eq!(
        loaded.diagnostics()[0].label(),
        Some("no `level` in this table; its default applies")
    );
}

/// A type error under an alias is reported once, at the value, under the
/// field's serde name (as a broken rule is): not under the alias, and not
/// again as the field missing once the value is taken out.
#[test]
fn a_type_error_under_an_alias_is_reported_once_under_the_serde_name() {
    let source = "old_stage = \"x\"\nlevel = 1\n";
    let loaded = lowbit_core::toml::load::<Staged>(source);
    assert_eq!(summary(&loaded), owned(&[("invalid_type", "stage", 1, 13)]));
    assert_eq!(pointed(source, &loaded.diagnostics()[0]), "\"x\"");
    assert!(loaded.value().is_none());
    // A table given under its alias too, and a second bad value after it.
    let source = "stage = 1\nlevel = \"y\"\n[model.q]\nold_bits = \"x\"\n";
    let loaded = lowbit_core::toml::load::<Staged>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("invalid_type", "level", 2, 9),
            ("invalid_type", "model.quant.bits", 4, 12)
        ])
    );
    // A field the file lacks is still missing, beside them.
    let source = "level = \"y\"\n[model.q]\nold_bits = \"x\"\n";
    let loaded = lowbit_core::toml::load::<Staged>(source);
    let missing: Vec<&str> = (loaded.diagnostics().iter())
        .filter(|d| d.code() == "missing_field")
        .map(|d| d.message())
        .collect();
    assert_eq!(missing, ["missing field `stage`"]);
    assert_eq!(loaded.diagnostics().len(), 3);
}

#[path = "support/fidelity.rs"]
mod fidelity;

/// A type error in the parent of a flattened struct is named by its field
/// path, as in any struct (issue 13, item 2).
#[test]
fn a_flattening_parent_names_its_fields_by_path() {
    let source = "job_name = \"node\"\nscheme = 1\n";
    let loaded = lowbit_core::toml::load::<fidelity::Scrape>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "scheme", 2, 10)])
    );
    let source = "job_name = \"node\"\nscheme = \"ftp\"\n";
    let loaded = lowbit_core::toml::load::<fidelity::Scrape>(source);
    assert_eq!(summary(&loaded), owned(&[("one_of", "scheme", 2, 10)]));
}

/// serde reads a flattened struct from what it buffered of its parent's
/// table, and its errors come back without a position: each is located at
/// the value it is about, and each bad value is reported.
#[test]
fn type_errors_inside_a_flattened_struct_point_at_their_values() {
    let source = "[[scrape_configs]]\njob_name = \"node\"\n\
                  [[scrape_configs]]\njob_name = \"api\"\nfollow_redirects = \"yes\"\n\
                  timeout = \"10\"\n";
    let loaded = lowbit_core::toml::load::<fidelity::Prometheus>(source);
    assert!(loaded.value().is_none());
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("invalid_type", "scrape_configs[1].follow_redirects", 5, 20),
            ("invalid_type", "scrape_configs[1].timeout", 6, 11),
        ])
    );
    let [redirects, timeout] = loaded.diagnostics() else {
        unreachable!()
    };
    assert_eq!(pointed(source, redirects), "\"yes\"");
    assert_eq!(
        redirects.help(),
        Some("a boolean is written `true`, without quotes")
    );
    assert_eq!(pointed(source, timeout), "\"10\"");
}

/// A Kubernetes probe: the handler's keys beside the probe's own.
#[test]
fn a_flattened_handler_is_located_in_its_probe() {
    let source = "name = \"web\"\n[liveness_probe]\nperiod_seconds = 10\nport = \"80\"\n";
    let loaded = lowbit_core::toml::load::<fidelity::Container>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "liveness_probe.port", 4, 8)])
    );
    let source = "name = \"web\"\n[liveness_probe]\nperiod_seconds = \"10\"\nport = 80\n";
    let loaded = lowbit_core::toml::load::<fidelity::Container>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "liveness_probe.period_seconds", 3, 18)])
    );
    // Rules of the flattened struct point at its values too.
    let source = "name = \"web\"\n[liveness_probe]\nperiod_seconds = 0\nport = 0\n";
    let loaded = lowbit_core::toml::load::<fidelity::Container>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("range", "liveness_probe.period_seconds", 3, 18),
            ("range", "liveness_probe.port", 4, 8),
        ])
    );
}

/// A value nested in a flattened struct's table is found where it is.
#[test]
fn a_type_error_nested_in_a_flattened_table_is_located() {
    let source = "job_name = \"node\"\n[tls_config]\nca_file = 3\n";
    let loaded = lowbit_core::toml::load::<fidelity::Scrape>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "tls_config.ca_file", 3, 11)])
    );
}

/// A key neither the parent nor its flattened struct knows is unknown;
/// the flattened struct's own keys are not.
#[test]
fn keys_unknown_to_a_flattened_struct_are_reported() {
    let source = "job_name = \"node\"\nfollow_redirects = true\nproxy_ur = \"http://p\"\n";
    let loaded = lowbit_core::toml::load::<fidelity::Scrape>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_key", "proxy_ur", 3, 1)])
    );
    assert_eq!(loaded.diagnostics()[0].severity(), Severity::Warning);
    let denied = Options::new()
        .deny_unknown_keys(true)
        .load::<fidelity::Scrape>(source);
    assert!(!denied.is_valid());
    let valid = "job_name = \"node\"\nfollow_redirects = true\nproxy_url = \"http://p\"\n\
                 [tls_config]\nca_file = \"ca.pem\"\n";
    let loaded = Options::new()
        .deny_unknown_keys(true)
        .load::<fidelity::Scrape>(valid);
    assert_eq!(loaded.diagnostics(), []);
    // Every key is known to a flattened catch-all map.
    let open = "name = \"x\"\nanything = 1\n";
    let loaded = Options::new()
        .deny_unknown_keys(true)
        .load::<fidelity::Open>(open);
    assert_eq!(loaded.diagnostics(), []);
}

/// A struct with an internally tagged enum flattened into it, for
/// [`keys_unknown_to_a_flattened_tagged_enum_are_reported`].
#[derive(Deserialize, Validate, Debug)]
struct Retrying {
    name: String,
    #[serde(flatten)]
    #[nested]
    backoff: Backoff,
}

/// A key neither the struct nor the variant of the enum flattened into it
/// knows is unknown, the other variant's keys among them; the tag and the
/// variant's own keys are not.
#[test]
fn keys_unknown_to_a_flattened_tagged_enum_are_reported() {
    let source = "name = \"j\"\nkind = \"exponential\"\nbase = 2\ncap = 60\n\
                  delay = 5\nnmae = \"x\"\n";
    let loaded = lowbit_core::toml::load::<Retrying>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("unknown_key", "delay", 5, 1),
            ("unknown_key", "nmae", 6, 1)
        ])
    );
    assert!(loaded.is_valid());
    let denied = Options::new()
        .deny_unknown_keys(true)
        .load::<Retrying>(source);
    assert!(!denied.is_valid());
    let valid = "name = \"j\"\nkind = \"fixed\"\ndelay = 5\n";
    let loaded = Options::new()
        .deny_unknown_keys(true)
        .load::<Retrying>(valid);
    assert_eq!(loaded.diagnostics(), []);
    // A rule of the variant still points at its value.
    let loaded =
        lowbit_core::toml::load::<Retrying>("name = \"j\"\nkind = \"fixed\"\ndelay = 99\n");
    assert_eq!(summary(&loaded), owned(&[("range", "delay", 3, 9)]));
}

/// A typo inside an internally tagged variant is an unknown key, located
/// at the key; a type error there points at its value (issue 13, item 7).
#[test]
fn a_typo_inside_an_internally_tagged_variant_is_reported() {
    let source = "name = \"ci\"\n[[on]]\ntype = \"push\"\nbranchs = [\"main\"]\n\
                  [[on]]\ntype = \"schedule\"\ncron = \"0 0 * * *\"\n";
    let loaded = lowbit_core::toml::load::<fidelity::Workflow>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_key", "on[0].branchs", 4, 1)])
    );
    let typo = &loaded.diagnostics()[0];
    assert_eq!(typo.severity(), Severity::Warning);
    assert_eq!(typo.message(), "unknown key `branchs` in `on[0]`");
    assert!(loaded.is_valid());
    let denied = Options::new()
        .deny_unknown_keys(true)
        .load::<fidelity::Workflow>(source);
    assert!(!denied.is_valid());
    let fixed = source.replace("branchs", "branches");
    let loaded = Options::new()
        .deny_unknown_keys(true)
        .load::<fidelity::Workflow>(&fixed);
    assert_eq!(loaded.diagnostics(), []);
    let source = "name = \"ci\"\n[[on]]\ntype = \"push\"\ntags = \"v1\"\n";
    let loaded = lowbit_core::toml::load::<fidelity::Workflow>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "on[0].tags", 4, 8)])
    );
}

/// The rest of the serde attributes real configs use (issue 13, "also
/// cover"): what `validate()` sees, what the path says, where the loader
/// points.
mod attrs {
    use std::borrow::Cow;

    use lowbit_core::Validate;
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer};

    /// A share of 100, checked by `TryFrom` as serde reads it.
    #[derive(Deserialize, Debug, Clone, Copy)]
    #[serde(try_from = "u32")]
    pub struct Percent(#[allow(dead_code)] pub u32);

    impl TryFrom<u32> for Percent {
        type Error = String;
        fn try_from(value: u32) -> Result<Self, String> {
            if value <= 100 {
                Ok(Percent(value))
            } else {
                Err(format!("{value} is more than 100%"))
            }
        }
    }

    /// A newtype serde reads as its one field.
    #[derive(Deserialize, Debug, Clone, Copy)]
    #[serde(transparent)]
    pub struct Port(#[allow(dead_code)] pub u16);

    pub fn even<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
        let value = u32::deserialize(deserializer)?;
        if value % 2 == 0 {
            Ok(value)
        } else {
            Err(D::Error::custom(format!("{value} is odd")))
        }
    }

    #[derive(Deserialize, Validate, Debug, Default, PartialEq)]
    #[serde(rename_all = "snake_case")]
    pub enum Mode {
        #[default]
        Off,
        Fast,
        #[serde(other)]
        Other,
    }

    #[derive(Deserialize, Validate, Debug)]
    pub struct Tuned {
        pub share: Percent,
        pub port: Port,
        #[serde(deserialize_with = "even")]
        pub batch: u32,
        #[serde(default)]
        #[none_of("other")]
        pub mode: Mode,
        #[serde(default)]
        #[range(max = 5)]
        pub retries: Option<Option<u8>>,
    }

    /// A struct that borrows its strings from the document.
    #[derive(Deserialize, Validate, Debug)]
    pub struct Borrowed<'a> {
        #[serde(borrow)]
        #[length(max = 4)]
        pub name: Cow<'a, str>,
    }
}

/// `try_from`, `transparent`, `deserialize_with`: an error the type
/// raises once serde has read the value (a conversion, a check) is placed
/// at that value, under its field's path, as serde's own are.
#[test]
fn errors_raised_after_reading_a_value_are_located_at_it() {
    let source = "share = 120
port = 70000
batch = 3
";
    let loaded = lowbit_core::toml::load::<attrs::Tuned>(source);
    assert!(loaded.value().is_none());
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("deserialize", "share", 1, 9),
            ("invalid_value", "port", 2, 8),
            ("deserialize", "batch", 3, 9),
        ])
    );
    let messages: Vec<&str> = loaded
        .diagnostics()
        .iter()
        .map(Diagnostic::message)
        .collect();
    assert_eq!(
        messages,
        [
            "120 is more than 100%",
            "invalid value: integer `70000`, expected u16",
            "3 is odd"
        ]
    );
}

/// An untagged enum, for [`a_value_no_variant_matches_is_located_at_itself`].
#[derive(Deserialize, Validate, Debug)]
#[serde(untagged)]
enum Step {
    Run { run: String },
    Call { uses: String },
}

/// Items of arrays whose type fails them once read.
#[derive(Deserialize, Validate, Debug)]
struct Pipeline {
    shares: Vec<attrs::Percent>,
    #[nested]
    steps: Vec<Step>,
}

/// An error a type raises once its value is read (an untagged enum that no
/// variant matched, a `TryFrom` conversion) is at that value even when it
/// is an array's item, which the `toml` crate places at the whole array.
#[test]
fn a_value_no_variant_matches_is_located_at_itself() {
    let source = "shares = [1, 120]\n\n[[steps]]\nrun = \"make\"\n\n[[steps]]\nuses = 3\n";
    let loaded = lowbit_core::toml::load::<Pipeline>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("deserialize", "shares[1]", 1, 14),
            ("deserialize", "steps[1]", 6, 1),
        ])
    );
    assert_eq!(pointed(source, &loaded.diagnostics()[0]), "120");
    assert_eq!(
        loaded.diagnostics()[1].message(),
        "data did not match any variant of untagged enum Step"
    );
    // The whole document, when it is the enum.
    let loaded = lowbit_core::toml::load::<Step>("uses = 3\n");
    assert_eq!(summary(&loaded), owned(&[("deserialize", "", 1, 1)]));
    // Each variant still reads.
    let source = "shares = [1]\n[[steps]]\nrun = \"make\"\n[[steps]]\nuses = \"ci\"\n";
    let loaded = lowbit_core::toml::load::<Pipeline>(source);
    assert_eq!(loaded.diagnostics(), []);
    let steps: Vec<&str> = (loaded.value().expect("a value").steps.iter())
        .map(|step| match step {
            Step::Run { run } => run.as_str(),
            Step::Call { uses } => uses.as_str(),
        })
        .collect();
    assert_eq!(steps, ["make", "ci"]);
}

/// `#[serde(other)]` takes any name the enum lacks: no error, and
/// `validate()` sees the catch-all variant, whose serde name the message
/// gives (`other`), while the loader points at the name the file has.
/// `Option<Option<T>>`: TOML has no null, so a key given is `Some(Some(_))`,
/// and its rules apply to the inner value; one left out is `None`.
#[test]
fn other_variants_and_double_options_are_validated_as_serde_reads_them() {
    let source = "share = 12
port = 70
batch = 4
mode = \"turbo\"\nretries = 9\n";
    let loaded = lowbit_core::toml::load::<attrs::Tuned>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("none_of", "mode", 4, 8), ("range", "retries", 5, 11)])
    );
    let [mode, retries] = loaded.diagnostics() else {
        unreachable!()
    };
    assert_eq!(pointed(source, mode), "\"turbo\"");
    assert_eq!(mode.message(), "mode must not be \"other\"");
    assert_eq!(retries.message(), "retries must be at most 5, not 9");
    let tuned = loaded.value().expect("a value");
    assert_eq!(tuned.mode, attrs::Mode::Other);
    assert_eq!(tuned.retries, Some(Some(9)));
    let left_out = lowbit_core::toml::load::<attrs::Tuned>("share = 1\nport = 1\nbatch = 2\n");
    assert!(left_out.is_valid());
    assert_eq!(left_out.value().expect("a value").retries, None);
}

/// `#[serde(borrow)]`: the loader lends the document, so a field may
/// borrow from it, and is validated and located as any other.
#[test]
fn a_field_borrowed_from_the_document_is_validated_in_place() {
    let source = "name = \"lowbit\"\n";
    let loaded = lowbit_core::toml::load::<attrs::Borrowed>(source);
    assert_eq!(summary(&loaded), owned(&[("length", "name", 1, 8)]));
    let borrowed = loaded.value().expect("a value");
    assert!(matches!(
        borrowed.name,
        std::borrow::Cow::Borrowed("lowbit")
    ));
}

/// `#[serde(default = "path")]`: a key left out takes the function's
/// value, which is what `validate()` sees; the loader says so at the table.
#[test]
fn a_default_function_value_is_validated_and_said_to_apply() {
    let source = "[deepspeed]\nstage = 1\n";
    let loaded = Options::new().table("deepspeed").load::<Staged>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("range", "deepspeed.level", 1, 1)])
    );
    let level = &loaded.diagnostics()[0];
    assert_eq!(level.message(), "deepspeed.level must be at most 3, not 9");
    assert_eq!(
        level.label(),
        Some("no `level` in this table; its default applies")
    );
    assert_eq!(loaded.value().expect("a value").level, 9);
}

/// Tables of one type are asked about once: a long list of scrape configs
/// (or of tagged triggers) costs a read per distinct key, not per table, and
/// a typo deep in it is still found.
#[test]
fn a_typo_in_a_long_list_of_flattened_tables_is_found() {
    let mut source = String::new();
    for index in 0..40 {
        source += &format!(
            "[[scrape_configs]]\njob_name = \"j{index}\"\nfollow_redirects = true\ntimeout = 5\n"
        );
        if index == 30 {
            source += "proxy_ur = \"http://p\"\n";
        }
    }
    let loaded = lowbit_core::toml::load::<fidelity::Prometheus>(&source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_key", "scrape_configs[30].proxy_ur", 125, 1)])
    );
    let mut source = "name = \"ci\"\n".to_owned();
    for index in 0..40 {
        source += if index % 2 == 0 {
            "[[on]]\ntype = \"push\"\nbranches = [\"main\"]\n"
        } else {
            "[[on]]\ntype = \"schedule\"\ncron = \"0 0 * * *\"\n"
        };
    }
    // A key one variant knows is unknown to the other.
    source += "[[on]]\ntype = \"schedule\"\nbranches = [\"main\"]\ncron = \"1 1 * * *\"\n";
    let loaded = lowbit_core::toml::load::<fidelity::Workflow>(&source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_key", "on[40].branches", 124, 1)])
    );
}

/// Externally tagged, for [`keys_a_variant_lacks_are_unknown_keys`].
#[derive(Deserialize, Validate, Debug)]
#[serde(rename_all = "snake_case")]
enum Storage {
    Disk { path: String },
}

#[test]
fn keys_a_variant_lacks_are_unknown_keys() {
    // The toml crate refuses them itself, so the document gives no value.
    let source = "[disk]\npath = \"/a\"\npaht = \"/b\"\nsize = 3\n";
    let loaded: Loaded<Storage> = lowbit_core::toml::load(source);
    assert!(loaded.value().is_none());
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("unknown_key", "disk.paht", 3, 1),
            ("unknown_key", "disk.size", 4, 1),
        ])
    );
    let diagnostics = loaded.diagnostics();
    assert!(diagnostics.iter().all(|d| d.severity() == Severity::Error));
    assert_eq!(diagnostics[0].message(), "unknown key `paht` in `disk`");
    assert_eq!(diagnostics[0].help(), Some("did you mean `path`?"));
    assert_eq!(diagnostics[1].help(), Some("the keys here are `path`"));
    let loaded: Loaded<Storage> = lowbit_core::toml::load("[disk]\npath = \"/a\"\n");
    let Some(Storage::Disk { path }) = loaded.value() else {
        panic!("no value: {:?}", loaded.diagnostics());
    };
    assert_eq!(path, "/a");
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

/// `Option` reads the tagged table through a wrapper of its own: a type
/// error in the variant is still at the value, not at the option's table.
#[test]
fn a_type_error_in_a_tagged_variant_behind_option_is_at_its_value() {
    let source = "[retry]\nkind = \"exponential\"\nbase = 2\ncap = \"ten\"\n";
    let loaded = lowbit_core::toml::load::<Job>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "retry.cap", 4, 7)])
    );
    assert_eq!(pointed(source, &loaded.diagnostics()[0]), "\"ten\"");
    // A field the variant lacks is the option's table's.
    let loaded = lowbit_core::toml::load::<Job>("[retry]\nkind = \"fixed\"\n");
    assert_eq!(summary(&loaded), owned(&[("missing_field", "retry", 1, 1)]));
    let loaded = lowbit_core::toml::load::<Job>("[retry]\nkind = \"fixed\"\ndelay = 3\n");
    assert!(loaded.is_valid());
}

/// Adjacently tagged, for
/// [`a_typo_inside_an_adjacently_tagged_variant_is_reported`].
#[derive(Deserialize, Validate, Debug)]
#[serde(tag = "kind", content = "spec", rename_all = "snake_case")]
enum Volume {
    Disk {
        #[range(max = 100)]
        size: u32,
    },
    Url {
        #[url]
        url: String,
    },
}

/// A typo in an adjacently tagged variant's content, after its tag, is an
/// unknown key named by its field path (issue 13, item 7).
#[test]
fn a_typo_inside_an_adjacently_tagged_variant_is_reported() {
    let source = "kind = \"disk\"\n[spec]\nsize = 3\nsise = 4\n";
    let loaded = lowbit_core::toml::load::<Volume>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_key", "spec.sise", 4, 1)])
    );
    assert_eq!(
        loaded.diagnostics()[0].message(),
        "unknown key `sise` in `spec`"
    );
    assert!(loaded.is_valid());
    let denied = Options::new()
        .deny_unknown_keys(true)
        .load::<Volume>(source);
    assert!(!denied.is_valid());
    // A rule in the content is still located, beside it.
    let loaded = lowbit_core::toml::load::<Volume>("kind = \"disk\"\nspec = { size = 300 }\n");
    assert_eq!(summary(&loaded), owned(&[("range", "spec.size", 2, 17)]));
}

/// Adjacently tagged with a content key (`params`) that sorts before its
/// tag (`type`), as TOML's tables are read: for
/// [`a_content_read_before_its_tag_is_watched_as_any_value`].
#[derive(Deserialize, Validate, Debug)]
#[serde(tag = "type", content = "params", rename_all = "snake_case")]
enum Optimizer {
    Adamw {
        #[range(max = 1.0)]
        lr: f64,
        #[serde(default)]
        betas: Vec<f64>,
    },
    Sgd {
        lr: f64,
    },
}

/// serde would buffer the content and read the variant from its buffer:
/// the loader holds it until the tag is read, so that a typo in it is an
/// unknown key and each error is located at its value (issue 13).
#[test]
fn a_content_read_before_its_tag_is_watched_as_any_value() {
    let source = "type = \"adamw\"\n[params]\nlr = 0.1\nbteas = [0.9]\n";
    let loaded = lowbit_core::toml::load::<Optimizer>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_key", "params.bteas", 4, 1)])
    );
    assert_eq!(
        loaded.diagnostics()[0].message(),
        "unknown key `bteas` in `params`"
    );
    assert!(loaded.is_valid());
    let denied = Options::new()
        .deny_unknown_keys(true)
        .load::<Optimizer>(source);
    assert!(!denied.is_valid());
    // A rule and a type error inside the content, at their values.
    let source = "type = \"adamw\"\n[params]\nlr = 5.0\nbetas = [0.9, \"x\"]\n";
    let loaded = lowbit_core::toml::load::<Optimizer>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "params.betas[1]", 4, 15)])
    );
    let loaded = lowbit_core::toml::load::<Optimizer>("type = \"adamw\"\nparams = { lr = 5.0 }\n");
    assert_eq!(summary(&loaded), owned(&[("range", "params.lr", 2, 17)]));
    // A missing field of the content is the content's table's; a missing
    // tag, the enum's; an unknown variant, the tag's value.
    let loaded = lowbit_core::toml::load::<Optimizer>("type = \"adamw\"\n[params]\nbetas = []\n");
    assert_eq!(
        summary(&loaded),
        owned(&[("missing_field", "params", 2, 1)])
    );
    let loaded = lowbit_core::toml::load::<Optimizer>("[params]\nlr = 0.1\n");
    assert_eq!(loaded.diagnostics()[0].message(), "missing field `type`");
    assert_eq!(loaded.diagnostics()[0].path(), "");
    let loaded = lowbit_core::toml::load::<Optimizer>("type = \"adam\"\n[params]\nlr = 0.1\n");
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_variant", "type", 1, 8)])
    );
    // And the value is read whole.
    let loaded = lowbit_core::toml::load::<Optimizer>("type = \"sgd\"\n[params]\nlr = 0.5\n");
    assert_eq!(loaded.diagnostics(), []);
    assert!(matches!(loaded.value(), Some(Optimizer::Sgd { lr }) if *lr == 0.5));
}
