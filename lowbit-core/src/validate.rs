//! The [`Validate`] trait and its impls for the containers `nested` descends into.

use std::any::Any;
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
        // warnings it has (the fast path does not check `warn` rules).
        if self.is_valid_with(context) {
            return Ok(());
        }
        let mut report = Report::new();
        self.validate_into(&Location::with_context(context), &mut report);
        report.into_result()
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
    /// without a report. The derive writes it as the same checks as
    /// `validate_into`; a hand-written impl may rely on this default, which
    /// runs `validate_into` (and so holds despite warnings).
    #[inline]
    fn is_valid_with(&self, context: &dyn Any) -> bool {
        !self.report_with(context).has_errors()
    }

    /// [`is_valid_with`](Self::is_valid_with) for a value `depth` levels of
    /// `#[nested]` below the root, which the derive counts so that it stops
    /// at [`max_nesting`](crate::limits::max_nesting). Containers pass the
    /// depth through; a hand-written impl may rely on this default.
    #[doc(hidden)]
    #[inline]
    fn is_valid_at_depth(&self, context: &dyn Any, depth: usize) -> bool {
        let _ = depth;
        self.is_valid_with(context)
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

#[diagnostic::do_not_recommend]
impl<T: Validate + ?Sized> Validate for &T {
    #[inline]
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        (**self).validate_into(at, report);
    }
    #[inline]
    fn is_valid_at_depth(&self, context: &dyn Any, depth: usize) -> bool {
        (**self).is_valid_at_depth(context, depth)
    }
    #[inline]
    fn is_valid_with(&self, context: &dyn Any) -> bool {
        self.is_valid_at_depth(context, 0)
    }
}

#[diagnostic::do_not_recommend]
impl<T: Validate + ?Sized> Validate for Box<T> {
    #[inline]
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        (**self).validate_into(at, report);
    }
    #[inline]
    fn is_valid_at_depth(&self, context: &dyn Any, depth: usize) -> bool {
        (**self).is_valid_at_depth(context, depth)
    }
    #[inline]
    fn is_valid_with(&self, context: &dyn Any) -> bool {
        self.is_valid_at_depth(context, 0)
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
    #[inline]
    fn is_valid_at_depth(&self, context: &dyn Any, depth: usize) -> bool {
        self.as_ref()
            .is_none_or(|value| value.is_valid_at_depth(context, depth))
    }
    #[inline]
    fn is_valid_with(&self, context: &dyn Any) -> bool {
        self.is_valid_at_depth(context, 0)
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
    fn is_valid_at_depth(&self, context: &dyn Any, depth: usize) -> bool {
        self.iter()
            .all(|item| item.is_valid_at_depth(context, depth))
    }
    #[inline]
    fn is_valid_with(&self, context: &dyn Any) -> bool {
        self.is_valid_at_depth(context, 0)
    }
}

#[diagnostic::do_not_recommend]
impl<T: Validate, const N: usize> Validate for [T; N] {
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        self.as_slice().validate_into(at, report);
    }
    fn is_valid_at_depth(&self, context: &dyn Any, depth: usize) -> bool {
        self.as_slice().is_valid_at_depth(context, depth)
    }
    #[inline]
    fn is_valid_with(&self, context: &dyn Any) -> bool {
        self.is_valid_at_depth(context, 0)
    }
}

#[diagnostic::do_not_recommend]
impl<T: Validate> Validate for Vec<T> {
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        self.as_slice().validate_into(at, report);
    }
    fn is_valid_at_depth(&self, context: &dyn Any, depth: usize) -> bool {
        self.as_slice().is_valid_at_depth(context, depth)
    }
    #[inline]
    fn is_valid_with(&self, context: &dyn Any) -> bool {
        self.is_valid_at_depth(context, 0)
    }
}

#[diagnostic::do_not_recommend]
impl<T: Validate> Validate for VecDeque<T> {
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        for (index, item) in self.iter().enumerate() {
            item.validate_into(&at.index(index), report);
        }
    }
    fn is_valid_at_depth(&self, context: &dyn Any, depth: usize) -> bool {
        self.iter()
            .all(|item| item.is_valid_at_depth(context, depth))
    }
    #[inline]
    fn is_valid_with(&self, context: &dyn Any) -> bool {
        self.is_valid_at_depth(context, 0)
    }
}

/// Entries are checked at `path["key"]`, in the order of their keys as
/// displayed, so that a report is the same from one run to the next
/// whatever the hasher's order. (Only building a report sorts; the fast
/// check of a valid config allocates nothing.)
#[diagnostic::do_not_recommend]
impl<K: Display, V: Validate, S: BuildHasher> Validate for HashMap<K, V, S> {
    fn validate_into(&self, at: &Location<'_>, report: &mut Report) {
        let mut entries: Vec<(String, &V)> = self
            .iter()
            .map(|(key, value)| (key.to_string(), value))
            .collect();
        entries.sort_by(|(a, _), (b, _)| a.cmp(b));
        for (key, value) in &entries {
            value.validate_into(&at.key(key), report);
        }
    }
    fn is_valid_at_depth(&self, context: &dyn Any, depth: usize) -> bool {
        self.values()
            .all(|value| value.is_valid_at_depth(context, depth))
    }
    #[inline]
    fn is_valid_with(&self, context: &dyn Any) -> bool {
        self.is_valid_at_depth(context, 0)
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
    fn is_valid_at_depth(&self, context: &dyn Any, depth: usize) -> bool {
        self.values()
            .all(|value| value.is_valid_at_depth(context, depth))
    }
    #[inline]
    fn is_valid_with(&self, context: &dyn Any) -> bool {
        self.is_valid_at_depth(context, 0)
    }
}
