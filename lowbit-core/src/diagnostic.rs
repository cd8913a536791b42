//! Problems found in a config file, located in its source and rendered as
//! rustc renders errors.
//!
//! A [`Diagnostic`] is what a loader (`lowbit_core::toml`, `json`, `yaml`)
//! reports: a broken rule, a value of the wrong type, an unknown key. It knows
//! its byte span in the source and the line and column where that starts;
//! [`Diagnostic::render`] draws it with the source line and a caret under the
//! span, and `Diagnostic::to_json` (feature `json`) writes it as one record.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt::{self, Write as _};
use std::ops::Range;
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

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
    /// Where the value was set, for a config merged from several sources.
    pub(crate) origin: Option<Arc<Origin>>,
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
    /// type raises while it is read), `unknown_key`, `missing_table`,
    /// `unreported` (how many unreadable values are past the ones
    /// reported), `too_large` (a document over the size limit), `panic` (the
    /// type's own code panicked), `source` (a layered source that figment
    /// could not read, `lowbit_core::figment`).
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

    /// Where the value the diagnostic is about was set, for a config merged
    /// from several sources (`lowbit_core::figment`): which file, which
    /// environment variable, or which code. Its span, line and column are
    /// then in [`Origin::text`]. `None` for a single document, and for what
    /// no source set (a field every source leaves out).
    #[must_use]
    pub fn origin(&self) -> Option<&Origin> {
        self.origin.as_deref()
    }

    /// Draws the diagnostic as rustc draws an error: the message, the
    /// `file:line:col` it points at, the source line with a caret under the
    /// span, and the help. `source` is the text it was found in; `color`
    /// adds ANSI colours (for a terminal: decide with
    /// [`std::io::IsTerminal`]). The result ends with a newline.
    ///
    /// Only a window of the source around the span is drawn: at most a few
    /// hundred bytes, elided with `...` where a line goes on, so that drawing
    /// costs the same on a line of a megabyte as on a line of a few words.
    /// A message (or label, or help) of more than a kilobyte, one that
    /// quotes a value of megabytes, is drawn by its start and end, with
    /// `...` between. Everything drawn is safe to print to a terminal: the
    /// file name, message, label and help are passed through [`escape`], and control
    /// characters and bidirectional marks in the source are shown as
    /// symbols (`␛`, `�`).
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
        let file = escape(file);
        let message = elide(escape(&self.message));
        let label = self.label().map(|label| elide(escape(label)));
        let title = level.primary_title(&*message).id(self.code);
        let window = Window::new(source, &self.span);
        let mut group = match &window {
            Some(window) => title.element(
                Snippet::source(window.text.as_str())
                    .line_start(self.line)
                    .path(&*file)
                    .annotation(
                        AnnotationKind::Primary
                            .span(window.span.clone())
                            .label(label.as_deref()),
                    ),
            ),
            // An empty source, or not the one the diagnostic was found in.
            None => title.element(
                annotate_snippets::Origin::path(&*file)
                    .line(self.line)
                    .char_column(self.column),
            ),
        };
        let help = self.help().map(|help| elide(escape(help)));
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(&**help));
        }
        let note = self
            .origin()
            .map(|origin| escape(&origin.to_string()).into_owned());
        if let Some(note) = &note {
            group = group.element(Level::NOTE.message(&**note));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut text = renderer.render(&[group]);
        if let Some(window) = window.filter(|window| window.cut_before) {
            // The renderer counts the column from the window's start; the
            // diagnostic knows it from the line's.
            let title_end = text.find('\n').unwrap_or(text.len());
            let drawn = format!("{file}:{}:{}", self.line, window.column());
            let meant = format!("{file}:{}:{}", self.line, self.column);
            let rest = text[title_end..].replacen(&drawn, &meant, 1);
            text.truncate(title_end);
            text.push_str(&rest);
        }
        text.push('\n');
        text
    }

    /// The diagnostic as one line of JSON, naming `file`: `file`, `line`,
    /// `column`, `path`, `code`, `severity`, `message`, and `help` (`null`
    /// when there is none).
    ///
    /// Strings are written as they are, but what [`escape`] would escape
    /// is written as a JSON escape (`\u001b`, `\u009b`, `\u202e`), not only
    /// the C0 controls JSON requires: a JSON reader gets the text back
    /// exactly, and the line is safe to print to a terminal.
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
        let json = serde_json::to_string(&record).unwrap_or_default();
        escape_json(&json).into_owned()
    }
}

/// Where a value was set, for a config merged from several sources
/// (`lowbit_core::figment`): the source that won, for the value a
/// [`Diagnostic`] is about.
///
/// Its [`Display`](fmt::Display) says so in words (`set by the environment
/// variable `APP_MODEL__QUANT__ENABLE=true``), and [`Diagnostic::render`]
/// adds it as a note. To draw a diagnostic in its origin, pass
/// [`name`](Self::name) and [`text`](Self::text) to `render`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub(crate) kind: OriginKind,
    pub(crate) provider: String,
    pub(crate) name: String,
    pub(crate) text: Arc<str>,
}

/// What kind of source an [`Origin`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OriginKind {
    /// A file; the diagnostic's line and column are in it.
    File,
    /// An environment variable; the diagnostic points into `NAME=value`.
    Env,
    /// Code, such as `Serialized::defaults(..)`; the diagnostic's line and
    /// column are where in the code the source was made.
    Code,
    /// Any other source, named by its provider.
    Other,
}

impl Origin {
    /// What kind of source it is.
    #[must_use]
    pub fn kind(&self) -> OriginKind {
        self.kind
    }

    /// What the source calls itself (figment's `Metadata::name`): `TOML
    /// file`, `` `APP_` environment variable(s)``, a type's name for
    /// `Serialized`.
    #[must_use]
    pub fn provider(&self) -> &str {
        &self.provider
    }

    /// The file's path, the environment variable's full name
    /// (`APP_MODEL__QUANT__ENABLE`), the file of the code, or the provider.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The text the diagnostic's span is in: the file as it was read, the
    /// variable as `NAME=value`; empty for code and other sources.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            OriginKind::File => write!(f, "set in {} `{}`", self.provider, self.name),
            OriginKind::Env if self.text.is_empty() => {
                write!(f, "set by the {} `{}`", self.provider, self.name)
            }
            OriginKind::Env => write!(f, "set by the environment variable `{}`", self.text),
            OriginKind::Code => write!(f, "set in code by `{}`", self.provider),
            OriginKind::Other => write!(f, "set by {}", self.provider),
        }
    }
}

/// Whether `c` must not reach a terminal as it is: a control character (C0,
/// DEL, C1: escape sequences start with ESC or, in C1, CSI) or a
/// bidirectional mark, embedding, override or isolate (they reorder the text
/// shown around them, so that what is read is not what is there).
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// `text` with every character that [`is_unsafe`] written as an escape, as
/// Rust writes them: `\n`, `\r`, `\t`, else `\u{1b}`. Text that comes from
/// outside (a file name, a key, a value, a message quoting one) goes
/// through this before it is printed.
///
/// ```
/// use lowbit_core::diagnostic::escape;
///
/// assert_eq!(escape("x\u{1b}]0;pwned\u{7}.toml"), "x\\u{1b}]0;pwned\\u{7}.toml");
/// assert_eq!(escape("a\nb \u{202e}c"), "a\\nb \\u{202e}c");
/// assert_eq!(escape("plain"), "plain");
/// ```
#[must_use]
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => escaped.push_str("\\n"),
            '\r' => escaped.push_str("\\r"),
            '\t' => escaped.push_str("\\t"),
            // Writing to a `String` cannot fail.
            c if is_unsafe(c) => {
                let _ = write!(escaped, "\\u{{{:x}}}", u32::from(c));
            }
            c => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}

/// JSON text with the unsafe characters that JSON allows raw (DEL, C1, the
/// bidirectional marks) written as `\uXXXX`. Outside strings JSON has none of
/// them, and inside one the escape reads back as the character.
#[cfg(feature = "json")]
fn escape_json(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_unsafe) {
        return Cow::Borrowed(json);
    }
    let mut escaped = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if is_unsafe(c) {
            // Every unsafe character is in the Basic Multilingual Plane.
            let _ = write!(escaped, "\\u{:04x}", u32::from(c));
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

/// The longest message drawn whole, in bytes; of a longer one, the first
/// `MESSAGE_START` bytes and the last `MESSAGE_END` are drawn.
const MESSAGE: usize = 1024;
const MESSAGE_START: usize = 768;
const MESSAGE_END: usize = 192;

/// `text`, its middle elided if it is longer than `MESSAGE`.
fn elide(text: Cow<'_, str>) -> Cow<'_, str> {
    if text.len() <= MESSAGE {
        return text;
    }
    let start = floor_boundary(&text, MESSAGE_START);
    let mut end = text.len() - MESSAGE_END;
    while !text.is_char_boundary(end) {
        end += 1;
    }
    Cow::Owned(format!("{} ... {}", &text[..start], &text[end..]))
}

/// How many lines of a value spread over several are drawn: the rest of a
/// long array or inline table only hides the message.
const SHOWN_LINES: usize = 6;

/// How many bytes of source are drawn before the span, of the span itself,
/// and after it. The renderer trims a line to the terminal's width anyway;
/// these bound what it is handed, whatever the length of the line.
const BEFORE: usize = 120;
const WITHIN: usize = 240;
const AFTER: usize = 120;

/// The part of a source that is drawn for a span: whole lines when the span
/// covers a few short ones, else a window of its first line, with `...`
/// where that line goes on.
#[derive(Debug, PartialEq, Eq)]
struct Window {
    /// What the renderer is handed: control characters already replaced.
    text: String,
    /// The span, in `text`.
    span: Range<usize>,
    /// Whether the line begins before `text` does.
    cut_before: bool,
}

impl Window {
    /// `None` when the span does not fit `source`.
    fn new(source: &str, span: &Range<usize>) -> Option<Window> {
        if source.is_empty() || span.start > span.end || source.get(span.clone()).is_none() {
            return None;
        }
        // Every scan below is bounded: none reads more than a few hundred
        // bytes, whatever the length of the line or of the span.
        let back = floor_boundary(source, span.start.saturating_sub(BEFORE));
        let (start, cut_before) = match source[back..span.start].rfind('\n') {
            Some(at) => (back + at + 1, false),
            None => (back, back > 0),
        };
        // A few short lines under the span are drawn whole.
        let reach = floor_boundary(source, (span.end + AFTER).min(source.len()));
        if !cut_before && span.end - start <= WITHIN {
            if let Some(end) = source[span.end..reach].find('\n').map(|at| span.end + at) {
                let end = end - usize::from(source[..end].ends_with('\r'));
                let lines = &source[start..end];
                if lines.matches('\n').count() < SHOWN_LINES && !lines.contains('\r') {
                    return Some(Window::drawn(
                        "",
                        lines,
                        span.start - start..span.end - start,
                        "",
                    ));
                }
            } else if reach == source.len() {
                let lines = &source[start..];
                if lines.matches('\n').count() < SHOWN_LINES && !lines.contains('\r') {
                    return Some(Window::drawn(
                        "",
                        lines,
                        span.start - start..span.end - start,
                        "",
                    ));
                }
            }
        }
        // Else the first line of the span, and at most `WITHIN` of it.
        let limit = floor_boundary(source, (span.start + WITHIN).min(span.end));
        let mut end = source[span.start..limit]
            .find(['\n', '\r'])
            .map_or(limit, |at| span.start + at);
        let span_end = end;
        // The span may go on past what is drawn of it.
        let mut cut_after = end == limit && limit < span.end;
        if !cut_after {
            let reach = floor_boundary(source, (end + AFTER).min(source.len()));
            end = source[end..reach]
                .find(['\n', '\r'])
                .map_or(reach, |at| end + at);
            cut_after = end == reach && reach < source.len();
        }
        let before = if cut_before { "..." } else { "" };
        let after = if cut_after { "..." } else { "" };
        let offset = span.start - start;
        Some(Window::drawn(
            before,
            &source[start..end],
            offset..offset + (span_end - span.start),
            after,
        ))
        .map(|window| Window {
            cut_before,
            ..window
        })
    }

    /// `lines`, between `before` and `after`, with `span` (in `lines`)
    /// carried over, and each unsafe character drawn as a symbol of its
    /// own: a control picture for C0 and DEL, `�` for the rest. One
    /// character for one keeps the columns.
    fn drawn(before: &str, lines: &str, span: Range<usize>, after: &str) -> Window {
        let mut text = String::with_capacity(before.len() + lines.len() + after.len());
        text.push_str(before);
        let mut start = None;
        let mut end = None;
        for (at, c) in lines.char_indices() {
            if at == span.start {
                start = Some(text.len());
            }
            if at == span.end {
                end = Some(text.len());
            }
            text.push(match c {
                // The renderer draws these itself, and they shape the lines.
                '\n' | '\t' => c,
                '\0'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
                '\u{7f}' => '\u{2421}',
                c if is_unsafe(c) => '\u{fffd}',
                c => c,
            });
        }
        let start = start.unwrap_or(text.len());
        let end = end.unwrap_or(text.len());
        text.push_str(after);
        Window {
            text,
            span: start..end,
            cut_before: false,
        }
    }

    /// The column the renderer gives the span's start: from 1, in
    /// characters of the window.
    fn column(&self) -> usize {
        self.text[..self.span.start].chars().count() + 1
    }
}

/// The largest char boundary of `source` at or before `at`.
fn floor_boundary(source: &str, mut at: usize) -> usize {
    while !source.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A position in a source: line and column from 1, columns in characters.
///
/// It remembers the last position it gave, and counts from there when the
/// next is further on: positions asked for in the order of the source cost,
/// all together, one pass over the source up to the last of them, however
/// many there are on one line. It indexes nothing up front, so a document
/// with one diagnostic near its start costs next to nothing to locate.
pub(crate) struct LineIndex<'s> {
    source: &'s str,
    /// The last position given.
    last: Cell<Cursor>,
}

/// A position, and where its line starts.
#[derive(Clone, Copy)]
struct Cursor {
    offset: usize,
    line: usize,
    line_start: usize,
    column: usize,
}

impl Cursor {
    const START: Cursor = Cursor {
        offset: 0,
        line: 1,
        line_start: 0,
        column: 1,
    };
}

impl<'s> LineIndex<'s> {
    pub(crate) fn new(source: &'s str) -> Self {
        LineIndex {
            source,
            last: Cell::new(Cursor::START),
        }
    }

    /// Line and column of the byte `offset`.
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.source.len());
        let mut at = self.last.get();
        if offset < at.offset {
            // Backwards: from the start of the line, or of the source.
            at = if offset >= at.line_start {
                Cursor {
                    offset: at.line_start,
                    column: 1,
                    ..at
                }
            } else {
                Cursor::START
            };
        }
        let between = &self.source.as_bytes()[at.offset..offset];
        // A count the compiler vectorises, then one search back.
        let newlines = between.iter().filter(|&&byte| byte == b'\n').count();
        if let Some(last) = between.iter().rposition(|&byte| byte == b'\n') {
            let line_start = at.offset + last + 1;
            at = Cursor {
                offset: line_start,
                line: at.line + newlines,
                line_start,
                column: 1,
            };
        }
        at.column += self
            .source
            .get(at.offset..offset)
            .map_or(offset - at.offset, |text| text.chars().count());
        at.offset = offset;
        self.last.set(at);
        (at.line, at.column)
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

    /// The text and span a window hands the renderer.
    fn shown(source: &str, span: Range<usize>) -> Option<(String, Range<usize>)> {
        Window::new(source, &span).map(|window| (window.text, window.span))
    }

    fn pair(text: &str, span: Range<usize>) -> Option<(String, Range<usize>)> {
        Some((text.to_owned(), span))
    }

    #[test]
    fn positions_asked_in_order_are_counted_from_the_last() {
        let line = "é".repeat(50);
        let index = LineIndex::new(&line);
        for at in 0..=50 {
            assert_eq!(index.position(2 * at), (1, at + 1));
        }
        // Backwards, and onto another line, it counts from the line's start.
        assert_eq!(index.position(10), (1, 6));
        let index = LineIndex::new("ab\ncd");
        assert_eq!(index.position(4), (2, 2));
        assert_eq!(index.position(1), (1, 2));
        assert_eq!(index.position(5), (2, 3));
    }

    #[test]
    fn a_long_span_is_drawn_on_its_first_line() {
        let source = format!("a = 1\nb = [\n{}]\n", "  2,\n".repeat(100));
        let start = source.find('[').unwrap();
        let span = start..source.rfind(']').unwrap() + 1;
        assert_eq!(shown(&source, span), pair("b = [", 4..5));
        // A short one is drawn whole.
        let source = "b = [\n  2,\n]\n";
        assert_eq!(shown(source, 4..12), pair("b = [\n  2,\n]", 4..12));
        // So is one that ends the source.
        assert_eq!(shown("a = 1\nb = [\n]", 10..13), pair("b = [\n]", 4..7));
    }

    #[test]
    fn carriage_returns_are_not_drawn() {
        let source = "a = 1\r\nb = [\r\n  2,\r\n]\r\n";
        assert_eq!(shown(source, 4..5), pair("a = 1", 4..5));
        assert_eq!(shown(source, 11..21), pair("b = [", 4..5));
    }

    #[test]
    fn a_span_that_does_not_fit_the_source_is_not_drawn() {
        assert_eq!(shown("a = 1", 3..40), None);
        assert_eq!(shown("é", 1..2), None);
        assert_eq!(shown("", 0..0), None);
    }

    #[test]
    fn a_long_line_is_drawn_as_a_window_around_the_span() {
        let value = "x".repeat(1_000_000);
        let source = format!("[a]\nb = \"{value}\" c = 1 # {value}\nd = 2\n");
        let c = source.find("c = 1").unwrap();
        let window = Window::new(&source, &(c..c + 1)).unwrap();
        assert!(window.cut_before);
        assert!(window.text.starts_with("...xxx"));
        assert!(window.text.ends_with("xxx..."));
        assert!(window.text.len() <= 3 + BEFORE + AFTER + 3 + 1);
        assert_eq!(&window.text[window.span.clone()], "c");
        // A span of a megabyte is drawn by its start.
        let b = source.find('"').unwrap();
        let window = Window::new(&source, &(b..b + value.len() + 2)).unwrap();
        assert!(!window.cut_before);
        assert_eq!(window.span, 4..4 + WITHIN);
        assert!(window.text.ends_with("xxx..."));
    }

    #[test]
    fn a_window_keeps_characters_whole() {
        let source = format!("b = \"{}\" c = 1", "é".repeat(500));
        let c = source.find('c').unwrap();
        let window = Window::new(&source, &(c..c + 1)).unwrap();
        assert_eq!(&window.text[window.span.clone()], "c");
        assert!(window.text.starts_with("...éé"));
    }

    #[test]
    fn rendering_a_long_line_names_the_column_of_the_line() {
        let source = format!("b = \"{}\" c = 1\n", "x".repeat(5000));
        let c = source.find("c = 1").unwrap();
        let diagnostic = Diagnostic {
            severity: Severity::Error,
            code: "test",
            message: "here".to_owned(),
            path: "c".to_owned(),
            span: c..c + 1,
            line: 1,
            column: c + 1,
            label: Some("this".to_owned()),
            help: None,
            origin: None,
        };
        let text = diagnostic.render("f.toml", &source, false);
        assert!(
            text.contains(&format!("--> f.toml:1:{}\n", c + 1)),
            "{text}"
        );
        assert!(text.contains("c = 1"), "{text}");
        assert!(text.contains("^ this"), "{text}");
        assert!(text.len() < 1000, "{text}");
    }

    #[test]
    fn a_long_message_is_drawn_by_its_ends() {
        let long = format!("unknown variant `{}é`, expected `a`", "é".repeat(5000));
        let drawn = elide(Cow::Borrowed(&long));
        assert!(drawn.len() <= MESSAGE + 8);
        assert!(drawn.starts_with("unknown variant `éé"));
        assert!(drawn.contains("éé ... éé"));
        assert!(drawn.ends_with("é`, expected `a`"));
        assert_eq!(elide(Cow::Borrowed("short")), "short");
    }

    #[test]
    fn control_characters_are_drawn_as_symbols() {
        let source = "a = \"\u{1b}[31m\u{9b}\u{202e}\u{7f}\u{0}\" # é";
        let (text, span) = shown(source, 4..source.find('#').unwrap() - 1).unwrap();
        assert_eq!(text, "a = \"␛[31m\u{fffd}\u{fffd}␡␀\" # é");
        assert_eq!(&text[span], "\"␛[31m\u{fffd}\u{fffd}␡␀\"");
        assert!(!text.chars().any(is_unsafe));
    }

    #[test]
    fn everything_rendered_is_escaped() {
        let source = "k = \"\u{9b}2J\"\n";
        let diagnostic = Diagnostic {
            severity: Severity::Warning,
            code: "test",
            message: "bad \u{1b}]0;title\u{7} \u{9b}2J\nsecond".to_owned(),
            path: String::new(),
            span: 4..9,
            line: 1,
            column: 5,
            label: Some("label \u{202e}".to_owned()),
            help: Some("help \u{200f}\u{85}".to_owned()),
            origin: None,
        };
        let text = diagnostic.render("x\u{1b}]0;pwned\u{7}.toml", source, false);
        assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'), "{text:?}");
        assert!(text.contains("bad \\u{1b}]0;title\\u{7} \\u{9b}2J\\nsecond"));
        assert!(text.contains("--> x\\u{1b}]0;pwned\\u{7}.toml:1:5"));
        assert!(text.contains("label \\u{202e}"));
        assert!(text.contains("help \\u{200f}\\u{85}"));
    }

    #[cfg(feature = "json")]
    #[test]
    fn json_escapes_what_json_allows_raw() {
        let diagnostic = Diagnostic {
            severity: Severity::Error,
            code: "test",
            message: "a\u{1b}b\u{7f}c\u{9b}d\u{2066}e\ne".to_owned(),
            path: "k".to_owned(),
            span: 0..0,
            line: 1,
            column: 1,
            label: None,
            help: None,
            origin: None,
        };
        let json = diagnostic.to_json("f\u{202e}.toml");
        assert!(!json.chars().any(is_unsafe), "{json}");
        let read: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(read["message"], diagnostic.message);
        assert_eq!(read["file"], "f\u{202e}.toml");
    }
}
