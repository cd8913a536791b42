//! The traits through which generated code reads a field, whatever its type.
//! Each one names what a rule needs of a type; a type without it is a compile
//! error at the rule, worded by `on_unimplemented`.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::hash::BuildHasher;
use std::rc::Rc;
use std::sync::Arc;

use super::lookup::Domain;
use crate::report::Value;

/// The field named by hash `H` of a generic struct that derives `Validate`:
/// how a dotted path that starts at a field whose type names its struct's
/// parameters reaches into nested structs, so that the impl can be bounded
/// by what its rules ask of the types on the way. Other paths are left to
/// rustc to infer (`reach`), and only generic structs have these impls.
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
    note = "if `{Self}` is an enum or holds one, add `#[derive(lowbit_core::Validate)]` to the enum; a collection's items are compared with `every(..)` or `some(..)`"
)]
// `Describe` is a supertrait so that a rule comparing names reports the
// value through the trait it already asks (`Choice::value`): one fully
// qualified call, where a probe for `Describe` costs the compiler a method
// lookup at every rule.
pub trait Choice: Describe {
    /// The names a value of this type can take.
    const DOMAIN: Domain;
    /// Whether there is a value (`None` has none).
    fn present(&self) -> bool;
    /// Whether the value is the choice at `index` of the domain (for enums)
    /// or has the text `name` (for strings).
    fn is(&self, index: usize, name: &str) -> bool;
    /// The value as a violation names it.
    #[inline]
    fn value(&self) -> Option<Value> {
        self.describe()
    }
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
    label = "`range` and number values apply to integers and floats, and `Option`s of them",
    note = "numbers are compared with numbers; a bool with `true` or `false`; an enum or a string with a string such as `\"chunk\"`"
)]
pub trait Scalar {
    /// The number type.
    type Value: PartialOrd + super::IntLiteral + Describe;
    /// The number, or `None` when the value is absent.
    fn scalar(&self) -> Option<&Self::Value>;
}

/// The offending value a violation names.
pub trait Describe {
    /// The value as the config spells it, where it has a short spelling;
    /// none by default (a struct's impl is empty, which costs the compiler
    /// no function body).
    fn describe(&self) -> Option<Value> {
        None
    }
}

/// `&T`, `Box<T>`, `Rc<T>`, `Arc<T>` and `Cow<T>` read as the `T` they point to.
macro_rules! through_pointers {
    ($($trait:ident { $($body:tt)* })*) => {$(
        #[diagnostic::do_not_recommend]
        impl<T: $trait + ?Sized> $trait for &T {
            $($body)*
        }
        #[diagnostic::do_not_recommend]
        impl<T: $trait + ?Sized> $trait for Box<T> {
            $($body)*
        }
        #[diagnostic::do_not_recommend]
        impl<T: $trait + ?Sized> $trait for Rc<T> {
            $($body)*
        }
        #[diagnostic::do_not_recommend]
        impl<T: $trait + ?Sized> $trait for Arc<T> {
            $($body)*
        }
        #[diagnostic::do_not_recommend]
        impl<T: $trait + ToOwned + ?Sized> $trait for Cow<'_, T> {
            $($body)*
        }
    )*};
}

through_pointers! {
    IsSet {
        #[inline]
        fn is_set(&self) -> bool {
            (**self).is_set()
        }
    }
    Flag {
        #[inline]
        fn flag(&self) -> Option<bool> {
            (**self).flag()
        }
    }
    Length {
        #[inline]
        fn length(&self) -> Option<usize> {
            (**self).length()
        }
    }
    Describe {
        fn describe(&self) -> Option<Value> {
            (**self).describe()
        }
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

#[diagnostic::do_not_recommend]
impl<T: Scalar + ?Sized> Scalar for &T {
    type Value = T::Value;
    #[inline]
    fn scalar(&self) -> Option<&T::Value> {
        (**self).scalar()
    }
}

/// `None` is absent: rules about a value pass it, `f = "v"` does not hold.
macro_rules! through_option {
    ($($trait:ident { $($body:tt)* })*) => {$(
        #[diagnostic::do_not_recommend]
        impl<T: $trait> $trait for Option<T> {
            $($body)*
        }
    )*};
}

through_option! {
    Flag {
        #[inline]
        fn flag(&self) -> Option<bool> {
            self.as_ref().and_then(Flag::flag)
        }
    }
    Length {
        #[inline]
        fn length(&self) -> Option<usize> {
            self.as_ref().and_then(Length::length)
        }
    }
    Describe {
        fn describe(&self) -> Option<Value> {
            self.as_ref().and_then(Describe::describe)
        }
    }
}

#[diagnostic::do_not_recommend]
impl<T> IsSet for Option<T> {
    #[inline]
    fn is_set(&self) -> bool {
        self.is_some()
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
impl<T: Scalar> Scalar for Option<T> {
    type Value = T::Value;
    #[inline]
    fn scalar(&self) -> Option<&T::Value> {
        self.as_ref().and_then(Scalar::scalar)
    }
}

#[diagnostic::do_not_recommend]
impl IsSet for bool {
    #[inline]
    fn is_set(&self) -> bool {
        *self
    }
}

#[diagnostic::do_not_recommend]
impl Flag for bool {
    #[inline]
    fn flag(&self) -> Option<bool> {
        Some(*self)
    }
}

impl Describe for bool {
    fn describe(&self) -> Option<Value> {
        Some(Value::Bool(*self))
    }
}

/// Strings: set when non-empty, compared by text, measured in characters.
macro_rules! strings {
    ($($ty:ty),*) => {$(
        #[diagnostic::do_not_recommend]
        impl IsSet for $ty {
            #[inline]
            fn is_set(&self) -> bool {
                !self.is_empty()
            }
        }
        #[diagnostic::do_not_recommend]
        impl Choice for $ty {
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
        impl Length for $ty {
            #[inline]
            fn length(&self) -> Option<usize> {
                Some(self.chars().count())
            }
        }
        impl Describe for $ty {
            fn describe(&self) -> Option<Value> {
                Some(Value::Text(self.to_owned()))
            }
        }
    )*};
}

strings!(str, String);

impl Describe for char {
    fn describe(&self) -> Option<Value> {
        Some(Value::Text(self.to_string()))
    }
}

/// Collections: set when non-empty, measured in items, with no short
/// spelling to report.
macro_rules! collections {
    ($([$($generics:tt)*] $ty:ty;)*) => {$(
        #[diagnostic::do_not_recommend]
        impl<$($generics)*> IsSet for $ty {
            #[inline]
            fn is_set(&self) -> bool {
                !self.is_empty()
            }
        }
        #[diagnostic::do_not_recommend]
        impl<$($generics)*> Length for $ty {
            #[inline]
            fn length(&self) -> Option<usize> {
                Some(self.len())
            }
        }
        impl<$($generics)*> Describe for $ty {
            fn describe(&self) -> Option<Value> {
                None
            }
        }
    )*};
}

collections! {
    [T] [T];
    [T, const N: usize] [T; N];
    [T] Vec<T>;
    [T] VecDeque<T>;
    [T] BTreeSet<T>;
    [K, V] BTreeMap<K, V>;
    [T, S: BuildHasher] HashSet<T, S>;
    [K, V, S: BuildHasher] HashMap<K, V, S>;
}

/// The collections `every(..)` and `some(..)` range over, with their iterators.
macro_rules! items {
    ($([$($generics:tt)*] $ty:ty => $iter:ident<$lt:lifetime>;)*) => {$(
        #[diagnostic::do_not_recommend]
        impl<$($generics)*> Items for $ty {
            type Item = T;
            type Iter<$lt>
                = $iter<$lt, T>
            where
                Self: $lt;
            #[inline]
            fn items(&self) -> Self::Iter<'_> {
                self.iter()
            }
        }
    )*};
}

use core::option::Iter as OptionIter;
use core::slice::Iter as SliceIter;
use std::collections::btree_set::Iter as BTreeSetIter;
use std::collections::hash_set::Iter as HashSetIter;
use std::collections::vec_deque::Iter as VecDequeIter;

items! {
    [T] [T] => SliceIter<'a>;
    [T, const N: usize] [T; N] => SliceIter<'a>;
    [T] Vec<T> => SliceIter<'a>;
    [T] VecDeque<T> => VecDequeIter<'a>;
    [T] BTreeSet<T> => BTreeSetIter<'a>;
    [T, S] HashSet<T, S> => HashSetIter<'a>;
    [T] Option<T> => OptionIter<'a>;
}

/// Numbers: compared with bounds, reported as written.
macro_rules! numbers {
    ($($variant:ident($wide:ty): $($ty:ty),*;)*) => {$($(
        #[diagnostic::do_not_recommend]
        impl Scalar for $ty {
            type Value = $ty;
            #[inline]
            fn scalar(&self) -> Option<&$ty> {
                Some(self)
            }
        }
        impl Describe for $ty {
            fn describe(&self) -> Option<Value> {
                <$wide>::try_from(*self).ok().map(Value::$variant)
            }
        }
    )*)*};
}

numbers! {
    Int(i128): i8, i16, i32, i64, i128, isize;
    UInt(u128): u8, u16, u32, u64, u128, usize;
    Float(f64): f64;
}

#[diagnostic::do_not_recommend]
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

/// A `Duration` is bounded by duration literals (`range(max = "1h")`),
/// which the derive turns into `Duration` constants.
#[diagnostic::do_not_recommend]
impl Scalar for core::time::Duration {
    type Value = core::time::Duration;
    #[inline]
    fn scalar(&self) -> Option<&core::time::Duration> {
        Some(self)
    }
}

impl Describe for core::time::Duration {
    fn describe(&self) -> Option<Value> {
        Some(Value::Duration(*self))
    }
}

/// Where an item of a collection sits in it, for the path of a violation
/// about that item.
#[derive(Clone, Copy)]
pub enum Slot<'a> {
    /// Item `i` of a sequence: `f[i]`.
    Index(usize),
    /// The entry of a map under this key: `f["key"]`.
    Key(&'a dyn core::fmt::Display),
    /// An item of a set, whose order is not the file's: located at the set
    /// itself, since an index would point at another item.
    Here,
}

impl<'a> Slot<'a> {
    /// The location of the item below `parent`, the collection's.
    #[inline]
    #[must_use]
    pub fn locate(self, parent: &'a crate::Location<'a>) -> crate::Location<'a> {
        match self {
            Slot::Index(index) => parent.index(index),
            Slot::Key(key) => parent.key(key),
            Slot::Here => *parent,
        }
    }
}

/// The items `#[items(..)]` checks, each with where it sits: a sequence's
/// items, a map's values, the items of an `Option` of either when `Some`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no items for `items` to check",
    label = "`items` applies to sequences, maps and options of them",
    note = "`Vec`, arrays, slices, `VecDeque`, sets, `HashMap` and `BTreeMap` (by their values) have items; rules written on an `Option` field already apply to what it holds"
)]
pub trait Each {
    /// The item type.
    type Item: ?Sized;
    /// The items, in the collection's order.
    fn each(&self) -> impl Iterator<Item = (Slot<'_>, &Self::Item)>;
}

/// The keys `#[keys(..)]` checks: a map's, or those of an `Option` of a
/// map when `Some`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no keys for `keys` to check",
    label = "`keys` applies to maps and options of them",
    note = "`HashMap` and `BTreeMap` have keys; the items of a sequence are checked with `items(..)`"
)]
pub trait Keys {
    /// The key type.
    type Key: ?Sized;
    /// The keys, each located at its entry.
    fn keys(&self) -> impl Iterator<Item = (Slot<'_>, &Self::Key)>;
}

macro_rules! sequences {
    ($([$($generics:tt)*] $ty:ty;)*) => {$(
        #[diagnostic::do_not_recommend]
        impl<$($generics)*> Each for $ty {
            type Item = T;
            #[inline]
            fn each(&self) -> impl Iterator<Item = (Slot<'_>, &T)> {
                self.iter().enumerate().map(|(index, item)| (Slot::Index(index), item))
            }
        }
    )*};
}

sequences! {
    [T] [T];
    [T, const N: usize] [T; N];
    [T] Vec<T>;
    [T] VecDeque<T>;
}

#[diagnostic::do_not_recommend]
impl<T> Each for BTreeSet<T> {
    type Item = T;
    #[inline]
    fn each(&self) -> impl Iterator<Item = (Slot<'_>, &T)> {
        self.iter().map(|item| (Slot::Here, item))
    }
}

#[diagnostic::do_not_recommend]
impl<T, S> Each for HashSet<T, S> {
    type Item = T;
    #[inline]
    fn each(&self) -> impl Iterator<Item = (Slot<'_>, &T)> {
        self.iter().map(|item| (Slot::Here, item))
    }
}

/// A map's values, and its keys, each at its entry.
macro_rules! maps {
    ($([$($generics:tt)*] $ty:ty;)*) => {$(
        #[diagnostic::do_not_recommend]
        impl<$($generics)*> Each for $ty {
            type Item = V;
            #[inline]
            fn each(&self) -> impl Iterator<Item = (Slot<'_>, &V)> {
                self.iter().map(|(key, value)| (Slot::Key(key), value))
            }
        }
        #[diagnostic::do_not_recommend]
        impl<$($generics)*> Keys for $ty {
            type Key = K;
            #[inline]
            fn keys(&self) -> impl Iterator<Item = (Slot<'_>, &K)> {
                self.keys().map(|key| (Slot::Key(key), key))
            }
        }
    )*};
}

maps! {
    [K: core::fmt::Display, V] BTreeMap<K, V>;
    [K: core::fmt::Display, V, S] HashMap<K, V, S>;
}

/// `None` has no items; `Some` has those of what it holds.
#[diagnostic::do_not_recommend]
impl<C: Each> Each for Option<C> {
    type Item = C::Item;
    #[inline]
    fn each(&self) -> impl Iterator<Item = (Slot<'_>, &C::Item)> {
        self.iter().flat_map(Each::each)
    }
}

#[diagnostic::do_not_recommend]
impl<M: Keys> Keys for Option<M> {
    type Key = M::Key;
    #[inline]
    fn keys(&self) -> impl Iterator<Item = (Slot<'_>, &M::Key)> {
        self.iter().flat_map(Keys::keys)
    }
}

#[diagnostic::do_not_recommend]
impl<C: Each + ?Sized> Each for Box<C> {
    type Item = C::Item;
    #[inline]
    fn each(&self) -> impl Iterator<Item = (Slot<'_>, &C::Item)> {
        (**self).each()
    }
}

#[diagnostic::do_not_recommend]
impl<M: Keys + ?Sized> Keys for Box<M> {
    type Key = M::Key;
    #[inline]
    fn keys(&self) -> impl Iterator<Item = (Slot<'_>, &M::Key)> {
        (**self).keys()
    }
}
