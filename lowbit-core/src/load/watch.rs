//! A deserializer that watches another one: it follows the path of every
//! value, and notes the keys a type ignores (unknown keys, with the fields the
//! type knows beside them) and where the first error arose.
//!
//! Watching is the only place these facts exist: the fields a struct knows
//! are the ones serde's derive passes to `deserialize_struct` at that level,
//! and an unknown key is one whose value it reads as `IgnoredAny`, unless it
//! is one of those fields (a field of type `IgnoredAny`).
//!
//! A struct with a `#[serde(flatten)]` field reads its table as a map and
//! passes no fields: the watch knows it for a struct by what its visitor
//! expects (`struct Scrape`), names its keys as fields, and notes the keys
//! it reads, in order. serde buffers the values of those it does not know
//! itself and reads the flattened struct from that buffer, away from any
//! deserializer: an error there comes back without a position, after the
//! last key. The keys noted are where the loader looks for its value. An
//! internally tagged enum (`#[serde(tag = "type")]`, whose visitor expects
//! `internally tagged enum Name`) buffers its table in the same way and reads
//! its variant from the buffer once the table is read. An adjacently tagged
//! enum would buffer a content that comes before its tag in the same way;
//! the watch holds that content back and hands it over after the tag, so
//! that serde reads it through the watch (see [`held`](super::held)).
//!
//! serde checks a struct's required fields once its table is read, before
//! it reads its flattened fields from its buffer: a field the document
//! lacks, or that a pass cut, would hide whatever is wrong in them. A read
//! may hand such a field to its table past the table's last key, blank
//! (see [`Fill`]), so that serde reads on.
//!
//! An untagged enum buffers its whole value as any value (as serde's buffer
//! reads everything) and tries each variant on the buffer in turn; nothing
//! marks the value as the enum's, and handing it a key twice (see [`Probe`])
//! would not tell a struct variant that knows the key from one that does not:
//! every variant failing, serde says only that none matched, and a variant
//! holding a map takes any key. The watch cannot see typos in untagged
//! variants: the validation of an untagged enum names the keys of the
//! variant that matched instead (see `__private::untagged`), and the loader
//! compares them with the document's.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::fmt;

use serde::de::value::{StringDeserializer, UnitDeserializer};
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

use super::blank::{Blank, StandIn};
use super::held::{Held, Hold, KeyText, Replay};
use crate::PathSegment;

/// A key whose value the type ignored.
#[derive(Debug)]
pub(crate) struct Ignored {
    /// Where the key sits.
    pub(crate) path: Vec<PathSegment>,
    /// The fields of the struct that ignored it.
    pub(crate) known: Option<&'static [&'static str]>,
}

/// Where deserialization first failed, innermost.
#[derive(Debug)]
pub(crate) struct Failure {
    /// The value (or, for a rejected key, the key) that failed.
    pub(crate) path: Vec<PathSegment>,
    /// The variants of the enum expected there, when one was.
    pub(crate) variants: Option<&'static [&'static str]>,
    /// The fields of the struct around a rejected key.
    pub(crate) known: Option<&'static [&'static str]>,
    /// For an error raised by a struct flattened into the table at `path`,
    /// which serde reads from a buffer, with no position: the keys of that
    /// table, in the order serde read them.
    pub(crate) flattened: Option<Vec<String>>,
    /// The segments of `path` that are a struct's keys, by index, with the
    /// fields that struct knows (its serde names and their aliases): where
    /// the file may spell a field under an alias.
    pub(crate) fields: Vec<(usize, &'static [&'static str])>,
    /// Whether `path`, not the error's own span, says where the value is:
    /// for an error the type raised after its deserializer returned (an
    /// untagged enum that no variant matched, a `TryFrom` conversion),
    /// which a format places at whatever holds the value (TOML: a whole
    /// array, for one of its items).
    pub(crate) by_path: bool,
}

/// A table read by a struct with a flattened field.
#[derive(Debug)]
pub(crate) struct Flat {
    /// Where the table sits.
    pub(crate) table: Vec<PathSegment>,
    /// The keys whose values serde buffered for the flattened fields: those
    /// the struct does not know itself, in order.
    pub(crate) buffered: Vec<String>,
    /// Whether a flattened map may take them. An internally tagged enum's
    /// variant is read from such a buffer too; its struct variants refuse a
    /// key that is no string, which is why it is not asked about maps (a
    /// newtype variant holding a map is taken for a struct).
    pub(crate) maps: bool,
    /// For an internally tagged enum's table, the tag's key: the one key it
    /// does not buffer.
    pub(crate) tag: Option<String>,
}

/// What a probing read asks of the tables read by structs with flattened
/// fields: whether a flattened field knows a buffered key. serde tells no
/// one which of them a flattened struct takes; it does refuse a field given
/// twice. So each key in `keys` is handed to the struct twice, and the first
/// that a flattened struct knows fails the read with `duplicate field`. A
/// flattened map takes every key, and would take the second silently: each
/// table in `tables` is also handed a key that is no string, which every
/// flattened struct passes over and a map with string keys refuses.
///
/// A probe may also withhold keys from a table (`withhold`): the keys it
/// buffered, so that an internally tagged enum flattened there names its
/// tag as missing, before anything else.
#[derive(Debug, Default)]
pub(crate) struct Probe {
    pub(crate) keys: Vec<(Vec<PathSegment>, String)>,
    pub(crate) tables: Vec<Vec<PathSegment>>,
    pub(crate) withhold: Vec<(Vec<PathSegment>, Vec<String>)>,
}

/// A field a table lacks, handed to its struct after the table's last key
/// with a [`Blank`] value: the field serde said was missing (the document
/// lacks it, or an earlier pass cut its bad value), so that serde reads on
/// to what it checks after its required fields: a flattened struct, read
/// from serde's buffer once the table's own fields are all there.
#[derive(Clone, Debug)]
pub(crate) struct Fill {
    /// The table, as the file spells its path.
    pub(crate) table: Vec<PathSegment>,
    /// The field's serde name.
    pub(crate) key: String,
    /// What serde's buffer is handed for it, should it buffer the value.
    pub(crate) stand_in: StandIn,
}

/// What a watched deserialization saw.
#[derive(Debug, Default)]
pub(crate) struct Seen {
    pub(crate) ignored: Vec<Ignored>,
    pub(crate) failure: Option<Failure>,
    /// The tables read by structs with flattened fields (unless probing).
    pub(crate) flat: Vec<Flat>,
    /// What to hand those tables, when this read is a probe.
    pub(crate) probe: Option<Probe>,
    /// When this read asks for a key's serde name: the table and the key
    /// as the file spells it. The struct is handed the key with a
    /// [`Blank`] value and then the key again, which serde's derive refuses
    /// as a `duplicate field` under the field's serde name.
    pub(crate) rename: Option<(Vec<PathSegment>, String)>,
    /// When the table of [`rename`](Self::rename) is one serde buffers
    /// (an internally tagged enum's, the keys a struct leaves to its
    /// flattened fields): what its buffer is handed in place of a blank.
    pub(crate) stand_in: Option<StandIn>,
    /// The fields to hand the tables that lack them (see [`Fill`]).
    pub(crate) fill: Vec<Fill>,
    /// The last internally tagged table read, and its keys: its variant
    /// is read from serde's buffer after the table, away from the watch.
    tagged: Option<(Vec<PathSegment>, Vec<String>)>,
    /// The key (or variant name) read last, until its value is read.
    key: Option<String>,
}

/// A borrowed path, one node per level on the stack, as `Location` is.
struct Chain<'a> {
    parent: Option<&'a Chain<'a>>,
    segment: Option<PathSegment>,
    /// The fields of the struct that holds this value.
    known: Option<&'static [&'static str]>,
}

impl Chain<'_> {
    const ROOT: Chain<'static> = Chain {
        parent: None,
        segment: None,
        known: None,
    };

    fn path(&self) -> Vec<PathSegment> {
        let mut segments = Vec::new();
        let mut here = Some(self);
        while let Some(node) = here {
            segments.extend(node.segment.clone());
            here = node.parent;
        }
        segments.reverse();
        segments
    }

    /// The segments of [`path`](Self::path) that are a struct's keys, by
    /// index, with the fields of that struct.
    fn fields(&self) -> Vec<(usize, &'static [&'static str])> {
        let mut knowns = Vec::new();
        let mut here = Some(self);
        while let Some(node) = here {
            if node.segment.is_some() {
                knowns.push(node.known);
            }
            here = node.parent;
        }
        knowns.reverse();
        (knowns.into_iter().enumerate())
            .filter_map(|(index, known)| Some((index, known?)))
            .collect()
    }
}

/// What the value being read is to its container.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Value,
    Key,
    Variant,
}

/// The watch over one value: where it sits, what was seen so far, and what
/// the value is to its container.
#[derive(Clone, Copy)]
struct Watch<'a> {
    at: &'a Chain<'a>,
    seen: &'a RefCell<Seen>,
    role: Role,
    /// For a key: the fields of the struct whose key it is.
    known: Option<&'static [&'static str]>,
    /// For a value of a table read by a struct with flattened fields: set
    /// when serde buffers it (reads it as any value), for those fields.
    buffered: Option<&'a Cell<bool>>,
    /// Whether the value is handed over from what the watch held (see
    /// [`held`](super::held)), with no span a format could give its errors:
    /// its path says where it is.
    by_path: bool,
}

impl<'a> Watch<'a> {
    fn with_role(self, role: Role, known: Option<&'static [&'static str]>) -> Self {
        Watch {
            role,
            known,
            ..self
        }
    }

    fn below<'b>(self, at: &'b Chain<'b>) -> Watch<'b>
    where
        'a: 'b,
    {
        Watch {
            at,
            seen: self.seen,
            role: Role::Value,
            known: None,
            buffered: None,
            by_path: self.by_path,
        }
    }

    /// Notes where a failure arose, unless a deeper value already did.
    fn settle<T, E>(
        self,
        result: Result<T, E>,
        variants: Option<&'static [&'static str]>,
    ) -> Result<T, E> {
        if result.is_err() {
            let mut seen = self.seen.borrow_mut();
            if seen.failure.is_none() {
                let failure = match self.role {
                    Role::Value => {
                        let path = self.at.path();
                        // An internally tagged enum read here through a
                        // wrapper (`Option`) failed in its variant, read
                        // from serde's buffer once its table was: the
                        // table's keys say where.
                        let flattened = (seen.tagged.take())
                            .filter(|(table, _)| *table == path)
                            .map(|(_, keys)| keys);
                        Some(Failure {
                            path,
                            variants,
                            known: None,
                            flattened,
                            fields: self.at.fields(),
                            by_path: self.by_path,
                        })
                    }
                    Role::Key => {
                        let mut path = self.at.path();
                        let key = seen.key.clone();
                        path.extend(key.map(|key| match self.known {
                            Some(_) => PathSegment::Field(key.into()),
                            None => PathSegment::Key(key),
                        }));
                        Some(Failure {
                            path,
                            variants: None,
                            known: self.known,
                            flattened: None,
                            fields: self.at.fields(),
                            by_path: self.by_path,
                        })
                    }
                    // The enum's own value notes it, with its variants.
                    Role::Variant => None,
                };
                seen.failure = failure;
            }
        }
        result
    }

    /// Notes where a failure arose that the type raised after its
    /// deserializer returned: a variant of an internally tagged enum read
    /// from serde's buffer, a `TryFrom` conversion, a `deserialize_with`
    /// function's check. The value is what failed, not its container.
    fn settle_after<T, E>(self, result: Result<T, E>) -> Result<T, E> {
        if result.is_err() && self.role == Role::Value {
            let mut seen = self.seen.borrow_mut();
            if seen.failure.is_none() {
                let path = self.at.path();
                let flattened = (seen.tagged.take())
                    .filter(|(table, _)| *table == path)
                    .map(|(_, keys)| keys);
                seen.failure = Some(Failure {
                    path,
                    variants: None,
                    known: None,
                    flattened,
                    fields: self.at.fields(),
                    by_path: true,
                });
            }
        }
        result
    }

    fn keep_key(self, key: &str) {
        if self.role != Role::Value {
            self.seen.borrow_mut().key = Some(key.to_owned());
        }
    }
}

/// Deserializes a `T` from `inner`, noting what happened in `seen`.
pub(crate) fn deserialize<'de, T, D>(inner: D, seen: &RefCell<Seen>) -> Result<T, D::Error>
where
    T: de::Deserialize<'de>,
    D: Deserializer<'de>,
{
    let watch = Watch {
        at: &Chain::ROOT,
        seen,
        role: Role::Value,
        known: None,
        buffered: None,
        by_path: false,
    };
    watch.settle_after(T::deserialize(Watched { inner, watch }))
}

/// A deserializer under watch.
struct Watched<'a, D> {
    inner: D,
    watch: Watch<'a>,
}

/// A visitor under watch: the values it is handed are watched in turn.
struct WatchedVisitor<'a, V> {
    inner: V,
    watch: Watch<'a>,
    /// The fields of the struct this visitor builds, if it builds one.
    known: Option<&'static [&'static str]>,
    /// Whether it reads an `f32`, which a TOML float may not fit.
    single: bool,
    /// Whether serde buffers the values of the table it reads.
    buffers: Buffers,
    /// For an adjacently tagged enum's table: its tag and content keys.
    adjacent: Option<(&'static str, &'static str)>,
}

/// Whether a visitor reading a table buffers its values, to read from the
/// buffer later, away from the document.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Buffers {
    No,
    /// A struct with a flattened field: it buffers the keys it does not know.
    Flattened,
    /// An internally tagged enum: it buffers all but the tag, for its variant.
    Tagged,
}

macro_rules! watched {
    ($($method:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            let watch = self.watch;
            let watched = WatchedVisitor { inner: visitor, watch, known: None, single: false, buffers: Buffers::No, adjacent: None };
            watch.settle(self.inner.$method($($arg,)* watched), None)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Watched<'_, D> {
    type Error = D::Error;

    watched! {
        deserialize_bool(), deserialize_i8(), deserialize_i16(),
        deserialize_i32(), deserialize_i64(), deserialize_i128(), deserialize_u8(),
        deserialize_u16(), deserialize_u32(), deserialize_u64(), deserialize_u128(),
        deserialize_f64(), deserialize_char(), deserialize_str(),
        deserialize_string(), deserialize_bytes(), deserialize_byte_buf(),
        deserialize_option(), deserialize_unit(), deserialize_unit_struct(name: &'static str),
        deserialize_newtype_struct(name: &'static str), deserialize_seq(),
        deserialize_tuple(len: usize), deserialize_tuple_struct(name: &'static str, len: usize),
        deserialize_identifier(),
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        let watch = self.watch;
        let watched = WatchedVisitor {
            inner: visitor,
            watch,
            known: None,
            single: true,
            buffers: Buffers::No,
            adjacent: None,
        };
        watch.settle(self.inner.deserialize_f32(watched), None)
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        let watch = self.watch;
        if let Some(buffered) = watch.buffered {
            // serde's buffer reads what it keeps as "any value".
            buffered.set(expects(&visitor, "any value", true));
        }
        let buffers = if expects(&visitor, "internally tagged enum ", false) {
            Buffers::Tagged
        } else {
            Buffers::No
        };
        // A struct variant read as any value (an adjacently tagged enum's
        // content after its tag) is a struct: its keys are fields, though
        // serde does not say which it knows.
        let known = (buffers == Buffers::No && expects(&visitor, "struct variant ", false))
            .then_some(&[][..]);
        let watched = WatchedVisitor {
            inner: visitor,
            watch,
            known,
            single: false,
            buffers,
            adjacent: None,
        };
        watch.settle(self.inner.deserialize_any(watched), None)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        let watch = self.watch;
        let watched = WatchedVisitor {
            buffers: if expects(&visitor, "struct ", false) {
                Buffers::Flattened
            } else {
                Buffers::No
            },
            inner: visitor,
            watch,
            known: None,
            single: false,
            adjacent: None,
        };
        watch.settle(self.inner.deserialize_map(watched), None)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        // `$__`-named structs are the format's own devices (spans, dates).
        let known = (!name.starts_with("$__")).then_some(fields);
        // An adjacently tagged enum (`fields` are its tag and content keys)
        // would buffer a content that comes before the tag, and read its
        // variant from the buffer, away from the watch: the watch holds
        // that content back, and hands it over after the tag.
        let adjacent = match fields {
            [tag, content] if expects(&visitor, "adjacently tagged enum ", false) => {
                Some((*tag, *content))
            }
            _ => None,
        };
        let watch = self.watch;
        let watched = WatchedVisitor {
            inner: visitor,
            watch,
            known,
            single: false,
            buffers: Buffers::No,
            adjacent,
        };
        let result = self.inner.deserialize_struct(name, fields, watched);
        watch.settle(result, None)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let watch = self.watch;
        let watched = WatchedVisitor {
            inner: visitor,
            watch,
            known: None,
            single: false,
            buffers: Buffers::No,
            adjacent: None,
        };
        watch.settle(
            self.inner.deserialize_enum(name, variants, watched),
            Some(variants),
        )
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        let watch = self.watch;
        // A key the struct declares is known whatever its field reads it as
        // (`Option<IgnoredAny>` accepts a table without keeping it).
        let declared = |key: &str| watch.at.known.is_some_and(|known| known.contains(&key));
        let unknown = match &watch.at.segment {
            Some(PathSegment::Field(key)) => !declared(key),
            Some(PathSegment::Key(key)) => !declared(key),
            _ => false,
        };
        if watch.role == Role::Value && unknown {
            watch.seen.borrow_mut().ignored.push(Ignored {
                path: watch.at.path(),
                known: watch.at.known,
            });
        }
        self.inner.deserialize_ignored_any(visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// `Visitor` methods that hand their value to `self.inner` as it is: the
/// visitors that wrap another one (here, and the JSON quick read's).
macro_rules! forward_visits {
    ($($method:ident($ty:ty)),* $(,)?) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            self.inner.$method(v)
        }
    )*};
}
#[cfg(feature = "json")]
pub(crate) use forward_visits;

impl<'de, V: Visitor<'de>> Visitor<'de> for WatchedVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    forward_visits! {
        visit_i8(i8), visit_i16(i16), visit_i32(i32),
        visit_i128(i128), visit_u8(u8), visit_u16(u16), visit_u32(u32),
        visit_u128(u128), visit_f32(f32), visit_char(char),
        visit_bytes(&[u8]), visit_borrowed_bytes(&'de [u8]), visit_byte_buf(Vec<u8>),
    }

    // A key the format hands as what it spells (a map's integer key, a
    // YAML plain scalar read into serde's buffer) is noted by its text.
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        if self.watch.role != Role::Value {
            self.watch.keep_key(if v { "true" } else { "false" });
        }
        self.inner.visit_bool(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        if self.watch.role != Role::Value {
            self.watch.keep_key(&v.to_string());
        }
        self.inner.visit_i64(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        if self.watch.role != Role::Value {
            self.watch.keep_key(&v.to_string());
        }
        self.inner.visit_u64(v)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // serde's `f32` takes `v as f32`: 3.5e38 would be read as infinity.
        #[allow(clippy::cast_possible_truncation)]
        if self.single && v.is_finite() && (v as f32).is_infinite() {
            return Err(E::invalid_value(
                de::Unexpected::Other(&format!("float {v:e}")),
                &"a 32-bit float (at most 3.4028235e38 either way)",
            ));
        }
        self.inner.visit_f64(v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.watch.keep_key(v);
        self.inner.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        self.watch.keep_key(v);
        self.inner.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        self.watch.keep_key(&v);
        self.inner.visit_string(v)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<Self::Value, D::Error> {
        self.inner.visit_some(Watched {
            inner,
            watch: self.watch,
        })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, inner: D) -> Result<Self::Value, D::Error> {
        self.inner.visit_newtype_struct(Watched {
            inner,
            watch: self.watch,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, inner: A) -> Result<Self::Value, A::Error> {
        // serde's derive reads a struct from a sequence, field by field in
        // order: `quant = [true, "bitnet_b158"]` would be a valid config.
        if self.known.is_some() {
            return Err(de::Error::invalid_type(
                de::Unexpected::Other("array"),
                &"a table",
            ));
        }
        self.inner.visit_seq(WatchedSeq {
            inner,
            watch: self.watch,
            index: 0,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, inner: A) -> Result<Self::Value, A::Error> {
        if self.buffers == Buffers::No {
            return self.inner.visit_map(WatchedMap {
                inner,
                watch: self.watch,
                known: self.known,
                key: None,
                read: None,
                buffered: Cell::new(false),
                extra: None,
                extra_value: false,
                blank: false,
                adjacent: self.adjacent.map(|(tag, content)| Adjacent {
                    tag,
                    content,
                    state: Hand::Peek,
                }),
                filling: fills_for(self.watch, self.known.is_some()),
                past_end: false,
                fill_value: None,
            });
        }
        let table = self.watch.at.path();
        let mut read = Read::default();
        if let Some(probe) = &self.watch.seen.borrow().probe {
            read.twice = (probe.keys.iter())
                .filter(|(at, _)| *at == table)
                .map(|(_, key)| key.clone())
                .collect();
            read.no_string = probe.tables.contains(&table);
            read.withheld = (probe.withhold.iter())
                .filter(|(at, _)| *at == table)
                .flat_map(|(_, keys)| keys.iter().cloned())
                .collect();
        }
        // The probe's key that is no string comes first.
        let extra = read.no_string.then_some(Extra::Unit);
        let read = RefCell::new(read);
        let result = self.inner.visit_map(WatchedMap {
            inner,
            watch: self.watch,
            known: self.known,
            key: None,
            read: Some(&read),
            buffered: Cell::new(false),
            extra,
            extra_value: false,
            blank: false,
            adjacent: None,
            filling: fills_for(self.watch, true),
            past_end: false,
            fill_value: None,
        });
        let read = read.into_inner();
        let mut seen = self.watch.seen.borrow_mut();
        // An error after the last key, with none noted below: one from the
        // flattened struct's buffer (or a field missing from the table).
        if result.is_err() {
            if read.done && seen.failure.is_none() {
                seen.failure = Some(Failure {
                    path: table,
                    variants: None,
                    known: None,
                    flattened: Some(read.keys),
                    fields: Vec::new(),
                    by_path: false,
                });
            }
        } else {
            if self.buffers == Buffers::Tagged {
                // The variant is read from the buffer once this returns.
                seen.tagged = Some((table.clone(), read.keys.clone()));
            }
            if seen.probe.is_none() && !read.buffered.is_empty() {
                let tagged = self.buffers == Buffers::Tagged;
                let tag = (read.keys.iter())
                    .find(|key| tagged && !read.buffered.contains(key))
                    .cloned();
                seen.flat.push(Flat {
                    table,
                    buffered: read.buffered,
                    maps: !tagged,
                    tag,
                });
            }
        }
        drop(seen);
        result
    }

    fn visit_enum<A: EnumAccess<'de>>(self, inner: A) -> Result<Self::Value, A::Error> {
        self.inner.visit_enum(WatchedEnum {
            inner,
            watch: self.watch,
        })
    }
}

/// A seed under watch: its deserializer is watched.
struct WatchedSeed<'a, S> {
    inner: S,
    watch: Watch<'a>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for WatchedSeed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, inner: D) -> Result<S::Value, D::Error> {
        let watch = self.watch;
        watch.settle_after(self.inner.deserialize(Watched { inner, watch }))
    }
}

/// The items of an array under watch, each one a step further.
struct WatchedSeq<'a, A> {
    inner: A,
    watch: Watch<'a>,
    index: usize,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for WatchedSeq<'_, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let node = Chain {
            parent: Some(self.watch.at),
            segment: Some(PathSegment::Index(self.index)),
            known: None,
        };
        self.index += 1;
        let watch = self.watch.below(&node);
        self.inner
            .next_element_seed(WatchedSeed { inner: seed, watch })
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// The entries of a table under watch, each value a step further.
struct WatchedMap<'a, 'de, A> {
    inner: A,
    watch: Watch<'a>,
    known: Option<&'static [&'static str]>,
    key: Option<String>,
    /// For a struct read as a map: what was read of it.
    read: Option<&'a RefCell<Read>>,
    /// Set when serde buffers the value being read.
    buffered: Cell<bool>,
    /// What a probe hands the struct next, before the table's next key.
    extra: Option<Extra>,
    /// Whether the value to read is the probe's, not the table's.
    extra_value: bool,
    /// Whether the value to read is to be handed over [`Blank`] (or, to
    /// serde's buffer, a [`StandIn`]), for a read asking for a key's serde
    /// name (see [`Seen::rename`]).
    blank: bool,
    /// For an adjacently tagged enum's table, its content held back until
    /// the tag is read.
    adjacent: Option<Adjacent<'de>>,
    /// The fields to hand a struct's table past its last key (see
    /// [`Fill`]), last first; `None` when there are none.
    filling: Option<Vec<(String, StandIn)>>,
    /// Whether the table's last key was read.
    past_end: bool,
    /// Whether the value to read is a field handed it so: what serde's
    /// buffer is handed for it.
    fill_value: Option<StandIn>,
}

/// An adjacently tagged enum's table: its keys, and where handing them to
/// serde is. Until the tag's key is handed over, each key is read ahead
/// of serde; a content met first is held, and handed over once the tag is
/// read (or once the table ends without one, for serde to say so).
struct Adjacent<'de> {
    tag: &'static str,
    content: &'static str,
    state: Hand<'de>,
}

/// Where handing an adjacently tagged table's keys to serde is.
enum Hand<'de> {
    /// Before the tag: keys are read ahead.
    Peek,
    /// Before the tag, with the content held.
    Holding(Held<'de>),
    /// The tag's key handed over, the content held: once serde has read
    /// the tag, the content is handed.
    Tagged(Held<'de>),
    /// The content's key handed over: its value is the held one.
    Giving(Held<'de>),
    /// The rest of the table is read as it comes.
    Through,
}

/// The fields to hand the struct reading the table at `watch` past its
/// last key, last first (see [`Fill`]); `None` when it is no struct's
/// (`is_struct`) or lacks none. One look per table, none while no read
/// hands any.
fn fills_for(watch: Watch<'_>, is_struct: bool) -> Option<Vec<(String, StandIn)>> {
    let seen = watch.seen.borrow();
    if !is_struct || seen.fill.is_empty() {
        return None;
    }
    let table = watch.at.path();
    let pending: Vec<(String, StandIn)> = (seen.fill.iter().rev())
        .filter(|fill| fill.table == table)
        .map(|fill| (fill.key.clone(), fill.stand_in))
        .collect();
    (!pending.is_empty()).then_some(pending)
}

/// A seed lent to a read that may not use it: taken only when used.
struct Lend<'a, K>(&'a mut Option<K>);

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for Lend<'_, K> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K::Value, D::Error> {
        match self.0.take() {
            Some(seed) => seed.deserialize(deserializer),
            // A seed is used once: never met.
            None => Err(de::Error::custom("a key read twice")),
        }
    }
}

/// A key a probe hands a struct with flattened fields.
enum Extra {
    /// A key of the table, again.
    Again(String),
    /// A key that is no string.
    Unit,
}

/// What a struct read as a map read of its table.
#[derive(Default)]
struct Read {
    /// Its keys, in order.
    keys: Vec<String>,
    /// Those whose values serde buffered for the flattened fields.
    buffered: Vec<String>,
    /// Whether it read past the last one.
    done: bool,
    /// The keys to hand it twice, when probing.
    twice: Vec<String>,
    /// Whether to hand it a key that is no string, when probing.
    no_string: bool,
    /// The keys not to hand it at all, when probing.
    withheld: Vec<String>,
}

/// Whether what `visitor` expects is `wanted` (`whole`) or starts with it.
/// serde's derive writes `struct Name` for a struct, which it reads as a map
/// when a field is flattened (a map's visitor expects `a map`), and its
/// buffer expects `any value`. Formatting stops at the first difference.
pub(crate) fn expects<'de, V: Visitor<'de>>(visitor: &V, wanted: &str, whole: bool) -> bool {
    struct Compare<'w> {
        wanted: &'w [u8],
        matched: usize,
        more: bool,
    }
    impl fmt::Write for Compare<'_> {
        fn write_str(&mut self, text: &str) -> fmt::Result {
            for &byte in text.as_bytes() {
                if self.wanted.get(self.matched) != Some(&byte) {
                    self.more = true;
                    return Err(fmt::Error);
                }
                self.matched += 1;
            }
            Ok(())
        }
    }
    struct Expecting<'v, V>(&'v V);
    impl<'de, V: Visitor<'de>> fmt::Display for Expecting<'_, V> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.expecting(f)
        }
    }
    let mut compare = Compare {
        wanted: wanted.as_bytes(),
        matched: 0,
        more: false,
    };
    let _ = fmt::write(&mut compare, format_args!("{}", Expecting(visitor)));
    compare.matched == wanted.len() && !(whole && compare.more)
}

impl<'de, A: MapAccess<'de>> WatchedMap<'_, 'de, A> {
    /// The next field to hand a table past its last key (see [`Fill`]),
    /// or its end.
    fn next_fill<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let Some((key, stand_in)) = self.filling.as_mut().and_then(Vec::pop) else {
            return Ok(None);
        };
        self.fill_value = Some(stand_in);
        self.key = Some(key.clone());
        seed.deserialize(StringDeserializer::new(key)).map(Some)
    }

    /// The table's next key, for `seed` watched by `watch`: as it comes,
    /// but in an adjacently tagged enum's table, where keys are read ahead
    /// of serde until its tag (see [`Adjacent`]).
    fn next_adjacent_key<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
        watch: Watch<'_>,
    ) -> Result<Option<K::Value>, A::Error> {
        let Some(adjacent) = &mut self.adjacent else {
            return self.inner.next_key_seed(WatchedSeed { inner: seed, watch });
        };
        let key = loop {
            match std::mem::replace(&mut adjacent.state, Hand::Through) {
                Hand::Through => {
                    return self.inner.next_key_seed(WatchedSeed { inner: seed, watch });
                }
                // serde has read the tag: the content follows it.
                Hand::Tagged(content) => {
                    adjacent.state = Hand::Giving(content);
                    break Cow::Borrowed(adjacent.content);
                }
                Hand::Giving(content) => {
                    // serde asks for a key before the content's value: it
                    // failed, and reads no further.
                    adjacent.state = Hand::Giving(content);
                    return Err(de::Error::custom("a key asked for before a value"));
                }
                state @ (Hand::Peek | Hand::Holding(_)) => {
                    match (self.inner.next_key_seed(KeyText)?, state) {
                        // No tag: serde says so, after the content it held.
                        (None, Hand::Holding(content)) => {
                            adjacent.state = Hand::Giving(content);
                            break Cow::Borrowed(adjacent.content);
                        }
                        (None, _) => return Ok(None),
                        (Some(key), Hand::Peek) if key == adjacent.content => {
                            adjacent.state = Hand::Holding(self.inner.next_value_seed(Hold)?);
                        }
                        (Some(key), state) => {
                            let tag = key == adjacent.tag;
                            adjacent.state = match state {
                                Hand::Holding(content) if tag => Hand::Tagged(content),
                                _ if tag => Hand::Through,
                                state => state,
                            };
                            break key;
                        }
                    }
                }
            }
        };
        // A key read ahead has no span of its own any more.
        let watch = Watch {
            by_path: true,
            ..watch
        };
        WatchedSeed { inner: seed, watch }
            .deserialize(Replay::new(Held::Str(key)))
            .map(Some)
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for WatchedMap<'_, 'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        if let Some(extra) = self.extra.take() {
            self.extra_value = true;
            return match extra {
                Extra::Again(key) => seed.deserialize(StringDeserializer::new(key)),
                Extra::Unit => seed.deserialize(UnitDeserializer::new()),
            }
            .map(Some);
        }
        if self.past_end {
            return self.next_fill(seed);
        }
        if let Some(read) = self.read
            && !read.borrow().withheld.is_empty()
        {
            // A key withheld is read past, with its value; the others are
            // handed as text, their spans no longer needed.
            loop {
                let Some(key) = self.inner.next_key_seed(KeyText)? else {
                    read.borrow_mut().done = true;
                    return Ok(None);
                };
                if read
                    .borrow()
                    .withheld
                    .iter()
                    .any(|withheld| *withheld == key)
                {
                    self.inner.next_value::<de::IgnoredAny>()?;
                    continue;
                }
                self.key = Some(key.to_string());
                return seed.deserialize(Replay::new(Held::Str(key))).map(Some);
            }
        }
        self.watch.seen.borrow_mut().key = None;
        let watch = self.watch.with_role(Role::Key, self.known);
        // A table to hand fields past its last key keeps the seed for them.
        let mut spare = None;
        let key = if self.filling.is_some() {
            let mut lent = Some(seed);
            let key = self.next_adjacent_key(Lend(&mut lent), watch);
            spare = lent;
            key
        } else {
            self.next_adjacent_key(seed, watch)
        };
        self.key = self.watch.seen.borrow_mut().key.take();
        if (self.known.is_some() || self.read.is_some())
            && let Some((table, name)) = &self.watch.seen.borrow().rename
            && self.key.as_ref() == Some(name)
            && *table == self.watch.at.path()
        {
            self.blank = true;
        }
        if let Some(read) = self.read {
            let mut read = read.borrow_mut();
            match (&key, &self.key) {
                (Ok(None), _) => read.done = true,
                (Ok(Some(_)), Some(name)) => read.keys.push(name.clone()),
                _ => {}
            }
        }
        // The table read to its end: the fields it lacks come now.
        if matches!(key, Ok(None))
            && let Some(seed) = spare
        {
            self.past_end = true;
            return self.next_fill(seed);
        }
        key
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        if std::mem::take(&mut self.extra_value) {
            // Whatever it is, a flattened struct refuses the key first.
            return seed.deserialize(UnitDeserializer::new());
        }
        let key = self.key.take().unwrap_or_default();
        if let Some(stand_in) = self.fill_value.take() {
            let node = Chain {
                parent: Some(self.watch.at),
                segment: Some(PathSegment::Field(key.into())),
                known: self.known,
            };
            // Not in the document: its path says where it would be.
            let watch = Watch {
                by_path: true,
                ..self.watch.below(&node)
            };
            return WatchedSeed { inner: seed, watch }.deserialize(Blank::filling(stand_in));
        }
        let held = match self.adjacent.as_mut().map(|adjacent| &mut adjacent.state) {
            Some(state @ Hand::Giving(_)) => match std::mem::replace(state, Hand::Through) {
                Hand::Giving(content) => Some(content),
                _ => None,
            },
            _ => None,
        };
        if std::mem::take(&mut self.blank) {
            if held.is_none() {
                self.inner.next_value::<de::IgnoredAny>()?;
            }
            let stand_in = self.read.and(self.watch.seen.borrow().stand_in);
            let value = match stand_in {
                Some(stand_in) => stand_in.hand(seed)?,
                None => seed.deserialize(Blank::new())?,
            };
            self.extra = Some(Extra::Again(key));
            return Ok(value);
        }
        let Some(read) = self.read else {
            let segment = if self.known.is_some() {
                PathSegment::Field(key.into())
            } else {
                PathSegment::Key(key)
            };
            let node = Chain {
                parent: Some(self.watch.at),
                segment: Some(segment),
                known: self.known,
            };
            let watch = self.watch.below(&node);
            if let Some(content) = held {
                let watch = Watch {
                    by_path: true,
                    ..watch
                };
                return WatchedSeed { inner: seed, watch }.deserialize(Replay::new(content));
            }
            return self
                .inner
                .next_value_seed(WatchedSeed { inner: seed, watch });
        };
        // A table read by a struct: its keys are fields.
        let node = Chain {
            parent: Some(self.watch.at),
            segment: Some(PathSegment::Field(key.clone().into())),
            known: self.known,
        };
        self.buffered.set(false);
        let watch = Watch {
            buffered: Some(&self.buffered),
            ..self.watch.below(&node)
        };
        let value = self
            .inner
            .next_value_seed(WatchedSeed { inner: seed, watch })?;
        if self.buffered.get() {
            let mut read = read.borrow_mut();
            if read.twice.contains(&key) {
                self.extra = Some(Extra::Again(key.clone()));
            }
            read.buffered.push(key);
        }
        Ok(value)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// An enum under watch: its variant's name is noted.
struct WatchedEnum<'a, A> {
    inner: A,
    watch: Watch<'a>,
}

impl<'a, 'de, A: EnumAccess<'de>> EnumAccess<'de> for WatchedEnum<'a, A> {
    type Error = A::Error;
    type Variant = WatchedVariant<'a, A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), A::Error> {
        self.watch.seen.borrow_mut().key = None;
        let watch = self.watch.with_role(Role::Variant, None);
        let (value, inner) = self
            .inner
            .variant_seed(WatchedSeed { inner: seed, watch })?;
        let name = self.watch.seen.borrow_mut().key.take().unwrap_or_default();
        Ok((
            value,
            WatchedVariant {
                inner,
                watch: self.watch,
                name,
            },
        ))
    }
}

/// The data of a variant under watch: a table under the variant's name,
/// which paths spell as a field (`tiny.count`), as `validate()` does.
struct WatchedVariant<'a, A> {
    inner: A,
    watch: Watch<'a>,
    name: String,
}

impl<'a, A> WatchedVariant<'a, A> {
    fn node(&self) -> Chain<'a> {
        Chain {
            parent: Some(self.watch.at),
            segment: Some(PathSegment::Field(self.name.clone().into())),
            known: None,
        }
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for WatchedVariant<'_, A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.inner.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        let node = self.node();
        let watch = self.watch.below(&node);
        self.inner
            .newtype_variant_seed(WatchedSeed { inner: seed, watch })
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let node = self.node();
        let watch = self.watch.below(&node);
        let watched = WatchedVisitor {
            inner: visitor,
            watch,
            known: None,
            single: false,
            buffers: Buffers::No,
            adjacent: None,
        };
        // An error of the variant's own (a missing field) is its table's.
        watch.settle(self.inner.tuple_variant(len, watched), None)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let node = self.node();
        let watch = self.watch.below(&node);
        let watched = WatchedVisitor {
            inner: visitor,
            watch,
            known: Some(fields),
            single: false,
            buffers: Buffers::No,
            adjacent: None,
        };
        // A missing field is the variant's table's, not the enum's: there
        // the loader knows it for the echo of a value it took out.
        watch.settle(self.inner.struct_variant(fields, watched), None)
    }
}
