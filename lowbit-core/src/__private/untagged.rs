//! The keys an untagged enum's variant accepts, told to a loader.
//!
//! serde reads an untagged enum (or an enum with `#[serde(untagged)]`
//! variants) into a buffer of its own and tries each variant on the buffer,
//! away from the loader's watching deserializer: a key the matched variant
//! ignores is seen by no one. Only the derive knows the variants' keys, and
//! only validation knows which variant matched. So the validation of such an
//! enum (and of nothing else) tells a [`Hook`], which a loader puts at the
//! root of the [`Location`] it validates at, which keys the table at each
//! place accepts; the loader compares them with the keys the document has
//! there. Under `validate()` there is no hook and nothing is noted.

use core::any::Any;
use core::cell::RefCell;

use serde::de::{self, Deserializer, Visitor};
use serde::de::{DeserializeOwned, value::Error};

use crate::PathSegment;
use crate::path::Location;

/// What a loader lends the validation of the value it loaded: the context
/// the rules receive, and the tables untagged variants were read from.
pub struct Hook<'a> {
    pub(crate) context: &'a dyn Any,
    tables: RefCell<Vec<Table>>,
}

/// A table an untagged variant was read from, and the keys it accepts: its
/// fields' serde names and their aliases.
#[derive(Debug)]
#[cfg_attr(not(feature = "load"), allow(dead_code))]
pub(crate) struct Table {
    pub(crate) path: Vec<PathSegment>,
    pub(crate) keys: &'static [&'static str],
}

impl<'a> Hook<'a> {
    /// A hook carrying `context` to the rules.
    #[cfg_attr(not(feature = "load"), allow(dead_code))]
    pub(crate) fn new(context: &'a dyn Any) -> Self {
        Hook {
            context,
            tables: RefCell::new(Vec::new()),
        }
    }

    /// The tables noted, in the order validation met them.
    #[cfg_attr(not(feature = "load"), allow(dead_code))]
    pub(crate) fn into_tables(self) -> Vec<Table> {
        self.tables.into_inner()
    }

    /// Notes that the table at `at` accepts `keys`, unless that table may
    /// not be the variant's alone: a flattened enum shares its table with
    /// the struct that flattens it, whose keys are not known here (nor is
    /// a flattened field told from a payload read in place, which an
    /// internally tagged enum reads without its tag).
    #[cold]
    #[inline(never)]
    fn note(&self, at: &Location<'_>, keys: &'static [&'static str]) {
        if at.shares_table() {
            return;
        }
        let path = at.to_path().segments().to_vec();
        self.tables.borrow_mut().push(Table { path, keys });
    }
}

/// The table at `at` was read by an untagged variant whose keys are `keys`
/// (serde names and aliases). Nothing unless a loader is listening.
#[inline]
pub fn keys(at: &Location<'_>, keys: &'static [&'static str]) {
    if let Some(hook) = at.hook() {
        hook.note(at, keys);
    }
}

/// Wraps a newtype variant's payload for [`NoteFields`] and [`SkipFields`]:
/// the keys of a payload that serde reads as a struct are that struct's,
/// which only its `Deserialize` knows; the derive of the struct is not made
/// to say them (that would cost every struct), they are asked of serde here,
/// and only under a loader.
pub struct Fields<'a, T: ?Sized>(pub &'a T);

/// The payload can be read on its own: its fields are asked of serde.
pub trait NoteFields {
    /// Notes the payload's keys at `at`, when it is read as a struct.
    fn note_fields(&self, at: &Location<'_>);
}

impl<T: DeserializeOwned> NoteFields for &Fields<'_, T> {
    #[inline]
    fn note_fields(&self, at: &Location<'_>) {
        if let Some(hook) = at.hook()
            && let Some(fields) = fields_of::<T>()
        {
            hook.note(at, fields);
        }
    }
}

/// The payload does not deserialize on its own (a type parameter, say):
/// its keys are not known. A payload that borrows from the document would
/// pick [`NoteFields`] and fail to compile (regions play no part in that
/// choice): the derive notes no keys for a type that names a lifetime.
pub trait SkipFields {
    /// Nothing to note.
    fn note_fields(&self, at: &Location<'_>);
}

impl<T: ?Sized> SkipFields for Fields<'_, T> {
    #[inline]
    fn note_fields(&self, _: &Location<'_>) {}
}

/// The keys a `T` reads as a struct: the fields serde's derive hands
/// `deserialize_struct` (serde names and aliases, skipped fields left out),
/// through `Option`, `Box` and newtype wrappers. `None` for what is no such
/// struct: a scalar, a map, a struct with a flattened field (which reads a
/// map), an enum.
#[cold]
#[inline(never)]
pub(crate) fn fields_of<T: DeserializeOwned>() -> Option<&'static [&'static str]> {
    let mut fields = None;
    let _ = T::deserialize(Asking {
        fields: &mut fields,
    });
    fields
}

/// A deserializer that reads nothing: it notes the fields a struct asks
/// for and fails.
struct Asking<'f> {
    fields: &'f mut Option<&'static [&'static str]>,
}

impl<'de> Deserializer<'de> for Asking<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
        Err(de::Error::custom("not a struct"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Error> {
        *self.fields = Some(fields);
        Err(de::Error::custom("asked"))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map enum
        identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::*;

    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Config {
        #[serde(alias = "file")]
        dockerfile: Option<String>,
        #[serde(rename = "ctx")]
        context: String,
        #[serde(skip)]
        hidden: u8,
    }

    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Wrapped(Config);

    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Flattening {
        #[serde(flatten)]
        rest: BTreeMap<String, u8>,
    }

    #[test]
    fn a_struct_says_its_keys_through_wrappers_and_nothing_else_does() {
        let keys = Some(&["dockerfile", "file", "ctx"][..]);
        assert_eq!(fields_of::<Config>(), keys);
        assert_eq!(fields_of::<Option<Box<Config>>>(), keys);
        assert_eq!(fields_of::<Wrapped>(), keys);
        assert_eq!(fields_of::<String>(), None);
        assert_eq!(fields_of::<BTreeMap<String, u8>>(), None);
        assert_eq!(fields_of::<Flattening>(), None);
    }

    #[test]
    fn only_a_location_under_a_hook_notes_keys() {
        keys(&Location::root().field("build"), &["context"]);
        let hook = Hook::new(&());
        let root = Location::hooked(&hook);
        let build = root.field("build");
        keys(&build, &["context"]);
        (&&Fields(&None::<Config>)).note_fields(&build.field("config"));
        struct Opaque;
        // The borrows are the probe: they pick the impl.
        #[allow(clippy::needless_borrow)]
        (&&Fields(&Opaque)).note_fields(&build);
        // Flattened into `build`, behind a `nested` descent or not; in
        // place in what `build` or the root holds.
        let flattened = build.field("");
        keys(&flattened, &["inline"]);
        keys(&flattened.nested(), &["inline"]);
        let held = build.nested();
        keys(&held.nested(), &["inline"]);
        keys(&root.nested(), &["inline"]);
        // One `nested` descent below a key is the value's own table, and
        // so is the root.
        let config = build.field("config");
        keys(&config.nested(), &["file"]);
        keys(&root, &["build"]);
        let tables: Vec<(String, &[&str])> = (hook.into_tables().into_iter())
            .map(|table| {
                let path = crate::path::Path::from_segments(table.path);
                (path.to_string(), table.keys)
            })
            .collect();
        assert_eq!(
            tables,
            [
                ("build".to_owned(), &["context"][..]),
                (
                    "build.config".to_owned(),
                    &["dockerfile", "file", "ctx"][..]
                ),
                ("build.config".to_owned(), &["file"][..]),
                (String::new(), &["build"][..]),
            ]
        );
    }
}
