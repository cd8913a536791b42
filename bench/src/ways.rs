//! Every way of checking one config, behind one trait, so that both
//! benchmarks time the same calls.

use std::hint::black_box;

use bitnet_config::{LowBitQuantizationConfig, LowBitRhoConfig, ModelConfig};
use lowbit_core::Validate as _;

use crate::{cases, hand, with_garde, with_validator};

/// The ways of checking, in the order tables list them. `hand_all` is the
/// baseline: hand-written code that reports what lowbit reports.
pub const WAYS: [&str; 5] = ["lowbit", "hand_all", "hand_first", "garde", "validator"];

/// One config held in each library's own type, built before timing starts.
/// Each method checks it once the way its name says and returns what that
/// way returns, report included, for the caller to look at or drop.
pub trait Subject {
    /// `lowbit_core::Validate::validate`.
    fn lowbit(&self) -> Result<(), impl Sized>;
    /// [`hand::all`]: every violation, with paths.
    fn hand_all(&self) -> Result<(), impl Sized>;
    /// [`hand::first`]: the seed's style, the first violation only.
    fn hand_first(&self) -> Result<(), impl Sized>;
    /// `garde::Validate::validate`.
    fn garde(&self) -> Result<(), impl Sized>;
    /// `validator::Validate::validate`.
    fn validator(&self) -> Result<(), impl Sized>;

    /// The way named `way`, one of [`WAYS`], as a function that tells
    /// whether the config passed (the result is built in full, then dropped).
    ///
    /// # Panics
    ///
    /// On a name not in [`WAYS`].
    fn by_name(way: &str) -> fn(&Self) -> bool {
        match way {
            "lowbit" => |s| observe(&s.lowbit()),
            "hand_all" => |s| observe(&s.hand_all()),
            "hand_first" => |s| observe(&s.hand_first()),
            "garde" => |s| observe(&s.garde()),
            "validator" => |s| observe(&s.validator()),
            _ => panic!("no way of checking named {way}"),
        }
    }
}

/// Whether `result` passed, after showing it to the optimizer as read, so
/// that it is built in full. It is shown by reference: moving a result of
/// two or three words through `black_box` stalls the store-to-load
/// forwarding of the copy on x86, and that stall, not the check, would be
/// what a nanosecond benchmark measures.
#[inline]
pub fn observe<E>(result: &Result<(), E>) -> bool {
    black_box(result);
    result.is_ok()
}

/// Writes one [`Subject`] impl per table: the configs' types differ, the
/// calls do not.
macro_rules! subject {
    ($name:ident, $config:ty, $hand:ident) => {
        /// A config of this table, as lowbit, garde and validator hold it.
        pub struct $name {
            config: $config,
            garde: with_garde::$name,
            validator: with_validator::$name,
        }

        impl From<$config> for $name {
            fn from(config: $config) -> Self {
                $name {
                    garde: (&config).into(),
                    validator: (&config).into(),
                    config,
                }
            }
        }

        impl Subject for $name {
            #[inline]
            fn lowbit(&self) -> Result<(), impl Sized> {
                black_box(&self.config).validate()
            }
            #[inline]
            fn hand_all(&self) -> Result<(), impl Sized> {
                hand::all::$hand(black_box(&self.config))
            }
            #[inline]
            fn hand_first(&self) -> Result<(), impl Sized> {
                hand::first::$hand(black_box(&self.config))
            }
            #[inline]
            fn garde(&self) -> Result<(), impl Sized> {
                garde::Validate::validate(black_box(&self.garde))
            }
            #[inline]
            fn validator(&self) -> Result<(), impl Sized> {
                validator::Validate::validate(black_box(&self.validator))
            }
        }
    };
}

subject!(Quant, LowBitQuantizationConfig, quant);
subject!(Rho, LowBitRhoConfig, rho);
subject!(Model, ModelConfig, model);

/// The benchmarked cases, by name: the three tables valid, then broken.
/// A visitor sees each with its type, so that calls stay static.
pub trait Visit {
    /// Called once per case.
    fn case<S: Subject>(&mut self, name: &'static str, subject: &S);
}

/// Shows every case to `visit`, in table order.
pub fn each_case(visit: &mut impl Visit) {
    visit.case("valid/quant", &Quant::from(cases::quant_valid()));
    visit.case("valid/rho", &Rho::from(cases::rho_valid()));
    visit.case("valid/model", &Model::from(cases::model_valid()));
    visit.case("invalid/quant_6", &Quant::from(cases::quant_invalid()));
    visit.case("invalid/rho_3", &Rho::from(cases::rho_invalid()));
    visit.case(
        "invalid/model_1",
        &Model::from(cases::model_one_violation()),
    );
    visit.case("invalid/model_9", &Model::from(cases::model_invalid()));
}
