//! From `saphyr-parser`'s events to the shared tree of spans: collections
//! built on a stack (no recursion), anchors remembered, aliases copied,
//! plain scalars typed by YAML 1.2's core schema.
//!
//! A load reads one table, so only the way to it and what it holds are
//! built: the rest is parsed for its errors and dropped event by event, as
//! JSON's parser does. A scalar's text borrows the document when it is the
//! bytes as written (most keys and values), so the tree keeps no copy.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, Span, Tag};

use crate::PathSegment;
use crate::load::tree::{Entry, Kind, Node, Want};

/// How many values aliases may add to a document, beyond those written:
/// enough for any config, too few for an alias bomb to exhaust memory.
pub const MAX_ALIASED: usize = 100_000;

/// How deep collections nest, at most, as in JSON.
const MAX_DEPTH: usize = 128;

/// A syntax error: where, and what is wrong.
type SyntaxError = (Range<usize>, String);

/// A collection being read.
struct Frame<'s, 'p> {
    start: usize,
    anchor: usize,
    /// Whether the collection is kept in its parent once read.
    kept: bool,
    /// What is read of its items or entries.
    want: Want<'p>,
    kind: Open<'s>,
}

/// A collection's contents so far.
enum Open<'s> {
    Seq(Vec<Node<'s>>),
    Map {
        entries: Vec<Entry<'s>>,
        /// The key read, until its value is, and whether it is a plain
        /// scalar (see [`Entry::plain`]).
        key: Option<(Cow<'s, str>, Range<usize>, bool)>,
    },
}

impl<'p> Frame<'_, 'p> {
    /// What is read of the value that comes next in this collection.
    fn next_want(&self) -> Want<'p> {
        match &self.kind {
            Open::Seq(_) => self.want.item(),
            Open::Map {
                key: Some((key, _, _)),
                ..
            } => self.want.entry(key),
            // A key: read, as it chooses what is read of its value.
            Open::Map { key: None, .. } => self.want,
        }
    }
}

/// Parses the one document of `source`. A stream with no document (empty,
/// or only comments) is an empty mapping, as an empty TOML file is an empty
/// table.
#[cfg(test)]
pub(super) fn document(source: &str) -> Result<Node<'_>, SyntaxError> {
    document_for(source, &[])
}

/// Parses the one document of `source`, building only the values on the
/// way to the mapping at `table` and every value within it (and what an
/// anchor names, which an alias within it may copy). The rest is still
/// parsed, with the same errors. A stream with no document (empty, or only
/// comments) is an empty mapping, as an empty TOML file is an empty table.
pub(super) fn document_for<'s>(
    source: &'s str,
    table: &[PathSegment],
) -> Result<Node<'s>, SyntaxError> {
    let mut bytes = Bytes::new(source);
    let mut parser = Parser::new_from_str(source);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Node<'_>> = HashMap::new();
    let mut root: Option<Node<'_>> = None;
    let mut documents = 0;
    let mut aliased = 0;
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|error| {
            let at = bytes.at(*error.marker());
            let end = at + source[at..].chars().next().map_or(0, char::len_utf8);
            (at..end, error.info().to_owned())
        })?;
        let range = bytes.span(span);
        let want = stack.last().map_or(Want::Path(table), Frame::next_want);
        let (node, anchor, kept) = match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err((
                        range,
                        "a second document; a config file holds one".to_owned(),
                    ));
                }
                continue;
            }
            Event::StreamEnd => break,
            Event::Scalar(text, style, anchor, tag) => {
                if let Some(Frame {
                    kind:
                        Open::Map {
                            key: key @ None, ..
                        },
                    want,
                    ..
                }) = stack.last_mut()
                {
                    let plain = style == ScalarStyle::Plain
                        && !tag
                            .as_deref()
                            .is_some_and(|tag| tag.is_yaml_core_schema() && tag.suffix == "str");
                    let text = if want.any() {
                        borrow(source, text, style, &range)
                    } else {
                        text
                    };
                    *key = Some((text, range, plain));
                    continue;
                }
                if !want.any() && anchor == 0 {
                    continue;
                }
                let text = borrow(source, text, style, &range);
                (
                    scalar(text, style, tag.as_deref(), range),
                    anchor,
                    want.any(),
                )
            }
            Event::Alias(id) => {
                let Some(target) = anchors.get(&id) else {
                    return Err((range, "an alias to no anchor".to_owned()));
                };
                if let Some(Frame {
                    kind:
                        Open::Map {
                            key: key @ None, ..
                        },
                    ..
                }) = stack.last_mut()
                {
                    let text = match &target.kind {
                        Kind::Str(text) => text.clone(),
                        _ => return Err((range, "a key must be a scalar".to_owned())),
                    };
                    *key = Some((text, range, false));
                    continue;
                }
                // Counted whether copied or not: the limit is the same
                // whatever table is loaded.
                aliased += size(target);
                if aliased > MAX_ALIASED {
                    return Err((range, format!("aliases add more than {MAX_ALIASED} values")));
                }
                if !want.any() {
                    continue;
                }
                let mut node = target.clone();
                node.span = range;
                (node, 0, true)
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if let Some(Frame {
                    kind: Open::Map { key: None, .. },
                    ..
                }) = stack.last()
                {
                    return Err((range, "a key must be a scalar, not a collection".to_owned()));
                }
                if stack.len() == MAX_DEPTH {
                    return Err((range, format!("nested more than {MAX_DEPTH} levels deep")));
                }
                let kind = match event {
                    Event::SequenceStart(..) => Open::Seq(Vec::new()),
                    _ => Open::Map {
                        entries: Vec::new(),
                        key: None,
                    },
                };
                stack.push(Frame {
                    start: range.start,
                    anchor,
                    kept: want.any(),
                    // An anchored collection is built whole, wherever it
                    // is: an alias in the table may copy it.
                    want: if anchor == 0 { want } else { Want::ALL },
                    kind,
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = stack.pop() else { continue };
                let kind = match frame.kind {
                    Open::Seq(items) => Kind::Seq(items),
                    Open::Map { entries, .. } => Kind::Map(entries),
                };
                let node = Node {
                    span: frame.start..range.end.max(frame.start),
                    kind,
                };
                (node, frame.anchor, frame.kept)
            }
            _ => continue,
        };
        if anchor != 0 {
            if !kept {
                // Built only for its aliases: given to them, not copied.
                anchors.insert(anchor, node);
                if let Some(Frame {
                    kind: Open::Map { key, .. },
                    ..
                }) = stack.last_mut()
                {
                    *key = None;
                }
                continue;
            }
            anchors.insert(anchor, node.clone());
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(Frame {
                kind: Open::Seq(items),
                ..
            }) => {
                if kept {
                    items.push(node);
                }
            }
            Some(Frame {
                kind: Open::Map { entries, key },
                ..
            }) => {
                let (key, key_span, plain) = key.take().unwrap_or_default();
                if kept {
                    entries.push(Entry {
                        key,
                        key_span,
                        plain,
                        value: node,
                    });
                }
            }
        }
    }
    Ok(match root {
        // No document, or `---` and nothing: no settings at all.
        None => empty(0..0),
        Some(Node {
            span,
            kind: Kind::Null,
        }) if span.is_empty() => empty(span),
        Some(root) => root,
    })
}

/// A scalar's text, borrowed from the document where it is the bytes as
/// written (a plain scalar on one line, a quoted one without escapes), so
/// that the tree holds no copy of it; `saphyr-parser` hands every scalar
/// owned.
fn borrow<'s>(
    source: &'s str,
    text: Cow<'s, str>,
    style: ScalarStyle,
    span: &Range<usize>,
) -> Cow<'s, str> {
    let written = match style {
        ScalarStyle::Plain => source.get(span.clone()),
        ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted if span.len() >= 2 => {
            source.get(span.start + 1..span.end - 1)
        }
        _ => None,
    };
    match written {
        Some(written) if *written == *text => Cow::Borrowed(written),
        _ => text,
    }
}

fn empty(span: Range<usize>) -> Node<'static> {
    Node {
        span,
        kind: Kind::Map(Vec::new()),
    }
}

/// How many values a node holds, itself included.
fn size(node: &Node<'_>) -> usize {
    let mut count = 0;
    let mut stack = vec![node];
    while let Some(node) = stack.pop() {
        count += 1;
        match &node.kind {
            Kind::Seq(items) => stack.extend(items),
            Kind::Map(entries) => stack.extend(entries.iter().map(|entry| &entry.value)),
            _ => {}
        }
    }
    count
}

/// A scalar's value: quoted and block scalars, and those tagged `!!str`,
/// are strings; a plain one is typed by the core schema.
fn scalar<'s>(
    text: Cow<'s, str>,
    style: ScalarStyle,
    tag: Option<&Tag>,
    span: Range<usize>,
) -> Node<'s> {
    let string = style != ScalarStyle::Plain
        || tag.is_some_and(|tag| tag.is_yaml_core_schema() && tag.suffix == "str");
    let kind = if string { Kind::Str(text) } else { plain(text) };
    Node { span, kind }
}

/// A plain scalar by the core schema (YAML 1.2, 10.3.2).
#[inline]
pub(crate) fn plain(text: Cow<'_, str>) -> Kind<'_> {
    // Most plain scalars are words: none of the schema's null, boolean or
    // number forms begins with a letter other than these.
    if !matches!(
        text.as_bytes().first(),
        None | Some(
            b'~' | b'n' | b'N' | b't' | b'T' | b'f' | b'F' | b'.' | b'-' | b'+' | b'0'..=b'9'
        )
    ) {
        return Kind::Str(text);
    }
    match &*text {
        "" | "~" | "null" | "Null" | "NULL" => return Kind::Null,
        "true" | "True" | "TRUE" => return Kind::Bool(true),
        "false" | "False" | "FALSE" => return Kind::Bool(false),
        ".nan" | ".NaN" | ".NAN" => return Kind::Float(f64::NAN),
        _ => {}
    }
    let (sign, digits) = match text.as_bytes().first() {
        Some(b'-') => (-1.0, &text[1..]),
        Some(b'+') => (1.0, &text[1..]),
        _ => (1.0, &text[..]),
    };
    if matches!(digits, ".inf" | ".Inf" | ".INF") {
        return Kind::Float(sign * f64::INFINITY);
    }
    let radix = |prefix: &str, radix: u32| {
        let rest = text.strip_prefix(prefix)?;
        let value = u64::from_str_radix(rest, radix).ok()?;
        Some(i64::try_from(value).map_or(Kind::UInt(value), Kind::Int))
    };
    if let Some(kind) = radix("0o", 8).or_else(|| radix("0x", 16)) {
        return kind;
    }
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(value) = text.parse::<i64>() {
            return Kind::Int(value);
        }
        if let Ok(value) = digits.parse::<u64>()
            && sign > 0.0
        {
            return Kind::UInt(value);
        }
    }
    if is_float(digits)
        && let Ok(value) = text.parse::<f64>()
    {
        return Kind::Float(value);
    }
    Kind::Str(text)
}

/// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, the sign taken off.
fn is_float(text: &str) -> bool {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (mantissa, None),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match fraction {
        Some(fraction) => {
            digits(whole) && digits(fraction) && !(whole.is_empty() && fraction.is_empty())
        }
        None => !whole.is_empty() && digits(whole),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

/// From the parser's positions, counted in characters, to byte offsets.
/// Events come mostly in order, so a cursor walks from one to the next:
/// linear in the document, not quadratic.
struct Bytes<'s> {
    source: &'s str,
    ascii: bool,
    /// A character index and its byte offset.
    cursor: (usize, usize),
}

impl<'s> Bytes<'s> {
    fn new(source: &'s str) -> Self {
        Bytes {
            source,
            ascii: source.is_ascii(),
            cursor: (0, 0),
        }
    }

    fn span(&mut self, span: Span) -> Range<usize> {
        let start = self.at(span.start);
        let end = self.at(span.end).max(start);
        start..end
    }

    fn at(&mut self, marker: Marker) -> usize {
        let index = marker.index();
        if self.ascii {
            return index.min(self.source.len());
        }
        let (mut chars, mut byte) = self.cursor;
        if index < chars {
            (chars, byte) = (0, 0);
        }
        for c in self.source[byte..].chars() {
            if chars == index {
                break;
            }
            chars += 1;
            byte += c.len_utf8();
        }
        self.cursor = (chars, byte);
        byte
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(source: &str) -> String {
        format!("{:?}", document(source).map(|node| node.kind))
    }

    #[test]
    fn plain_scalars_take_the_core_schema() {
        assert!(matches!(plain("~".into()), Kind::Null));
        assert!(matches!(plain("True".into()), Kind::Bool(true)));
        assert!(matches!(plain("yes".into()), Kind::Str(_)));
        assert!(matches!(plain("encoder".into()), Kind::Str(_)));
        assert!(matches!(plain("nan".into()), Kind::Str(_)));
        assert!(matches!(plain("-12".into()), Kind::Int(-12)));
        assert!(matches!(plain("0x1f".into()), Kind::Int(31)));
        assert!(matches!(plain("0o17".into()), Kind::Int(15)));
        assert!(matches!(
            plain("18446744073709551615".into()),
            Kind::UInt(u64::MAX)
        ));
        assert!(matches!(plain("1.5e3".into()), Kind::Float(v) if v == 1500.0));
        assert!(matches!(plain(".5".into()), Kind::Float(v) if v == 0.5));
        assert!(matches!(plain("-.inf".into()), Kind::Float(v) if v == f64::NEG_INFINITY));
        assert!(matches!(plain("inf".into()), Kind::Str(_)));
        assert!(matches!(plain("1e".into()), Kind::Str(_)));
        assert!(matches!(plain("1_000".into()), Kind::Str(_)));
    }

    #[test]
    fn spans_are_bytes_even_after_wide_characters() {
        let source = "é: \"ü\"\nk: [1, 2]\n";
        let root = document(source).unwrap();
        let Kind::Map(entries) = &root.kind else {
            panic!()
        };
        assert_eq!(&source[entries[0].key_span.clone()], "é");
        assert_eq!(&source[entries[0].value.span.clone()], "\"ü\"");
        assert_eq!(&source[entries[1].key_span.clone()], "k");
        assert_eq!(&source[entries[1].value.span.clone()], "[1, 2]");
    }

    #[test]
    fn aliases_copy_their_anchor_and_point_at_themselves() {
        let source = "a: &x {b: 1}\nc: *x\n";
        let root = document(source).unwrap();
        let Kind::Map(entries) = &root.kind else {
            panic!()
        };
        assert_eq!(&source[entries[1].value.span.clone()], "*x");
        assert!(matches!(&entries[1].value.kind, Kind::Map(inner) if inner.len() == 1));
    }

    #[test]
    fn hostile_documents_are_errors() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for level in 0..8 {
            let previous = if level == 0 {
                'a'
            } else {
                (b'a' + level) as char
            };
            let name = (b'b' + level) as char;
            let refs = vec![format!("*{previous}"); 10].join(", ");
            bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        assert!(kinds(&bomb).contains("aliases add more than"));
        let deep = "[".repeat(10_000);
        assert!(document(&deep).is_err());
        assert!(kinds("a: 1\n---\nb: 2\n").contains("a second document"));
        assert!(kinds("? [a]\n: 1\n").contains("a key must be a scalar"));
    }

    fn field(name: &'static str) -> PathSegment {
        PathSegment::Field(name.into())
    }

    fn entries<'a, 's>(node: &'a Node<'s>) -> &'a [Entry<'s>] {
        match &node.kind {
            Kind::Map(entries) => entries,
            other => panic!("not a mapping: {other:?}"),
        }
    }

    #[test]
    fn only_the_way_to_the_table_and_the_table_are_built() {
        let source = "\
base: &base {precision: fp32, bits: [1, 2]}
x: {y: [1, 2]}
model: [1]
model:
  rho: *base
  z: &z 3
  w: *z
";
        let path = [field("model"), field("rho")];
        let root = document_for(source, &path).unwrap();
        // Both `model`s, as the first is the one a lookup finds; not the rest.
        let keys: Vec<&str> = entries(&root).iter().map(|entry| &*entry.key).collect();
        assert_eq!(keys, ["model", "model"]);
        let first = &entries(&root)[0].value;
        assert!(matches!(&first.kind, Kind::Seq(items) if items.is_empty()));
        assert_eq!(&source[first.span.clone()], "[1]");
        let [rho] = entries(&entries(&root)[1].value) else {
            panic!("only `rho` is kept of the second `model`")
        };
        // An anchor outside the table is still there for an alias within it.
        assert_eq!(&source[rho.value.span.clone()], "*base");
        let copied = entries(&rho.value);
        assert_eq!(copied.len(), 2);
        assert!(matches!(&copied[1].value.kind, Kind::Seq(items) if items.len() == 2));
        // The whole document, for the empty path.
        assert_eq!(entries(&document(source).unwrap()).len(), 4);
    }

    #[test]
    fn what_is_left_out_is_still_read_for_its_errors() {
        let path = [field("model")];
        for broken in [
            "x: {y: [1, 2}\nmodel: {}\n",
            "x:\n  - a\n - b\nmodel: {}\n",
            "x: *nothing\nmodel: {}\n",
            "x: {[a]: 1}\nmodel: {}\n",
            "model: {}\n---\nx: 1\n",
        ] {
            let whole = document(broken).unwrap_err();
            assert_eq!(document_for(broken, &path).unwrap_err(), whole, "{broken}");
        }
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for level in 0..8u8 {
            let refs = vec![format!("*{}", (b'a' + level) as char); 10].join(", ");
            let name = (b'b' + level) as char;
            bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        bomb.push_str("model: {}\n");
        let (_, message) = document_for(&bomb, &path).unwrap_err();
        assert!(message.contains("aliases add more than"), "{message}");
    }

    #[test]
    fn scalars_as_written_borrow_the_document() {
        let source = "\
plain: encoder
'single': 'a b'
\"double\": \"c d\"
escaped: \"e\\tf\"
doubled: 'it''s'
folded: one
  two
block: |
  text
";
        let root = document(source).unwrap();
        let borrowed: Vec<(bool, bool)> = entries(&root)
            .iter()
            .map(|entry| {
                let value = match &entry.value.kind {
                    Kind::Str(text) => matches!(text, Cow::Borrowed(_)),
                    other => panic!("not a string: {other:?}"),
                };
                (matches!(entry.key, Cow::Borrowed(_)), value)
            })
            .collect();
        assert_eq!(
            borrowed,
            [
                (true, true),
                (true, true),
                (true, true),
                (true, false),
                (true, false),
                (true, false),
                (true, false),
            ]
        );
        let text = |index: usize| match &entries(&root)[index].value.kind {
            Kind::Str(text) => text.to_string(),
            _ => unreachable!(),
        };
        assert_eq!(
            [
                text(0),
                text(1),
                text(2),
                text(3),
                text(4),
                text(5),
                text(6)
            ],
            ["encoder", "a b", "c d", "e\tf", "it's", "one two", "text\n"]
        );
    }

    #[test]
    fn an_empty_stream_is_an_empty_mapping() {
        assert_eq!(kinds(""), "Ok(Map([]))");
        assert_eq!(kinds("# nothing\n"), "Ok(Map([]))");
        assert_eq!(kinds("---\n"), "Ok(Map([]))");
    }
}
