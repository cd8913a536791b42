//! A strict JSON parser (RFC 8259) that records the bytes of every value
//! and key. It stops at the first error: JSON has no lines to resume at.

use std::borrow::Cow;
use std::ops::Range;

use crate::PathSegment;
use crate::load::tree::{Entry, Kind, Node, Want};

/// How deep arrays and objects nest, at most: as `serde_json`, and few
/// enough that reading the tree back cannot exhaust the stack.
const MAX_DEPTH: usize = 128;

/// A syntax error: where, and what is wrong.
type SyntaxError = (Range<usize>, String);

/// Parses a whole document: one value, with only whitespace around it.
#[cfg(test)]
pub(super) fn document(source: &str) -> Result<Node<'_>, SyntaxError> {
    document_for(source, &[])
}

/// Parses a whole document, building only the values on the way to the
/// object at `table` and every value within it: a load reads nothing else,
/// and what it does not read it need not copy. The rest is still parsed,
/// and its syntax errors are the same.
pub(super) fn document_for<'s>(
    source: &'s str,
    table: &[PathSegment],
) -> Result<Node<'s>, SyntaxError> {
    let mut parser = Parser {
        source,
        bytes: source.as_bytes(),
        at: 0,
        depth: 0,
    };
    parser.blank()?;
    if parser.at == parser.bytes.len() {
        return Err((
            0..0,
            "the document is empty; a JSON value was expected".to_owned(),
        ));
    }
    let value = parser.value(Want::Path(table))?;
    parser.blank()?;
    if parser.at < parser.bytes.len() {
        return Err(parser.error("trailing characters after the JSON value"));
    }
    Ok(value)
}

struct Parser<'s> {
    source: &'s str,
    bytes: &'s [u8],
    at: usize,
    depth: usize,
}

impl<'s> Parser<'s> {
    /// An error at the character under the cursor (or the end).
    fn error(&self, message: &str) -> SyntaxError {
        let width = self.source[self.at..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        (self.at..self.at + width, message.to_owned())
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Skips whitespace; a comment is an error, as JSON has none.
    fn blank(&mut self) -> Result<(), SyntaxError> {
        while let Some(byte) = self.peek() {
            match byte {
                b' ' | b'\t' | b'\n' | b'\r' => self.at += 1,
                b'/' if matches!(self.bytes.get(self.at + 1), Some(b'/' | b'*')) => {
                    return Err((self.at..self.at + 2, "comments are not JSON".to_owned()));
                }
                _ => break,
            }
        }
        Ok(())
    }

    fn value(&mut self, want: Want<'_>) -> Result<Node<'s>, SyntaxError> {
        let start = self.at;
        let kind = match self.peek() {
            Some(b'{') => return self.nest(want, Self::object),
            Some(b'[') => return self.nest(want, Self::array),
            Some(b'"') => Kind::Str(self.string()?),
            Some(b't') => self.word("true", Kind::Bool(true))?,
            Some(b'f') => self.word("false", Kind::Bool(false))?,
            Some(b'n') => self.word("null", Kind::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            None => return Err(self.error("the document ends where a value was expected")),
            Some(_) => return Err(self.error("expected a value")),
        };
        Ok(Node {
            span: start..self.at,
            kind,
        })
    }

    fn nest(
        &mut self,
        want: Want<'_>,
        read: fn(&mut Self, Want<'_>) -> Result<Node<'s>, SyntaxError>,
    ) -> Result<Node<'s>, SyntaxError> {
        if self.depth == MAX_DEPTH {
            return Err(self.error(&format!("nested more than {MAX_DEPTH} levels deep")));
        }
        self.depth += 1;
        let node = read(self, want);
        self.depth -= 1;
        node
    }

    fn word(&mut self, word: &str, kind: Kind<'s>) -> Result<Kind<'s>, SyntaxError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(kind)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn object(&mut self, want: Want<'_>) -> Result<Node<'s>, SyntaxError> {
        let start = self.at;
        self.at += 1;
        let mut entries = Vec::new();
        // Whether an entry was read, kept or not: a trailing comma's test.
        let mut any = false;
        self.blank()?;
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Node {
                span: start..self.at,
                kind: Kind::Map(entries),
            });
        }
        loop {
            self.blank()?;
            let key_start = self.at;
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') if any => {
                    return Err(self.error("trailing comma: JSON allows none before `}`"));
                }
                None => return Err(self.unclosed(start, "object", '}')),
                Some(_) => return Err(self.error("expected a key, a string in double quotes")),
            }
            let key = self.string()?;
            let key_span = key_start..self.at;
            self.blank()?;
            match self.peek() {
                Some(b':') => self.at += 1,
                None => return Err(self.unclosed(start, "object", '}')),
                Some(_) => return Err(self.error("expected `:` after the key")),
            }
            self.blank()?;
            let want = want.entry(&key);
            let value = self.value(want)?;
            any = true;
            if want.any() {
                entries.push(Entry {
                    key,
                    key_span,
                    plain: false,
                    value,
                });
            }
            self.blank()?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Node {
                        span: start..self.at,
                        kind: Kind::Map(entries),
                    });
                }
                None => return Err(self.unclosed(start, "object", '}')),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn array(&mut self, want: Want<'_>) -> Result<Node<'s>, SyntaxError> {
        let start = self.at;
        self.at += 1;
        let mut items = Vec::new();
        let mut any = false;
        let want = want.item();
        self.blank()?;
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Node {
                span: start..self.at,
                kind: Kind::Seq(items),
            });
        }
        loop {
            self.blank()?;
            match self.peek() {
                Some(b']') if any => {
                    return Err(self.error("trailing comma: JSON allows none before `]`"));
                }
                None => return Err(self.unclosed(start, "array", ']')),
                _ => {}
            }
            let item = self.value(want)?;
            any = true;
            if want.any() {
                items.push(item);
            }
            self.blank()?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Node {
                        span: start..self.at,
                        kind: Kind::Seq(items),
                    });
                }
                None => return Err(self.unclosed(start, "array", ']')),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    /// An array or object still open at the end: located at its bracket.
    fn unclosed(&self, start: usize, what: &str, bracket: char) -> SyntaxError {
        (
            start..start + 1,
            format!("unclosed {what}, expected `{bracket}`"),
        )
    }

    /// A string, the cursor on its opening quote: borrowed from the source
    /// unless it has an escape to decode.
    fn string(&mut self) -> Result<Cow<'s, str>, SyntaxError> {
        let start = self.at;
        self.at += 1;
        let mut text = String::new();
        loop {
            // Runs of plain characters are copied whole.
            let run = self.at;
            while let Some(byte) = self.peek() {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.at += 1;
            }
            let plain = &self.source[run..self.at];
            match self.peek() {
                // No escape before the closing quote: the source's own bytes.
                Some(b'"') if run == start + 1 => {
                    self.at += 1;
                    return Ok(Cow::Borrowed(plain));
                }
                Some(b'"') => {
                    text.push_str(plain);
                    self.at += 1;
                    return Ok(Cow::Owned(text));
                }
                Some(b'\\') => {
                    text.push_str(plain);
                    text.push(self.escape()?);
                }
                Some(_) => {
                    return Err(self.error("a control character in a string must be escaped"));
                }
                None => {
                    return Err((
                        start..start + 1,
                        "unclosed string, expected `\"`".to_owned(),
                    ));
                }
            }
        }
    }

    /// An escape, the cursor on its backslash.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let start = self.at;
        let bad = |at: usize, message: &str| (start..at, message.to_owned());
        let Some(&letter) = self.bytes.get(self.at + 1) else {
            return Err(bad(self.at + 1, "unfinished escape"));
        };
        self.at += 2;
        let c = match letter {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self
                    .hex()
                    .ok_or_else(|| bad(self.at, "`\\u` needs four hex digits"))?;
                if !(0xD800..0xDC00).contains(&high) {
                    return char::from_u32(high).ok_or_else(|| bad(self.at, "a lone surrogate"));
                }
                if !self.bytes[self.at..].starts_with(b"\\u") {
                    return Err(bad(self.at, "a lone surrogate"));
                }
                self.at += 2;
                let low = self
                    .hex()
                    .ok_or_else(|| bad(self.at, "`\\u` needs four hex digits"))?;
                if !(0xDC00..0xE000).contains(&low) {
                    return Err(bad(self.at, "a lone surrogate"));
                }
                let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                char::from_u32(code).ok_or_else(|| bad(self.at, "a lone surrogate"))?
            }
            _ => {
                let end = start
                    + 1
                    + self.source[start + 1..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8);
                return Err((start..end, "unknown escape".to_owned()));
            }
        };
        Ok(c)
    }

    /// Four hex digits, consumed.
    fn hex(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.at..self.at + 4)?;
        let mut value = 0;
        for &digit in digits {
            value = value * 16 + char::from(digit).to_digit(16)?;
        }
        self.at += 4;
        Some(value)
    }

    /// A number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<Kind<'s>, SyntaxError> {
        let start = self.at;
        let digits = |parser: &mut Self| {
            let from = parser.at;
            while matches!(parser.peek(), Some(b'0'..=b'9')) {
                parser.at += 1;
            }
            parser.at - from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let first = self.at;
        match digits(self) {
            0 => return Err(self.error("expected a digit")),
            n if n > 1 && self.bytes[first] == b'0' => {
                return Err((
                    first..first + 1,
                    "a number cannot start with `0`".to_owned(),
                ));
            }
            _ => {}
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            integer = false;
            if digits(self) == 0 {
                return Err(self.error("expected a digit after `.`"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            integer = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(self.error("expected a digit in the exponent"));
            }
        }
        let text = &self.source[start..self.at];
        if integer {
            if let Ok(value) = text.parse::<i64>() {
                return Ok(Kind::Int(value));
            }
            if let Ok(value) = text.parse::<u64>() {
                return Ok(Kind::UInt(value));
            }
        }
        // An integer beyond 64 bits is read as a float, as `serde_json` does.
        match text.parse::<f64>() {
            Ok(value) if value.is_finite() => Ok(Kind::Float(value)),
            _ => Err((start..self.at, "number out of range".to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(source: &str) -> (String, String) {
        let (span, message) = document(source).expect_err("an error");
        (source[span].to_owned(), message)
    }

    #[test]
    fn spans_cover_values_and_keys() {
        let source = r#" {"a": [1, -2.5e3, "x\n\u00e9\ud83d\ude00"], "b": {"c": null}} "#;
        let root = document(source).unwrap();
        let Kind::Map(entries) = &root.kind else {
            panic!()
        };
        assert_eq!(&source[root.span.clone()], source.trim());
        assert_eq!(&source[entries[0].key_span.clone()], "\"a\"");
        let Kind::Seq(items) = &entries[0].value.kind else {
            panic!()
        };
        assert_eq!(&source[items[1].span.clone()], "-2.5e3");
        assert!(matches!(items[1].kind, Kind::Float(v) if v == -2500.0));
        assert!(matches!(&items[2].kind, Kind::Str(s) if s == "x\n\u{e9}\u{1f600}"));
        assert_eq!(&source[entries[1].value.span.clone()], r#"{"c": null}"#);
    }

    #[test]
    fn numbers_keep_their_kind() {
        assert!(matches!(document("-9").unwrap().kind, Kind::Int(-9)));
        assert!(matches!(
            document("18446744073709551615").unwrap().kind,
            Kind::UInt(u64::MAX)
        ));
        assert!(document("1e400").is_err());
        assert_eq!(error("012").1, "a number cannot start with `0`");
        assert_eq!(error("1.").0, "");
    }

    #[test]
    fn what_json_forbids_is_located() {
        assert_eq!(
            error("{\"a\": 1,}"),
            (
                "}".to_owned(),
                "trailing comma: JSON allows none before `}`".to_owned()
            )
        );
        assert_eq!(
            error("[1,]").1,
            "trailing comma: JSON allows none before `]`"
        );
        assert_eq!(
            error("{\"a\": 1 // no\n}"),
            ("//".to_owned(), "comments are not JSON".to_owned())
        );
        assert_eq!(error("/* x */ {}").0, "/*");
        assert_eq!(
            error("{a: 1}").1,
            "expected a key, a string in double quotes"
        );
        assert_eq!(
            error("{\"a\": [1, 2"),
            ("[".to_owned(), "unclosed array, expected `]`".to_owned())
        );
        assert_eq!(error("\"a\tb\"").0, "\t");
        assert_eq!(error("\"\\x\"").0, "\\x");
        assert_eq!(error("\"\\ud800\"").1, "a lone surrogate");
        assert_eq!(error("{} {}").1, "trailing characters after the JSON value");
        assert_eq!(
            error("  ").1,
            "the document is empty; a JSON value was expected"
        );
        assert_eq!(error("tru").1, "expected a value");
    }

    #[test]
    fn only_the_way_to_the_table_and_the_table_are_built() {
        let source = r#"{"x": {"y": 1}, "model": [1], "model": {"rho": {"a": [2]}, "z": 3}}"#;
        let path = [
            PathSegment::Field("model".into()),
            PathSegment::Field("rho".into()),
        ];
        let root = document_for(source, &path).unwrap();
        let Kind::Map(entries) = &root.kind else {
            panic!()
        };
        // Both `model`s, as the first is the one a lookup finds; not `x`.
        let keys: Vec<&str> = entries.iter().map(|entry| &*entry.key).collect();
        assert_eq!(keys, ["model", "model"]);
        assert!(matches!(&entries[0].value.kind, Kind::Seq(items) if items.is_empty()));
        assert_eq!(&source[entries[0].value.span.clone()], "[1]");
        let Kind::Map(model) = &entries[1].value.kind else {
            panic!()
        };
        assert_eq!(model.len(), 1);
        let Kind::Map(rho) = &model[0].value.kind else {
            panic!()
        };
        assert!(matches!(&rho[0].value.kind, Kind::Seq(items) if items.len() == 1));
        // What is left out is still read for its syntax.
        let broken = r#"{"x": {"y": [1,]}, "model": {}}"#;
        assert_eq!(
            document_for(broken, &path).unwrap_err(),
            document(broken).unwrap_err()
        );
        assert_eq!(
            document_for("{\"x\": {\"y\": 1,}}", &path).unwrap_err().1,
            "trailing comma: JSON allows none before `}`"
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert_eq!(error(&deep).1, "nested more than 128 levels deep");
        let fine = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert!(document(&fine).is_ok());
    }
}
