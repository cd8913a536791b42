//! Group rules on the container: `at_most_one`, `exactly_one` and
//! `at_least_one`. A broken group is one violation, naming every member that
//! is set by its serde name; it sits at the second member set when too many
//! are, and at the struct itself when none is.

use super::*;
use crate::support::{pass, reject, table};

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "camelCase")]
#[validate(at_most_one(exec, http_get, tcp_socket))]
struct AtMost {
    exec: Option<String>,
    http_get: Option<String>,
    tcp_socket: bool,
}

#[derive(Validate, Default)]
#[validate(exactly_one(file, url), at_least_one(name, tags))]
#[validate(exactly_one(
    mode,
    inline,
    message = "{path}: pick one source, either mode or inline"
))]
struct Sources {
    file: String,
    url: Option<String>,
    name: String,
    tags: Vec<String>,
    mode: Mode,
    inline: Vec<u8>,
}

impl Sources {
    /// Every group holds: one of `file`, `url`; a `name`; `mode` alone.
    fn valid() -> Self {
        Sources {
            file: "a.toml".into(),
            name: "n".into(),
            mode: Mode::Cached,
            ..Sources::default()
        }
    }
}

#[derive(Validate, Default)]
struct Outer {
    #[nested]
    probe: AtMost,
    #[nested]
    sources: Vec<Sources>,
}

#[derive(Validate, Default)]
#[validate(gate = enable, at_least_one(a, b))]
struct Gated {
    enable: bool,
    a: bool,
    b: bool,
}

/// Each config and its verdict, for each kind of group and each way of
/// breaking it.
#[test]
fn accepts_and_rejects() {
    table(&[
        (
            "at_most_one_holds_with_none_or_one",
            &[
                pass(&AtMost::default()),
                pass(&AtMost {
                    tcp_socket: true,
                    ..AtMost::default()
                }),
            ],
        ),
        (
            "at_most_one_two_set_is_at_the_second",
            &[reject(
                &AtMost {
                    exec: Some("true".into()),
                    tcp_socket: true,
                    ..AtMost::default()
                },
                "tcpSocket",
                "at_most_one",
                None,
                "exec and tcpSocket are both set; at most one of exec, httpGet, tcpSocket may be set",
            )],
        ),
        (
            "at_most_one_three_set_is_one_violation",
            &[reject(
                &AtMost {
                    exec: Some("true".into()),
                    http_get: Some("/healthz".into()),
                    tcp_socket: true,
                },
                "httpGet",
                "at_most_one",
                None,
                "exec, httpGet and tcpSocket are all set; at most one of exec, httpGet, tcpSocket may be set",
            )],
        ),
        ("exactly_one_holds", &[pass(&Sources::valid())]),
        (
            "exactly_one_none_set_is_at_the_struct",
            &[reject(
                &Sources {
                    file: String::new(),
                    ..Sources::valid()
                },
                "",
                "exactly_one",
                None,
                "exactly one of file, url must be set, and none is",
            )],
        ),
        (
            "exactly_one_two_set",
            &[reject(
                &Sources {
                    url: Some("https://example.com".into()),
                    ..Sources::valid()
                },
                "url",
                "exactly_one",
                None,
                "file and url are both set; only one of file, url may be set",
            )],
        ),
        (
            "at_least_one_none_set",
            &[reject(
                &Sources {
                    name: String::new(),
                    ..Sources::valid()
                },
                "",
                "at_least_one",
                None,
                "at least one of name, tags must be set, and none is",
            )],
        ),
        (
            "at_least_one_holds_with_both",
            &[pass(&Sources {
                tags: vec!["x".into()],
                ..Sources::valid()
            })],
        ),
        (
            "message_of_a_group_in_another_attribute",
            &[reject(
                &Sources {
                    inline: vec![1],
                    ..Sources::valid()
                },
                "inline",
                "exactly_one",
                None,
                "inline: pick one source, either mode or inline",
            )],
        ),
        (
            "an_enum_at_its_default_is_not_set",
            &[reject(
                &Sources {
                    mode: Mode::Disabled,
                    ..Sources::valid()
                },
                "",
                "exactly_one",
                None,
                ": pick one source, either mode or inline",
            )],
        ),
        (
            "nested_paths_name_the_struct",
            &[
                reject(
                    &Outer {
                        probe: AtMost {
                            exec: Some("true".into()),
                            http_get: Some("/".into()),
                            ..AtMost::default()
                        },
                        sources: vec![Sources::valid()],
                    },
                    "probe.httpGet",
                    "at_most_one",
                    None,
                    "exec and httpGet are both set in probe; at most one of exec, httpGet, tcpSocket may be set",
                ),
                reject(
                    &Outer {
                        sources: vec![
                            Sources::valid(),
                            Sources {
                                file: String::new(),
                                ..Sources::valid()
                            },
                        ],
                        ..Outer::default()
                    },
                    "sources[1]",
                    "exactly_one",
                    None,
                    "exactly one of file, url must be set in sources[1], and none is",
                ),
            ],
        ),
        (
            "groups_wait_for_the_gate",
            &[
                pass(&Gated::default()),
                reject(
                    &Gated {
                        enable: true,
                        ..Gated::default()
                    },
                    "",
                    "at_least_one",
                    None,
                    "at least one of a, b must be set, and none is",
                ),
            ],
        ),
    ]);
}

/// Every broken group is reported, each once, after the fields' rules.
#[test]
fn every_broken_group_is_reported_once() {
    let sources = Sources {
        file: "a".into(),
        url: Some("b".into()),
        name: String::new(),
        mode: Mode::Cached,
        inline: vec![1],
        ..Sources::default()
    };
    let report = sources.validate().unwrap_err();
    let seen: Vec<(String, &str)> = report
        .iter()
        .map(|violation| (violation.path().to_string(), violation.code()))
        .collect();
    assert_eq!(
        seen,
        [
            ("url".to_owned(), "exactly_one"),
            ("inline".to_owned(), "exactly_one"),
            (String::new(), "at_least_one"),
        ]
    );
    assert!(!sources.is_valid());
}

/// Kubernetes' probe and lifecycle handlers: "may not specify more than 1
/// handler type", at the second handler set, and "must specify a handler
/// type", at the handler itself. From kubernetes/kubernetes,
/// `pkg/apis/core/validation/validation.go`, `validateHandler`, which
/// counts the handlers set among `exec`, `httpGet`, `tcpSocket` and `grpc`
/// (reporting each handler past the first on its own, where this reports
/// the group once).
mod kubernetes {
    use super::*;

    #[derive(Deserialize, Validate, Default)]
    pub struct ExecAction {
        pub command: Vec<String>,
    }

    #[derive(Deserialize, Validate, Default)]
    pub struct HttpGetAction {
        pub path: String,
        pub port: u16,
    }

    #[derive(Deserialize, Validate, Default)]
    pub struct TcpSocketAction {
        pub port: u16,
    }

    #[derive(Deserialize, Validate, Default)]
    pub struct GrpcAction {
        pub port: u16,
    }

    /// `ProbeHandler` in `pkg/apis/core/types.go`, inlined into `Probe`.
    #[derive(Deserialize, Validate, Default)]
    #[serde(rename_all = "camelCase")]
    #[validate(exactly_one(exec, http_get, tcp_socket, grpc))]
    pub struct Probe {
        pub exec: Option<ExecAction>,
        pub http_get: Option<HttpGetAction>,
        pub tcp_socket: Option<TcpSocketAction>,
        pub grpc: Option<GrpcAction>,
        #[range(min = 1)]
        pub period_seconds: u32,
    }

    #[derive(Deserialize, Validate, Default)]
    #[serde(rename_all = "camelCase")]
    pub struct Container {
        pub name: String,
        #[nested]
        pub liveness_probe: Option<Probe>,
        #[nested]
        pub readiness_probe: Option<Probe>,
    }

    fn probe() -> Probe {
        Probe {
            http_get: Some(HttpGetAction {
                path: "/healthz".into(),
                port: 8080,
            }),
            period_seconds: 10,
            ..Probe::default()
        }
    }

    #[test]
    fn one_handler_per_probe() {
        table(&[
            (
                "one_handler",
                &[pass(&Container {
                    name: "web".into(),
                    liveness_probe: Some(probe()),
                    readiness_probe: Some(Probe {
                        http_get: None,
                        grpc: Some(GrpcAction { port: 9090 }),
                        ..probe()
                    }),
                })],
            ),
            (
                "two_handlers",
                &[reject(
                    &Container {
                        liveness_probe: Some(Probe {
                            tcp_socket: Some(TcpSocketAction { port: 8080 }),
                            ..probe()
                        }),
                        ..Container::default()
                    },
                    "livenessProbe.tcpSocket",
                    "exactly_one",
                    None,
                    "httpGet and tcpSocket are both set in livenessProbe; only one of exec, httpGet, tcpSocket, grpc may be set",
                )],
            ),
            (
                "no_handler",
                &[reject(
                    &Container {
                        readiness_probe: Some(Probe {
                            http_get: None,
                            ..probe()
                        }),
                        ..Container::default()
                    },
                    "readinessProbe",
                    "exactly_one",
                    None,
                    "exactly one of exec, httpGet, tcpSocket, grpc must be set in readinessProbe, and none is",
                )],
            ),
        ]);
    }
}

/// Groups as data, as docs and as JSON Schema.
mod as_data {
    use super::*;
    use lowbit_core::shape::{Kind, Named, RuleKind, Shape};
    use serde_json::{Value, json};

    #[derive(Deserialize, Validate, Default)]
    #[serde(default, rename_all = "camelCase")]
    #[validate(at_most_one(exec, http_get, tcp_socket), exactly_one(mode, inline))]
    #[validate(at_least_one(name, tags, message = "name it or tag it"))]
    struct Doc {
        exec: Option<String>,
        http_get: String,
        tcp_socket: bool,
        mode: Mode,
        inline: Vec<u8>,
        name: String,
        tags: Vec<String>,
    }

    #[test]
    fn the_shape_lists_groups_after_the_fields_rules() {
        let Kind::Named(named) = Doc::shape() else {
            unreachable!()
        };
        let Named::Struct(shape) = named.describe() else {
            unreachable!()
        };
        let rules: Vec<(&str, Vec<&str>, &str, bool)> = shape
            .rules
            .iter()
            .map(|rule| {
                let members = match &rule.kind {
                    RuleKind::AtMostOne(members)
                    | RuleKind::ExactlyOne(members)
                    | RuleKind::AtLeastOne(members) => members.clone(),
                    _ => Vec::new(),
                };
                (
                    rule.code(),
                    members,
                    rule.message.as_str(),
                    rule.subject.is_empty(),
                )
            })
            .collect();
        assert_eq!(
            rules,
            [
                (
                    "at_most_one",
                    vec!["exec", "httpGet", "tcpSocket"],
                    "at most one of exec, httpGet, tcpSocket may be set",
                    true
                ),
                (
                    "exactly_one",
                    vec!["mode", "inline"],
                    "exactly one of mode, inline must be set",
                    true
                ),
                (
                    "at_least_one",
                    vec!["name", "tags"],
                    "name it or tag it",
                    true
                ),
            ]
        );
    }

    #[test]
    fn docs_name_every_key_of_a_group() {
        #[derive(Validate, Default)]
        struct Top {
            #[nested]
            probe: Doc,
        }
        let table = lowbit_core::docs::markdown::<Top>();
        assert_eq!(
            table,
            "| key | rule | applies | message |\n\
             |---|---|---|---|\n\
             | `probe.exec`, `probe.httpGet`, `probe.tcpSocket` | `at_most_one` | at most one of `probe.exec`, `probe.httpGet`, `probe.tcpSocket` set | at most one of exec, httpGet, tcpSocket may be set |\n\
             | `probe.mode`, `probe.inline` | `exactly_one` | exactly one of `probe.mode`, `probe.inline` set | exactly one of mode, inline must be set |\n\
             | `probe.name`, `probe.tags` | `at_least_one` | at least one of `probe.name`, `probe.tags` set | name it or tag it |\n"
        );
    }

    /// The schema and `validate()` agree on every document made of these
    /// values for the group's keys, each left out too (taking its default).
    #[test]
    fn the_schema_agrees_with_validate() {
        let schema = lowbit_core::schema::json_schema::<Doc>();
        let validator =
            jsonschema::draft202012::new(&schema).expect("a valid draft 2020-12 schema");
        let keys: [(&str, Vec<Value>); 7] = [
            ("exec", vec![json!(null), json!("true")]),
            ("httpGet", vec![json!(""), json!("/healthz")]),
            ("tcpSocket", vec![json!(false), json!(true)]),
            ("mode", vec![json!("disabled"), json!("cached")]),
            ("inline", vec![json!([]), json!([1])]),
            ("name", vec![json!(""), json!("n")]),
            ("tags", vec![json!([]), json!(["t"])]),
        ];
        // Each key: one of its values, or left out.
        let radix = 3_u32;
        let mut checked = 0;
        let (mut valid, mut invalid) = (0, 0);
        for mut n in 0..radix.pow(keys.len() as u32) {
            let mut document = serde_json::Map::new();
            for (key, values) in &keys {
                let choice = (n % radix) as usize;
                n /= radix;
                if let Some(value) = values.get(choice) {
                    document.insert((*key).to_owned(), value.clone());
                }
            }
            let document = Value::Object(document);
            let rust = serde_json::from_value::<Doc>(document.clone())
                .expect("every document deserializes")
                .is_valid();
            assert_eq!(rust, validator.is_valid(&document), "{document}");
            checked += 1;
            if rust {
                valid += 1;
            } else {
                invalid += 1;
            }
        }
        assert_eq!(checked, 2187);
        assert!(
            valid > 100 && invalid > 100,
            "{valid} valid, {invalid} invalid"
        );
    }
}

/// `if(..)` narrows a group; `warn` makes it advice that leaves the config
/// valid.
#[derive(Validate, Default)]
#[validate(exactly_one(file, url, if(enabled)))]
#[validate(at_most_one(fp16, bf16, warn))]
struct Narrowed {
    enabled: bool,
    file: Option<String>,
    url: Option<String>,
    fp16: bool,
    bf16: bool,
}

#[test]
fn if_narrows_a_group_and_warn_makes_it_a_warning() {
    table(&[(
        "if",
        &[
            pass(&Narrowed::default()),
            reject(
                &Narrowed {
                    enabled: true,
                    ..Narrowed::default()
                },
                "",
                "exactly_one",
                None,
                "exactly one of file, url must be set, and none is",
            ),
        ],
    )]);
    let both = Narrowed {
        fp16: true,
        bf16: true,
        ..Narrowed::default()
    };
    assert!(both.is_valid());
    assert!(both.validate().is_ok());
    let report = both.report();
    let lines: Vec<(String, String, bool)> = report
        .iter()
        .map(|violation| {
            (
                violation.path().to_string(),
                violation.to_string(),
                violation.is_warning(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [(
            "bf16".to_owned(),
            "fp16 and bf16 are both set; at most one of fp16, bf16 may be set".to_owned(),
            true
        )]
    );
}
