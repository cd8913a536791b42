//! `required`: an `Option` is `Some`. Its own trait rather than `IsSet`,
//! so that a field that is no `Option` (where "required" would mean
//! nothing: serde already demands the key) is rustc's error at the rule.

use std::rc::Rc;
use std::sync::Arc;

/// An `Option`, for `required`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an `Option`",
    label = "`required` asks that an `Option` be `Some`",
    note = "a field that is no `Option` is always present once deserialized; `required` applies to `Option`s (and the pointers to them), and `non_empty` asks a string or collection for content"
)]
pub trait Optional {
    /// The value is `None`.
    fn missing(&self) -> bool;
}

#[diagnostic::do_not_recommend]
impl<T> Optional for Option<T> {
    #[inline]
    fn missing(&self) -> bool {
        self.is_none()
    }
}

macro_rules! through_pointers {
    ($($pointer:ident)*) => {$(
        #[diagnostic::do_not_recommend]
        impl<T: Optional + ?Sized> Optional for $pointer<T> {
            #[inline]
            fn missing(&self) -> bool {
                (**self).missing()
            }
        }
    )*};
}

through_pointers!(Box Rc Arc);

#[diagnostic::do_not_recommend]
impl<T: Optional + ?Sized> Optional for &T {
    #[inline]
    fn missing(&self) -> bool {
        (**self).missing()
    }
}

/// The value at the end of a dotted path (`at = tls.cert`): a rule with
/// `at` applies while the `Option`s on the way are `Some`, so an absent
/// path is not a missing value.
impl<T: Optional + ?Sized> Optional for super::via::Via<'_, T> {
    #[inline]
    fn missing(&self) -> bool {
        self.0.is_some_and(Optional::missing)
    }
}

#[cfg(test)]
mod tests {
    use super::Optional;
    use crate::__private::Via;

    #[test]
    fn none_is_missing_through_pointers_and_paths() {
        assert!(None::<u8>.missing());
        assert!(!Some(0u8).missing());
        assert!(!Some(None::<u8>).missing());
        assert!(Box::new(None::<String>).missing());
        assert!(Optional::missing(&&None::<String>));
        assert!(Via(Some(&None::<u8>)).missing());
        assert!(!Via(Some(&Some(1u8))).missing());
        assert!(!Via::<Option<u8>>(None).missing());
    }
}
