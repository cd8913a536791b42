//! What generated code calls. Not public API: it changes with the derive,
//! which `lowbit-core` pins to one exact version.

mod compare;
pub mod email;
mod groups;
pub mod ip;
mod lookup;
mod numbers;
mod optional;
#[cfg(feature = "regex")]
pub mod pattern;
mod payload;
mod reach;
#[cfg(feature = "shape")]
mod shapes;
mod sink;
pub mod text;
mod traits;
mod unique;
pub mod untagged;
#[cfg(feature = "url")]
pub mod url;
mod via;

pub use compare::{
    Key, Ordered, Variant, at_least, at_most, differ, ge, greater, gt, le, less, lt, same,
};
pub use groups::{GroupKind, group_broken, report_group};
pub use lookup::{Domain, lookup, may_hold, overlap};
pub use numbers::{Divisible, not_multiple};
pub use optional::Optional;
pub use payload::{Payload, SkipPayload, ValidatePayload};
pub use reach::{EachOf, End, ItemOf, KeyOf, Part, domain_of, field_name, int_literal_at};
#[cfg(feature = "shape")]
pub use shapes::{
    DatumOf, NoDatum, NoShape, OptionDatum, OptionShape, ShapeOf, ShapeProbe, boxed, fill_names,
    path, table,
};
pub use sink::{Record, Sink, Stop, issues_go_on, nested};
pub use std::vec;
pub use text::Text;
pub use traits::{Choice, Describe, Each, Field, Flag, IsSet, Items, Keys, Length, Scalar, Slot};
pub use unique::Distinct;
pub use via::{Through, Via};

use crate::path::Location;
use crate::report::{Report, Value, Violation};

pub use core;
/// `Some` and `None`, so that generated code names them in two tokens.
pub use core::option::Option::{None, Some};

/// The serde names of a message with no placeholders naming other fields.
pub const NO_NAMES: &[&str] = &[];

/// Records a violation of a rule at `field` below `at` (at `at` itself
/// for `""`, as for a flattened field). Out of line
/// and cold: the path and the value are made only here, once a rule has failed.
#[cold]
#[inline(never)]
pub fn report(
    report: &mut Report,
    at: &Location<'_>,
    field: &'static str,
    code: &'static str,
    template: &'static str,
    names: &'static [&'static str],
    value: Option<Value>,
) {
    report.push(Violation::from_template_with_names(
        at.path_below(&[field]),
        code,
        template,
        names,
        value,
    ));
}

/// Records the failure of a `custom` rule: its own message, unless the rule
/// gave one.
#[cold]
#[inline(never)]
pub fn report_custom(
    report: &mut Report,
    at: &Location<'_>,
    field: &'static str,
    template: Option<&'static str>,
    error: &dyn core::fmt::Display,
    value: Option<Value>,
) {
    let path = at.path_below(&[field]);
    let violation = match template {
        Some(template) => Violation::from_template(path, "custom", template),
        None => Violation::new(path, "custom", error.to_string()),
    };
    report.push(violation.with_value(value));
}

/// Fills the sibling placeholders (`{action}`) of the violation just
/// recorded with the values of those fields. Cold, like `report`.
#[cold]
#[inline(never)]
pub fn fill_siblings(report: &mut Report, siblings: &[(&'static str, Option<Value>)]) {
    if let Some(violation) = report.last_mut() {
        violation.fill_siblings(siblings);
    }
}

/// Records the violation of a rule marked `warn`: a warning, which leaves
/// the config valid. As [`report`], otherwise.
#[cold]
#[inline(never)]
pub fn warn(
    report: &mut Report,
    at: &Location<'_>,
    field: &'static str,
    code: &'static str,
    template: &'static str,
    names: &'static [&'static str],
    value: Option<Value>,
) {
    self::report(report, at, field, code, template, names, value);
    report.mark_last_warning();
}

/// Records the failure of a `custom` rule marked `warn`, as a warning. As
/// [`report_custom`], otherwise.
#[cold]
#[inline(never)]
pub fn warn_custom(
    report: &mut Report,
    at: &Location<'_>,
    field: &'static str,
    template: Option<&'static str>,
    error: &dyn core::fmt::Display,
    value: Option<Value>,
) {
    report_custom(report, at, field, template, error, value);
    report.mark_last_warning();
}

/// Marks what a `keys(..)` rule recorded, the violations from the
/// `from`th on, as about keys, so that a loader points at the key.
#[cold]
#[inline(never)]
pub fn about_keys(report: &mut Report, from: usize) {
    report.about_keys_from(from);
}

/// Tells a loader where to look for the fields of the struct at `at` that
/// have `#[serde(alias = "..")]`es: each of `fields` is a field's serde
/// name and its aliases, recorded on the violations from the `from`th on
/// whose path goes through that field, since the file may spell it either
/// way.
#[cold]
#[inline(never)]
pub fn field_aliases(
    report: &mut Report,
    from: usize,
    at: &Location<'_>,
    fields: &[(&'static str, &'static [&'static str])],
) {
    let depth = at.to_path().segments().len();
    report.field_aliases_from(from, depth, fields);
}

/// Records that `#[nested]` stopped at `at`, past
/// [`max_nesting`](crate::limits::max_nesting): the value there was not
/// checked.
#[cold]
#[inline(never)]
pub fn too_deep(report: &mut Report, at: &Location<'_>) {
    let path = at.to_path();
    let levels = crate::limits::max_nesting();
    let message = if path.is_root() {
        format!("the config is nested deeper than {levels} levels; what lies below was not checked")
    } else {
        format!("{path} is nested deeper than {levels} levels; it was not checked")
    };
    report.push(Violation::new(path, "max_nesting", message));
}

/// Its argument: wraps a field's place in generated code, so that the
/// tokens rustc blames for it can carry the user's spans (see the derive's
/// `respan`).
#[inline(always)]
pub fn id<T: ?Sized>(value: &T) -> &T {
    value
}

/// A `custom` function's error, which its message displays.
#[inline]
pub fn display<E: core::fmt::Display>(error: &E) -> &dyn core::fmt::Display {
    error
}

/// The context a `custom(f, context)` rule needs, of the type `f` takes.
///
/// # Errors
///
/// [`MissingContext`] when `validate_with` was given no value of that type.
#[inline]
pub fn context<C: core::any::Any>(given: &dyn core::any::Any) -> Result<&C, MissingContext> {
    given.downcast_ref().ok_or(MissingContext {
        type_name: core::any::type_name::<C>(),
    })
}

/// A `custom` rule that takes a context was not given one of its type.
#[derive(Debug)]
pub struct MissingContext {
    type_name: &'static str,
}

impl core::fmt::Display for MissingContext {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "this rule needs a context of type `{}`; pass one to `validate_with` or to a loader's `Options::context`",
            short_type_name(self.type_name)
        )
    }
}

/// A type's name without the paths of its types: `Vec<Known>` for
/// `alloc::vec::Vec<my_crate::checks::Known>`. The whole path says where the
/// type is defined, which the config file's reader has no use for.
fn short_type_name(full: &str) -> String {
    let mut short = String::with_capacity(full.len());
    let mut rest = full;
    while let Some(at) = rest.find("::") {
        short.push_str(&rest[..at]);
        // Drop the segment just written: the word before `::`.
        let word = short
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map_or(0, |i| i + 1);
        short.truncate(word);
        rest = &rest[at + 2..];
    }
    short.push_str(rest);
    short
}

/// Whether a number is there and lies outside `[min, max]`: the test of
/// `range`, with the subject's number (`None` for an absent one, which
/// passes).
#[inline]
pub fn out_of_range<T: PartialOrd + ?Sized>(
    value: Option<&T>,
    min: Option<&T>,
    max: Option<&T>,
) -> bool {
    value.is_some_and(|value| outside(value, min, max))
}

/// [`out_of_range`] with both bounds given (literals, in generated code).
/// NaN lies outside. The bounds are taken by value: a reference to a
/// literal would be a promoted constant, which rustc borrow-checks in
/// every rule that writes one.
#[inline]
pub fn out_of<T: PartialOrd>(value: Option<&T>, min: T, max: T) -> bool {
    value.is_some_and(|value| !(*value >= min && *value <= max))
}

/// [`out_of_range`] with only a minimum. NaN lies outside.
#[inline]
#[allow(clippy::neg_cmp_op_on_partial_ord, reason = "NaN must lie outside")]
pub fn below<T: PartialOrd>(value: Option<&T>, min: T) -> bool {
    value.is_some_and(|value| !(*value >= min))
}

/// [`out_of_range`] with only a maximum. NaN lies outside.
#[inline]
#[allow(clippy::neg_cmp_op_on_partial_ord, reason = "NaN must lie outside")]
pub fn above<T: PartialOrd>(value: Option<&T>, max: T) -> bool {
    value.is_some_and(|value| !(*value <= max))
}

/// [`out_of_range`] with strict bounds where the flags say.
#[inline]
pub fn out_of_range_strict<T: PartialOrd + ?Sized>(
    value: Option<&T>,
    min: Option<&T>,
    max: Option<&T>,
    exclusive_min: bool,
    exclusive_max: bool,
) -> bool {
    value.is_some_and(|value| outside_strict(value, min, max, exclusive_min, exclusive_max))
}

/// Whether `value` lies outside `[min, max]` (a missing bound does not
/// bound). NaN lies outside every range.
#[inline]
pub fn outside<T: PartialOrd + ?Sized>(value: &T, min: Option<&T>, max: Option<&T>) -> bool {
    !(min.is_none_or(|min| value >= min) && max.is_none_or(|max| value <= max))
}

/// Whether `value` lies outside the range, each bound excluding itself when
/// its flag says so (`exclusive_min`, `exclusive_max`). NaN lies outside.
#[inline]
pub fn outside_strict<T: PartialOrd + ?Sized>(
    value: &T,
    min: Option<&T>,
    max: Option<&T>,
    exclusive_min: bool,
    exclusive_max: bool,
) -> bool {
    let above = min.is_none_or(|min| {
        if exclusive_min {
            value > min
        } else {
            value >= min
        }
    });
    let below = max.is_none_or(|max| {
        if exclusive_max {
            value < max
        } else {
            value <= max
        }
    });
    !(above && below)
}

/// `value == other`, out of the user's sight so that lints about comparing
/// with literals do not fire in their crate.
#[inline]
pub fn equal<T: PartialEq + ?Sized>(value: &T, other: &T) -> bool {
    value == other
}

/// Whether `value` is one of `values`: a rule's list of numbers, searched
/// as data (see the derive's `among_numbers`).
#[inline]
pub fn among<T: PartialEq>(value: &T, values: &[T]) -> bool {
    values.iter().any(|other| equal(value, other))
}

/// Whether `is` holds for one of `names`, each a name of a rule's list and
/// its index in the type's domain: a list of names searched as data.
#[inline]
pub fn among_names(names: &[(usize, &str)], is: impl Fn(usize, &str) -> bool) -> bool {
    names.iter().any(|&(index, name)| is(index, name))
}

/// Wraps a field for [`ValueOf`] and [`NoValue`]: the offending value of a
/// violation, where the field's type can describe itself, and none where it
/// cannot (a `custom` rule on a type lowbit does not know). Method
/// resolution picks the first impl that applies.
pub struct Probe<'a, T: ?Sized>(pub &'a T);

/// The field describes itself.
pub trait ValueOf {
    /// The offending value.
    fn value_of(&self) -> Option<Value>;
}

impl<T: Describe + ?Sized> ValueOf for &Probe<'_, T> {
    fn value_of(&self) -> Option<Value> {
        self.0.describe()
    }
}

/// The field cannot describe itself.
pub trait NoValue {
    /// No offending value.
    fn value_of(&self) -> Option<Value>;
}

impl<T: ?Sized> NoValue for Probe<'_, T> {
    fn value_of(&self) -> Option<Value> {
        None
    }
}

/// A number type that integer literals in rules convert to: floats take
/// `range(min = 0)` as well as `range(min = 0.0)`.
pub trait IntLiteral {
    /// The type an integer literal is read as: the type itself for integers,
    /// so that a literal out of its range is a compile error.
    type Int;
    /// The literal as a value of this type.
    fn from_int(int: Self::Int) -> Self;
}

macro_rules! int_literals {
    ($($ty:ty),*) => {$(
        impl IntLiteral for $ty {
            type Int = $ty;
            #[inline]
            fn from_int(int: $ty) -> $ty {
                int
            }
        }
    )*};
}

int_literals!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize
);

impl IntLiteral for f32 {
    type Int = i16;
    #[inline]
    fn from_int(int: i16) -> f32 {
        f32::from(int)
    }
}

impl IntLiteral for f64 {
    type Int = i32;
    #[inline]
    fn from_int(int: i32) -> f64 {
        f64::from(int)
    }
}

/// What an integer literal would have to become to bound a `Duration`,
/// which none can: the derive writes a `Duration`'s bounds as duration
/// literals, and refuses a number there when it sees the type; behind an
/// alias it cannot see, rustc's error names this type, at the number.
pub enum DurationInQuotesLike30s {}

impl IntLiteral for core::time::Duration {
    type Int = DurationInQuotesLike30s;
    #[inline]
    fn from_int(int: DurationInQuotesLike30s) -> core::time::Duration {
        match int {}
    }
}

/// An integer literal of a rule as a value of the field's number type.
#[inline]
pub fn int_literal<T: IntLiteral>(int: T::Int) -> T {
    T::from_int(int)
}

/// The number a `range` or `multiple_of` rule read, as its offending value.
#[inline]
#[must_use]
pub fn described<N: Describe + ?Sized>(number: Option<&N>) -> Option<Value> {
    number.and_then(Describe::describe)
}

/// A length as the offending value of a `length` rule.
#[must_use]
pub fn len_value(len: usize) -> Value {
    Value::Len(len)
}

#[cfg(test)]
mod tests {
    use super::{above, below, out_of, out_of_range, short_type_name};

    /// The helpers of literal bounds agree with `out_of_range` on every
    /// value, NaN (outside every range) and an absent value (inside) too.
    #[test]
    fn literal_bounds_agree_with_out_of_range() {
        let values = [
            None,
            Some(f64::NAN),
            Some(-1.0),
            Some(0.0),
            Some(0.5),
            Some(1.0),
            Some(2.0),
        ];
        for value in values {
            let value = value.as_ref();
            let (min, max) = (0.0, 1.0);
            assert_eq!(
                out_of(value, min, max),
                out_of_range(value, Some(&min), Some(&max)),
                "{value:?}"
            );
            assert_eq!(
                below(value, min),
                out_of_range(value, Some(&min), None),
                "{value:?}"
            );
            assert_eq!(
                above(value, max),
                out_of_range(value, None, Some(&max)),
                "{value:?}"
            );
        }
        assert!(out_of(Some(&f64::NAN), 0.0, 1.0));
        assert!(below(Some(&f64::NAN), 0.0) && above(Some(&f64::NAN), 1.0));
        assert!(!out_of(None::<&u32>, 1, 2));
    }

    #[test]
    fn type_names_lose_their_paths() {
        assert_eq!(short_type_name("my_crate::checks::Known"), "Known");
        assert_eq!(short_type_name("Known"), "Known");
        assert_eq!(
            short_type_name("alloc::vec::Vec<my_crate::Known>"),
            "Vec<Known>"
        );
        assert_eq!(
            short_type_name("(a::B, &c::d::E<[f::G; 2]>)"),
            "(B, &E<[G; 2]>)"
        );
        assert_eq!(short_type_name("&str"), "&str");
    }
}
