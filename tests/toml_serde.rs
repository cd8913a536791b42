//! Loading TOML documents whose types use serde's attributes beyond
//! `rename` and `default` (aliases, `flatten`, tagged and untagged enums,
//! `borrow`, `default = "path"`, `try_from`): every problem
//! located at the bytes that hold it, under the path serde gives it
//! (issue 13). The rest of TOML loading is in `toml_load.rs`.

use lowbit_core::Validate;
use lowbit_core::diagnostic::{Diagnostic, Severity};
use lowbit_core::toml::{Loaded, Options};
use serde::Deserialize;

#[path = "support/located.rs"]
mod located;
use located::{owned, pointed, summary};

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

use fidelity::{Counted, Scaled, TaggedScale};

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
        #[serde(alias = "quick")]
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
        #[serde(default)]
        #[none_of("fast")]
        pub speed: Mode,
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
/// `validate()` sees the catch-all variant. The loader points at the name
/// the file has and says it (`"turbo"`), as it does a variant's alias;
/// `validate()`, which never saw the file, can only give the catch-all's
/// serde name (`other`).
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
    assert_eq!(mode.message(), "mode must not be \"turbo\"");
    assert_eq!(retries.message(), "retries must be at most 5, not 9");
    let tuned = loaded.value().expect("a value");
    assert_eq!(tuned.mode, attrs::Mode::Other);
    assert_eq!(tuned.retries, Some(Some(9)));
    let report = tuned.validate().unwrap_err();
    assert_eq!(
        report.violations()[0].to_string(),
        "mode must not be \"other\""
    );
    // Below a loaded table, the path keeps its prefix.
    let nested = format!("[tool]\n{source}");
    let loaded = Options::new().table("tool").load::<attrs::Tuned>(&nested);
    assert_eq!(
        loaded.diagnostics()[0].message(),
        "tool.mode must not be \"turbo\""
    );
    // A variant given under its alias is named as the file names it; under
    // its serde name, as before.
    for (speed, said) in [("quick", "\"quick\""), ("fast", "\"fast\"")] {
        let source = format!("share = 1\nport = 1\nbatch = 2\nspeed = \"{speed}\"\n");
        let loaded = lowbit_core::toml::load::<attrs::Tuned>(&source);
        let [speed] = loaded.diagnostics() else {
            panic!("{:?}", summary(&loaded))
        };
        assert_eq!(speed.message(), format!("speed must not be {said}"));
    }
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

/// Compose's `build`: a path, or a table of options, for
/// [`a_typo_inside_an_untagged_variant_is_an_unknown_key`].
#[derive(Deserialize, Validate, Debug)]
struct Compose {
    #[nested]
    services: std::collections::BTreeMap<String, Service>,
}

#[derive(Deserialize, Validate, Debug)]
struct Service {
    image: Option<String>,
    #[nested]
    build: Option<Build>,
}

#[derive(Deserialize, Validate, Debug)]
#[serde(untagged)]
enum Build {
    Context(String),
    Config {
        context: Option<String>,
        #[serde(alias = "file")]
        dockerfile: Option<String>,
    },
}

/// serde reads an untagged enum from a buffer, away from the loader's
/// watch: the keys of the matched variant are told by its validation, and
/// the others are unknown keys as in any struct.
#[test]
fn a_typo_inside_an_untagged_variant_is_an_unknown_key() {
    let source = "[services.web]\nimage = \"nginx\"\n\n[services.web.build]\ncontext = \".\"\ndockerfil = \"D\"\n";
    let loaded: Loaded<Compose> = lowbit_core::toml::load(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_key", r#"services["web"].build.dockerfil"#, 6, 1)])
    );
    let [typo] = loaded.diagnostics() else {
        unreachable!()
    };
    assert_eq!(typo.severity(), Severity::Warning);
    assert_eq!(
        typo.message(),
        r#"unknown key `dockerfil` in `services["web"].build`"#
    );
    assert_eq!(typo.help(), Some("did you mean `dockerfile`?"));
    assert_eq!(typo.label(), Some("this key is ignored"));
    assert_eq!(pointed(source, typo), "dockerfil");
    assert!(loaded.is_valid());
    let denied = Options::new()
        .deny_unknown_keys(true)
        .load::<Compose>(source);
    assert_eq!(summary(&denied), summary(&loaded));
    assert_eq!(denied.diagnostics()[0].severity(), Severity::Error);
    assert!(!denied.is_valid());
    // Under a table, the message names the whole path.
    let nested = format!("[tool]\n{}", source.replace("[services", "[tool.services"));
    let loaded = Options::new().table("tool").load::<Compose>(&nested);
    assert_eq!(
        summary(&loaded),
        owned(&[(
            "unknown_key",
            r#"tool.services["web"].build.dockerfil"#,
            7,
            1
        )])
    );
    assert_eq!(
        loaded.diagnostics()[0].message(),
        r#"unknown key `dockerfil` in `tool.services["web"].build`"#
    );
    // The other variant, an alias, and no typo: nothing to say.
    for source in [
        "[services.web]\nbuild = \".\"\n",
        "[services.web.build]\nfile = \"D\"\n",
        "[services.web.build]\ncontext = \".\"\ndockerfile = \"D\"\n",
    ] {
        let loaded: Loaded<Compose> = lowbit_core::toml::load(source);
        assert_eq!(loaded.diagnostics(), [], "{source}");
        let read = match &loaded.value().expect("a value").services["web"].build {
            Some(Build::Context(context)) => (Some(context.as_str()), None),
            Some(Build::Config {
                context,
                dockerfile,
            }) => (context.as_deref(), dockerfile.as_deref()),
            None => unreachable!("{source}"),
        };
        assert_ne!(read, (None, None), "{source}");
    }
}

/// A newtype variant holding a struct, for
/// [`a_typo_inside_an_untagged_newtype_payload_is_an_unknown_key`].
#[derive(Deserialize, Validate, Debug)]
struct Train {
    #[nested]
    solver: Solver,
}

#[derive(Deserialize, Validate, Debug)]
#[serde(untagged)]
enum Solver {
    Named(String),
    Adam(AdamParams),
}

#[derive(Deserialize, Validate, Debug)]
struct AdamParams {
    #[range(min = 0.0)]
    lr: f64,
    #[serde(default, rename = "betas")]
    momenta: Vec<f64>,
}

/// The payload's keys are its struct's, which serde's `Deserialize` of the
/// struct says (its derive is not made to): `lr`, `betas`.
#[test]
fn a_typo_inside_an_untagged_newtype_payload_is_an_unknown_key() {
    let source = "[solver]\nlr = -1.0\nbeta = [0.9]\n";
    let loaded: Loaded<Train> = lowbit_core::toml::load(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("range", "solver.lr", 2, 6),
            ("unknown_key", "solver.beta", 3, 1),
        ])
    );
    assert_eq!(
        loaded.diagnostics()[1].help(),
        Some("did you mean `betas`?")
    );
    let loaded: Loaded<Train> = lowbit_core::toml::load("solver = \"sgd\"\n");
    assert_eq!(loaded.diagnostics(), []);
}

/// An enum with an untagged variant: serde tries its tagged variants on a
/// buffer too, then the untagged one.
#[derive(Deserialize, Validate, Debug)]
struct Stage {
    #[nested]
    source: Source,
}

#[derive(Deserialize, Validate, Debug)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Source {
    File {
        path: String,
    },
    #[serde(untagged)]
    Inline {
        #[length(max = 4)]
        text: String,
    },
}

/// A tagged variant's table holds its tag, and an untagged variant's
/// fields sit at the enum's level (so do the paths of its rules).
#[test]
fn typos_in_the_variants_of_a_partly_untagged_enum_are_unknown_keys() {
    let source = "[source]\nkind = \"file\"\npath = \"a\"\npaht = \"b\"\n";
    let loaded: Loaded<Stage> = lowbit_core::toml::load(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_key", "source.paht", 4, 1)])
    );
    assert_eq!(loaded.diagnostics()[0].help(), Some("did you mean `path`?"));
    let source = "[source]\ntext = \"hello\"\ntxet = 1\n";
    let loaded: Loaded<Stage> = lowbit_core::toml::load(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("length", "source.text", 2, 8),
            ("unknown_key", "source.txet", 3, 1),
        ])
    );
    let loaded: Loaded<Stage> =
        lowbit_core::toml::load("[source]\nkind = \"file\"\npath = \"a\"\n");
    assert_eq!(loaded.diagnostics(), []);
    assert!(matches!(
        &loaded.value().expect("a value").source,
        Source::File { path } if path == "a"
    ));
}

/// An untagged enum flattened into a struct shares its table with the
/// struct's own keys, which its variants do not know: they are not
/// reported (nor are the enum's typos: the table's keys are not all known).
#[derive(Deserialize, Validate, Debug)]
struct Task {
    name: String,
    #[serde(flatten)]
    #[nested]
    action: Action,
}

#[derive(Deserialize, Validate, Debug)]
#[serde(untagged)]
enum Action {
    Run { run: String },
    Uses { uses: String },
}

#[test]
fn a_flattened_untagged_enum_reports_no_key_of_its_struct() {
    let loaded: Loaded<Task> = lowbit_core::toml::load("name = \"build\"\nrun = \"make\"\n");
    assert_eq!(loaded.diagnostics(), []);
    let task = loaded.value().expect("a value");
    assert_eq!(task.name, "build");
    let action = match &task.action {
        Action::Run { run } => ("run", run.as_str()),
        Action::Uses { uses } => ("uses", uses.as_str()),
    };
    assert_eq!(action, ("run", "make"));
}

/// Aliases on the fields of struct variants, for
/// [`a_variant_field_given_under_an_alias_is_pointed_at`].
#[derive(Deserialize, Validate, Debug)]
struct Zero {
    #[nested]
    external: Option<Stage3>,
    #[nested]
    internal: Option<Offload>,
}

#[derive(Deserialize, Validate, Debug)]
#[serde(rename_all = "snake_case")]
enum Stage3 {
    Partition {
        #[serde(alias = "stage3_max_live")]
        #[range(max = 3)]
        max_live: u8,
    },
}

#[derive(Deserialize, Validate, Debug)]
#[serde(tag = "device", rename_all = "snake_case")]
enum Offload {
    Cpu {
        #[serde(alias = "pin")]
        #[range(max = 3)]
        pinned: u8,
    },
}

/// A variant's field given under its alias is located as a struct's:
/// its rule's violation and its type error at the value, under the serde
/// name.
#[test]
fn a_variant_field_given_under_an_alias_is_pointed_at() {
    let source =
        "[external.partition]\nstage3_max_live = 7\n\n[internal]\ndevice = \"cpu\"\npin = 9\n";
    let loaded: Loaded<Zero> = lowbit_core::toml::load(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("range", "external.partition.max_live", 2, 19),
            ("range", "internal.pinned", 6, 7),
        ])
    );
    let zero = loaded.value().expect("a value");
    let Some(Stage3::Partition { max_live }) = &zero.external else {
        unreachable!()
    };
    let Some(Offload::Cpu { pinned }) = &zero.internal else {
        unreachable!()
    };
    assert_eq!((*max_live, *pinned), (7, 9));
    // A type error: the externally tagged variant's table is read through
    // the watch, which knows its fields and their aliases. (An internally
    // tagged variant's, read from serde's buffer: see
    // `a_type_error_under_an_alias_in_a_tagged_variant_is_reported_once`.)
    let source = "[external.partition]\nstage3_max_live = \"x\"\n";
    let loaded: Loaded<Zero> = lowbit_core::toml::load(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "external.partition.max_live", 2, 19)])
    );
}

/// An internally tagged enum at the root, whose variant's field has an
/// alias, for [`a_type_error_under_an_alias_in_a_tagged_variant_is_reported_once`].
#[derive(Deserialize, Validate, Debug)]
#[serde(tag = "kind")]
enum Renamed {
    V {
        #[serde(alias = "old")]
        #[range(max = 3)]
        new: u8,
        #[serde(default, alias = "was")]
        label: String,
    },
}

/// A type error under an alias in an internally tagged variant (read from
/// serde's buffer, away from the watch) is reported as a struct's is: once,
/// at the value, under the field's serde name, and not echoed as the field
/// missing once the value is taken out.
#[test]
fn a_type_error_under_an_alias_in_a_tagged_variant_is_reported_once() {
    let source = "kind = \"V\"\nold = \"x\"\n";
    let loaded: Loaded<Renamed> = lowbit_core::toml::load(source);
    assert_eq!(summary(&loaded), owned(&[("invalid_type", "new", 2, 7)]));
    assert_eq!(pointed(source, &loaded.diagnostics()[0]), "\"x\"");
    assert!(loaded.value().is_none());
    // A second bad value under an alias, after it: each reported once.
    let source = "kind = \"V\"\nold = \"x\"\nwas = 3\n";
    let loaded: Loaded<Renamed> = lowbit_core::toml::load(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("invalid_type", "new", 2, 7),
            ("invalid_type", "label", 3, 7)
        ])
    );
    // Under its serde name, as before.
    let source = "kind = \"V\"\nnew = \"x\"\n";
    let loaded: Loaded<Renamed> = lowbit_core::toml::load(source);
    assert_eq!(summary(&loaded), owned(&[("invalid_type", "new", 2, 7)]));
    // Below a table, behind `Option`.
    let source = "[internal]\ndevice = \"cpu\"\npin = \"x\"\n";
    let loaded: Loaded<Zero> = lowbit_core::toml::load(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("invalid_type", "internal.pinned", 3, 7)])
    );
    assert_eq!(pointed(source, &loaded.diagnostics()[0]), "\"x\"");
    // A field the variant lacks is still missing, beside it.
    let source = "kind = \"V\"\n";
    let loaded: Loaded<Renamed> = lowbit_core::toml::load(source);
    assert_eq!(summary(&loaded), owned(&[("missing_field", "", 1, 1)]));
}

/// A list of items with an internally tagged enum flattened into each, for
/// [`each_items_keys_are_checked_against_its_own_variant`].
#[derive(Deserialize, Validate, Debug)]
struct Inventory {
    #[nested]
    items: Vec<Item>,
}

#[derive(Deserialize, Validate, Debug)]
struct Item {
    name: String,
    #[serde(flatten)]
    #[nested]
    kind: Kind,
}

#[derive(Deserialize, Validate, Debug)]
#[serde(tag = "type")]
enum Kind {
    A {
        a: u8,
    },
    B {
        #[serde(default)]
        b: u8,
    },
}

/// Items of one list whose flattened enum takes different variants are
/// not one type: each item's keys are checked against its own variant, so
/// a key item 0's variant knows hides no typo in item 1, and gives no
/// false warning there.
#[test]
fn each_items_keys_are_checked_against_its_own_variant() {
    // Item 1 is a `B` given `a`, which only `A` knows.
    let source = "[[items]]\nname = \"x\"\ntype = \"A\"\na = 1\n\n\
                  [[items]]\nname = \"y\"\ntype = \"B\"\na = 2\n";
    let loaded = lowbit_core::toml::load::<Inventory>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_key", "items[1].a", 9, 1)])
    );
    let read: Vec<(&str, u8)> = (loaded.value().expect("a value").items.iter())
        .map(|item| match item.kind {
            Kind::A { a } => (item.name.as_str(), a),
            Kind::B { b } => (item.name.as_str(), b),
        })
        .collect();
    assert_eq!(read, [("x", 1), ("y", 0)]);
    // Item 0, an `A`, given `b`, which only `B` knows: the warning is item
    // 0's, not item 1's, whose `b` is its own.
    let source = "[[items]]\nname = \"x\"\ntype = \"A\"\na = 1\nb = 3\n\n\
                  [[items]]\nname = \"y\"\ntype = \"B\"\nb = 2\n";
    let loaded = lowbit_core::toml::load::<Inventory>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_key", "items[0].b", 5, 1)])
    );
    // Many items of each variant still cost a read per distinct key, not
    // per item: a typo deep in the list is found.
    let mut source = String::new();
    for index in 0..40 {
        source += &if index % 2 == 0 {
            format!("[[items]]\nname = \"i{index}\"\ntype = \"A\"\na = 1\n")
        } else {
            format!("[[items]]\nname = \"i{index}\"\ntype = \"B\"\nb = 1\n")
        };
    }
    source += "[[items]]\nname = \"last\"\ntype = \"B\"\nbb = 1\n";
    let loaded = lowbit_core::toml::load::<Inventory>(&source);
    assert_eq!(
        summary(&loaded),
        owned(&[("unknown_key", "items[40].bb", 164, 1)])
    );
}

/// serde checks a struct's own required fields before it reads its
/// flattened fields from its buffer: a field missing (or cut, once its bad
/// value is reported) must not hide a bad value in the flattened struct.
/// Each problem is reported once, at its value, or at the table for a
/// missing field.
#[test]
fn a_bad_value_in_a_flattened_struct_is_reported_beside_a_bad_required_field() {
    for (source, expected) in [
        (
            "count = 1\nperiod = \"x\"\n",
            &[
                ("missing_field", "", 1, 1),
                ("invalid_type", "period", 2, 10),
            ][..],
        ),
        (
            "period = \"x\"\ncount = 1\n",
            &[
                ("missing_field", "", 1, 1),
                ("invalid_type", "period", 1, 10),
            ],
        ),
        (
            "scale = \"two\"\ncount = 1\nperiod = \"x\"\n",
            &[
                ("invalid_type", "scale", 1, 9),
                ("invalid_type", "period", 3, 10),
            ],
        ),
        (
            "period = \"x\"\nscale = \"two\"\ncount = 1\n",
            &[
                ("invalid_type", "period", 1, 10),
                ("invalid_type", "scale", 2, 9),
            ],
        ),
        // Every value bad, or missing.
        (
            "count = \"y\"\nperiod = \"x\"\n",
            &[
                ("missing_field", "", 1, 1),
                ("invalid_type", "count", 1, 9),
                ("invalid_type", "period", 2, 10),
            ],
        ),
        // A field the flattened struct needs, missing beside a bad one of
        // the struct's own.
        (
            "scale = \"two\"\nperiod = 1\n",
            &[("missing_field", "", 1, 1), ("invalid_type", "scale", 1, 9)],
        ),
    ] {
        let loaded = lowbit_core::toml::load::<Scaled>(source);
        assert_eq!(summary(&loaded), owned(expected), "{source}");
        assert!(loaded.value().is_none());
        for diagnostic in loaded.diagnostics() {
            if diagnostic.code() == "invalid_type" {
                let value = pointed(source, diagnostic);
                assert!(value == "\"x\"" || value == "\"y\"" || value == "\"two\"");
            }
        }
    }
    let loaded = lowbit_core::toml::load::<Scaled>("count = 1\nperiod = \"x\"\n");
    assert_eq!(loaded.diagnostics()[0].message(), "missing field `scale`");
    let loaded = lowbit_core::toml::load::<Scaled>("scale = \"two\"\nperiod = 1\n");
    assert_eq!(loaded.diagnostics()[0].message(), "missing field `count`");
}

/// The same struct behind `Option` and as the items of a list: a missing
/// field of one item hides neither the rest of that item nor the next.
#[derive(Deserialize, Validate, Debug)]
#[allow(dead_code)]
struct Scales {
    #[nested]
    one: Option<Scaled>,
    #[nested]
    #[serde(default)]
    items: Vec<Scaled>,
}

#[test]
fn a_flattened_struct_behind_option_or_in_a_list_keeps_every_problem() {
    let source = "[one]\ncount = 1\nperiod = \"x\"\n";
    let loaded = lowbit_core::toml::load::<Scales>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("missing_field", "one", 1, 1),
            ("invalid_type", "one.period", 3, 10),
        ])
    );
    let source = "[one]\nscale = \"two\"\ncount = 1\nperiod = \"x\"\n";
    let loaded = lowbit_core::toml::load::<Scales>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("invalid_type", "one.scale", 2, 9),
            ("invalid_type", "one.period", 4, 10),
        ])
    );
    let source = "[[items]]\ncount = 1\nperiod = \"x\"\n\
                  [[items]]\nscale = \"two\"\ncount = 1\nperiod = \"y\"\n\
                  [[items]]\nscale = 1\ncount = \"z\"\nperiod = 2\n";
    let loaded = lowbit_core::toml::load::<Scales>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("missing_field", "items[0]", 1, 1),
            ("invalid_type", "items[0].period", 3, 10),
            ("invalid_type", "items[1].scale", 5, 9),
            ("invalid_type", "items[1].period", 7, 10),
            ("invalid_type", "items[2].count", 10, 9),
        ])
    );
    assert!(loaded.value().is_none());
}

#[derive(Deserialize, Validate, Debug)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[allow(dead_code)]
enum Ticking {
    Every { scale: i64, count: i64, period: u32 },
}

#[derive(Deserialize, Validate, Debug)]
#[allow(dead_code)]
struct Tickers {
    #[nested]
    items: Vec<Ticking>,
    #[nested]
    #[serde(default)]
    flat: Vec<TaggedScale>,
}

#[test]
fn a_bad_value_in_a_tagged_variant_is_reported_beside_a_bad_required_field() {
    for (source, expected) in [
        (
            "kind = \"every\"\ncount = 1\nperiod = \"x\"\n",
            &[
                ("missing_field", "", 1, 1),
                ("invalid_type", "period", 3, 10),
            ][..],
        ),
        (
            "scale = \"two\"\nkind = \"every\"\ncount = 1\nperiod = \"x\"\n",
            &[
                ("invalid_type", "scale", 1, 9),
                ("invalid_type", "period", 4, 10),
            ],
        ),
    ] {
        let loaded = lowbit_core::toml::load::<TaggedScale>(source);
        assert_eq!(summary(&loaded), owned(expected), "{source}");
        let loaded = lowbit_core::toml::load::<Ticking>(source);
        assert_eq!(summary(&loaded), owned(expected), "{source}");
    }
    let item = |scale: &str, period: &str| {
        format!("kind = \"every\"\n{scale}count = 1\nperiod = {period}\n")
    };
    let mut source = String::from("items = []\n");
    for (scale, period) in [("", "\"x\""), ("scale = \"two\"\n", "\"y\""), ("", "3")] {
        source += &format!("[[flat]]\n{}", item(scale, period));
    }
    let loaded = lowbit_core::toml::load::<Tickers>(&source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("missing_field", "flat[0]", 2, 1),
            ("invalid_type", "flat[0].period", 5, 10),
            ("invalid_type", "flat[1].scale", 8, 9),
            ("invalid_type", "flat[1].period", 10, 10),
            ("missing_field", "flat[2]", 11, 1),
        ])
    );
    let source = source
        .replace("items = []\n", "")
        .replace("[[flat]]", "[[items]]");
    let loaded = lowbit_core::toml::load::<Tickers>(&source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("missing_field", "items[0]", 1, 1),
            ("invalid_type", "items[0].period", 4, 10),
            ("invalid_type", "items[1].scale", 7, 9),
            ("invalid_type", "items[1].period", 9, 10),
            ("missing_field", "items[2]", 10, 1),
        ])
    );
}

#[derive(Deserialize, Validate, Debug)]
#[allow(dead_code)]
enum Shape {
    Circle { r: u8 },
    Square,
}

#[derive(Deserialize, Validate, Debug)]
#[allow(dead_code)]
struct Shaped {
    shape: Shape,
    #[serde(flatten)]
    #[nested]
    inner: Counted,
}

/// A required field whose type is an enum whose first variant is a struct
/// is handed blank too, so that the flattened struct is read: missing, or
/// cut once its bad value is reported.
#[test]
fn a_missing_enum_field_hides_no_bad_flattened_value() {
    let loaded = lowbit_core::toml::load::<Shaped>("period = \"x\"\n");
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("missing_field", "", 1, 1),
            ("missing_field", "", 1, 1),
            ("invalid_type", "period", 1, 10),
        ])
    );
    let messages: Vec<&str> = (loaded.diagnostics().iter())
        .map(Diagnostic::message)
        .collect();
    assert_eq!(
        messages[..2],
        ["missing field `shape`", "missing field `count`"]
    );
    let source = "shape = 4\ncount = 1\nperiod = \"x\"\n";
    let loaded = lowbit_core::toml::load::<Shaped>(source);
    assert_eq!(
        summary(&loaded),
        owned(&[
            ("invalid_type", "shape", 1, 9),
            ("invalid_type", "period", 3, 10),
        ])
    );
}
