//! Where the derived checks send what they find. A derived type has one
//! body of checks, `Validate::check_into`, generic over a [`Sink`]:
//! [`Record`] writes every broken rule into a report (`validate_into`),
//! [`Stop`] ends at the first (`is_valid`, the fast path of `validate`).
//! One body instead of two halves what the compiler checks for each type;
//! each sink's copy is still specialized, since `RECORDS` is a constant and
//! `Stop`'s methods are empty and inlined.

use core::fmt::Display;

use super::groups::{GroupKind, report_group};
use crate::Validate;
use crate::issues::Issues;
use crate::path::Location;
use crate::report::{Report, Value};

/// What the derived checks call when a rule is broken. A check first asks
/// [`Self::RECORDS`] (or calls [`Self::goes_on`], which does): a sink that
/// does not record ends there, before the value and path of the violation
/// are made, so that the fast path never builds them. The recording
/// methods are called only when [`Self::RECORDS`]; the others return
/// whether checking goes on.
pub trait Sink {
    /// Whether this sink records violations and so goes on after one. The
    /// checks of rules marked `warn`, which cannot make a value invalid,
    /// run only when it does.
    const RECORDS: bool;

    /// A rule is broken at `field` below `at` (`""` for `at` itself),
    /// with `value` offending.
    fn broken(
        &mut self,
        at: &Location<'_>,
        field: &'static str,
        code: &'static str,
        template: &'static str,
        names: &'static [&'static str],
        value: Option<Value>,
    );

    /// A rule marked `warn` is broken.
    fn warned(
        &mut self,
        at: &Location<'_>,
        field: &'static str,
        code: &'static str,
        template: &'static str,
        names: &'static [&'static str],
        value: Option<Value>,
    );

    /// A `custom` rule failed with `error`; its message is `template`, when
    /// the rule gave one. A warning when `warn`.
    #[allow(clippy::too_many_arguments)]
    fn custom(
        &mut self,
        at: &Location<'_>,
        field: &'static str,
        template: Option<&'static str>,
        error: &dyn Display,
        value: Option<Value>,
        warn: bool,
    );

    /// A group rule is broken: `set` says which of `names` are set.
    fn group(
        &mut self,
        at: &Location<'_>,
        kind: GroupKind,
        names: &[&'static str],
        set: &[bool],
        template: Option<&'static str>,
        warn: bool,
    );

    /// Fills the sibling placeholders (`{action}`) of the violation just
    /// recorded.
    fn fill(&mut self, siblings: &[(&'static str, Option<Value>)]);

    /// How many violations are recorded so far, to mark those that follow.
    fn mark(&self) -> usize;

    /// Marks the violations from the `from`th on as about keys.
    fn about_keys(&mut self, from: usize);

    /// Records on the violations from the `from`th on the aliases of the
    /// fields of the struct at `at` that their paths go through.
    fn field_aliases(
        &mut self,
        from: usize,
        at: &Location<'_>,
        fields: &[(&'static str, &'static [&'static str])],
    );

    /// `#[nested]` stopped at `at`, past the nesting bound.
    fn too_deep(&mut self, at: &Location<'_>) -> bool;

    /// Sends a broken rule whose value costs nothing to build (a number, a
    /// length), and answers whether the checks go on: `false`, with nothing
    /// sent, for a sink that only answers validity. A method, as the
    /// derive's other calls to the sink are: fewer tokens for rustc than a
    /// path to a function.
    #[inline(always)]
    #[allow(clippy::inline_always)]
    fn goes_on(
        &mut self,
        at: &Location<'_>,
        field: &'static str,
        code: &'static str,
        template: &'static str,
        names: &'static [&'static str],
        value: Option<Value>,
    ) -> bool
    where
        Self: Sized,
    {
        if !Self::RECORDS {
            return false;
        }
        self.broken(at, field, code, template, names, value);
        true
    }

    /// The [`Issues`] a struct-level check of the second form reports to.
    fn issues<'s>(&'s mut self, at: &'s Location<'s>) -> Issues<'s>;

    /// Checks a value whose impl may not have `check_into` of its own (a
    /// hand-written one, or an unsized type's).
    fn descend<T: Validate + ?Sized>(&mut self, value: &T, at: &Location<'_>) -> bool;
}

/// Records every broken rule into a report.
pub struct Record<'r>(pub &'r mut Report);

impl Sink for Record<'_> {
    const RECORDS: bool = true;

    #[inline]
    fn broken(
        &mut self,
        at: &Location<'_>,
        field: &'static str,
        code: &'static str,
        template: &'static str,
        names: &'static [&'static str],
        value: Option<Value>,
    ) {
        super::report(self.0, at, field, code, template, names, value);
    }

    #[inline]
    fn warned(
        &mut self,
        at: &Location<'_>,
        field: &'static str,
        code: &'static str,
        template: &'static str,
        names: &'static [&'static str],
        value: Option<Value>,
    ) {
        super::warn(self.0, at, field, code, template, names, value);
    }

    #[inline]
    fn custom(
        &mut self,
        at: &Location<'_>,
        field: &'static str,
        template: Option<&'static str>,
        error: &dyn Display,
        value: Option<Value>,
        warn: bool,
    ) {
        if warn {
            super::warn_custom(self.0, at, field, template, error, value);
        } else {
            super::report_custom(self.0, at, field, template, error, value);
        }
    }

    #[inline]
    fn group(
        &mut self,
        at: &Location<'_>,
        kind: GroupKind,
        names: &[&'static str],
        set: &[bool],
        template: Option<&'static str>,
        warn: bool,
    ) {
        report_group(self.0, at, kind, names, set, template, warn);
    }

    #[inline]
    fn fill(&mut self, siblings: &[(&'static str, Option<Value>)]) {
        super::fill_siblings(self.0, siblings);
    }

    #[inline]
    fn mark(&self) -> usize {
        self.0.len()
    }

    #[inline]
    fn about_keys(&mut self, from: usize) {
        if self.0.len() > from {
            super::about_keys(self.0, from);
        }
    }

    #[inline]
    fn field_aliases(
        &mut self,
        from: usize,
        at: &Location<'_>,
        fields: &[(&'static str, &'static [&'static str])],
    ) {
        if self.0.len() > from {
            super::field_aliases(self.0, from, at, fields);
        }
    }

    #[inline]
    fn too_deep(&mut self, at: &Location<'_>) -> bool {
        super::too_deep(self.0, at);
        true
    }

    #[inline]
    fn issues<'s>(&'s mut self, at: &'s Location<'s>) -> Issues<'s> {
        Issues::new(at, self.0)
    }

    #[inline]
    fn descend<T: Validate + ?Sized>(&mut self, value: &T, at: &Location<'_>) -> bool {
        value.validate_into(at, self.0);
        true
    }
}

/// Ends at the first broken rule, recording nothing.
pub struct Stop;

impl Sink for Stop {
    const RECORDS: bool = false;

    #[inline]
    fn broken(
        &mut self,
        _: &Location<'_>,
        _: &'static str,
        _: &'static str,
        _: &'static str,
        _: &'static [&'static str],
        _: Option<Value>,
    ) {
    }

    #[inline]
    fn warned(
        &mut self,
        _: &Location<'_>,
        _: &'static str,
        _: &'static str,
        _: &'static str,
        _: &'static [&'static str],
        _: Option<Value>,
    ) {
    }

    #[inline]
    fn custom(
        &mut self,
        _: &Location<'_>,
        _: &'static str,
        _: Option<&'static str>,
        _: &dyn Display,
        _: Option<Value>,
        _: bool,
    ) {
    }

    #[inline]
    fn group(
        &mut self,
        _: &Location<'_>,
        _: GroupKind,
        _: &[&'static str],
        _: &[bool],
        _: Option<&'static str>,
        _: bool,
    ) {
    }

    #[inline]
    fn fill(&mut self, _: &[(&'static str, Option<Value>)]) {}

    #[inline]
    fn mark(&self) -> usize {
        0
    }

    #[inline]
    fn about_keys(&mut self, _: usize) {}

    #[inline]
    fn field_aliases(
        &mut self,
        _: usize,
        _: &Location<'_>,
        _: &[(&'static str, &'static [&'static str])],
    ) {
    }

    #[inline]
    fn too_deep(&mut self, _: &Location<'_>) -> bool {
        false
    }

    #[inline]
    fn issues<'s>(&'s mut self, _: &'s Location<'s>) -> Issues<'s> {
        Issues::counting()
    }

    #[inline]
    fn descend<T: Validate + ?Sized>(&mut self, value: &T, at: &Location<'_>) -> bool {
        value.is_valid_at(at)
    }
}

/// Checks `value` one `#[nested]` level below `at` (which already names
/// its field), unless that passes the nesting bound.
#[inline]
pub fn nested<T: Validate, S: Sink>(value: &T, at: &Location<'_>, sink: &mut S) -> bool {
    let nested = at.nested();
    if nested.nesting() > crate::limits::max_nesting() {
        return sink.too_deep(&nested);
    }
    value.check_into(&nested, sink)
}

/// Whether a struct-level check of the second form leaves checking to go
/// on: always when recording, only if it found nothing otherwise.
#[inline]
#[must_use]
pub fn issues_go_on<S: Sink>(issues: &Issues<'_>) -> bool {
    S::RECORDS || issues.is_empty()
}
