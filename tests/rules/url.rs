//! `url` and `url(schemes(..))`: a string is an absolute URL as the `url`
//! crate parses it (the WHATWG URL Standard), with one of the schemes when
//! they are given. Each passes an absent `Option`, works inside `items(..)`
//! and `keys(..)`, and takes `message`, `if(..)`, `warn` and `at`.

use std::collections::BTreeMap;

use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate)]
struct Endpoints {
    #[url]
    homepage: String,
    #[url(schemes("http", "https"))]
    api: Option<String>,
    #[url(schemes("postgres"))]
    database: Option<String>,
}

impl Default for Endpoints {
    fn default() -> Self {
        Endpoints {
            homepage: "https://example.com".into(),
            api: None,
            database: None,
        }
    }
}

/// Absolute URLs pass; relative ones, bare hosts and wrong schemes are
/// rejected at the field's path with the value.
#[test]
fn accepts_and_rejects() {
    table(&[
        ("defaults", &[pass(&Endpoints::default())]),
        (
            "any_scheme",
            &[
                pass(&Endpoints {
                    homepage: "mailto:ops@example.com".into(),
                    ..Endpoints::default()
                }),
                pass(&Endpoints {
                    homepage: "file:///etc/app.toml".into(),
                    ..Endpoints::default()
                }),
                reject(
                    &Endpoints {
                        homepage: "example.com".into(),
                        ..Endpoints::default()
                    },
                    "homepage",
                    "url",
                    Some("\"example.com\""),
                    r#"homepage must be a URL, not "example.com""#,
                ),
                reject(
                    &Endpoints {
                        homepage: "/docs".into(),
                        ..Endpoints::default()
                    },
                    "homepage",
                    "url",
                    Some("\"/docs\""),
                    r#"homepage must be a URL, not "/docs""#,
                ),
            ],
        ),
        (
            "schemes_on_option",
            &[
                pass(&Endpoints {
                    api: Some("http://localhost:8080/v1".into()),
                    ..Endpoints::default()
                }),
                // The parser lowercases the scheme before it is compared.
                pass(&Endpoints {
                    api: Some("HTTPS://api.example.com".into()),
                    ..Endpoints::default()
                }),
                reject(
                    &Endpoints {
                        api: Some("ftp://example.com".into()),
                        ..Endpoints::default()
                    },
                    "api",
                    "url",
                    Some("\"ftp://example.com\""),
                    r#"api must be a URL whose scheme is "http" or "https", not "ftp://example.com""#,
                ),
                reject(
                    &Endpoints {
                        api: Some("http://exa mple.com".into()),
                        ..Endpoints::default()
                    },
                    "api",
                    "url",
                    Some("\"http://exa mple.com\""),
                    r#"api must be a URL whose scheme is "http" or "https", not "http://exa mple.com""#,
                ),
            ],
        ),
        (
            "one_scheme",
            &[
                pass(&Endpoints {
                    database: Some("postgres://user@db:5432/app".into()),
                    ..Endpoints::default()
                }),
                reject(
                    &Endpoints {
                        database: Some("mysql://db/app".into()),
                        ..Endpoints::default()
                    },
                    "database",
                    "url",
                    Some("\"mysql://db/app\""),
                    r#"database must be a URL whose scheme is "postgres", not "mysql://db/app""#,
                ),
            ],
        ),
    ]);
}

#[derive(Validate)]
struct Anchor {
    #[url]
    url: &'static str,
}

/// validator's cases (`validator/src/validation/urls.rs`) and garde's
/// (`garde/tests/rules/url.rs`): both parse with the `url` crate, as
/// lowbit does, and lowbit decides every one as they do.
const ANCHOR_CASES: &[(&str, bool)] = &[
    // validator
    ("http", false),
    ("https://google.com", true),
    ("http://localhost:80", true),
    ("ftp://localhost:80", true),
    // garde
    ("http://info.cern.ch/hypertext/WWW/TheProject.html", true),
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", true),
    ("asdf", false),
    ("htt ps://www.youtube.com/watch?v=dQw4w9WgXcQ", false),
];

/// Our own, on the edges of WHATWG parsing that a config meets.
const OWN_CASES: &[(&str, bool)] = &[
    ("", false),
    // Spaces at either end are trimmed, as a browser's address bar does.
    ("  https://example.com  ", true),
    // A special scheme needs a host; others need nothing after the colon.
    ("http://", false),
    ("urn:isbn:0451450523", true),
    ("http://[::1]:8080/", true),
    ("http://[::1", false),
    ("https://example.com:99999", false),
    ("//example.com/path", false),
    ("http://例え.jp", true),
];

#[test]
fn anchor_and_own_cases() {
    for &(url, passes) in ANCHOR_CASES.iter().chain(OWN_CASES) {
        let config = Anchor { url };
        let report = config.report();
        assert_eq!(report.is_empty(), passes, "{url:?}: {report}");
        assert_eq!(config.is_valid(), passes, "{url:?}: is_valid");
        if !passes {
            let violation = &report.violations()[0];
            assert_eq!(
                (violation.path().to_string(), violation.code()),
                ("url".to_owned(), "url"),
            );
            assert_eq!(
                violation.value().map(ToString::to_string),
                Some(format!("{url:?}"))
            );
        }
    }
}

#[derive(Validate, Default)]
struct Mirrors {
    #[items(url(schemes("https")))]
    mirrors: Vec<String>,
    #[keys(url)]
    #[items(url(schemes("wss", "ws")))]
    feeds: BTreeMap<String, String>,
}

/// Inside `items(..)` and `keys(..)`, each item and key at its own path.
#[test]
fn on_items_and_keys() {
    let mirrors = |mirrors: &[&str]| Mirrors {
        mirrors: mirrors.iter().map(|&mirror| mirror.to_owned()).collect(),
        ..Mirrors::default()
    };
    let feed = |key: &str, value: &str| Mirrors {
        feeds: BTreeMap::from([(key.to_owned(), value.to_owned())]),
        ..Mirrors::default()
    };
    table(&[
        (
            "items",
            &[
                pass(&mirrors(&["https://a.example", "https://b.example"])),
                reject(
                    &mirrors(&["https://a.example", "http://b.example"]),
                    "mirrors[1]",
                    "url",
                    Some("\"http://b.example\""),
                    r#"mirrors[1] must be a URL whose scheme is "https", not "http://b.example""#,
                ),
            ],
        ),
        (
            "keys_and_values",
            &[
                pass(&feed("https://src.example", "wss://feed.example")),
                reject(
                    &feed("https://src.example", "https://feed.example"),
                    "feeds[\"https://src.example\"]",
                    "url",
                    Some("\"https://feed.example\""),
                    r#"feeds["https://src.example"] must be a URL whose scheme is "wss" or "ws", not "https://feed.example""#,
                ),
                reject(
                    &feed("src", "ws://feed.example"),
                    "feeds[\"src\"]",
                    "url",
                    Some("\"src\""),
                    r#"key feeds["src"] must be a URL, not "src""#,
                ),
            ],
        ),
    ]);
}

#[derive(Validate, Default)]
struct Upstream {
    base: String,
}

#[derive(Validate, Default)]
struct Options {
    public: bool,
    #[url(schemes("https"), if(public))]
    callback: String,
    #[url(warn)]
    docs: String,
    #[url(message = "{path} is where reports go, and {value} is no URL")]
    report_to: Option<String>,
    #[url(at = base)]
    upstream: Option<Upstream>,
}

/// `if(..)`, `warn`, `message` and `at` on `url`.
#[test]
fn options() {
    let private = Options {
        callback: "http://localhost/cb".into(),
        docs: "https://docs.example".into(),
        ..Options::default()
    };
    crate::support::passes(&private);
    crate::support::rejects(
        &Options {
            public: true,
            ..private
        },
        "callback",
        "url",
        Some("\"http://localhost/cb\""),
        r#"callback must be a URL whose scheme is "https" while public, not "http://localhost/cb""#,
    );

    let local = Options {
        docs: "docs/index.html".into(),
        ..Options::default()
    };
    assert!(local.validate().is_ok());
    let report = local.report();
    assert_eq!(report.len(), 1);
    let warning = &report.violations()[0];
    assert!(warning.is_warning());
    crate::support::check(
        warning,
        "docs",
        "url",
        Some("\"docs/index.html\""),
        r#"docs should be a URL, not "docs/index.html""#,
    );

    let quiet = || Options {
        docs: "https://docs.example".into(),
        ..Options::default()
    };
    crate::support::rejects(
        &Options {
            report_to: Some("ops team".into()),
            ..quiet()
        },
        "report_to",
        "url",
        Some("\"ops team\""),
        r#"report_to is where reports go, and "ops team" is no URL"#,
    );
    crate::support::rejects(
        &Options {
            upstream: Some(Upstream {
                base: "upstream.internal".into(),
            }),
            ..quiet()
        },
        "upstream.base",
        "url",
        Some("\"upstream.internal\""),
        r#"upstream.base must be a URL, not "upstream.internal""#,
    );
}
