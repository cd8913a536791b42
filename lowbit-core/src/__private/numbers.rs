//! `multiple_of`: whether a number is a multiple of another.

/// Numbers that can be multiples of each other.
pub trait Divisible {
    /// Whether `self` is a multiple of `divisor`; nothing is a multiple of 0.
    fn divisible_by(&self, divisor: &Self) -> bool;
}

macro_rules! integers {
    ($($ty:ty),*) => {$(
        impl Divisible for $ty {
            #[inline]
            fn divisible_by(&self, divisor: &$ty) -> bool {
                // `checked_rem` is `None` for 0, and for `MIN % -1`, whose
                // remainder is 0.
                match self.checked_rem(*divisor) {
                    Some(rest) => rest == 0,
                    None => *divisor != 0,
                }
            }
        }
    )*};
}

integers!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize
);

macro_rules! floats {
    ($($ty:ty),*) => {$(
        impl Divisible for $ty {
            /// Within rounding: `0.3` is a multiple of `0.1`.
            #[inline]
            fn divisible_by(&self, divisor: &$ty) -> bool {
                if *divisor == 0.0 || !self.is_finite() || !divisor.is_finite() {
                    return false;
                }
                let quotient = self / divisor;
                let nearest = quotient.round();
                (quotient - nearest).abs() <= <$ty>::EPSILON * 16.0 * nearest.abs().max(1.0)
            }
        }
    )*};
}

floats!(f32, f64);

/// Whether `value` breaks `multiple_of(divisor)`: both are numbers and it
/// is not a multiple. A missing value or divisor (`None`) breaks nothing.
#[inline]
pub fn not_multiple<T: Divisible + ?Sized>(value: Option<&T>, divisor: Option<&T>) -> bool {
    matches!((value, divisor), (Some(value), Some(divisor)) if !value.divisible_by(divisor))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_and_zero() {
        assert!(16_u32.divisible_by(&8));
        assert!(!12_u32.divisible_by(&8));
        assert!(!0_u32.divisible_by(&0));
        assert!(i64::MIN.divisible_by(&-1));
        assert!((-16_i32).divisible_by(&8));
    }

    #[test]
    fn floats_within_rounding() {
        assert!(0.3_f64.divisible_by(&0.1));
        assert!(!0.35_f64.divisible_by(&0.1));
        assert!(!1.0_f64.divisible_by(&0.0));
        assert!(!f64::NAN.divisible_by(&1.0));
        assert!(1e12_f64.divisible_by(&0.5));
    }

    #[test]
    fn missing_values_break_nothing() {
        assert!(!not_multiple::<u32>(None, Some(&8)));
        assert!(!not_multiple(Some(&5_u32), None));
        assert!(not_multiple(Some(&5_u32), Some(&0)));
    }
}
