//! The commented template (`lowbit_core::docs::template`): a complete
//! config file, every key at its default under its doc comment and its
//! rules in words, that loads as written, with the loaders a user has,
//! into the config's `Default`, and validates.

use std::collections::BTreeMap;

use bitnet_config::ModelConfig;
use lowbit_core::Validate;
use lowbit_core::docs::{Format, Template, template};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

#[track_caller]
fn loads_toml<T: DeserializeOwned + Validate>(text: &str, table: &str) -> T {
    let loaded = lowbit_core::toml::Options::new()
        .table(table)
        .deny_unknown_keys(true)
        .load::<T>(text);
    assert!(
        loaded.is_valid() && loaded.diagnostics().is_empty(),
        "{:?}\n{text}",
        loaded.diagnostics()
    );
    loaded.into_value().expect("a value")
}

#[track_caller]
fn loads_yaml<T: DeserializeOwned + Validate>(text: &str, table: &str) -> T {
    let loaded = lowbit_core::yaml::Options::new()
        .table(table)
        .deny_unknown_keys(true)
        .load::<T>(text);
    assert!(
        loaded.is_valid() && loaded.diagnostics().is_empty(),
        "{:?}\n{text}",
        loaded.diagnostics()
    );
    loaded.into_value().expect("a value")
}

/// The lines of `text` from the one that is `first`, as many as `expected`
/// has, are `expected`.
#[track_caller]
fn has_lines(text: &str, expected: &[&str]) {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|line| *line == expected[0])
        .unwrap_or_else(|| panic!("no line `{}` in\n{text}", expected[0]));
    assert_eq!(
        &lines[at..(at + expected.len()).min(lines.len())],
        expected,
        "\n{text}"
    );
}

/// The port's template, under `[model]` as the check program reads it,
/// loads with lowbit's TOML and YAML loaders into `ModelConfig::default()`
/// with no diagnostic at all (unknown keys denied), and says each key's
/// doc comment and rules above it.
#[test]
fn the_port_s_template_loads_and_validates() {
    let toml = Template::new()
        .table("model")
        .render::<ModelConfig>(Format::Toml);
    assert_eq!(
        loads_toml::<ModelConfig>(&toml, "model"),
        ModelConfig::default()
    );
    has_lines(
        &toml,
        &[
            "[model.rho]",
            "# Storage precision; only the canonical `fp32` and `bf16` for now.",
            "# not together with compression = \"fp8_block_exp\"; when it is \"fp8_exp\"",
            "# one of \"fp32\", \"bf16\"",
            "precision = \"bf16\"",
        ],
    );
    has_lines(
        &toml,
        &[
            "# The modules quantized; required under the strict reference.",
            "# required when strict_bitnet_reference; while enable is set",
            "target_modules = []",
        ],
    );
    // A rule written on `quant` about a key of the table below it names
    // the keys of `quant` by their full path.
    has_lines(
        &toml,
        &[
            "# The activation cache.",
            "[model.quant.saved_activations]",
            "# Whether activations are cached.",
            "# requires model.quant.enable",
            "# requires model.quant.training_mode = \"train_kernel_exp\"; while",
            "#   model.quant.enable is set",
            "mode = \"disabled\"",
        ],
    );
    // `None` by default: commented out, with a value to start from.
    assert!(
        toml.contains("\n# encoder_mode = \"fp16\"    (not set by default)\n"),
        "{toml}"
    );

    let yaml = Template::new()
        .table("model")
        .render::<ModelConfig>(Format::Yaml);
    assert_eq!(
        loads_yaml::<ModelConfig>(&yaml, "model"),
        ModelConfig::default()
    );
    has_lines(
        &yaml,
        &[
            "  rho:",
            "    # Storage precision; only the canonical `fp32` and `bf16` for now.",
            "    # not together with compression = \"fp8_block_exp\"; when it is \"fp8_exp\"",
            "    # one of \"fp32\", \"bf16\"",
            "    precision: \"bf16\"",
        ],
    );
}

/// Where a job's input comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Validate)]
enum Input {
    /// A file, by its path.
    File(String),
    Stdin,
}

/// What is kept between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Validate)]
#[serde(default, deny_unknown_fields)]
struct Cache {
    /// Where it is kept.
    #[prefix("/")]
    dir: String,
    /// Its budget, in megabytes.
    #[range(min = 1)]
    size_mb: u32,
}

impl Default for Cache {
    fn default() -> Self {
        Cache {
            dir: "/var/cache/app".to_owned(),
            size_mb: 512,
        }
    }
}

/// Timeouts, flattened into their parent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Validate)]
#[serde(default)]
struct Timeouts {
    /// Seconds to connect.
    #[range(exclusive_min = 0.0)]
    connect: f64,
    /// Seconds to read.
    read: f64,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: 2.5,
            read: 1e-3,
        }
    }
}

/// A worker pool, its members by name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, Validate)]
#[serde(default)]
struct Pool {
    /// How many workers.
    workers: u8,
}

/// A service.
///
/// Every key has a default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Validate)]
#[serde(default, deny_unknown_fields)]
#[validate(at_least_one(name, tags))]
struct Service {
    /// Its name, as "quoted" \ here.
    #[serde(alias = "title")]
    name: String,
    /// The labels it carries.
    #[items(non_empty)]
    tags: Vec<String>,
    /// Where its input comes from.
    input: Input,
    /// A fallback input.
    fallback: Option<Input>,
    /// The port, if any.
    port: Option<u16>,
    /// Retries, if set.
    retries: Option<u8>,
    #[nested]
    cache: Cache,
    #[serde(flatten)]
    timeouts: Timeouts,
    /// Environment variables.
    env: BTreeMap<String, String>,
    /// Pools by name.
    #[nested]
    pools: BTreeMap<String, Pool>,
    /// Weights of the mix.
    weights: Vec<f64>,
    /// Greatest value.
    limit: u64,
}

impl Default for Service {
    fn default() -> Self {
        Service {
            name: "a \"quoted\" \\ name\twith a tab".to_owned(),
            tags: vec!["web".to_owned(), "edge".to_owned()],
            input: Input::File("in.txt".to_owned()),
            fallback: None,
            port: Some(8080),
            retries: None,
            cache: Cache::default(),
            timeouts: Timeouts::default(),
            env: [
                ("RUST_LOG".to_owned(), "info".to_owned()),
                ("a.b".to_owned(), String::new()),
            ]
            .into(),
            pools: [("fast lane".to_owned(), Pool { workers: 4 })].into(),
            weights: vec![0.5, 1.0, 1e20],
            limit: u64::MAX,
        }
    }
}

/// Every kind of key: a struct's own rules head the file, an `Option` that
/// is `None` is commented out, nested structs and maps are tables, a
/// newtype variant an inline table, a flattened struct's keys sit with
/// their parent's; strings are escaped and keys quoted where they must be.
/// The file loads as written into the `Default`, in both formats.
#[test]
fn every_kind_of_key_loads_back_as_the_default() {
    let toml = template::<Service>(Format::Toml);
    assert_eq!(
        loads_toml::<Service>(&toml, ""),
        Service::default(),
        "{toml}"
    );
    let yaml = template::<Service>(Format::Yaml);
    assert_eq!(
        loads_yaml::<Service>(&yaml, ""),
        Service::default(),
        "{yaml}"
    );
    has_lines(
        &toml,
        &[
            "# A service.",
            "#",
            "# Every key has a default.",
            "# at least one of name, tags set",
            "",
            "# Its name, as \"quoted\" \\ here.",
            r#"name = "a \"quoted\" \\ name\twith a tab""#,
            "# The labels it carries.",
            "# each item: not empty",
            r#"tags = ["web", "edge"]"#,
            "# Where its input comes from.",
            r#"input = { File = "in.txt" }"#,
            "# A fallback input.",
            r#"# fallback = "Stdin"    (not set by default)"#,
            "# The port, if any.",
            "port = 8080",
            "# Retries, if set.",
            "# retries = 0    (not set by default)",
            "# Seconds to connect.",
            "# greater than 0.0",
            "connect = 2.5",
            "# Seconds to read.",
            "read = 0.001",
            "# Weights of the mix.",
            "weights = [0.5, 1.0, 1.0e20]",
            "# Greatest value.",
            "limit = 18446744073709551615",
            "",
            "# What is kept between runs.",
            "[cache]",
            "# Where it is kept.",
            "# starts with \"/\"",
            r#"dir = "/var/cache/app""#,
        ],
    );
    has_lines(
        &toml,
        &[
            "# Environment variables.",
            "[env]",
            r#"RUST_LOG = "info""#,
            r#""a.b" = """#,
            "",
            "# Pools by name.",
            "[pools]",
            "",
            r#"[pools."fast lane"]"#,
            "# How many workers.",
            "workers = 4",
        ],
    );
    has_lines(
        &yaml,
        &[
            "# What is kept between runs.",
            "cache:",
            "  # Where it is kept.",
            "  # starts with \"/\"",
            "  dir: \"/var/cache/app\"",
        ],
    );
}

#[derive(Debug, Default, PartialEq, Serialize, Deserialize, Validate)]
#[serde(default)]
struct Strict {
    /// Must be set.
    #[non_empty]
    token: String,
}

/// A struct whose `Default` breaks its own rules gets a template that
/// says so when loaded: the template writes defaults, it does not make
/// them valid.
#[test]
fn a_default_that_breaks_a_rule_is_written_as_it_is() {
    let toml = template::<Strict>(Format::Toml);
    assert_eq!(toml, "# Must be set.\n# not empty\ntoken = \"\"\n");
    let loaded = lowbit_core::toml::Options::new().load::<Strict>(&toml);
    assert!(!loaded.is_valid());
}

#[derive(Debug, Default, PartialEq, Serialize, Deserialize, Validate)]
struct Listen {
    /// The port.
    #[serde(default = "port")]
    #[range(min = 1)]
    port: u16,
    /// The host.
    host: String,
}

fn port() -> u16 {
    8080
}

/// A field's own serde default is the one written, not the derived
/// `Default`'s (which breaks the field's rule here); a field with no serde
/// default is written at `T::default()`'s value, so that the file is
/// complete.
#[test]
fn a_field_s_serde_default_is_the_one_written() {
    let toml = template::<Listen>(Format::Toml);
    assert_eq!(
        toml,
        "# The port.\n# at least 1\nport = 8080\n# The host.\nhost = \"\"\n"
    );
    let listen = loads_toml::<Listen>(&toml, "");
    assert_eq!((listen.port, listen.host.as_str()), (8080, ""));
}

#[derive(Debug, PartialEq, Serialize, Deserialize, Validate)]
#[serde(default)]
struct Gaps {
    /// Some slots are empty.
    slots: Vec<Option<u8>>,
}

impl Default for Gaps {
    fn default() -> Self {
        Gaps {
            slots: vec![Some(1), None],
        }
    }
}

/// TOML has no `null`: a default that holds one is said, not written;
/// YAML writes it, and loads it back.
#[test]
fn a_default_toml_cannot_spell_is_said_not_written() {
    let toml = template::<Gaps>(Format::Toml);
    assert_eq!(
        toml,
        "# Some slots are empty.\n# slots: its default has no TOML spelling\n"
    );
    let yaml = template::<Gaps>(Format::Yaml);
    assert_eq!(yaml, "# Some slots are empty.\nslots: [1, null]\n");
    assert_eq!(loads_yaml::<Gaps>(&yaml, ""), Gaps::default());
}
