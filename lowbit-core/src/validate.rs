//! The [`Validate`] trait and its impls for the containers `nested` descends into.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::fmt::Display;
use std::hash::BuildHasher;

use crate::path::Location;
use crate::report::Report;

/// A value that knows its rules.
///
/// Derive it: `#[derive(Validate)]` on a struct with named fields checks the
/// rules written on its fields; on an enum it records the variants' serde names
/// (see [`VariantNames`](crate::VariantNames)) so that rules can name them.
///
/// ```
/// use lowbit_core::Validate;
///
/// #[derive(Validate, Default)]
/// struct Saved {
///     enable: bool,
///     #[requires(enable)]
///     dir: String,
/// }
///
/// let report = Saved { dir: "/tmp".into(), ..Saved::default() }.validate().unwrap_err();
/// assert_eq!(report.to_string(), "dir requires enable");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Validate`",
    label = "`#[nested]` validates values whose type implements `Validate`",
    note = "add `#[derive(lowbit_core::Validate)]` to `{Self}`, or implement `Validate` for it by hand"
)]
pub trait Validate {
    /// Checks every rule and returns all the violations, not only the first.
    ///
    /// # Errors
    ///
    /// A [`Report`] of every violated rule, when there is one.
    #[inline]
    fn validate(&self) -> Result<(), Report> {
        let mut report = Report::new();
        self.validate_into(&Location::root(), &mut report);
        report.into_result()
    }

    /// Checks every rule of the value at `at`, recording violations in `report`.
    /// This is what `validate()` calls at the root and `#[nested]` at each
    /// level below; a hand-written impl extends `at` for the values it descends
    /// into.
    fn validate_into(&self, at: &Location<'_>, report: &mut Report);
}

#[diagnostic::do_not_recommend]
impl<T: Validate + ?Sized> Validate for &T {
    #[inline]
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        (**self).validate_into(at, report);
    }
}

#[diagnostic::do_not_recommend]
impl<T: Validate + ?Sized> Validate for Box<T> {
    #[inline]
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        (**self).validate_into(at, report);
    }
}

/// `None` has nothing to check; `Some` is checked at the same path.
#[diagnostic::do_not_recommend]
impl<T: Validate> Validate for Option<T> {
    #[inline]
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        if let Some(value) = self {
            value.validate_into(at, report);
        }
    }
}

/// Items are checked at `path[i]`.
#[diagnostic::do_not_recommend]
impl<T: Validate> Validate for [T] {
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        for (index, item) in self.iter().enumerate() {
            item.validate_into(&at.index(index), report);
        }
    }
}

#[diagnostic::do_not_recommend]
impl<T: Validate, const N: usize> Validate for [T; N] {
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        self.as_slice().validate_into(at, report);
    }
}

#[diagnostic::do_not_recommend]
impl<T: Validate> Validate for Vec<T> {
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        self.as_slice().validate_into(at, report);
    }
}

#[diagnostic::do_not_recommend]
impl<T: Validate> Validate for VecDeque<T> {
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        for (index, item) in self.iter().enumerate() {
            item.validate_into(&at.index(index), report);
        }
    }
}

/// Entries are checked at `path["key"]`.
#[diagnostic::do_not_recommend]
impl<K: Display, V: Validate, S: BuildHasher> Validate for HashMap<K, V, S> {
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        for (key, value) in self {
            value.validate_into(&at.key(key), report);
        }
    }
}

/// Entries are checked at `path["key"]`, in key order.
#[diagnostic::do_not_recommend]
impl<K: Display, V: Validate> Validate for BTreeMap<K, V> {
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        for (key, value) in self {
            value.validate_into(&at.key(key), report);
        }
    }
}
