//! The rules the derive records as data: every rule of the port is there,
//! with the path, condition, values and message `validate()` uses, and the
//! generated documentation lists them.

use bitnet_config::{LowBitQuantizationConfig, LowBitRhoConfig, ModelConfig};
use lowbit_core::shape::{
    Condition, Datum, Kind, Literal, Named, RuleKind, Shape, StructShape, Tagging, Test,
};
use lowbit_core::{Validate, docs};

fn struct_of<T: Shape>() -> StructShape {
    match T::shape() {
        Kind::Named(named) => match named.describe() {
            Named::Struct(shape) => shape,
            Named::Enum(_) => panic!("an enum"),
        },
        other => panic!("not a named type: {other:?}"),
    }
}

#[test]
fn every_rule_of_rho_is_recorded() {
    let rho = struct_of::<LowBitRhoConfig>();
    let rules: Vec<(&str, Vec<&str>)> = rho
        .rules
        .iter()
        .map(|rule| (rule.code(), rule.subject.clone()))
        .collect();
    assert_eq!(
        rules,
        [
            ("conflicts_with", vec!["precision"]),
            ("one_of", vec!["precision"]),
            ("one_of", vec!["compression"]),
            ("only_if", vec!["compression"]),
        ]
    );
    let only_if = &rho.rules[3];
    let RuleKind::OnlyIf(Condition::Test(path, Test::Eq(Literal::Str(value)))) = &only_if.kind
    else {
        panic!("{:?}", only_if.kind)
    };
    assert_eq!(
        (path.as_slice(), *value),
        (&["compression_interval"][..], "chunk")
    );
    assert_eq!(
        only_if.when,
        [
            Literal::Str("int8_block_exp"),
            Literal::Str("ternary_block_exp"),
            Literal::Str("binary_block_exp")
        ]
    );
    assert_eq!(
        only_if.message,
        r#"block-compressed {path} currently supports only compression_interval = "chunk""#
            .replace("{path}", "model.rho.compression")
    );
}

#[test]
fn fields_defaults_and_gate_are_recorded() {
    let quant = struct_of::<LowBitQuantizationConfig>();
    assert_eq!(quant.gate.as_deref(), Some(&["enable"][..]));
    let names: Vec<&str> = quant.fields.iter().map(|field| field.name).collect();
    assert!(names.contains(&"saved_activations"), "{names:?}");
    let enable = quant
        .fields
        .iter()
        .find(|field| field.name == "enable")
        .unwrap();
    assert!(matches!(enable.kind, Kind::Bool));
    assert_eq!(enable.default, Some(Datum::Bool(false)));
    let ungated: Vec<&str> = quant
        .rules
        .iter()
        .filter(|rule| !rule.gated)
        .map(lowbit_core::shape::RuleInfo::code)
        .collect();
    assert_eq!(ungated, ["requires"]);
    let format = struct_of::<LowBitRhoConfig>()
        .fields
        .into_iter()
        .find(|field| field.name == "precision")
        .unwrap();
    let Kind::Named(precision) = format.kind else {
        panic!()
    };
    let Named::Enum(precision) = precision.describe() else {
        panic!()
    };
    assert_eq!(precision.tagging, Tagging::External);
    assert_eq!(precision.variants[0].name, "fp32");
    let default = LowBitRhoConfig::default().precision;
    assert_eq!(
        format.default,
        Some(Datum::Str(
            lowbit_core::VariantNames::serde_name(&default).to_owned()
        ))
    );
}

/// Every default message in the data is the one `validate()` reports.
#[test]
fn recorded_messages_are_the_reported_ones() {
    let rho = LowBitRhoConfig {
        compression: bitnet_config::RhoCompressionConfig::Int8BlockExp,
        compression_interval: bitnet_config::RhoCompressionInterval::Step,
        ..LowBitRhoConfig::default()
    };
    let report = rho.validate().unwrap_err();
    let recorded = struct_of::<LowBitRhoConfig>();
    for violation in &report {
        let rule = recorded
            .rules
            .iter()
            .find(|rule| rule.code() == violation.code())
            .unwrap();
        let message = rule
            .message
            .replace("{path}", &violation.path().to_string())
            .replace("{value}", &violation.value().unwrap().to_string());
        assert_eq!(message, violation.to_string());
    }
}

#[test]
fn the_markdown_table_lists_every_rule_with_its_full_path() {
    let table = docs::markdown::<ModelConfig>();
    let rows: Vec<&str> = table.lines().skip(2).collect();
    let quant = struct_of::<LowBitQuantizationConfig>().rules.len();
    let rho = struct_of::<LowBitRhoConfig>().rules.len();
    let nested = struct_of::<LowBitQuantizationConfig>()
        .rules
        .iter()
        .filter(|rule| matches!(rule.kind, RuleKind::Nested))
        .count();
    assert_eq!(rows.len(), quant + rho - nested, "{table}");
    assert!(
        rows.contains(
            &r#"| `rho.compression` | `only_if` | only when `rho.compression_interval = "chunk"`; when it is "int8_block_exp", "ternary_block_exp", "binary_block_exp" | block-compressed model.rho.compression currently supports only compression_interval = "chunk" |"#
        ),
        "{table}"
    );
    assert!(
        rows.iter().any(|row| row.starts_with(
            "| `quant.protocol` | `none_of` | none of \"none\"; while `quant.enable` is set |"
        )),
        "{table}"
    );
}

#[derive(lowbit_core::Validate)]
struct Entries {
    #[items(one_of("http", "https"), length(max = 5))]
    schemes: Vec<String>,
    #[keys(length(max = 3))]
    #[items(range(min = 1))]
    jobs: std::collections::BTreeMap<String, u32>,
}

/// Rules inside `items` and `keys` are recorded inside the rule, and the
/// markdown table names the items' path, `f[i]` or `f["key"]`.
#[test]
fn items_and_keys_as_data_and_docs() {
    let shape = struct_of::<Entries>();
    let RuleKind::Items(inner) = &shape.rules[0].kind else {
        panic!("{:?}", shape.rules[0]);
    };
    assert_eq!(shape.rules[0].code(), "items");
    let codes: Vec<&str> = inner.iter().map(|rule| rule.code()).collect();
    assert_eq!(codes, ["one_of", "length"]);
    assert_eq!(
        inner[1].message,
        "{path} must have a length of at most 5, not {value}"
    );
    assert!(
        matches!(&shape.rules[1].kind, RuleKind::Keys(inner) if inner[0].message.starts_with("key {path}"))
    );
    assert_eq!(
        docs::markdown::<Entries>(),
        "| key | rule | applies | message |\n\
         |---|---|---|---|\n\
         | `schemes[i]` | `items` | one of \"http\", \"https\"; length at most 5 | schemes[i] must be one of \"http\", \"https\", not {value}; schemes[i] must have a length of at most 5, not {value} |\n\
         | `jobs` | `keys` | each key: length at most 3 | key jobs[\"key\"] must have a length of at most 3, not {value} |\n\
         | `jobs[\"key\"]` | `items` | at least 1 | jobs[\"key\"] must be at least 1, not {value} |\n"
    );
}

#[derive(lowbit_core::Validate)]
struct Addresses {
    #[ip]
    bind: String,
    #[ipv4]
    gateway: Option<String>,
    #[items(ipv6)]
    peers: Vec<String>,
}

/// The address rules are recorded as themselves, with their codes, and
/// read as words in the markdown table.
#[test]
fn address_rules_as_data_and_docs() {
    let shape = struct_of::<Addresses>();
    let codes: Vec<&str> = shape.rules.iter().map(|rule| rule.code()).collect();
    assert_eq!(codes, ["ip", "ipv4", "items"]);
    assert!(matches!(shape.rules[0].kind, RuleKind::Ip));
    assert!(
        matches!(&shape.rules[2].kind, RuleKind::Items(inner) if matches!(inner[0].kind, RuleKind::Ipv6))
    );
    assert_eq!(
        docs::markdown::<Addresses>(),
        "| key | rule | applies | message |\n\
         |---|---|---|---|\n\
         | `bind` | `ip` | an IP address (v4 or v6) | bind must be an IP address, not {value} |\n\
         | `gateway` | `ipv4` | an IPv4 address | gateway must be an IPv4 address, not {value} |\n\
         | `peers[i]` | `items` | an IPv6 address | peers[i] must be an IPv6 address, not {value} |\n"
    );
}

#[derive(lowbit_core::Validate)]
struct Hosts {
    #[unique]
    hosts: Vec<String>,
}

/// `unique` is recorded as itself and reads as words in the markdown table.
#[test]
fn unique_as_data_and_docs() {
    let shape = struct_of::<Hosts>();
    assert!(matches!(shape.rules[0].kind, RuleKind::Unique));
    assert_eq!(shape.rules[0].code(), "unique");
    assert_eq!(
        docs::markdown::<Hosts>(),
        "| key | rule | applies | message |\n\
         |---|---|---|---|\n\
         | `hosts` | `unique` | no two items equal | hosts must not repeat an earlier item |\n"
    );
}

#[derive(lowbit_core::Validate)]
struct Patterns {
    #[pattern("^[a-z]+$")]
    name: String,
    #[items(pattern(r"^(a|b)\d$"))]
    tags: Vec<String>,
}

/// `pattern` is recorded with its expression as written, and the markdown
/// table escapes the `|` it may hold.
#[test]
fn pattern_as_data_and_docs() {
    let shape = struct_of::<Patterns>();
    assert!(matches!(shape.rules[0].kind, RuleKind::Pattern("^[a-z]+$")));
    assert_eq!(shape.rules[0].code(), "pattern");
    assert!(
        matches!(&shape.rules[1].kind, RuleKind::Items(inner) if matches!(inner[0].kind, RuleKind::Pattern(r"^(a|b)\d$")))
    );
    assert_eq!(
        docs::markdown::<Patterns>(),
        "| key | rule | applies | message |\n\
         |---|---|---|---|\n\
         | `name` | `pattern` | matches `/^[a-z]+$/` | name must match /^[a-z]+$/, not {value} |\n\
         | `tags[i]` | `items` | matches `/^(a\\|b)\\d$/` | tags[i] must match /^(a\\|b)\\d$/, not {value} |\n"
    );
}

#[derive(lowbit_core::Validate)]
struct Endpoints {
    #[url]
    homepage: String,
    #[url(schemes("http", "https"))]
    api: String,
}

/// `url` is recorded with its schemes, and reads as words in the table.
#[test]
fn url_as_data_and_docs() {
    let shape = struct_of::<Endpoints>();
    assert!(matches!(&shape.rules[0].kind, RuleKind::Url(schemes) if schemes.is_empty()));
    assert!(
        matches!(&shape.rules[1].kind, RuleKind::Url(schemes) if schemes == &["http", "https"])
    );
    assert_eq!(shape.rules[1].code(), "url");
    assert_eq!(
        docs::markdown::<Endpoints>(),
        "| key | rule | applies | message |\n\
         |---|---|---|---|\n\
         | `homepage` | `url` | a URL | homepage must be a URL, not {value} |\n\
         | `api` | `url` | a URL with scheme `http` or `https` | api must be a URL whose scheme is \"http\" or \"https\", not {value} |\n"
    );
}

#[derive(lowbit_core::Validate)]
struct Contacts {
    #[email]
    admin: String,
}

/// `email` is recorded as itself, and reads as words in the table.
#[test]
fn email_as_data_and_docs() {
    let shape = struct_of::<Contacts>();
    assert!(matches!(shape.rules[0].kind, RuleKind::Email));
    assert_eq!(shape.rules[0].code(), "email");
    assert_eq!(
        docs::markdown::<Contacts>(),
        "| key | rule | applies | message |\n\
         |---|---|---|---|\n\
         | `admin` | `email` | an email address | admin must be an email address, not {value} |\n"
    );
}
