//! Loading YAML config files, every problem located at its line and column,
//! as [`crate::toml`] does for TOML: the same options, the same
//! [`Loaded`], the same guarantees.
//!
//! ```
//! use lowbit_core::Validate;
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
//! let source = "\
//! ---
//! ## the model's settings
//! model:
//!   rho:
//!     precision: fp8
//! ";
//! let loaded = lowbit_core::yaml::Options::new()
//!     .table("model.rho")
//!     .load::<Rho>(source);
//! let [rule] = loaded.diagnostics() else { panic!() };
//! assert_eq!((rule.code(), rule.path()), ("one_of", "model.rho.precision"));
//! assert_eq!((rule.line(), rule.column()), (5, 16));
//! ```
//!
//! YAML 1.2 as `saphyr-parser` reads it: block and flow collections, plain,
//! quoted and block scalars, comments, a `---` marker, anchors and aliases
//! (a value reached through an alias is located at the alias). Plain
//! scalars take the core schema's types: `yes` is a string, `0x1f` an
//! integer, `~` null. A file holds one document; a key is a scalar; merge
//! keys (`<<`) are not expanded. Tabs separate as spaces do, except
//! right after a key's `:`, which `saphyr-parser` wants a space after. Aliases may add at most
//! [`MAX_ALIASED`] values to the tree, and collections nest at most 128
//! levels: a hostile document is an error, not an exhausted memory or stack.

mod build;
pub(crate) use build::plain;

use std::cell::RefCell;
use std::ops::Range;

use serde::Deserialize;

use crate::load::tree::{Error, Kind, Node};
use crate::load::{Document, Seen};
use crate::{PathSegment, Validate};

pub use crate::load::{DEFAULT_MAX_SIZE, Loaded, Yaml};

pub use build::MAX_ALIASED;

/// How a YAML document is loaded: [`crate::load::Options`] for YAML. The
/// table it reads from is a mapping at a dotted path.
pub type Options<'c> = crate::load::Options<'c, Yaml>;

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
    /// Parses `source` as YAML, deserializes a `T` from it and validates
    /// the value. Every problem is a
    /// [`Diagnostic`](crate::diagnostic::Diagnostic) in the result, in the
    /// order of the source; this never fails, and never panics unless the
    /// type's own code does (which is caught and reported as `panic`).
    #[must_use]
    pub fn load<'de, T>(&self, source: &'de str) -> Loaded<T>
    where
        T: Deserialize<'de> + Validate,
    {
        self.load_as::<Yaml, T>(source)
    }
}

impl<'s> Document<'s> for Yaml {
    type Tree = Node<'s>;
    type Error = Error;
    const TABLE: &'static str = "mapping";

    fn parse(source: &'s str) -> Result<Node<'s>, Vec<(Range<usize>, String)>> {
        Self::parse_for(source, &[])
    }

    fn parse_for(
        source: &'s str,
        table: &[PathSegment],
    ) -> Result<Node<'s>, Vec<(Range<usize>, String)>> {
        build::document_for(source, table).map_err(|error| vec![error])
    }

    fn empty_table(span: Range<usize>) -> Node<'s> {
        Node {
            span,
            kind: Kind::Map(Vec::new()),
        }
    }

    fn missing_table(path: &str) -> String {
        format!("`{path}` mapping")
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
