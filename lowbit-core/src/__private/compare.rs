//! Comparisons in conditions: a field with a number (`g > 3`), and a field
//! with another field (`g = h`, `g < h`). A comparison holds only when
//! both sides hold a value: an `Option` that is `None` compares with
//! nothing.

use core::marker::PhantomData;

/// What a field is compared with another field by. Two fields compare when
/// their keys are of one type: numbers of one type, strings (`String` and
/// `&str` alike), bools, or one enum that derives `Validate`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be compared with another field",
    label = "this field is compared with another one",
    note = "fields compare when both are numbers of one type, strings, bools, or the same enum deriving `Validate` (or `Option`s of those)"
)]
pub trait Key {
    /// The key: a reference to the number or text, the bool, or the
    /// variant.
    type Key<'a>: PartialEq
    where
        Self: 'a;
    /// The key, or `None` where there is no value (`None`).
    fn key(&self) -> Option<Self::Key<'_>>;
}

/// Fields with an order, for `<`, `<=`, `>`, `>=`: numbers and strings,
/// and `Option`s of them. Enums have none.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no order",
    label = "`<`, `<=`, `>` and `>=` compare numbers and strings",
    note = "an enum or a bool is compared with `=` or `!=`"
)]
pub trait Ordered {
    /// What orders it: a reference to the number or the text.
    type Ord<'a>: PartialOrd
    where
        Self: 'a;
    /// That, or `None` where there is no value (`None`).
    fn ordered(&self) -> Option<Self::Ord<'_>>;
}

/// An enum's variant, by index: equal only to a variant of the same enum.
pub struct Variant<E: ?Sized> {
    index: usize,
    enumeration: PhantomData<fn() -> *const E>,
}

impl<E: ?Sized> Variant<E> {
    /// The variant at `index` of `E`.
    #[inline]
    #[must_use]
    pub fn new(index: usize) -> Self {
        Variant {
            index,
            enumeration: PhantomData,
        }
    }
}

impl<E: ?Sized> PartialEq for Variant<E> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
    }
}

macro_rules! keys {
    ($($ty:ty),*) => {$(
        impl Key for $ty {
            type Key<'a> = &'a $ty;
            #[inline]
            fn key(&self) -> Option<&$ty> {
                Some(self)
            }
        }
        impl Ordered for $ty {
            type Ord<'a> = &'a $ty;
            #[inline]
            fn ordered(&self) -> Option<&$ty> {
                Some(self)
            }
        }
    )*};
}

keys!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64
);

impl Ordered for str {
    type Ord<'a> = &'a str;
    #[inline]
    fn ordered(&self) -> Option<&str> {
        Some(self)
    }
}

impl Ordered for String {
    type Ord<'a> = &'a str;
    #[inline]
    fn ordered(&self) -> Option<&str> {
        Some(self)
    }
}

impl<T: Ordered + ?Sized> Ordered for &T {
    type Ord<'a>
        = T::Ord<'a>
    where
        Self: 'a;
    #[inline]
    fn ordered(&self) -> Option<T::Ord<'_>> {
        (**self).ordered()
    }
}

impl<T: Ordered + ?Sized> Ordered for Box<T> {
    type Ord<'a>
        = T::Ord<'a>
    where
        Self: 'a;
    #[inline]
    fn ordered(&self) -> Option<T::Ord<'_>> {
        (**self).ordered()
    }
}

impl<T: Ordered> Ordered for Option<T> {
    type Ord<'a>
        = T::Ord<'a>
    where
        Self: 'a;
    #[inline]
    fn ordered(&self) -> Option<T::Ord<'_>> {
        self.as_ref().and_then(Ordered::ordered)
    }
}

impl Key for bool {
    type Key<'a> = bool;
    #[inline]
    fn key(&self) -> Option<bool> {
        Some(*self)
    }
}

impl Key for str {
    type Key<'a> = &'a str;
    #[inline]
    fn key(&self) -> Option<&str> {
        Some(self)
    }
}

impl Key for String {
    type Key<'a> = &'a str;
    #[inline]
    fn key(&self) -> Option<&str> {
        Some(self)
    }
}

impl<T: Key + ?Sized> Key for &T {
    type Key<'a>
        = T::Key<'a>
    where
        Self: 'a;
    #[inline]
    fn key(&self) -> Option<T::Key<'_>> {
        (**self).key()
    }
}

impl<T: Key + ?Sized> Key for Box<T> {
    type Key<'a>
        = T::Key<'a>
    where
        Self: 'a;
    #[inline]
    fn key(&self) -> Option<T::Key<'_>> {
        (**self).key()
    }
}

impl<T: Key> Key for Option<T> {
    type Key<'a>
        = T::Key<'a>
    where
        Self: 'a;
    #[inline]
    fn key(&self) -> Option<T::Key<'_>> {
        self.as_ref().and_then(Key::key)
    }
}

/// `a = b`, both present.
#[inline]
pub fn same<K: PartialEq>(a: Option<K>, b: Option<K>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a == b)
}

/// `a != b`, both present.
#[inline]
pub fn differ<K: PartialEq>(a: Option<K>, b: Option<K>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a != b)
}

/// `a < b`, both present.
#[inline]
pub fn less<K: PartialOrd>(a: Option<K>, b: Option<K>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a < b)
}

/// `a <= b`, both present.
#[inline]
pub fn at_most<K: PartialOrd>(a: Option<K>, b: Option<K>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a <= b)
}

/// `a > b`, both present.
#[inline]
pub fn greater<K: PartialOrd>(a: Option<K>, b: Option<K>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a > b)
}

/// `a >= b`, both present.
#[inline]
pub fn at_least<K: PartialOrd>(a: Option<K>, b: Option<K>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a >= b)
}

/// `value < bound`, out of the user's sight so that lints about comparing
/// with literals do not fire in their crate.
#[inline]
pub fn lt<T: PartialOrd + ?Sized>(value: &T, bound: &T) -> bool {
    value < bound
}

/// `value <= bound`.
#[inline]
pub fn le<T: PartialOrd + ?Sized>(value: &T, bound: &T) -> bool {
    value <= bound
}

/// `value > bound`.
#[inline]
pub fn gt<T: PartialOrd + ?Sized>(value: &T, bound: &T) -> bool {
    value > bound
}

/// `value >= bound`.
#[inline]
pub fn ge<T: PartialOrd + ?Sized>(value: &T, bound: &T) -> bool {
    value >= bound
}
