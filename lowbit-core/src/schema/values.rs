//! The schema of a rule on one value, whatever struct it sits in: bounds,
//! lengths, text tests, sets of names, and the rules inside `items(..)` and
//! `keys(..)`.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Every item (or key) of a value of `kind`, at `path`, holds `rules`: a
/// list's `items`, a map's `additionalProperties` (or `propertyNames`).
pub(super) fn entries_schema(kind: &Kind, rules: &[RuleInfo], keys: bool, path: &str) -> Value {
    match kind {
        Kind::Optional(inner) => {
            let inner = entries_schema(inner, rules, keys, path);
            json!({"anyOf": [{"type": "null"}, inner]})
        }
        Kind::List { items, .. } if !keys => {
            json!({"items": item_rules(items, rules, &format!("{path}[i]"))})
        }
        Kind::Map(_) if keys => {
            json!({"propertyNames": item_rules(&Kind::Text, rules, &format!("{path}[\"key\"]"))})
        }
        Kind::Map(values) => {
            json!({"additionalProperties": item_rules(values, rules, &format!("{path}[\"key\"]"))})
        }
        _ => Value::Bool(true),
    }
}

/// One value of `kind`, at `path`, holds each of `rules`.
pub(super) fn item_rules(kind: &Kind, rules: &[RuleInfo], path: &str) -> Value {
    let schemas = rules
        .iter()
        .map(|rule| {
            let mut schema = value_rule(kind, &rule.kind, path);
            let message = rule
                .message
                .replace("{path}", path)
                .replace("{value}", "the value");
            if message.is_empty() {
                return schema;
            }
            if let Value::Object(object) = &mut schema {
                object.insert("description".into(), json!(message));
            } else {
                schema = json!({"allOf": [schema], "description": message});
            }
            schema
        })
        .collect();
    all(schemas)
}

/// A rule about one value of `kind`, as a schema of that value.
pub(super) fn value_rule(kind: &Kind, rule: &RuleKind, path: &str) -> Value {
    match rule {
        RuleKind::OneOf(values) => {
            let members = members(kind, values);
            if let Kind::Optional(_) = kind {
                json!({"anyOf": [{"type": "null"}, members]})
            } else {
                members
            }
        }
        RuleKind::NoneOf(values) => not(members(kind, values)),
        RuleKind::Range {
            min,
            max,
            exclusive_min,
            exclusive_max,
            ..
        } => {
            let bounds = range_bounds(
                (min.as_ref(), *exclusive_min),
                (max.as_ref(), *exclusive_max),
            );
            json!({"anyOf": [{"not": {"type": "number"}}, bounds]})
        }
        RuleKind::Length { min, max, unit } => {
            let (min, max) = code_points(*min, *max, *unit);
            length_schema(min, max)
        }
        RuleKind::NonEmpty => length_schema(Some(1), None),
        RuleKind::Forbidden => not(set_schema(kind)),
        RuleKind::Required => set_schema(kind),
        RuleKind::Unique => unique_schema(),
        RuleKind::Prefix(_)
        | RuleKind::Suffix(_)
        | RuleKind::Contains(_)
        | RuleKind::DoesNotContain(_)
        | RuleKind::Ascii
        | RuleKind::Alphanumeric
        | RuleKind::Ip
        | RuleKind::Ipv4
        | RuleKind::Ipv6
        | RuleKind::Pattern(_)
        | RuleKind::Url(_)
        | RuleKind::Email => text_schema(rule),
        RuleKind::Items(rules) => entries_schema(kind, rules, false, path),
        RuleKind::Keys(rules) => entries_schema(kind, rules, true, path),
        _ => Value::Bool(true),
    }
}

/// `unique` as `uniqueItems`, which applies to arrays only, so that an
/// absent list (`null`) passes.
pub(super) fn unique_schema() -> Value {
    json!({"uniqueItems": true})
}

/// A range bound where it is a literal, and whether it excludes itself.
pub(super) type Bound<'a> = (Option<&'a Literal>, bool);

/// A range's literal bounds as `minimum`/`maximum`, or, where a bound
/// excludes itself, `exclusiveMinimum`/`exclusiveMaximum`.
pub(super) fn range_bounds(
    (min, exclusive_min): Bound<'_>,
    (max, exclusive_max): Bound<'_>,
) -> Value {
    let mut bounds = Map::new();
    if let Some(min) = min.and_then(literal_json) {
        let keyword = if exclusive_min {
            "exclusiveMinimum"
        } else {
            "minimum"
        };
        bounds.insert(keyword.into(), min);
    }
    if let Some(max) = max.and_then(literal_json) {
        let keyword = if exclusive_max {
            "exclusiveMaximum"
        } else {
            "maximum"
        };
        bounds.insert(keyword.into(), max);
    }
    Value::Object(bounds)
}

/// A range of a `Duration`, which serde writes as `{"secs": .., "nanos":
/// ..}`: its whole seconds bounded, and, for a bound `s` seconds and `n`
/// nanoseconds, a value of exactly `s` seconds held to its nanoseconds.
/// Applies to objects only, so `null` passes.
pub(super) fn duration_range(
    (min, exclusive_min): Bound<'_>,
    (max, exclusive_max): Bound<'_>,
) -> Value {
    let mut secs = Map::new();
    let mut edges = Vec::new();
    // At the bound's second, the nanoseconds that break it.
    let mut edge = |bound: &std::time::Duration, keyword: &str| {
        // An object: under `not`, `properties` and `required` alone would
        // hold of `null` and refuse it.
        edges.push(not(json!({
            "type": "object",
            "properties": {
                "secs": {"const": bound.as_secs()},
                "nanos": {keyword: bound.subsec_nanos()},
            },
            "required": ["secs", "nanos"],
        })));
    };
    if let Some(Literal::Duration(min)) = min {
        secs.insert("minimum".into(), json!(min.as_secs()));
        if exclusive_min {
            edge(min, "maximum");
        } else if min.subsec_nanos() > 0 {
            edge(min, "exclusiveMaximum");
        }
    }
    if let Some(Literal::Duration(max)) = max {
        secs.insert("maximum".into(), json!(max.as_secs()));
        edge(
            max,
            if exclusive_max {
                "minimum"
            } else {
                "exclusiveMinimum"
            },
        );
    }
    let mut schemas = vec![json!({"properties": {"secs": Value::Object(secs)}})];
    schemas.extend(edges);
    all(schemas)
}

/// A test of a string's text as a `pattern` (an address's as a `format`),
/// which applies to strings only, so that an absent value (`null`) passes,
/// as it does `validate()`.
/// Patterns are ECMA-262 regular expressions with Unicode semantics: the
/// text of `prefix` and its kin is escaped as such, and `alphanumeric` is
/// the union of Unicode's `Alphabetic` and `N` (numbers) properties, which
/// is what `char::is_alphanumeric` tests.
pub(super) fn text_schema(rule: &RuleKind) -> Value {
    let pattern = match rule {
        RuleKind::Prefix(text) => format!("^{}", escape_pattern(text)),
        RuleKind::Suffix(text) => format!("{}$", escape_pattern(text)),
        RuleKind::Contains(text) | RuleKind::DoesNotContain(text) => escape_pattern(text),
        RuleKind::Ascii => r"^[\x00-\x7F]*$".to_owned(),
        RuleKind::Alphanumeric => r"^[\p{Alphabetic}\p{N}]*$".to_owned(),
        RuleKind::Pattern(source) => (*source).to_owned(),
        // Formats, like patterns, pass what is no string.
        RuleKind::Ipv4 => return json!({"format": "ipv4"}),
        RuleKind::Ipv6 => return json!({"format": "ipv6"}),
        RuleKind::Ip => return json!({"anyOf": [{"format": "ipv4"}, {"format": "ipv6"}]}),
        RuleKind::Email => return json!({"format": "email"}),
        RuleKind::Url(schemes) if schemes.is_empty() => return json!({"format": "uri"}),
        RuleKind::Url(schemes) => {
            return json!({"format": "uri", "pattern": scheme_pattern(schemes)});
        }
        _ => return Value::Bool(true),
    };
    if let RuleKind::DoesNotContain(_) = rule {
        json!({"not": {"type": "string", "pattern": pattern}})
    } else {
        json!({"pattern": pattern})
    }
}

/// Whether `text` passes a test of its text, for defaults.
pub(super) fn text_holds(rule: &RuleKind, text: &str) -> bool {
    match rule {
        RuleKind::Prefix(part) => text.starts_with(part),
        RuleKind::Suffix(part) => text.ends_with(part),
        RuleKind::Contains(part) => text.contains(part),
        RuleKind::DoesNotContain(part) => !text.contains(part),
        RuleKind::Ascii => text.is_ascii(),
        RuleKind::Alphanumeric => text.chars().all(char::is_alphanumeric),
        RuleKind::Ip => text.parse::<std::net::IpAddr>().is_ok(),
        RuleKind::Ipv4 => text.parse::<std::net::Ipv4Addr>().is_ok(),
        RuleKind::Ipv6 => text.parse::<std::net::Ipv6Addr>().is_ok(),
        RuleKind::Email => !crate::__private::email::not_email(Some(text)),
        #[cfg(feature = "url")]
        RuleKind::Url(schemes) => url::Url::parse(text)
            .is_ok_and(|url| schemes.is_empty() || schemes.contains(&url.scheme())),
        #[cfg(feature = "regex")]
        RuleKind::Pattern(source) => {
            regex::Regex::new(source).is_ok_and(|pattern| pattern.is_match(text))
        }
        _ => true,
    }
}

/// A text that starts with one of `schemes` and `:`, in either case:
/// `^(?:[hH][tT][tT][pP]|..):`. ECMA-262 has no inline flag for case, and
/// the `+`, `-` and `.` a scheme may hold are escaped where they need it.
pub(super) fn scheme_pattern(schemes: &[&str]) -> String {
    let either_case = |scheme: &&str| -> String {
        scheme
            .chars()
            .map(|c| {
                if c.is_ascii_alphabetic() {
                    format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase())
                } else {
                    escape_pattern(&c.to_string())
                }
            })
            .collect()
    };
    let alternatives: Vec<String> = schemes.iter().map(either_case).collect();
    format!("^(?:{}):", alternatives.join("|"))
}

/// `text` as a pattern that matches it literally: ECMA-262's syntax
/// characters escaped, and no other (Unicode patterns refuse escapes of
/// characters that need none).
pub(super) fn escape_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len());
    for c in text.chars() {
        if "^$\\.*+?()[]{}|/".contains(c) {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern
}

/// A string's, list's or map's length between `min` and `max`.
/// A string's length bounds in another unit as bounds on its code points
/// (JSON Schema's `minLength`/`maxLength`) that every string within them
/// meets: a code point is 1 to 4 bytes, 1 or 2 UTF-16 units, and a
/// grapheme 1 code point or more (with no upper bound).
pub(super) fn code_points(
    min: Option<usize>,
    max: Option<usize>,
    unit: Option<LengthUnit>,
) -> (Option<usize>, Option<usize>) {
    match unit {
        None | Some(LengthUnit::Chars) => (min, max),
        Some(LengthUnit::Bytes) => (min.map(|min| min.div_ceil(4)), max),
        Some(LengthUnit::Utf16) => (min.map(|min| min.div_ceil(2)), max),
        Some(LengthUnit::Graphemes) => (min, None),
    }
}

pub(super) fn length_schema(min: Option<usize>, max: Option<usize>) -> Value {
    let mut schema = Map::new();
    for (keyword, bound) in [
        ("minLength", min),
        ("maxLength", max),
        ("minItems", min),
        ("maxItems", max),
        ("minProperties", min),
        ("maxProperties", max),
    ] {
        if let Some(bound) = bound {
            schema.insert(keyword.into(), json!(bound));
        }
    }
    Value::Object(schema)
}
