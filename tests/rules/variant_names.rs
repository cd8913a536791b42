use super::*;

#[derive(Deserialize, Validate, Default, Debug)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)] // the data is there to show variants with fields have names too
enum Interval {
    Step,
    #[default]
    Chunk,
    EvalOnly,
    #[serde(rename = "every-n")]
    EveryN(u32),
    Custom {
        steps: u32,
    },
}

#[test]
fn names_in_declaration_order() {
    assert_eq!(
        Interval::NAMES,
        ["step", "chunk", "eval_only", "every-n", "custom"]
    );
    assert_eq!(
        Interval::RUST_NAMES,
        ["Step", "Chunk", "EvalOnly", "EveryN", "Custom"]
    );
    assert_eq!(Interval::TYPE_NAME, "Interval");
}

#[test]
fn serde_name_of_a_value() {
    assert_eq!(Interval::EvalOnly.serde_name(), "eval_only");
    assert_eq!(Interval::EveryN(3).serde_name(), "every-n");
    assert_eq!(Interval::Custom { steps: 2 }.serde_name(), "custom");
    assert_eq!(Interval::Custom { steps: 2 }.variant_index(), 4);
}

#[test]
fn default_name() {
    assert_eq!(Interval::default_name(), Some("chunk"));
    assert_eq!(Interval::DEFAULT, Some(1));
    assert_eq!(Module::default_name(), None);
}

#[test]
fn index_of() {
    assert_eq!(Interval::index_of("step"), Some(0));
    assert_eq!(Interval::index_of("every-n"), Some(3));
    assert_eq!(Interval::index_of("EvalOnly"), None);
    assert_eq!(Interval::index_of("nope"), None);
}

#[derive(Validate, Default)]
struct UsesDataVariants {
    #[none_of("every-n", "custom")]
    interval: Interval,
}

#[test]
fn variants_with_data_are_compared_by_name() {
    passes(&UsesDataVariants::default());
    rejects(
        &UsesDataVariants {
            interval: Interval::EveryN(4),
        },
        "interval",
        "none_of",
        Some("\"every-n\""),
        "interval must not be \"every-n\"",
    );
}
