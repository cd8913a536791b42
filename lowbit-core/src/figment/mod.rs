//! Loading a config layered from several sources with
//! [figment](https://docs.rs/figment) (defaults, files, environment
//! variables), every problem placed where its value was set.
//!
//! [`load`] extracts a `T` from a `Figment` as `Figment::extract` does,
//! validates it, and returns the same [`Loaded`] as the file loaders. Each
//! [`Diagnostic`] (a broken rule, a value of the wrong type, an unknown key,
//! an unknown variant) says, through [`Diagnostic::origin`], which source
//! set the offending value, the one that won when several did:
//!
//! - a file (`Toml::file`, `Json::file`, `Yaml::file`): the file is read
//!   again and the key located in it, so that the diagnostic has the file's
//!   line and column and [`render`] draws its source line, as the file
//!   loaders do. The format is the file's extension, else the provider's
//!   (`TOML file`); locating a format needs its feature (`toml`, `json`,
//!   `yaml`), else the diagnostic names the file with no position;
//! - an environment variable (`Env`): its full name and value,
//!   `APP_MODEL__QUANT__ENABLE=true`, as `set by the environment variable
//!   ...`; a value of the wrong type there names the variable;
//! - code (`Serialized::defaults`, `Serialized::default`): `set in code by
//!   ..` with the provider's name (the type's, for `Serialized`), and the
//!   file, line and column of the code that made the provider.
//!
//! A diagnostic about what no source set (a field every source leaves
//! out, at the top) has no origin. Diagnostics are in the order of the keys.
//!
//! ```
//! use figment::Figment;
//! use figment::providers::Serialized;
//! use lowbit_core::Validate;
//! use lowbit_core::diagnostic::OriginKind;
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Deserialize, Serialize, Validate, Default)]
//! #[serde(rename_all = "snake_case")]
//! enum Precision { Fp32, #[default] Bf16, Fp8 }
//!
//! #[derive(Deserialize, Serialize, Validate, Default)]
//! struct Rho {
//!     #[one_of("fp32", "bf16")]
//!     precision: Precision,
//!     #[range(min = 1, max = 64)]
//!     window: u32,
//! }
//!
//! let figment = Figment::from(Serialized::defaults(Rho { precision: Precision::Bf16, window: 8 }))
//!     .merge(Serialized::default("precision", "fp8"));
//! let loaded = lowbit_core::figment::load::<Rho>(&figment);
//! let [rule] = loaded.diagnostics() else { panic!() };
//! assert_eq!((rule.code(), rule.path()), ("one_of", "precision"));
//! let origin = rule.origin().expect("set by a source");
//! assert_eq!(origin.kind(), OriginKind::Code);
//! assert_eq!(origin.to_string(), "set in code by `&str`");
//! assert_eq!(rule.line(), line!() as usize - 7);
//! assert!(lowbit_core::figment::render(rule, false).contains("= note: set in code by `&str`"));
//! ```
//!
//! Values are read by figment's own deserializer, as `Figment::extract`
//! reads them (not `extract_lossy`); figment's magic types
//! (`RelativePathBuf`, `Tagged`) need its `extract` and are not read here.
//! A source figment cannot read at all (a file that does not parse) is
//! reported with its own syntax errors, located, when it is a file of a
//! format this crate parses; otherwise with figment's message, under the
//! code `source`. The other limits are those of [`crate::toml`].

mod origin;
mod tree;

use std::cell::RefCell;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::Arc;

use figment::error::{Actual, Kind, OneOf};
use figment::{Figment, Source};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::Validate;
use crate::diagnostic::{Diagnostic, LineIndex, Origin, OriginKind, Severity};
use crate::load::{Document, SYNTAX_ERRORS, Seen};
use origin::{Format, Origins};
use tree::{Node, Written};

pub use crate::load::Loaded;

/// A figment's merged value, as a format for [`crate::load::Options`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Layered;

/// How a figment is loaded: [`crate::load::Options`] for layered sources.
/// Its `table` is a dotted path into the merged value (as
/// `Figment::extract_inner` takes), and its `max_size` bounds the merged
/// value written out as JSON.
pub type Options<'c> = crate::load::Options<'c, Layered>;

/// Loads a `T` from `figment` with the default [`Options`]: the whole
/// merged value is a `T`, unknown keys are warnings.
#[must_use]
pub fn load<T>(figment: &Figment) -> Loaded<T>
where
    T: DeserializeOwned + Validate,
{
    Options::new().load(figment)
}

/// Draws `diagnostic` in its origin, as [`Diagnostic::render`] draws it in
/// a file: a file's line under the caret, an environment variable as
/// `NAME=value`, code by its file, line and column; and the origin in words
/// as a note.
#[must_use]
pub fn render(diagnostic: &Diagnostic, color: bool) -> String {
    match diagnostic.origin() {
        Some(origin) => diagnostic.render(file_name(origin), origin.text(), color),
        None => diagnostic.render("figment", "", color),
    }
}

/// What the `-->` line names.
fn file_name(origin: &Origin) -> &str {
    match origin.kind() {
        OriginKind::Env => "environment",
        _ => origin.name(),
    }
}

impl Options<'_> {
    /// Extracts a `T` from `figment`, validates it, and places every problem
    /// where its value was set. This never fails, and never panics unless
    /// the type's own code does (which is caught and reported as `panic`),
    /// as the file loaders' `load` says.
    #[must_use]
    pub fn load<T>(&self, figment: &Figment) -> Loaded<T>
    where
        T: DeserializeOwned + Validate,
    {
        let value = match figment.find_value("") {
            Ok(value) => value,
            Err(error) => return unread(figment, error),
        };
        let Written { root, text, sites } = Written::new(&value);
        HANDED.with(|handed| *handed.borrow_mut() = Some(root));
        let mut loaded = self.load_as::<Layered, T>(&text);
        // Taken by the load, unless the value was too large to be read.
        HANDED.with(|handed| handed.borrow_mut().take());
        let mut origins = Origins::new(figment);
        for diagnostic in &mut loaded.diagnostics {
            let about_a_value = !matches!(diagnostic.code, "panic" | "too_large");
            let site = about_a_value
                .then(|| {
                    sites
                        .binary_search_by_key(&diagnostic.span.start, |site| site.start)
                        .ok()
                })
                .flatten()
                .map(|at| &sites[at]);
            origins.place(diagnostic, site);
        }
        loaded
    }
}

thread_local! {
    /// The tree of the merged value, from [`Options::load`] to the shared
    /// loader's call of [`Document::parse`]: the loader parses text, and a
    /// figment is already a tree. Both run on the one thread, one after
    /// the other.
    static HANDED: RefCell<Option<Node>> = const { RefCell::new(None) };
}

impl<'s> Document<'s> for Layered {
    type Tree = Node;
    type Error = figment::Error;
    const TABLE: &'static str = "table";

    fn parse(source: &'s str) -> Result<Node, Vec<(Range<usize>, String)>> {
        let handed = HANDED.with(|handed| handed.borrow_mut().take());
        Ok(handed.unwrap_or_else(|| tree::empty(0..source.len())))
    }

    fn empty_table(span: Range<usize>) -> Node {
        tree::empty(span)
    }

    fn missing_table(path: &str) -> String {
        format!("`{path}` table")
    }

    fn deserialize<T: Deserialize<'s>>(
        tree: &Node,
        seen: &RefCell<Seen>,
    ) -> Result<T, figment::Error> {
        // Rebuilt for each read: a read after an error reads the tree less
        // what the loader cut from it.
        let value = tree.to_value();
        crate::load::watch(&value, seen)
    }

    fn error_message(error: &figment::Error) -> String {
        message(&error.kind)
    }

    fn error_span(_: &figment::Error) -> Option<Range<usize>> {
        // The watch knows the path, and the path the span.
        None
    }
}

/// What serde says of `kind`, in serde's words (figment has its own), so
/// that a diagnostic reads as the file loaders' do.
fn message(kind: &Kind) -> String {
    match kind {
        Kind::Message(message) => message.clone(),
        Kind::InvalidType(actual, expected) => {
            format!("invalid type: {}, expected {expected}", unexpected(actual))
        }
        Kind::InvalidValue(actual, expected) => {
            format!("invalid value: {}, expected {expected}", unexpected(actual))
        }
        Kind::InvalidLength(length, expected) => {
            format!("invalid length {length}, expected {expected}")
        }
        Kind::UnknownVariant(name, []) => {
            format!("unknown variant `{name}`, there are no variants")
        }
        Kind::UnknownVariant(name, expected) => {
            format!("unknown variant `{name}`, expected {}", OneOf(expected))
        }
        Kind::UnknownField(name, []) => format!("unknown field `{name}`, there are no fields"),
        Kind::UnknownField(name, expected) => {
            format!("unknown field `{name}`, expected {}", OneOf(expected))
        }
        Kind::MissingField(name) => format!("missing field `{name}`"),
        Kind::DuplicateField(name) => format!("duplicate field `{name}`"),
        other => other.to_string(),
    }
}

/// `actual` as serde's `Unexpected` writes it.
fn unexpected(actual: &Actual) -> String {
    let mut text = String::new();
    let _ = match actual {
        Actual::Bool(value) => write!(text, "boolean `{value}`"),
        Actual::Unsigned(value) => write!(text, "integer `{value}`"),
        Actual::Signed(value) => write!(text, "integer `{value}`"),
        Actual::Float(value) => write!(text, "floating point `{value}`"),
        Actual::Char(value) => write!(text, "character `{value}`"),
        Actual::Str(value) => write!(text, "string {value:?}"),
        Actual::Bytes(_) => write!(text, "byte array"),
        Actual::Unit => write!(text, "unit value"),
        Actual::Option => write!(text, "Option value"),
        Actual::NewtypeStruct => write!(text, "newtype struct"),
        Actual::Seq => write!(text, "sequence"),
        Actual::Map => write!(text, "map"),
        Actual::Enum => write!(text, "enum"),
        Actual::UnitVariant => write!(text, "unit variant"),
        Actual::NewtypeVariant => write!(text, "newtype variant"),
        Actual::TupleVariant => write!(text, "tuple variant"),
        Actual::StructVariant => write!(text, "struct variant"),
        Actual::Other(other) => write!(text, "{other}"),
    };
    text
}

/// What a figment whose sources do not all read yields: each source's
/// errors, a file's located in it.
fn unread<T>(figment: &Figment, error: figment::Error) -> Loaded<T> {
    let mut origins = Origins::new(figment);
    let mut diagnostics = Vec::new();
    for error in error {
        let file = error
            .metadata
            .as_ref()
            .and_then(|metadata| match &metadata.source {
                Some(Source::File(path)) => Some((metadata, path)),
                _ => None,
            });
        if let Some((metadata, path)) = file
            && let Some(format) = Format::of(path, &metadata.name)
            && let Some(text) = origins.read(path)
        {
            let errors = format.syntax_errors(&text);
            if !errors.is_empty() {
                let origin = Arc::new(Origin {
                    kind: OriginKind::File,
                    provider: metadata.name.to_string(),
                    name: path.display().to_string(),
                    text: text.clone(),
                });
                let lines = LineIndex::new(&text);
                for (span, message) in errors.into_iter().take(SYNTAX_ERRORS) {
                    let (line, column) = lines.position(span.start);
                    diagnostics.push(Diagnostic {
                        severity: Severity::Error,
                        code: "syntax",
                        message,
                        path: String::new(),
                        span,
                        line,
                        column,
                        label: None,
                        help: None,
                        origin: Some(origin.clone()),
                    });
                }
                continue;
            }
        }
        let mut diagnostic = Diagnostic {
            severity: Severity::Error,
            code: "source",
            message: error.to_string(),
            path: error.path.join("."),
            span: 0..0,
            line: 1,
            column: 1,
            label: None,
            help: None,
            origin: None,
        };
        if let Some(metadata) = &error.metadata {
            let name = match &metadata.source {
                Some(Source::File(path)) => path.display().to_string(),
                _ => metadata.name.to_string(),
            };
            let kind = match &metadata.source {
                Some(Source::File(_)) => OriginKind::File,
                Some(Source::Code(_)) => OriginKind::Code,
                _ => OriginKind::Other,
            };
            diagnostic.origin = Some(Arc::new(Origin {
                kind,
                provider: metadata.name.to_string(),
                name,
                text: "".into(),
            }));
        }
        diagnostics.push(diagnostic);
    }
    Loaded {
        value: None,
        diagnostics,
        parsed: false,
    }
}
