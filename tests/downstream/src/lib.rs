//! A strict downstream crate: lowbit used as its users use it, under the
//! strictest settings a crate may choose. It depends on lowbit-core under
//! another name (`lb`), has no prelude, shadows the prelude's names with its
//! own items, and denies warnings with clippy's pedantic lints on. It is
//! built once per edition (see the `edition-*` packages beside this file).
//! Its `hygiene` module, built under test, does the same for lowbit under
//! its own name, with the prelude in scope and shadowed.

#![no_implicit_prelude]
#![deny(warnings, missing_docs, unsafe_code, unused_qualifications)]
#![warn(clippy::pedantic)]

use ::lb::Validate;
use ::serde::Deserialize;

/// Shadows the prelude's `Result`.
pub struct Result;
/// Shadows the prelude's `Option`.
pub struct Option;
/// Shadows the prelude's `Some`.
pub struct Some;
/// Shadows the prelude's `None`.
pub struct None;
/// Shadows the prelude's `Ok`.
pub struct Ok;
/// Shadows the prelude's `Err`.
pub struct Err;
/// Shadows the prelude's `Vec`.
pub struct Vec;
/// Shadows the prelude's `String`.
pub struct String;
/// Shadows the prelude's `Box`.
pub struct Box;
/// Shadows `core`, which generated code must reach as `::core`.
pub mod core {}

/// A precision, named in snake case in files.
#[derive(Deserialize, Validate, Default, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
#[validate(crate = "::lb")]
pub enum Precision {
    /// 32-bit floats.
    #[default]
    Fp32,
    /// bfloat16.
    Bf16,
    /// 8-bit floats, also spelled `f8`.
    #[serde(alias = "f8")]
    Fp8Exp,
}

/// Where weights come from.
#[derive(Deserialize, Validate)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[validate(crate = "::lb")]
pub enum Source {
    /// Nothing to load.
    Empty,
    /// A file on disk.
    File {
        /// The file's path.
        #[non_empty]
        path: ::std::string::String,
    },
}

/// One layer.
#[derive(Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[validate(crate = "::lb")]
pub struct Layer {
    /// Its precision.
    #[none_of("fp32")]
    pub precision: Precision,
    /// Its scale, only for 8-bit floats; a rule may use a variant's alias,
    /// as a file may.
    #[only_if(precision = "f8")]
    #[range(min = 0.0, max = 4.0, warn)]
    pub scale_factor: ::std::option::Option<f32>,
    /// `type` in files; a long name is only a warning.
    #[none_of("dense")]
    #[length(max = 8, warn, message = "{path} is long")]
    pub r#type: ::std::string::String,
    /// Within its layer's window, a multiple of 8 while it has a type; its
    /// message names the type.
    #[serde(default)]
    #[range(min = 1, max = window, if(r#type != ""))]
    #[multiple_of(8, message = "{path} must be a multiple of 8 in a {type} layer")]
    pub width: u32,
    /// The window the width lies in.
    #[serde(default)]
    pub window: u32,
    /// Kept for old files: never set when wide, and then only with a
    /// window at least the width (compared field with field).
    #[serde(default)]
    #[forbidden(if(width > 64))]
    #[requires(window >= width)]
    pub legacy: ::std::option::Option<u32>,
}

/// A model, generic in what its heads are.
#[derive(Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[validate(crate = "::lb", gate = enabled)]
pub struct Model<H> {
    /// Everything below is checked only while set.
    pub enabled: bool,
    /// The layers.
    #[nested]
    #[length(max = 4)]
    pub layers: ::std::vec::Vec<Layer>,
    /// Named heads, by short names.
    #[nested]
    #[keys(length(max = 8))]
    pub heads: ::std::collections::BTreeMap<::std::string::String, H>,
    /// Its weights.
    #[nested]
    pub weight_source: ::std::boxed::Box<Source>,
    /// A name, checked by a function with a context.
    #[custom(known_name, context, ungated)]
    pub name: ::std::string::String,
    /// Checked whenever it is set, with its own message.
    #[requires(enabled, ungated, message = "{path} needs the model enabled")]
    pub strict: bool,
}

/// The names a model may have, given to `validate_with`.
pub struct Names(pub ::std::vec::Vec<&'static str>);

/// The rule behind `name`.
///
/// # Errors
///
/// When `names` does not hold `name`.
pub fn known_name(name: &str, names: &Names) -> ::std::result::Result<(), ::std::string::String> {
    if names.0.contains(&name) {
        ::std::result::Result::Ok(())
    } else {
        ::std::result::Result::Err(::std::format!("unknown model name {name:?}"))
    }
}

/// A health check, generic in its HTTP action: one handler, and checks of
/// the whole struct of both forms.
#[derive(Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[validate(crate = "::lb", exactly_one(exec, http_get), at_most_one(exec, port))]
#[validate(custom(ports_in_range, issues), custom(probe_named, context))]
pub struct Probe<P> {
    /// A command to run.
    pub exec: ::std::vec::Vec<::std::string::String>,
    /// An HTTP request to make.
    pub http_get: ::std::option::Option<P>,
    /// The port, for `httpGet`.
    pub port: ::std::option::Option<u16>,
    /// Extra ports to listen on.
    pub extra_ports: ::std::vec::Vec<u16>,
    /// Its name, one of the context's.
    pub name: ::std::string::String,
}

/// Every extra port is above 1023.
pub fn ports_in_range<P>(probe: &Probe<P>, issues: &mut ::lb::Issues<'_>) {
    for (index, port) in ::core::iter::Iterator::enumerate(probe.extra_ports.iter()) {
        if *port < 1024 {
            issues
                .field("extraPorts")
                .index(index)
                .error(::std::format!("port {port} is privileged"));
        }
    }
}

/// The probe's name is one of `names`.
///
/// # Errors
///
/// When `names` does not hold it.
pub fn probe_named<P>(
    probe: &Probe<P>,
    names: &Names,
) -> ::std::result::Result<(), ::std::string::String> {
    known_name(&probe.name, names)
}

// The hygiene module derives without `crate = ..`, so generated code names
// `::lowbit_core`: under test only, lowbit answers to that name too. The
// library's own types still compile with nothing but `lb`, in the build
// that is not a test.
#[cfg(test)]
extern crate lb as lowbit_core;
#[cfg(test)]
mod hygiene;

#[cfg(test)]
mod tests {
    use ::std::prelude::rust_2021::*;
    use ::std::{assert, assert_eq, vec};

    use super::{Layer, Model, Names, Precision};
    use ::lb::Validate;

    const DOCUMENT: &str = r#"
        enabled = true
        name = "enc"
        strict = true
        weightSource = { kind = "file", path = "" }
        [[layers]]
        precision = "fp32"
        scaleFactor = 0.5
        type = "dense"
        width = 12
        window = 16
        [[layers]]
        precision = "f8"
        scaleFactor = 0.5
        type = "conv"
        width = 8
        window = 4
        legacy = 1
        [heads.first]
        precision = "bf16"
        type = "conv"
        width = 72
        window = 80
        legacy = 3
        [heads.second_head]
        precision = "bf16"
        type = "conv"
        width = 8
        window = 8
    "#;

    #[test]
    fn paths_are_serde_names_at_every_level() {
        let model: Model<Layer> = ::toml::from_str(DOCUMENT).unwrap();
        let names = Names(vec!["enc"]);
        let report = model.validate_with(&names).unwrap_err();
        let lines: Vec<String> = report
            .iter()
            .map(|violation| format!("{}: {violation}", violation.path()))
            .collect();
        assert_eq!(
            lines,
            [
                r#"layers[0].precision: layers[0].precision must not be "fp32""#,
                r#"layers[0].scaleFactor: layers[0].scaleFactor may be set only when precision = "f8""#,
                r#"layers[0].type: layers[0].type must not be "dense""#,
                "layers[0].width: layers[0].width must be a multiple of 8 in a dense layer",
                r#"layers[1].width: layers[1].width must be between 1 and window while type != "", not 8"#,
                "layers[1].legacy: layers[1].legacy requires window >= width",
                r#"heads["first"].legacy: heads["first"].legacy must not be set while width > 64"#,
                r#"heads["second_head"]: key heads["second_head"] must have a length of at most 8, not 11"#,
                "weightSource.path: weightSource.path must not be empty",
            ]
        );
        assert!(!model.is_valid_with(&names));
    }

    #[test]
    fn warnings_leave_a_layer_valid() {
        let layer = Layer {
            precision: Precision::Fp8Exp,
            scale_factor: ::std::option::Option::Some(8.0),
            r#type: "convolution".to_owned(),
            width: 8,
            window: 8,
            legacy: ::std::option::Option::None,
        };
        assert!(layer.is_valid());
        assert!(layer.validate().is_ok());
        let report = layer.report();
        let lines: Vec<(String, bool)> = report
            .iter()
            .map(|violation| (violation.to_string(), violation.is_warning()))
            .collect();
        assert_eq!(
            lines,
            [
                (
                    "scaleFactor should be between 0.0 and 4.0, not 8.0".to_owned(),
                    true
                ),
                ("type is long".to_owned(), true),
            ]
        );
    }

    #[test]
    fn rules_of_the_whole_struct() {
        let probe: super::Probe<::std::string::String> = ::toml::from_str(
            r#"
            exec = ["true"]
            httpGet = "/healthz"
            port = 8080
            extraPorts = [8081, 80]
            name = "web"
            "#,
        )
        .unwrap();
        let names = Names(vec!["enc"]);
        let report = probe.validate_with(&names).unwrap_err();
        let lines: Vec<String> = report
            .iter()
            .map(|violation| format!("{} [{}]: {violation}", violation.path(), violation.code()))
            .collect();
        assert_eq!(
            lines,
            [
                "port [at_most_one]: exec and port are both set; at most one of exec, port may be set",
                "httpGet [exactly_one]: exec and httpGet are both set; only one of exec, httpGet may be set",
                "extraPorts[1] [custom]: port 80 is privileged",
                r#" [custom]: unknown model name "web""#,
            ]
        );
        assert!(!probe.is_valid_with(&names));
    }

    #[test]
    fn the_gate_and_the_context() {
        let mut model: Model<Layer> = ::toml::from_str(DOCUMENT).unwrap();
        model.enabled = false;
        let report = model.validate().unwrap_err();
        let lines: Vec<String> = report.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "this rule needs a context of type `Names`; pass one to `validate_with` or to a loader's `Options::context`".to_owned(),
                "strict needs the model enabled".to_owned(),
            ]
        );
        model.strict = false;
        assert!(model.validate_with(&Names(vec!["enc"])).is_ok());
    }
}
