//! What `validate()` returns when a config breaks its rules.

use std::borrow::Cow;
use std::fmt;
use std::mem::ManuallyDrop;

use crate::path::{Path, PathSegment};

/// The offending value of a [`Violation`], as the config file spells it.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Value {
    /// An enum variant, by its serde name.
    Name(&'static str),
    /// A string.
    Text(String),
    /// A boolean.
    Bool(bool),
    /// A signed integer.
    Int(i128),
    /// An unsigned integer.
    UInt(u128),
    /// A floating-point number.
    Float(f64),
    /// A count: the length of a string or collection, for `length` rules.
    Len(usize),
    /// A `std::time::Duration`, shown as a duration literal of `range`
    /// is written: `1h30m`, `250ms`.
    Duration(std::time::Duration),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Name(name) => write!(f, "\"{}\"", name.escape_debug()),
            Value::Text(text) => write!(f, "\"{}\"", text.escape_debug()),
            Value::Bool(value) => write!(f, "{value}"),
            Value::Int(value) => write!(f, "{value}"),
            Value::UInt(value) => write!(f, "{value}"),
            // Debug keeps the `.0` of whole numbers, as a config file writes them.
            Value::Float(value) => write!(f, "{value:?}"),
            Value::Len(value) => write!(f, "{value}"),
            Value::Duration(value) => write_duration(f, *value),
        }
    }
}

/// A duration as `range` bounds are written, largest unit first and each
/// unit once, zero units left out: `1h30m`, `1s500ms`, `0s`. Below a
/// millisecond, `us` and `ns` (which no bound is written in) keep it exact.
pub(crate) fn write_duration(
    f: &mut fmt::Formatter<'_>,
    duration: std::time::Duration,
) -> fmt::Result {
    let secs = duration.as_secs();
    let nanos = duration.subsec_nanos();
    let parts = [
        (secs / 86_400, "d"),
        (secs / 3_600 % 24, "h"),
        (secs / 60 % 60, "m"),
        (secs % 60, "s"),
        (u64::from(nanos / 1_000_000), "ms"),
        (u64::from(nanos / 1_000 % 1_000), "us"),
        (u64::from(nanos % 1_000), "ns"),
    ];
    if duration.is_zero() {
        return f.write_str("0s");
    }
    for (count, unit) in parts {
        if count > 0 {
            write!(f, "{count}{unit}")?;
        }
    }
    Ok(())
}

/// The text of a violation: either a template from a rule, with `{path}` and
/// `{value}` filled in when displayed, or text made at run time.
#[derive(Clone, Debug, PartialEq)]
enum Message {
    /// A template and the names its `{0}`..`{9}` stand for: serde names of
    /// nested fields, which only their own derive knows.
    Template(Cow<'static, str>, &'static [&'static str]),
    Text(Cow<'static, str>),
}

/// One broken rule: where, which rule, the offending value, and a sentence
/// that says it.
///
/// ```
/// use lowbit_core::Validate;
///
/// #[derive(serde::Deserialize, Validate, Default)]
/// #[serde(rename_all = "snake_case")]
/// enum Precision { #[default] Bf16, Fp8Exp }
///
/// #[derive(Validate, Default)]
/// struct Rho {
///     #[one_of("bf16")]
///     precision: Precision,
/// }
///
/// let report = Rho { precision: Precision::Fp8Exp }.validate().unwrap_err();
/// let violation = report.iter().next().unwrap();
/// assert_eq!(violation.path().to_string(), "precision");
/// assert_eq!(violation.code(), "one_of");
/// assert_eq!(violation.value().unwrap().to_string(), "\"fp8_exp\"");
/// assert_eq!(
///     violation.to_string(),
///     "precision must be \"bf16\", not \"fp8_exp\""
/// );
/// ```
#[derive(Clone, PartialEq)]
pub struct Violation {
    path: Path,
    code: &'static str,
    value: Option<Value>,
    message: Message,
    /// Broken by a rule marked `warn`: reported, but the config is valid.
    warning: bool,
    /// About a map's key rather than its value (`keys(..)`).
    about_key: bool,
    /// Other keys a file may spell a segment of the path with: for the
    /// segment at each index, the field's `#[serde(alias = "..")]`es, so
    /// that a loader finds a value the file gives under an alias.
    /// Boxed, and `None` without any: seldom used, and a `Vec` in place
    /// would be two more words to move with every violation.
    #[allow(clippy::box_collection)]
    aliases: Option<Box<Vec<SegmentAliases>>>,
}

/// The aliases of the field that the path segment at the index names.
type SegmentAliases = (usize, &'static [&'static str]);

impl Violation {
    /// A violation of the rule `code` at `path`, saying `message` as it is.
    #[must_use]
    pub fn new(path: Path, code: &'static str, message: impl Into<Cow<'static, str>>) -> Self {
        Violation {
            path,
            code,
            value: None,
            message: Message::Text(message.into()),
            warning: false,
            about_key: false,
            aliases: None,
        }
    }

    /// A violation whose message is a template: `{path}` and `{value}` are
    /// filled in when it is displayed, `{{` and `}}` stand for braces.
    #[must_use]
    pub fn from_template(path: Path, code: &'static str, template: &'static str) -> Self {
        Violation {
            path,
            code,
            value: None,
            message: Message::Template(Cow::Borrowed(template), &[]),
            warning: false,
            about_key: false,
            aliases: None,
        }
    }

    /// A violation whose template also uses `{0}`..`{9}` for `names`.
    pub(crate) fn from_template_with_names(
        path: Path,
        code: &'static str,
        template: &'static str,
        names: &'static [&'static str],
        value: Option<Value>,
    ) -> Self {
        Violation {
            path,
            code,
            value,
            message: Message::Template(Cow::Borrowed(template), names),
            warning: false,
            about_key: false,
            aliases: None,
        }
    }

    /// The same violation, naming `value` as the offending value.
    #[must_use]
    pub fn with_value(mut self, value: Option<Value>) -> Self {
        self.value = value;
        self
    }

    /// The same violation as a warning: reported, but it does not make the
    /// config invalid (what a rule marked `warn` records).
    #[must_use]
    pub fn into_warning(mut self) -> Self {
        self.warning = true;
        self
    }

    /// Whether this is a warning (a rule marked `warn`), which leaves the
    /// config valid, rather than an error.
    #[must_use]
    pub fn is_warning(&self) -> bool {
        self.warning
    }

    /// The same violation, about the key of the map entry its path ends
    /// at rather than the entry's value: what `#[keys(..)]` reports, and
    /// what a loader points at.
    #[must_use]
    pub fn about_key(mut self) -> Self {
        self.about_key = true;
        self
    }

    /// Whether the violation is about the key its path ends at, not the
    /// value under it (see [`about_key`](Self::about_key)).
    #[must_use]
    pub fn is_about_key(&self) -> bool {
        self.about_key
    }

    /// The other keys a file may give the segment at `index` of the path
    /// under: the aliases of the field it names, empty when it has none.
    #[cfg(feature = "load")]
    pub(crate) fn aliases_at(&self, index: usize) -> &'static [&'static str] {
        self.aliases
            .iter()
            .flat_map(|aliases| aliases.iter())
            .find(|(at, _)| *at == index)
            .map_or(&[], |(_, aliases)| aliases)
    }

    /// Where the offending value sits, in serde names.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The rule that is broken: `one_of`, `none_of`, `requires`, `only_if`,
    /// `required_if`, `conflicts_with`, `range`, `length`, `non_empty`,
    /// `custom`, and on the container `at_most_one`, `exactly_one`,
    /// `at_least_one`. Stable across releases.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The offending value, where the rule has one.
    #[must_use]
    pub fn value(&self) -> Option<&Value> {
        self.value.as_ref()
    }

    /// The same violation, moved below `prefix` (both its path and the
    /// `{path}` of its message).
    #[must_use]
    pub fn prefixed(mut self, prefix: &Path) -> Self {
        self.path = self.path.prefixed(prefix);
        // The aliased segments moved down with the rest of the path.
        let moved = prefix.segments().len();
        for (index, _) in self
            .aliases
            .iter_mut()
            .flat_map(|aliases| aliases.iter_mut())
        {
            *index += moved;
        }
        self
    }
}

/// Reads as the violation reads: its path and message rendered, so that an
/// `unwrap()` on a failed `validate()` says what broke.
impl fmt::Debug for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("Violation");
        debug
            .field("path", &format_args!("{}", self.path))
            .field("code", &self.code)
            .field("value", &self.value)
            .field("message", &format_args!("{self}"));
        // Only when it is one, so that errors read as they always have.
        if self.warning {
            debug.field("warning", &true);
        }
        debug.finish()
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.message {
            Message::Text(text) => f.write_str(text),
            Message::Template(template, names) => render(template, names, self, f),
        }
    }
}

impl Violation {
    /// Fills the placeholders of sibling fields (`{action}`) in a template
    /// message with their values as a config file spells them, text
    /// unquoted: `"{action} needs a target_label"` reads `hashmod needs a
    /// target_label`. A value that is absent reads `(none)`.
    pub(crate) fn fill_siblings(&mut self, siblings: &[(&str, Option<Value>)]) {
        let Message::Template(template, names) = &self.message else {
            return;
        };
        let mut filled = String::with_capacity(template.len());
        let mut rest: &str = template;
        while let Some(at) = rest.find(['{', '}']) {
            filled.push_str(&rest[..at]);
            rest = &rest[at..];
            let sibling = rest
                .strip_prefix('{')
                .and_then(|inner| inner.split_once('}'))
                .and_then(|(name, _)| {
                    siblings
                        .iter()
                        .find(|(sibling, _)| *sibling == name)
                        .map(|(_, value)| (name.len() + 2, value))
                });
            if rest.starts_with("{{") || rest.starts_with("}}") {
                filled.push_str(&rest[..2]);
                rest = &rest[2..];
            } else if let Some((taken, value)) = sibling {
                let text = match value {
                    Some(Value::Name(name)) => (*name).to_owned(),
                    Some(Value::Text(text)) => text.clone(),
                    Some(other) => other.to_string(),
                    None => "(none)".to_owned(),
                };
                // The value is text, not a template: its braces stay braces.
                filled.push_str(&text.replace('{', "{{").replace('}', "}}"));
                rest = &rest[taken..];
            } else {
                filled.push_str(&rest[..1]);
                rest = &rest[1..];
            }
        }
        filled.push_str(rest);
        self.message = Message::Template(Cow::Owned(filled), names);
    }
}

/// Writes `template` with its placeholders filled in. The derive has already
/// rejected unknown placeholders, so anything else is written as it stands.
fn render(
    template: &str,
    names: &[&str],
    violation: &Violation,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        f.write_str(&rest[..at])?;
        rest = &rest[at..];
        let taken = if rest.starts_with("{{") {
            f.write_str("{")?;
            2
        } else if rest.starts_with("}}") {
            f.write_str("}")?;
            2
        } else if rest.starts_with("{path}") {
            write!(f, "{}", violation.path)?;
            6
        } else if rest.starts_with("{value}") {
            match &violation.value {
                Some(value) => write!(f, "{value}")?,
                None => f.write_str("(no value)")?,
            }
            7
        } else if let Some(name) = numbered(rest).and_then(|index| names.get(index)) {
            f.write_str(name)?;
            3
        } else {
            f.write_str(&rest[..1])?;
            1
        };
        rest = &rest[taken..];
    }
    f.write_str(rest)
}

/// The index in `{3}`, if `text` starts with such a placeholder.
pub(crate) fn numbered(text: &str) -> Option<usize> {
    match text.as_bytes() {
        [b'{', digit @ b'0'..=b'9', b'}', ..] => Some(usize::from(digit - b'0')),
        _ => None,
    }
}

/// Every rule a config breaks, in the order of its fields.
///
/// Iterate it with `for violation in &report`; display it to get one sentence
/// a line (a warning's starts with `warning: `). It is a
/// [`std::error::Error`], so `?` carries it into `anyhow` or
/// `Box<dyn Error>`.
///
/// It holds warnings too, the violations of rules marked `warn`
/// ([`Violation::is_warning`]): [`Validate::report`](crate::Validate::report)
/// returns them even for a valid config, and the report of a failed
/// `validate()` holds them beside its errors.
#[derive(Clone, Default)]
pub struct Report {
    /// Boxed, and `None` until the first violation: a `Report` is one
    /// pointer, so that the `Result<(), Report>` of a valid config costs
    /// its caller nothing to drop (the drop is a test the caller inlines).
    /// Never `Some` of an empty list. Dropped by hand (see `Drop`), so
    /// that the drop of a `Report` stays that test and a call.
    violations: Option<ManuallyDrop<Box<Violations>>>,
}

impl Drop for Report {
    /// A test the caller inlines; the list is dropped out of line. Left to
    /// the compiler, the drop of the list (a match, a violation's fields)
    /// was inlined into `drop_in_place::<Result<(), Report>>` until that
    /// grew too large to inline, and a valid config's caller paid a call.
    #[inline]
    fn drop(&mut self) {
        if let Some(list) = self.violations.take() {
            drop_list(ManuallyDrop::into_inner(list));
        }
    }
}

#[inline(never)]
fn drop_list(list: Box<Violations>) {
    drop(list);
}

/// The violations of a non-empty report. The first sits in the report's
/// own box, so that a config broken once (the common case) costs one
/// allocation there, not two; the second moves them to a vector.
#[derive(Clone)]
enum Violations {
    One(Violation),
    Many(Vec<Violation>),
}

impl Violations {
    #[inline]
    fn as_slice(&self) -> &[Violation] {
        match self {
            Violations::One(violation) => std::slice::from_ref(violation),
            Violations::Many(violations) => violations,
        }
    }

    #[inline]
    fn as_mut_slice(&mut self) -> &mut [Violation] {
        match self {
            Violations::One(violation) => std::slice::from_mut(violation),
            Violations::Many(violations) => violations,
        }
    }

    fn into_vec(self) -> Vec<Violation> {
        match self {
            Violations::One(violation) => vec![violation],
            Violations::Many(violations) => violations,
        }
    }
}

impl PartialEq for Report {
    fn eq(&self, other: &Self) -> bool {
        self.violations() == other.violations()
    }
}

impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Report")
            .field("violations", &self.violations())
            .finish()
    }
}

impl Report {
    /// An empty report.
    #[must_use]
    #[inline]
    pub const fn new() -> Self {
        Report { violations: None }
    }

    /// Records a violation.
    pub fn push(&mut self, violation: Violation) {
        let Some(violations) = &mut self.violations else {
            self.violations = Some(ManuallyDrop::new(Box::new(Violations::One(violation))));
            return;
        };
        match &mut ***violations {
            Violations::Many(list) => list.push(violation),
            Violations::One(_) => {
                // Room for a few at once: a config broken twice is often
                // broken more.
                let mut list = Vec::with_capacity(4);
                let Violations::One(first) =
                    std::mem::replace(&mut ***violations, Violations::Many(Vec::new()))
                else {
                    unreachable!("matched as one")
                };
                list.push(first);
                list.push(violation);
                ***violations = Violations::Many(list);
            }
        }
    }

    /// The violation recorded last, for generated code to complete.
    pub(crate) fn last_mut(&mut self) -> Option<&mut Violation> {
        self.violations_mut().last_mut()
    }

    /// Makes the violation recorded last a warning (a rule marked `warn`).
    pub(crate) fn mark_last_warning(&mut self) {
        if let Some(last) = self.last_mut() {
            last.warning = true;
        }
    }

    /// Marks the violations from the `from`th on as about keys: those a
    /// `keys(..)` rule just recorded.
    pub(crate) fn about_keys_from(&mut self, from: usize) {
        for violation in self.violations_mut().iter_mut().skip(from) {
            violation.about_key = true;
        }
    }

    /// Records on the violations from the `from`th on, for each whose
    /// path names one of `fields` at segment `depth`, that field's aliases.
    pub(crate) fn field_aliases_from(
        &mut self,
        from: usize,
        depth: usize,
        fields: &[(&'static str, &'static [&'static str])],
    ) {
        for violation in self.violations_mut().iter_mut().skip(from) {
            let Some(PathSegment::Field(name)) = violation.path.segments().get(depth) else {
                continue;
            };
            if let Some((_, aliases)) = fields.iter().find(|(field, _)| field == name) {
                violation
                    .aliases
                    .get_or_insert_with(Box::default)
                    .push((depth, aliases));
            }
        }
    }

    /// How many violations there are.
    #[must_use]
    #[inline]
    pub fn len(&self) -> usize {
        self.violations().len()
    }

    /// Whether nothing was violated, not even a warning's rule.
    #[must_use]
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.violations.is_none()
    }

    /// Whether a violation is an error, not a warning: whether the config
    /// is invalid.
    #[must_use]
    #[inline]
    pub fn has_errors(&self) -> bool {
        self.iter().any(|violation| !violation.warning)
    }

    /// The violations that are errors, in the order they were found.
    pub fn errors(&self) -> impl Iterator<Item = &Violation> {
        self.iter().filter(|violation| !violation.warning)
    }

    /// The violations that are warnings, in the order they were found.
    pub fn warnings(&self) -> impl Iterator<Item = &Violation> {
        self.iter().filter(|violation| violation.warning)
    }

    /// The violations, in the order they were found.
    #[must_use]
    pub fn violations(&self) -> &[Violation] {
        self.violations.as_ref().map_or(&[], |list| list.as_slice())
    }

    fn violations_mut(&mut self) -> &mut [Violation] {
        self.violations
            .as_mut()
            .map_or(&mut [], |list| list.as_mut_slice())
    }

    /// An iterator over the violations.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.violations().iter()
    }

    /// `Ok(())` when the report holds no error (warnings alone leave a
    /// config valid), else `Err(self)`, warnings included.
    ///
    /// # Errors
    ///
    /// The report itself, when it holds an error.
    #[inline]
    pub fn into_result(self) -> Result<(), Report> {
        if self.has_errors() { Err(self) } else { Ok(()) }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, violation) in self.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            if violation.warning {
                f.write_str("warning: ")?;
            }
            write!(f, "{violation}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl IntoIterator for Report {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;

    fn into_iter(mut self) -> Self::IntoIter {
        self.violations
            .take()
            .map(|list| ManuallyDrop::into_inner(list).into_vec())
            .unwrap_or_default()
            .into_iter()
    }
}

impl Extend<Violation> for Report {
    fn extend<I: IntoIterator<Item = Violation>>(&mut self, iter: I) {
        for violation in iter {
            self.push(violation);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path::PathSegment;

    #[test]
    fn a_report_is_one_pointer_and_an_empty_one_holds_nothing() {
        // What makes the `Ok` of a valid config free to drop.
        assert_eq!(size_of::<Report>(), size_of::<usize>());
        let mut report = Report::new();
        assert!(report.is_empty());
        report.extend(std::iter::empty());
        assert_eq!(report, Report::new());
        assert!(report.violations.is_none());
        report.push(violation());
        assert_eq!(report.len(), 1);
        assert_eq!(report.clone().into_iter().count(), 1);
    }

    #[test]
    fn the_first_violation_sits_in_the_box_and_the_second_moves_both_to_a_list() {
        let mut report = Report::new();
        report.push(Violation::new(Path::root(), "first", "one"));
        assert!(matches!(
            report.violations.as_deref().map(|b| &**b),
            Some(Violations::One(_))
        ));
        assert_eq!(report.len(), 1);
        report.last_mut().unwrap().warning = true;
        report.push(violation());
        report.push(Violation::new(Path::root(), "third", "three"));
        assert!(matches!(
            report.violations.as_deref().map(|b| &**b),
            Some(Violations::Many(_))
        ));
        let codes: Vec<_> = report.iter().map(Violation::code).collect();
        assert_eq!(codes, ["first", "one_of", "third"]);
        assert!(report.violations()[0].is_warning());
        let owned: Vec<_> = report.clone().into_iter().map(|v| v.code()).collect();
        assert_eq!(owned, codes);
        let mut one = Report::new();
        one.push(violation());
        assert_eq!(one.clone().into_iter().next(), Some(violation()));
        assert_ne!(one, report);
    }

    fn violation() -> Violation {
        Violation::from_template_with_names(
            Path::from_segments(vec![
                PathSegment::Field("layers".into()),
                PathSegment::Key("enc".into()),
                PathSegment::Index(2),
            ]),
            "one_of",
            "{path} ({0}) is {value}, not {{x}}",
            &["bits"],
            Some(Value::Name("fp8")),
        )
    }

    #[cfg(feature = "load")]
    #[test]
    fn aliases_go_to_the_violations_through_their_field_and_move_with_them() {
        let field = |name: &'static str| PathSegment::Field(name.into());
        let mut report = Report::new();
        report.push(Violation::new(Path::root(), "early", "before the checks"));
        for name in ["stage", "level"] {
            let path = Path::from_segments(vec![field("zero"), field(name)]);
            report.push(Violation::new(path, "range", "out of range"));
        }
        report.field_aliases_from(1, 1, &[("stage", &["old_stage"]), ("zero", &["z"])]);
        let [early, stage, level] = report.violations() else {
            panic!("three violations");
        };
        assert_eq!(early.aliases_at(0), [] as [&str; 0]);
        // Only the segment at the depth the fields sit at is matched.
        assert_eq!(stage.aliases_at(0), [] as [&str; 0]);
        assert_eq!(stage.aliases_at(1), ["old_stage"]);
        assert_eq!(level.aliases_at(1), [] as [&str; 0]);
        let moved = stage
            .clone()
            .prefixed(&Path::from_segments(vec![field("deepspeed")]));
        assert_eq!(moved.aliases_at(1), [] as [&str; 0]);
        assert_eq!(moved.aliases_at(2), ["old_stage"]);
    }

    #[test]
    fn templates_fill_placeholders_and_unescape_braces() {
        assert_eq!(
            violation().to_string(),
            r#"layers["enc"][2] (bits) is "fp8", not {x}"#
        );
    }

    #[test]
    fn debug_reads_as_the_violation_reads() {
        let debug = format!("{:?}", violation());
        assert_eq!(
            debug,
            r#"Violation { path: layers["enc"][2], code: "one_of", value: Some(Name("fp8")), message: layers["enc"][2] (bits) is "fp8", not {x} }"#
        );
    }

    #[test]
    fn a_report_displays_one_violation_a_line() {
        let mut report = Report::new();
        assert!(report.clone().into_result().is_ok());
        report.push(Violation::new(Path::root(), "custom", "first"));
        report.push(violation());
        assert_eq!(report.len(), 2);
        assert_eq!(
            report.to_string(),
            "first\nlayers[\"enc\"][2] (bits) is \"fp8\", not {x}"
        );
        assert!(report.into_result().is_err());
    }

    #[test]
    fn warnings_alone_are_no_error() {
        let mut report = Report::new();
        report.push(violation().into_warning());
        assert!(report.iter().all(Violation::is_warning));
        assert!(!report.is_empty());
        assert!(!report.has_errors());
        assert_eq!(report.errors().count(), 0);
        assert_eq!(report.warnings().count(), 1);
        assert_eq!(
            report.to_string(),
            "warning: layers[\"enc\"][2] (bits) is \"fp8\", not {x}"
        );
        assert!(format!("{:?}", report.violations()[0]).ends_with(", warning: true }"));
        assert!(report.clone().into_result().is_ok());

        report.push(Violation::new(Path::root(), "custom", "an error"));
        assert!(report.has_errors());
        assert_eq!(report.errors().count(), 1);
        // The error report keeps the warning beside the error.
        let failed = report.into_result().unwrap_err();
        assert_eq!(failed.len(), 2);
        assert_eq!(
            failed.to_string(),
            "warning: layers[\"enc\"][2] (bits) is \"fp8\", not {x}\nan error"
        );
    }
}
