//! Dotted paths that pass through an `Option`: `offload.device` with
//! `offload: Option<Offload>`. Each step goes [`Through`] the value it
//! stands on, and the value at the end is a [`Via`]: what lies there, or
//! nothing when an `Option` on the way is `None`. A `Via` answers every
//! question a rule asks as its value would, and as an absent value when
//! there is none: not set, no name, no number, no items. So a condition on
//! `offload.device` holds only when `offload` is `Some` and the rest holds,
//! and a rule with `at = offload.ratio` applies while `offload` is `Some`.

use super::traits::{Choice, Describe, Flag, IsSet, Items, Length, Scalar};
use super::{Domain, Key, Ordered};
use crate::report::Value;

/// A value a dotted path can step into: a struct that derives `Validate`
/// (its fields), or an `Option` or `Box` of one.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no fields for a dotted path to name",
    label = "a dotted path steps into structs that derive `Validate`",
    note = "a dotted path steps into structs that derive `Validate`, and through `Option`s and `Box`es of them"
)]
pub trait Through {
    /// The struct whose fields the next segment names.
    type Inner: ?Sized;
    /// That struct's fields that paths spell otherwise than Rust does: each
    /// one's Rust name and the name paths spell it by (empty for a
    /// flattened field).
    const FIELDS: &'static [(&'static str, &'static str)] = &[];
    /// That struct, or `None` when an `Option` on the way is `None`.
    fn through(&self) -> Option<&Self::Inner>;
}

#[diagnostic::do_not_recommend]
impl<T: Through> Through for Option<T> {
    type Inner = T::Inner;
    const FIELDS: &'static [(&'static str, &'static str)] = T::FIELDS;
    #[inline]
    fn through(&self) -> Option<&T::Inner> {
        self.as_ref().and_then(Through::through)
    }
}

#[diagnostic::do_not_recommend]
impl<T: Through + ?Sized> Through for Box<T> {
    type Inner = T::Inner;
    const FIELDS: &'static [(&'static str, &'static str)] = T::FIELDS;
    #[inline]
    fn through(&self) -> Option<&T::Inner> {
        (**self).through()
    }
}

/// The value at the end of a dotted path, or nothing when an `Option` on
/// the way is `None`.
pub struct Via<'a, T: ?Sized>(pub Option<&'a T>);

impl<T: IsSet + ?Sized> IsSet for Via<'_, T> {
    #[inline]
    fn is_set(&self) -> bool {
        self.0.is_some_and(IsSet::is_set)
    }
}

impl<T: Choice + ?Sized> Choice for Via<'_, T> {
    const DOMAIN: Domain = T::DOMAIN;
    #[inline]
    fn present(&self) -> bool {
        self.0.is_some_and(Choice::present)
    }
    #[inline]
    fn is(&self, index: usize, name: &str) -> bool {
        self.0.is_some_and(|value| value.is(index, name))
    }
}

impl<T: Flag + ?Sized> Flag for Via<'_, T> {
    #[inline]
    fn flag(&self) -> Option<bool> {
        self.0.and_then(Flag::flag)
    }
}

impl<T: Scalar + ?Sized> Scalar for Via<'_, T> {
    type Value = T::Value;
    #[inline]
    fn scalar(&self) -> Option<&T::Value> {
        self.0.and_then(Scalar::scalar)
    }
}

impl<T: Length + ?Sized> Length for Via<'_, T> {
    #[inline]
    fn length(&self) -> Option<usize> {
        self.0.and_then(Length::length)
    }
}

impl<T: Items + ?Sized> Items for Via<'_, T> {
    type Item = T::Item;
    type Iter<'b>
        = core::iter::Flatten<core::option::IntoIter<T::Iter<'b>>>
    where
        Self: 'b;
    #[inline]
    fn items(&self) -> Self::Iter<'_> {
        self.0.map(Items::items).into_iter().flatten()
    }
}

impl<T: Describe + ?Sized> Describe for Via<'_, T> {
    #[inline]
    fn describe(&self) -> Option<Value> {
        self.0.and_then(Describe::describe)
    }
}

impl<T: Key + ?Sized> Key for Via<'_, T> {
    type Key<'b>
        = T::Key<'b>
    where
        Self: 'b;
    #[inline]
    fn key(&self) -> Option<T::Key<'_>> {
        self.0.and_then(Key::key)
    }
}

impl<T: Ordered + ?Sized> Ordered for Via<'_, T> {
    type Ord<'b>
        = T::Ord<'b>
    where
        Self: 'b;
    #[inline]
    fn ordered(&self) -> Option<T::Ord<'_>> {
        self.0.and_then(Ordered::ordered)
    }
}

impl<T: super::Each + ?Sized> super::Each for Via<'_, T> {
    type Item = T::Item;
    #[inline]
    fn each(&self) -> impl Iterator<Item = (super::Slot<'_>, &T::Item)> {
        self.0.into_iter().flat_map(super::Each::each)
    }
}

impl<T: super::Keys + ?Sized> super::Keys for Via<'_, T> {
    type Key = T::Key;
    #[inline]
    fn keys(&self) -> impl Iterator<Item = (super::Slot<'_>, &T::Key)> {
        self.0.into_iter().flat_map(super::Keys::keys)
    }
}
