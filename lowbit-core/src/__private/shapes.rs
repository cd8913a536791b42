//! What the generated `Shape` impls call: probes that describe a field's type
//! where it implements `Shape` and fall back to "anything" where it does not,
//! so that the derive asks nothing new of the types a user's fields have.
//! An `Option` of a type that cannot describe itself is still an `Option`:
//! serde reads it as `None` when the key is missing. Each probe is called
//! through three references; method resolution takes the first level whose
//! impl applies.

use core::marker::PhantomData;

use super::Probe;
use crate::shape::{Datum, Kind, Shape};

/// Stands for a field's type, for [`ShapeOf`] and [`NoShape`].
pub struct ShapeProbe<T: ?Sized>(PhantomData<fn() -> *const T>);

impl<T: ?Sized> ShapeProbe<T> {
    /// The probe of `T`.
    #[must_use]
    pub const fn new() -> Self {
        ShapeProbe(PhantomData)
    }
}

impl<T: ?Sized> Default for ShapeProbe<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// The type describes itself.
pub trait ShapeOf {
    /// Its shape.
    fn shape_of(&self) -> Kind;
}

impl<T: Shape + ?Sized> ShapeOf for &&ShapeProbe<T> {
    fn shape_of(&self) -> Kind {
        T::shape()
    }
}

/// An `Option` of a type that cannot describe itself.
pub trait OptionShape {
    /// Absent, or anything.
    fn shape_of(&self) -> Kind;
}

impl<T> OptionShape for &ShapeProbe<Option<T>> {
    fn shape_of(&self) -> Kind {
        Kind::Optional(Box::new(Kind::Any))
    }
}

/// The type cannot describe itself.
pub trait NoShape {
    /// Anything.
    fn shape_of(&self) -> Kind;
}

impl<T: ?Sized> NoShape for ShapeProbe<T> {
    fn shape_of(&self) -> Kind {
        Kind::Any
    }
}

/// The value spells itself.
pub trait DatumOf {
    /// Its spelling.
    fn datum_of(&self) -> Datum;
}

impl<T: Shape + ?Sized> DatumOf for &&Probe<'_, T> {
    fn datum_of(&self) -> Datum {
        self.0.datum()
    }
}

/// An `Option` of a value that cannot spell itself.
pub trait OptionDatum {
    /// `Null` for `None`.
    fn datum_of(&self) -> Datum;
}

impl<T> OptionDatum for &Probe<'_, Option<T>> {
    fn datum_of(&self) -> Datum {
        match self.0 {
            None => Datum::Null,
            Some(_) => Datum::Unknown,
        }
    }
}

/// The value cannot spell itself.
pub trait NoDatum {
    /// Unknown.
    fn datum_of(&self) -> Datum;
}

impl<T: ?Sized> NoDatum for Probe<'_, T> {
    fn datum_of(&self) -> Datum {
        Datum::Unknown
    }
}

/// A struct's value as a table: its fields by serde name, a flattened
/// field's own entries in its place.
#[must_use]
pub fn table(entries: Vec<(&'static str, bool, Datum)>) -> Datum {
    let mut table = Vec::with_capacity(entries.len());
    for (name, flatten, datum) in entries {
        match (flatten, datum) {
            (true, Datum::Map(inner)) => table.extend(inner),
            (true, _) => {}
            (false, datum) => table.push((name.to_owned(), datum)),
        }
    }
    Datum::Map(table)
}

/// A recorded path: serde names, less the empty ones of flattened fields.
#[must_use]
pub fn path(segments: &[&'static str]) -> Vec<&'static str> {
    segments
        .iter()
        .copied()
        .filter(|segment| !segment.is_empty())
        .collect()
}

/// `template` with `{0}`..`{9}` replaced by `names`, and every other
/// placeholder left for a violation to fill: a rule's message as data.
#[must_use]
pub fn fill_names(template: &str, names: &[&str]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let taken = if rest.starts_with("{{") {
            out.push_str("{{");
            2
        } else if let Some(name) = crate::report::numbered(rest).and_then(|index| names.get(index))
        {
            out.push_str(name);
            3
        } else {
            out.push('{');
            1
        };
        rest = &rest[taken..];
    }
    out.push_str(rest);
    out
}

/// `Box::new`, by a name no user item shadows and no diagnostic shows.
#[must_use]
pub fn boxed<T>(value: T) -> Box<T> {
    Box::new(value)
}
