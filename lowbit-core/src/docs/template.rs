//! A commented config file: every key at its default, each under its doc
//! comment and its rules in words. See [`template`].

use serde::Serialize;

use super::datum::datum_of;
use crate::shape::{Datum, Kind, Named, RuleInfo, RuleKind, Shape, StructShape};

/// The format a template is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// TOML: nested structs as `[tables]`.
    Toml,
    /// YAML: nested structs as indented mappings.
    Yaml,
}

/// A complete config file for `T`, in `format`: every key at its default,
/// each preceded by its doc comment and its rules in words
/// (`# one of "fp32", "bf16"`, `# required when strict_bitnet_reference`),
/// a rule a line. Nested structs are tables (`[a.b]` in TOML, indented
/// mappings in YAML), as are maps that hold entries.
///
/// The defaults are `T::default()`, serialized with serde (hence the
/// bounds), so the file spells them as serde reads them back. A field with
/// a serde default of its own (`#[serde(default = "path")]`) is written at
/// that default, where lowbit can spell it; where `T::default()` agrees
/// with the fields' serde defaults, the file loads as written into
/// `T::default()`. An `Option` that is `None`, and a value the format
/// cannot spell (`null` in TOML), are written commented out, with an
/// example value where lowbit can make one. The template writes the
/// defaults as they are: one that breaks a rule is written all the same,
/// and a loader reports it.
///
/// ```
/// use lowbit_core::Validate;
/// use lowbit_core::docs::{template, Format};
///
/// #[derive(serde::Deserialize, serde::Serialize, Validate, Default)]
/// struct Pool {
///     /// How many workers run.
///     #[range(max = 64)]
///     workers: u8,
/// }
///
/// assert_eq!(
///     template::<Pool>(Format::Toml),
///     "# How many workers run.\n# at most 64\nworkers = 0\n",
/// );
/// assert_eq!(
///     template::<Pool>(Format::Yaml),
///     "# How many workers run.\n# at most 64\nworkers: 0\n",
/// );
/// ```
#[must_use]
pub fn template<T: Shape + Serialize + Default>(format: Format) -> String {
    Template::new().render::<T>(format)
}

/// Options of a template: [`template`] with the config under a table.
#[derive(Clone, Debug, Default)]
pub struct Template {
    table: Vec<String>,
}

impl Template {
    /// A template of the whole file.
    #[must_use]
    pub fn new() -> Self {
        Template::default()
    }

    /// The config sits under this table (`"model"`, or dotted, `"a.b"`),
    /// as a loader's `.table(..)` reads it.
    #[must_use]
    pub fn table(mut self, path: &str) -> Self {
        self.table = path
            .split('.')
            .filter(|key| !key.is_empty())
            .map(str::to_owned)
            .collect();
        self
    }

    /// The template of `T` in `format`.
    #[must_use]
    pub fn render<T: Shape + Serialize + Default>(&self, format: Format) -> String {
        let kind = T::shape();
        let datum = datum_of(&T::default());
        let path = self.table.join(".");
        let mut root = match struct_of(&kind) {
            Some(shape) => table(&shape, &datum, &path, Vec::new(), true),
            // A config that is not a struct is one value at its table.
            _ => Table {
                doc: "",
                rules: Vec::new(),
                entries: vec![Entry {
                    key: self.table.last().cloned().unwrap_or_default(),
                    doc: "",
                    rules: Vec::new(),
                    node: node(&kind, &datum, &path),
                }],
            },
        };
        // The table a config sits under holds it alone.
        for key in self.table.iter().rev() {
            root = Table {
                doc: "",
                rules: Vec::new(),
                entries: vec![Entry {
                    key: key.clone(),
                    doc: std::mem::take(&mut root.doc),
                    rules: Vec::new(),
                    node: Node::Table(root),
                }],
            };
        }
        let mut out = comments(root.doc, &root.rules, "");
        if !out.is_empty() {
            out.push('\n');
        }
        match format {
            Format::Toml => toml_table(&mut out, &root, &[]),
            Format::Yaml => yaml_table(&mut out, &root, 0),
        }
        out
    }
}

/// A table of the template: a struct's fields, or a map's entries.
struct Table {
    doc: &'static str,
    /// The rules of the struct itself (`at_most_one(..)`, `custom`).
    rules: Vec<String>,
    entries: Vec<Entry>,
}

/// One key, its comments, and its value.
struct Entry {
    key: String,
    doc: &'static str,
    rules: Vec<String>,
    node: Node,
}

enum Node {
    /// A value, written in place.
    Value(Datum),
    /// Left out by default: written commented out, with an example value
    /// where there is one.
    Unset(Option<Datum>),
    /// A table of its own.
    Table(Table),
}

/// The table of a struct at `path` whose value is `datum`; `inherited`
/// holds rules written on an enclosing struct about keys of this one
/// (`at = mode`), by their path from here. While `defaults`, the struct
/// is the default of its key, and a field with a serde default of its own
/// takes that default; inside a map or list it is a value like any other.
fn table(
    shape: &StructShape,
    datum: &Datum,
    path: &str,
    inherited: Vec<(Vec<&'static str>, String)>,
    defaults: bool,
) -> Table {
    let mut rules: Vec<(Vec<&'static str>, String)> = inherited;
    for rule in &shape.rules {
        if matches!(rule.kind, RuleKind::Nested) {
            continue;
        }
        let gate = if rule.gated {
            shape.gate.as_deref()
        } else {
            None
        };
        // Keys in words are this table's own, unless the comment lands in
        // a table below it: then they are spelled from the file's root.
        let root = if rule.subject.len() > 1 { path } else { "" };
        rules.push((rule.subject.clone(), words(rule, root, gate)));
    }
    let mut out = Table {
        doc: shape.doc,
        // The rules of the struct itself head its table.
        rules: rules
            .iter()
            .filter(|(subject, _)| subject.is_empty())
            .map(|(_, text)| text.clone())
            .collect(),
        entries: Vec::new(),
    };
    for field in &shape.fields {
        let value = datum.get(field.name).cloned();
        if field.flatten {
            // Its keys sit in this table, and so do rules about them.
            if let Some(inner) = struct_of(&field.kind) {
                let about: Vec<_> = rules
                    .iter()
                    .filter(|(subject, _)| !subject.is_empty())
                    .cloned()
                    .collect();
                let inner = table(&inner, datum, path, about, defaults);
                out.rules.extend(inner.rules);
                out.entries.extend(inner.entries);
            }
            continue;
        }
        // The field's own default where lowbit can spell it, else the
        // container's `Default`, serialized.
        let value = match &field.default {
            Some(default) if defaults && known(default) => default.clone(),
            _ => value.unwrap_or(Datum::Null),
        };
        let here = super::join(path, &[field.name]);
        let mut own = Vec::new();
        let mut below = Vec::new();
        for (subject, text) in &rules {
            match subject.split_first() {
                Some((first, rest)) if *first == field.name => {
                    if rest.is_empty() {
                        own.push(text.clone());
                    } else {
                        below.push((rest.to_vec(), text.clone()));
                    }
                }
                _ => {}
            }
        }
        let mut node = match (struct_of(&field.kind), &value) {
            (Some(inner), Datum::Map(_)) => {
                Node::Table(table(&inner, &value, &here, below, defaults))
            }
            _ => node(&field.kind, &value, &here),
        };
        // A table's comment is its field's, or else its struct's.
        let mut doc = field.doc;
        if let Node::Table(inner) = &mut node {
            let own = std::mem::take(&mut inner.doc);
            if doc.is_empty() {
                doc = own;
            }
        }
        out.entries.push(Entry {
            key: field.name.to_owned(),
            doc,
            rules: own,
            node,
        });
    }
    out
}

/// The node of a value of `kind` that is not a struct's field table.
fn node(kind: &Kind, datum: &Datum, path: &str) -> Node {
    match (kind, datum) {
        (Kind::Optional(inner), Datum::Null) => Node::Unset(example(inner)),
        (Kind::Optional(inner), datum) => node(inner, datum, path),
        (_, Datum::Unknown) => Node::Unset(example(kind)),
        (Kind::Named(_), Datum::Map(_)) => match struct_of(kind) {
            Some(shape) => Node::Table(table(&shape, datum, path, Vec::new(), false)),
            None => Node::Value(datum.clone()),
        },
        (Kind::Map(values), Datum::Map(pairs)) if !pairs.is_empty() => Node::Table(Table {
            doc: "",
            rules: Vec::new(),
            entries: pairs
                .iter()
                .map(|(key, value)| Entry {
                    key: key.clone(),
                    doc: "",
                    rules: Vec::new(),
                    node: node(values, value, &super::join(path, &[key])),
                })
                .collect(),
        }),
        _ => Node::Value(datum.clone()),
    }
}

/// A value of `kind` to show a key that is left out by default.
fn example(kind: &Kind) -> Option<Datum> {
    Some(match kind {
        Kind::Bool => Datum::Bool(false),
        Kind::Integer { min, .. } => Datum::Int((*min).max(0)),
        Kind::Number => Datum::Float(0.0),
        Kind::Text => Datum::Str(String::new()),
        Kind::List { len: None, .. } => Datum::List(Vec::new()),
        Kind::Map(_) => Datum::Map(Vec::new()),
        Kind::Optional(inner) => return example(inner),
        Kind::Named(named) => match named.describe() {
            Named::Enum(shape) => {
                let unit = shape
                    .variants
                    .iter()
                    .find(|variant| variant.fields.is_none() && variant.payload.is_none())?;
                Datum::Str(unit.name.to_owned())
            }
            Named::Struct(_) => return None,
        },
        _ => return None,
    })
}

/// Whether lowbit spelled every part of `datum`.
fn known(datum: &Datum) -> bool {
    match datum {
        Datum::Unknown => false,
        Datum::List(items) => items.iter().all(known),
        Datum::Map(entries) => entries.iter().all(|(_, value)| known(value)),
        _ => true,
    }
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

/// A rule in words, as the markdown table's "applies" column says it,
/// without its code spans: a comment is plain text.
fn words(rule: &RuleInfo, root: &str, gate: Option<&[&'static str]>) -> String {
    let mut text = super::applies(rule, root, gate).replace('`', "");
    if let RuleKind::Items(_) = rule.kind {
        text.insert_str(0, "each item: ");
    }
    text
}

/// The comment lines of a key: its doc comment, wrapped, then its rules.
fn comments(doc: &str, rules: &[String], indent: &str) -> String {
    let mut out = String::new();
    // Lines end by the 80th column, however deep the table.
    let width = 78usize.saturating_sub(indent.len() + 2).max(40);
    for (index, paragraph) in doc.split("\n\n").filter(|p| !p.is_empty()).enumerate() {
        if index > 0 {
            out.push_str(indent);
            out.push_str("#\n");
        }
        for line in wrap(paragraph, width) {
            out.push_str(indent);
            out.push_str("# ");
            out.push_str(&line);
            out.push('\n');
        }
    }
    // A rule a line, since a rule's words may hold a `;` of their own;
    // a long one goes on, indented.
    for rule in rules {
        for (index, line) in wrap(rule, width.saturating_sub(2)).iter().enumerate() {
            out.push_str(indent);
            out.push_str(if index == 0 { "# " } else { "#   " });
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// `text` in lines of at most `width` characters, broken between words
/// (a longer word has a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A string as a double-quoted string, which TOML and YAML read alike.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || c == '\u{feff}' => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A finite float with a fraction or exponent (`1.0`, `1.0e-5`), which
/// both formats read as a float.
fn float(value: f64) -> String {
    let text = format!("{value:?}");
    match text.find('e') {
        Some(at) if !text[..at].contains('.') => format!("{}.0{}", &text[..at], &text[at..]),
        _ => text,
    }
}

fn bare(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn toml_key(key: &str) -> String {
    if bare(key) {
        key.to_owned()
    } else {
        quoted(key)
    }
}

/// A value in TOML's inline syntax; `None` where TOML has no spelling of
/// it (`null`, and what holds one).
fn toml_value(datum: &Datum) -> Option<String> {
    Some(match datum {
        Datum::Bool(flag) => flag.to_string(),
        Datum::Int(int) => int.to_string(),
        Datum::UInt(int) => int.to_string(),
        Datum::Float(value) if value.is_nan() => "nan".to_owned(),
        Datum::Float(value) if value.is_infinite() => {
            if *value > 0.0 { "inf" } else { "-inf" }.to_owned()
        }
        Datum::Float(value) => float(*value),
        Datum::Str(text) => quoted(text),
        Datum::List(items) => {
            let items: Option<Vec<String>> = items.iter().map(toml_value).collect();
            format!("[{}]", items?.join(", "))
        }
        Datum::Map(entries) if entries.is_empty() => "{}".to_owned(),
        Datum::Map(entries) => {
            let entries: Option<Vec<String>> = entries
                .iter()
                .map(|(key, value)| Some(format!("{} = {}", toml_key(key), toml_value(value)?)))
                .collect();
            format!("{{ {} }}", entries?.join(", "))
        }
        Datum::Null | Datum::Unknown => return None,
    })
}

/// A table's keys, then its tables, each `[header]` spelled from `path`.
fn toml_table(out: &mut String, table: &Table, path: &[String]) {
    for entry in &table.entries {
        let line = match &entry.node {
            Node::Table(_) => continue,
            Node::Value(datum) => match toml_value(datum) {
                Some(value) => format!("{} = {value}\n", toml_key(&entry.key)),
                // `null`, or a list that holds one: TOML has no spelling.
                None => format!(
                    "# {}: its default has no TOML spelling\n",
                    toml_key(&entry.key)
                ),
            },
            Node::Unset(example) => unset_line(
                "# ",
                &toml_key(&entry.key),
                " = ",
                example.as_ref(),
                toml_value,
            ),
        };
        out.push_str(&comments(entry.doc, &entry.rules, ""));
        out.push_str(&line);
    }
    for entry in &table.entries {
        let Node::Table(inner) = &entry.node else {
            continue;
        };
        let mut path = path.to_vec();
        path.push(entry.key.clone());
        if !out.is_empty() {
            out.push('\n');
        }
        let mut rules = entry.rules.clone();
        rules.extend(inner.rules.iter().cloned());
        out.push_str(&comments(entry.doc, &rules, ""));
        let header: Vec<String> = path.iter().map(|key| toml_key(key)).collect();
        out.push_str(&format!("[{}]\n", header.join(".")));
        toml_table(out, inner, &path);
    }
}

/// The line of a key left out: commented out, with an example value, or
/// saying it is not set.
fn unset_line(
    comment: &str,
    key: &str,
    between: &str,
    example: Option<&Datum>,
    spell: fn(&Datum) -> Option<String>,
) -> String {
    match example.and_then(spell) {
        Some(value) => format!("{comment}{key}{between}{value}    (not set by default)\n"),
        None => format!("{comment}{key}: not set by default\n"),
    }
}

/// A YAML key, plain where YAML reads it back as that string.
fn yaml_key(key: &str) -> String {
    let plain = bare(key)
        && !key.starts_with('-')
        && !key.chars().all(|c| c.is_ascii_digit())
        && !matches!(
            key.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n" | "~"
        );
    if plain { key.to_owned() } else { quoted(key) }
}

/// A value in YAML's flow syntax.
fn yaml_value(datum: &Datum) -> Option<String> {
    Some(match datum {
        Datum::Null => "null".to_owned(),
        Datum::Float(value) if value.is_nan() => ".nan".to_owned(),
        Datum::Float(value) if value.is_infinite() => {
            if *value > 0.0 { ".inf" } else { "-.inf" }.to_owned()
        }
        Datum::List(items) => {
            let items: Option<Vec<String>> = items.iter().map(yaml_value).collect();
            format!("[{}]", items?.join(", "))
        }
        Datum::Map(entries) => {
            let entries: Option<Vec<String>> = entries
                .iter()
                .map(|(key, value)| Some(format!("{}: {}", yaml_key(key), yaml_value(value)?)))
                .collect();
            format!("{{{}}}", entries?.join(", "))
        }
        Datum::Unknown => return None,
        other => toml_value(other)?,
    })
}

fn yaml_table(out: &mut String, table: &Table, depth: usize) {
    let indent = "  ".repeat(depth);
    for (index, entry) in table.entries.iter().enumerate() {
        let key = yaml_key(&entry.key);
        let mut rules = entry.rules.clone();
        if let Node::Table(inner) = &entry.node {
            rules.extend(inner.rules.iter().cloned());
            // A table reads better with a blank line before it.
            if index > 0 {
                out.push('\n');
            }
        }
        out.push_str(&comments(entry.doc, &rules, &indent));
        match &entry.node {
            Node::Value(datum) => match yaml_value(datum) {
                Some(value) => out.push_str(&format!("{indent}{key}: {value}\n")),
                None => out.push_str(&format!(
                    "{indent}# {key}: its default has no YAML spelling\n"
                )),
            },
            Node::Unset(example) => out.push_str(&unset_line(
                &format!("{indent}# "),
                &key,
                ": ",
                example.as_ref(),
                yaml_value,
            )),
            Node::Table(inner) if inner.entries.is_empty() => {
                out.push_str(&format!("{indent}{key}: {{}}\n"));
            }
            Node::Table(inner) => {
                out.push_str(&format!("{indent}{key}:\n"));
                yaml_table(out, inner, depth + 1);
            }
        }
    }
}
