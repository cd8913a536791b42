//! The exported JSON Schema and `validate()` agree: a real JSON Schema
//! validator (the `jsonschema` crate) accepts exactly the documents that
//! deserialize and pass `validate()`, over the port's value space, with keys
//! left out to take their defaults, and with values of wrong types and
//! unknown names mixed in.

use bitnet_config::{
    BitNetLowBitProtocol, LowBitActivationFormat, LowBitActivationGrouping, LowBitInferenceMode,
    LowBitQuantizationConfig, LowBitRhoConfig, LowBitSavedActivationMode, LowBitTargetModule,
    LowBitTrainingMode, LowBitWeightFormat, LowBitWeightGrouping, ModelConfig,
    RhoCompressionConfig, RhoCompressionInterval, RhoPrecisionConfig,
};
use jsonschema::Validator;
use lowbit_core::Validate;
use lowbit_core::VariantNames;
use lowbit_core::schema::json_schema;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

mod serde_fidelity;

/// The values a key takes in the documents tried: `None` leaves it out.
type Choices = Vec<Option<Value>>;

/// Every name of the enum, a name it does not have, and the key left out.
fn names<E: VariantNames>() -> Choices {
    let mut choices: Choices = E::NAMES.iter().map(|name| Some(json!(name))).collect();
    choices.push(Some(json!("no_such_name")));
    choices.push(None);
    choices
}

fn flags() -> Choices {
    vec![
        Some(json!(true)),
        Some(json!(false)),
        Some(json!("yes")),
        None,
    ]
}

/// The verdict of serde and `validate()`, and that of the schema, on one document.
fn verdicts<T: DeserializeOwned + Validate>(
    validator: &Validator,
    document: &Value,
) -> (bool, bool) {
    let rust = serde_json::from_value::<T>(document.clone()).is_ok_and(|config| config.is_valid());
    (rust, validator.is_valid(document))
}

/// Walks the cross product of `keys`' choices (in mixed radix, so that
/// `every`th documents sample it evenly when it is too large to walk whole),
/// and checks that the two verdicts agree on each document.
fn agree<T: DeserializeOwned + Validate>(
    validator: &Validator,
    keys: &[(&str, Choices)],
    every: u64,
    wrap: &dyn Fn(Value) -> Value,
) -> (u64, u64) {
    let total: u64 = keys
        .iter()
        .map(|(_, choices)| choices.len() as u64)
        .product();
    let (mut tried, mut valid) = (0, 0);
    let mut index = 0;
    while index < total {
        let mut rest = index;
        let mut document = Map::new();
        for (key, choices) in keys {
            let radix = choices.len() as u64;
            if let Some(value) = &choices[(rest % radix) as usize] {
                document.insert((*key).to_owned(), value.clone());
            }
            rest /= radix;
        }
        let document = wrap(Value::Object(document));
        let (rust, schema) = verdicts::<T>(validator, &document);
        assert_eq!(
            rust, schema,
            "validate() says {rust}, the schema says {schema}, for {document}"
        );
        tried += 1;
        valid += u64::from(rust);
        index += every;
    }
    (tried, valid)
}

fn validator<T: lowbit_core::shape::Shape>() -> Validator {
    let schema = json_schema::<T>();
    jsonschema::draft202012::new(&schema).expect("the schema is a valid draft 2020-12 schema")
}

fn rho_keys() -> Vec<(&'static str, Choices)> {
    vec![
        ("precision", names::<RhoPrecisionConfig>()),
        ("carry_across_tbptt", flags()),
        ("detach_between_windows", vec![Some(json!(true)), None]),
        ("compression", names::<RhoCompressionConfig>()),
        ("compression_interval", names::<RhoCompressionInterval>()),
        (
            "stats_monitoring",
            vec![Some(json!(false)), Some(json!(3)), None],
        ),
    ]
}

#[test]
fn rho_every_document() {
    let validator = validator::<LowBitRhoConfig>();
    let (tried, valid) = agree::<LowBitRhoConfig>(&validator, &rho_keys(), 1, &|doc| doc);
    // Both verdicts occur, many times: the agreement is not vacuous.
    assert!(
        tried > 9_000 && valid > 400 && tried - valid > 4_000,
        "{tried} {valid}"
    );
}

fn module_lists() -> Choices {
    let names = LowBitTargetModule::NAMES;
    vec![
        Some(json!([])),
        Some(json!([names[0]])),
        Some(json!([names[0], names[0]])),
        Some(json!([names[1]])),
        Some(json!([names[0], names[2]])),
        Some(json!(["no_such_module"])),
        None,
    ]
}

fn saved_tables() -> Choices {
    let mut tables = vec![None, Some(json!({}))];
    for mode in LowBitSavedActivationMode::NAMES {
        for format in LowBitActivationFormat::NAMES {
            tables.push(Some(json!({"mode": mode, "format": format})));
        }
        tables.push(Some(json!({"mode": mode})));
    }
    for format in LowBitActivationFormat::NAMES {
        tables.push(Some(json!({"format": format})));
    }
    tables.push(Some(json!({"mode": "no_such_mode"})));
    tables
}

fn quant_keys() -> Vec<(&'static str, Choices)> {
    vec![
        ("enable", flags()),
        ("protocol", names::<BitNetLowBitProtocol>()),
        ("training_mode", names::<LowBitTrainingMode>()),
        ("act_format", names::<LowBitActivationFormat>()),
        ("saved_activations", saved_tables()),
        ("target_modules", module_lists()),
        ("act_grouping", names::<LowBitActivationGrouping>()),
        ("weight_grouping", names::<LowBitWeightGrouping>()),
        ("strict_bitnet_reference", flags()),
        ("inference_mode", names::<LowBitInferenceMode>()),
        (
            "weight_format",
            vec![Some(json!(LowBitWeightFormat::NAMES[0])), None],
        ),
        (
            "encoder_mode",
            vec![
                Some(json!(LowBitWeightFormat::NAMES[1])),
                Some(Value::Null),
                None,
            ],
        ),
    ]
}

#[test]
fn quant_documents_sampled_evenly() {
    let validator = validator::<LowBitQuantizationConfig>();
    // The cross product has about 250 million documents; a prime stride
    // samples a quarter of a million of them, every key's choices evenly.
    let (tried, valid) =
        agree::<LowBitQuantizationConfig>(&validator, &quant_keys(), 1_009, &|doc| doc);
    assert!(
        tried > 200_000 && valid > 5_000 && tried - valid > 100_000,
        "quant: {tried} documents, {valid} valid"
    );
}

#[test]
fn model_documents_with_tables_left_out() {
    let validator = validator::<ModelConfig>();
    let mut keys = quant_keys();
    keys.truncate(9);
    let (tried, valid) = agree::<ModelConfig>(
        &validator,
        &keys,
        997,
        &|quant| json!({"quant": quant, "rho": {"precision": "fp8_exp", "compression": "fp8_block_exp"}}),
    );
    assert!(
        tried > 1_000 && valid == 0,
        "rho breaks a rule in every document: {tried} {valid}"
    );
    let (tried, valid) =
        agree::<ModelConfig>(&validator, &keys, 997, &|quant| json!({"quant": quant}));
    assert!(tried > 1_000 && valid > 100, "{tried} {valid}");
    for document in [
        json!({}),
        json!({"rho": {}}),
        json!({"quant": {}, "rho": {}}),
    ] {
        assert_eq!(
            verdicts::<ModelConfig>(&validator, &document),
            (true, true),
            "{document}"
        );
    }
}

#[test]
fn the_schema_reads_as_documentation() {
    let schema = json_schema::<LowBitRhoConfig>();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["title"], "LowBitRhoConfig");
    let rules = schema["$defs"]["LowBitRhoConfig.rules"]["allOf"]
        .as_array()
        .expect("the rules");
    let descriptions: Vec<&str> = rules
        .iter()
        .filter_map(|rule| rule["description"].as_str())
        .collect();
    assert!(
        descriptions.contains(
            &"block-compressed model.rho.compression currently supports only compression_interval = \"chunk\""
        ),
        "{descriptions:#?}"
    );
    assert_eq!(descriptions.len(), 4);
}

#[derive(serde::Deserialize, lowbit_core::Validate)]
struct Entries {
    #[serde(default)]
    #[items(one_of("http", "https"))]
    schemes: Vec<String>,
    #[serde(default)]
    #[keys(length(max = 3))]
    #[items(range(min = 1))]
    jobs: std::collections::BTreeMap<String, u32>,
    #[items(non_empty)]
    labels: Option<Vec<String>>,
}

/// `items` is the list's `items` and the map's `additionalProperties`,
/// `keys` the map's `propertyNames`: the schema and `validate()` agree on
/// items, values and keys that pass and that do not.
#[test]
fn items_and_keys_every_document() {
    let validator = validator::<Entries>();
    let keys = vec![
        (
            "schemes",
            vec![
                Some(json!([])),
                Some(json!(["http", "https"])),
                Some(json!(["http", "ftp"])),
                None,
            ],
        ),
        (
            "jobs",
            vec![
                Some(json!({})),
                Some(json!({"a": 1, "abc": 2})),
                Some(json!({"a": 0})),
                Some(json!({"abcd": 1})),
                None,
            ],
        ),
        (
            "labels",
            vec![
                Some(json!(null)),
                Some(json!(["x"])),
                Some(json!(["x", ""])),
                None,
            ],
        ),
    ];
    let (tried, valid) = agree::<Entries>(&validator, &keys, 1, &|doc| doc);
    // Three of four choices of each key pass: 3 * 3 * 3 documents.
    assert_eq!((tried, valid), (80, 27));
    let schema = json_schema::<Entries>();
    let rules = schema["$defs"]["Entries.rules"].to_string();
    assert!(rules.contains(r#""propertyNames":{"description":"key jobs[\"key\"] must have a length of at most 3, not the value","#), "{rules}");
}

#[derive(serde::Deserialize, lowbit_core::Validate)]
struct Texts {
    #[serde(default = "root")]
    #[prefix("/")]
    #[does_not_contain("..")]
    root: String,
    #[suffix(".sock")]
    socket: Option<String>,
    #[serde(default)]
    #[contains("{id}.")]
    #[ascii]
    template: String,
    #[serde(default)]
    #[items(alphanumeric)]
    tokens: Vec<String>,
}

fn root() -> String {
    "/srv".to_owned()
}

/// The text rules are `pattern`s (escaped where the text has pattern
/// syntax, `{`, `}` and `.` here), and `does_not_contain` a `not` of one;
/// the schema and `validate()` agree on every document, on text that passes
/// and that does not, on Unicode letters and digits, and on `null`.
#[test]
fn text_rules_every_document() {
    let validator = validator::<Texts>();
    let keys = vec![
        (
            "root",
            vec![
                Some(json!("/a")),
                Some(json!("a/")),
                Some(json!("/a/../b")),
                None,
            ],
        ),
        (
            "socket",
            vec![
                Some(json!(null)),
                Some(json!("/run/a.sock")),
                Some(json!("/run/a.sockx")),
                None,
            ],
        ),
        (
            "template",
            vec![
                Some(json!("")),
                Some(json!("job-{id}.log")),
                Some(json!("job-{id}xlog")),
                Some(json!("jöb-{id}.log")),
                None,
            ],
        ),
        (
            "tokens",
            vec![
                Some(json!(["abc", "Éé٣"])),
                Some(json!(["a_b"])),
                Some(json!([""])),
                None,
            ],
        ),
    ];
    let (tried, valid) = agree::<Texts>(&validator, &keys, 1, &|doc| doc);
    // root 2 of 4 (its default passes), socket 3 of 4, template 1 of 5
    // (neither "" nor the default "" contains "{id}."; "jöb" is not ASCII),
    // tokens 3 of 4 (every character of "" is alphanumeric).
    assert_eq!((tried, valid), (320, 18));
}

#[derive(serde::Deserialize, lowbit_core::Validate)]
struct Required {
    #[required]
    bind: Option<String>,
    #[serde(default)]
    #[items(required)]
    upstreams: Vec<Option<u16>>,
    public: Option<bool>,
    #[required(if(public))]
    domain: Option<String>,
}

/// `required` is the key present and not `null`; inside `items(..)` an
/// item that is not `null`; under `if(..)` only while the guard holds.
#[test]
fn required_every_document() {
    let validator = validator::<Required>();
    let keys = vec![
        ("bind", vec![Some(json!(null)), Some(json!("")), None]),
        (
            "upstreams",
            vec![Some(json!([80, 443])), Some(json!([80, null])), None],
        ),
        (
            "public",
            vec![
                Some(json!(true)),
                Some(json!(false)),
                Some(json!(null)),
                None,
            ],
        ),
        (
            "domain",
            vec![Some(json!(null)), Some(json!("a.example")), None],
        ),
    ];
    let (tried, valid) = agree::<Required>(&validator, &keys, 1, &|doc| doc);
    // bind 1 of 3, upstreams 2 of 3, public/domain 8 of 12: `public` is
    // set whenever it is `Some`, `false` too, and then a domain is needed.
    assert_eq!((tried, valid), (108, 16));
}

#[derive(serde::Deserialize, lowbit_core::Validate)]
struct Strict {
    #[range(exclusive_min = 0.0, exclusive_max = 1.0)]
    dropout: f64,
    #[serde(default = "port")]
    #[range(min = 1, exclusive_max = 65536)]
    port: u32,
    #[range(exclusive_min = 0.0)]
    lr: Option<f64>,
}

fn port() -> u32 {
    8080
}

/// Strict bounds are `exclusiveMinimum`/`exclusiveMaximum`, an inclusive
/// one beside them `minimum`/`maximum`; the schema and `validate()` agree
/// at each bound, just inside it, and on `null`.
#[test]
fn exclusive_range_every_document() {
    let validator = validator::<Strict>();
    let keys = vec![
        (
            "dropout",
            vec![
                Some(json!(0.0)),
                Some(json!(0.5)),
                Some(json!(1.0)),
                Some(json!(1e-300)),
                None,
            ],
        ),
        (
            "port",
            vec![
                Some(json!(0)),
                Some(json!(1)),
                Some(json!(65535)),
                Some(json!(65536)),
                None,
            ],
        ),
        (
            "lr",
            vec![Some(json!(null)), Some(json!(0.0)), Some(json!(0.1)), None],
        ),
    ];
    let (tried, valid) = agree::<Strict>(&validator, &keys, 1, &|doc| doc);
    // dropout 2 of 5 (absent fails: no default), port 3 of 5 (its default
    // 8080 passes), lr 3 of 4.
    assert_eq!((tried, valid), (100, 18));
}

#[derive(serde::Deserialize, lowbit_core::Validate)]
struct Addresses {
    #[serde(default = "any_address")]
    #[ip]
    bind: String,
    #[ipv4]
    gateway: Option<String>,
    #[serde(default)]
    #[items(ipv6)]
    peers: Vec<String>,
}

fn any_address() -> String {
    "::".to_owned()
}

/// `ipv4` and `ipv6` are `format`s and `ip` an `anyOf` of the two. Draft
/// 2020-12 makes formats annotations, which the `jsonschema` crate asserts
/// only when told to: told so, it parses them with `std::net` and agrees
/// with `validate()` on every document; left at its default, it accepts
/// every string, which is what an editor that does not assert formats does.
#[test]
fn ip_rules_every_document() {
    let schema = json_schema::<Addresses>();
    let rules = schema.to_string();
    assert!(rules.contains(r#""format":"ipv4""#), "{rules}");
    assert!(
        rules.contains(r#""anyOf":[{"format":"ipv4"},{"format":"ipv6"}]"#),
        "{rules}"
    );
    let asserting = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema is a valid draft 2020-12 schema");
    let keys = vec![
        (
            "bind",
            vec![
                Some(json!("10.0.0.1")),
                Some(json!("fe80::1")),
                Some(json!("010.0.0.1")),
                Some(json!("[::1]")),
                None,
            ],
        ),
        (
            "gateway",
            vec![
                Some(json!(null)),
                Some(json!("192.168.0.1")),
                Some(json!("::1")),
                None,
            ],
        ),
        (
            "peers",
            vec![
                Some(json!(["::1", "2001:db8::8"])),
                Some(json!(["::1", "127.0.0.1"])),
                Some(json!(["fe80::1%eth0"])),
                None,
            ],
        ),
    ];
    let (tried, valid) = agree::<Addresses>(&asserting, &keys, 1, &|doc| doc);
    // bind 3 of 5 (its default "::" passes), gateway 3 of 4, peers 2 of 4.
    assert_eq!((tried, valid), (80, 18));

    let annotating = validator::<Addresses>();
    let broken = json!({"bind": "localhost", "gateway": "::1", "peers": ["1.2.3.4"]});
    assert!(serde_json::from_value::<Addresses>(broken.clone()).is_ok_and(|a| !a.is_valid()));
    assert!(annotating.is_valid(&broken));
}

#[derive(serde::Deserialize, lowbit_core::Validate)]
struct Unique {
    #[serde(default = "default_hosts")]
    #[unique]
    hosts: Vec<String>,
    #[unique]
    ports: Option<Vec<u16>>,
    #[serde(default)]
    #[items(unique)]
    groups: Vec<Vec<f64>>,
}

fn default_hosts() -> Vec<String> {
    vec!["a".to_owned(), "b".to_owned()]
}

/// `unique` is `uniqueItems`, which passes `null` as `None` does; JSON's
/// equality and `PartialEq` after deserializing agree, `1` and `1.0` in a
/// list of floats included.
#[test]
fn unique_every_document() {
    let validator = validator::<Unique>();
    let schema = json_schema::<Unique>().to_string();
    assert!(schema.contains(r#""uniqueItems":true"#), "{schema}");
    let keys = vec![
        (
            "hosts",
            vec![
                Some(json!(["a", "b"])),
                Some(json!(["a", "b", "a"])),
                Some(json!([])),
                None,
            ],
        ),
        (
            "ports",
            vec![
                Some(json!(null)),
                Some(json!([80, 443])),
                Some(json!([80, 80])),
                None,
            ],
        ),
        (
            "groups",
            vec![
                Some(json!([[1, 2], [1, 2]])),
                Some(json!([[1, 1.0]])),
                Some(json!([[0.5], [0.25, 0.5, 0.25]])),
                None,
            ],
        ),
    ];
    let (tried, valid) = agree::<Unique>(&validator, &keys, 1, &|doc| doc);
    // hosts 3 of 4 (its default passes), ports 3 of 4, groups 2 of 4.
    assert_eq!((tried, valid), (64, 18));
}

#[derive(serde::Deserialize, lowbit_core::Validate)]
struct Patterns {
    #[serde(default = "default_name")]
    #[pattern("^[a-z][a-z0-9_]*$")]
    name: String,
    #[pattern("[0-9]")]
    tag: Option<String>,
    #[serde(default)]
    #[items(pattern("^(int8|fp8)$"))]
    formats: Vec<String>,
}

fn default_name() -> String {
    "rho".to_owned()
}

/// `pattern` is JSON Schema's `pattern`, unanchored as it is; in the
/// syntax ECMA-262 and the regex crate share, the schema agrees with
/// `validate()` on every document, defaults included.
#[test]
fn pattern_every_document() {
    let schema = json_schema::<Patterns>();
    let rules = schema.to_string();
    assert!(
        rules.contains(r#""pattern":"^[a-z][a-z0-9_]*$""#),
        "{rules}"
    );
    assert!(rules.contains(r#""pattern":"[0-9]""#), "{rules}");
    let keys = vec![
        (
            "name",
            vec![
                Some(json!("rho_2")),
                Some(json!("Rho")),
                Some(json!("")),
                Some(json!("a\n")),
                None,
            ],
        ),
        (
            "tag",
            vec![Some(json!(null)), Some(json!("v2")), Some(json!("v")), None],
        ),
        (
            "formats",
            vec![
                Some(json!(["int8", "fp8"])),
                Some(json!(["int8", "fp16"])),
                Some(json!([])),
                None,
            ],
        ),
    ];
    let (tried, valid) = agree::<Patterns>(&validator::<Patterns>(), &keys, 1, &|doc| doc);
    // name 2 of 5 (its default "rho" passes), tag 3 of 4, formats 3 of 4.
    assert_eq!((tried, valid), (80, 18));
}

#[derive(serde::Deserialize, lowbit_core::Validate)]
struct Endpoints {
    #[serde(default = "default_homepage")]
    #[url]
    homepage: String,
    #[url(schemes("http", "https"))]
    api: Option<String>,
    #[serde(default)]
    #[items(url(schemes("wss")))]
    feeds: Vec<String>,
}

fn default_homepage() -> String {
    "https://example.com".to_owned()
}

/// `url` is `format: uri`, and its schemes a `pattern` on the text's start
/// in either case. On these documents, asserted, the schema agrees with
/// `validate()`: RFC 3986 and WHATWG part only on edges (module docs), of
/// which `http://exa mple.com` is one both refuse, for different reasons.
#[test]
fn url_every_document() {
    let schema = json_schema::<Endpoints>();
    let rules = schema.to_string();
    assert!(rules.contains(r#""format":"uri""#), "{rules}");
    assert!(
        rules.contains(r#""pattern":"^(?:[hH][tT][tT][pP]|[hH][tT][tT][pP][sS]):""#),
        "{rules}"
    );
    let asserting = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema is a valid draft 2020-12 schema");
    let keys = vec![
        (
            "homepage",
            vec![
                Some(json!("https://example.org/a?b#c")),
                Some(json!("mailto:ops@example.com")),
                Some(json!("example.com")),
                Some(json!("/docs")),
                None,
            ],
        ),
        (
            "api",
            vec![
                Some(json!(null)),
                Some(json!("HTTP://api.example.com")),
                Some(json!("ftp://example.com")),
                Some(json!("http://exa mple.com")),
                None,
            ],
        ),
        (
            "feeds",
            vec![
                Some(json!(["wss://a.example"])),
                Some(json!(["wss://a.example", "ws://b.example"])),
                None,
            ],
        ),
    ];
    let (tried, valid) = agree::<Endpoints>(&asserting, &keys, 1, &|doc| doc);
    // homepage 3 of 5 (its default passes), api 3 of 5, feeds 2 of 3.
    assert_eq!((tried, valid), (75, 18));
}

#[derive(serde::Deserialize, lowbit_core::Validate)]
struct Contacts {
    #[serde(default = "default_admin")]
    #[email]
    admin: String,
    #[serde(default)]
    #[items(email)]
    members: Vec<String>,
}

fn default_admin() -> String {
    "root@localhost".to_owned()
}

/// `email` is `format: email`. Asserted, the schema agrees with
/// `validate()` on ordinary addresses and ordinary mistakes; RFC 5321's
/// mailbox, which JSON Schema's format is, also takes the quoted local
/// parts and address literals that the HTML Standard's address refuses.
#[test]
fn email_every_document() {
    let schema = json_schema::<Contacts>();
    assert!(
        schema.to_string().contains(r#""format":"email""#),
        "{schema}"
    );
    let asserting = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema is a valid draft 2020-12 schema");
    let keys = vec![
        (
            "admin",
            vec![
                Some(json!("ops@example.com")),
                Some(json!("first.last+tag@mail.example.co.uk")),
                Some(json!("ops.example.com")),
                Some(json!("ops@")),
                Some(json!("a b@example.com")),
                Some(json!("ops@example..com")),
                None,
            ],
        ),
        (
            "members",
            vec![
                Some(json!(["a@example.com", "b@example.com"])),
                Some(json!(["a@example.com", "b@-example.com"])),
                None,
            ],
        ),
    ];
    let (tried, valid) = agree::<Contacts>(&asserting, &keys, 1, &|doc| doc);
    // admin 3 of 7 (its default passes), members 2 of 3.
    assert_eq!((tried, valid), (21, 6));

    for wider in [r#""a b"@example.com"#, "ops@[127.0.0.1]"] {
        let document = json!({ "admin": wider });
        assert!(asserting.is_valid(&document), "{document}");
        let contacts: Contacts = serde_json::from_value(document).expect("deserializes");
        assert!(!contacts.is_valid(), "{wider}");
    }
}

#[derive(serde::Deserialize, lowbit_core::Validate)]
struct Timeouts {
    #[range(min = "1s", max = "1h")]
    request: std::time::Duration,
    #[range(exclusive_min = "1500ms", exclusive_max = "1d")]
    idle: Option<std::time::Duration>,
}

/// A duration is `{secs, nanos}` to serde; its range bounds both, so that
/// the schema and `validate()` agree at each bound, a nanosecond either
/// side of it, and on `null`.
#[test]
fn duration_range_every_document() {
    let validator = validator::<Timeouts>();
    let duration = |secs: u64, nanos: u32| Some(json!({"secs": secs, "nanos": nanos}));
    let keys = vec![
        (
            "request",
            vec![
                duration(0, 999_999_999),
                duration(1, 0),
                duration(1, 1),
                duration(3599, 999_999_999),
                duration(3600, 0),
                duration(3600, 1),
                duration(3601, 0),
                None,
            ],
        ),
        (
            "idle",
            vec![
                Some(json!(null)),
                duration(1, 0),
                duration(1, 500_000_000),
                duration(1, 500_000_001),
                duration(2, 0),
                duration(86_399, 999_999_999),
                duration(86_400, 0),
                duration(0, 600_000_000),
                None,
            ],
        ),
    ];
    let (tried, valid) = agree::<Timeouts>(&validator, &keys, 1, &|doc| doc);
    // request 4 of 8 (absent fails: no default), idle 5 of 9.
    assert_eq!((tried, valid), (72, 20));
    assert_eq!(
        json_schema::<Timeouts>()["$defs"]["Timeouts.rules"]["allOf"][0]["properties"]["request"]["allOf"]
            [0],
        json!({"properties": {"secs": {"minimum": 1, "maximum": 3600}}})
    );
}

#[derive(serde::Deserialize, lowbit_core::Validate)]
struct Counted {
    #[length(min = 5, max = 8, unit = "bytes")]
    key: String,
    #[length(min = 1, max = 2, unit = "graphemes")]
    flag: String,
    #[length(min = 3, max = 4, unit = "utf16")]
    js: String,
    #[length(max = 3, unit = "chars")]
    code: String,
}

/// JSON Schema counts code points, so a length in another unit is bounds
/// on code points that every string within it meets: `validate()` never
/// accepts what the schema refuses. The schema is looser, and says so:
/// some strings it accepts `validate()` refuses.
#[test]
fn length_units_are_true_code_point_bounds() {
    let validator = validator::<Counted>();
    let rules = &json_schema::<Counted>()["$defs"]["Counted.rules"]["allOf"];
    let bounds = |index: usize, field: &str| {
        let schema = &rules[index]["properties"][field];
        (schema["minLength"].clone(), schema["maxLength"].clone())
    };
    assert_eq!(bounds(0, "key"), (json!(2), json!(8)));
    assert_eq!(bounds(1, "flag"), (json!(1), Value::Null));
    assert_eq!(bounds(2, "js"), (json!(2), json!(4)));
    assert_eq!(bounds(3, "code"), (Value::Null, json!(3)));
    let texts = [
        "",
        "a",
        "ab",
        "abc",
        "abcd",
        "abcde",
        "abcdefgh",
        "abcdefghi",
        "é",
        "éé",
        "ééé",
        "éééé",
        "😀",
        "😀😀",
        "😀a",
        "🇫🇷",
        "🇫🇷🇩🇪",
        "🇫🇷🇩🇪🇮🇹",
        "e\u{301}",
    ];
    let (mut looser, mut tried) = (0, 0);
    for key in texts {
        for flag in texts {
            for js in texts {
                let code = "ab";
                let document = json!({"key": key, "flag": flag, "js": js, "code": code});
                let (rust, schema) = verdicts::<Counted>(&validator, &document);
                assert!(
                    schema || !rust,
                    "the schema refuses what validate() accepts: {document}"
                );
                looser += u32::from(schema && !rust);
                tried += 1;
            }
        }
    }
    assert_eq!(tried, 19 * 19 * 19);
    assert!(looser > 0);
    // "éé" is 4 bytes, below 5, and 2 code points, which the schema's
    // `minLength` of 2 admits.
    let refused = json!({"key": "éé", "flag": "a", "js": "abc", "code": "ab"});
    assert_eq!(verdicts::<Counted>(&validator, &refused), (false, true));
}
