//! `unique`: no item of a sequence equals an earlier one. Items are
//! compared with `PartialEq` alone, each with those before it: a quadratic
//! scan that allocates nothing and asks nothing more of the item type
//! (neither `Hash` nor `Ord`), which is what a config's lists, of tens of
//! items, afford. It finds the first item that repeats an earlier one, in
//! the file's order, which is where the violation points.

use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::Arc;

/// A sequence, for `unique`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a sequence whose items can be compared",
    label = "`unique` asks that no two items of a sequence be equal",
    note = "`Vec`, arrays, slices, `VecDeque` and `Option`s of them are sequences, when their items implement `PartialEq`; a set's items and a map's keys are distinct already"
)]
pub trait Distinct {
    /// The item type.
    type Item;
    /// The first item equal to an earlier one, and its index; `None` when
    /// every item differs from those before it, or the value is absent.
    fn first_repeat(&self) -> Option<(usize, &Self::Item)>;
}

/// The first item of `items` equal to one before it.
fn first_repeat<'a, T: PartialEq + 'a>(
    items: impl Iterator<Item = &'a T> + Clone,
) -> Option<(usize, &'a T)> {
    items
        .clone()
        .enumerate()
        .find(|&(index, item)| items.clone().take(index).any(|earlier| earlier == item))
}

macro_rules! sequences {
    ($([$($generics:tt)*] $ty:ty;)*) => {$(
        #[diagnostic::do_not_recommend]
        impl<$($generics)*> Distinct for $ty {
            type Item = T;
            #[inline]
            fn first_repeat(&self) -> Option<(usize, &T)> {
                first_repeat(self.iter())
            }
        }
    )*};
}

sequences! {
    [T: PartialEq] [T];
    [T: PartialEq, const N: usize] [T; N];
    [T: PartialEq] Vec<T>;
    [T: PartialEq] VecDeque<T>;
}

/// `None` has no items to repeat.
#[diagnostic::do_not_recommend]
impl<C: Distinct> Distinct for Option<C> {
    type Item = C::Item;
    #[inline]
    fn first_repeat(&self) -> Option<(usize, &C::Item)> {
        self.as_ref().and_then(Distinct::first_repeat)
    }
}

macro_rules! through_pointers {
    ($($pointer:ident)*) => {$(
        #[diagnostic::do_not_recommend]
        impl<C: Distinct + ?Sized> Distinct for $pointer<C> {
            type Item = C::Item;
            #[inline]
            fn first_repeat(&self) -> Option<(usize, &C::Item)> {
                (**self).first_repeat()
            }
        }
    )*};
}

through_pointers!(Box Rc Arc);

#[diagnostic::do_not_recommend]
impl<C: Distinct + ?Sized> Distinct for &C {
    type Item = C::Item;
    #[inline]
    fn first_repeat(&self) -> Option<(usize, &C::Item)> {
        (**self).first_repeat()
    }
}

/// The value at the end of a dotted path (`at = a.hosts`): absent when an
/// `Option` on the way is `None`.
impl<C: Distinct + ?Sized> Distinct for super::via::Via<'_, C> {
    type Item = C::Item;
    #[inline]
    fn first_repeat(&self) -> Option<(usize, &C::Item)> {
        self.0.and_then(Distinct::first_repeat)
    }
}

#[cfg(test)]
mod tests {
    use super::Distinct;
    use crate::__private::Via;

    #[test]
    fn the_first_repeat_in_order() {
        assert_eq!(Vec::<u8>::new().first_repeat(), None);
        assert_eq!(vec![1, 2, 3].first_repeat(), None);
        assert_eq!(vec![1, 2, 1, 2].first_repeat(), Some((2, &1)));
        assert_eq!(vec![1, 2, 2, 1].first_repeat(), Some((2, &2)));
        assert_eq!(["a", "b", "c", "b"].first_repeat(), Some((3, &"b")));
    }

    #[test]
    fn floats_compare_as_partial_eq_says() {
        // NaN equals nothing, itself included; 0.0 equals -0.0.
        assert_eq!(vec![f64::NAN, f64::NAN].first_repeat(), None);
        assert_eq!(vec![0.0, -0.0].first_repeat(), Some((1, &-0.0)));
    }

    #[test]
    fn through_options_pointers_and_paths() {
        assert_eq!(None::<Vec<u8>>.first_repeat(), None);
        assert_eq!(Some(vec![7, 7]).first_repeat(), Some((1, &7)));
        assert_eq!(Box::new(vec![7, 7]).first_repeat(), Some((1, &7)));
        let hosts = vec!["a", "a"];
        assert_eq!(Via(Some(&hosts)).first_repeat(), Some((1, &"a")));
        assert_eq!(Via::<Vec<&str>>(None).first_repeat(), None);
    }
}
