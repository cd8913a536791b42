//! `range` on every number type it takes, with one bound or two, negative
//! and float literals; `length` and `non_empty` on strings and collections.
use std::collections::{BTreeMap, HashSet};

use lowbit_core::Validate;

#[derive(Validate, Default)]
struct Limits {
    #[range(min = -8, max = 8)]
    shift: i32,
    #[range(min = 0.0, max = 1.5)]
    ratio: f64,
    #[range(min = 0, max = 2)]
    scale: f32,
    #[range(max = 100)]
    window: Option<u16>,
    #[range(min = 1)]
    steps: usize,
    #[length(min = 2, max = 4)]
    name: String,
    #[length(equal = 3)]
    dims: Vec<u32>,
    #[length(max = 1)]
    layers: BTreeMap<String, u8>,
    #[non_empty]
    modules: HashSet<String>,
}

fn main() {
    let fine = Limits {
        shift: -8,
        ratio: 1.5,
        scale: 2.0,
        window: None,
        steps: 1,
        // Three characters, though more bytes.
        name: "fp₈".into(),
        dims: vec![1, 2, 3],
        layers: BTreeMap::new(),
        modules: HashSet::from(["encoder".to_owned()]),
    };
    assert!(fine.validate().is_ok());

    let broken = Limits {
        shift: 9,
        ratio: f64::NAN,
        scale: -0.5,
        window: Some(101),
        steps: 0,
        name: "a".into(),
        dims: vec![1],
        layers: BTreeMap::from([("a".to_owned(), 1), ("b".to_owned(), 2)]),
        modules: HashSet::new(),
    };
    let report = broken.validate().unwrap_err();
    let lines: Vec<String> = report.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "shift must be between -8 and 8, not 9",
            "ratio must be between 0.0 and 1.5, not NaN",
            "scale must be between 0 and 2, not -0.5",
            "window must be at most 100, not 101",
            "steps must be at least 1, not 0",
            "name must have a length of between 2 and 4, not 1",
            "dims must have a length of exactly 3, not 1",
            "layers must have a length of at most 1, not 2",
            "modules must not be empty",
        ]
    );
}
