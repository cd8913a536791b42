//! `email`: a string is an e-mail address as the HTML Standard defines a
//! valid one (ASCII, no quoted local parts, no address literals), within
//! RFC 5321's lengths. It passes an absent `Option`, works inside
//! `items(..)` and `keys(..)`, and takes `message`, `if(..)`, `warn` and
//! `at` like every rule.

use std::collections::BTreeMap;

use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate, Default)]
struct Contacts {
    #[email]
    admin: String,
    #[email]
    alerts: Option<String>,
}

/// Addresses pass; the rest are rejected at the field's path with the value.
#[test]
fn accepts_and_rejects() {
    let admin = |admin: &str| Contacts {
        admin: admin.into(),
        ..Contacts::default()
    };
    table(&[
        (
            "plain",
            &[
                pass(&admin("ops@example.com")),
                pass(&admin("first.last+tag@mail.example.co.uk")),
                reject(
                    &admin("ops.example.com"),
                    "admin",
                    "email",
                    Some("\"ops.example.com\""),
                    r#"admin must be an email address, not "ops.example.com""#,
                ),
                reject(
                    &admin(""),
                    "admin",
                    "email",
                    Some("\"\""),
                    r#"admin must be an email address, not """#,
                ),
            ],
        ),
        (
            "on_option",
            &[
                pass(&Contacts {
                    alerts: Some("pager@example.com".into()),
                    ..admin("ops@example.com")
                }),
                reject(
                    &Contacts {
                        alerts: Some("Pager <pager@example.com>".into()),
                        ..admin("ops@example.com")
                    },
                    "alerts",
                    "email",
                    Some("\"Pager <pager@example.com>\""),
                    r#"alerts must be an email address, not "Pager <pager@example.com>""#,
                ),
            ],
        ),
    ]);
}

#[derive(Validate)]
struct Anchor {
    #[email]
    email: &'static str,
}

/// validator's cases (`validator/src/validation/email.rs`, taken from
/// Django's) and garde's (`garde/src/rules/email.rs`, the same list, with
/// its RFC 5321 lengths; `garde/tests/rules/email.rs` adds nothing new),
/// each with lowbit's verdict. Where lowbit decides differently:
///
/// - address literals (`email@[127.0.0.1]`, `email@[2001:dB8::1]`): both
///   accept them (SMTP allows them); the HTML Standard does not, and an
///   address a config names is meant to be mailed through a domain.
/// - the internationalized domain `…उदाहरण.परीक्षा`: both convert it
///   to punycode first (an `idna` dependency); the HTML Standard's address
///   is ASCII, and lowbit takes no dependency for it. Write it as punycode
///   (`xn--p1b6ci4b4b3a.xn--11b5bs3a9aj6g`), which passes.
/// - `abc@bar`: validator asks for a dot in the domain, garde and the HTML
///   Standard do not (`root@localhost` is an address); lowbit sides with
///   them.
const ANCHOR_CASES: &[(&str, bool)] = &[
    ("email@here.com", true),
    ("weirder-email@here.and.there.com", true),
    (r"!def!xyz%abc@example.com", true),
    ("email@[127.0.0.1]", false),
    ("email@[2001:dB8::1]", false),
    ("email@[2001:dB8:0:0:0:0:0:1]", false),
    ("email@[::fffF:127.0.0.1]", false),
    ("example@valid-----hyphens.com", true),
    ("example@valid-with-hyphens.com", true),
    ("test@domain.with.idn.tld.उदाहरण.परीक्षा", false),
    (r#""test@test"@example.com"#, false),
    // A label is at most 63 characters (RFC 1034).
    (
        "a@atm.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        true,
    ),
    (
        "a@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.atm",
        true,
    ),
    (
        "a@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbb.atm",
        true,
    ),
    (
        "a@atm.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        false,
    ),
    ("", false),
    ("abc", false),
    ("abc@", false),
    ("abc@bar", true),
    ("a @x.cz", false),
    ("abc@.com", false),
    ("something@@somewhere.com", false),
    ("email@127.0.0.1", true),
    ("email@[127.0.0.256]", false),
    ("email@[2001:db8::12345]", false),
    ("email@[2001:db8:0:0:0:0:1]", false),
    ("email@[::ffff:127.0.0.256]", false),
    ("example@invalid-.com", false),
    ("example@-invalid.com", false),
    ("example@invalid.com-", false),
    ("example@inv-.alid-.com", false),
    ("example@inv-.-alid.com", false),
    (r#"test@example.com\n\n<script src="x.js">"#, false),
    (r#""\\\011"@here.com"#, false),
    (r#""\\\012"@here.com"#, false),
    ("trailingdot@shouldfail.com.", false),
    ("a@b.com\n", false),
    ("a\n@b.com", false),
    ("\"test@test\"\n@example.com", false),
    ("a@[127.0.0.1]\n", false),
    ("John.Doe@exam_ple.com", false),
    // garde's RFC 5321 lengths: a 65-character local part, a 256-character
    // domain (its labels within 63).
    (
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@mail.com",
        false,
    ),
];

/// Our own: the punycode form of the anchors' IDN case, and the edges of
/// the local part.
const OWN_CASES: &[(&str, bool)] = &[
    (
        "test@domain.with.idn.tld.xn--p1b6ci4b4b3a.xn--11b5bs3a9aj6g",
        true,
    ),
    ("root@localhost", true),
    ("ünïcode@example.com", false),
    (".leading.dot@example.com", true),
    ("@example.com", false),
    ("ops@exa mple.com", false),
    (" ops@example.com", false),
];

#[test]
fn anchor_and_own_cases() {
    let label = "a".repeat(63);
    let long_domain = format!("a@{label}.{label}.{label}.{}.com", "b".repeat(60));
    assert_eq!(long_domain.len() - 2, 256);
    let long_domain: &'static str = Box::leak(long_domain.into_boxed_str());
    let long = [(long_domain, false)];
    let cases = ANCHOR_CASES.iter().chain(OWN_CASES).chain(&long);
    for &(email, passes) in cases {
        let config = Anchor { email };
        let report = config.report();
        assert_eq!(report.is_empty(), passes, "{email:?}: {report}");
        assert_eq!(config.is_valid(), passes, "{email:?}: is_valid");
        if !passes {
            let violation = &report.violations()[0];
            assert_eq!(
                (violation.path().to_string(), violation.code()),
                ("email".to_owned(), "email"),
            );
            // A report quotes as Rust's `{:?}` does, but shows combining
            // marks as themselves (the IDN case has one), where `{:?}`
            // escapes them.
            let quoted = if email.is_ascii() {
                format!("{email:?}")
            } else {
                format!("\"{email}\"")
            };
            assert_eq!(violation.value().map(ToString::to_string), Some(quoted));
        }
    }
}

#[derive(Validate, Default)]
struct Team {
    #[items(email)]
    members: Vec<String>,
    #[keys(email)]
    roles: BTreeMap<String, String>,
}

/// Inside `items(..)` and `keys(..)`, each item and key at its own path.
#[test]
fn on_items_and_keys() {
    let members = |members: &[&str]| Team {
        members: members.iter().map(|&member| member.to_owned()).collect(),
        ..Team::default()
    };
    let role = |key: &str| Team {
        roles: BTreeMap::from([(key.to_owned(), "admin".to_owned())]),
        ..Team::default()
    };
    table(&[
        (
            "items",
            &[
                pass(&members(&["a@example.com", "b@example.com"])),
                reject(
                    &members(&["a@example.com", "b at example.com"]),
                    "members[1]",
                    "email",
                    Some("\"b at example.com\""),
                    r#"members[1] must be an email address, not "b at example.com""#,
                ),
            ],
        ),
        (
            "keys",
            &[
                pass(&role("a@example.com")),
                reject(
                    &role("alice"),
                    "roles[\"alice\"]",
                    "email",
                    Some("\"alice\""),
                    r#"key roles["alice"] must be an email address, not "alice""#,
                ),
            ],
        ),
    ]);
}

#[derive(Validate, Default)]
struct Owner {
    contact: String,
}

#[derive(Validate, Default)]
struct Options {
    notify: bool,
    #[email(if(notify))]
    notify_to: String,
    #[email(warn)]
    reply_to: String,
    #[email(message = "{path} receives the reports; {value} is no address")]
    reports: Option<String>,
    #[email(at = contact)]
    owner: Option<Owner>,
}

/// `if(..)`, `warn`, `message` and `at` on `email`.
#[test]
fn options() {
    let quiet = Options {
        notify_to: "nobody".into(),
        reply_to: "ops@example.com".into(),
        ..Options::default()
    };
    crate::support::passes(&quiet);
    crate::support::rejects(
        &Options {
            notify: true,
            ..quiet
        },
        "notify_to",
        "email",
        Some("\"nobody\""),
        r#"notify_to must be an email address while notify, not "nobody""#,
    );

    let loose = Options {
        reply_to: "ops".into(),
        ..Options::default()
    };
    assert!(loose.validate().is_ok());
    let report = loose.report();
    assert_eq!(report.len(), 1);
    let warning = &report.violations()[0];
    assert!(warning.is_warning());
    crate::support::check(
        warning,
        "reply_to",
        "email",
        Some("\"ops\""),
        r#"reply_to should be an email address, not "ops""#,
    );

    let base = || Options {
        reply_to: "ops@example.com".into(),
        ..Options::default()
    };
    crate::support::rejects(
        &Options {
            reports: Some("reports".into()),
            ..base()
        },
        "reports",
        "email",
        Some("\"reports\""),
        r#"reports receives the reports; "reports" is no address"#,
    );
    crate::support::rejects(
        &Options {
            owner: Some(Owner {
                contact: "owner@".into(),
            }),
            ..base()
        },
        "owner.contact",
        "email",
        Some("\"owner@\""),
        r#"owner.contact must be an email address, not "owner@""#,
    );
}
