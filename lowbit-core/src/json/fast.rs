//! The quick read of a document with nothing to report: `serde_json`
//! straight into the type, no tree, no spans, no watch over paths.
//!
//! A load must say where every problem is, which only the tree of spans
//! can; but most documents have none. So a load first reads the document
//! with `serde_json` and validates the value, and keeps that value only if
//! nothing at all went wrong: no error anywhere (even one a type caught and
//! recovered from), no key the type ignored (an unknown key is a warning),
//! no violation of a rule (warnings included). Anything else, and the
//! located load runs from the start, as if this read had not happened.
//!
//! What it keeps must be the value the located load would have made. Both
//! readers hand serde the same calls for the same document, except where
//! this module steps in:
//!
//! - `serde_json` hands a non-negative integer to `visit_u64`, the tree to
//!   `visit_i64` when it fits one; it is handed on as the tree would.
//! - `-0` is the float `-0.0` to `serde_json`, the integer 0 to the tree:
//!   a negative zero goes to the located load.
//! - `serde_json` reads an `f32` as one, the tree as an `f64` narrowed
//!   (which can round twice): `f32`s are read as `f64`s here, and one that
//!   overflows an `f32` is refused, as the watch refuses it. Floats are
//!   otherwise the same: with `float_roundtrip`, `serde_json` rounds
//!   correctly, as `str::parse` does.
//! - A struct read from an array (which serde's derive allows and the
//!   located load refuses), `i128`s, bytes, keys that are not strings
//!   (`serde_json` reads `"1.5"` as a float key, the tree does not), the
//!   "any value" of serde's buffers (flattened structs, internally tagged
//!   and untagged enums, whose unknown keys only the watch finds), a
//!   struct read as a map, `RawValue`: each goes to the located load.
//! - What lies outside the loaded table is read as any value, not skipped:
//!   `serde_json` skips a value without checking its escapes or the range
//!   of its numbers, and the tree's parser checks both.
//!
//! Nesting is bounded by `serde_json`'s limit of 128 levels (the tree's
//! parser allows one more: a document at exactly that depth takes the
//! located load), and the document's size was checked before this read.

use std::cell::Cell;
use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};

use serde::Deserialize;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

use crate::PathSegment;
use crate::load::{expects, forward_visits};

/// Reads a `T` from the table at `table` in `source`, if that is sure to
/// be what the located load would read and the read raised no error.
/// Validation is the caller's.
pub(super) fn read<'s, T: Deserialize<'s>>(source: &'s str, table: &[PathSegment]) -> Option<T> {
    let spoiled = Cell::new(false);
    let mut reader = serde_json::Deserializer::from_str(source);
    // A panic in the type's code is the located load's to report: it will
    // meet it again there, or not, and say which.
    let read = catch_unwind(AssertUnwindSafe(|| {
        let value = Table {
            path: table,
            spoiled: &spoiled,
            wanted: std::marker::PhantomData::<T>,
        }
        .deserialize(&mut reader)?;
        reader.end()?;
        Ok::<_, serde_json::Error>(value)
    }));
    match read {
        Ok(Ok(Some(value))) if !spoiled.get() => Some(value),
        _ => None,
    }
}

/// The error that sends a document to the located load.
fn refuse<E: de::Error>(spoiled: &Cell<bool>) -> E {
    spoiled.set(true);
    E::custom("left to the located load")
}

/// The value at `path` below the one read, as a `T`; `None` if the path
/// is not there.
struct Table<'a, 'p, T> {
    path: &'p [PathSegment],
    spoiled: &'a Cell<bool>,
    wanted: std::marker::PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Table<'_, '_, T> {
    type Value = Option<T>;

    fn deserialize<D: Deserializer<'de>>(self, inner: D) -> Result<Option<T>, D::Error> {
        if self.path.is_empty() {
            let value = T::deserialize(Fast {
                inner,
                spoiled: self.spoiled,
                key: false,
            });
            return settle(value, self.spoiled).map(Some);
        }
        inner.deserialize_map(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Table<'_, '_, T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<T>, A::Error> {
        let (first, rest) = self.path.split_first().expect("a path to follow");
        let wanted = first.key().unwrap_or_default();
        let mut found = None;
        while let Some(here) = map.next_key_seed(KeyIs(wanted))? {
            if !here {
                map.next_value_seed(Checked)?;
            } else if found.is_some() {
                // The tree's walk takes the first of two; leave it to that.
                return Err(refuse(self.spoiled));
            } else {
                found = map.next_value_seed(Table {
                    path: rest,
                    spoiled: self.spoiled,
                    wanted: self.wanted,
                })?;
                if found.is_none() {
                    return Err(refuse(self.spoiled));
                }
            }
        }
        Ok(found)
    }
}

/// Whether a key, decoded, is `.0`.
struct KeyIs<'k>(&'k str);

impl<'de> DeserializeSeed<'de> for KeyIs<'_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, inner: D) -> Result<bool, D::Error> {
        inner.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyIs<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<bool, E> {
        Ok(key == self.0)
    }
}

/// A value outside the loaded table, read through: its strings decoded
/// and its numbers converted, so that the errors the tree's parser finds
/// in them are found here too.
struct Checked;

impl<'de> DeserializeSeed<'de> for Checked {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, inner: D) -> Result<(), D::Error> {
        inner.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Checked {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Checked)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key_seed(Checked)?.is_some() {
            map.next_value_seed(Checked)?;
        }
        Ok(())
    }
}

/// Notes an error, even one the type goes on to recover from: the tree
/// may have raised another, or none, and the type recovered differently.
fn settle<T, E>(result: Result<T, E>, spoiled: &Cell<bool>) -> Result<T, E> {
    if result.is_err() {
        spoiled.set(true);
    }
    result
}

/// `serde_json`'s deserializer, made to hand the type what the tree's
/// would, or to refuse.
struct Fast<'a, D> {
    inner: D,
    spoiled: &'a Cell<bool>,
    /// Whether this is a map's key (or an enum's variant name).
    key: bool,
}

impl<'a, D> Fast<'a, D> {
    fn visitor<V>(&self, inner: V, table: bool, single: bool) -> FastVisitor<'a, V> {
        FastVisitor {
            inner,
            spoiled: self.spoiled,
            key: self.key,
            table,
            single,
        }
    }
}

/// Methods that hand their visitor on, watched, for values and keys alike.
macro_rules! passed {
    ($($method:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            let watched = self.visitor(visitor, false, false);
            settle(self.inner.$method($($arg,)* watched), self.spoiled)
        }
    )*};
}

/// Methods that hand their visitor on for a value, and refuse a key: the
/// tree reads keys as text, and `serde_json` parses numbers in them.
macro_rules! values {
    ($($method:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            if self.key {
                return Err(refuse(self.spoiled));
            }
            let watched = self.visitor(visitor, false, false);
            settle(self.inner.$method($($arg,)* watched), self.spoiled)
        }
    )*};
}

/// Methods the located load answers differently: refused.
macro_rules! refused {
    ($($method:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* _visitor: V) -> Result<V::Value, D::Error> {
            $(let _ = $arg;)*
            Err(refuse(self.spoiled))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Fast<'_, D> {
    type Error = D::Error;

    passed! {
        deserialize_char(), deserialize_str(), deserialize_string(),
        deserialize_identifier(),
    }

    values! {
        deserialize_bool(), deserialize_i8(), deserialize_i16(), deserialize_i32(),
        deserialize_i64(), deserialize_u8(), deserialize_u16(), deserialize_u32(),
        deserialize_u64(), deserialize_f64(), deserialize_option(), deserialize_unit(),
        deserialize_unit_struct(name: &'static str), deserialize_seq(),
        deserialize_tuple(len: usize), deserialize_tuple_struct(name: &'static str, len: usize),
    }

    refused! {
        deserialize_i128(), deserialize_u128(), deserialize_bytes(),
        deserialize_byte_buf(), deserialize_ignored_any(),
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        if self.key {
            return Err(refuse(self.spoiled));
        }
        // Read wide and narrowed by the visitor, as from the tree.
        let watched = self.visitor(visitor, false, true);
        settle(self.inner.deserialize_f64(watched), self.spoiled)
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        // serde's buffers: what they hold, only the watch can follow.
        if expects(&visitor, "any value", true)
            || expects(&visitor, "internally tagged enum ", false)
        {
            return Err(refuse(self.spoiled));
        }
        let watched = self.visitor(visitor, false, false);
        settle(self.inner.deserialize_any(watched), self.spoiled)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        // A struct with a flattened field.
        if self.key || expects(&visitor, "struct ", false) {
            return Err(refuse(self.spoiled));
        }
        let watched = self.visitor(visitor, false, false);
        settle(self.inner.deserialize_map(watched), self.spoiled)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        if self.key {
            return Err(refuse(self.spoiled));
        }
        let watched = self.visitor(visitor, true, false);
        settle(
            self.inner.deserialize_struct(name, fields, watched),
            self.spoiled,
        )
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        // `serde_json::value::RawValue`, which keeps the text as written.
        if name.starts_with("$serde_json::") {
            return Err(refuse(self.spoiled));
        }
        let watched = self.visitor(visitor, false, false);
        settle(
            self.inner.deserialize_newtype_struct(name, watched),
            self.spoiled,
        )
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let watched = self.visitor(visitor, false, false);
        settle(
            self.inner.deserialize_enum(name, variants, watched),
            self.spoiled,
        )
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// A visitor handed what the tree would hand it.
struct FastVisitor<'a, V> {
    inner: V,
    spoiled: &'a Cell<bool>,
    key: bool,
    /// Whether it builds a struct, which the located load reads only from
    /// a table.
    table: bool,
    /// Whether it reads an `f32`, from a wider float.
    single: bool,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for FastVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    forward_visits! {
        visit_bool(bool), visit_i8(i8), visit_i16(i16), visit_i32(i32), visit_i64(i64),
        visit_u8(u8), visit_u16(u16), visit_u32(u32), visit_char(char),
        visit_str(&str), visit_borrowed_str(&'de str), visit_string(String),
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        // The tree's integers are `i64`s unless too large for one.
        match i64::try_from(v) {
            Ok(v) => self.inner.visit_i64(v),
            Err(_) => self.inner.visit_u64(v),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // `-0`, an integer to the tree; and a float an `f32` cannot hold,
        // which the watch refuses with its own words.
        #[allow(clippy::cast_possible_truncation)]
        if (v == 0.0 && v.is_sign_negative())
            || (self.single && v.is_finite() && (v as f32).is_infinite())
        {
            return Err(refuse(self.spoiled));
        }
        self.inner.visit_f64(v)
    }

    fn visit_f32<E: de::Error>(self, _: f32) -> Result<Self::Value, E> {
        Err(refuse(self.spoiled))
    }

    fn visit_i128<E: de::Error>(self, _: i128) -> Result<Self::Value, E> {
        Err(refuse(self.spoiled))
    }

    fn visit_u128<E: de::Error>(self, _: u128) -> Result<Self::Value, E> {
        Err(refuse(self.spoiled))
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Self::Value, E> {
        Err(refuse(self.spoiled))
    }

    fn visit_borrowed_bytes<E: de::Error>(self, _: &'de [u8]) -> Result<Self::Value, E> {
        Err(refuse(self.spoiled))
    }

    fn visit_byte_buf<E: de::Error>(self, _: Vec<u8>) -> Result<Self::Value, E> {
        Err(refuse(self.spoiled))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<Self::Value, D::Error> {
        self.inner.visit_some(Fast {
            inner,
            spoiled: self.spoiled,
            key: false,
        })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, inner: D) -> Result<Self::Value, D::Error> {
        self.inner.visit_newtype_struct(Fast {
            inner,
            spoiled: self.spoiled,
            key: self.key,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, inner: A) -> Result<Self::Value, A::Error> {
        if self.table {
            return Err(refuse(self.spoiled));
        }
        self.inner.visit_seq(FastAccess {
            inner,
            spoiled: self.spoiled,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, inner: A) -> Result<Self::Value, A::Error> {
        self.inner.visit_map(FastAccess {
            inner,
            spoiled: self.spoiled,
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, inner: A) -> Result<Self::Value, A::Error> {
        self.inner.visit_enum(FastAccess {
            inner,
            spoiled: self.spoiled,
        })
    }
}

/// A seed whose deserializer is watched.
struct FastSeed<'a, S> {
    inner: S,
    spoiled: &'a Cell<bool>,
    key: bool,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for FastSeed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, inner: D) -> Result<S::Value, D::Error> {
        self.inner.deserialize(Fast {
            inner,
            spoiled: self.spoiled,
            key: self.key,
        })
    }
}

/// The items of an array, the entries of an object, or an enum's variant,
/// each read watched.
struct FastAccess<'a, A> {
    inner: A,
    spoiled: &'a Cell<bool>,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for FastAccess<'_, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.inner.next_element_seed(FastSeed {
            inner: seed,
            spoiled: self.spoiled,
            key: false,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for FastAccess<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.inner.next_key_seed(FastSeed {
            inner: seed,
            spoiled: self.spoiled,
            key: true,
        })
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.inner.next_value_seed(FastSeed {
            inner: seed,
            spoiled: self.spoiled,
            key: false,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

impl<'a, 'de, A: EnumAccess<'de>> EnumAccess<'de> for FastAccess<'a, A> {
    type Error = A::Error;
    type Variant = FastAccess<'a, A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), A::Error> {
        let (name, inner) = self.inner.variant_seed(FastSeed {
            inner: seed,
            spoiled: self.spoiled,
            key: true,
        })?;
        Ok((
            name,
            FastAccess {
                inner,
                spoiled: self.spoiled,
            },
        ))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for FastAccess<'_, A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.inner.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.inner.newtype_variant_seed(FastSeed {
            inner: seed,
            spoiled: self.spoiled,
            key: false,
        })
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let watched = FastVisitor {
            inner: visitor,
            spoiled: self.spoiled,
            key: false,
            table: false,
            single: false,
        };
        self.inner.tuple_variant(len, watched)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let watched = FastVisitor {
            inner: visitor,
            spoiled: self.spoiled,
            key: false,
            table: true,
            single: false,
        };
        self.inner.struct_variant(fields, watched)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::read;
    use crate::PathSegment;

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Mode {
        Fast,
        Exact { digits: u8 },
    }

    #[derive(Deserialize, Debug, PartialEq)]
    struct Plain<'a> {
        name: &'a str,
        ratio: f64,
        single: f32,
        count: i64,
        modes: Vec<Mode>,
        by_name: BTreeMap<String, Option<u8>>,
    }

    const PLAIN: &str = r#"{"name": "n", "ratio": 0.5, "single": 1.5, "count": 3,
        "modes": ["fast", {"exact": {"digits": 2}}], "by_name": {"a": null, "b": 1}}"#;

    fn at(path: &[&str]) -> Vec<PathSegment> {
        path.iter()
            .map(|key| PathSegment::Field((*key).to_owned().into()))
            .collect()
    }

    #[test]
    fn a_document_serde_reads_as_the_tree_does_is_read_quickly() {
        let plain = read::<Plain<'_>>(PLAIN, &[]).expect("read quickly");
        assert_eq!(plain.modes, [Mode::Fast, Mode::Exact { digits: 2 }]);
        assert_eq!(plain.by_name["b"], Some(1));
        let outer = format!(r#"{{"x": [1, "\u00e9", {{"y": null}}], "t": {{"p": {PLAIN}}}}}"#);
        let inner = read::<Plain<'_>>(&outer, &at(&["t", "p"])).expect("read quickly");
        assert_eq!(inner, plain);
    }

    #[test]
    fn what_the_tree_reads_otherwise_is_left_to_the_located_load() {
        let with = |field: &str, value: &str| PLAIN.replacen(field, value, 1);
        for source in [
            // An unknown key: a warning to report.
            with("\"count\"", "\"cuont\": 1, \"count\""),
            // `-0`, which the tree reads as an integer.
            with("0.5", "-0"),
            // An `f32` beyond its range, and a struct from an array.
            with("1.5", "3.5e38"),
            with("{\"digits\": 2}", "[2]"),
            // An error, even one the type would recover from.
            with("\"n\"", "\"n\\n\""),
        ] {
            assert_eq!(read::<Plain<'_>>(&source, &[]), None, "{source}");
        }
        // Numbers as keys, which `serde_json` parses and the tree does not.
        assert_eq!(read::<BTreeMap<u8, u8>>(r#"{"1": 2}"#, &[]), None);
        assert!(read::<BTreeMap<String, u8>>(r#"{"1": 2}"#, &[]).is_some());
        // Outside the table: a number out of range, a lone surrogate, two
        // tables of the same name; and no table at all.
        for source in [
            r#"{"o": 1e999, "t": {}}"#,
            r#"{"o": ["\udc00"], "t": {}}"#,
            r#"{"t": {}, "t": {}}"#,
            r#"{"o": {}}"#,
        ] {
            assert_eq!(read::<BTreeMap<String, u8>>(source, &at(&["t"])), None);
        }
        assert!(
            read::<BTreeMap<String, u8>>(r#"{"o": [1e99, "\u00e9"], "t": {}}"#, &at(&["t"]))
                .is_some()
        );
    }
}
