use super::*;
use crate::support::{pass, reject, table};
use std::fmt;

fn even(value: &u32) -> Result<(), String> {
    if value.is_multiple_of(2) {
        Ok(())
    } else {
        Err(format!("{value} is odd"))
    }
}

mod checks {
    use std::fmt;

    pub struct NotAPath(pub String);

    impl fmt::Display for NotAPath {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "{:?} is not an absolute path", self.0)
        }
    }

    #[allow(clippy::ptr_arg)] // a custom check takes `&T` of the field's type
    pub fn absolute(dir: &String) -> Result<(), NotAPath> {
        if dir.starts_with('/') {
            Ok(())
        } else {
            Err(NotAPath(dir.to_owned()))
        }
    }

    pub fn under_three(items: &[u8]) -> Result<(), &'static str> {
        if items.len() < 3 {
            Ok(())
        } else {
            Err("too long")
        }
    }
}

#[derive(Validate, Default)]
struct ListForm {
    #[custom(even)]
    window: u32,
}

#[derive(Validate, Default)]
struct PathForm {
    #[custom(checks::absolute)]
    dir: String,
}

#[derive(Validate, Default)]
struct WithMessage {
    #[custom(even, message = "{path} must be even, not {value}")]
    window: u32,
}

#[derive(Debug, Default)]
struct Opaque(u8);

struct TooBig;

impl fmt::Display for TooBig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("too big")
    }
}

fn small(value: &Opaque) -> Result<(), TooBig> {
    if value.0 < 10 { Ok(()) } else { Err(TooBig) }
}

#[derive(Validate, Default)]
struct OnOwnType {
    #[custom(small)]
    opaque: Opaque,
}

#[allow(clippy::ptr_arg)] // a custom check takes `&T` of the field's type
fn short(list: &Vec<u8>) -> Result<(), &'static str> {
    if list.len() <= 2 {
        Ok(())
    } else {
        Err("too long")
    }
}

#[derive(Validate, Default)]
struct OnVec {
    #[custom(short)]
    list: Vec<u8>,
}

#[derive(Validate, Default)]
struct Window {
    size: u32,
}

#[derive(Validate, Default)]
struct At {
    #[custom(even, at = size)]
    window: Window,
}

#[allow(clippy::unnecessary_wraps)]
fn lowercase(text: &str) -> Result<(), String> {
    if text.chars().all(|c| !c.is_uppercase()) {
        Ok(())
    } else {
        Err(format!("{text:?} has capitals"))
    }
}

#[derive(Validate, Default)]
struct Names {
    #[custom(lowercase)]
    name: String,
    #[custom = "checks::under_three"]
    bytes: Vec<u8>,
}

/// Each config and its verdict.
#[test]
fn accepts_and_rejects() {
    table(&[
        (
            "list_form_uses_the_errors_display",
            &[
                pass(&ListForm { window: 4 }),
                reject(
                    &ListForm { window: 7 },
                    "window",
                    "custom",
                    Some("7"),
                    "7 is odd",
                ),
            ],
        ),
        (
            "function_by_path_with_its_own_error_type",
            &[
                pass(&PathForm { dir: "/tmp".into() }),
                reject(
                    &PathForm { dir: "tmp".into() },
                    "dir",
                    "custom",
                    Some("\"tmp\""),
                    "\"tmp\" is not an absolute path",
                ),
            ],
        ),
        (
            "message_replaces_the_errors_display",
            &[
                pass(&WithMessage { window: 2 }),
                reject(
                    &WithMessage { window: 3 },
                    "window",
                    "custom",
                    Some("3"),
                    "window must be even, not 3",
                ),
            ],
        ),
        (
            "type_lowbit_cannot_describe_has_no_value",
            &[
                pass(&OnOwnType { opaque: Opaque(1) }),
                reject(
                    &OnOwnType { opaque: Opaque(10) },
                    "opaque",
                    "custom",
                    None,
                    "too big",
                ),
            ],
        ),
        (
            "on_a_collection",
            &[
                pass(&OnVec { list: vec![1, 2] }),
                reject(
                    &OnVec {
                        list: vec![1, 2, 3],
                    },
                    "list",
                    "custom",
                    None,
                    "too long",
                ),
            ],
        ),
        (
            "at_a_subfield",
            &[
                pass(&At {
                    window: Window { size: 8 },
                }),
                reject(
                    &At {
                        window: Window { size: 9 },
                    },
                    "window.size",
                    "custom",
                    Some("9"),
                    "9 is odd",
                ),
            ],
        ),
        // Regression: a check may take the field's deref target (`&str` for a
        // `String`, `&[u8]` for a `Vec<u8>`), and be named by a string path.
        (
            "custom_functions_take_deref_targets_and_string_paths",
            &[
                pass(&Names {
                    name: "ok".into(),
                    bytes: vec![1],
                }),
                reject(
                    &Names {
                        name: "No".into(),
                        bytes: vec![],
                    },
                    "name",
                    "custom",
                    Some("\"No\""),
                    "\"No\" has capitals",
                ),
                reject(
                    &Names {
                        name: String::new(),
                        bytes: vec![1, 2, 3],
                    },
                    "bytes",
                    "custom",
                    None,
                    "too long",
                ),
            ],
        ),
    ]);
}
