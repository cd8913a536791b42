//! Loading a config layered with figment (`lowbit_core::figment`): defaults
//! in code, TOML, JSON and YAML files, environment variables, merged over
//! each other; every diagnostic placed where its value was set, in the
//! source that won.
//!
//! Each test runs in a `figment::Jail`: a directory of its own for the
//! files, and environment variables set for the test alone.

// `Jail::expect_with` takes a closure returning figment's `Result`, whose
// error is figment's, large: not ours to box.
#![allow(clippy::result_large_err)]

use figment::providers::{Env, Format, Json, Serialized, Toml, Yaml};
use figment::{Figment, Jail};
use lowbit_core::Validate;
use lowbit_core::diagnostic::{Diagnostic, OriginKind, Severity};
use lowbit_core::figment::{Loaded, load, render};
use serde::{Deserialize, Serialize};

#[path = "support/located.rs"]
mod located;
use located::{owned, summary};

#[derive(Deserialize, Serialize, Validate, Debug, Default, PartialEq)]
#[serde(rename_all = "snake_case")]
enum Precision {
    Fp32,
    #[default]
    Bf16,
    Fp8,
}

#[derive(Deserialize, Serialize, Validate, Debug, PartialEq)]
#[serde(default)]
struct Quant {
    enable: bool,
    #[range(min = 2, max = 8)]
    bits: u32,
}

impl Default for Quant {
    fn default() -> Self {
        Quant {
            enable: false,
            bits: 4,
        }
    }
}

#[derive(Deserialize, Serialize, Validate, Debug, PartialEq)]
#[serde(default)]
struct Rho {
    #[one_of("fp32", "bf16")]
    precision: Precision,
    #[range(min = 1, max = 64)]
    window: u32,
}

impl Default for Rho {
    fn default() -> Self {
        Rho {
            precision: Precision::Bf16,
            window: 8,
        }
    }
}

#[derive(Deserialize, Serialize, Validate, Debug, Default, PartialEq)]
#[serde(default)]
struct Model {
    #[nested]
    quant: Quant,
    #[nested]
    rho: Rho,
}

#[derive(Deserialize, Serialize, Validate, Debug, PartialEq)]
struct Train {
    steps: u32,
    lr: f64,
}

#[derive(Deserialize, Serialize, Validate, Debug, PartialEq)]
struct App {
    name: String,
    #[serde(default)]
    #[nested]
    model: Model,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    train: Option<Train>,
}

fn app() -> App {
    App {
        name: "enc".to_owned(),
        model: Model::default(),
        train: None,
    }
}

/// The usual layers: defaults, a TOML file, a YAML file, then `APP_`
/// variables with `__` between keys.
fn layered() -> Figment {
    Figment::from(Serialized::defaults(app()))
        .merge(Toml::file("base.toml"))
        .merge(Yaml::file("override.yaml"))
        .merge(Env::prefixed("APP_").split("__"))
}

/// The one diagnostic of `loaded`.
fn only(loaded: &Loaded<App>) -> &Diagnostic {
    let [diagnostic] = loaded.diagnostics() else {
        panic!("{:#?}", loaded.diagnostics())
    };
    diagnostic
}

/// The text of its origin that `diagnostic` points at.
fn pointed(diagnostic: &Diagnostic) -> &str {
    &diagnostic.origin().expect("an origin").text()[diagnostic.span()]
}

#[test]
fn valid_layers_give_the_merged_value() {
    Jail::expect_with(|jail| {
        jail.create_file("base.toml", "[model.rho]\nwindow = 16\n")?;
        jail.set_env("APP_MODEL__QUANT__ENABLE", "true");
        let loaded = load::<App>(&layered());
        assert!(loaded.is_valid() && loaded.is_parsed());
        assert_eq!(loaded.diagnostics(), []);
        let value = loaded.into_value().expect("a value");
        assert_eq!(value.model.rho.window, 16);
        assert!(value.model.quant.enable);
        assert_eq!(value.name, "enc");
        Ok(())
    });
}

#[test]
fn a_value_from_a_file_is_located_in_it() {
    Jail::expect_with(|jail| {
        jail.create_file(
            "base.toml",
            "# the model\n[model.rho]\nprecision = \"fp8\"\nwindow = 16\n",
        )?;
        let loaded = load::<App>(&layered());
        assert!(!loaded.is_valid());
        assert_eq!(
            summary(&loaded),
            owned(&[("one_of", "model.rho.precision", 3, 13)])
        );
        let rule = only(&loaded);
        assert_eq!(pointed(rule), "\"fp8\"");
        let origin = rule.origin().expect("an origin");
        assert_eq!(origin.kind(), OriginKind::File);
        assert_eq!(origin.provider(), "TOML file");
        let path = jail.directory().join("base.toml");
        assert_eq!(origin.name(), path.display().to_string());
        assert_eq!(
            origin.to_string(),
            format!("set in TOML file `{}`", path.display())
        );
        let text = render(rule, false);
        assert!(
            text.starts_with("error[one_of]: model.rho.precision must be one of"),
            "{text}"
        );
        assert!(
            text.contains(&format!("--> {}:3:13\n", path.display())),
            "{text}"
        );
        assert!(
            text.contains("3 | precision = \"fp8\"\n  |             ^^^^^"),
            "{text}"
        );
        assert!(
            text.contains(&format!("= note: set in TOML file `{}`", path.display())),
            "{text}"
        );
        Ok(())
    });
}

#[test]
fn an_overridden_value_names_the_layer_that_won() {
    Jail::expect_with(|jail| {
        // Each layer sets a window out of range; the YAML file's wins.
        jail.create_file("base.toml", "[model.rho]\nwindow = 100\n")?;
        jail.create_file(
            "override.yaml",
            "model:\n  rho:\n    window: 200 # too wide as well\n",
        )?;
        let loaded = load::<App>(&layered());
        assert_eq!(
            summary(&loaded),
            owned(&[("range", "model.rho.window", 3, 13)])
        );
        let rule = only(&loaded);
        assert_eq!(pointed(rule), "200");
        let origin = rule.origin().expect("an origin");
        assert_eq!(origin.provider(), "YAML file");
        assert!(origin.name().ends_with("override.yaml"), "{origin}");

        // A variable set over both wins in turn, and is named in full.
        jail.set_env("APP_MODEL__RHO__WINDOW", "300");
        let loaded = load::<App>(&layered());
        let rule = only(&loaded);
        assert_eq!((rule.code(), rule.path()), ("range", "model.rho.window"));
        let origin = rule.origin().expect("an origin");
        assert_eq!(origin.kind(), OriginKind::Env);
        assert_eq!(origin.name(), "APP_MODEL__RHO__WINDOW");
        assert_eq!(
            origin.to_string(),
            "set by the environment variable `APP_MODEL__RHO__WINDOW=300`"
        );
        assert_eq!((rule.line(), rule.column()), (1, 24));
        assert_eq!(pointed(rule), "300");
        // As the README shows it.
        assert_eq!(
            render(rule, false),
            "error[range]: model.rho.window must be between 1 and 64, not 300\n \
             --> environment:1:24\n  \
             |\n\
             1 | APP_MODEL__RHO__WINDOW=300\n  \
             |                        ^^^\n  \
             |\n  \
             = note: set by the environment variable `APP_MODEL__RHO__WINDOW=300`\n"
        );

        // A valid value set last hides the broken ones beneath it.
        jail.set_env("APP_MODEL__RHO__WINDOW", "32");
        let loaded = load::<App>(&layered());
        assert!(loaded.is_valid(), "{:#?}", loaded.diagnostics());
        assert_eq!(loaded.value().map(|app| app.model.rho.window), Some(32));
        Ok(())
    });
}

#[test]
fn a_type_error_from_an_environment_variable_names_it() {
    Jail::expect_with(|jail| {
        jail.set_env("APP_MODEL__QUANT__ENABLE", "yes");
        jail.set_env("APP_MODEL__QUANT__BITS", "four");
        let loaded = load::<App>(&layered());
        assert!(loaded.value().is_none());
        assert_eq!(
            summary(&loaded),
            owned(&[
                ("invalid_type", "model.quant.bits", 1, 24),
                ("invalid_type", "model.quant.enable", 1, 26),
            ])
        );
        let [bits, enable] = loaded.diagnostics() else {
            unreachable!()
        };
        assert_eq!(
            bits.message(),
            "invalid type: string \"four\", expected u32"
        );
        assert_eq!(
            bits.origin().expect("an origin").to_string(),
            "set by the environment variable `APP_MODEL__QUANT__BITS=four`"
        );
        assert_eq!(
            enable.message(),
            "invalid type: string \"yes\", expected a boolean"
        );
        assert_eq!(
            enable.origin().expect("an origin").name(),
            "APP_MODEL__QUANT__ENABLE"
        );
        // No quotes to take off a variable's value.
        assert_eq!(enable.help(), Some("a boolean is written `true`"));
        Ok(())
    });
}

#[test]
fn a_default_set_in_code_says_so() {
    Jail::expect_with(|_| {
        let mut defaults = app();
        defaults.model.quant.bits = 16;
        let line = line!() + 1;
        let figment = Figment::from(Serialized::defaults(defaults))
            .merge(Toml::file("base.toml"))
            .merge(Env::prefixed("APP_").split("__"));
        let loaded = load::<App>(&figment);
        let rule = only(&loaded);
        assert_eq!((rule.code(), rule.path()), ("range", "model.quant.bits"));
        let origin = rule.origin().expect("an origin");
        assert_eq!(origin.kind(), OriginKind::Code);
        assert_eq!(origin.provider(), "figment_load::App");
        assert_eq!(origin.to_string(), "set in code by `figment_load::App`");
        assert_eq!(origin.name(), file!());
        assert_eq!(rule.line(), line as usize);
        let text = render(rule, false);
        assert!(
            text.contains(&format!("--> {}:{line}:{}", file!(), rule.column())),
            "{text}"
        );
        assert!(
            text.contains("= note: set in code by `figment_load::App`"),
            "{text}"
        );
        Ok(())
    });
}

#[test]
fn unknown_keys_and_variants_are_located_in_their_files() {
    Jail::expect_with(|jail| {
        jail.create_file(
            "base.json",
            "{\n  \"model\": {\n    \"rho\": {\"precision\": \"fp33\"}\n  }\n}\n",
        )?;
        jail.create_file("override.yaml", "model:\n  quant:\n    enabel: true\n")?;
        let figment = Figment::from(Serialized::defaults(app()))
            .merge(Json::file("base.json"))
            .merge(Yaml::file("override.yaml"));
        let loaded = load::<App>(&figment);
        assert!(loaded.value().is_none());
        assert_eq!(
            summary(&loaded),
            owned(&[
                ("unknown_key", "model.quant.enabel", 3, 5),
                ("unknown_variant", "model.rho.precision", 3, 26),
            ])
        );
        let [typo, variant] = loaded.diagnostics() else {
            unreachable!()
        };
        assert_eq!(typo.severity(), Severity::Warning);
        assert_eq!(pointed(typo), "enabel");
        assert_eq!(typo.help(), Some("did you mean `enable`?"));
        assert!(
            typo.origin()
                .expect("an origin")
                .name()
                .ends_with("override.yaml")
        );
        assert_eq!(pointed(variant), "\"fp33\"");
        assert_eq!(
            variant.message(),
            "unknown variant `fp33`, expected one of `fp32`, `bf16`, `fp8`"
        );
        assert_eq!(variant.help(), Some("did you mean `fp32`?"));
        assert_eq!(variant.origin().expect("an origin").provider(), "JSON file");
        Ok(())
    });
}

#[test]
fn a_missing_field_points_at_the_table_that_lacks_it() {
    Jail::expect_with(|jail| {
        jail.create_file(
            "base.toml",
            "[model.rho]\nwindow = 4\n\n[train]\nlr = 0.1\n",
        )?;
        let figment = Figment::from(Toml::file("base.toml"));
        let loaded = load::<App>(&figment);
        assert!(loaded.value().is_none());
        let codes: Vec<_> = loaded
            .diagnostics()
            .iter()
            .map(|d| (d.code(), d.message(), d.path()))
            .collect();
        assert_eq!(
            codes,
            [
                ("missing_field", "missing field `name`", ""),
                ("missing_field", "missing field `steps`", "train"),
            ]
        );
        // No source has a top-level `name`: it is nowhere.
        assert_eq!(loaded.diagnostics()[0].origin(), None);
        let steps = &loaded.diagnostics()[1];
        assert!(
            steps
                .origin()
                .expect("an origin")
                .name()
                .ends_with("base.toml")
        );
        assert_eq!((steps.line(), steps.column()), (4, 1));
        assert_eq!(pointed(steps), "[train]");
        Ok(())
    });
}

#[test]
fn a_file_of_profiles_is_located_under_its_profile() {
    Jail::expect_with(|jail| {
        jail.create_file(
            "profiles.toml",
            "[default]\nname = \"enc\"\n\n[default.model.quant]\nbits = 1\n",
        )?;
        let figment = Figment::from(Toml::file("profiles.toml").nested());
        let loaded = load::<App>(&figment);
        assert_eq!(
            summary(&loaded),
            owned(&[("range", "model.quant.bits", 5, 8)])
        );
        assert_eq!(pointed(only(&loaded)), "1");
        Ok(())
    });
}

#[test]
fn a_file_that_does_not_parse_gives_its_syntax_errors() {
    Jail::expect_with(|jail| {
        jail.create_file("base.toml", "[model.rho]\nwindow = \n")?;
        let loaded = load::<App>(&layered());
        assert!(!loaded.is_parsed() && loaded.value().is_none());
        let error = only(&loaded);
        assert_eq!(error.code(), "syntax");
        assert_eq!(error.line(), 2);
        assert!(
            error
                .origin()
                .expect("an origin")
                .name()
                .ends_with("base.toml")
        );
        let text = render(error, false);
        assert!(text.contains("2 | window = "), "{text}");
        Ok(())
    });
}

#[test]
fn a_table_of_the_merged_value_loads_as_extract_inner_reads_it() {
    Jail::expect_with(|jail| {
        jail.create_file("base.toml", "[model.quant]\nbits = 9\n[other]\nx = 1\n")?;
        jail.set_env("APP_MODEL__RHO__WINDOW", "0");
        let loaded = lowbit_core::figment::Options::new()
            .table("model")
            .load::<Model>(&layered());
        assert_eq!(
            summary(&loaded),
            owned(&[
                ("range", "model.quant.bits", 2, 8),
                ("range", "model.rho.window", 1, 24),
            ])
        );
        let value = loaded.into_value().expect("a value");
        assert_eq!((value.quant.bits, value.rho.window), (9, 0));
        Ok(())
    });
}
