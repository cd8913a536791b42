//! Paths of values inside a config, spelled as the config file spells them.
//!
//! A [`Path`] is owned and built only when a violation is recorded. While a
//! config is validated, the generated code carries a [`Location`] instead: a
//! chain of borrowed steps on the stack, which costs nothing to extend.

use std::any::Any;
use std::borrow::Cow;
use std::fmt;

use crate::__private::untagged::Hook;

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
#[derive(Clone)]
pub struct Path {
    segments: Segments,
}

/// How many segments a path holds without allocating. A violation's path
/// is seldom deeper, and its allocation would be the largest cost of
/// recording the violation.
const INLINE: usize = 3;

/// What stands in an unused inline slot: a segment that owns nothing.
const FILLER: PathSegment = PathSegment::Index(0);

/// The segments of a [`Path`]: in place up to [`INLINE`] of them, else on
/// the heap.
#[derive(Clone)]
enum Segments {
    /// The first `len` of `items`; the others are [`FILLER`]s.
    Inline {
        len: u8,
        items: [PathSegment; INLINE],
    },
    Heap(Vec<PathSegment>),
}

impl Path {
    /// The empty path: the value being validated itself.
    #[must_use]
    pub const fn root() -> Self {
        Path {
            segments: Segments::Inline {
                len: 0,
                items: [FILLER; INLINE],
            },
        }
    }

    /// A path made of these segments, outermost first.
    #[must_use]
    pub fn from_segments(segments: Vec<PathSegment>) -> Self {
        Path {
            segments: Segments::Heap(segments),
        }
    }

    /// A path of `len` [`FILLER`] segments, for the caller to overwrite:
    /// in place when they fit, else in one allocation of that length.
    #[inline]
    fn filled(len: usize) -> Self {
        let segments = match u8::try_from(len) {
            Ok(short) if len <= INLINE => Segments::Inline {
                len: short,
                items: [FILLER; INLINE],
            },
            _ => Segments::Heap(vec![FILLER; len]),
        };
        Path { segments }
    }

    /// The segments, outermost first.
    #[must_use]
    #[inline]
    pub fn segments(&self) -> &[PathSegment] {
        match &self.segments {
            Segments::Inline { len, items } => &items[..usize::from(*len)],
            Segments::Heap(segments) => segments,
        }
    }

    /// The segments, to overwrite.
    #[inline]
    fn segments_mut(&mut self) -> &mut [PathSegment] {
        match &mut self.segments {
            Segments::Inline { len, items } => &mut items[..usize::from(*len)],
            Segments::Heap(segments) => segments,
        }
    }

    /// Whether this is the root path.
    #[must_use]
    pub fn is_root(&self) -> bool {
        self.segments().is_empty()
    }

    /// This path below `prefix`: `rho.compression` below `model` is
    /// `model.rho.compression`.
    #[must_use]
    pub fn prefixed(&self, prefix: &Path) -> Path {
        let (outer, inner) = (prefix.segments(), self.segments());
        let mut path = Path::filled(outer.len() + inner.len());
        for (slot, segment) in path
            .segments_mut()
            .iter_mut()
            .zip(outer.iter().chain(inner))
        {
            slot.clone_from(segment);
        }
        path
    }
}

impl Default for Path {
    fn default() -> Self {
        Path::root()
    }
}

/// Paths are equal when their segments are, wherever those are kept.
impl PartialEq for Path {
    fn eq(&self, other: &Self) -> bool {
        self.segments() == other.segments()
    }
}

impl Eq for Path {}

impl std::hash::Hash for Path {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.segments().hash(state);
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
        Spelled(self.segments()).fmt(f)
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
    /// The root of a loader's validation, holding that context and what the
    /// loader asks of untagged enums (see [`untagged`](crate::__private::untagged)).
    Hooked(&'a Hook<'a>),
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

    /// The root of a loader's validation of the value it loaded: `hook`
    /// carries the context, and hears which keys untagged variants accept.
    #[cfg_attr(not(feature = "load"), allow(dead_code))]
    pub(crate) const fn hooked(hook: &'a Hook<'a>) -> Self {
        Location {
            parent: None,
            link: Link::Hooked(hook),
            nesting: 0,
        }
    }

    /// The loader's hook at the root, if a loader validates.
    #[inline]
    pub(crate) fn hook(&self) -> Option<&'a Hook<'a>> {
        match self.root_link() {
            Link::Hooked(hook) => Some(hook),
            _ => None,
        }
    }

    /// The link of the location validation started at.
    #[inline]
    fn root_link(&self) -> Link<'a> {
        let mut here = self;
        while let Some(parent) = here.parent {
            here = parent;
        }
        here.link
    }

    /// Whether the value here may share its table with what holds it: it
    /// is reached from no segment of its own, by a `nested` descent (into
    /// a flattened field, or a newtype variant's payload read in place) or
    /// a flattened step. The root's table is its own.
    pub(crate) fn shares_table(&self) -> bool {
        match (self.link, self.parent) {
            (Link::Field(""), Some(parent)) if self.nesting > parent.nesting => {
                !parent.link.adds_segment()
            }
            (Link::Field(""), Some(_)) => true,
            _ => false,
        }
    }

    /// What [`Validate::validate_with`](crate::Validate::validate_with) was
    /// given, `&()` under `validate()`. `custom` rules that take a context
    /// read it from here, at whatever depth they are.
    #[must_use]
    pub fn context(&self) -> &'a dyn Any {
        match self.root_link() {
            Link::Root(context) => context,
            Link::Hooked(hook) => hook.context,
            // Every root is one of those two.
            _ => &(),
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
    /// rule's subject below the struct here), built once: in place when it
    /// is short, else in one allocation of its exact length. What a
    /// violation records.
    pub(crate) fn path_below(&self, tail: &[&'static str]) -> Path {
        let mut depth = 0;
        let mut here = Some(self);
        while let Some(location) = here {
            depth += usize::from(location.link.adds_segment());
            here = location.parent;
        }
        // `tail.len()` bounds what the tail adds: flattened fields, named
        // "", add no segment.
        if depth + tail.len() > INLINE {
            return self.path_on_heap(depth, tail);
        }
        let mut items = [FILLER; INLINE];
        let mut len = depth;
        for name in tail {
            if !name.is_empty() {
                put(&mut items[len], PathSegment::Field(Cow::Borrowed(name)));
                len += 1;
            }
        }
        // The chain runs from here up to the root, innermost first: the
        // slots fill from the back, without recursion.
        let mut here = Some(self);
        let mut at = depth;
        while let Some(location) = here {
            if let Some(segment) = location.link.segment() {
                at -= 1;
                put(&mut items[at], segment);
            }
            here = location.parent;
        }
        Path {
            segments: Segments::Inline {
                // At most `INLINE`.
                #[allow(clippy::cast_possible_truncation)]
                len: len as u8,
                items,
            },
        }
    }

    /// [`path_below`](Self::path_below) of a path too long to hold in place:
    /// `depth` segments of the chain, then the tail's.
    #[cold]
    fn path_on_heap(&self, depth: usize, tail: &[&'static str]) -> Path {
        let mut segments = Vec::with_capacity(depth + tail.len());
        segments.resize(depth, FILLER);
        let mut here = Some(self);
        let mut at = depth;
        while let Some(location) = here {
            if let Some(segment) = location.link.segment() {
                at -= 1;
                segments[at] = segment;
            }
            here = location.parent;
        }
        let names = tail.iter().filter(|name| !name.is_empty());
        segments.extend(names.map(|name| PathSegment::Field(Cow::Borrowed(name))));
        Path {
            segments: Segments::Heap(segments),
        }
    }
}

/// Writes `segment` into a slot that holds a [`FILLER`], which owns
/// nothing: no drop of the old value to test for.
#[inline(always)]
fn put(slot: &mut PathSegment, segment: PathSegment) {
    std::mem::forget(std::mem::replace(slot, segment));
}

impl Link<'_> {
    /// Whether this link adds a segment to the path: the root and the
    /// steps of `nested` and of flattened fields (named "") add none.
    #[inline]
    fn adds_segment(&self) -> bool {
        !matches!(self, Link::Root(_) | Link::Hooked(_) | Link::Field(""))
    }

    /// The segment this link adds, if any.
    #[inline]
    fn segment(&self) -> Option<PathSegment> {
        match *self {
            Link::Root(_) | Link::Hooked(_) | Link::Field("") => None,
            Link::Field(name) => Some(PathSegment::Field(Cow::Borrowed(name))),
            Link::Index(index) => Some(PathSegment::Index(index)),
            Link::Key(key) => Some(PathSegment::Key(key.to_string())),
        }
    }
}

impl fmt::Debug for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Location({})", self.to_path())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::hash_map::DefaultHasher;
    use std::hash::{Hash, Hasher};

    use super::*;

    fn field(name: &'static str) -> PathSegment {
        PathSegment::Field(Cow::Borrowed(name))
    }

    fn hash(path: &Path) -> u64 {
        let mut hasher = DefaultHasher::new();
        path.hash(&mut hasher);
        hasher.finish()
    }

    #[test]
    fn paths_built_in_place_and_on_the_heap_read_and_compare_alike() {
        let root = Location::root();
        let a = root.field("a");
        let items = a.index(1);
        let nested = items.nested();
        let key = "k";
        let keyed = nested.key(&key);
        // Within the inline slots, at their bound, and past it.
        let short = a.path_below(&["", "b"]);
        let full = items.path_below(&["b"]);
        let long = keyed.path_below(&["b", "", "c"]);
        assert!(matches!(short.segments, Segments::Inline { len: 2, .. }));
        assert!(matches!(full.segments, Segments::Inline { len: 3, .. }));
        assert!(matches!(long.segments, Segments::Heap(_)));
        assert_eq!(short.to_string(), "a.b");
        assert_eq!(full.to_string(), "a[1].b");
        assert_eq!(long.to_string(), r#"a[1]["k"].b.c"#);

        let spelled = [field("a"), PathSegment::Index(1), field("b")];
        let from_vec = Path::from_segments(spelled.to_vec());
        assert_eq!(full.segments(), spelled);
        assert_eq!(full, from_vec);
        assert_eq!(hash(&full), hash(&from_vec));
        assert_ne!(full, short);
        assert_eq!(Path::default(), Path::from_segments(Vec::new()));
        assert!(Path::root().is_root() && root.to_path().is_root());
    }

    #[test]
    fn prefixing_moves_a_path_between_its_two_kinds_of_storage() {
        let rho = Path::from_segments(vec![field("rho"), field("compression")]);
        let model = Location::root().field("model").to_path();
        let inline = rho.prefixed(&model);
        assert!(matches!(inline.segments, Segments::Inline { len: 3, .. }));
        assert_eq!(inline.to_string(), "model.rho.compression");
        let heap = inline.prefixed(&Path::from_segments(vec![PathSegment::Key("x".into())]));
        assert!(matches!(heap.segments, Segments::Heap(_)));
        assert_eq!(heap.to_string(), r#"["x"].model.rho.compression"#);
        assert_eq!(heap.clone(), heap);
    }
}
