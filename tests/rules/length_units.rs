//! `length(.., unit = "..")`: a string's length in bytes, characters (the
//! default), grapheme clusters or UTF-16 code units, on an `Option` and
//! inside `items(..)`, with the unit in the message.

use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate, Default)]
struct Labels {
    #[length(max = 8, unit = "bytes")]
    key: String,
    #[length(max = 3, unit = "chars")]
    code: String,
    #[length(min = 1, max = 2, unit = "graphemes")]
    flag: Option<String>,
    #[length(max = 4, unit = "utf16")]
    js_name: String,
    #[items(length(equal = 2, unit = "bytes"))]
    pairs: Vec<String>,
}

fn text(text: &str) -> String {
    text.to_owned()
}

/// Each unit counts its own way: "héllo" is 6 bytes and 5 characters; a
/// flag (two regional indicators) is 1 grapheme of 2 characters; "😀😀"
/// is 2 characters and 4 UTF-16 code units.
#[test]
fn each_unit_counts_its_own() {
    table(&[
        ("defaults", &[pass(&Labels::default())]),
        (
            "bytes",
            &[
                pass(&Labels {
                    key: text("abcdefgh"),
                    ..Labels::default()
                }),
                reject(
                    &Labels {
                        key: text("héllo-wö"),
                        ..Labels::default()
                    },
                    "key",
                    "length",
                    Some("10"),
                    "key must have a length of at most 8 bytes, not 10",
                ),
            ],
        ),
        (
            "chars",
            &[
                pass(&Labels {
                    code: text("ééé"),
                    ..Labels::default()
                }),
                reject(
                    &Labels {
                        code: text("abcd"),
                        ..Labels::default()
                    },
                    "code",
                    "length",
                    Some("4"),
                    "code must have a length of at most 3 characters, not 4",
                ),
            ],
        ),
        (
            "graphemes",
            &[
                pass(&Labels {
                    flag: None,
                    ..Labels::default()
                }),
                pass(&Labels {
                    flag: Some(text("🇫🇷🇩🇪")),
                    ..Labels::default()
                }),
                pass(&Labels {
                    flag: Some(text("e\u{301}")),
                    ..Labels::default()
                }),
                reject(
                    &Labels {
                        flag: Some(text("🇫🇷🇩🇪🇮🇹")),
                        ..Labels::default()
                    },
                    "flag",
                    "length",
                    Some("3"),
                    "flag must have a length of between 1 and 2 graphemes, not 3",
                ),
                reject(
                    &Labels {
                        flag: Some(String::new()),
                        ..Labels::default()
                    },
                    "flag",
                    "length",
                    Some("0"),
                    "flag must have a length of between 1 and 2 graphemes, not 0",
                ),
            ],
        ),
        (
            "utf16",
            &[
                pass(&Labels {
                    js_name: text("😀😀"),
                    ..Labels::default()
                }),
                reject(
                    &Labels {
                        js_name: text("😀😀a"),
                        ..Labels::default()
                    },
                    "js_name",
                    "length",
                    Some("5"),
                    "js_name must have a length of at most 4 UTF-16 code units, not 5",
                ),
            ],
        ),
        (
            "items",
            &[
                pass(&Labels {
                    pairs: vec![text("ab"), text("é")],
                    ..Labels::default()
                }),
                reject(
                    &Labels {
                        pairs: vec![text("ab"), text("abc")],
                        ..Labels::default()
                    },
                    "pairs[1]",
                    "length",
                    Some("3"),
                    "pairs[1] must have a length of exactly 2 bytes, not 3",
                ),
            ],
        ),
    ]);
}
