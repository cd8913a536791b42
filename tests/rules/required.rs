//! `required`: an `Option` is `Some`. The one rule that `None` breaks; it
//! takes `message`, `if(..)`, `warn` and `at` like every rule, and works
//! inside `items(..)` on a list of `Option`s.

use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate, Default)]
struct Tls {
    #[required]
    cert: Option<String>,
    key: Option<String>,
}

#[derive(Validate, Default)]
struct Server {
    #[required]
    bind: Option<String>,
    #[required(message = "{path}: give the port the server listens on")]
    port: Option<Box<u16>>,
    #[required(at = key)]
    #[nested]
    tls: Option<Tls>,
    #[items(required)]
    upstreams: Vec<Option<u16>>,
}

fn complete() -> Server {
    Server {
        bind: Some(String::new()),
        port: Some(Box::new(0)),
        tls: None,
        upstreams: vec![Some(80)],
    }
}

/// `Some` of anything passes (an empty string and 0 too: `required` asks
/// for presence, not content); `None` is one violation at its path, with
/// no value.
#[test]
fn accepts_and_rejects() {
    table(&[
        ("complete", &[pass(&complete())]),
        (
            "none",
            &[reject(
                &Server {
                    bind: None,
                    ..complete()
                },
                "bind",
                "required",
                None,
                "bind must be set",
            )],
        ),
        (
            "message_through_a_box",
            &[reject(
                &Server {
                    port: None,
                    ..complete()
                },
                "port",
                "required",
                None,
                "port: give the port the server listens on",
            )],
        ),
        (
            "items_at_the_first_none",
            &[
                pass(&Server {
                    upstreams: Vec::new(),
                    ..complete()
                }),
                reject(
                    &Server {
                        upstreams: vec![Some(80), None],
                        ..complete()
                    },
                    "upstreams[1]",
                    "required",
                    None,
                    "upstreams[1] must be set",
                ),
            ],
        ),
        (
            // `at = key` applies while `tls` is `Some`, as every rule with
            // a path through an `Option` does; the nested rule on `cert`
            // reports from inside.
            "at_a_dotted_path_and_nested",
            &[
                pass(&Server {
                    tls: Some(Tls {
                        cert: Some("c.pem".into()),
                        key: Some("k.pem".into()),
                    }),
                    ..complete()
                }),
                reject(
                    &Server {
                        tls: Some(Tls {
                            cert: Some("c.pem".into()),
                            key: None,
                        }),
                        ..complete()
                    },
                    "tls.key",
                    "required",
                    None,
                    "tls.key must be set",
                ),
                reject(
                    &Server {
                        tls: Some(Tls {
                            cert: None,
                            key: Some("k.pem".into()),
                        }),
                        ..complete()
                    },
                    "tls.cert",
                    "required",
                    None,
                    "tls.cert must be set",
                ),
            ],
        ),
    ]);
}

#[derive(Validate, Default)]
struct Options {
    public: bool,
    #[required(if(public))]
    domain: Option<String>,
    #[required(warn)]
    contact: Option<String>,
}

/// `if(..)` guards it, `warn` makes it a warning that `validate()` lets
/// through.
#[test]
fn options() {
    let private = Options {
        contact: Some("ops@example.com".into()),
        ..Options::default()
    };
    crate::support::passes(&private);
    crate::support::rejects(
        &Options {
            public: true,
            ..private
        },
        "domain",
        "required",
        None,
        "domain must be set while public",
    );

    let anonymous = Options::default();
    assert!(anonymous.validate().is_ok());
    let report = anonymous.report();
    assert_eq!(report.len(), 1);
    let warning = &report.violations()[0];
    assert!(warning.is_warning());
    crate::support::check(
        warning,
        "contact",
        "required",
        None,
        "contact should be set",
    );
}
