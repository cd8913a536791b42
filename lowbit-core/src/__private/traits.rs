//! The traits through which generated code reads a field, whatever its type.
//! Each one names what a rule needs of a type; a type without it is a compile
//! error at the rule, worded by `on_unimplemented`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::hash::BuildHasher;

use super::lookup::Domain;
use crate::report::Value;

/// The field named by hash `H` of a struct that derives `Validate`: how
/// dotted paths (`saved_activations.mode`) reach into nested structs.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no field of the name this path uses",
    label = "no such field in `{Self}`",
    note = "a dotted path reaches into the fields of a struct that derives `Validate`, by their Rust names"
)]
pub trait Field<const H: u64> {
    /// The field's type.
    type Type: ?Sized;
    /// The field's serde name.
    const NAME: &'static str;
}

/// The notion of "set" that `requires`, `required_if` and conditions use.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no notion of being set",
    label = "lowbit cannot tell whether this `{Self}` is set",
    note = "a bool is set when true, an Option when Some, a string or collection when non-empty, an enum that derives `Validate` when it is not its `#[default]` variant"
)]
pub trait IsSet {
    /// Whether the value is set.
    fn is_set(&self) -> bool;
}

/// A value compared with names: an enum deriving `Validate` (by its serde
/// names, checked at compile time) or a string (by its text).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be compared with a string",
    label = "this compares `{Self}` with a string",
    note = "strings are compared with enums that derive `Validate` (by their serde names), with `String` and `&str`, and with `Option`s of those",
    note = "if `{Self}` is an enum, add `#[derive(lowbit_core::Validate)]` to it"
)]
pub trait Choice {
    /// The names a value of this type can take.
    const DOMAIN: Domain;
    /// Whether there is a value (`None` has none).
    fn present(&self) -> bool;
    /// Whether the value is the choice at `index` of the domain (for enums)
    /// or has the text `name` (for strings).
    fn is(&self, index: usize, name: &str) -> bool;
}

/// A bool, compared with `true` or `false`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be compared with a bool",
    label = "this compares `{Self}` with `true` or `false`",
    note = "compare enums and strings with a string, such as `mode = \"chunk\"`"
)]
pub trait Flag {
    /// The bool, if there is one.
    fn flag(&self) -> Option<bool>;
}

/// A collection whose items `every(..)` and `some(..)` range over.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a collection of items",
    label = "`every` and `some` range over the items of a collection",
    note = "`Vec`, arrays, slices, `VecDeque`, sets and `Option` have items"
)]
pub trait Items {
    /// The item type.
    type Item;
    /// The iterator over the items.
    type Iter<'a>: Iterator<Item = &'a Self::Item>
    where
        Self: 'a;
    /// The items.
    fn items(&self) -> Self::Iter<'_>;
}

/// Something with a length, for `length` and `non_empty`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no length",
    label = "`length` and `non_empty` apply to strings and collections",
    note = "a string's length is counted in characters"
)]
pub trait Length {
    /// The length, or `None` when the value is absent (`None`).
    fn length(&self) -> Option<usize>;
}

/// A number, for `range`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a number",
    label = "`range` applies to integers and floats, and `Option`s of them"
)]
pub trait Scalar {
    /// The number type.
    type Value: PartialOrd;
    /// The number, or `None` when the value is absent.
    fn scalar(&self) -> Option<&Self::Value>;
}

/// The offending value a violation names.
pub trait Describe {
    /// The value as the config spells it, where it has a short spelling.
    fn describe(&self) -> Option<Value>;
}

impl IsSet for bool {
    #[inline]
    fn is_set(&self) -> bool {
        *self
    }
}

impl<T> IsSet for Option<T> {
    #[inline]
    fn is_set(&self) -> bool {
        self.is_some()
    }
}

impl IsSet for str {
    #[inline]
    fn is_set(&self) -> bool {
        !self.is_empty()
    }
}

impl IsSet for String {
    #[inline]
    fn is_set(&self) -> bool {
        !self.is_empty()
    }
}

impl<T: IsSet + ?Sized> IsSet for &T {
    #[inline]
    fn is_set(&self) -> bool {
        (**self).is_set()
    }
}

impl<T: IsSet + ?Sized> IsSet for Box<T> {
    #[inline]
    fn is_set(&self) -> bool {
        (**self).is_set()
    }
}

macro_rules! collections {
    ($($ty:ident<$($param:ident),*> $(where $($bound:ident: $trait:path),*)?;)*) => {$(
        impl<$($param),* $($(, $bound: $trait)*)?> IsSet for $ty<$($param),* $($(, $bound)*)?> {
            #[inline]
            fn is_set(&self) -> bool {
                !self.is_empty()
            }
        }
        impl<$($param),* $($(, $bound: $trait)*)?> Length for $ty<$($param),* $($(, $bound)*)?> {
            #[inline]
            fn length(&self) -> Option<usize> {
                Some(self.len())
            }
        }
        impl<$($param),* $($(, $bound: $trait)*)?> Describe for $ty<$($param),* $($(, $bound)*)?> {
            fn describe(&self) -> Option<Value> {
                None
            }
        }
    )*};
}

collections! {
    Vec<T>;
    VecDeque<T>;
    BTreeSet<T>;
    BTreeMap<K, V>;
    HashSet<T> where S: BuildHasher;
    HashMap<K, V> where S: BuildHasher;
}

impl<T> IsSet for [T] {
    #[inline]
    fn is_set(&self) -> bool {
        !self.is_empty()
    }
}

impl<T, const N: usize> IsSet for [T; N] {
    #[inline]
    fn is_set(&self) -> bool {
        N != 0
    }
}

#[diagnostic::do_not_recommend]
impl<T: Choice + ?Sized> Choice for &T {
    const DOMAIN: Domain = T::DOMAIN;
    #[inline]
    fn present(&self) -> bool {
        (**self).present()
    }
    #[inline]
    fn is(&self, index: usize, name: &str) -> bool {
        (**self).is(index, name)
    }
}

#[diagnostic::do_not_recommend]
impl<T: Choice + ?Sized> Choice for Box<T> {
    const DOMAIN: Domain = T::DOMAIN;
    #[inline]
    fn present(&self) -> bool {
        (**self).present()
    }
    #[inline]
    fn is(&self, index: usize, name: &str) -> bool {
        (**self).is(index, name)
    }
}

/// `f = "v"` on an `Option` means `Some(v)`; `None` equals nothing.
#[diagnostic::do_not_recommend]
impl<T: Choice> Choice for Option<T> {
    const DOMAIN: Domain = T::DOMAIN;
    #[inline]
    fn present(&self) -> bool {
        self.as_ref().is_some_and(Choice::present)
    }
    #[inline]
    fn is(&self, index: usize, name: &str) -> bool {
        self.as_ref().is_some_and(|value| value.is(index, name))
    }
}

#[diagnostic::do_not_recommend]
impl Choice for str {
    const DOMAIN: Domain = Domain::OPEN;
    #[inline]
    fn present(&self) -> bool {
        true
    }
    #[inline]
    fn is(&self, _: usize, name: &str) -> bool {
        self == name
    }
}

#[diagnostic::do_not_recommend]
impl Choice for String {
    const DOMAIN: Domain = Domain::OPEN;
    #[inline]
    fn present(&self) -> bool {
        true
    }
    #[inline]
    fn is(&self, _: usize, name: &str) -> bool {
        self == name
    }
}

impl Flag for bool {
    #[inline]
    fn flag(&self) -> Option<bool> {
        Some(*self)
    }
}

impl<T: Flag> Flag for Option<T> {
    #[inline]
    fn flag(&self) -> Option<bool> {
        self.as_ref().and_then(Flag::flag)
    }
}

impl<T: Flag + ?Sized> Flag for &T {
    #[inline]
    fn flag(&self) -> Option<bool> {
        (**self).flag()
    }
}

impl<T> Items for [T] {
    type Item = T;
    type Iter<'a>
        = core::slice::Iter<'a, T>
    where
        T: 'a;
    #[inline]
    fn items(&self) -> Self::Iter<'_> {
        self.iter()
    }
}

impl<T> Items for Vec<T> {
    type Item = T;
    type Iter<'a>
        = core::slice::Iter<'a, T>
    where
        T: 'a;
    #[inline]
    fn items(&self) -> Self::Iter<'_> {
        self.iter()
    }
}

impl<T, const N: usize> Items for [T; N] {
    type Item = T;
    type Iter<'a>
        = core::slice::Iter<'a, T>
    where
        T: 'a;
    #[inline]
    fn items(&self) -> Self::Iter<'_> {
        self.iter()
    }
}

impl<T> Items for VecDeque<T> {
    type Item = T;
    type Iter<'a>
        = std::collections::vec_deque::Iter<'a, T>
    where
        T: 'a;
    #[inline]
    fn items(&self) -> Self::Iter<'_> {
        self.iter()
    }
}

impl<T> Items for BTreeSet<T> {
    type Item = T;
    type Iter<'a>
        = std::collections::btree_set::Iter<'a, T>
    where
        T: 'a;
    #[inline]
    fn items(&self) -> Self::Iter<'_> {
        self.iter()
    }
}

impl<T, S> Items for HashSet<T, S> {
    type Item = T;
    type Iter<'a>
        = std::collections::hash_set::Iter<'a, T>
    where
        T: 'a,
        S: 'a;
    #[inline]
    fn items(&self) -> Self::Iter<'_> {
        self.iter()
    }
}

impl<T> Items for Option<T> {
    type Item = T;
    type Iter<'a>
        = core::option::Iter<'a, T>
    where
        T: 'a;
    #[inline]
    fn items(&self) -> Self::Iter<'_> {
        self.iter()
    }
}

impl Length for str {
    #[inline]
    fn length(&self) -> Option<usize> {
        Some(self.chars().count())
    }
}

impl Length for String {
    #[inline]
    fn length(&self) -> Option<usize> {
        Some(self.chars().count())
    }
}

impl<T> Length for [T] {
    #[inline]
    fn length(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<T, const N: usize> Length for [T; N] {
    #[inline]
    fn length(&self) -> Option<usize> {
        Some(N)
    }
}

impl<T: Length> Length for Option<T> {
    #[inline]
    fn length(&self) -> Option<usize> {
        self.as_ref().and_then(Length::length)
    }
}

impl<T: Length + ?Sized> Length for &T {
    #[inline]
    fn length(&self) -> Option<usize> {
        (**self).length()
    }
}

impl<T: Length + ?Sized> Length for Box<T> {
    #[inline]
    fn length(&self) -> Option<usize> {
        (**self).length()
    }
}

impl<T: Scalar> Scalar for Option<T> {
    type Value = T::Value;
    #[inline]
    fn scalar(&self) -> Option<&T::Value> {
        self.as_ref().and_then(Scalar::scalar)
    }
}

impl<T: Scalar + ?Sized> Scalar for &T {
    type Value = T::Value;
    #[inline]
    fn scalar(&self) -> Option<&T::Value> {
        (**self).scalar()
    }
}

macro_rules! numbers {
    ($($variant:ident($wide:ty): $($ty:ty),*;)*) => {$($(
        impl Scalar for $ty {
            type Value = $ty;
            #[inline]
            fn scalar(&self) -> Option<&$ty> {
                Some(self)
            }
        }
        impl Describe for $ty {
            fn describe(&self) -> Option<Value> {
                Some(Value::$variant(<$wide>::from(*self)))
            }
        }
    )*)*};
}

numbers! {
    Int(i128): i8, i16, i32, i64, i128;
    UInt(u128): u8, u16, u32, u64, u128;
    Float(f64): f64;
}

impl Scalar for f32 {
    type Value = f32;
    #[inline]
    fn scalar(&self) -> Option<&f32> {
        Some(self)
    }
}

/// Through its shortest text, so that `1.1f32` is reported as `1.1`, not
/// as the f64 nearest to it.
impl Describe for f32 {
    fn describe(&self) -> Option<Value> {
        self.to_string().parse().ok().map(Value::Float)
    }
}

impl Scalar for isize {
    type Value = isize;
    #[inline]
    fn scalar(&self) -> Option<&isize> {
        Some(self)
    }
}

impl Scalar for usize {
    type Value = usize;
    #[inline]
    fn scalar(&self) -> Option<&usize> {
        Some(self)
    }
}

impl Describe for isize {
    fn describe(&self) -> Option<Value> {
        i128::try_from(*self).ok().map(Value::Int)
    }
}

impl Describe for usize {
    fn describe(&self) -> Option<Value> {
        u128::try_from(*self).ok().map(Value::UInt)
    }
}

impl Describe for bool {
    fn describe(&self) -> Option<Value> {
        Some(Value::Bool(*self))
    }
}

impl Describe for char {
    fn describe(&self) -> Option<Value> {
        Some(Value::Text(self.to_string()))
    }
}

impl Describe for str {
    fn describe(&self) -> Option<Value> {
        Some(Value::Text(self.to_owned()))
    }
}

impl Describe for String {
    fn describe(&self) -> Option<Value> {
        Some(Value::Text(self.clone()))
    }
}

impl<T: Describe> Describe for Option<T> {
    fn describe(&self) -> Option<Value> {
        self.as_ref().and_then(Describe::describe)
    }
}

impl<T: Describe + ?Sized> Describe for &T {
    fn describe(&self) -> Option<Value> {
        (**self).describe()
    }
}

impl<T: Describe + ?Sized> Describe for Box<T> {
    fn describe(&self) -> Option<Value> {
        (**self).describe()
    }
}

impl<T> Describe for [T] {
    fn describe(&self) -> Option<Value> {
        None
    }
}

impl<T, const N: usize> Describe for [T; N] {
    fn describe(&self) -> Option<Value> {
        None
    }
}
