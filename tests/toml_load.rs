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
