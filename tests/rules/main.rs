//! Every rule, condition and option of `#[derive(Validate)]`, each shown
//! accepting a valid value and rejecting an invalid one, with the exact
//! message, code, path and offending value of the violation.
//!
//! One file per rule or topic, all in one test binary: it links once.
//! Regressions live in the file of their topic.

use lowbit_core::{Report, Validate, VariantNames, Violation};
use serde::Deserialize;

mod support;
use support::{check, passes, rejects};

mod enums;
use enums::{Compression, Interval, Mode, Module, Precision};

mod bounds_from_fields;
mod comparisons;
mod conditions;
mod conflicts_with;
mod custom;
mod duration;
mod email;
mod exclusive_range;
mod forbidden;
mod gate;
mod groups;
mod ip;
mod items;
mod length;
mod length_units;
mod messages;
mod nested;
mod non_empty;
mod none_of;
mod one_of;
mod only_if;
mod pattern;
mod range;
mod report;
mod required;
mod required_if;
mod requires;
mod serde_names;
mod set;
mod shipped_config;
mod struct_custom;
mod text;
mod through_option;
mod unique;
mod url;
mod variant_names;
mod variants;
mod warnings;
