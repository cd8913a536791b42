//! Every way of checking one config, behind one trait, so that both
//! benchmarks time the same calls.

use std::hint::black_box;

use lowbit_core::Validate as _;
use lowbit_core::config::{LowBitQuantizationConfig, LowBitRhoConfig, ModelConfig};

use crate::{cases, hand, with_garde, with_validator};

/// The ways of checking, in the order tables list them. `hand_all` is the
/// baseline: hand-written code that reports what lowbit reports.
pub const WAYS: [&str; 5] = ["lowbit", "hand_all", "hand_first", "garde", "validator"];

/// One config held in each library's own type, built before timing starts.
/// Each method checks it once the way its name says, and tells whether it
/// passed; the result is built in full (report included) and dropped.
pub trait Subject {
    /// `lowbit_core::Validate::validate`.
    fn lowbit(&self) -> bool;
    /// [`hand::all`]: every violation, with paths.
    fn hand_all(&self) -> bool;
    /// [`hand::first`]: the seed's style, the first violation only.
    fn hand_first(&self) -> bool;
    /// `garde::Validate::validate`.
    fn garde(&self) -> bool;
    /// `validator::Validate::validate`.
    fn validator(&self) -> bool;

    /// The method named `way`, one of [`WAYS`].
    ///
    /// # Panics
    ///
    /// On a name not in [`WAYS`].
    fn by_name(way: &str) -> fn(&Self) -> bool {
        match way {
            "lowbit" => Self::lowbit,
            "hand_all" => Self::hand_all,
            "hand_first" => Self::hand_first,
            "garde" => Self::garde,
            "validator" => Self::validator,
            _ => panic!("no way of checking named {way}"),
        }
    }
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
            fn lowbit(&self) -> bool {
                black_box(black_box(&self.config).validate()).is_ok()
            }
            #[inline]
            fn hand_all(&self) -> bool {
                black_box(hand::all::$hand(black_box(&self.config))).is_ok()
            }
            #[inline]
            fn hand_first(&self) -> bool {
                black_box(hand::first::$hand(black_box(&self.config))).is_ok()
            }
            #[inline]
            fn garde(&self) -> bool {
                black_box(garde::Validate::validate(black_box(&self.garde))).is_ok()
            }
            #[inline]
            fn validator(&self) -> bool {
                black_box(validator::Validate::validate(black_box(&self.validator))).is_ok()
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
