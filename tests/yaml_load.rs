//! Loading YAML documents with `lowbit_core::yaml`: the guarantees of the
//! TOML loader, on YAML as people write it (block and flow collections,
//! comments, anchors and aliases, block scalars, a `---` marker).

use std::collections::BTreeMap;

use bitnet_config::ModelConfig;
use lowbit_core::Validate;
use lowbit_core::diagnostic::{Diagnostic, Severity};
use lowbit_core::yaml::{Loaded, Options};
use serde::Deserialize;

#[path = "support/located.rs"]
mod located;
use located::{owned, pointed, summary};

/// Loads `source`'s `model` mapping as the port's `ModelConfig`.
fn model(source: &str) -> Loaded<ModelConfig> {
    Options::new().table("model").load(source)
}

#[test]
fn a_valid_document_with_anchors_and_block_scalars_loads() {
    let loaded = model(include_str!("../examples/configs/good.yaml"));
    assert!(loaded.is_valid() && loaded.is_parsed());
    assert_eq!(loaded.diagnostics(), []);
    let value = loaded.into_value().expect("a value");
    assert!(value.quant.enable);
    assert_eq!(value.quant.target_modules.len(), 2);
}

#[test]
fn every_rule_violation_is_located_at_its_value() {
    let source = include_str!("../examples/configs/broken.yaml");
    let loaded = model(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("none_of", "model.quant.protocol", 5, 15),
            ("one_of", "model.quant.act_grouping", 6, 19),
            ("only_if", "model.quant.act_format", 7, 17),
            ("requires", "model.quant.saved_activations.mode", 12, 13),
            ("one_of", "model.quant.saved_activations.format", 13, 15),
            ("conflicts_with", "model.rho.precision", 15, 16),
            ("one_of", "model.rho.precision", 15, 16),
            ("one_of", "model.rho.compression", 16, 18),
        ])
    );
    assert_eq!(pointed(source, &loaded.diagnostics()[0]), "none");
    let report = loaded.value().expect("a value").validate().unwrap_err();
    assert_eq!(report.len(), loaded.diagnostics().len());
}

#[test]
fn values_of_the_wrong_type_are_each_located_with_help() {
    let source = include_str!("../examples/configs/wrong-type.yaml");
    let loaded = model(source);
    assert!(loaded.value().is_none());
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("invalid_type", "model.quant.enable", 4, 13),
            ("invalid_type", "model.quant.target_modules", 6, 21),
            ("unknown_variant", "model.rho.precision", 8, 16),
            ("invalid_type", "model.rho.stats_monitoring", 9, 23),
        ])
    );
    let [enable, modules, variant, _] = loaded.diagnostics() else {
        panic!()
    };
    assert_eq!(
        enable.help(),
        Some("a boolean is written `true`, without quotes")
    );
    assert_eq!(modules.help(), Some("a list of one is written `[encoder]`"));
    assert_eq!(variant.help(), None);
    // `yes` is a string in YAML 1.2, so it is a type error too.
    let loaded = model("model:\n  quant:\n    enable: yes\n");
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "model.quant.enable", 3, 13)])
    );
}

#[test]
fn unknown_keys_are_warnings_at_the_key_or_errors_when_denied() {
    let source = include_str!("../examples/configs/typo.yml");
    let loaded = model(source);
    assert!(loaded.is_valid());
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("unknown_key", "model.quant.enabel", 5, 5),
            ("unknown_key", "model.rho.compresion_interval", 7, 9),
        ])
    );
    let typo = &loaded.diagnostics()[0];
    assert_eq!(typo.severity(), Severity::Warning);
    assert_eq!(pointed(source, typo), "enabel");
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
fn an_unknown_variant_suggests_the_closest_name_even_through_an_alias() {
    let source = "\
---
defaults: &compression int8_blok_exp
model:
  rho:
    compression: *compression
";
    let loaded = model(source);
    let [typo] = loaded.diagnostics() else {
        panic!("{:#?}", loaded.diagnostics())
    };
    assert_eq!(
        (typo.code(), typo.path()),
        ("unknown_variant", "model.rho.compression")
    );
    // Located where the value is used: at the alias.
    assert_eq!((typo.line(), typo.column()), (5, 18));
    assert_eq!(pointed(source, typo), "*compression");
    assert_eq!(typo.help(), Some("did you mean `int8_block_exp`?"));
}

#[test]
fn a_missing_mapping_gets_the_defaults_and_a_warning() {
    for source in ["", "# only a comment\n", "---\n", "data: {}\n"] {
        let loaded = model(source);
        assert!(loaded.is_valid(), "{source:?}");
        assert_eq!(loaded.value(), Some(&ModelConfig::default()));
        assert_eq!(loaded.diagnostics()[0].code(), "missing_table");
        assert_eq!(
            loaded.diagnostics()[0].message(),
            "no `model` mapping; the defaults apply"
        );
    }
}

#[test]
fn a_rule_about_a_left_out_field_points_at_the_mapping_that_would_hold_it() {
    let source = "model:\n  quant:\n    enable: true\n    protocol: bitnet_b158\n    strict_bitnet_reference: true\n";
    let loaded = model(source);
    let [error] = loaded.diagnostics() else {
        panic!("{:#?}", loaded.diagnostics())
    };
    assert_eq!(
        (error.code(), error.path(), error.line(), error.column()),
        ("required_if", "model.quant.target_modules", 3, 5)
    );
    assert_eq!(
        error.label(),
        Some("no `target_modules` in this mapping; its default applies")
    );
}

#[test]
fn syntax_errors_are_located_and_the_document_is_not_yaml() {
    let source = include_str!("../examples/configs/not-yaml.yaml");
    let loaded = model(source);
    assert!(!loaded.is_parsed() && !loaded.is_valid());
    assert_eq!(summary(&loaded), owned(&[("syntax", "", 5, 11)]));
    // One document per file.
    let loaded = model("model: {}\n---\nmodel: {}\n");
    assert_eq!(summary(&loaded), owned(&[("syntax", "", 2, 1)]));
    // Tabs may not indent.
    let loaded = model("model:\n\tquant: {}\n");
    assert!(!loaded.is_parsed());
}

#[test]
fn flow_collections_block_scalars_tabs_and_comments_are_read() {
    let source = "\
# comments anywhere
model:   # here too
  quant: {enable: true, protocol: bitnet_b158,
          target_modules: [encoder, 'decoder_y']}
  rho:
    precision: \tbf16\t# a tab separates, as a space does
notes: >
  folded text
  over lines
";
    let loaded = model(source);
    assert!(loaded.is_valid(), "{:#?}", loaded.diagnostics());
    assert_eq!(
        loaded.value().expect("a value").quant.target_modules.len(),
        2
    );
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
fn paths_into_maps_and_sequences_are_located() {
    let source = "\
name: p
layers:
  enc: {bits: 12}
sections:
  - bits: 4
  - bits: 0
    bitz: 3
";
    let loaded = lowbit_core::yaml::load::<plan::Plan>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("range", "layers[\"enc\"].bits", 3, 15),
            ("range", "sections[1].bits", 6, 11),
            ("unknown_key", "sections[1].bitz", 7, 5),
        ])
    );
    let loaded = lowbit_core::yaml::load::<plan::Plan>("sections: []\n");
    assert_eq!(summary(&loaded), owned(&[("missing_field", "", 1, 1)]));
    let loaded = lowbit_core::yaml::load::<plan::Plan>("name: p\nsections: [[3]]\n");
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "sections[0]", 2, 12)])
    );
}

#[test]
fn every_unreadable_value_is_reported() {
    let source = "model:\n  quant:\n    enable: 1\n    protocol: 2\n    target_modules: 3\n";
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
fn an_alias_bomb_is_an_error_not_exhausted_memory() {
    let mut source = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (previous, name) in ('a'..'i').zip('b'..'j') {
        let refs = vec![format!("*{previous}"); 10].join(", ");
        source.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let loaded = model(&source);
    assert!(!loaded.is_parsed());
    assert!(
        loaded.diagnostics()[0]
            .message()
            .contains("aliases add more than")
    );
}

/// Every bundled YAML config, cut short at every character and with bytes
/// replaced at many places: whatever the damage, loading reports it, and
/// every diagnostic points inside the source and renders.
#[test]
fn damaged_documents_are_reported_never_panicked_on() {
    let configs = [
        include_str!("../examples/configs/good.yaml"),
        include_str!("../examples/configs/broken.yaml"),
        include_str!("../examples/configs/typo.yml"),
        include_str!("../examples/configs/wrong-type.yaml"),
    ];
    let mut documents = Vec::new();
    for config in configs {
        documents.extend(config.char_indices().map(|(at, _)| config[..at].to_owned()));
        for (n, at) in (0..config.len()).step_by(3).enumerate() {
            let token = [":", "-", "[", "{", "&", "*", "\t", "'", "|", "é", "\n"][n % 11];
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
            let text = diagnostic.render("cut.yaml", source, false);
            let at = format!("cut.yaml:{}:{}", diagnostic.line(), diagnostic.column());
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
        .load::<Manifest>("level: 1\npackage:\n  name: lowbit\n");
    assert_eq!(loaded.diagnostics(), []);
    assert!(loaded.is_valid());
    let typo = Options::new().load::<Manifest>("levle: 1\npackage:\n  name: lowbit\n");
    assert_eq!(summary(&typo), owned(&[("unknown_key", "levle", 1, 1)]));
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
        .load::<Outer>("model:\n  rho:\n    window: 9\n");
    let [error] = loaded.diagnostics() else {
        panic!("one diagnostic expected: {:#?}", loaded.diagnostics());
    };
    assert_eq!(error.path(), "model.rho.window");
    assert_eq!(error.message(), "model.rho.window must be at most 8, not 9");
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
    let source = "old_stage: 7\nquant:\n  old_bits: 9\n";
    let loaded = lowbit_core::yaml::load::<Staged>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("range", "stage", 1, 12), ("range", "quant.bits", 3, 13)])
    );
    assert!(loaded.diagnostics().iter().all(|d| d.label().is_none()));
    let values: Vec<&str> = loaded
        .diagnostics()
        .iter()
        .map(|d| pointed(source, d))
        .collect();
    assert_eq!(values, ["7", "9"]);
    // Under the serde names, as before.
    let source = "stage: 7\nquant: {bits: 9}\n";
    let loaded = lowbit_core::yaml::load::<Staged>(source);
    let values: Vec<&str> = loaded
        .diagnostics()
        .iter()
        .map(|d| pointed(source, d))
        .collect();
    assert_eq!(values, ["7", "9"]);
}

#[path = "support/fidelity.rs"]
mod fidelity;

use fidelity::{Net, Scaled, TaggedScale};

/// A flattened struct's errors, which serde returns without a position,
/// are located at their values; its parent's keys are fields; a key
/// neither knows is unknown (issue 13, item 2).
#[test]
fn a_flattened_struct_is_located_in_its_parents_mapping() {
    let source = "name: web\nliveness_probe:\n  period_seconds: \"10\"\n  port: \"80\"\n";
    let loaded = lowbit_core::yaml::load::<fidelity::Container>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("invalid_type", "liveness_probe.period_seconds", 3, 19),
            ("invalid_type", "liveness_probe.port", 4, 9),
        ])
    );
    let source =
        "name: web\nliveness_probe:\n  period_seconds: 0\n  port: 8080\n  paht: /healthz\n";
    let loaded = lowbit_core::yaml::load::<fidelity::Container>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("range", "liveness_probe.period_seconds", 3, 19),
            ("unknown_key", "liveness_probe.paht", 5, 3),
        ])
    );
    assert_eq!(
        loaded.diagnostics()[1].message(),
        "unknown key `paht` in `liveness_probe`"
    );
    let source =
        "name: web\nliveness_probe:\n  period_seconds: 5\n  port: 8080\n  path: /healthz\n";
    let loaded = Options::new()
        .deny_unknown_keys(true)
        .load::<fidelity::Container>(source);
    assert_eq!(loaded.diagnostics(), []);
}

/// A typo inside an internally tagged variant is an unknown key; a type
/// error there points at its value (issue 13, item 7).
#[test]
fn a_typo_inside_an_internally_tagged_variant_is_reported() {
    let source =
        "name: ci\non:\n  - type: push\n    branchs: [main]\n  - type: schedule\n    cron: 5\n";
    let loaded = lowbit_core::yaml::load::<fidelity::Workflow>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "on[1].cron", 6, 11)])
    );
    let source = source.replace("cron: 5", "cron: '0 0 * * *'");
    let loaded = lowbit_core::yaml::load::<fidelity::Workflow>(&source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_key", "on[0].branchs", 4, 5)])
    );
    assert_eq!(loaded.diagnostics()[0].severity(), Severity::Warning);
}

/// Compose's `build`, for [`a_typo_inside_an_untagged_variant_is_reported`].
#[derive(Deserialize, Validate, Debug)]
struct Service {
    #[nested]
    build: Option<Build>,
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
#[test]
fn a_typo_inside_an_untagged_variant_is_reported() {
    let source = "build:\n  context: .\n  dockerfil: D\n";
    let loaded: Loaded<Service> = lowbit_core::yaml::load(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_key", "build.dockerfil", 3, 3)])
    );
    assert_eq!(
        loaded.diagnostics()[0].help(),
        Some("did you mean `dockerfile`?")
    );
    let read = match &loaded.value().expect("a value").build {
        Some(Build::Config {
            context,
            dockerfile,
        }) => (context.as_deref(), dockerfile.as_deref()),
        _ => (None, None),
    };
    assert_eq!(read, (Some("."), None));
    let denied: Loaded<Service> = Options::new().deny_unknown_keys(true).load(source);
    assert_eq!(denied.diagnostics()[0].severity(), Severity::Error);
    assert!(!denied.is_valid());
    let loaded: Loaded<Service> = lowbit_core::yaml::load("build: .\n");
    assert_eq!(loaded.diagnostics(), []);
    assert!(matches!(
        &loaded.value().expect("a value").build,
        Some(Build::Context(context)) if context == "."
    ));
}

/// serde buffers the tables of internally tagged, untagged and flattened
/// types, and keeps each key there as the format hands it: a YAML plain
/// scalar key is what the core schema makes of it (`12:` an integer), as
/// `serde_yaml` reads it, so a map with integer keys inside loads, its
/// values validated and located. A quoted key is a string, refused there
/// by such a map, as `serde_yaml` refuses it.
#[test]
fn integer_map_keys_in_buffered_content_load_as_serde_yaml_reads_them() {
    let source = "layers:
  kind: Sparse
  widths: {0: {bits: 4}, 12: {bits: 9}}
  offsets:
    -3: {bits: 2}
spec:
  by_layer: {7: {bits: 10}}
by_layer: {1: {bits: 1}, 2: {bits: 11}}
";
    let expected: Net = serde_yaml_ng::from_str(source).expect("serde_yaml reads it");
    let loaded = lowbit_core::yaml::load::<Net>(source);
    assert_eq!(loaded.value(), Some(&expected));
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("range", "layers.widths[\"12\"].bits", 3, 37),
            ("range", "spec.by_layer[\"7\"].bits", 7, 24),
            ("range", "by_layer[\"2\"].bits", 8, 36),
        ])
    );
    let values: Vec<&str> = (loaded.diagnostics().iter())
        .map(|d| pointed(source, d))
        .collect();
    assert_eq!(values, ["9", "10", "11"]);
    // Quoted, a key is a string: refused at the key, as serde_yaml does.
    let quoted = source.replace("12:", "\"12\":");
    assert!(serde_yaml_ng::from_str::<Net>(&quoted).is_err());
    let loaded = lowbit_core::yaml::load::<Net>(&quoted);
    assert!(loaded.value().is_none());
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "layers.widths[\"12\"]", 3, 26)])
    );
    assert_eq!(pointed(&quoted, &loaded.diagnostics()[0]), "\"12\"");
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
            "count: 1\nperiod: x\n",
            &[
                ("missing_field", "", 1, 1),
                ("invalid_type", "period", 2, 9),
            ][..],
        ),
        (
            "period: x\nscale: two\ncount: 1\n",
            &[
                ("invalid_type", "period", 1, 9),
                ("invalid_type", "scale", 2, 8),
            ],
        ),
        (
            "scale: two\nperiod: 1\n",
            &[("missing_field", "", 1, 1), ("invalid_type", "scale", 1, 8)],
        ),
    ] {
        let loaded = Options::new().load::<Scaled>(source);
        assert_eq!(summary(&loaded), owned(expected), "{source}");
        assert!(loaded.value().is_none());
    }
    let source = "kind: every\ncount: 1\nperiod: x\n";
    let loaded = Options::new().load::<TaggedScale>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("missing_field", "", 1, 1),
            ("invalid_type", "period", 3, 9)
        ])
    );
    assert_eq!(loaded.diagnostics()[0].message(), "missing field `scale`");
    let source = "one:\n  count: 1\n  period: x\nitems:\n\
                  - kind: every\n  count: 1\n  period: y\n\
                  - scale: two\n  kind: every\n  count: 1\n  period: z\n";
    let loaded = Options::new().load::<Scales>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("missing_field", "one", 2, 3),
            ("invalid_type", "one.period", 3, 11),
            ("missing_field", "items[0]", 5, 3),
            ("invalid_type", "items[0].period", 7, 11),
            ("invalid_type", "items[1].scale", 8, 10),
            ("invalid_type", "items[1].period", 11, 11),
        ])
    );
    let values: Vec<&str> = (loaded.diagnostics().iter())
        .filter(|d| d.code() == "invalid_type")
        .map(|d| pointed(source, d))
        .collect();
    assert_eq!(values, ["x", "y", "two", "z"]);
}
