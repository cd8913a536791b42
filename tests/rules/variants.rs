//! Newtype variants: a payload that implements `Validate` is validated in
//! place, at the path serde gives it, for every tagging; one that does not
//! is not descended into. Untagged enums have no names a rule could use.

use super::*;
use crate::support::{pass, reject, table};

#[derive(Deserialize, Validate, Default, Clone)]
struct AdamParams {
    #[range(min = 0.0)]
    lr: f64,
}

#[derive(Deserialize, Validate, Clone)]
#[serde(rename_all = "snake_case", tag = "type", content = "params")]
enum Adjacent {
    Adamw(AdamParams),
    Sgd(f64),
}

#[derive(Deserialize, Validate, Clone)]
#[serde(rename_all = "snake_case")]
enum External {
    Adamw(AdamParams),
    Named(String),
}

#[derive(Deserialize, Validate, Clone)]
#[serde(untagged)]
enum Untagged {
    Params(AdamParams),
    Bool(bool),
}

#[derive(Validate, Clone)]
struct Training {
    #[nested]
    adjacent: Adjacent,
    #[nested]
    external: External,
    #[nested]
    untagged: Untagged,
}

fn training() -> Training {
    Training {
        adjacent: Adjacent::Sgd(0.1),
        external: External::Named("x".into()),
        untagged: Untagged::Bool(true),
    }
}

fn bad() -> AdamParams {
    AdamParams { lr: -1.0 }
}

#[test]
fn newtype_payloads_are_validated_where_serde_puts_them() {
    table(&[(
        "each_tagging",
        &[
            pass(&training()),
            pass(&Training {
                adjacent: Adjacent::Adamw(AdamParams::default()),
                ..training()
            }),
            reject(
                &Training {
                    adjacent: Adjacent::Adamw(bad()),
                    ..training()
                },
                "adjacent.params.lr",
                "range",
                Some("-1.0"),
                "adjacent.params.lr must be at least 0.0, not -1.0",
            ),
            reject(
                &Training {
                    external: External::Adamw(bad()),
                    ..training()
                },
                "external.adamw.lr",
                "range",
                Some("-1.0"),
                "external.adamw.lr must be at least 0.0, not -1.0",
            ),
            reject(
                &Training {
                    untagged: Untagged::Params(bad()),
                    ..training()
                },
                "untagged.lr",
                "range",
                Some("-1.0"),
                "untagged.lr must be at least 0.0, not -1.0",
            ),
        ],
    )]);
}
