//! Loading config files: a TOML document deserialized into a type that
//! derives [`Validate`], every problem located at its line and column.
//!
//! [`Options::load`] parses the document, deserializes the type from it (or
//! from a table inside it), notes the keys the type does not know, and
//! validates the value. Each problem becomes a [`Diagnostic`](crate::diagnostic::Diagnostic) that points at
//! the offending bytes: the value of a broken rule, a key nobody reads, a
//! value of the wrong type; for a rule about a field the file leaves out, the
//! table that would hold it. A rule marked `warn` is a warning, as an
//! unknown key is by default: reported, it leaves the document valid.
//!
//! ```
//! use lowbit_core::Validate;
//! use lowbit_core::diagnostic::Severity;
//! use serde::Deserialize;
//!
//! #[derive(Deserialize, Validate, Default)]
//! #[serde(rename_all = "snake_case")]
//! enum Precision { Fp32, #[default] Bf16, Fp8 }
//!
//! #[derive(Deserialize, Validate, Default)]
//! #[serde(default)]
//! struct Quant { enable: bool }
//!
//! #[derive(Deserialize, Validate, Default)]
//! #[serde(default)]
//! struct Rho {
//!     #[one_of("fp32", "bf16")]
//!     precision: Precision,
//! }
//!
//! #[derive(Deserialize, Validate, Default)]
//! #[serde(default)]
//! struct Model {
//!     #[nested]
//!     quant: Quant,
//!     #[nested]
//!     rho: Rho,
//! }
//!
//! let source = r#"
//! [model.quant]
//! enabel = true
//!
//! [model.rho]
//! precision = "fp8"
//! "#;
//! let loaded = lowbit_core::toml::Options::new()
//!     .table("model")
//!     .load::<Model>(source);
//! let [typo, rule] = loaded.diagnostics() else { panic!() };
//!
//! assert_eq!((typo.severity(), typo.code()), (Severity::Warning, "unknown_key"));
//! assert_eq!(typo.path(), "model.quant.enabel");
//! assert_eq!((typo.line(), typo.column()), (3, 1));
//! assert_eq!(typo.help(), Some("did you mean `enable`?"));
//!
//! assert_eq!((rule.code(), rule.path()), ("one_of", "model.rho.precision"));
//! assert_eq!((rule.line(), rule.column()), (6, 13));
//! assert!(!loaded.is_valid());
//! ```
//!
//! A struct that `#[serde(flatten)]`s another reads its table as a map, and
//! serde reads the flattened struct from a buffer, with no position: its
//! errors are located by the value they describe, and the keys neither
//! struct knows are learned by reading the document again, once for each
//! key the flattened struct knows (at most 32 times; past that, none is
//! reported), and have no did-you-mean. So are those in the variants of an
//! internally tagged enum, which serde reads from a buffer too; not those in
//! an untagged enum's variants, which serde gives no way to tell apart.
//!
//! Limits: serde stops
//! at the first value it cannot read, so after such an error the loader
//! removes that key and reads again (up to 16 times) to report the next one,
//! then says how many more there are, and does not validate a value read
//! from a document it had to cut.
//!
//! Hostile input: a document larger than [`Options::max_size`] (64 MiB by
//! default) is refused before it is parsed; an array or a table where a
//! struct belongs is a type error, not a struct read field by field; a
//! float too large for an `f32` is an error, not infinity; an unclosed
//! array is one error, not one for each line after it.

mod syntax;

use std::cell::RefCell;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::PathSegment;
use crate::Validate;
use crate::load::{Document, Seen, Tree};

pub use crate::load::{DEFAULT_MAX_SIZE, Loaded, Toml};

/// How a TOML document is loaded: [`crate::load::Options`] for TOML. Made
/// once, it loads any number of documents.
pub type Options<'c> = crate::load::Options<'c, Toml>;

/// Loads `source` with the default [`Options`]: the whole document is a `T`,
/// unknown keys are warnings.
#[must_use]
pub fn load<'de, T>(source: &'de str) -> Loaded<T>
where
    T: Deserialize<'de> + Validate,
{
    Options::new().load(source)
}

impl Options<'_> {
    /// Parses `source`, deserializes a `T` from it and validates the value.
    /// Every problem is a [`Diagnostic`](crate::diagnostic::Diagnostic) in
    /// the result, in the order of the source; this never fails. It never
    /// panics either, as long as the type's own code does not: a panic in a
    /// `Deserialize` impl or in a rule's function (`custom`) is caught and
    /// reported as a `panic` error, with no value. The panic hook still runs
    /// (it prints the panic), and under `panic = "abort"` nothing can be
    /// caught.
    #[must_use]
    pub fn load<'de, T>(&self, source: &'de str) -> Loaded<T>
    where
        T: Deserialize<'de> + Validate,
    {
        self.load_as::<Toml, T>(source)
    }
}

impl Tree for Spanned<DeValue<'_>> {
    fn span(&self) -> Range<usize> {
        Spanned::span(self)
    }

    fn child(&self, segment: &PathSegment) -> Option<(Option<Range<usize>>, &Self)> {
        match (segment, self.get_ref()) {
            (PathSegment::Index(index), DeValue::Array(array)) => {
                array.get(*index).map(|item| (None, item))
            }
            (segment, DeValue::Table(table)) => segment
                .key()
                .and_then(|key| table.get_key_value(key))
                .map(|(key, value)| (Some(key.span()), value)),
            _ => None,
        }
    }

    fn child_mut(&mut self, segment: &PathSegment) -> Option<&mut Self> {
        match (segment, self.get_mut()) {
            (PathSegment::Index(index), DeValue::Array(array)) => array.get_mut(*index),
            (segment, DeValue::Table(table)) => table.get_mut(segment.key()?),
            _ => None,
        }
    }

    fn remove(&mut self, key: &str) -> Option<Self> {
        match self.get_mut() {
            DeValue::Table(table) => table.remove(key),
            _ => None,
        }
    }

    fn entries(&self) -> Vec<(PathSegment, &Self)> {
        match self.get_ref() {
            DeValue::Table(table) => table
                .iter()
                .map(|(key, value)| (PathSegment::Field(key.get_ref().to_string().into()), value))
                .collect(),
            DeValue::Array(array) => array
                .iter()
                .enumerate()
                .map(|(index, item)| (PathSegment::Index(index), item))
                .collect(),
            _ => Vec::new(),
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self.get_ref() {
            DeValue::String(text) => Some(text),
            _ => None,
        }
    }

    fn is_table(&self) -> bool {
        self.get_ref().is_table()
    }

    fn type_str(&self) -> &'static str {
        self.get_ref().type_str()
    }
}

impl<'s> Document<'s> for Toml {
    type Tree = Spanned<DeValue<'s>>;
    type Error = toml::de::Error;
    const TABLE: &'static str = "table";

    fn parse(source: &'s str) -> Result<Self::Tree, Vec<(Range<usize>, String)>> {
        let (table, errors) = DeTable::parse_recoverable(source);
        if errors.is_empty() {
            return Ok(Spanned::new(
                table.span(),
                DeValue::Table(table.into_inner()),
            ));
        }
        let errors = errors.iter().map(|error| syntax::SyntaxError {
            span: error.span().unwrap_or(source.len()..source.len()),
            message: error.message().to_owned(),
        });
        Err(syntax::worth_reporting(&table, errors)
            .into_iter()
            .map(|error| (error.span, error.message))
            .collect())
    }

    fn empty_table(span: Range<usize>) -> Self::Tree {
        Spanned::new(span, DeValue::Table(DeTable::new()))
    }

    fn missing_table(path: &str) -> String {
        format!("`[{path}]` table")
    }

    fn deserialize<T: Deserialize<'s>>(
        tree: &Self::Tree,
        seen: &RefCell<Seen>,
    ) -> Result<T, Self::Error> {
        // toml's deserializer owns its value: each pass reads a copy.
        crate::load::watch(ValueDeserializer::from(tree.clone()), seen)
    }

    fn error_message(error: &Self::Error) -> String {
        error.message().to_owned()
    }

    fn error_span(error: &Self::Error) -> Option<Range<usize>> {
        error.span()
    }
}
