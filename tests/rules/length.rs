use super::*;
use std::collections::HashMap;

#[derive(Validate, Default)]
struct Text {
    #[length(min = 1, max = 3)]
    code: String,
}

#[test]
fn string_length_counts_chars_not_bytes() {
    passes(&Text {
        code: "héé".into()
    });
    rejects(
        &Text {
            code: "héllo".into(),
        },
        "code",
        "length",
        Some("5"),
        "code must have a length of between 1 and 3, not 5",
    );
}

#[test]
fn empty_string_is_below_min() {
    rejects(
        &Text::default(),
        "code",
        "length",
        Some("0"),
        "code must have a length of between 1 and 3, not 0",
    );
}

#[derive(Validate, Default)]
struct List {
    #[length(max = 2)]
    modules: Vec<Module>,
}

#[test]
fn vec_length_counts_items() {
    passes(&List {
        modules: vec![Module::Encoder, Module::DecoderX],
    });
    rejects(
        &List {
            modules: vec![Module::Encoder, Module::DecoderX, Module::DecoderY],
        },
        "modules",
        "length",
        Some("3"),
        "modules must have a length of at most 2, not 3",
    );
}

#[derive(Validate, Default)]
struct Equal {
    #[length(equal = 2)]
    pair: Vec<u8>,
}

#[test]
fn equal() {
    passes(&Equal { pair: vec![1, 2] });
    rejects(
        &Equal { pair: vec![1] },
        "pair",
        "length",
        Some("1"),
        "pair must have a length of exactly 2, not 1",
    );
    rejects(
        &Equal {
            pair: vec![1, 2, 3],
        },
        "pair",
        "length",
        Some("3"),
        "pair must have a length of exactly 2, not 3",
    );
}

#[derive(Validate, Default)]
struct MinOnly {
    #[length(min = 2)]
    layers: HashMap<String, u8>,
}

#[test]
fn map_length_counts_entries() {
    passes(&MinOnly {
        layers: HashMap::from([("a".to_owned(), 1), ("b".to_owned(), 2)]),
    });
    rejects(
        &MinOnly {
            layers: HashMap::from([("a".to_owned(), 1)]),
        },
        "layers",
        "length",
        Some("1"),
        "layers must have a length of at least 2, not 1",
    );
}

#[derive(Validate, Default)]
struct Optional {
    #[length(max = 4)]
    name: Option<String>,
}

#[test]
fn option_none_passes() {
    passes(&Optional { name: None });
    passes(&Optional {
        name: Some("abcd".into()),
    });
    rejects(
        &Optional {
            name: Some("abcde".into()),
        },
        "name",
        "length",
        Some("5"),
        "name must have a length of at most 4, not 5",
    );
}
