//! The payload of a newtype variant (`Adamw(AdamParams)`): validated in
//! place when its type implements `Validate`, and not descended into when it
//! does not (a `String`, a number). Method resolution picks the first impl
//! that applies, as for `Probe`.

use super::sink::Sink;
use crate::Validate;
use crate::path::Location;

/// Wraps a newtype variant's payload for [`ValidatePayload`] and
/// [`SkipPayload`].
pub struct Payload<'a, T: ?Sized>(pub &'a T);

/// The payload implements `Validate`: it is checked, one `nested` level
/// deeper.
pub trait ValidatePayload {
    /// Checks the payload at `at`; whether checking goes on.
    fn check_payload<S: Sink>(&self, at: &Location<'_>, sink: &mut S) -> bool;
}

impl<T: Validate> ValidatePayload for &Payload<'_, T> {
    #[inline]
    fn check_payload<S: Sink>(&self, at: &Location<'_>, sink: &mut S) -> bool {
        super::sink::nested(self.0, at, sink)
    }
}

/// The payload has no rules of its own.
pub trait SkipPayload {
    /// Nothing to check.
    fn check_payload<S: Sink>(&self, at: &Location<'_>, sink: &mut S) -> bool;
}

impl<T: ?Sized> SkipPayload for Payload<'_, T> {
    #[inline]
    fn check_payload<S: Sink>(&self, _: &Location<'_>, _: &mut S) -> bool {
        true
    }
}
