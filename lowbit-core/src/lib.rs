//! # lowbit
//!
//! Declarative, compile-time-checked validation of configuration structs.
//!
//! Derive [`Validate`] on the serde structs and enums of a config and write
//! rules on fields. `validate()` reports every violated rule, with paths that
//! read like the config file (`quant.saved_activations.mode`), and every rule
//! is checked when the crate compiles: a misspelled field or a variant name
//! the enum does not have is a compile error at the attribute.
//!
//! ```
//! use lowbit_core::Validate;
//! use serde::Deserialize;
//!
//! #[derive(Deserialize, Validate, Default)]
//! #[serde(rename_all = "snake_case")]
//! enum Compression { #[default] None, Int8BlockExp, Fp8BlockExp }
//!
//! #[derive(Deserialize, Validate, Default)]
//! #[serde(rename_all = "snake_case")]
//! enum Interval { Step, #[default] Chunk }
//!
//! #[derive(Deserialize, Validate, Default)]
//! struct Rho {
//!     #[none_of("fp8_block_exp")]
//!     #[only_if(interval = "chunk")]
//!     compression: Compression,
//!     interval: Interval,
//! }
//!
//! let rho = Rho { compression: Compression::Fp8BlockExp, interval: Interval::Step };
//! let report = rho.validate().unwrap_err();
//! assert_eq!(report.len(), 2);
//! assert_eq!(
//!     report.to_string(),
//!     "compression must not be \"fp8_block_exp\"\n\
//!      compression may be set only when interval = \"chunk\""
//! );
//! ```
//!
//! The README lists every rule and option. The repository's
//! `examples/bitnet-config` package is a full example: a real model config
//! whose hand-written checks became attributes.
//!
//! Beyond `validate()`:
//!
//! - `shape` (with the feature `shape`): every type's fields and rules as
//!   data, which `docs` turns into a markdown table of a config's rules.
//! - `validate_with(&context)`: `custom` rules that take a context receive
//!   it at every level of nesting.
//! - `#[validate(at_most_one(a, b), exactly_one(..), at_least_one(..))]`
//!   and `#[validate(custom(check))]` on the container: rules of the whole
//!   struct; `custom(check, issues)` reports through [`Issues`] at any path
//!   below it.
//!
//! Cargo features, on by default:
//!
//! - `regex`: the rule `#[pattern("..")]` (the `regex` crate, with its
//!   Unicode syntax). Off (`default-features = false`), the rule is a
//!   compile error naming it. regex's `perf` engines, which change how fast
//!   it matches and never what, are left off for a lighter build; a `regex`
//!   dependency of your own with its default features turns them on.
//! - `url`: the rule `#[url]` (the `url` crate), likewise.
//!
//! Cargo features, off by default:
//!
//! - `toml`: `lowbit_core::toml` loads a TOML document into a `Validate`
//!   type and locates every problem in the source; `lowbit_core::diagnostic`
//!   renders them as rustc renders errors.
//! - `json`: `lowbit_core::json` does the same for a JSON document (no
//!   comments, no trailing commas, as JSON has none), and
//!   `Diagnostic::to_json` writes one JSON record per problem.
//! - `yaml`: `lowbit_core::yaml` does the same for a YAML document.
//! - `figment`: `lowbit_core::figment` loads a config layered from several
//!   sources (defaults, files, environment variables) with the `figment`
//!   crate, and says where each offending value was set: a file's line and
//!   column (with the formats whose features are on), an environment
//!   variable by its full name, or code.
//! - `load` (with any of the four): what they share, `lowbit_core::load`.
//! - `shape`: the derive also implements `shape::Shape`, and the modules
//!   `shape` and `docs` exist.
//! - `schema` (with `shape`): `lowbit_core::schema::json_schema`, a
//!   config's structure, defaults and rules as a JSON Schema.

#![deny(missing_docs)]
// `load` alone gives the types every loader shares; the reading machinery
// behind them is used by the formats, so with none of them on it is dead.
#![cfg_attr(
    all(
        feature = "load",
        not(any(
            feature = "toml",
            feature = "json",
            feature = "yaml",
            feature = "figment"
        ))
    ),
    allow(dead_code, unused_imports)
)]

#[cfg(feature = "load")]
pub mod diagnostic;
#[cfg(feature = "shape")]
pub mod docs;
#[cfg(feature = "figment")]
pub mod figment;
mod issues;
#[cfg(feature = "json")]
pub mod json;
pub mod limits;
#[cfg(feature = "load")]
pub mod load;
pub mod path;
pub mod report;
#[cfg(feature = "schema")]
pub mod schema;
#[cfg(feature = "shape")]
pub mod shape;
mod suggest;
#[cfg(feature = "toml")]
pub mod toml;
mod validate;
mod variants;
#[cfg(feature = "yaml")]
pub mod yaml;

#[doc(hidden)]
pub mod __private;

pub use issues::{Issue, Issues};
pub use lowbit_derive::Validate;
pub use path::{Location, Path, PathSegment};
pub use report::{Report, Value, Violation};
pub use validate::Validate;
pub use variants::VariantNames;
