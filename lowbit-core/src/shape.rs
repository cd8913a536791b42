//! Config types and their rules as data: what a config file may hold, and
//! every rule `#[derive(Validate)]` checks, for code to read.
//!
//! With the feature `shape` (which `schema` turns on), the derive implements
//! [`Shape`] for every type it is written on; lowbit implements it for the
//! standard types a config holds. It is opt-in because it makes the derive
//! emit more code for the compiler to check. Tools read it to
//! document a config ([`docs`](crate::docs)) or export it as a JSON Schema
//! (`schema`, behind the feature of that name).
//!
//! ```
//! use lowbit_core::shape::{Kind, Named, RuleKind, Shape};
//! use lowbit_core::Validate;
//!
//! #[derive(Validate, Default)]
//! struct Saved {
//!     enable: bool,
//!     #[requires(enable)]
//!     dir: String,
//! }
//!
//! let Kind::Named(named) = Saved::shape() else { unreachable!() };
//! let Named::Struct(saved) = named.describe() else { unreachable!() };
//! assert_eq!(saved.fields[1].name, "dir");
//! let rule = &saved.rules[0];
//! assert_eq!((rule.code(), rule.subject.as_slice()), ("requires", &["dir"][..]));
//! assert!(matches!(&rule.kind, RuleKind::Requires(conditions) if conditions.len() == 1));
//! assert_eq!(rule.message, "{path} requires enable");
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt;

/// A type whose values a config file spells: what they look like, and the
/// rules they hold.
pub trait Shape {
    /// What values of this type look like in a config file.
    fn shape() -> Kind;

    /// This value as a config file would spell it, where lowbit can tell
    /// (it is how defaults are recorded).
    fn datum(&self) -> Datum {
        Datum::Unknown
    }
}

/// What the values of a type look like in a config file.
#[derive(Clone, Debug)]
pub enum Kind {
    /// `true` or `false`.
    Bool,
    /// An integer within bounds (those of its Rust type).
    Integer {
        /// The least value.
        min: i128,
        /// The greatest value.
        max: u128,
    },
    /// Any number.
    Number,
    /// A string.
    Text,
    /// An `Option`: absent (or null) is `None`.
    Optional(Box<Kind>),
    /// A sequence, of a fixed length for arrays.
    List {
        /// What each item looks like.
        items: Box<Kind>,
        /// The length every value has, for `[T; N]`.
        len: Option<usize>,
    },
    /// A map with string keys.
    Map(Box<Kind>),
    /// A struct or enum that derives `Validate`, described on demand (so
    /// that a type may contain itself).
    Named(NamedRef),
    /// Anything: a type lowbit cannot describe.
    Any,
}

/// A type that derives `Validate`, by name, with its description.
#[derive(Clone, Copy)]
pub struct NamedRef {
    /// The type's Rust path, which tells instances of a generic type apart.
    pub name: &'static str,
    /// Builds the description.
    pub describe: fn() -> Named,
}

impl NamedRef {
    /// The type's description.
    #[must_use]
    pub fn describe(&self) -> Named {
        (self.describe)()
    }
}

impl fmt::Debug for NamedRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NamedRef({})", self.name)
    }
}

/// The description of a type that derives `Validate`.
#[derive(Clone, Debug)]
pub enum Named {
    /// A struct with named fields.
    Struct(StructShape),
    /// An enum.
    Enum(EnumShape),
}

/// A struct: its fields and its rules.
#[derive(Clone, Debug)]
pub struct StructShape {
    /// The fields serde reads, in declaration order (`skip`ped ones left out).
    pub fields: Vec<FieldShape>,
    /// Every rule, in the order `validate()` checks them: the fields'
    /// rules, then the container's (groups, then `custom` checks of the
    /// whole struct), whose subject is the struct itself (an empty path).
    pub rules: Vec<RuleInfo>,
    /// `#[validate(gate = ..)]`: the path of the field that gates the rules
    /// not marked `ungated`.
    pub gate: Option<Vec<&'static str>>,
    /// `#[serde(deny_unknown_fields)]`.
    pub deny_unknown_fields: bool,
    /// `#[serde(transparent)]`: a file holds the one field's value where
    /// the struct sits, and the field's rules are about that value.
    pub transparent: bool,
    /// The struct's doc comment (see [`FieldShape::doc`]); empty for a
    /// struct variant's fields, whose comment is the variant's.
    pub doc: &'static str,
}

/// A field of a struct.
#[derive(Clone, Debug)]
pub struct FieldShape {
    /// Its serde name.
    pub name: &'static str,
    /// `#[serde(alias = "..")]`: other keys serde reads it from.
    pub aliases: Vec<&'static str>,
    /// Its Rust name.
    pub rust_name: &'static str,
    /// What its values look like.
    pub kind: Kind,
    /// The value it takes when the file leaves it out; `None` when it may
    /// not be left out (or lowbit cannot tell its default).
    pub default: Option<Datum>,
    /// `#[serde(flatten)]`: its fields sit at this struct's level.
    pub flatten: bool,
    /// Its doc comment as rustdoc renders its paragraphs: the lines of a
    /// paragraph joined by a space, paragraphs by a blank line (`"\n\n"`);
    /// empty when it has none.
    pub doc: &'static str,
}

/// An enum: its variants' names.
#[derive(Clone, Debug)]
pub struct EnumShape {
    /// The variants, in declaration order.
    pub variants: Vec<VariantShape>,
    /// The index of the `#[default]` variant.
    pub default: Option<usize>,
    /// How serde lays out a variant with fields.
    pub tagging: Tagging,
    /// The enum's doc comment (see [`FieldShape::doc`]).
    pub doc: &'static str,
}

/// A variant of an enum.
#[derive(Clone, Debug)]
pub struct VariantShape {
    /// Its serde name.
    pub name: &'static str,
    /// Other names serde accepts for it.
    pub aliases: Vec<&'static str>,
    /// The fields of a struct variant; `None` for any other.
    pub fields: Option<StructShape>,
    /// What a tuple variant holds, a kind per field in order: one for a
    /// newtype variant (`File(String)`), which serde lays out as its
    /// payload alone. `None` for a unit or struct variant.
    pub payload: Option<Vec<Kind>>,
    /// The variant's doc comment (see [`FieldShape::doc`]).
    pub doc: &'static str,
}

impl VariantShape {
    /// A newtype variant's payload.
    #[must_use]
    pub fn newtype(&self) -> Option<&Kind> {
        match self.payload.as_deref() {
            Some([kind]) => Some(kind),
            _ => None,
        }
    }
}

/// How serde lays out an enum's variants with fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tagging {
    /// `{ variant = { .. } }`, serde's default.
    External,
    /// `#[serde(tag = "t")]`: `{ t = "variant", .. }`.
    Internal(&'static str),
    /// `#[serde(tag = "t", content = "c")]`: `{ t = "variant", c = { .. } }`.
    Adjacent(&'static str, &'static str),
    /// `#[serde(untagged)]`.
    Untagged,
}

/// A value as a config file spells it.
#[derive(Clone, Debug, PartialEq)]
pub enum Datum {
    /// An absent `Option`.
    Null,
    /// A bool.
    Bool(bool),
    /// A signed integer.
    Int(i128),
    /// An unsigned integer too large for `Int`.
    UInt(u128),
    /// A float.
    Float(f64),
    /// A string, or an enum variant's serde name.
    Str(String),
    /// A sequence.
    List(Vec<Datum>),
    /// A table, by serde names.
    Map(Vec<(String, Datum)>),
    /// A value lowbit cannot spell.
    Unknown,
}

impl FieldShape {
    /// Every key serde reads the field from: its name, then its aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        std::iter::once(self.name).chain(self.aliases.iter().copied())
    }
}

impl Datum {
    /// The entry `key` of a table.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Datum> {
        match self {
            Datum::Map(entries) => entries
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value),
            _ => None,
        }
    }
}

/// A rule, as the derive recorded it.
#[derive(Clone, Debug)]
pub struct RuleInfo {
    /// What the rule says.
    pub kind: RuleKind,
    /// The serde name of the field the rule is written on (`""` for a
    /// flattened one, and for a rule of the container).
    pub field: &'static str,
    /// The path of the value the rule is about, from the struct: the field,
    /// and `at = ..` below it.
    pub subject: Vec<&'static str>,
    /// `when = ..`: the rule applies while the subject has one of these
    /// values, instead of whenever it is set.
    pub when: Vec<Literal>,
    /// Checked only while the struct's gate is set.
    pub gated: bool,
    /// `if(..)`: the rule applies only while this holds.
    pub guard: Option<Condition>,
    /// `warn`: a violation is a warning, which leaves the config valid.
    pub warn: bool,
    /// The message, with `{path}` and `{value}` left to fill in.
    pub message: String,
}

impl RuleInfo {
    /// The stable code a violation of this rule carries.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }
}

/// What a rule says. The vocabulary grows, so match with a catch-all arm.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum RuleKind {
    /// `one_of(..)`.
    OneOf(Vec<Literal>),
    /// `none_of(..)`.
    NoneOf(Vec<Literal>),
    /// `requires(..)`: each condition.
    Requires(Vec<Condition>),
    /// `only_if(..)`.
    OnlyIf(Condition),
    /// `required_if(..)`.
    RequiredIf(Condition),
    /// `conflicts_with(..)`.
    ConflictsWith(Condition),
    /// `nested`.
    Nested,
    /// `range(..)`.
    Range {
        /// The least value allowed, where it is a literal.
        min: Option<Literal>,
        /// The greatest value allowed, where it is a literal.
        max: Option<Literal>,
        /// The path of the field whose value is the least allowed.
        min_field: Option<Vec<&'static str>>,
        /// The path of the field whose value is the greatest allowed.
        max_field: Option<Vec<&'static str>>,
        /// `exclusive_min`: the value must be greater than `min`, not equal.
        exclusive_min: bool,
        /// `exclusive_max`: the value must be less than `max`, not equal.
        exclusive_max: bool,
    },
    /// `multiple_of(..)`: of a literal, or of another field's value.
    MultipleOf {
        /// The divisor, where it is a literal.
        value: Option<Literal>,
        /// The path of the field that holds the divisor.
        field: Option<Vec<&'static str>>,
    },
    /// `length(..)`, `equal` as equal bounds.
    Length {
        /// The least length allowed.
        min: Option<usize>,
        /// The greatest length allowed.
        max: Option<usize>,
        /// `unit = ".."`: what a string's length counts; `None` for the
        /// default, a string's characters or a collection's items.
        unit: Option<LengthUnit>,
    },
    /// `non_empty`.
    NonEmpty,
    /// `forbidden`: the subject must not be set.
    Forbidden,
    /// `at_most_one(..)` on the container: at most one of these fields
    /// (serde names) is set.
    AtMostOne(Vec<&'static str>),
    /// `exactly_one(..)` on the container: exactly one of these is set.
    ExactlyOne(Vec<&'static str>),
    /// `at_least_one(..)` on the container: one of these or more is set.
    AtLeastOne(Vec<&'static str>),
    /// `custom(..)`: a function lowbit cannot see into; on the container,
    /// its subject is the whole struct.
    Custom {
        /// The function's path, as written.
        function: &'static str,
        /// Whether it takes the context given to `validate_with`.
        context: bool,
    },
    /// `items(..)`: these rules hold of each item of the subject (each
    /// value of a map, the items of an `Option`'s collection). Their
    /// `subject` is the one of `items`; their messages' `{path}` is the
    /// item's.
    Items(Vec<RuleInfo>),
    /// `keys(..)`: these rules hold of each key of the subject, a map.
    Keys(Vec<RuleInfo>),
    /// `prefix(..)`: the string starts with this text.
    Prefix(&'static str),
    /// `suffix(..)`: the string ends with this text.
    Suffix(&'static str),
    /// `contains(..)`: the string contains this text.
    Contains(&'static str),
    /// `does_not_contain(..)`: the string does not contain this text.
    DoesNotContain(&'static str),
    /// `ascii`: every character of the string is ASCII.
    Ascii,
    /// `alphanumeric`: every character is alphanumeric (Unicode's
    /// Alphabetic or Numeric, as `char::is_alphanumeric`).
    Alphanumeric,
    /// `required`: the subject, an `Option`, is `Some`.
    Required,
    /// `ip`: the string is an IPv4 or IPv6 address, as `std::net` parses.
    Ip,
    /// `ipv4`: the string is an IPv4 address, as `std::net` parses.
    Ipv4,
    /// `ipv6`: the string is an IPv6 address, as `std::net` parses.
    Ipv6,
    /// `unique`: no two items of the sequence are equal.
    Unique,
    /// `pattern(..)`: the string matches this regular expression (the
    /// `regex` crate's syntax; a match anywhere counts).
    Pattern(&'static str),
    /// `url`: the string is an absolute URL (the `url` crate's WHATWG
    /// parsing), with one of these schemes when the list is not empty.
    Url(Vec<&'static str>),
    /// `email`: the string is an e-mail address as the HTML Standard
    /// defines a valid one, within RFC 5321's lengths.
    Email,
}

impl RuleKind {
    /// The stable code a violation of this rule carries.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            RuleKind::OneOf(_) => "one_of",
            RuleKind::NoneOf(_) => "none_of",
            RuleKind::Requires(_) => "requires",
            RuleKind::OnlyIf(_) => "only_if",
            RuleKind::RequiredIf(_) => "required_if",
            RuleKind::ConflictsWith(_) => "conflicts_with",
            RuleKind::Nested => "nested",
            RuleKind::Range { .. } => "range",
            RuleKind::MultipleOf { .. } => "multiple_of",
            RuleKind::Length { .. } => "length",
            RuleKind::NonEmpty => "non_empty",
            RuleKind::Forbidden => "forbidden",
            RuleKind::Required => "required",
            RuleKind::AtMostOne(_) => "at_most_one",
            RuleKind::ExactlyOne(_) => "exactly_one",
            RuleKind::AtLeastOne(_) => "at_least_one",
            RuleKind::Custom { .. } => "custom",
            RuleKind::Items(_) => "items",
            RuleKind::Keys(_) => "keys",
            RuleKind::Prefix(_) => "prefix",
            RuleKind::Suffix(_) => "suffix",
            RuleKind::Contains(_) => "contains",
            RuleKind::DoesNotContain(_) => "does_not_contain",
            RuleKind::Ascii => "ascii",
            RuleKind::Alphanumeric => "alphanumeric",
            RuleKind::Ip => "ip",
            RuleKind::Ipv4 => "ipv4",
            RuleKind::Ipv6 => "ipv6",
            RuleKind::Unique => "unique",
            RuleKind::Pattern(_) => "pattern",
            RuleKind::Url(_) => "url",
            RuleKind::Email => "email",
        }
    }
}

/// A condition on a struct's fields; paths are serde names from the struct.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Condition {
    /// The value at the path is set.
    Set(Vec<&'static str>),
    /// The value at the path passes the test.
    Test(Vec<&'static str>, Test),
    /// The condition does not hold.
    Not(Box<Condition>),
    /// Every condition holds.
    All(Vec<Condition>),
    /// Some condition holds.
    Any(Vec<Condition>),
    /// Every item of the collection at the path passes the test.
    EveryItem(Vec<&'static str>, Test),
    /// Some item of the collection at the path passes the test.
    SomeItem(Vec<&'static str>, Test),
    /// The value at the first path compared with the value at the second
    /// (`=`, `!=`, `<`, `<=`, `>`, `>=`); holds only when both are set.
    Compare(Vec<&'static str>, &'static str, Vec<&'static str>),
}

/// A comparison with literals.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Test {
    /// `= v`.
    Eq(Literal),
    /// `!= v`.
    Ne(Literal),
    /// `in (..)`.
    In(Vec<Literal>),
    /// `< v`: holds only of a number.
    Lt(Literal),
    /// `<= v`.
    Le(Literal),
    /// `> v`.
    Gt(Literal),
    /// `>= v`.
    Ge(Literal),
}

/// What `length(.., unit = "..")` counts of a string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LengthUnit {
    /// `"bytes"`: UTF-8 bytes, `str::len`.
    Bytes,
    /// `"chars"`: Unicode scalar values, `str::chars`.
    Chars,
    /// `"graphemes"`: extended grapheme clusters (UAX #29).
    Graphemes,
    /// `"utf16"`: UTF-16 code units, `str::encode_utf16`.
    Utf16,
}

impl LengthUnit {
    /// Its word, as `unit = ".."` spells it.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            LengthUnit::Bytes => "bytes",
            LengthUnit::Chars => "chars",
            LengthUnit::Graphemes => "graphemes",
            LengthUnit::Utf16 => "utf16",
        }
    }
}

/// A value written in a rule.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    /// A string: a variant's serde name (or alias), or text.
    Str(&'static str),
    /// A bool.
    Bool(bool),
    /// An integer.
    Int(i128),
    /// A float.
    Float(f64),
    /// A duration, written `"1h30m"` in a `range` of a `Duration`.
    Duration(std::time::Duration),
}

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Str(text) => write!(f, "{text:?}"),
            Literal::Bool(flag) => write!(f, "{flag}"),
            Literal::Int(int) => write!(f, "{int}"),
            Literal::Float(float) => write!(f, "{float:?}"),
            Literal::Duration(duration) => crate::report::write_duration(f, *duration),
        }
    }
}

impl Shape for bool {
    fn shape() -> Kind {
        Kind::Bool
    }
    fn datum(&self) -> Datum {
        Datum::Bool(*self)
    }
}

macro_rules! integers {
    ($($ty:ty),*) => {$(
        impl Shape for $ty {
            fn shape() -> Kind {
                #[allow(clippy::cast_lossless, clippy::cast_possible_wrap, clippy::cast_sign_loss, unused_comparisons)]
                Kind::Integer { min: <$ty>::MIN as i128, max: <$ty>::MAX as u128 }
            }
            fn datum(&self) -> Datum {
                #[allow(clippy::cast_lossless, clippy::cast_possible_wrap, clippy::cast_sign_loss, irrefutable_let_patterns)]
                match i128::try_from(*self) {
                    Ok(int) => Datum::Int(int),
                    Err(_) => Datum::UInt(*self as u128),
                }
            }
        }
    )*};
}

integers!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize
);

impl Shape for f32 {
    fn shape() -> Kind {
        Kind::Number
    }
    fn datum(&self) -> Datum {
        Datum::Float(f64::from(*self))
    }
}

impl Shape for f64 {
    fn shape() -> Kind {
        Kind::Number
    }
    fn datum(&self) -> Datum {
        Datum::Float(*self)
    }
}

impl Shape for String {
    fn shape() -> Kind {
        Kind::Text
    }
    fn datum(&self) -> Datum {
        Datum::Str(self.clone())
    }
}

impl Shape for str {
    fn shape() -> Kind {
        Kind::Text
    }
    fn datum(&self) -> Datum {
        Datum::Str(self.to_owned())
    }
}

impl Shape for char {
    fn shape() -> Kind {
        Kind::Text
    }
    fn datum(&self) -> Datum {
        Datum::Str(self.to_string())
    }
}

impl<T: Shape> Shape for Option<T> {
    fn shape() -> Kind {
        Kind::Optional(Box::new(T::shape()))
    }
    fn datum(&self) -> Datum {
        self.as_ref().map_or(Datum::Null, Shape::datum)
    }
}

macro_rules! pointers {
    ($($ty:ty),*) => {$(
        impl<T: Shape + ?Sized> Shape for $ty {
            fn shape() -> Kind {
                T::shape()
            }
            fn datum(&self) -> Datum {
                (**self).datum()
            }
        }
    )*};
}

pointers!(&T, Box<T>, std::rc::Rc<T>, std::sync::Arc<T>);

macro_rules! lists {
    ($([$($generics:tt)*] $ty:ty;)*) => {$(
        impl<$($generics)*> Shape for $ty {
            fn shape() -> Kind {
                Kind::List { items: Box::new(T::shape()), len: None }
            }
            fn datum(&self) -> Datum {
                Datum::List(self.iter().map(Shape::datum).collect())
            }
        }
    )*};
}

lists! {
    [T: Shape] [T];
    [T: Shape] Vec<T>;
    [T: Shape] VecDeque<T>;
    [T: Shape] BTreeSet<T>;
    [T: Shape, S] HashSet<T, S>;
}

impl<T: Shape, const N: usize> Shape for [T; N] {
    fn shape() -> Kind {
        Kind::List {
            items: Box::new(T::shape()),
            len: Some(N),
        }
    }
    fn datum(&self) -> Datum {
        Datum::List(self.iter().map(Shape::datum).collect())
    }
}

macro_rules! maps {
    ($([$($generics:tt)*] $ty:ty;)*) => {$(
        impl<$($generics)*> Shape for $ty {
            fn shape() -> Kind {
                Kind::Map(Box::new(V::shape()))
            }
            fn datum(&self) -> Datum {
                let mut entries: Vec<(String, Datum)> =
                    self.iter().map(|(key, value)| (key.to_string(), value.datum())).collect();
                entries.sort_by(|a, b| a.0.cmp(&b.0));
                Datum::Map(entries)
            }
        }
    )*};
}

maps! {
    [K: fmt::Display, V: Shape] BTreeMap<K, V>;
    [K: fmt::Display, V: Shape, S] HashMap<K, V, S>;
}
