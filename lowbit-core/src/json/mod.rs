//! Loading JSON config files, every problem located at its line and column,
//! as [`crate::toml`] does for TOML: the same options, the same
//! [`Loaded`], the same guarantees.
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
//! struct Rho {
//!     #[one_of("fp32", "bf16")]
//!     precision: Precision,
//! }
//!
//! let source = r#"{
//!   "model": {
//!     "rho": {"precision": "fp8", "windw": 4}
//!   }
//! }"#;
//! let loaded = lowbit_core::json::Options::new()
//!     .table("model.rho")
//!     .load::<Rho>(source);
//! let [rule, typo] = loaded.diagnostics() else { panic!() };
//! assert_eq!((rule.code(), rule.path()), ("one_of", "model.rho.precision"));
//! assert_eq!((rule.line(), rule.column()), (3, 26));
//! assert_eq!((typo.severity(), typo.code()), (Severity::Warning, "unknown_key"));
//! assert_eq!((typo.line(), typo.column()), (3, 33));
//! ```
//!
//! The document is JSON as RFC 8259 has it: a comment or a trailing comma
//! is a syntax error, located. The parser is this crate's own (about two
//! hundred lines): `serde_json` knows no spans, and a JSON parser that
//! records them costs less than a dependency that does. It nests at most
//! 128 levels, as `serde_json` does. A string without escapes is read
//! borrowed from the document, so a field of type `&str` reads it, as with
//! `serde_json`; one with an escape must be decoded, and `&str` cannot hold
//! it (a `String` or a `Cow<str>` can).
//!
//! A document with nothing to report (the common case) is read first by
//! `serde_json`, straight into the type, and kept only if that read met no
//! error, no unknown key and no broken rule: the located parse runs only
//! for a document it has something to say about, and the result is the
//! same either way.

mod fast;
mod parse;

use std::cell::RefCell;
use std::ops::Range;

use serde::Deserialize;

use crate::load::tree::{Error, Node};
use crate::load::{Document, Seen};
use crate::{PathSegment, Validate};

pub use crate::load::{DEFAULT_MAX_SIZE, Json, Loaded};

/// How a JSON document is loaded: [`crate::load::Options`] for JSON. The
/// table it reads from is an object at a dotted path.
pub type Options<'c> = crate::load::Options<'c, Json>;

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
    /// Parses `source` as JSON, deserializes a `T` from it and validates
    /// the value. Every problem is a
    /// [`Diagnostic`](crate::diagnostic::Diagnostic) in the result, in the
    /// order of the source; this never fails, and never panics unless the
    /// type's own code does (which is caught and reported as `panic`), as
    /// [`toml::Options::load`](crate::load::Options) says.
    #[must_use]
    pub fn load<'de, T>(&self, source: &'de str) -> Loaded<T>
    where
        T: Deserialize<'de> + Validate,
    {
        self.load_as::<Json, T>(source)
    }
}

impl<'s> Document<'s> for Json {
    type Tree = Node<'s>;
    type Error = Error;
    const TABLE: &'static str = "object";

    fn parse(source: &'s str) -> Result<Node<'s>, Vec<(Range<usize>, String)>> {
        Self::parse_for(source, &[])
    }

    fn parse_for(
        source: &'s str,
        table: &[PathSegment],
    ) -> Result<Node<'s>, Vec<(Range<usize>, String)>> {
        parse::document_for(source, table).map_err(|error| vec![error])
    }

    fn read_fast<T: Deserialize<'s>>(source: &'s str, table: &[PathSegment]) -> Option<T> {
        fast::read(source, table)
    }

    fn empty_table(span: Range<usize>) -> Node<'s> {
        Node {
            span,
            kind: crate::load::tree::Kind::Map(Vec::new()),
        }
    }

    fn missing_table(path: &str) -> String {
        format!("`{path}` object")
    }

    fn deserialize<T: Deserialize<'s>>(tree: &Node<'s>, seen: &RefCell<Seen>) -> Result<T, Error> {
        crate::load::watch(tree, seen)
    }

    fn error_message(error: &Error) -> String {
        error.message.clone()
    }

    fn error_span(error: &Error) -> Option<Range<usize>> {
        error.span.clone()
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use crate::Validate;
    use serde::Deserialize;

    #[derive(Deserialize, Validate)]
    #[validate(crate = "crate")]
    struct Named<'a> {
        name: &'a str,
        #[serde(borrow)]
        alias: Cow<'a, str>,
    }

    #[test]
    fn plain_strings_are_borrowed_from_the_document() {
        let source = r#"{"name": "enc", "alias": "e\u006ec"}"#;
        let loaded = super::load::<Named<'_>>(source);
        let named = loaded.value().expect("read");
        assert_eq!(named.name, "enc");
        assert!(std::ptr::eq(named.name.as_ptr(), source[10..].as_ptr()));
        // Decoded, so it could not be borrowed.
        assert!(matches!(&named.alias, Cow::Owned(alias) if alias == "enc"));
        assert!(loaded.diagnostics().is_empty());
    }

    #[test]
    fn an_escaped_string_is_no_borrowed_str() {
        let loaded = super::load::<Named<'_>>(r#"{"name": "e\nc", "alias": "x"}"#);
        let [error] = loaded.diagnostics() else {
            panic!("{:?}", loaded.diagnostics())
        };
        assert_eq!(error.code(), "invalid_type");
        assert_eq!(error.path(), "name");
        assert_eq!((error.line(), error.column()), (1, 10));
    }
}
