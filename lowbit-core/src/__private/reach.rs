//! What a dotted path's end is, asked of rustc rather than of the derive.
//!
//! The derive of a struct sees the types of its own fields only; the type
//! at the end of `saved.mode` is written in `Saved`'s derive. Rather than
//! have every struct publish each field's type (an impl per field, which
//! every user pays for in compile time whether a path ever names the field
//! or not), the derive writes the path as a closure from the first field to
//! the value at its end, `|x: &Saved| Through::through(x).map(|s| &s.mode)`,
//! and these functions let rustc infer that value's type from it, in the
//! constants and literals that must know it. The closures are never
//! called.

use super::IntLiteral;
use super::lookup::Domain;
use super::traits::{Choice, Each, Items, Keys, Scalar};
use super::via::Through;

/// The path from a dotted path's first field to its end (or to the struct
/// that holds its last segment): `None` when an `Option` on the way is.
pub type Reach<S, T> = for<'a> fn(&'a S) -> Option<&'a T>;

/// Which part of the value at a dotted path's end a rule is about: the
/// value itself ([`End`]), its items for a quantifier ([`ItemOf`]) or for
/// `items(..)` ([`EachOf`]), its keys for `keys(..)` ([`KeyOf`]).
pub trait Part<T: ?Sized> {
    /// The type of that part.
    type Of: ?Sized;
}

/// The value at the end of a dotted path.
pub enum End {}
/// The items of the collection at the end of a dotted path, as quantifiers
/// see them.
pub enum ItemOf {}
/// The items of the collection at the end of a dotted path, as `items(..)`
/// sees them.
pub enum EachOf {}
/// The keys of the map at the end of a dotted path.
pub enum KeyOf {}

impl<T: ?Sized> Part<T> for End {
    type Of = T;
}

impl<T: Items + ?Sized> Part<T> for ItemOf {
    type Of = T::Item;
}

impl<T: Each + ?Sized> Part<T> for EachOf {
    type Of = T::Item;
}

impl<T: Keys + ?Sized> Part<T> for KeyOf {
    type Of = T::Key;
}

/// The names of the values of part `P` of what `reach` ends at, for the
/// constants that look up the names a rule compares with.
#[must_use]
pub const fn domain_of<P: Part<T>, S: ?Sized, T: ?Sized>(_reach: Reach<S, T>) -> Domain
where
    P::Of: Choice,
{
    <P::Of as Choice>::DOMAIN
}

/// The serde name of the field named `rust` in the struct `reach` ends at,
/// as paths spell it (empty for a flattened field): its Rust name unless
/// the struct's `FIELDS` says otherwise. A name the struct does not have is
/// rustc's error at the path already, so it is not made a second one here.
#[must_use]
pub const fn field_name<S: ?Sized, T: Through + ?Sized>(
    _reach: Reach<S, T>,
    rust: &'static str,
) -> &'static str {
    let fields = T::FIELDS;
    let mut i = 0;
    while i < fields.len() {
        if crate::suggest::eq(fields[i].0, rust) {
            return fields[i].1;
        }
        i += 1;
    }
    rust
}

/// An integer literal as the number type of part `P` of what `reach` ends
/// at: typed as that type's literal, so that one out of its range is
/// rustc's error at the literal.
#[inline]
pub fn int_literal_at<P: Part<T>, S: ?Sized, T: ?Sized>(
    _reach: Reach<S, T>,
    int: <<P::Of as Scalar>::Value as IntLiteral>::Int,
) -> <P::Of as Scalar>::Value
where
    P::Of: Scalar,
{
    <<P::Of as Scalar>::Value as IntLiteral>::from_int(int)
}
