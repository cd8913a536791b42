use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate, Default)]
struct Text {
    #[non_empty]
    name: String,
}

#[derive(Validate, Default)]
struct List {
    #[non_empty]
    modules: Vec<Module>,
}

#[derive(Validate, Default)]
struct Optional {
    #[non_empty]
    name: Option<String>,
}

#[derive(Validate, Default)]
struct Cache {
    dir: String,
}

#[derive(Validate, Default)]
struct At {
    #[non_empty(at = dir)]
    cache: Cache,
}

/// Each config and its verdict.
#[test]
fn accepts_and_rejects() {
    table(&[
        (
            "string",
            &[
                pass(&Text { name: "a".into() }),
                reject(
                    &Text::default(),
                    "name",
                    "non_empty",
                    None,
                    "name must not be empty",
                ),
            ],
        ),
        (
            "vec",
            &[
                pass(&List {
                    modules: vec![Module::Encoder],
                }),
                reject(
                    &List::default(),
                    "modules",
                    "non_empty",
                    None,
                    "modules must not be empty",
                ),
            ],
        ),
        (
            "option_none_passes_and_some_empty_is_rejected",
            &[
                pass(&Optional { name: None }),
                pass(&Optional {
                    name: Some("a".into()),
                }),
                reject(
                    &Optional {
                        name: Some(String::new()),
                    },
                    "name",
                    "non_empty",
                    None,
                    "name must not be empty",
                ),
            ],
        ),
        (
            "at_a_subfield",
            &[
                pass(&At {
                    cache: Cache { dir: "/tmp".into() },
                }),
                reject(
                    &At::default(),
                    "cache.dir",
                    "non_empty",
                    None,
                    "cache.dir must not be empty",
                ),
            ],
        ),
    ]);
}
