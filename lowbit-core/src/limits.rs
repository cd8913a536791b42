//! Limits that keep validation bounded on any input.
//!
//! A recursive config type (`struct Node { #[nested] children: Vec<Node> }`)
//! read from a hostile file may nest deeper than the stack can descend.
//! `#[nested]` therefore descends at most [`max_nesting`] levels (128 by
//! default, as `serde_json` bounds its own recursion); below that, the value
//! is not checked and a violation with the code `max_nesting` says so, at
//! the level where checking stopped. `validate()` then fails: a value that
//! was not checked is not known to be valid.
//!
//! ```
//! use lowbit_core::Validate;
//!
//! #[derive(Validate, Default)]
//! struct Node {
//!     #[range(max = 9)]
//!     weight: u8,
//!     #[nested]
//!     children: Vec<Node>,
//! }
//!
//! let mut deep = Node::default();
//! for _ in 0..200 {
//!     deep = Node { weight: 1, children: vec![deep] };
//! }
//! let report = deep.validate().unwrap_err();
//! let violation = report.iter().next().unwrap();
//! assert_eq!(violation.code(), "max_nesting");
//! assert_eq!(report.len(), 1);
//! ```

use std::sync::atomic::{AtomicUsize, Ordering};

/// The default of [`max_nesting`].
pub const DEFAULT_MAX_NESTING: usize = 128;

static MAX_NESTING: AtomicUsize = AtomicUsize::new(DEFAULT_MAX_NESTING);

/// How many levels `#[nested]` descends before it stops and reports
/// `max_nesting`.
#[must_use]
#[inline]
pub fn max_nesting() -> usize {
    MAX_NESTING.load(Ordering::Relaxed)
}

/// Sets [`max_nesting`] for the whole program: deeper configs, if you trust
/// them and your stack, or shallower, to refuse deep ones early. Each level
/// of a derived type's validation takes a stack frame of a few hundred
/// bytes at most.
pub fn set_max_nesting(levels: usize) {
    MAX_NESTING.store(levels, Ordering::Relaxed);
}
