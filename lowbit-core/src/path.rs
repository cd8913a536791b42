//! Paths of values inside a config, spelled as the config file spells them.
//!
//! A [`Path`] is owned and built only when a violation is recorded. While a
//! config is validated, the generated code carries a [`Location`] instead: a
//! chain of borrowed steps on the stack, which costs nothing to extend.

use std::any::Any;
use std::borrow::Cow;
use std::fmt;

/// One step of a [`Path`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PathSegment {
    /// A struct field, by its serde name (`compressionInterval`): borrowed
    /// when the name comes from the type, as in a violation's path; owned
    /// when it comes from a document, as a key no field of the type has.
    Field(Cow<'static, str>),
    /// An item of a sequence (`[3]`).
    Index(usize),
    /// An entry of a map, by its key as the key displays (`["enc"]`).
    Key(String),
}

impl PathSegment {
    /// The key this segment names in a table: a field's name or a map
    /// entry's key; `None` for a sequence item.
    #[cfg(feature = "load")]
    pub(crate) fn key(&self) -> Option<&str> {
        match self {
            PathSegment::Field(name) => Some(name),
            PathSegment::Key(key) => Some(key),
            PathSegment::Index(_) => None,
        }
    }
}

/// Where a value sits in a config: `model.rho.compression`, `sections[1].mode`,
/// `layers["enc"].bits`.
///
/// ```
/// use lowbit_core::path::{Path, PathSegment};
///
/// let path = Path::from_segments(vec![
///     PathSegment::Field("layers".into()),
///     PathSegment::Key("enc".into()),
///     PathSegment::Field("bits".into()),
/// ]);
/// assert_eq!(path.to_string(), r#"layers["enc"].bits"#);
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Path {
    segments: Vec<PathSegment>,
}

impl Path {
    /// The empty path: the value being validated itself.
    #[must_use]
    pub const fn root() -> Self {
        Path {
            segments: Vec::new(),
        }
    }

    /// A path made of these segments, outermost first.
    #[must_use]
    pub fn from_segments(segments: Vec<PathSegment>) -> Self {
        Path { segments }
    }

    /// The segments, outermost first.
    #[must_use]
    pub fn segments(&self) -> &[PathSegment] {
        &self.segments
    }

    /// Whether this is the root path.
    #[must_use]
    pub fn is_root(&self) -> bool {
        self.segments.is_empty()
    }

    /// This path below `prefix`: `rho.compression` below `model` is
    /// `model.rho.compression`.
    #[must_use]
    pub fn prefixed(&self, prefix: &Path) -> Path {
        let mut segments = prefix.segments.clone();
        segments.extend(self.segments.iter().cloned());
        Path { segments }
    }
}

/// `Path(quant.saved_activations.mode)`: the path as it displays.
impl fmt::Debug for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Path({self})")
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Spelled(&self.segments).fmt(f)
    }
}

/// Segments spelled as a [`Path`] displays them, for paths that are not
/// (yet) one: `model.rho.compression`, `layers["enc"].bits`.
pub(crate) struct Spelled<'a>(pub(crate) &'a [PathSegment]);

impl fmt::Display for Spelled<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                PathSegment::Field(name) if i == 0 => f.write_str(name)?,
                PathSegment::Field(name) => write!(f, ".{name}")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
                PathSegment::Key(key) => write!(f, "[{key:?}]")?,
            }
        }
        Ok(())
    }
}

/// A borrowed path under construction: where the value now being validated
/// sits. Each step borrows its parent, so descending into a field costs a
/// stack slot and no allocation; [`Location::to_path`] builds the owned
/// [`Path`] when there is something to report.
///
/// Hand-written [`Validate`](crate::Validate) impls use it to descend:
///
/// ```
/// use lowbit_core::Location;
///
/// let root = Location::root();
/// let layers = root.field("layers");
/// let key = "enc";
/// let enc = layers.key(&key);
/// let bits = enc.field("bits");
/// assert_eq!(bits.to_path().to_string(), r#"layers["enc"].bits"#);
/// ```
#[derive(Clone, Copy)]
pub struct Location<'a> {
    parent: Option<&'a Location<'a>>,
    link: Link<'a>,
    /// How many `nested` descents lie between the root and here.
    nesting: usize,
}

/// What a [`Location`] adds to its parent: a borrowed [`PathSegment`], or,
/// at the root, the context.
#[derive(Clone, Copy)]
enum Link<'a> {
    /// The root, holding what `validate_with` was given.
    Root(&'a dyn Any),
    Field(&'static str),
    Index(usize),
    Key(&'a dyn fmt::Display),
}

impl Location<'static> {
    /// The location of the value `validate()` was called on.
    #[must_use]
    pub const fn root() -> Self {
        Location {
            parent: None,
            link: Link::Root(&()),
            nesting: 0,
        }
    }
}

impl<'a> Location<'a> {
    /// The location of the value `validate_with(context)` was called on:
    /// the root, carrying `context` to every level below it.
    #[must_use]
    pub const fn with_context(context: &'a dyn Any) -> Self {
        Location {
            parent: None,
            link: Link::Root(context),
            nesting: 0,
        }
    }

    /// What [`Validate::validate_with`](crate::Validate::validate_with) was
    /// given, `&()` under `validate()`. `custom` rules that take a context
    /// read it from here, at whatever depth they are.
    #[must_use]
    pub fn context(&self) -> &'a dyn Any {
        let mut here = self;
        loop {
            match (here.link, here.parent) {
                (Link::Root(context), _) => return context,
                (_, Some(parent)) => here = parent,
                // Only roots have no parent.
                (_, None) => return &(),
            }
        }
    }

    /// The field `name` (its serde name) of the value here.
    #[must_use]
    pub fn field(&'a self, name: &'static str) -> Location<'a> {
        Location {
            parent: Some(self),
            link: Link::Field(name),
            nesting: self.nesting,
        }
    }

    /// Item `index` of the sequence here.
    #[must_use]
    pub fn index(&'a self, index: usize) -> Location<'a> {
        Location {
            parent: Some(self),
            link: Link::Index(index),
            nesting: self.nesting,
        }
    }

    /// The entry of the map here under `key`.
    #[must_use]
    pub fn key(&'a self, key: &'a dyn fmt::Display) -> Location<'a> {
        Location {
            parent: Some(self),
            link: Link::Key(key),
            nesting: self.nesting,
        }
    }

    /// The same place, one `nested` descent deeper: what the derive's
    /// `#[nested]` validates the value below it at. It adds no segment to
    /// the path; it counts toward [`max_nesting`](crate::limits::max_nesting).
    #[must_use]
    pub fn nested(&'a self) -> Location<'a> {
        Location {
            parent: Some(self),
            link: Link::Field(""),
            nesting: self.nesting + 1,
        }
    }

    /// How many `nested` descents lie between the root and here.
    #[must_use]
    pub fn nesting(&self) -> usize {
        self.nesting
    }

    /// The owned path of this location.
    #[must_use]
    pub fn to_path(&self) -> Path {
        self.path_below(&[])
    }

    /// The owned path of this location followed by the fields `tail` (a
    /// rule's subject below the struct here), built in one allocation of
    /// the path's exact length: what a violation records.
    pub(crate) fn path_below(&self, tail: &[&'static str]) -> Path {
        let mut segments = Vec::with_capacity(self.depth() + tail.len());
        self.push_segments(&mut segments);
        // Flattened fields are named "": they add no segment.
        for name in tail {
            if !name.is_empty() {
                segments.push(PathSegment::Field(Cow::Borrowed(name)));
            }
        }
        Path { segments }
    }

    /// How many links lie between the root and here: the length of the
    /// path, or a little more (flattened fields add none).
    fn depth(&self) -> usize {
        let mut depth = 0;
        let mut here = self.parent;
        while let Some(location) = here {
            depth += 1;
            here = location.parent;
        }
        depth
    }

    /// Pushes the segments of the path here, outermost first. Recursive:
    /// as deep as the value is nested, which `limits` bounds.
    fn push_segments(&self, segments: &mut Vec<PathSegment>) {
        if let Some(parent) = self.parent {
            parent.push_segments(segments);
        }
        match self.link {
            // Flattened fields are named "": they add no segment.
            Link::Root(_) | Link::Field("") => {}
            Link::Field(name) => segments.push(PathSegment::Field(Cow::Borrowed(name))),
            Link::Index(index) => segments.push(PathSegment::Index(index)),
            Link::Key(key) => segments.push(PathSegment::Key(key.to_string())),
        }
    }
}

impl fmt::Debug for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Location({})", self.to_path())
    }
}
