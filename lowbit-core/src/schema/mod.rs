//! JSON Schema export (feature `schema`): a config type's shape and every
//! rule it holds, as a draft 2020-12 schema that editors validate documents
//! against while they are written.
//!
//! The schema accepts what deserializes and passes `validate()`. A key the
//! document leaves out takes its serde default, in the structure and in the
//! rules alike: `only_if(interval = "chunk")` holds for a document without
//! `interval` when `"chunk"` is its default. Each rule is a subschema whose
//! `description` is the rule's message.
//!
//! ```
//! use lowbit_core::Validate;
//! use serde_json::json;
//!
//! #[derive(serde::Deserialize, Validate, Default)]
//! #[serde(rename_all = "snake_case")]
//! enum Interval { Step, #[default] Chunk, EvalOnly }
//!
//! #[derive(serde::Deserialize, Validate, Default)]
//! #[serde(default)]
//! struct Rho {
//!     #[only_if(interval = "chunk")]
//!     compress: bool,
//!     interval: Interval,
//! }
//!
//! let schema = lowbit_core::schema::json_schema::<Rho>();
//! let rho = &schema["$defs"]["Rho"];
//! assert_eq!(rho["properties"]["interval"]["default"], json!("chunk"));
//! assert_eq!(schema["$defs"]["Interval"]["enum"], json!(["step", "chunk", "eval_only"]));
//! ```
//!
//! Doc comments are `description`s, which editors (Taplo, yaml-language-server,
//! VS Code) show on hover: a field's on its property (under each alias
//! too), a struct's or enum's on its definition and on the schema itself,
//! a variant's on its branch of the enum's `anyOf` (a unit-only enum keeps
//! its `enum` of names and adds that `anyOf` when a variant has a comment).
//! A rule's description is its message.
//!
//! A field serde also reads under an alias (`#[serde(alias = "..")]`) is a
//! property under each of its names, with the same schema, and its rules
//! apply under whichever name the document uses; two names of one field in
//! one object are refused, as serde refuses a duplicate field. Under
//! `deny_unknown_fields`, `additionalProperties: false` admits the aliases.
//!
//! An `Option` field is never `required`: serde reads a missing one as
//! `None`, whatever its type. A type lowbit cannot describe (one that
//! derives no `Validate`, nor is a standard type) takes any value.
//!
//! A `#[serde(transparent)]` struct is its one field's schema, with the
//! field's rules on that value. A container with `#[serde(try_from = "T")]`
//! or `from` is `T`'s schema, as serde reads a `T`: what `try_from` refuses
//! of a `T` no schema can say.
//!
//! A newtype variant (`File(String)`) is its payload, a tuple variant an
//! array of its fields, each laid out as its enum's tagging says
//! (`{"File": "a.txt"}`, the payload beside an internal tag, under an
//! adjacent content key, or alone for an untagged enum: `anyOf` of the
//! payloads). The payload's rules hold under it. serde reads an untagged
//! enum as the first variant that fits, so a variant's rules apply only
//! where no earlier variant fits.
//!
//! Group rules say how many of their fields are set, each field "set" as
//! the rules say it (a bool `true`, a string non-empty, an `Option` present,
//! a key left out at its default): `at_least_one` is an `anyOf` of them,
//! `exactly_one` a `oneOf`, `at_most_one` a `not` of any two together.
//!
//! The text rules (`prefix`, `suffix`, `contains`, `does_not_contain`,
//! `ascii`, `alphanumeric`) are `pattern`s, which JSON Schema applies to
//! strings only, so that `null` passes them as `None` does.
//!
//! `pattern` is the JSON Schema `pattern` of the same text, and like it
//! matches anywhere unless anchored. JSON Schema reads it as an ECMA-262
//! expression, `validate()` as the `regex` crate does, and the two agree on
//! the common syntax (literals, `.`, `[a-z]` classes, `^`, `$`, groups,
//! `|`, `?`, `*`, `+`, `{n,m}`, `\s`) but not on the whole: regex's `\d`,
//! `\w` and `\b` are Unicode-aware where ECMA's are ASCII; inline flags
//! (`(?i)`), `\A`, `\z`, POSIX classes (`[[:alpha:]]`), class set
//! operations (`[a-z&&[^aeiou]]`) and `\pL` without braces are regex's
//! alone; look-around and back-references ECMA's alone (the derive refuses
//! them). Keep a `pattern` an editor should check to the common syntax.
//!
//! `url` is `format: uri`, and `url(schemes(..))` adds a `pattern` that
//! the text starts with one of them and `:` (in either case, as schemes
//! are). JSON Schema's `uri` is RFC 3986, `validate()`'s the WHATWG URL
//! Standard (the `url` crate, as browsers parse): both need a scheme, and
//! they part on the edges, WHATWG accepting what RFC 3986 does not (spaces
//! at either end trimmed, `\` for `/` and unescaped spaces or `|` in the
//! path of `http` URLs, `http:example.com`) and refusing an `http` URL
//! whose host is no host (`http://exa mple.com`, `http://`). A format is
//! an annotation unless a validator asserts it, as below.
//!
//! `email` is `format: email`. JSON Schema's is RFC 5321's mailbox, wider
//! than the HTML Standard's address that `validate()` checks: a validator
//! asserting formats accepts quoted local parts (`"a b"@example.com`) and
//! address literals (`a@[127.0.0.1]`) that `validate()` refuses; on the
//! rest they agree.
//!
//! `ipv4` and `ipv6` are the `format`s of those names, and `ip` an `anyOf`
//! of the two; a format, like a pattern, passes what is no string. Draft
//! 2020-12 makes `format` an annotation unless a validator is told to
//! assert it: the `jsonschema` crate checks formats only with
//! `should_validate_formats(true)`, and then parses them with `std::net`
//! as `validate()` does. A validator left at its default accepts any
//! string for these rules.
//!
//! `range` is `minimum`/`maximum`, or `exclusiveMinimum`/`exclusiveMaximum`
//! for its strict bounds, and passes what is no number (`null`).
//!
//! A `range` of a `std::time::Duration` (`range(min = "1s", max = "1h")`)
//! bounds the object serde writes a duration as, `{"secs": 3600, "nanos":
//! 0}`: its `secs` by the bounds' whole seconds, and, at a bound's own
//! second, its `nanos` by the bound's (a `not` of the nanoseconds that
//! break it), so that the schema and `validate()` agree to the nanosecond.
//! It applies to objects only: `null`, and a duration a field reads as
//! text through `#[serde(with = "humantime_serde")]` or the like (`"90s"`,
//! which the schema does not parse), pass it unchecked. A default of the
//! field is not checked against it either (the schema knows no
//! `Duration` value).
//!
//! `length` is `minLength`/`maxLength` for a string (and `minItems`/
//! `maxItems`, `minProperties`/`maxProperties` for a collection). JSON
//! Schema counts a string's code points, which is `length`'s default unit,
//! `chars`. In another unit the schema holds bounds on code points that
//! every string within the rule's meets, looser than the rule: a code point
//! is 1 to 4 bytes, so `unit = "bytes"` is a `maxLength` of its `max` and a
//! `minLength` of its `min` over 4, rounded up; 1 or 2 UTF-16 code units,
//! so `unit = "utf16"` is the same with `min` over 2; and a grapheme is one
//! code point or more, so `unit = "graphemes"` keeps its `minLength` and
//! has no `maxLength`.
//!
//! `required` is the key present and not `null`: an `Option` that is `Some`.
//!
//! `unique` is `uniqueItems`. JSON Schema compares items as JSON values
//! (`1` equals `1.0`; objects whatever their keys' order), `validate()` with
//! the item type's `PartialEq` after deserializing: the two agree wherever
//! equal JSON deserializes to equal values, which holds for numbers,
//! strings, enums and lists of them, and for structs that derive
//! `PartialEq`.
//!
//! `items(..)` is the `items` of a list and the `additionalProperties` of a
//! map, `keys(..)` a map's `propertyNames`, each holding the rules inside.
//!
//! What the schema cannot say, and leaves out: a `custom` rule, on a field or
//! on the whole struct (its function is code); a rule that compares a field
//! with another field, a `range` bound or a `multiple_of` divisor taken from
//! another field (and, inside `items(..)`, `multiple_of` at all); and
//! a default that itself breaks a nested type's rules (the schema trusts
//! defaults). A rule marked `warn` is left out: a schema has no warnings,
//! and a document that only breaks warnings is valid.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

mod values;

#[allow(clippy::wildcard_imports)]
use self::values::*;
use crate::shape::{
    Condition, Datum, EnumShape, FieldShape, Kind, LengthUnit, Literal, Named, NamedRef, RuleInfo,
    RuleKind, Shape, StructShape, Tagging, Test, VariantShape,
};

/// The JSON Schema (draft 2020-12) of `T`: its structure, its defaults, and
/// every rule `validate()` checks.
#[must_use]
pub fn json_schema<T: Shape + ?Sized>() -> Value {
    let mut schemas = Schemas::default();
    let kind = T::shape();
    let structure = schemas.kind(&kind);
    let rules = schemas.rules(&kind);
    let mut root = Map::new();
    root.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    if let Kind::Named(named) = &kind {
        root.insert("title".into(), json!(short_name(named.name)));
        let doc = match named.describe() {
            Named::Struct(shape) => shape.doc,
            Named::Enum(shape) => shape.doc,
        };
        if !doc.is_empty() {
            root.insert("description".into(), json!(doc));
        }
    }
    root.insert("allOf".into(), json!([structure, rules]));
    root.insert(
        "$defs".into(),
        Value::Object(schemas.defs.into_iter().collect()),
    );
    Value::Object(root)
}

/// The `$defs` being written: each named type's structure under its name,
/// and its rules under `<name>.rules`.
#[derive(Default)]
struct Schemas {
    defs: BTreeMap<String, Value>,
    /// The key of each type met, by its Rust path.
    keys: BTreeMap<&'static str, String>,
}

impl Schemas {
    /// The key of a named type's definitions, written on first use.
    fn key(&mut self, named: &NamedRef) -> String {
        if let Some(key) = self.keys.get(named.name) {
            return key.clone();
        }
        let short = short_name(named.name);
        let mut key = short.clone();
        let mut n = 2;
        while self.keys.values().any(|taken| *taken == key) {
            key = format!("{short}_{n}");
            n += 1;
        }
        self.keys.insert(named.name, key.clone());
        // Placeholders first, so that a type that contains itself refers to
        // its definitions instead of writing them forever.
        self.defs.insert(key.clone(), Value::Bool(true));
        self.defs.insert(format!("{key}.rules"), Value::Bool(true));
        let (structure, rules) = match named.describe() {
            Named::Struct(shape) => (self.object(&shape), self.struct_rules(&shape)),
            Named::Enum(shape) => (self.enumeration(&shape), self.enum_rules(&shape)),
        };
        self.defs.insert(key.clone(), structure);
        self.defs.insert(format!("{key}.rules"), rules);
        key
    }

    /// What values of `kind` look like.
    fn kind(&mut self, kind: &Kind) -> Value {
        match kind {
            Kind::Bool => json!({"type": "boolean"}),
            Kind::Integer { min, max } => {
                let mut schema = Map::new();
                schema.insert("type".into(), json!("integer"));
                if let Ok(min) = i64::try_from(*min) {
                    schema.insert("minimum".into(), json!(min));
                }
                if let Ok(max) = u64::try_from(*max) {
                    schema.insert("maximum".into(), json!(max));
                }
                Value::Object(schema)
            }
            Kind::Number => json!({"type": "number"}),
            Kind::Text => json!({"type": "string"}),
            Kind::Optional(inner) => {
                let inner = self.kind(inner);
                json!({"anyOf": [{"type": "null"}, inner]})
            }
            Kind::List { items, len } => {
                let mut schema = Map::new();
                schema.insert("type".into(), json!("array"));
                schema.insert("items".into(), self.kind(items));
                if let Some(len) = len {
                    schema.insert("minItems".into(), json!(len));
                    schema.insert("maxItems".into(), json!(len));
                }
                Value::Object(schema)
            }
            Kind::Map(values) => {
                let values = self.kind(values);
                json!({"type": "object", "additionalProperties": values})
            }
            Kind::Named(named) => {
                let key = self.key(named);
                json!({"$ref": format!("#/$defs/{key}")})
            }
            Kind::Any => Value::Bool(true),
        }
    }

    /// The rules that values of `kind` hold (`true` where there are none).
    fn rules(&mut self, kind: &Kind) -> Value {
        match kind {
            Kind::Optional(inner) => {
                let inner = self.rules(inner);
                json!({"anyOf": [{"type": "null"}, inner]})
            }
            Kind::List { items, .. } => {
                let items = self.rules(items);
                json!({"items": items})
            }
            Kind::Map(values) => {
                let values = self.rules(values);
                json!({"additionalProperties": values})
            }
            Kind::Named(named) => {
                let key = self.key(named);
                json!({"$ref": format!("#/$defs/{key}.rules")})
            }
            _ => Value::Bool(true),
        }
    }

    /// A struct's structure: its properties, their defaults, and which are
    /// required. A field serde reads under aliases too has a property
    /// under each name, at most one of them present (serde refuses a
    /// duplicate field).
    fn object(&mut self, shape: &StructShape) -> Value {
        if shape.transparent
            && let Some(field) = shape.fields.first()
        {
            let schema = self.kind(&field.kind);
            return described(schema, shape.doc);
        }
        let mut properties = Map::new();
        let mut required = Vec::new();
        let mut constraints = Vec::new();
        for field in &shape.fields {
            if field.flatten {
                constraints.push(self.kind(&field.kind));
                continue;
            }
            let mut schema = self.kind(&field.kind);
            schema = described(schema, field.doc);
            let mut needed = false;
            match (&field.default, &schema) {
                (Some(default), Value::Object(_)) => {
                    if let Some(default) = datum_json(default) {
                        schema["default"] = default;
                    }
                }
                (None, _) if !matches!(field.kind, Kind::Optional(_)) => needed = true,
                _ => {}
            }
            for name in field.names() {
                properties.insert(name.to_owned(), schema.clone());
            }
            if field.aliases.is_empty() {
                if needed {
                    required.push(json!(field.name));
                }
                continue;
            }
            let names: Vec<&str> = field.names().collect();
            if needed {
                constraints.push(any_present(&names));
            }
            let mut pairs = Vec::new();
            for (i, first) in names.iter().enumerate() {
                for second in &names[i + 1..] {
                    pairs.push(json!({"required": [first, second]}));
                }
            }
            constraints.push(not(json!({"anyOf": pairs})));
        }
        let flattened = shape.fields.iter().any(|field| field.flatten);
        let mut object = Map::new();
        if !shape.doc.is_empty() {
            object.insert("description".into(), json!(shape.doc));
        }
        object.insert("type".into(), json!("object"));
        object.insert("properties".into(), Value::Object(properties));
        if !required.is_empty() {
            object.insert("required".into(), Value::Array(required));
        }
        if shape.deny_unknown_fields && !flattened {
            object.insert("additionalProperties".into(), json!(false));
        }
        if !constraints.is_empty() {
            object.insert("allOf".into(), Value::Array(constraints));
        }
        Value::Object(object)
    }

    /// Every rule of a struct, the gated ones behind its gate.
    fn struct_rules(&mut self, shape: &StructShape) -> Value {
        let mut always = Vec::new();
        let mut gated = Vec::new();
        // A warning leaves the document valid, which is all a schema says.
        for rule in shape.rules.iter().filter(|rule| !rule.warn) {
            let schema = self.rule(shape, rule);
            if rule.gated {
                gated.push(schema);
            } else {
                always.push(schema);
            }
        }
        // The rules of flattened fields apply at this level.
        for field in shape.fields.iter().filter(|field| field.flatten) {
            always.push(self.rules(&field.kind));
        }
        if let (Some(gate), false) = (&shape.gate, gated.is_empty()) {
            let set = Cx { shape }.set(gate);
            always.push(json!({"if": set, "then": all(gated)}));
        }
        all(always)
    }

    fn rule(&mut self, shape: &StructShape, rule: &RuleInfo) -> Value {
        // JSON Schema cannot compare one value with another: such a rule is
        // left out, so that the schema never refuses what `validate` accepts.
        if rule_compares_fields(rule) {
            return Value::Bool(true);
        }
        let schema = self.rule_itself(shape, rule);
        match &rule.guard {
            Some(guard) => json!({"if": Cx { shape }.condition(guard), "then": schema}),
            None => schema,
        }
    }

    fn rule_itself(&mut self, shape: &StructShape, rule: &RuleInfo) -> Value {
        let cx = Cx { shape };
        let subject = &rule.subject;
        let trigger = || {
            if rule.when.is_empty() {
                cx.set(subject)
            } else {
                cx.member(subject, &rule.when)
            }
        };
        let mut schema = match &rule.kind {
            RuleKind::OneOf(values) => cx.one_of(subject, values),
            RuleKind::NoneOf(values) => not(cx.member(subject, values)),
            RuleKind::Requires(conditions) => {
                let conditions: Vec<Value> = conditions.iter().map(|c| cx.condition(c)).collect();
                json!({"if": trigger(), "then": all(conditions)})
            }
            RuleKind::OnlyIf(condition) => {
                json!({"if": trigger(), "then": cx.condition(condition)})
            }
            RuleKind::ConflictsWith(condition) => {
                not(json!({"allOf": [trigger(), cx.condition(condition)]}))
            }
            RuleKind::RequiredIf(condition) => {
                json!({"if": cx.condition(condition), "then": cx.set(subject)})
            }
            RuleKind::Nested => {
                let kind = cx.kind_at(subject);
                let rules = self.rules(&kind);
                cx.at(subject, rules, &|_| true)
            }
            RuleKind::Range {
                min,
                max,
                exclusive_min,
                exclusive_max,
                ..
            } if [min, max]
                .into_iter()
                .any(|bound| matches!(bound, Some(Literal::Duration(_)))) =>
            {
                let schema = duration_range(
                    (min.as_ref(), *exclusive_min),
                    (max.as_ref(), *exclusive_max),
                );
                cx.at(subject, schema, &|_| true)
            }
            // A bound from another field is left out: JSON Schema cannot
            // compare two values.
            RuleKind::Range {
                min,
                max,
                exclusive_min,
                exclusive_max,
                ..
            } => cx.range(
                subject,
                (min.as_ref(), *exclusive_min),
                (max.as_ref(), *exclusive_max),
            ),
            RuleKind::MultipleOf { value, .. } => {
                let divisor = match value {
                    Some(Literal::Int(int)) => Some(int.unsigned_abs() as f64),
                    Some(Literal::Float(float)) => Some(float.abs()),
                    _ => None,
                };
                match divisor.filter(|divisor| *divisor > 0.0) {
                    Some(divisor) => {
                        let schema = json!({"multipleOf": divisor});
                        cx.at(subject, schema, &move |datum| match datum {
                            Datum::Int(int) => (*int as f64 % divisor) == 0.0,
                            Datum::UInt(int) => (*int as f64 % divisor) == 0.0,
                            Datum::Float(float) => (float % divisor) == 0.0,
                            _ => true,
                        })
                    }
                    None => Value::Bool(true),
                }
            }
            RuleKind::Length { min, max, unit } => {
                let (min, max) = code_points(*min, *max, *unit);
                cx.length(subject, min, max)
            }
            RuleKind::NonEmpty => cx.length(subject, Some(1), None),
            RuleKind::Forbidden => not(cx.set(subject)),
            // An `Option` is set when it is `Some`: the key is present and
            // not `null`.
            RuleKind::Required => cx.set(subject),
            RuleKind::Unique => cx.at(subject, unique_schema(), &|datum| match datum {
                Datum::List(items) => items
                    .iter()
                    .enumerate()
                    .all(|(index, item)| !items[..index].contains(item)),
                _ => true,
            }),
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
            | RuleKind::Email => {
                let kind = &rule.kind;
                cx.at(subject, text_schema(kind), &|datum| match datum {
                    Datum::Str(text) => text_holds(kind, text),
                    _ => true,
                })
            }
            RuleKind::AtMostOne(members) => {
                let sets: Vec<Value> = members.iter().map(|member| cx.set(&[member])).collect();
                let mut pairs = Vec::new();
                for (i, first) in sets.iter().enumerate() {
                    for second in &sets[i + 1..] {
                        pairs.push(json!({"allOf": [first, second]}));
                    }
                }
                not(json!({"anyOf": pairs}))
            }
            RuleKind::ExactlyOne(members) => {
                let sets: Vec<Value> = members.iter().map(|member| cx.set(&[member])).collect();
                json!({"oneOf": sets})
            }
            RuleKind::AtLeastOne(members) => {
                let sets: Vec<Value> = members.iter().map(|member| cx.set(&[member])).collect();
                json!({"anyOf": sets})
            }
            RuleKind::Custom { .. } => Value::Bool(true),
            // The rules inside carry their own descriptions.
            RuleKind::Items(rules) => return self.entries(shape, rule, rules, false),
            RuleKind::Keys(rules) => return self.entries(shape, rule, rules, true),
        };
        let message = rule
            .message
            .replace("{path}", &subject.join("."))
            .replace("{value}", "the value");
        if let Value::Object(object) = &mut schema {
            object.insert("description".into(), json!(message));
        } else {
            schema = json!({"allOf": [schema], "description": message});
        }
        schema
    }

    /// An enum's values: its names, or for variants with data, each
    /// variant laid out as serde lays it out.
    fn enumeration(&mut self, shape: &EnumShape) -> Value {
        let mut schema = Map::new();
        if !shape.doc.is_empty() {
            schema.insert("description".into(), json!(shape.doc));
        }
        if shape
            .variants
            .iter()
            .all(|variant| variant.fields.is_none() && variant.payload.is_none())
        {
            let names: Vec<&str> = shape.variants.iter().flat_map(names_of).collect();
            schema.insert("type".into(), json!("string"));
            schema.insert("enum".into(), json!(names));
            // Each name with its variant's doc comment, for editors to show;
            // the `enum` above already says which names there are.
            if shape.variants.iter().any(|variant| !variant.doc.is_empty()) {
                let variants = shape
                    .variants
                    .iter()
                    .map(|variant| {
                        let names = names_of(variant);
                        let schema = match names.as_slice() {
                            [name] => json!({"const": name}),
                            names => json!({"enum": names}),
                        };
                        described(schema, variant.doc)
                    })
                    .collect();
                schema.insert("anyOf".into(), Value::Array(variants));
            }
            return Value::Object(schema);
        }
        let variants: Vec<Value> = shape
            .variants
            .iter()
            .map(|variant| {
                let schema = self.variant(variant, &shape.tagging);
                described(schema, variant.doc)
            })
            .collect();
        if variants.is_empty() {
            // An enum without variants has no value.
            return Value::Bool(false);
        }
        schema.insert("anyOf".into(), Value::Array(variants));
        Value::Object(schema)
    }

    /// One variant's values, as `tagging` lays them out.
    fn variant(&mut self, variant: &VariantShape, tagging: &Tagging) -> Value {
        let name = json!(names_of(variant));
        let tag_is = |tag: &str| json!({"type": "object", "properties": {tag: {"enum": name}}, "required": [tag]});
        // What the variant holds, and whether serde takes it from a missing
        // key (an `Option` payload is `None` there).
        let (content, optional) = match (&variant.fields, &variant.payload) {
            (Some(fields), _) => (self.object(fields), false),
            (None, Some(payload)) => match payload.as_slice() {
                [kind] => (self.kind(kind), matches!(kind, Kind::Optional(_))),
                kinds => (self.tuple(kinds), false),
            },
            (None, None) => {
                return match tagging {
                    Tagging::Internal(tag) | Tagging::Adjacent(tag, _) => tag_is(tag),
                    Tagging::Untagged => json!({"type": "null"}),
                    Tagging::External => json!({"enum": name}),
                };
            }
        };
        match tagging {
            Tagging::External => json!({
                "type": "object",
                "minProperties": 1,
                "maxProperties": 1,
                "patternProperties": {"": content},
                "propertyNames": {"enum": name},
            }),
            // serde takes the tag out before it reads the payload, which
            // then sees the other keys only.
            Tagging::Internal(tag) => {
                let content = match (&variant.fields, variant.newtype()) {
                    (None, Some(kind)) => self.beside_tag(kind, tag),
                    _ => content,
                };
                json!({"allOf": [tag_is(tag), content]})
            }
            Tagging::Adjacent(tag, key) => {
                let required = if optional {
                    json!([tag])
                } else {
                    json!([tag, key])
                };
                json!({
                    "type": "object",
                    "properties": {*tag: {"enum": name}, *key: content},
                    "required": required,
                })
            }
            Tagging::Untagged => content,
        }
    }

    /// A tuple variant's values: a sequence of exactly its fields.
    fn tuple(&mut self, kinds: &[Kind]) -> Value {
        let items: Vec<Value> = kinds.iter().map(|kind| self.kind(kind)).collect();
        json!({
            "type": "array",
            "prefixItems": items,
            "minItems": kinds.len(),
            "maxItems": kinds.len(),
        })
    }

    /// An internally tagged newtype variant's payload, read from the
    /// object that holds the tag too: a struct or map admits the tag's key
    /// beside its own.
    fn beside_tag(&mut self, kind: &Kind, tag: &str) -> Value {
        match kind {
            Kind::Map(values) => {
                let values = self.kind(values);
                json!({"type": "object", "properties": {tag: true}, "additionalProperties": values})
            }
            Kind::Named(_) => match struct_of(kind) {
                Some(shape) => {
                    let mut object = self.object(&shape);
                    if let Some(Value::Object(properties)) = object.get_mut("properties") {
                        properties
                            .entry(tag.to_owned())
                            .or_insert(Value::Bool(true));
                    }
                    object
                }
                None => self.kind(kind),
            },
            _ => self.kind(kind),
        }
    }

    /// The rules of the active variant's fields, or of its payload.
    /// serde reads an untagged enum as its first variant that fits, and
    /// that variant's rules are the ones that apply.
    fn enum_rules(&mut self, shape: &EnumShape) -> Value {
        let mut rules = Vec::new();
        // An untagged enum's variants before this one, each as it fits.
        let mut earlier: Vec<Value> = Vec::new();
        for variant in &shape.variants {
            let name = json!(names_of(variant));
            let active = match &shape.tagging {
                Tagging::External => {
                    json!({"type": "object", "propertyNames": {"enum": name}, "minProperties": 1})
                }
                Tagging::Internal(tag) | Tagging::Adjacent(tag, _) => {
                    json!({"type": "object", "properties": {*tag: {"enum": name}}, "required": [tag]})
                }
                Tagging::Untagged => {
                    let fits = self.variant(variant, &shape.tagging);
                    let first = if earlier.is_empty() {
                        fits.clone()
                    } else {
                        json!({"allOf": [fits.clone(), not(json!({"anyOf": earlier.clone()}))]})
                    };
                    earlier.push(fits);
                    first
                }
            };
            let own = match (&variant.fields, variant.newtype()) {
                (Some(fields), _) if !fields.rules.is_empty() => self.struct_rules(fields),
                (None, Some(kind)) => self.rules(kind),
                _ => continue,
            };
            if own == true {
                continue;
            }
            let then = match &shape.tagging {
                Tagging::External => json!({"patternProperties": {"": own}}),
                Tagging::Adjacent(_, content) => json!({"properties": {*content: own}}),
                Tagging::Internal(_) | Tagging::Untagged => own,
            };
            rules.push(json!({"if": active, "then": then}));
        }
        all(rules)
    }
}

impl Schemas {
    /// `items(..)` (or `keys(..)`): `rules` on each item (or key) of the
    /// rule's subject.
    fn entries(
        &mut self,
        shape: &StructShape,
        rule: &RuleInfo,
        rules: &[RuleInfo],
        keys: bool,
    ) -> Value {
        let cx = Cx { shape };
        let kind = cx.kind_at(&rule.subject);
        let schema = entries_schema(&kind, rules, keys, &rule.subject.join("."));
        // A default is trusted, as `nested` trusts it.
        cx.at(&rule.subject, schema, &|_| true)
    }
}

/// The struct a rule's paths start from.
struct Cx<'a> {
    shape: &'a StructShape,
}

impl Cx<'_> {
    /// The kind of the value at `path`.
    fn kind_at(&self, path: &[&str]) -> Kind {
        // A transparent struct's rules are about its one field's value.
        if path.is_empty()
            && self.shape.transparent
            && let Some(field) = self.shape.fields.first()
        {
            return field.kind.clone();
        }
        let mut shape = self.shape.clone();
        let mut kind = Kind::Any;
        for (i, segment) in path.iter().enumerate() {
            let Some(field) = field(&shape, segment) else {
                return Kind::Any;
            };
            kind = field.kind.clone();
            if i + 1 < path.len() {
                match struct_of(&kind) {
                    Some(inner) => shape = inner,
                    None => return Kind::Any,
                }
            }
        }
        kind
    }

    /// "The value at `path` is valid against `value`", where a value the
    /// document leaves out takes its default, which `on_default` judges.
    fn at(&self, path: &[&str], value: Value, on_default: &dyn Fn(&Datum) -> bool) -> Value {
        at(self.shape, path, value, on_default)
    }

    /// The value at `path` is set.
    fn set(&self, path: &[&str]) -> Value {
        let kind = self.kind_at(path);
        let schema = set_schema(&kind);
        self.at(path, schema, &|datum| datum_set(&kind, datum))
    }

    /// The value at `path` is one of `values` (an absent `Option` is not).
    fn member(&self, path: &[&str], values: &[Literal]) -> Value {
        let kind = self.kind_at(path);
        let schema = members(&kind, values);
        self.at(path, schema, &|datum| datum_in(&kind, datum, values))
    }

    /// `one_of`: the value is one of `values`, or absent (`None`).
    fn one_of(&self, path: &[&str], values: &[Literal]) -> Value {
        let kind = self.kind_at(path);
        let members = members(&kind, values);
        let schema = if let Kind::Optional(_) = kind {
            json!({"anyOf": [{"type": "null"}, members]})
        } else {
            members
        };
        self.at(path, schema, &|datum| {
            *datum == Datum::Null || datum_in(&kind, datum, values)
        })
    }

    fn range(&self, path: &[&str], min: Bound<'_>, max: Bound<'_>) -> Value {
        let bounds = range_bounds(min, max);
        let ((min, exclusive_min), (max, exclusive_max)) = (min, max);
        let number = |datum: &Datum| match datum {
            Datum::Int(int) => Some(*int as f64),
            Datum::UInt(int) => Some(*int as f64),
            Datum::Float(float) => Some(*float),
            _ => None,
        };
        let within = move |datum: &Datum| {
            let Some(value) = number(datum) else {
                return true;
            };
            min.and_then(literal_number).is_none_or(|min| {
                if exclusive_min {
                    value > min
                } else {
                    value >= min
                }
            }) && max.and_then(literal_number).is_none_or(|max| {
                if exclusive_max {
                    value < max
                } else {
                    value <= max
                }
            })
        };
        let schema = json!({"anyOf": [{"not": {"type": "number"}}, bounds]});
        self.at(path, schema, &within)
    }

    fn length(&self, path: &[&str], min: Option<usize>, max: Option<usize>) -> Value {
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
        let within = move |datum: &Datum| {
            let len = match datum {
                Datum::Str(text) => text.chars().count(),
                Datum::List(items) => items.len(),
                Datum::Map(entries) => entries.len(),
                _ => return true,
            };
            min.is_none_or(|min| len >= min) && max.is_none_or(|max| len <= max)
        };
        self.at(path, Value::Object(schema), &within)
    }

    fn condition(&self, condition: &Condition) -> Value {
        match condition {
            Condition::Set(path) => self.set(path),
            Condition::Test(path, test) => self.test(path, test),
            Condition::Not(inner) => not(self.condition(inner)),
            Condition::All(conditions) => {
                all(conditions.iter().map(|c| self.condition(c)).collect())
            }
            Condition::Any(conditions) => {
                let conditions: Vec<Value> = conditions.iter().map(|c| self.condition(c)).collect();
                json!({"anyOf": conditions})
            }
            // A field against another field: JSON Schema cannot compare two
            // values; `rule` leaves such rules out before they get here.
            Condition::Compare(..) => Value::Bool(true),
            Condition::EveryItem(path, test) | Condition::SomeItem(path, test) => {
                let every = matches!(condition, Condition::EveryItem(..));
                let kind = self.kind_at(path);
                let item = match &kind {
                    Kind::List { items, .. } => (**items).clone(),
                    Kind::Optional(inner) => (**inner).clone(),
                    _ => Kind::Any,
                };
                let item_schema = test_schema(&item, test);
                let schema = match (&kind, every) {
                    (Kind::Optional(_), true) => json!({"anyOf": [{"type": "null"}, item_schema]}),
                    (Kind::Optional(_), false) => {
                        json!({"allOf": [{"not": {"type": "null"}}, item_schema]})
                    }
                    (_, true) => json!({"items": item_schema}),
                    (_, false) => json!({"contains": item_schema}),
                };
                let item_for_default = item.clone();
                let test_for_default = test.clone();
                self.at(path, schema, &move |datum| {
                    let items: Vec<&Datum> = match datum {
                        Datum::List(items) => items.iter().collect(),
                        Datum::Null => Vec::new(),
                        other => vec![other],
                    };
                    let passes =
                        |item: &&Datum| datum_test(&item_for_default, item, &test_for_default);
                    if every {
                        items.iter().all(passes)
                    } else {
                        items.iter().any(passes)
                    }
                })
            }
        }
    }

    fn test(&self, path: &[&str], test: &Test) -> Value {
        match test {
            Test::Eq(value) => self.member(path, std::slice::from_ref(value)),
            Test::Ne(value) => not(self.member(path, std::slice::from_ref(value))),
            Test::In(values) => self.member(path, values),
            Test::Lt(_) | Test::Le(_) | Test::Gt(_) | Test::Ge(_) => {
                let kind = self.kind_at(path);
                let schema = test_schema(&kind, test);
                let test = test.clone();
                self.at(path, schema, &move |datum| datum_test(&kind, datum, &test))
            }
        }
    }
}

/// "The value at `path` of an instance of `shape` is valid against `value`";
/// a key left out takes its default, which holds when `on_default` says so.
fn at(
    shape: &StructShape,
    path: &[&str],
    value: Value,
    on_default: &dyn Fn(&Datum) -> bool,
) -> Value {
    let Some((first, rest)) = path.split_first() else {
        return value;
    };
    let Some(field) = field(shape, first) else {
        return Value::Bool(true);
    };
    let (inner, default) = if rest.is_empty() {
        (
            value,
            field.default.clone().or_else(|| optional_default(&field)),
        )
    } else {
        let Some(inner_shape) = struct_of(&field.kind) else {
            return Value::Bool(true);
        };
        let inner = at(&inner_shape, rest, value, on_default);
        let default = field
            .default
            .as_ref()
            .and_then(|default| datum_at(default, rest).cloned());
        (inner, default)
    };
    let holds_when_absent = default.as_ref().is_some_and(on_default);
    // The value sits under whichever of the field's names the document
    // uses; the structure lets it use one at most.
    let names: Vec<&str> = field.names().collect();
    let properties: Map<String, Value> = names
        .iter()
        .map(|name| ((*name).to_owned(), inner.clone()))
        .collect();
    let mut schema = Map::new();
    schema.insert("properties".into(), Value::Object(properties));
    if !holds_when_absent && let Value::Object(present) = any_present(&names) {
        schema.extend(present);
    }
    Value::Object(schema)
}

/// One of `names` is a key of the object.
fn any_present(names: &[&str]) -> Value {
    match names {
        [name] => json!({"required": [name]}),
        names => {
            let each: Vec<Value> = names
                .iter()
                .map(|name| json!({"required": [name]}))
                .collect();
            json!({"anyOf": each})
        }
    }
}

/// An `Option` the document leaves out is `None`, as serde reads it.
fn optional_default(field: &FieldShape) -> Option<Datum> {
    matches!(field.kind, Kind::Optional(_)).then_some(Datum::Null)
}

/// The field `name` of `shape`, or of a struct flattened into it.
fn field(shape: &StructShape, name: &str) -> Option<FieldShape> {
    for field in &shape.fields {
        if field.flatten {
            if let Some(inner) = struct_of(&field.kind).and_then(|inner| self::field(&inner, name))
            {
                return Some(inner);
            }
        } else if field.name == name {
            return Some(field.clone());
        }
    }
    None
}

fn struct_of(kind: &Kind) -> Option<StructShape> {
    match kind {
        Kind::Named(named) => match named.describe() {
            Named::Struct(shape) => Some(shape),
            Named::Enum(_) => None,
        },
        _ => None,
    }
}

fn enum_of(kind: &Kind) -> Option<EnumShape> {
    match kind {
        Kind::Named(named) => match named.describe() {
            Named::Enum(shape) => Some(shape),
            Named::Struct(_) => None,
        },
        Kind::Optional(inner) => enum_of(inner),
        _ => None,
    }
}

fn datum_at<'a>(datum: &'a Datum, path: &[&str]) -> Option<&'a Datum> {
    path.iter()
        .try_fold(datum, |datum, segment| datum.get(segment))
}

/// A value that is set, by the kind's notion of set.
fn set_schema(kind: &Kind) -> Value {
    match kind {
        Kind::Bool => json!({"const": true}),
        Kind::Optional(_) => json!({"not": {"type": "null"}}),
        Kind::Text => json!({"minLength": 1}),
        Kind::List { .. } => json!({"minItems": 1}),
        Kind::Map(_) => json!({"minProperties": 1}),
        Kind::Named(_) => match enum_of(kind) {
            Some(shape) => match shape.default {
                Some(default) => json!({"not": {"enum": names_of(&shape.variants[default])}}),
                None => Value::Bool(true),
            },
            None => Value::Bool(true),
        },
        _ => Value::Bool(true),
    }
}

fn datum_set(kind: &Kind, datum: &Datum) -> bool {
    match datum {
        Datum::Bool(flag) => *flag,
        Datum::Null => false,
        Datum::Str(text) => match enum_of(kind) {
            Some(shape) => shape
                .default
                .is_none_or(|default| shape.variants[default].name != text),
            None => !text.is_empty(),
        },
        Datum::List(items) => !items.is_empty(),
        Datum::Map(entries) => !entries.is_empty(),
        _ => true,
    }
}

/// Values equal to one of `values`: for an enum, each variant's name and
/// aliases, whichever a rule named it by.
fn members(kind: &Kind, values: &[Literal]) -> Value {
    let mut allowed = Vec::new();
    let shape = enum_of(kind);
    for value in values {
        match (value, &shape) {
            (Literal::Str(name), Some(shape)) => {
                if let Some(variant) = shape
                    .variants
                    .iter()
                    .find(|variant| variant.name == *name || variant.aliases.contains(name))
                {
                    allowed.extend(names_of(variant).into_iter().map(Value::from));
                }
            }
            (value, _) => allowed.extend(literal_json(value)),
        }
    }
    json!({"enum": allowed})
}

fn datum_in(kind: &Kind, datum: &Datum, values: &[Literal]) -> bool {
    values
        .iter()
        .any(|value| datum_test(kind, datum, &Test::Eq(value.clone())))
}

fn test_schema(kind: &Kind, test: &Test) -> Value {
    match test {
        Test::Eq(value) => members(kind, std::slice::from_ref(value)),
        Test::Ne(value) => not(members(kind, std::slice::from_ref(value))),
        Test::In(values) => members(kind, values),
        Test::Lt(value) | Test::Le(value) | Test::Gt(value) | Test::Ge(value) => {
            let keyword = match test {
                Test::Lt(_) => "exclusiveMaximum",
                Test::Le(_) => "maximum",
                Test::Gt(_) => "exclusiveMinimum",
                _ => "minimum",
            };
            match literal_json(value) {
                Some(bound) => json!({"type": "number", keyword: bound}),
                None => Value::Bool(false),
            }
        }
    }
}

fn datum_test(kind: &Kind, datum: &Datum, test: &Test) -> bool {
    let equal = |value: &Literal| match (datum, value) {
        (Datum::Str(text), Literal::Str(name)) => match enum_of(kind) {
            Some(shape) => shape
                .variants
                .iter()
                .find(|variant| variant.name == *name || variant.aliases.contains(name))
                .is_some_and(|variant| variant.name == text),
            None => text == name,
        },
        (Datum::Bool(flag), Literal::Bool(other)) => flag == other,
        (Datum::Int(int), Literal::Int(other)) => int == other,
        (Datum::Int(int), Literal::Float(other)) => (*int as f64) == *other,
        (Datum::Float(float), Literal::Float(other)) => float == other,
        (Datum::Float(float), Literal::Int(other)) => *float == (*other as f64),
        _ => false,
    };
    let number = match datum {
        Datum::Int(int) => Some(*int as f64),
        Datum::UInt(int) => Some(*int as f64),
        Datum::Float(float) => Some(*float),
        _ => None,
    };
    let bound = |value: &Literal| match value {
        Literal::Int(int) => Some(*int as f64),
        Literal::Float(float) => Some(*float),
        _ => None,
    };
    let order = |value: &Literal, holds: fn(f64, f64) -> bool| {
        number
            .zip(bound(value))
            .is_some_and(|(number, bound)| holds(number, bound))
    };
    match test {
        Test::Eq(value) => equal(value),
        Test::Ne(value) => !equal(value),
        Test::In(values) => values.iter().any(equal),
        Test::Lt(value) => order(value, |a, b| a < b),
        Test::Le(value) => order(value, |a, b| a <= b),
        Test::Gt(value) => order(value, |a, b| a > b),
        Test::Ge(value) => order(value, |a, b| a >= b),
    }
}

/// Whether a rule compares a field with another field anywhere, which
/// JSON Schema cannot say.
fn rule_compares_fields(rule: &RuleInfo) -> bool {
    fn compares(condition: &Condition) -> bool {
        match condition {
            Condition::Compare(..) => true,
            Condition::Not(inner) => compares(inner),
            Condition::All(conditions) | Condition::Any(conditions) => {
                conditions.iter().any(compares)
            }
            _ => false,
        }
    }
    let in_kind = match &rule.kind {
        RuleKind::Requires(conditions) => conditions.iter().any(compares),
        RuleKind::OnlyIf(condition)
        | RuleKind::RequiredIf(condition)
        | RuleKind::ConflictsWith(condition) => compares(condition),
        _ => false,
    };
    in_kind || rule.guard.as_ref().is_some_and(compares)
}

/// `schema` with a doc comment as its `description` (none when it is empty).
fn described(schema: Value, doc: &str) -> Value {
    if doc.is_empty() {
        return schema;
    }
    match schema {
        Value::Object(mut object) => {
            object.insert("description".into(), json!(doc));
            Value::Object(object)
        }
        Value::Bool(true) => json!({"description": doc}),
        other => json!({"allOf": [other], "description": doc}),
    }
}

/// Every one of `schemas` (an empty `allOf` is not a valid schema).
fn all(mut schemas: Vec<Value>) -> Value {
    match schemas.len() {
        0 => Value::Bool(true),
        1 => schemas.pop().unwrap_or(Value::Bool(true)),
        _ => json!({"allOf": schemas}),
    }
}

fn not(schema: Value) -> Value {
    json!({"not": schema})
}

/// A variant's name and its aliases: what a document may spell it as.
fn names_of(variant: &VariantShape) -> Vec<&'static str> {
    std::iter::once(variant.name)
        .chain(variant.aliases.iter().copied())
        .collect()
}

fn literal_json(value: &Literal) -> Option<Value> {
    Some(match value {
        Literal::Str(text) => json!(text),
        Literal::Bool(flag) => json!(flag),
        Literal::Int(int) => match i64::try_from(*int) {
            Ok(int) => json!(int),
            Err(_) => json!(*int as f64),
        },
        Literal::Float(float) => serde_json::Number::from_f64(*float).map(Value::Number)?,
        // serde writes a duration as `{secs, nanos}`: see `duration_range`.
        Literal::Duration(_) => return None,
    })
}

fn literal_number(value: &Literal) -> Option<f64> {
    match value {
        Literal::Int(int) => Some(*int as f64),
        Literal::Float(float) => Some(*float),
        _ => None,
    }
}

fn datum_json(datum: &Datum) -> Option<Value> {
    Some(match datum {
        Datum::Null => Value::Null,
        Datum::Bool(flag) => json!(flag),
        Datum::Int(int) => match i64::try_from(*int) {
            Ok(int) => json!(int),
            Err(_) => json!(*int as f64),
        },
        Datum::UInt(int) => match u64::try_from(*int) {
            Ok(int) => json!(int),
            Err(_) => json!(*int as f64),
        },
        Datum::Float(float) => serde_json::Number::from_f64(*float).map(Value::Number)?,
        Datum::Str(text) => json!(text),
        Datum::List(items) => Value::Array(items.iter().map(datum_json).collect::<Option<_>>()?),
        Datum::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|(key, value)| Some((key.clone(), datum_json(value)?)))
                .collect::<Option<_>>()?,
        ),
        Datum::Unknown => return None,
    })
}

/// `RhoConfig` for `my_crate::model::RhoConfig`, and
/// `Holder_Precision_` for `a::Holder<b::Precision>`: a `$defs` key a `$ref`
/// can name as it is.
fn short_name(path: &str) -> String {
    let mut short = String::new();
    let mut segment = String::new();
    for c in path.chars() {
        if c.is_alphanumeric() || c == '_' {
            segment.push(c);
        } else if c == ':' {
            segment.clear();
        } else {
            short.push_str(&segment);
            segment.clear();
            if !short.ends_with('_') {
                short.push('_');
            }
        }
    }
    short.push_str(&segment);
    short
}
