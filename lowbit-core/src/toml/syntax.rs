//! Syntax errors worth reporting: an unclosed array or inline table makes
//! the parser read the rest of the document as its items, and every line
//! after it then yields an error of its own, each an echo of the one.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// One syntax error: where, and what the parser says.
pub(crate) struct SyntaxError {
    pub(crate) span: Range<usize>,
    pub(crate) message: String,
}

/// The errors of a document that `parse_recoverable` gave `errors` for,
/// with the echoes of each unclosed array or inline table left out: that
/// one is reported once, at its opening bracket, and the errors inside it
/// are not.
pub(crate) fn worth_reporting(
    table: &Spanned<DeTable<'_>>,
    errors: impl IntoIterator<Item = SyntaxError>,
) -> Vec<SyntaxError> {
    let mut errors: Vec<SyntaxError> = errors.into_iter().collect();
    errors.sort_by_key(|error| (error.span.start, error.span.end));
    let mut ends: Vec<usize> = errors
        .iter()
        .filter(|error| unclosed(&error.message))
        .map(|error| error.span.start)
        .collect();
    // An array inside an inline table leaves both open at one place.
    ends.dedup();
    if ends.is_empty() {
        return errors;
    }
    // Every array and inline table the parser left open: it ends where an
    // `unclosed` error is. Walked with a stack of its own, since a hostile
    // document nests deeply.
    let mut open: Vec<(Range<usize>, bool)> = Vec::new();
    let mut stack: Vec<&Spanned<DeValue<'_>>> = table.get_ref().values().collect();
    while let Some(value) = stack.pop() {
        let span = value.span();
        match value.get_ref() {
            DeValue::Array(items) => {
                if ends.contains(&span.end) {
                    open.push((span, true));
                }
                stack.extend(items.iter());
            }
            DeValue::Table(table) => {
                if ends.contains(&span.end) {
                    open.push((span, false));
                }
                stack.extend(table.values());
            }
            _ => {}
        }
    }
    let mut kept: Vec<SyntaxError> = Vec::new();
    for &end in &ends {
        // The outermost container open to `end` swallowed the errors; the
        // innermost is the one whose bracket is missing.
        let within: Vec<&(Range<usize>, bool)> = open
            .iter()
            .filter(|(span, _)| span.end == end && span.start < end)
            .collect();
        let (Some(outer), Some(inner)) = (
            within.iter().map(|(span, _)| span.start).min(),
            within.iter().max_by_key(|(span, _)| span.start),
        ) else {
            continue;
        };
        let (bracket, array) = (inner.0.start, inner.1);
        errors.retain(|error| !(outer < error.span.start && error.span.start <= end));
        kept.push(SyntaxError {
            span: bracket..bracket + 1,
            message: if array {
                "unclosed array, expected `]`".to_owned()
            } else {
                "unclosed inline table, expected `}`".to_owned()
            },
        });
    }
    errors.extend(kept);
    errors.sort_by_key(|error| (error.span.start, error.span.end));
    errors
}

fn unclosed(message: &str) -> bool {
    message.starts_with("unclosed array") || message.starts_with("unclosed inline table")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(source: &str) -> Vec<(String, String)> {
        let (table, errors) = DeTable::parse_recoverable(source);
        let errors = errors.into_iter().map(|error| SyntaxError {
            span: error.span().unwrap_or(0..0),
            message: error.message().to_owned(),
        });
        worth_reporting(&table, errors)
            .into_iter()
            .map(|error| (source[error.span].to_owned(), error.message))
            .collect()
    }

    #[test]
    fn an_unclosed_array_is_one_error_at_its_bracket() {
        let source = "x = 1\na = [1, 2\nf = 1\ni = 2\n[x]\ny = 3\n";
        assert_eq!(
            errors(source),
            [("[".to_owned(), "unclosed array, expected `]`".to_owned())]
        );
        let source = "[t]\nk = { a = 1, b = [2\nz = 5\n";
        assert_eq!(
            errors(source),
            [("[".to_owned(), "unclosed array, expected `]`".to_owned())]
        );
    }

    #[test]
    fn errors_before_the_bracket_are_kept() {
        let source = "x = \na = [1, 2\nf = 1\n";
        let found = errors(source);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].1, "unclosed array, expected `]`");
    }
}
