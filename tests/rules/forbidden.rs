use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate, Default)]
struct Legacy {
    #[forbidden]
    old_path: Option<String>,
    #[forbidden(message = "{path} is gone; use `bind` instead")]
    listen: String,
    #[forbidden]
    debug: bool,
    #[forbidden]
    mode: Mode,
}

#[derive(Validate, Default)]
struct Cache {
    dir: Option<String>,
}

#[derive(Validate, Default)]
#[validate(gate = enable)]
struct Gated {
    enable: bool,
    #[forbidden(at = dir)]
    cache: Cache,
    #[forbidden(ungated)]
    token: Option<String>,
}

/// Each config and its verdict: what is not set passes, whatever its type,
/// and a set field is one violation at its path, with its value.
#[test]
fn accepts_and_rejects() {
    table(&[
        ("nothing_set", &[pass(&Legacy::default())]),
        (
            "option",
            &[reject(
                &Legacy {
                    old_path: Some("/srv".into()),
                    ..Legacy::default()
                },
                "old_path",
                "forbidden",
                Some("\"/srv\""),
                "old_path must not be set",
            )],
        ),
        (
            "string_with_message",
            &[reject(
                &Legacy {
                    listen: "0.0.0.0".into(),
                    ..Legacy::default()
                },
                "listen",
                "forbidden",
                Some("\"0.0.0.0\""),
                "listen is gone; use `bind` instead",
            )],
        ),
        (
            "bool",
            &[reject(
                &Legacy {
                    debug: true,
                    ..Legacy::default()
                },
                "debug",
                "forbidden",
                Some("true"),
                "debug must not be set",
            )],
        ),
        (
            "enum_not_default",
            &[reject(
                &Legacy {
                    mode: Mode::Cached,
                    ..Legacy::default()
                },
                "mode",
                "forbidden",
                Some("\"cached\""),
                "mode must not be set",
            )],
        ),
        (
            "at_and_gate",
            &[
                pass(&Gated {
                    enable: false,
                    cache: Cache {
                        dir: Some("/tmp".into()),
                    },
                    token: None,
                }),
                reject(
                    &Gated {
                        enable: true,
                        cache: Cache {
                            dir: Some("/tmp".into()),
                        },
                        token: None,
                    },
                    "cache.dir",
                    "forbidden",
                    Some("\"/tmp\""),
                    "cache.dir must not be set",
                ),
                reject(
                    &Gated {
                        enable: false,
                        cache: Cache::default(),
                        token: Some("t".into()),
                    },
                    "token",
                    "forbidden",
                    Some("\"t\""),
                    "token must not be set",
                ),
            ],
        ),
    ]);
}
