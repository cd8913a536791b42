//! The [`Validate`] trait and its impls for the containers `nested` descends into.

use std::any::Any;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::fmt::Display;
use std::hash::BuildHasher;

use crate::__private::{Record, Sink, Stop};
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
    note = "derive `lowbit_core::Validate` on the type (for an `Option`, `Box`, `Vec`, array or map, on the type of its items), or implement `Validate` for it by hand"
)]
pub trait Validate {
    /// Checks every rule and returns all the violations, not only the first.
    /// Rules marked `warn` never make it fail; when another rule does, the
    /// report holds their warnings too.
    ///
    /// # Errors
    ///
    /// A [`Report`] of every violated rule, when one of them is an error.
    #[inline]
    fn validate(&self) -> Result<(), Report> {
        self.validate_with(&())
    }

    /// [`validate`](Self::validate), with a context that `custom` rules
    /// declared with `context` receive, at every level of nesting: the set
    /// of known model names, say, that a config may only refer to.
    ///
    /// ```
    /// use std::collections::HashSet;
    /// use lowbit_core::Validate;
    ///
    /// struct Known(HashSet<&'static str>);
    ///
    /// fn known(name: &str, known: &Known) -> Result<(), String> {
    ///     if known.0.contains(name) { Ok(()) } else { Err(format!("no model named {name:?}")) }
    /// }
    ///
    /// #[derive(Validate)]
    /// struct Layer {
    ///     #[custom(known, context)]
    ///     model: String,
    /// }
    ///
    /// #[derive(Validate)]
    /// struct Stack {
    ///     #[nested]
    ///     layers: Vec<Layer>,
    /// }
    ///
    /// let stack = Stack { layers: vec![Layer { model: "enc".into() }, Layer { model: "dec".into() }] };
    /// let context = Known(HashSet::from(["enc"]));
    /// let report = stack.validate_with(&context).unwrap_err();
    /// assert_eq!(report.to_string(), r#"no model named "dec""#);
    /// assert_eq!(report.iter().next().unwrap().path().to_string(), "layers[1].model");
    /// ```
    ///
    /// A rule whose context was not given (by `validate()`, or a context of
    /// another type) is reported broken, with a message that names the type
    /// it needs.
    ///
    /// # Errors
    ///
    /// A [`Report`] of every violated rule, when one of them is an error.
    #[inline]
    fn validate_with(&self, context: &dyn Any) -> Result<(), Report> {
        // The fast path: a valid config builds no report at all, whatever
        // warnings it has (the fast path does not check `warn` rules). The
        // report is built out of line, so that what a caller inlines is the
        // fast check and one branch.
        if self.is_valid_at(&Location::with_context(context)) {
            Ok(())
        } else {
            failed(self, context)
        }
    }

    /// Every violation, warnings included, whether or not the config is
    /// valid: what a program shows its user. `validate()` is
    /// `report().into_result()`, checked faster.
    ///
    /// ```
    /// use lowbit_core::Validate;
    ///
    /// #[derive(Validate, Default)]
    /// struct Train {
    ///     #[range(min = 8, warn, message = "{path} is {value}; below 8 it rarely converges")]
    ///     batch: u32,
    /// }
    ///
    /// let train = Train { batch: 4 };
    /// assert!(train.validate().is_ok());
    /// let report = train.report();
    /// let warning = report.iter().next().unwrap();
    /// assert!(warning.is_warning());
    /// assert_eq!(warning.to_string(), "batch is 4; below 8 it rarely converges");
    /// assert!(!report.has_errors());
    /// ```
    #[must_use]
    #[inline]
    fn report(&self) -> Report {
        self.report_with(&())
    }

    /// [`report`](Self::report), with the context of
    /// [`validate_with`](Self::validate_with).
    #[must_use]
    #[inline]
    fn report_with(&self, context: &dyn Any) -> Report {
        let mut report = Report::new();
        self.validate_into(&Location::with_context(context), &mut report);
        report
    }

    /// Whether every rule holds: `validate().is_ok()`, but it stops at the
    /// first broken rule and builds no report. Rules marked `warn` are not
    /// checked: they cannot make a config invalid.
    #[inline]
    fn is_valid(&self) -> bool {
        self.is_valid_with(&())
    }

    /// Whether every rule holds given `context`: `validate_with(context).is_ok()`,
    /// without a report.
    #[inline]
    fn is_valid_with(&self, context: &dyn Any) -> bool {
        self.is_valid_at(&Location::with_context(context))
    }

    /// Whether every rule of the value at `at` holds: what `is_valid` asks
    /// at the root and `#[nested]` at each level below, `at` carrying the
    /// context and the nesting depth. The derive writes it as the same
    /// checks as `validate_into`, ending at the first broken rule; a
    /// hand-written impl may rely on this default, which runs
    /// `validate_into` (and so holds despite warnings).
    #[doc(hidden)]
    #[inline]
    fn is_valid_at(&self, at: &Location<'_>) -> bool {
        let mut report = Report::new();
        self.validate_into(at, &mut report);
        !report.has_errors()
    }

    /// Checks every rule of the value at `at`, sending what is broken to
    /// `sink`, and returns whether the sink lets checking go on. The
    /// derive writes its checks here, once for both sinks; `validate_into`
    /// and `is_valid_at` call it. This default defers to those two, for
    /// hand-written impls.
    #[doc(hidden)]
    #[inline]
    fn check_into<S: Sink>(&self, at: &Location<'_>, sink: &mut S) -> bool
    where
        Self: Sized,
    {
        sink.descend(self, at)
    }

    /// Checks every rule of the value at `at`, recording violations in
    /// `report` (warnings as [`Violation::into_warning`](crate::Violation::into_warning)
    /// makes them).
    /// This is what `validate()` calls at the root and `#[nested]` at each
    /// level below; a hand-written impl extends `at` for the values it descends
    /// into.
    ///
    /// ```
    /// use lowbit_core::{Location, Report, Validate, Violation};
    ///
    /// struct Window { size: u32 }
    ///
    /// impl Validate for Window {
    ///     fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
    ///         if !self.size.is_power_of_two() {
    ///             let path = at.field("size").to_path();
    ///             report.push(Violation::new(path, "custom", "size must be a power of two"));
    ///         }
    ///     }
    /// }
    ///
    /// #[derive(Validate)]
    /// struct Model {
    ///     #[nested]
    ///     window: Window,
    /// }
    ///
    /// let report = Model { window: Window { size: 6 } }.validate().unwrap_err();
    /// assert_eq!(report.iter().next().unwrap().path().to_string(), "window.size");
    /// assert!(!Model { window: Window { size: 6 } }.is_valid());
    /// ```
    fn validate_into(&self, at: &Location<'_>, report: &mut Report);
}

/// Builds the report of a value that failed the fast check. Out of line
/// and cold: only what fails pays for it.
#[cold]
#[inline(never)]
fn failed<T: Validate + ?Sized>(value: &T, context: &dyn Any) -> Result<(), Report> {
    value.report_with(context).into_result()
}

/// The impls of a type that adds nothing of its own: `validate_into`,
/// `is_valid_at` and `check_into` of what `$inner` gives (a `&T`, or
/// nothing for `None`).
macro_rules! forward {
    ($this:ident => $inner:expr) => {
        #[inline]
        fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
            let $this = self;
            if let Some(inner) = $inner {
                inner.validate_into(at, report);
            }
        }
        #[inline]
        fn is_valid_at(&self, at: &Location<'_>) -> bool {
            let $this = self;
            $inner.is_none_or(|inner| inner.is_valid_at(at))
        }
    };
}

/// The checks of a sequence's items, each at `path[i]`.
#[inline]
fn each<'i, T: Validate + 'i, S: Sink>(
    items: impl Iterator<Item = &'i T>,
    at: &Location<'_>,
    sink: &mut S,
) -> bool {
    for (index, item) in items.enumerate() {
        if !item.check_into(&at.index(index), sink) {
            return false;
        }
    }
    true
}

#[diagnostic::do_not_recommend]
impl<T: Validate + ?Sized> Validate for &T {
    forward!(this => Some(&**this));
}

#[diagnostic::do_not_recommend]
impl<T: Validate + ?Sized> Validate for Box<T> {
    forward!(this => Some(&**this));
}

/// `None` has nothing to check; `Some` is checked at the same path.
#[diagnostic::do_not_recommend]
impl<T: Validate> Validate for Option<T> {
    forward!(this => this.as_ref());

    #[inline]
    fn check_into<S: Sink>(&self, at: &Location<'_>, sink: &mut S) -> bool {
        self.as_ref().is_none_or(|value| value.check_into(at, sink))
    }
}

/// Items are checked at `path[i]`.
#[diagnostic::do_not_recommend]
impl<T: Validate> Validate for [T] {
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        each(self.iter(), at, &mut Record(report));
    }
    fn is_valid_at(&self, at: &Location<'_>) -> bool {
        each(self.iter(), at, &mut Stop)
    }
}

/// The impls of a sequence type, by its items.
macro_rules! sequence {
    () => {
        fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
            each(self.iter(), at, &mut Record(report));
        }
        fn is_valid_at(&self, at: &Location<'_>) -> bool {
            each(self.iter(), at, &mut Stop)
        }
        #[inline]
        fn check_into<S: Sink>(&self, at: &Location<'_>, sink: &mut S) -> bool {
            each(self.iter(), at, sink)
        }
    };
}

#[diagnostic::do_not_recommend]
impl<T: Validate, const N: usize> Validate for [T; N] {
    sequence!();
}

#[diagnostic::do_not_recommend]
impl<T: Validate> Validate for Vec<T> {
    sequence!();
}

#[diagnostic::do_not_recommend]
impl<T: Validate> Validate for VecDeque<T> {
    sequence!();
}

/// Entries are checked at `path["key"]`, in the order of their keys as
/// displayed, so that a report is the same from one run to the next
/// whatever the hasher's order. (Only building a report sorts; the fast
/// check of a valid config allocates nothing.)
#[diagnostic::do_not_recommend]
impl<K: Display, V: Validate, H: BuildHasher> Validate for HashMap<K, V, H> {
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        self.check_into(at, &mut Record(report));
    }
    fn is_valid_at(&self, at: &Location<'_>) -> bool {
        self.check_into(at, &mut Stop)
    }
    fn check_into<S: Sink>(&self, at: &Location<'_>, sink: &mut S) -> bool {
        if !S::RECORDS {
            return self.values().all(|value| value.check_into(at, sink));
        }
        let mut entries: Vec<(String, &V)> = self
            .iter()
            .map(|(key, value)| (key.to_string(), value))
            .collect();
        entries.sort_by(|(a, _), (b, _)| a.cmp(b));
        entries
            .iter()
            .all(|(key, value)| value.check_into(&at.key(key), sink))
    }
}

/// Entries are checked at `path["key"]`, in key order.
#[diagnostic::do_not_recommend]
impl<K: Display, V: Validate> Validate for BTreeMap<K, V> {
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        self.check_into(at, &mut Record(report));
    }
    fn is_valid_at(&self, at: &Location<'_>) -> bool {
        self.check_into(at, &mut Stop)
    }
    #[inline]
    fn check_into<S: Sink>(&self, at: &Location<'_>, sink: &mut S) -> bool {
        self.iter()
            .all(|(key, value)| value.check_into(&at.key(key), sink))
    }
}
