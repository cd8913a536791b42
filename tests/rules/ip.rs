//! `ip`, `ipv4` and `ipv6`: a string is an address as `std::net` parses it.
//! Each passes an absent `Option`, works inside `items(..)` and `keys(..)`,
//! and takes `message`, `if(..)`, `warn` and `at` like every rule.

use std::collections::BTreeMap;

use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate)]
struct Listen {
    #[ip]
    bind: String,
    #[ipv4]
    gateway: Option<String>,
    #[ipv6]
    link_local: Option<Box<str>>,
}

impl Default for Listen {
    fn default() -> Self {
        Listen {
            bind: "0.0.0.0".into(),
            gateway: None,
            link_local: None,
        }
    }
}

/// Each rule accepts its family (`ip` both), rejects the rest at the
/// field's path with its value, and passes `None`.
#[test]
fn accepts_and_rejects() {
    table(&[
        ("defaults", &[pass(&Listen::default())]),
        (
            "ip_takes_both_families",
            &[
                pass(&Listen {
                    bind: "::".into(),
                    ..Listen::default()
                }),
                pass(&Listen {
                    bind: "192.168.1.20".into(),
                    ..Listen::default()
                }),
                reject(
                    &Listen {
                        bind: "localhost".into(),
                        ..Listen::default()
                    },
                    "bind",
                    "ip",
                    Some("\"localhost\""),
                    r#"bind must be an IP address, not "localhost""#,
                ),
                reject(
                    &Listen {
                        bind: String::new(),
                        ..Listen::default()
                    },
                    "bind",
                    "ip",
                    Some("\"\""),
                    r#"bind must be an IP address, not """#,
                ),
            ],
        ),
        (
            "ipv4_on_option",
            &[
                pass(&Listen {
                    gateway: Some("10.0.0.1".into()),
                    ..Listen::default()
                }),
                reject(
                    &Listen {
                        gateway: Some("::ffff:10.0.0.1".into()),
                        ..Listen::default()
                    },
                    "gateway",
                    "ipv4",
                    Some("\"::ffff:10.0.0.1\""),
                    r#"gateway must be an IPv4 address, not "::ffff:10.0.0.1""#,
                ),
            ],
        ),
        (
            "ipv6_through_a_box",
            &[
                pass(&Listen {
                    link_local: Some("fe80::1".into()),
                    ..Listen::default()
                }),
                reject(
                    &Listen {
                        link_local: Some("10.0.0.1".into()),
                        ..Listen::default()
                    },
                    "link_local",
                    "ipv6",
                    Some("\"10.0.0.1\""),
                    r#"link_local must be an IPv6 address, not "10.0.0.1""#,
                ),
            ],
        ),
    ]);
}

#[derive(Validate)]
struct Anchor {
    #[ip]
    any: &'static str,
    #[ipv4]
    v4: &'static str,
    #[ipv6]
    v6: &'static str,
}

const VALID: Anchor = Anchor {
    any: "1.1.1.1",
    v4: "1.1.1.1",
    v6: "::1",
};

/// The cases of validator (`validator/src/validation/ip.rs`) and garde
/// (`garde/tests/rules/ip.rs`), which share their data, as data: the rule,
/// the value, and whether it passes. lowbit decides every one as they do:
/// all three parse with `std::net`.
const ANCHOR_CASES: &[(&str, &str, bool)] = &[
    ("ip", "1.1.1.1", true),
    ("ip", "255.0.0.0", true),
    ("ip", "0.0.0.0", true),
    ("ip", "256.1.1.1", false),
    ("ip", "25.1.1.", false),
    ("ip", "25,1,1,1", false),
    ("ip", "fe80::223:6cff:fe8a:2e8a", true),
    ("ip", "::ffff:254.42.16.14", true),
    ("ip", "2a02::223:6cff :fe8a:2e8a", false),
    ("ipv4", "1.1.1.1", true),
    ("ipv4", "255.0.0.0", true),
    ("ipv4", "0.0.0.0", true),
    ("ipv4", "256.1.1.1", false),
    ("ipv4", "25.1.1.", false),
    ("ipv4", "25,1,1,1", false),
    ("ipv4", "25.1 .1.1", false),
    ("ipv4", "1.1.1.1\n", false),
    ("ipv4", "٧.2٥.3٣.243", false),
    ("ipv6", "fe80::223:6cff:fe8a:2e8a", true),
    ("ipv6", "2a02::223:6cff:fe8a:2e8a", true),
    ("ipv6", "1::2:3:4:5:6:7", true),
    ("ipv6", "::", true),
    ("ipv6", "::a", true),
    ("ipv6", "2::", true),
    ("ipv6", "::ffff:254.42.16.14", true),
    ("ipv6", "::ffff:0a0a:0a0a", true),
    ("ipv6", "::254.42.16.14", true),
    ("ipv6", "::0a0a:0a0a", true),
    ("ipv6", "foo", false),
    ("ipv6", "127.0.0.1", false),
    ("ipv6", "12345::", false),
    ("ipv6", "1::2::3::4", false),
    ("ipv6", "1::zzz", false),
    ("ipv6", "1:2", false),
    ("ipv6", "fe80::223: 6cff:fe8a:2e8a", false),
    ("ipv6", "2a02::223:6cff :fe8a:2e8a", false),
    ("ipv6", "::ffff:999.42.16.14", false),
    ("ipv6", "::ffff:zzzz:0a0a", false),
];

/// What a config file may hold that neither anchor tries, decided as
/// `std::net` does: addresses are written one way only, bare. Leading
/// zeros (which some parsers read as octal), the `inet_aton` shorthands,
/// brackets, zones, ports and surrounding spaces are all refused, so that
/// what passes is what `parse::<IpAddr>()` in the program accepts.
const OWN_CASES: &[(&str, &str, bool)] = &[
    ("ipv4", "010.0.0.1", false),
    ("ipv4", "127.1", false),
    ("ipv4", "0x7f.0.0.1", false),
    ("ipv4", " 10.0.0.1", false),
    ("ipv4", "10.0.0.1:80", false),
    ("ipv4", "255.255.255.255", true),
    ("ipv6", "[::1]", false),
    ("ipv6", "fe80::1%eth0", false),
    ("ipv6", "FE80::ABCD", true),
    ("ipv6", "0:0:0:0:0:0:0:1", true),
    ("ipv6", "1:2:3:4:5:6:7:8:9", false),
    ("ip", "", false),
    ("ip", "::ffff:1.2.3.4", true),
];

#[test]
fn anchor_and_own_cases() {
    crate::support::passes(&VALID);
    for &(rule, value, passes) in ANCHOR_CASES.iter().chain(OWN_CASES) {
        let config = match rule {
            "ip" => Anchor {
                any: value,
                ..VALID
            },
            "ipv4" => Anchor { v4: value, ..VALID },
            _ => Anchor { v6: value, ..VALID },
        };
        let report = config.report();
        assert_eq!(report.is_empty(), passes, "{rule} {value:?}: {report}");
        assert_eq!(config.is_valid(), passes, "{rule} {value:?}: is_valid");
        if !passes {
            let violation = &report.violations()[0];
            let field = match rule {
                "ip" => "any",
                "ipv4" => "v4",
                _ => "v6",
            };
            assert_eq!(
                (violation.path().to_string(), violation.code()),
                (field.to_owned(), rule),
                "{value:?}"
            );
            assert_eq!(
                violation.value().map(ToString::to_string),
                Some(format!("{value:?}"))
            );
        }
    }
}

#[derive(Validate, Default)]
struct Peers {
    #[items(ip)]
    allow: Vec<String>,
    #[keys(ipv4)]
    #[items(ipv6)]
    tunnels: BTreeMap<String, String>,
}

/// Inside `items(..)` and `keys(..)`, each item and key at its own path.
#[test]
fn on_items_and_keys() {
    let allow = |allow: &[&str]| Peers {
        allow: allow.iter().map(|&peer| peer.to_owned()).collect(),
        ..Peers::default()
    };
    let tunnel = |key: &str, value: &str| Peers {
        tunnels: BTreeMap::from([(key.to_owned(), value.to_owned())]),
        ..Peers::default()
    };
    table(&[
        (
            "items",
            &[
                pass(&allow(&["10.0.0.1", "::1"])),
                reject(
                    &allow(&["10.0.0.1", "10.0.0.0/8"]),
                    "allow[1]",
                    "ip",
                    Some("\"10.0.0.0/8\""),
                    r#"allow[1] must be an IP address, not "10.0.0.0/8""#,
                ),
            ],
        ),
        (
            "keys_and_values",
            &[
                pass(&tunnel("10.0.0.1", "fd00::1")),
                reject(
                    &tunnel("10.0.0.1", "fd00::1::2"),
                    "tunnels[\"10.0.0.1\"]",
                    "ipv6",
                    Some("\"fd00::1::2\""),
                    r#"tunnels["10.0.0.1"] must be an IPv6 address, not "fd00::1::2""#,
                ),
                reject(
                    &tunnel("fd00::2", "fd00::1"),
                    "tunnels[\"fd00::2\"]",
                    "ipv4",
                    Some("\"fd00::2\""),
                    r#"key tunnels["fd00::2"] must be an IPv4 address, not "fd00::2""#,
                ),
            ],
        ),
    ]);
}

#[derive(Validate, Default)]
struct Upstream {
    host: String,
}

#[derive(Validate, Default)]
struct Options {
    public: bool,
    #[ipv4(if(public))]
    advertise: String,
    #[ip(warn)]
    resolver: String,
    #[ipv6(message = "{path} is an IPv6 prefix's address, not {value}")]
    prefix: Option<String>,
    #[ip(at = host)]
    upstream: Option<Upstream>,
}

/// `if(..)`, `warn`, `message` and `at` on the address rules.
#[test]
fn options() {
    let private = Options {
        advertise: "gateway.local".into(),
        resolver: "1.1.1.1".into(),
        ..Options::default()
    };
    crate::support::passes(&private);
    crate::support::rejects(
        &Options {
            public: true,
            ..private
        },
        "advertise",
        "ipv4",
        Some("\"gateway.local\""),
        r#"advertise must be an IPv4 address while public, not "gateway.local""#,
    );

    let named = Options {
        resolver: "dns.example".into(),
        ..Options::default()
    };
    assert!(named.validate().is_ok());
    let report = named.report();
    assert_eq!(report.len(), 1);
    let warning = &report.violations()[0];
    assert!(warning.is_warning());
    crate::support::check(
        warning,
        "resolver",
        "ip",
        Some("\"dns.example\""),
        r#"resolver should be an IP address, not "dns.example""#,
    );

    let quiet = || Options {
        resolver: "::1".into(),
        ..Options::default()
    };
    crate::support::rejects(
        &Options {
            prefix: Some("2001:db8::/32".into()),
            ..quiet()
        },
        "prefix",
        "ipv6",
        Some("\"2001:db8::/32\""),
        r#"prefix is an IPv6 prefix's address, not "2001:db8::/32""#,
    );

    crate::support::passes(&Options {
        upstream: Some(Upstream {
            host: "10.1.1.1".into(),
        }),
        ..quiet()
    });
    crate::support::rejects(
        &Options {
            upstream: Some(Upstream {
                host: "upstream.internal".into(),
            }),
            ..quiet()
        },
        "upstream.host",
        "ip",
        Some("\"upstream.internal\""),
        r#"upstream.host must be an IP address, not "upstream.internal""#,
    );
}
