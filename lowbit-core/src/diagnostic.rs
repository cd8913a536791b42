//! Problems found in a config file, located in its source and rendered as
//! rustc renders errors.
//!
//! A [`Diagnostic`] is what [`toml::Options::load`](crate::toml::Options::load)
//! reports: a broken rule, a value of the wrong type, an unknown key. It knows
//! its byte span in the source and the line and column where that starts;
//! [`Diagnostic::render`] draws it with the source line and a caret under the
//! span, and `Diagnostic::to_json` (feature `json`) writes it as one record.

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};

/// How much a [`Diagnostic`] matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing; the config is still valid (an unknown key, by default).
    Warning,
    /// The config is invalid.
    Error,
}

impl Severity {
    /// `"warning"` or `"error"`, as rendered.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem, located in the source it was found in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub(crate) severity: Severity,
    pub(crate) code: &'static str,
    pub(crate) message: String,
    pub(crate) path: String,
    pub(crate) span: Range<usize>,
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) label: Option<String>,
    pub(crate) help: Option<String>,
}

impl Diagnostic {
    /// Error or warning.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// What kind of problem: a rule's code (`one_of`, `requires`, ..., see
    /// [`Violation::code`](crate::Violation::code)), or one of `syntax`,
    /// `invalid_type`, `invalid_value`, `invalid_length`, `unknown_variant`,
    /// `missing_field`, `duplicate_field`, `deserialize` (any other error a
    /// type raises while it is read), `unknown_key`, `missing_table`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// What is wrong, in one sentence.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Where in the document, as the document spells it
    /// (`model.rho.compression`); empty for the document itself.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The bytes of the source the diagnostic points at: the value, the key,
    /// or, for something the file leaves out, the table that would hold it.
    #[must_use]
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The line where the span starts, from 1.
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column where the span starts, from 1, in characters.
    #[must_use]
    pub fn column(&self) -> usize {
        self.column
    }

    /// A note under the caret, where there is one.
    #[must_use]
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }

    /// What to do about it, where there is something to say.
    #[must_use]
    pub fn help(&self) -> Option<&str> {
        self.help.as_deref()
    }

    /// Draws the diagnostic as rustc draws an error: the message, the
    /// `file:line:col` it points at, the source line with a caret under the
    /// span, and the help. `source` is the text it was found in; `color`
    /// adds ANSI colours (for a terminal: decide with
    /// [`std::io::IsTerminal`]). The result ends with a newline.
    ///
    /// ```
    /// #[derive(serde::Deserialize, lowbit_core::Validate)]
    /// struct Train {
    ///     #[range(min = 1, max = 64)]
    ///     window: u32,
    /// }
    ///
    /// let source = "[train]\nwindow = 80\n";
    /// let loaded = lowbit_core::toml::Options::new()
    ///     .table("train")
    ///     .load::<Train>(source);
    /// let text = loaded.diagnostics()[0].render("train.toml", source, false);
    /// assert!(text.starts_with("error[range]: "));
    /// assert!(text.contains("--> train.toml:2:10"));
    /// assert!(text.contains("2 | window = 80\n  |          ^^"));
    /// ```
    #[must_use]
    pub fn render(&self, file: &str, source: &str, color: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level.primary_title(self.message.as_str()).id(self.code);
        // Only the lines under the span go to the renderer, so rendering
        // costs the length of those lines, not of the file.
        let mut group = match shown(source, &self.span) {
            Some((lines, span)) => title.element(
                Snippet::source(&source[lines])
                    .line_start(self.line)
                    .path(file)
                    .annotation(AnnotationKind::Primary.span(span).label(self.label())),
            ),
            // An empty source, or not the one the diagnostic was found in.
            None => title.element(Origin::path(file).line(self.line).char_column(self.column)),
        };
        if let Some(help) = self.help() {
            group = group.element(Level::HELP.message(help));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut text = renderer.render(&[group]);
        text.push('\n');
        text
    }

    /// The diagnostic as one line of JSON, naming `file`: `file`, `line`,
    /// `column`, `path`, `code`, `severity`, `message`, and `help` (`null`
    /// when there is none).
    ///
    /// ```
    /// #[derive(serde::Deserialize, lowbit_core::Validate)]
    /// struct Train {
    ///     #[range(min = 1, max = 64, message = "window must fit the cache")]
    ///     window: u32,
    /// }
    ///
    /// let source = "[train]\nwindow = 80\n";
    /// let loaded = lowbit_core::toml::Options::new()
    ///     .table("train")
    ///     .load::<Train>(source);
    /// let json = loaded.diagnostics()[0].to_json("train.toml");
    /// assert_eq!(
    ///     json,
    ///     r#"{"file":"train.toml","line":2,"column":10,"path":"train.window","code":"range","severity":"error","message":"window must fit the cache","help":null}"#
    /// );
    /// ```
    #[cfg(feature = "json")]
    #[must_use]
    pub fn to_json(&self, file: &str) -> String {
        #[derive(serde::Serialize)]
        struct Record<'a> {
            file: &'a str,
            line: usize,
            column: usize,
            path: &'a str,
            code: &'a str,
            severity: &'a str,
            message: &'a str,
            help: Option<&'a str>,
        }
        let record = Record {
            file,
            line: self.line,
            column: self.column,
            path: &self.path,
            code: self.code,
            severity: self.severity.as_str(),
            message: &self.message,
            help: self.help(),
        };
        // A struct of strings and numbers always serializes.
        serde_json::to_string(&record).unwrap_or_default()
    }
}

/// How many lines of a value spread over several are drawn: the rest of a
/// long array or inline table only hides the message.
const SHOWN_LINES: usize = 6;

/// The lines of `source` to draw for `span`, and the span within them;
/// `None` when the span does not fit `source`.
fn shown(source: &str, span: &Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
    if source.is_empty() || span.start > span.end || source.get(span.clone()).is_none() {
        return None;
    }
    let mut lines = lines_around(source, span);
    let mut end = span.end;
    let text = &source[lines.clone()];
    // The renderer draws a carriage return as a symbol: a value spread over
    // CRLF lines is drawn on its first line, as a long one is.
    if text.matches('\n').nth(SHOWN_LINES - 1).is_some() || text.contains("\r\n") {
        // Keep the first line of the span only: its start is what matters.
        end = source[span.start..]
            .find('\n')
            .map_or(source.len(), |at| span.start + at);
        lines.end = end;
    }
    // Nor the carriage return of a CRLF line's end.
    if source[..lines.end].ends_with('\r') {
        lines.end -= 1;
        end = end.min(lines.end);
    }
    Some((lines.clone(), span.start - lines.start..end - lines.start))
}

/// The whole lines that `span` touches, without the last line's newline.
fn lines_around(source: &str, span: &Range<usize>) -> Range<usize> {
    let start = source[..span.start].rfind('\n').map_or(0, |at| at + 1);
    let end = source[span.end..]
        .find('\n')
        .map_or(source.len(), |at| span.end + at);
    start..end
}

/// A position in a source: line and column from 1, columns in characters.
pub(crate) struct LineIndex<'s> {
    source: &'s str,
    /// The byte offset where each line starts.
    starts: Vec<usize>,
}

impl<'s> LineIndex<'s> {
    pub(crate) fn new(source: &'s str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|&(_, byte)| byte == b'\n')
                .map(|(at, _)| at + 1),
        );
        LineIndex { source, starts }
    }

    /// Line and column of the byte `offset`.
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.source.len());
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        let column = self
            .source
            .get(start..offset)
            .map_or(offset - start, |text| text.chars().count());
        (line, column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let index = LineIndex::new("ab\nçd = 1\n");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(2), (1, 3));
        assert_eq!(index.position(3), (2, 1));
        // `ç` is two bytes and one column.
        assert_eq!(index.position(5), (2, 2));
        assert_eq!(index.position(100), (3, 1));
    }

    #[test]
    fn a_long_span_is_drawn_on_its_first_line() {
        let source = format!("a = 1\nb = [\n{}]\n", "  2,\n".repeat(100));
        let start = source.find('[').unwrap();
        let span = start..source.rfind(']').unwrap() + 1;
        let (lines, within) = shown(&source, &span).unwrap();
        assert_eq!(&source[lines.clone()], "b = [");
        assert_eq!(within, 4..5);
        // A short one is drawn whole.
        let source = "b = [\n  2,\n]\n";
        let (lines, within) = shown(source, &(4..12)).unwrap();
        assert_eq!((&source[lines], within), ("b = [\n  2,\n]", 4..12));
    }

    #[test]
    fn carriage_returns_are_not_drawn() {
        let source = "a = 1\r\nb = [\r\n  2,\r\n]\r\n";
        let (lines, within) = shown(source, &(4..5)).unwrap();
        assert_eq!((&source[lines], within), ("a = 1", 4..5));
        let (lines, within) = shown(source, &(11..21)).unwrap();
        assert_eq!((&source[lines], within), ("b = [", 4..5));
    }

    #[test]
    fn a_span_that_does_not_fit_the_source_is_not_drawn() {
        assert_eq!(shown("a = 1", &(3..40)), None);
        assert_eq!(shown("é", &(1..2)), None);
        assert_eq!(shown("", &(0..0)), None);
    }

    #[test]
    fn the_lines_around_a_span_are_whole_lines() {
        let source = "a = 1\nb = [\n  2,\n]\nc = 3";
        let b = source.find('[').unwrap();
        let end = source.find(']').unwrap() + 1;
        assert_eq!(&source[lines_around(source, &(b..end))], "b = [\n  2,\n]");
        let c = source.find('3').unwrap();
        assert_eq!(&source[lines_around(source, &(c..c + 1))], "c = 3");
    }
}
