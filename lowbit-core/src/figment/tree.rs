//! A figment's merged value as a tree of spans, so that the loader shared by
//! every format reads it as it reads a document.
//!
//! A merged value has no text: each value is written out here, as JSON would
//! write it, into a text of its own, whose only use is to give every value
//! and key a span of its own. A diagnostic's span then says which value it is
//! about; [`Site`] tells, for each, the source that set the value (its
//! [`Tag`]) and the path to it in that source, and `origin` puts the
//! diagnostic there. Values are read with figment's own deserializer, so that
//! they read as `Figment::extract` reads them.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use figment::value::{Empty, Tag, Value};

use crate::PathSegment;
use crate::load::Tree;

/// A value of the merged figment, and its span in the written text.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    span: Range<usize>,
    tag: Tag,
    kind: Kind,
}

/// What a value is: a table and an array hold nodes; any other is kept as
/// figment has it.
#[derive(Clone, Debug)]
enum Kind {
    Scalar(Value),
    Dict(Vec<Entry>),
    Array(Vec<Node>),
}

/// A key, its span, and its value.
#[derive(Clone, Debug)]
struct Entry {
    key: String,
    key_span: Range<usize>,
    value: Node,
}

/// What a span of the written text stands for.
#[derive(Clone, Debug)]
pub(crate) struct Site {
    /// Where the span starts: every value and key starts somewhere else.
    pub(crate) start: usize,
    /// The source that set the value.
    pub(crate) tag: Tag,
    /// The path to the value in that source: an array that several sources
    /// added to (`admerge`) holds each one's items at other indices.
    pub(crate) path: Vec<PathSegment>,
    /// Whether the span is the value's key rather than the value.
    pub(crate) is_key: bool,
}

/// A merged value written out: its tree, the text its spans are in, and
/// what each span stands for, in the order of the text.
pub(crate) struct Written {
    pub(crate) root: Node,
    pub(crate) text: String,
    pub(crate) sites: Vec<Site>,
}

impl Written {
    /// Writes `value` out.
    pub(crate) fn new(value: &Value) -> Written {
        let mut written = Written {
            root: empty(0..0),
            text: String::new(),
            sites: Vec::new(),
        };
        written.root = written.node(value, &mut Vec::new());
        written
    }

    fn node(&mut self, value: &Value, path: &mut Vec<PathSegment>) -> Node {
        let start = self.text.len();
        let tag = value.tag();
        self.sites.push(Site {
            start,
            tag,
            path: path.clone(),
            is_key: false,
        });
        let kind = match value {
            Value::Dict(_, dict) => {
                self.text.push('{');
                let mut entries = Vec::with_capacity(dict.len());
                for (key, value) in dict {
                    let key_start = self.text.len();
                    path.push(PathSegment::Field(key.clone().into()));
                    self.sites.push(Site {
                        start: key_start,
                        tag: value.tag(),
                        path: path.clone(),
                        is_key: true,
                    });
                    let _ = write!(self.text, "{key:?}");
                    let key_span = key_start..self.text.len();
                    self.text.push_str(": ");
                    let value = self.node(value, path);
                    path.pop();
                    self.text.push_str(", ");
                    entries.push(Entry {
                        key: key.clone(),
                        key_span,
                        value,
                    });
                }
                self.text.push('}');
                Kind::Dict(entries)
            }
            Value::Array(_, items) => {
                self.text.push('[');
                let mut nodes = Vec::with_capacity(items.len());
                for item in items {
                    // Its index among the items its own source gave.
                    let index = nodes
                        .iter()
                        .filter(|node: &&Node| node.tag == item.tag())
                        .count();
                    path.push(PathSegment::Index(index));
                    nodes.push(self.node(item, path));
                    path.pop();
                    self.text.push_str(", ");
                }
                self.text.push(']');
                Kind::Array(nodes)
            }
            scalar => {
                write_scalar(&mut self.text, scalar);
                Kind::Scalar(scalar.clone())
            }
        };
        Node {
            span: start..self.text.len(),
            tag,
            kind,
        }
    }
}

/// `value` as JSON (or TOML) would write it: what a help that quotes the
/// value shows.
fn write_scalar(text: &mut String, value: &Value) {
    let _ = match value {
        Value::String(_, string) => write!(text, "{string:?}"),
        Value::Char(_, c) => write!(text, "{:?}", c.to_string()),
        Value::Bool(_, b) => write!(text, "{b}"),
        Value::Num(_, num) => match (num.to_u128(), num.to_i128(), num.to_f64()) {
            (Some(n), _, _) => write!(text, "{n}"),
            (_, Some(n), _) => write!(text, "{n}"),
            (_, _, Some(n)) => write!(text, "{n:?}"),
            _ => write!(text, "0"),
        },
        Value::Empty(_, _) => write!(text, "null"),
        Value::Dict(..) | Value::Array(..) => Ok(()),
    };
}

/// An empty table at `span`, set by no source.
pub(crate) fn empty(span: Range<usize>) -> Node {
    Node {
        span,
        tag: Tag::Default,
        kind: Kind::Dict(Vec::new()),
    }
}

impl Node {
    /// The value again, as figment has it, less what the loader cut.
    pub(crate) fn to_value(&self) -> Value {
        match &self.kind {
            Kind::Scalar(value) => value.clone(),
            Kind::Dict(entries) => {
                let dict: BTreeMap<String, Value> = entries
                    .iter()
                    .map(|entry| (entry.key.clone(), entry.value.to_value()))
                    .collect();
                Value::Dict(self.tag, dict)
            }
            Kind::Array(items) => {
                Value::Array(self.tag, items.iter().map(Node::to_value).collect())
            }
        }
    }
}

impl Tree for Node {
    fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    fn child(&self, segment: &PathSegment) -> Option<(Option<Range<usize>>, &Self)> {
        match (segment, &self.kind) {
            (PathSegment::Index(index), Kind::Array(items)) => items.get(*index).map(|i| (None, i)),
            (segment, Kind::Dict(entries)) => {
                let key = segment.key()?;
                let entry = entries.iter().find(|entry| entry.key == key)?;
                Some((Some(entry.key_span.clone()), &entry.value))
            }
            _ => None,
        }
    }

    fn child_mut(&mut self, segment: &PathSegment) -> Option<&mut Self> {
        match (segment, &mut self.kind) {
            (PathSegment::Index(index), Kind::Array(items)) => items.get_mut(*index),
            (segment, Kind::Dict(entries)) => {
                let key = segment.key()?;
                let entry = entries.iter_mut().find(|entry| entry.key == key)?;
                Some(&mut entry.value)
            }
            _ => None,
        }
    }

    fn remove(&mut self, key: &str) -> Option<Self> {
        let Kind::Dict(entries) = &mut self.kind else {
            return None;
        };
        let at = entries.iter().position(|entry| entry.key == key)?;
        Some(entries.remove(at).value)
    }

    fn entries(&self) -> Vec<(PathSegment, &Self)> {
        match &self.kind {
            Kind::Dict(entries) => entries
                .iter()
                .map(|entry| (PathSegment::Field(entry.key.clone().into()), &entry.value))
                .collect(),
            Kind::Array(items) => items
                .iter()
                .enumerate()
                .map(|(index, item)| (PathSegment::Index(index), item))
                .collect(),
            Kind::Scalar(_) => Vec::new(),
        }
    }

    fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Scalar(value) => value.as_str(),
            _ => None,
        }
    }

    fn is_table(&self) -> bool {
        matches!(self.kind, Kind::Dict(_))
    }

    fn type_str(&self) -> &'static str {
        match &self.kind {
            Kind::Scalar(Value::String(..) | Value::Char(..)) => "string",
            Kind::Scalar(Value::Bool(..)) => "boolean",
            Kind::Scalar(Value::Num(_, num)) if num.to_f64().is_some() => "float",
            Kind::Scalar(Value::Num(..)) => "integer",
            Kind::Scalar(Value::Empty(_, Empty::None)) => "none",
            Kind::Scalar(_) => "unit",
            Kind::Dict(_) => "table",
            Kind::Array(_) => "array",
        }
    }
}
