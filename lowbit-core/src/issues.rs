//! [`Issues`]: what a struct-level `custom` check of the second form adds
//! its violations to, each at a path below the struct.

use std::borrow::Cow;
use std::fmt;

use crate::path::{Location, Path, PathSegment};
use crate::report::{Report, Violation};

/// The violations a struct-level check reports, each at a path below the
/// struct, which the TOML loader then locates like any other.
///
/// A check written `#[validate(custom(check, issues))]` is called as
/// `check(&self, &mut issues)`; with `context` too, as
/// `check(&self, &context, &mut issues)`. Paths are spelled as the config
/// file spells them: serde names, not Rust names.
///
/// ```
/// use std::collections::BTreeMap;
/// use lowbit_core::{Issues, Validate};
///
/// #[derive(Validate)]
/// struct Job {
///     needs: Vec<String>,
/// }
///
/// /// Every job a job needs is a job of the workflow.
/// fn needs_are_jobs(workflow: &Workflow, issues: &mut Issues<'_>) {
///     for (name, job) in &workflow.jobs {
///         for (index, need) in job.needs.iter().enumerate() {
///             if !workflow.jobs.contains_key(need) {
///                 issues
///                     .field("jobs")
///                     .key(name)
///                     .field("needs")
///                     .index(index)
///                     .error(format!("no job named `{need}`"));
///             }
///         }
///     }
/// }
///
/// #[derive(Validate)]
/// #[validate(custom(needs_are_jobs, issues))]
/// struct Workflow {
///     jobs: BTreeMap<String, Job>,
/// }
///
/// let workflow = Workflow {
///     jobs: BTreeMap::from([
///         ("build".to_owned(), Job { needs: vec!["test".into(), "tset".into()] }),
///         ("test".to_owned(), Job { needs: vec![] }),
///     ]),
/// };
/// let report = workflow.validate().unwrap_err();
/// let violation = report.iter().next().unwrap();
/// assert_eq!(violation.path().to_string(), r#"jobs["build"].needs[1]"#);
/// assert_eq!(violation.code(), "custom");
/// assert_eq!(violation.to_string(), "no job named `tset`");
/// ```
pub struct Issues<'a> {
    /// Where violations go, at paths below the location; none when only
    /// whether there is one counts (`is_valid`), so no path is built.
    sink: Option<(&'a Location<'a>, &'a mut Report)>,
    count: usize,
}

impl<'a> Issues<'a> {
    /// Issues recorded into `report`, at paths below `at`. Generated code
    /// makes them; a hand-written `Validate` impl may too.
    #[must_use]
    pub fn new(at: &'a Location<'a>, report: &'a mut Report) -> Self {
        Issues {
            sink: Some((at, report)),
            count: 0,
        }
    }

    /// Issues that are only counted, for [`Validate::is_valid`](crate::Validate::is_valid).
    #[doc(hidden)]
    #[must_use]
    pub fn counting() -> Self {
        Issues {
            sink: None,
            count: 0,
        }
    }

    /// How many violations have been reported through these issues.
    #[must_use]
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether none has been reported.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// A violation at the struct itself.
    pub fn error(&mut self, message: impl Into<Cow<'static, str>>) {
        self.push(Vec::new(), message.into());
    }

    /// The field `name` (its serde name) of the struct, to report at or
    /// below.
    pub fn field(&mut self, name: impl Into<Cow<'static, str>>) -> Issue<'_, 'a> {
        Issue {
            issues: self,
            segments: vec![PathSegment::Field(name.into())],
        }
    }

    /// A place below the struct given by its segments.
    pub fn at(&mut self, segments: impl IntoIterator<Item = PathSegment>) -> Issue<'_, 'a> {
        Issue {
            issues: self,
            segments: segments.into_iter().collect(),
        }
    }

    fn push(&mut self, segments: Vec<PathSegment>, message: Cow<'static, str>) {
        self.count += 1;
        if let Some((at, report)) = &mut self.sink {
            let path = Path::from_segments(segments).prefixed(&at.to_path());
            report.push(Violation::new(path, "custom", message));
        }
    }
}

/// A place below the struct that a struct-level check reports at, built a
/// step at a time: `issues.field("jobs").key("build").field("needs").index(1)`.
#[must_use = "an issue is reported by `error`"]
pub struct Issue<'i, 'a> {
    issues: &'i mut Issues<'a>,
    segments: Vec<PathSegment>,
}

impl Issue<'_, '_> {
    /// The field `name` (its serde name) of the value here.
    pub fn field(mut self, name: impl Into<Cow<'static, str>>) -> Self {
        self.segments.push(PathSegment::Field(name.into()));
        self
    }

    /// Item `index` of the sequence here.
    pub fn index(mut self, index: usize) -> Self {
        self.segments.push(PathSegment::Index(index));
        self
    }

    /// The entry of the map here under `key`.
    pub fn key(mut self, key: impl fmt::Display) -> Self {
        self.segments.push(PathSegment::Key(key.to_string()));
        self
    }

    /// Reports a violation here, saying `message`.
    pub fn error(self, message: impl Into<Cow<'static, str>>) {
        self.issues.push(self.segments, message.into());
    }
}
