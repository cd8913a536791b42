//! `unique`: no two items of a sequence are equal. The violation points at
//! the first item that repeats an earlier one (`f[2]`), and carries it as
//! its value; an absent `Option` passes; it works inside `items(..)` on a
//! list of lists, and takes `message`, `if(..)`, `warn` and `at` like every
//! rule.

use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate, Default)]
struct Cluster {
    #[unique]
    hosts: Vec<String>,
    #[unique]
    ports: Option<Vec<u16>>,
    #[unique]
    modules: Vec<Module>,
    #[unique]
    weights: Box<[f64]>,
    #[unique]
    replicas: [u8; 3],
}

fn hosts(hosts: &[&str]) -> Cluster {
    Cluster {
        hosts: hosts.iter().map(|&host| host.to_owned()).collect(),
        replicas: [1, 2, 3],
        ..Cluster::default()
    }
}

/// Distinct items pass, and so do no items and `None`; a repeat is one
/// violation at the first item equal to an earlier one, whatever follows.
#[test]
fn accepts_and_rejects() {
    table(&[
        (
            "distinct_empty_and_absent",
            &[
                pass(&hosts(&["a", "b", "c"])),
                pass(&hosts(&[])),
                pass(&hosts(&["a"])),
                pass(&Cluster {
                    ports: Some(vec![80, 443]),
                    ..hosts(&[])
                }),
            ],
        ),
        (
            "at_the_first_repeat",
            &[
                reject(
                    &hosts(&["a", "b", "a"]),
                    "hosts[2]",
                    "unique",
                    Some("\"a\""),
                    "hosts[2] must not repeat an earlier item",
                ),
                // `b` repeats before `a` does: the first repeat in the
                // file's order, and only it.
                reject(
                    &hosts(&["a", "b", "b", "a"]),
                    "hosts[2]",
                    "unique",
                    Some("\"b\""),
                    "hosts[2] must not repeat an earlier item",
                ),
                // Equal as `String`s are: case and spaces count.
                pass(&hosts(&["a", "A", "a "])),
            ],
        ),
        (
            "option_enums_floats_arrays",
            &[
                reject(
                    &Cluster {
                        ports: Some(vec![80, 443, 80, 443]),
                        ..hosts(&[])
                    },
                    "ports[2]",
                    "unique",
                    Some("80"),
                    "ports[2] must not repeat an earlier item",
                ),
                reject(
                    &Cluster {
                        modules: vec![Module::Encoder, Module::DecoderX, Module::DecoderX],
                        ..hosts(&[])
                    },
                    "modules[2]",
                    "unique",
                    Some("\"decoder_x\""),
                    "modules[2] must not repeat an earlier item",
                ),
                reject(
                    &Cluster {
                        weights: vec![0.5, 0.25, 0.5].into(),
                        ..hosts(&[])
                    },
                    "weights[2]",
                    "unique",
                    Some("0.5"),
                    "weights[2] must not repeat an earlier item",
                ),
                // NaN equals nothing, itself included, as `PartialEq` says.
                pass(&Cluster {
                    weights: vec![f64::NAN, f64::NAN].into(),
                    ..hosts(&[])
                }),
                reject(
                    &Cluster {
                        replicas: [3, 3, 3],
                        ..hosts(&[])
                    },
                    "replicas[1]",
                    "unique",
                    Some("3"),
                    "replicas[1] must not repeat an earlier item",
                ),
            ],
        ),
    ]);
}

#[derive(Validate, Default, PartialEq)]
struct Listener {
    host: String,
    port: u16,
}

#[derive(Validate, Default)]
struct Server {
    #[unique]
    listeners: Vec<Listener>,
}

#[derive(Validate, Default)]
struct Fleet {
    #[nested]
    server: Server,
    #[items(unique)]
    groups: Vec<Vec<u32>>,
}

/// Items of any `PartialEq` type (a struct has no short spelling, so the
/// violation has no value), in a nested struct at its full path, and inside
/// `items(..)` at the inner list's item.
#[test]
fn structs_nested_and_items() {
    let listener = |port| Listener {
        host: "0.0.0.0".into(),
        port,
    };
    table(&[
        (
            "nested_structs",
            &[
                pass(&Fleet {
                    server: Server {
                        listeners: vec![listener(80), listener(443)],
                    },
                    ..Fleet::default()
                }),
                reject(
                    &Fleet {
                        server: Server {
                            listeners: vec![listener(80), listener(443), listener(80)],
                        },
                        ..Fleet::default()
                    },
                    "server.listeners[2]",
                    "unique",
                    None,
                    "server.listeners[2] must not repeat an earlier item",
                ),
            ],
        ),
        (
            "items_of_lists",
            &[
                pass(&Fleet {
                    groups: vec![vec![1, 2], vec![1, 2]],
                    ..Fleet::default()
                }),
                reject(
                    &Fleet {
                        groups: vec![vec![1, 2], vec![3, 4, 3]],
                        ..Fleet::default()
                    },
                    "groups[1][2]",
                    "unique",
                    Some("3"),
                    "groups[1][2] must not repeat an earlier item",
                ),
            ],
        ),
    ]);
}

#[derive(Validate, Default)]
struct Mirrors {
    urls: Vec<String>,
}

#[derive(Validate, Default)]
struct Options {
    strict: bool,
    #[unique(if(strict))]
    tags: Vec<String>,
    #[unique(warn)]
    aliases: Vec<String>,
    #[unique(message = "{path}: {value} is listed twice")]
    peers: Vec<String>,
    #[unique(at = urls)]
    mirrors: Option<Mirrors>,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|&item| item.to_owned()).collect()
}

/// `if(..)`, `warn`, `message` (with `{value}`, the repeated item) and
/// `at` through an `Option`.
#[test]
fn options() {
    let loose = Options {
        tags: strings(&["x", "x"]),
        ..Options::default()
    };
    crate::support::passes(&loose);
    crate::support::rejects(
        &Options {
            strict: true,
            ..loose
        },
        "tags[1]",
        "unique",
        Some("\"x\""),
        "tags[1] must not repeat an earlier item while strict",
    );

    let repeated = Options {
        aliases: strings(&["db", "db"]),
        ..Options::default()
    };
    assert!(repeated.validate().is_ok());
    let report = repeated.report();
    assert_eq!(report.len(), 1);
    let warning = &report.violations()[0];
    assert!(warning.is_warning());
    crate::support::check(
        warning,
        "aliases[1]",
        "unique",
        Some("\"db\""),
        "aliases[1] should not repeat an earlier item",
    );

    crate::support::rejects(
        &Options {
            peers: strings(&["a", "b", "b"]),
            ..Options::default()
        },
        "peers[2]",
        "unique",
        Some("\"b\""),
        r#"peers[2]: "b" is listed twice"#,
    );

    crate::support::passes(&Options {
        mirrors: Some(Mirrors {
            urls: strings(&["m1", "m2"]),
        }),
        ..Options::default()
    });
    crate::support::rejects(
        &Options {
            mirrors: Some(Mirrors {
                urls: strings(&["m1", "m1"]),
            }),
            ..Options::default()
        },
        "mirrors.urls[1]",
        "unique",
        Some("\"m1\""),
        "mirrors.urls[1] must not repeat an earlier item",
    );
}
