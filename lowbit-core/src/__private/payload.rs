//! The payload of a newtype variant (`Adamw(AdamParams)`): validated in
//! place when its type implements `Validate`, and not descended into when it
//! does not (a `String`, a number). Method resolution picks the first impl
//! that applies, as for `Probe`.

use core::any::Any;

use crate::Validate;
use crate::path::Location;
use crate::report::Report;

/// Wraps a newtype variant's payload for [`ValidatePayload`] and
/// [`SkipPayload`].
pub struct Payload<'a, T: ?Sized>(pub &'a T);

/// The payload implements `Validate`: it is checked, one `nested` level
/// deeper.
pub trait ValidatePayload {
    /// Records the payload's violations at `at`.
    fn validate_payload(&self, at: &Location<'_>, report: &mut Report);
    /// Whether the payload breaks no rule, `depth` levels below the root.
    fn payload_holds(&self, context: &dyn Any, depth: usize) -> bool;
}

impl<T: Validate + ?Sized> ValidatePayload for &Payload<'_, T> {
    #[inline]
    fn validate_payload(&self, at: &Location<'_>, report: &mut Report) {
        let nested = at.nested();
        if nested.nesting() > crate::limits::max_nesting() {
            super::too_deep(report, &nested);
        } else {
            self.0.validate_into(&nested, report);
        }
    }
    #[inline]
    fn payload_holds(&self, context: &dyn Any, depth: usize) -> bool {
        depth < crate::limits::max_nesting() && self.0.is_valid_at_depth(context, depth + 1)
    }
}

/// The payload has no rules of its own.
pub trait SkipPayload {
    /// Nothing to record.
    fn validate_payload(&self, at: &Location<'_>, report: &mut Report);
    /// Always holds.
    fn payload_holds(&self, context: &dyn Any, depth: usize) -> bool;
}

impl<T: ?Sized> SkipPayload for Payload<'_, T> {
    #[inline]
    fn validate_payload(&self, _: &Location<'_>, _: &mut Report) {}
    #[inline]
    fn payload_holds(&self, _: &dyn Any, _: usize) -> bool {
        true
    }
}
