//! What every loader shares, whatever the format: the [`Options`] of a
//! load, what it found ([`Loaded`]), and the work between a tree of spans
//! and the diagnostics. Each format (`toml`, `json`, `yaml`) parses its
//! text to a tree whose every value and key knows its bytes, and hands the
//! tree here: deserializing under watch, locating every violation, unknown
//! key and unreadable value, and reading again past each unreadable one
//! are the same for all.

mod alias;
mod blank;
mod flatten;
mod held;
pub(crate) mod locate;
#[cfg(any(feature = "json", feature = "yaml"))]
pub(crate) mod tree;
mod watch;

use std::any::Any;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::marker::PhantomData;
use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};

use serde::Deserialize;

use crate::__private::untagged::{Hook, Table};
use crate::diagnostic::{Diagnostic, LineIndex, Severity};
use crate::path::{Location, Path, Spelled};
use crate::report::{Report, Value};
use crate::suggest::closest_name;
use crate::{PathSegment, Validate};
use blank::StandIn;
use locate::{cut, take, walk, walk_aliased};
use watch::{Failure, Fill, Flat, Probe};
pub(crate) use watch::{Seen, deserialize as watch};
// What the JSON quick read shares with the watch.
#[cfg(feature = "json")]
pub(crate) use watch::{expects, forward_visits};
/// How many times a document is read again to find its next unreadable
/// value.
const PASSES: usize = 16;

/// How many times it is read in all, past those, to count the unreadable
/// values it does not report: each read costs the whole document.
const COUNTED: usize = 4 * PASSES;

/// How many times a document is read again to learn which keys a flattened
/// struct knows: one read for each key it knows, and one more.
const PROBES: usize = 2 * PASSES;

/// The size of the largest document [`Options::load`] reads unless told
/// otherwise: 64 MiB.
pub const DEFAULT_MAX_SIZE: usize = 64 << 20;

/// How many syntax errors are reported: past the first few, a broken
/// document mostly yields echoes of them.
pub(crate) const SYNTAX_ERRORS: usize = 20;

/// The TOML format, for [`Options`]: `lowbit_core::toml::Options`.
#[cfg(feature = "toml")]
#[derive(Clone, Copy, Debug, Default)]
pub struct Toml;

/// The JSON format, for [`Options`]: `lowbit_core::json::Options`.
#[cfg(feature = "json")]
#[derive(Clone, Copy, Debug, Default)]
pub struct Json;

/// The YAML format, for [`Options`]: `lowbit_core::yaml::Options`.
#[cfg(feature = "yaml")]
#[derive(Clone, Copy, Debug, Default)]
pub struct Yaml;

/// A format's tree of spans, as the walk from a path to a value sees it.
pub(crate) trait Tree: Sized {
    /// The bytes of this value.
    fn span(&self) -> Range<usize>;
    /// The value `segment` leads to from this one, with its key's bytes
    /// when it is a table's entry.
    fn child(&self, segment: &PathSegment) -> Option<(Option<Range<usize>>, &Self)>;
    /// The value `segment` leads to, to change.
    fn child_mut(&mut self, segment: &PathSegment) -> Option<&mut Self>;
    /// Takes the entry `key` out of this table.
    fn remove(&mut self, key: &str) -> Option<Self>;
    /// The entries of a table (as fields) or the items of an array, in the
    /// order a deserializer reads them; none for any other value.
    fn entries(&self) -> Vec<(PathSegment, &Self)>;
    /// The text of a string value.
    fn as_str(&self) -> Option<&str>;
    /// Whether this is a table (object, mapping).
    fn is_table(&self) -> bool;
    /// What the format calls this kind of value: `string`, `table`.
    fn type_str(&self) -> &'static str;
}

/// A format: how to parse its text to a tree of spans, and how to read a
/// value from that tree.
pub(crate) trait Document<'s> {
    /// The tree a document parses to.
    type Tree: Tree + Clone;
    /// What the format's deserializer fails with.
    type Error: fmt::Display;
    /// What the format calls a table, in `no `x` in this table`.
    const TABLE: &'static str;
    /// Parses `source`, or says where and why it cannot.
    fn parse(source: &'s str) -> Result<Self::Tree, Vec<(Range<usize>, String)>>;
    /// Parses `source` for a load of the table at `table`: the tree may
    /// leave out what is neither on the way to it nor within it, which no
    /// part of a load looks at. Syntax errors are those of [`parse`](Self::parse).
    fn parse_for(
        source: &'s str,
        table: &[PathSegment],
    ) -> Result<Self::Tree, Vec<(Range<usize>, String)>> {
        let _ = table;
        Self::parse(source)
    }
    /// Reads a `T` from the table at `table` with no tree, when that is
    /// sure to be the value the located load would read, and nothing went
    /// wrong on the way; `None` leaves the document to the located load.
    /// Most documents have nothing to report, and need no spans.
    fn read_fast<T: Deserialize<'s>>(source: &'s str, table: &[PathSegment]) -> Option<T> {
        let _ = (source, table);
        None
    }
    /// An empty table at `span`, for a table the document lacks.
    fn empty_table(span: Range<usize>) -> Self::Tree;
    /// What a missing table at `path` is called: `` `[model]` table``.
    fn missing_table(path: &str) -> String;
    /// Reads a `T` from `tree`, under watch. Each pass past an unreadable
    /// value reads the same tree again, so it is lent, not given.
    fn deserialize<T: Deserialize<'s>>(
        tree: &Self::Tree,
        seen: &RefCell<Seen>,
    ) -> Result<T, Self::Error>;
    /// The error's message, without its position.
    fn error_message(error: &Self::Error) -> String;
    /// The bytes the error is about, when it knows them.
    fn error_span(error: &Self::Error) -> Option<Range<usize>>;
}

/// How a document is loaded. Made once, it loads any number of documents.
///
/// `'c` is the lifetime of the [context](Self::context) it passes to the
/// rules, if any.
///
/// One type for every format: `F` is [`Toml`], [`Json`] or [`Yaml`], and
/// each format's module names its own (`lowbit_core::json::Options`).
pub struct Options<'c, F> {
    deny_unknown_keys: bool,
    table: Vec<String>,
    /// `None` for [`DEFAULT_MAX_SIZE`].
    max_size: Option<usize>,
    /// What `custom(.., context)` rules receive; `None` for `&()`.
    context: Option<&'c dyn Any>,
    /// Whether the quick read without a tree is skipped (see
    /// [`Document::read_fast`]).
    located_only: bool,
    format: PhantomData<F>,
}

impl<F> Clone for Options<'_, F> {
    fn clone(&self) -> Self {
        Options {
            deny_unknown_keys: self.deny_unknown_keys,
            table: self.table.clone(),
            max_size: self.max_size,
            context: self.context,
            located_only: self.located_only,
            format: PhantomData,
        }
    }
}

impl<F> Default for Options<'_, F> {
    fn default() -> Self {
        Options {
            deny_unknown_keys: false,
            table: Vec::new(),
            max_size: None,
            context: None,
            located_only: false,
            format: PhantomData,
        }
    }
}

impl<F> fmt::Debug for Options<'_, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Options")
            .field("deny_unknown_keys", &self.deny_unknown_keys)
            .field("table", &self.table)
            .field("max_size", &self.max_size)
            .field("context", &self.context.map(|_| ".."))
            .finish()
    }
}

impl<'c, F> Options<'c, F> {
    /// The whole document is the value; unknown keys are warnings.
    #[must_use]
    pub fn new() -> Self {
        Options::default()
    }

    /// The context that rules written `custom(f, context)` receive, as
    /// [`Validate::validate_with`] gives it: a registry of names the
    /// document may refer to, say. Without one, or with one of another type
    /// than the rule's function takes, such a rule is reported broken, with
    /// a message that names the type it needs.
    ///
    /// ```
    /// use std::collections::{HashMap, HashSet};
    /// use lowbit_core::Validate;
    ///
    /// struct Known(HashSet<&'static str>);
    ///
    /// fn known(name: &str, known: &Known) -> Result<(), String> {
    ///     if known.0.contains(name) { Ok(()) } else { Err(format!("no model named {name:?}")) }
    /// }
    ///
    /// #[derive(serde::Deserialize, Validate)]
    /// struct Layer {
    ///     #[custom(known, context)]
    ///     model: String,
    /// }
    ///
    /// let known_models = Known(HashSet::from(["enc"]));
    /// let options = lowbit_core::toml::Options::new().context(&known_models);
    /// assert!(options.load::<Layer>("model = \"enc\"").is_valid());
    ///
    /// let loaded = options.load::<Layer>("model = \"dec\"");
    /// let [unknown] = loaded.diagnostics() else { panic!() };
    /// assert_eq!((unknown.code(), unknown.message()), ("custom", "no model named \"dec\""));
    /// assert_eq!((unknown.line(), unknown.column()), (1, 9));
    ///
    /// let without = lowbit_core::toml::Options::new().load::<Layer>("model = \"enc\"");
    /// assert_eq!(
    ///     without.diagnostics()[0].message(),
    ///     "this rule needs a context of type `Known`; pass one to `validate_with` or to a loader's `Options::context`"
    /// );
    /// ```
    #[must_use]
    pub fn context(mut self, context: &'c dyn Any) -> Self {
        self.context = Some(context);
        self
    }

    /// Whether unknown keys are errors (and make the document invalid)
    /// rather than warnings.
    #[must_use]
    pub fn deny_unknown_keys(mut self, deny: bool) -> Self {
        self.deny_unknown_keys = deny;
        self
    }

    /// The value is the table (JSON object, YAML mapping) at this dotted
    /// path (`"model"`,
    /// `"tool.lowbit"`: bare keys joined by dots), not the whole document;
    /// the rest of the document is left alone. Paths in diagnostics start
    /// from the document's root. `""` is the whole document.
    ///
    /// A document without that table loads the value from an empty table
    /// (so a type whose fields all have defaults gets its defaults), with a
    /// `missing_table` warning.
    #[must_use]
    pub fn table(mut self, path: &str) -> Self {
        self.table = path
            .split('.')
            .filter(|key| !key.is_empty())
            .map(str::to_owned)
            .collect();
        self
    }

    /// Whether to skip the quick read of a document with nothing to report
    /// (JSON's, with `serde_json`) and always read it through the tree of
    /// spans. The result is the same either way: this is for the tests that
    /// hold the two to it, and for benchmarks.
    #[doc(hidden)]
    #[must_use]
    pub fn located_only(mut self, located_only: bool) -> Self {
        self.located_only = located_only;
        self
    }

    /// The largest document, in bytes, that [`load`](Self::load) reads:
    /// a larger one is refused with a `too_large` error before it is parsed
    /// (and is not parsed, for [`Loaded::is_parsed`]). [`DEFAULT_MAX_SIZE`]
    /// unless set. A program that reads files should cap what it reads at
    /// the same size, before reading: this only bounds what parsing costs.
    #[must_use]
    pub fn max_size(mut self, bytes: usize) -> Self {
        self.max_size = Some(bytes);
        self
    }

    /// Parses `source` in the format `D`, deserializes a `T` from it and validates
    /// the value: the work of each format's `load`, documented there.
    ///
    /// Parses `source`, deserializes a `T` from it and validates the value.
    /// Every problem is a [`Diagnostic`] in the result, in the order of the
    /// source; this never fails. It never panics either, as long as the
    /// type's own code does not: a panic in a `Deserialize` impl or in a
    /// rule's function (`custom`) is caught and reported as a `panic`
    /// error, with no value. The panic hook still runs (it prints the
    /// panic), and under `panic = "abort"` nothing can be caught.
    pub(crate) fn load_as<'de, D, T>(&self, source: &'de str) -> Loaded<T>
    where
        D: Document<'de>,
        T: Deserialize<'de> + Validate,
    {
        let options = Common {
            deny_unknown_keys: self.deny_unknown_keys,
            context: self.context,
            located_only: self.located_only,
        };
        let limit = self.max_size.unwrap_or(DEFAULT_MAX_SIZE);
        let mut load = Load {
            options,
            source,
            lines: LineIndex::new(if source.len() > limit { "" } else { source }),
            prefix: self
                .table
                .iter()
                .map(|key| PathSegment::Field(key.clone().into()))
                .collect(),
            diagnostics: Vec::new(),
        };
        let (value, parsed) = if source.len() > limit {
            let message = format!(
                "the document is {} bytes, more than the {limit} this loader reads",
                source.len()
            );
            load.push(Severity::Error, "too_large", message, &[], 0..0)
                .path
                .clear();
            (None, false)
        } else {
            match catch_unwind(AssertUnwindSafe(|| load.run::<D, T>(source))) {
                Ok(outcome) => outcome,
                Err(panic) => {
                    let what = panic
                        .downcast_ref::<&str>()
                        .map(|text| (*text).to_owned())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_default();
                    let message = format!("the config's own code panicked: {what}");
                    load.push(Severity::Error, "panic", message, &[], 0..0)
                        .path
                        .clear();
                    (None, true)
                }
            }
        };
        let mut diagnostics = load.diagnostics;
        diagnostics.sort_by_key(|diagnostic| diagnostic.span.start);
        // In the order of the source, positions cost one pass over it,
        // however many diagnostics share a line.
        for diagnostic in &mut diagnostics {
            (diagnostic.line, diagnostic.column) = load.lines.position(diagnostic.span.start);
        }
        Loaded {
            value,
            diagnostics,
            parsed,
        }
    }
}

/// What a load found: `toml::Options::load`, or JSON's, or YAML's.
#[derive(Clone, Debug)]
pub struct Loaded<T> {
    pub(crate) value: Option<T>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) parsed: bool,
}

impl<T> Loaded<T> {
    /// The value, when the document deserialized (valid or not).
    #[must_use]
    pub fn value(&self) -> Option<&T> {
        self.value.as_ref()
    }

    /// The value, when the document deserialized (valid or not).
    #[must_use]
    pub fn into_value(self) -> Option<T> {
        self.value
    }

    /// Every problem, in the order of the source.
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Whether the source is in its format at all (a syntax error says it
    /// is not).
    #[must_use]
    pub fn is_parsed(&self) -> bool {
        self.parsed
    }

    /// [`is_parsed`](Self::is_parsed), under the name it had when TOML was
    /// the only format.
    #[must_use]
    pub fn is_toml(&self) -> bool {
        self.parsed
    }

    /// Whether the value deserialized and no diagnostic is an error.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.value.is_some()
            && self
                .diagnostics
                .iter()
                .all(|diagnostic| diagnostic.severity != Severity::Error)
    }
}

/// What a load under way needs of its [`Options`], whatever the format.
struct Common<'c> {
    deny_unknown_keys: bool,
    context: Option<&'c dyn Any>,
    located_only: bool,
}

/// One load under way.
struct Load<'o, 's> {
    options: Common<'o>,
    source: &'s str,
    lines: LineIndex<'s>,
    /// The path of the loaded table in the document.
    prefix: Vec<PathSegment>,
    diagnostics: Vec<Diagnostic>,
}

impl<'s> Load<'_, 's> {
    fn run<D, T>(&mut self, source: &'s str) -> (Option<T>, bool)
    where
        D: Document<'s>,
        T: Deserialize<'s> + Validate,
    {
        // A document with nothing to report is read the quick way: a value
        // read without a tree, that breaks no rule (and earns no warning).
        // The keys an untagged enum's variant ignores are known only by
        // comparing the document's with those validation names.
        if !self.options.located_only
            && let Some(value) = D::read_fast::<T>(source, &self.prefix)
            && let (report, tables) = self.validate(&value)
            && report.is_empty()
            && tables.is_empty()
        {
            return (Some(value), true);
        }
        let mut root = match D::parse_for(source, &self.prefix) {
            Ok(root) => root,
            Err(errors) => {
                for (span, message) in errors.into_iter().take(SYNTAX_ERRORS) {
                    // About the text, not about a value: no path.
                    self.push(Severity::Error, "syntax", message, &[], span)
                        .path
                        .clear();
                }
                return (None, false);
            }
        };
        let prefix = self.prefix.clone();
        let reach = walk(&root, &prefix);
        let (found, holder) = (reach.found().is_some(), reach.value.span());
        let mut work = if found {
            // Taken out, not copied: the rest of the document is not needed.
            // The whole document is no entry to take: it is the value.
            take(&mut root, &prefix).unwrap_or(root)
        } else {
            let message = format!(
                "no {}; the defaults apply",
                D::missing_table(&Spelled(&prefix).to_string())
            );
            self.push(
                Severity::Warning,
                "missing_table",
                message,
                &[],
                holder.clone(),
            );
            D::empty_table(holder)
        };
        let Some(value) = self.deserialize::<D, T>(&mut work) else {
            return (None, true);
        };
        // Every violation, warnings too, which a valid value may have.
        let (report, tables) = self.validate(&value);
        self.untagged_keys(&work, tables);
        // Messages name the path the document has, as `path()` does.
        let prefix = Path::from_segments(self.prefix.clone());
        for violation in &report {
            let path = violation.path().segments();
            // The file may give a field under one of its aliases.
            let reach = walk_aliased(&work, path, |index| violation.aliases_at(index));
            // A rule about a map's key points at the key, not its value.
            let span = match (violation.is_about_key(), reach.found(), &reach.key) {
                (true, Some(_), Some(key)) => key.clone(),
                _ => reach.value.span(),
            };
            let label = reach.found().is_none().then(|| {
                let missing = Spelled(&path[reach.present..=reach.present]);
                format!("no `{missing}` in this {}; its default applies", D::TABLE)
            });
            let severity = if violation.is_warning() {
                Severity::Warning
            } else {
                Severity::Error
            };
            // A variant the file names otherwise (`#[serde(other)]` takes
            // any name the enum lacks; an alias) is named as the file does:
            // the message holds a word the file has.
            let spelled = match (violation.value(), reach.found().and_then(Tree::as_str)) {
                (Some(Value::Name(name)), Some(text))
                    if *name != text && !violation.is_about_key() =>
                {
                    Some(Value::Text(text.to_owned()))
                }
                _ => None,
            };
            let message = match (spelled, prefix.is_root()) {
                (None, true) => violation.to_string(),
                (None, false) => violation.clone().prefixed(&prefix).to_string(),
                (Some(value), root) => {
                    let shown = violation.clone().with_value(Some(value));
                    if root {
                        shown.to_string()
                    } else {
                        shown.prefixed(&prefix).to_string()
                    }
                }
            };
            let at = self.push(severity, violation.code(), message, path, span);
            at.label = label;
        }
        (Some(value), true)
    }

    /// Every violation of `value`, warnings too, with the tables read by
    /// untagged variants (see [`untagged`](crate::__private::untagged)).
    fn validate<T: Validate>(&self, value: &T) -> (Report, Vec<Table>) {
        let hook = Hook::new(self.options.context.unwrap_or(&()));
        let mut report = Report::new();
        value.validate_into(&Location::hooked(&hook), &mut report);
        (report, hook.into_tables())
    }

    /// Reports the keys of each table in `tables` that the untagged variant
    /// read from it does not accept: serde read the variant from a buffer,
    /// where the watch could not see what it ignored. A table met twice
    /// (an enum validated from two places) is reported once.
    fn untagged_keys<D: Tree>(&mut self, work: &D, tables: Vec<Table>) {
        let mut done = HashSet::new();
        for Table { path, keys } in tables {
            let Some(table) = walk(work, &path).found() else {
                continue;
            };
            for (segment, _) in table.entries() {
                if let Some(key) = segment.key()
                    && !keys.contains(&key)
                {
                    let mut at = path.clone();
                    at.push(segment.clone());
                    if done.insert(at.clone()) {
                        self.unknown_key(work, &at, Some(keys));
                    }
                }
            }
        }
    }

    /// Reads a `T` from `work`, reporting unknown keys and every value it
    /// cannot read. `None` unless it read the document as it is.
    ///
    /// Each pass past an unreadable value cuts it out and reads again. A
    /// field a table lacks (missing from the document, or cut) is not cut
    /// with its table but handed to it blank (see [`Fill`]): serde checks a
    /// struct's required fields before it reads its flattened fields from
    /// its buffer, and the table may hold more to report.
    fn deserialize<D, T>(&mut self, work: &mut D::Tree) -> Option<T>
    where
        D: Document<'s>,
        T: Deserialize<'s>,
    {
        let mut removed: Vec<Vec<PathSegment>> = Vec::new();
        // What serde said of each value cut, by its path: what a field
        // handed in its place is to be.
        let mut refused: Vec<(Vec<PathSegment>, String)> = Vec::new();
        let mut fills: Vec<Filling> = Vec::new();
        // How many reads the fills cost so far: as many as the values
        // counted, at most.
        let mut filled = 0;
        let mut unknown_seen = HashSet::new();
        // How many values were reported or counted as unreported.
        let mut reported = 0;
        // The unreadable values past the first `PASSES`: how many, where
        // the first is, and whether counting stopped before the last.
        let mut unreported = (0, None, false);
        // How many of the cuts removed echoes rather than reported values.
        let mut echoes = 0;
        let mut names = alias::Names::default();
        let value = loop {
            let mut reading = Seen::default();
            reading.fill = fills.iter().map(|filling| filling.fill.clone()).collect();
            let seen = RefCell::new(reading);
            let result: Result<T, D::Error> = D::deserialize(work, &seen);
            let mut seen = seen.into_inner();
            for ignored in std::mem::take(&mut seen.ignored) {
                if unknown_seen.insert(ignored.path.clone()) {
                    self.unknown_key(work, &ignored.path, ignored.known);
                }
            }
            let error = match result {
                Ok(value) if removed.is_empty() && fills.is_empty() => {
                    if !seen.flat.is_empty() {
                        self.probe_flattened::<D, T>(work, seen.flat);
                    }
                    break Some(value);
                }
                Ok(_) => break None,
                Err(error) => error,
            };
            let message = D::error_message(&error);
            let mut failure = seen.failure;
            // An error of a flattened struct has no position: found by
            // serde's words for the value, it is placed at that value.
            let mut placed = None;
            let buffered = failure.as_ref().is_some_and(|f| f.flattened.is_some());
            if let Some(failure) = &mut failure
                && let Some(keys) = failure.flattened.take()
                && let Some((path, at_key)) =
                    flatten::culprit::<D>(work, &failure.path, &keys, &message)
            {
                placed = Some((failure.path.len(), at_key));
                failure.path = path;
            }
            let written = failure.as_ref().map_or(Vec::new(), |f| f.path.clone());
            // A field handed blank that its type refuses: the stand-in of
            // the next kind, or at last the table cut, as before fills.
            let unplaced = buffered && placed.is_none();
            if let Some(at) =
                (fills.iter()).position(|filling| filling.refused(&written, &message, unplaced))
            {
                if let Some(next) = fills[at].next.pop()
                    && filled < COUNTED
                    && !fills[at].missing_again(&written, &message)
                {
                    fills[at].fill.stand_in = next;
                    filled += 1;
                    continue;
                }
                let outer = outermost(&fills, at);
                let table = fills[outer].fill.table.clone();
                let spelled = fills[outer].spelled.clone();
                fills.retain(|filling| !filling.fill.table.starts_with(&table));
                match cut(work, &table) {
                    Some(kept) if echoes < PASSES => {
                        removed.push(spelled[..kept.min(spelled.len())].to_vec());
                        echoes += 1;
                        continue;
                    }
                    _ => break None,
                }
            }
            // Paths name fields by their serde names, which the file may
            // spell as aliases: the tree is walked and cut as written.
            let mut path = match &failure {
                Some(failure) if !failure.fields.is_empty() => {
                    names.spell::<D, T>(work, &written, &failure.fields)
                }
                _ => written.clone(),
            };
            // The key of the buffered table that holds a placed value.
            if let Some((table, _)) = placed
                && let Some(PathSegment::Field(key)) = written.get(table)
                && let Some(name) =
                    names.spell_buffered::<D, T>(work, &written[..table], key, &message)
            {
                path[table] = PathSegment::Field(name.into());
            }
            let placed = placed.map(|(_, at_key)| at_key);
            let missing = failure.as_ref().and(missing_name(&message));
            // A table that misses what an earlier pass removed from it (or
            // a blank handed it): an echo of an error already reported. It
            // is read on unreported, so that the values after it are too.
            let under_fill = (fills.iter()).any(|filling| written.starts_with(&filling.value()));
            let echo = (missing.is_some() && under_fill)
                || removed.iter().any(|gone| gone.starts_with(&path))
                    && !missing_elsewhere(&message, &path, &removed, buffered);
            if !echo {
                if reported < PASSES {
                    self.deserialize_error::<D>(work, &error, failure.as_ref(), placed, &path);
                } else if reported < COUNTED {
                    unreported.0 += 1;
                    unreported.1.get_or_insert_with(|| {
                        D::error_span(&error).unwrap_or_else(|| work.span())
                    });
                } else {
                    unreported.2 = true;
                    break None;
                }
                reported += 1;
            }
            // Past its reads, the table is cut as before fills, and what
            // else it holds is not counted.
            if missing.is_some() && filled == COUNTED && reported > PASSES {
                unreported.2 = true;
            }
            if let Some(key) = missing
                && filled < COUNTED
            {
                let mut value = path.clone();
                value.push(PathSegment::Field(key.to_owned().into()));
                // The kind serde wanted of the value cut there, if one was;
                // a table or a list in serde's buffer would be read as one
                // with nothing in it, and report what it lacks.
                let wanted = (refused.iter())
                    .find(|(gone, _)| *gone == value)
                    .map_or("", |(_, said)| said.as_str());
                let mut next: Vec<StandIn> = StandIn::in_order(wanted)
                    .filter(|kind| !matches!(kind, StandIn::List | StandIn::Table))
                    .collect();
                if wanted.is_empty() {
                    next.retain(|kind| *kind != StandIn::Unit);
                    next.push(StandIn::Unit);
                }
                next.reverse();
                let stand_in = next.pop().unwrap_or(StandIn::Unit);
                fills.push(Filling {
                    fill: Fill {
                        table: written,
                        key: key.to_owned(),
                        stand_in,
                    },
                    spelled: path,
                    next,
                });
                filled += 1;
                continue;
            }
            match cut(work, &written) {
                // Each echo costs a read of the whole document too.
                Some(kept) if !echo || echoes < PASSES => {
                    removed.push(path[..kept].to_vec());
                    if echo {
                        echoes += 1;
                    } else {
                        refused.push((path, message));
                    }
                }
                _ => break None,
            }
        };
        if let (count, Some(span), more) = unreported {
            let message = format!(
                "{}{count} more value{} cannot be read; only the first {PASSES} are reported",
                if more { "at least " } else { "" },
                if count == 1 && !more { "" } else { "s" },
            );
            self.push(Severity::Error, "unreported", message, &[], span)
                .path
                .clear();
        }
        value
    }

    /// Reports the keys that neither a struct with flattened fields (or an
    /// internally tagged enum's variant) nor those fields know, in the
    /// tables `flat` of a document that reads well. serde leaves them in its
    /// buffer and says nothing: each read here learns one key a flattened
    /// field knows (see [`Probe`]), until a read says nothing either, and the
    /// keys still asked about are unknown. Tables of one type (the same path
    /// but for list indices, and the same tag) are asked about once. After
    /// [`PROBES`] reads, nothing is reported.
    fn probe_flattened<D, T>(&mut self, work: &D::Tree, mut flat: Vec<Flat>)
    where
        D: Document<'s>,
        T: Deserialize<'s>,
    {
        // Each table's type, by index into `types`.
        let mut types: Vec<(Vec<Option<PathSegment>>, Option<String>)> = Vec::new();
        let mut type_of: HashMap<Vec<PathSegment>, usize> = HashMap::new();
        // Every buffered key, with its table's type.
        let mut members: Vec<(usize, Vec<PathSegment>, String)> = Vec::new();
        let mut asked: HashSet<(usize, String)> = HashSet::new();
        let mut probe = Probe::default();
        let shape_of = |table: &[PathSegment]| -> Vec<Option<PathSegment>> {
            (table.iter())
                .map(|segment| match segment {
                    PathSegment::Index(_) => None,
                    segment => Some(segment.clone()),
                })
                .collect()
        };
        // Tables of one shape whose struct flattens an internally tagged
        // enum are of as many types as the enum has variants: the tag, which
        // the struct buffers, tells them apart. One read per shape learns
        // it, withholding the first table's buffered keys: the enum names its
        // tag as missing before anything else.
        let shapes: Vec<_> = flat.iter().map(|one| shape_of(&one.table)).collect();
        let mut count: HashMap<&[Option<PathSegment>], usize> = HashMap::new();
        for shape in &shapes {
            *count.entry(shape).or_default() += 1;
        }
        let mut tags: HashMap<&[Option<PathSegment>], Option<String>> = HashMap::new();
        for (one, shape) in flat.iter_mut().zip(&shapes) {
            if !one.maps || one.tag.is_some() || count[&shape[..]] < 2 {
                continue;
            }
            one.tag = tags
                .entry(shape)
                .or_insert_with(|| flattened_tag::<D, T>(work, &one.table, &one.buffered))
                .clone();
        }
        for (
            Flat {
                table,
                buffered,
                maps,
                tag,
            },
            shape,
        ) in flat.into_iter().zip(shapes)
        {
            let tag = tag.and_then(|tag| {
                let mut path = table.clone();
                path.push(PathSegment::Field(tag.into()));
                walk(work, &path)
                    .found()
                    .and_then(Tree::as_str)
                    .map(str::to_owned)
            });
            let sort = (shape, tag);
            let kind = match types.iter().position(|known| *known == sort) {
                Some(kind) => kind,
                None => {
                    types.push(sort);
                    if maps {
                        probe.tables.push(table.clone());
                    }
                    types.len() - 1
                }
            };
            type_of.insert(table.clone(), kind);
            for key in buffered {
                if asked.insert((kind, key.clone())) {
                    probe.keys.push((table.clone(), key.clone()));
                }
                members.push((kind, table.clone(), key));
            }
        }
        for _ in 0..PROBES {
            let mut asking = Seen::default();
            asking.probe = Some(Probe {
                keys: probe.keys.clone(),
                tables: probe.tables.clone(),
                withhold: Vec::new(),
            });
            let seen = RefCell::new(asking);
            let result: Result<T, D::Error> = D::deserialize(work, &seen);
            let Err(error) = result else {
                let unknown: HashSet<(usize, &str)> = (probe.keys.iter())
                    .filter_map(|(table, key)| Some((*type_of.get(table)?, key.as_str())))
                    .collect();
                for (kind, table, key) in &members {
                    if unknown.contains(&(*kind, key.as_str())) {
                        let mut path = table.clone();
                        path.push(PathSegment::Field(key.clone().into()));
                        self.unknown_key(work, &path, None);
                    }
                }
                return;
            };
            let Some(table) = seen.into_inner().failure.map(|failure| failure.path) else {
                return;
            };
            let message = D::error_message(&error);
            let twice = message
                .strip_prefix("duplicate field `")
                .and_then(|rest| rest.split_once('`'))
                .map(|(name, _)| name);
            let before = probe.keys.len();
            match twice {
                // A key a flattened field (or the struct) knows.
                Some(name) => {
                    let mut known = name.to_owned();
                    // Under an alias: serde names the field, not the key.
                    // Values read well here, so each key is handed twice
                    // alone, with its own value, until serde names it.
                    if !(probe.keys.iter()).any(|(at, key)| *at == table && key == name) {
                        let asked: Vec<String> = (probe.keys.iter())
                            .filter(|(at, _)| *at == table)
                            .map(|(_, key)| key.clone())
                            .collect();
                        let Some(key) = asked.into_iter().find(|key| {
                            twice_alone::<D, T>(work, &table, key).as_deref() == Some(name)
                        }) else {
                            return;
                        };
                        known = key;
                    }
                    probe
                        .keys
                        .retain(|(at, key)| !(*at == table && *key == known));
                }
                // A struct variant of an internally tagged enum flattened
                // here: serde hands it every buffered key, and its field
                // names refuse the key that is no string, which a struct
                // flattened alone never sees. It knows only its fields:
                // asked again without that key, it names them.
                None if probe.tables.contains(&table)
                    && message.ends_with("expected field identifier") =>
                {
                    probe.tables.retain(|at| *at != table);
                }
                // A flattened map, which knows every key of its type's tables.
                None if probe.tables.contains(&table) => {
                    let kind = type_of.get(&table).copied();
                    probe
                        .keys
                        .retain(|(at, _)| type_of.get(at).copied() != kind);
                    probe.tables.retain(|at| *at != table);
                }
                None => return,
            }
            if probe.keys.len() == before && twice.is_some() {
                return;
            }
        }
    }

    fn deserialize_error<D: Document<'s>>(
        &mut self,
        work: &D::Tree,
        error: &D::Error,
        failure: Option<&Failure>,
        placed: Option<bool>,
        spelled: &[PathSegment],
    ) {
        let mut message = D::error_message(error);
        let path = failure.map_or(&[][..], |failure| &failure.path[..]);
        // The toml crate refuses the keys of an externally tagged variant's
        // table that the variant lacks: each is an unknown key, refused.
        if let Some((unexpected, known)) = message
            .strip_prefix("unexpected keys in table: ")
            .and_then(|rest| rest.split_once(", available keys: "))
        {
            let known: Vec<&str> = known.split(", ").collect();
            for key in unexpected.split(", ") {
                let mut at = path.to_vec();
                at.push(PathSegment::Field(key.to_owned().into()));
                self.unknown_key_as(work, &at, &known, Severity::Error);
            }
            return;
        }
        let reach = walk(work, path);
        let found = reach.found();
        // A placed error's own span, if any, is its enclosing table's.
        let by_path = placed.is_some() || failure.is_some_and(|failure| failure.by_path);
        let at_key = placed == Some(true);
        let span = match (D::error_span(error), failure, &reach.key) {
            (Some(span), _, _) if !by_path => span,
            (_, _, Some(key)) if at_key && found.is_some() => key.clone(),
            // A key refused: the key, as the format would have it.
            (_, Some(Failure { known: Some(_), .. }), Some(key)) if found.is_some() => key.clone(),
            _ => reach.value.span(),
        };
        let mut code = classify(&message);
        // An integer beyond 64 bits is a type error to the format; beyond the
        // field's type, a value error to serde. Out of range is out of range.
        if let Some((number, wanted)) = message
            .strip_prefix("invalid type: integer `")
            .and_then(|rest| rest.split_once("` as i128, expected "))
        {
            message = format!("invalid value: integer `{number}`, expected {wanted}");
            code = "invalid_value";
        }
        let mut help = match (code, found) {
            // serde kept the key as the format gave it: a string, though
            // it spells a number.
            ("invalid_type", _)
                if at_key
                    && spelled
                        .last()
                        .and_then(PathSegment::key)
                        .is_some_and(|key| key.parse::<f64>().is_ok()) =>
            {
                Some(
                    "serde reads this table from its own buffer (for a flattened, internally \
                 tagged or untagged type), where a key stays the string it is written as"
                        .to_owned(),
                )
            }
            ("invalid_type", Some(value)) => type_help(&message, value, &self.source[span.clone()]),
            _ => None,
        };
        if let (Some(failure), Some(found)) = (failure, found) {
            match (failure.variants, found.as_str()) {
                (Some(variants), Some(name)) if !variants.contains(&name) => {
                    code = "unknown_variant";
                    help = closest_name(name, variants)
                        .map(|meant| format!("did you mean `{meant}`?"));
                }
                // The format's own words ("wanted string or table") name
                // neither what it found nor what would do.
                (Some(variants), _) if !found.is_table() => {
                    code = "invalid_type";
                    message = format!(
                        "invalid type: {}, expected one of {}",
                        found.type_str(),
                        list(variants)
                    );
                }
                _ => {}
            }
            if let (Some(known), Some(PathSegment::Field(name))) = (failure.known, path.last()) {
                code = "unknown_key";
                help = closest_name(name, known).map(|meant| format!("did you mean `{meant}`?"));
            }
        }
        let diagnostic = self.push(Severity::Error, code, message, spelled, span);
        diagnostic.help = help;
    }

    fn unknown_key<D: Tree>(
        &mut self,
        work: &D,
        path: &[PathSegment],
        known: Option<&'static [&'static str]>,
    ) {
        let severity = if self.options.deny_unknown_keys {
            Severity::Error
        } else {
            Severity::Warning
        };
        self.unknown_key_as(work, path, known.unwrap_or_default(), severity);
    }

    /// An unknown key at `path`, reported as `severity`; `known` are the
    /// keys of its table (none when they are not known).
    fn unknown_key_as<D: Tree>(
        &mut self,
        work: &D,
        path: &[PathSegment],
        known: &[&str],
        severity: Severity,
    ) {
        let Some((Some(name), parent)) =
            path.split_last().map(|(last, parent)| (last.key(), parent))
        else {
            return;
        };
        let reach = walk(work, path);
        let span = match (reach.found(), reach.key) {
            (Some(_), Some(key)) => key,
            _ => reach.value.span(),
        };
        let mut within = self.prefix.clone();
        within.extend_from_slice(parent);
        let message = if within.is_empty() {
            format!("unknown key `{name}`")
        } else {
            format!("unknown key `{name}` in `{}`", Spelled(&within))
        };
        let help = (!known.is_empty()).then(|| match closest_name(name, known) {
            Some(meant) => format!("did you mean `{meant}`?"),
            None => format!("the keys here are {}", list(known)),
        });
        let diagnostic = self.push(severity, "unknown_key", message, path, span);
        diagnostic.label = Some("this key is ignored".to_owned());
        diagnostic.help = help;
    }

    /// Records a diagnostic at `path` (below the loaded table) and `span`.
    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        message: String,
        path: &[PathSegment],
        span: Range<usize>,
    ) -> &mut Diagnostic {
        let mut full = self.prefix.clone();
        full.extend_from_slice(path);
        self.diagnostics.push(Diagnostic {
            severity,
            code,
            message,
            path: Spelled(&full).to_string(),
            span,
            // Known once every diagnostic is, in one pass: see `load`.
            line: 0,
            column: 0,
            label: None,
            help: None,
            origin: None,
        });
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }
}

/// The tag of an internally tagged enum flattened into the table at
/// `table`, whose struct buffered `keys`: with them withheld, the enum says
/// its tag is missing; `None` when nothing is. A flattened struct with a
/// field it needs names that field instead: its tables are then told apart
/// by that field's value too, which costs reads but hides nothing.
fn flattened_tag<'s, D, T>(work: &D::Tree, table: &[PathSegment], keys: &[String]) -> Option<String>
where
    D: Document<'s>,
    T: Deserialize<'s>,
{
    let probe = Probe {
        withhold: vec![(table.to_vec(), keys.to_vec())],
        ..Probe::default()
    };
    let name = probed_field::<D, T>(work, probe, "missing field `")?;
    keys.contains(&name).then_some(name)
}

/// The serde name under which the struct reading the buffered table at
/// `table` refuses `key` when handed it twice, with its value: one read.
fn twice_alone<'s, D, T>(work: &D::Tree, table: &[PathSegment], key: &str) -> Option<String>
where
    D: Document<'s>,
    T: Deserialize<'s>,
{
    let probe = Probe {
        keys: vec![(table.to_vec(), key.to_owned())],
        ..Probe::default()
    };
    probed_field::<D, T>(work, probe, "duplicate field `")
}

/// One read of the document under `probe`, and the field serde's error
/// names after `prefix` (`` missing field ` ``, say): how a probe learns
/// what serde alone knows, a tag's or a field's serde name.
fn probed_field<'s, D, T>(work: &D::Tree, probe: Probe, prefix: &str) -> Option<String>
where
    D: Document<'s>,
    T: Deserialize<'s>,
{
    let mut asking = Seen::default();
    asking.probe = Some(probe);
    let error = D::deserialize::<T>(work, &RefCell::new(asking)).err()?;
    let message = D::error_message(&error);
    let name = message.strip_prefix(prefix)?.split_once('`')?.0;
    Some(name.to_owned())
}

/// A field handed blank to a table that lacks it (see [`Fill`]), as the
/// loader keeps it.
struct Filling {
    fill: Fill,
    /// The table's path under serde's names.
    spelled: Vec<PathSegment>,
    /// The kinds of stand-in still to try, last first, should serde's
    /// buffer take the field and the field refuse the one handed.
    next: Vec<StandIn>,
}

impl Filling {
    /// The path of the value handed, as the file would spell it.
    fn value(&self) -> Vec<PathSegment> {
        let mut path = self.fill.table.clone();
        path.push(PathSegment::Field(self.fill.key.clone().into()));
        path
    }

    /// Whether the error at `written` that says `message` is about this
    /// field: at the blank or within it (but for a field it lacks, which is
    /// handed in turn), the field still missing or unknown to its table,
    /// or, `unplaced` (from serde's buffer, at no value of the document),
    /// a type error about the stand-in.
    fn refused(&self, written: &[PathSegment], message: &str, unplaced: bool) -> bool {
        if written.starts_with(&self.value()) {
            return missing_name(message).is_none();
        }
        if written != self.fill.table {
            return false;
        }
        let key = &self.fill.key;
        if self.missing_again(written, message)
            || message.starts_with(&format!("unknown field `{key}`"))
        {
            return true;
        }
        let described = ["invalid type: ", "invalid value: "]
            .iter()
            .find_map(|start| message.strip_prefix(start))
            .and_then(|rest| rest.split_once(", expected "))
            .map(|(described, _)| described);
        unplaced
            && (described == Some(self.fill.stand_in.words().as_str())
                || self.fill.stand_in == StandIn::Text && message.starts_with("unknown variant ``"))
    }

    /// Whether `message` at `written` says this field is missing still:
    /// the table it was handed to is not the one serde read it from.
    fn missing_again(&self, written: &[PathSegment], message: &str) -> bool {
        written == self.fill.table && missing_name(message) == Some(self.fill.key.as_str())
    }
}

/// The fill at `at`, or the outermost whose blank value it is within: the
/// table that is in the document.
fn outermost(fills: &[Filling], at: usize) -> usize {
    let mut outer = at;
    while let Some(holder) =
        (fills.iter()).position(|filling| fills[outer].fill.table.starts_with(&filling.value()))
    {
        outer = holder;
    }
    outer
}

/// The field `message` says is missing, if it says one is.
fn missing_name(message: &str) -> Option<&str> {
    message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(name, _)| name)
}

/// Whether `message` says a field is missing from the table at `path` that
/// no pass `removed`: a value the document lacks, not an echo of one cut.
/// A `buffered` table's error (see [`flatten`]) names no table below it, so
/// the field may be missing from any table within.
fn missing_elsewhere(
    message: &str,
    path: &[PathSegment],
    removed: &[Vec<PathSegment>],
    buffered: bool,
) -> bool {
    let Some(name) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(name, _)| name)
    else {
        return false;
    };
    !removed.iter().any(|gone| {
        (gone.len() == path.len() + 1 || buffered && gone.len() > path.len())
            && gone.starts_with(path)
            && gone.last().and_then(PathSegment::key) == Some(name)
    })
}

/// How to write what a value of the wrong type seems to mean: `text`, the
/// value as written, in the type serde's `message` expects.
fn type_help(message: &str, value: &impl Tree, text: &str) -> Option<String> {
    let wanted = message.rsplit_once(", expected ")?.1;
    match (wanted, value) {
        ("a sequence", value) if !value.is_table() => {
            Some(format!("a list of one is written `[{text}]`"))
        }
        ("a boolean", value) if value.as_str().is_some() => {
            let said = value.as_str().unwrap_or_default();
            let meant = match said.to_lowercase().as_str() {
                "true" | "yes" | "on" | "1" => "true",
                "false" | "no" | "off" | "0" => "false",
                _ => return Some("a boolean is written `true` or `false`".to_owned()),
            };
            Some(format!("a boolean is written `{meant}`, without quotes"))
        }
        ("a boolean", _) => Some("a boolean is written `true` or `false`".to_owned()),
        _ => None,
    }
}

/// The code of a deserialization error, from serde's wording of it.
fn classify(message: &str) -> &'static str {
    const CODES: [(&str, &str); 8] = [
        ("invalid type", "invalid_type"),
        ("invalid value", "invalid_value"),
        ("invalid length", "invalid_length"),
        ("unknown variant", "unknown_variant"),
        ("unknown field", "unknown_key"),
        ("missing field", "missing_field"),
        ("duplicate field", "duplicate_field"),
        // A float beyond `f64`: out of range, as an integer beyond its type.
        ("floating-point number overflowed", "invalid_value"),
    ];
    CODES
        .iter()
        .find(|(start, _)| message.starts_with(start))
        .map_or("deserialize", |&(_, code)| code)
}

/// `` `a`, `b`, `c` ``.
fn list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    quoted.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_quote_every_name() {
        assert_eq!(list(&["fp32", "bf16"]), "`fp32`, `bf16`");
        assert_eq!(list(&[]), "");
    }
}
