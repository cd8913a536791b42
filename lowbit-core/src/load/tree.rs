//! The tree of spans that JSON and YAML documents parse to, and the serde
//! deserializer that reads a value from it. Every error it raises carries
//! the bytes of the value (or key) it is about, as TOML's own do.
//!
//! Strings borrow the document where they need no decoding (no escape, no
//! folded YAML scalar), and values are read from `&Node`: parsing allocates
//! no string it can point at instead, and each deserialization pass reads
//! the one tree rather than a copy of it. A type that borrows `&str` from
//! the document reads such a string, as from `serde_json`.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};

use super::Tree;
use crate::PathSegment;

/// What of a value the load reads, and so what of it the tree needs: the
/// JSON and YAML parsers keep only the loaded table (and, in YAML, what an
/// alias may copy), and check the rest for its errors alone.
#[derive(Clone, Copy)]
pub(crate) enum Want<'p> {
    /// The entries on this path (all of it, when it is empty).
    Path(&'p [PathSegment]),
    /// Nothing: the value is checked, its span kept, its contents dropped.
    Nothing,
}

impl Want<'_> {
    /// Everything: a value within the table, or one an alias may copy.
    #[cfg(feature = "yaml")]
    pub(crate) const ALL: Want<'static> = Want::Path(&[]);

    /// What the load reads of the entry `key` of this value.
    pub(crate) fn entry(self, key: &str) -> Self {
        match self {
            Want::Path([]) => self,
            Want::Path([first, rest @ ..]) if first.key() == Some(key) => Want::Path(rest),
            _ => Want::Nothing,
        }
    }

    /// What the load reads of an item of this value: a table's path
    /// names no items, so all of one or nothing.
    pub(crate) fn item(self) -> Self {
        match self {
            Want::Path([]) => self,
            _ => Want::Nothing,
        }
    }

    /// Whether any of the value is read.
    pub(crate) fn any(self) -> bool {
        matches!(self, Want::Path(_))
    }
}

/// A value and the bytes it was written as.
#[derive(Clone, Debug)]
pub(crate) struct Node<'s> {
    pub(crate) span: Range<usize>,
    pub(crate) kind: Kind<'s>,
}

/// What a value is.
#[derive(Clone, Debug)]
pub(crate) enum Kind<'s> {
    Null,
    Bool(bool),
    Int(i64),
    /// An integer above `i64::MAX`.
    UInt(u64),
    Float(f64),
    /// Borrowed from the document unless decoding changed it.
    Str(Cow<'s, str>),
    Seq(Vec<Node<'s>>),
    /// Entries in the order of the source, duplicates kept: serde's derive
    /// reports a duplicate field, as it does for other formats.
    Map(Vec<Entry<'s>>),
}

/// A key, its bytes, and its value.
#[derive(Clone, Debug)]
pub(crate) struct Entry<'s> {
    pub(crate) key: Cow<'s, str>,
    pub(crate) key_span: Range<usize>,
    /// Whether the key is a YAML plain scalar, which its core schema types
    /// (`7:` is an integer): read as any value (into serde's buffer), it is
    /// what it spells, as `serde_yaml` reads it. A JSON key is a string.
    pub(crate) plain: bool,
    pub(crate) value: Node<'s>,
}

impl Tree for Node<'_> {
    fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    fn child(&self, segment: &PathSegment) -> Option<(Option<Range<usize>>, &Self)> {
        match (segment, &self.kind) {
            (PathSegment::Index(index), Kind::Seq(items)) => items.get(*index).map(|i| (None, i)),
            (segment, Kind::Map(entries)) => {
                let key = segment.key()?;
                let entry = entries.iter().find(|entry| entry.key == key)?;
                Some((Some(entry.key_span.clone()), &entry.value))
            }
            _ => None,
        }
    }

    fn child_mut(&mut self, segment: &PathSegment) -> Option<&mut Self> {
        match (segment, &mut self.kind) {
            (PathSegment::Index(index), Kind::Seq(items)) => items.get_mut(*index),
            (segment, Kind::Map(entries)) => {
                let key = segment.key()?;
                let entry = entries.iter_mut().find(|entry| entry.key == key)?;
                Some(&mut entry.value)
            }
            _ => None,
        }
    }

    fn remove(&mut self, key: &str) -> Option<Self> {
        let Kind::Map(entries) = &mut self.kind else {
            return None;
        };
        let at = entries.iter().position(|entry| entry.key == key)?;
        Some(entries.remove(at).value)
    }

    fn entries(&self) -> Vec<(PathSegment, &Self)> {
        match &self.kind {
            Kind::Map(entries) => entries
                .iter()
                .map(|entry| {
                    (
                        PathSegment::Field(entry.key.to_string().into()),
                        &entry.value,
                    )
                })
                .collect(),
            Kind::Seq(items) => items
                .iter()
                .enumerate()
                .map(|(index, item)| (PathSegment::Index(index), item))
                .collect(),
            _ => Vec::new(),
        }
    }

    fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Str(text) => Some(text),
            _ => None,
        }
    }

    fn is_table(&self) -> bool {
        matches!(self.kind, Kind::Map(_))
    }

    fn type_str(&self) -> &'static str {
        match self.kind {
            Kind::Null => "null",
            Kind::Bool(_) => "boolean",
            Kind::Int(_) | Kind::UInt(_) => "integer",
            Kind::Float(_) => "float",
            Kind::Str(_) => "string",
            Kind::Seq(_) => "sequence",
            Kind::Map(_) => "map",
        }
    }
}

/// A deserialization error, and the bytes it is about once known.
#[derive(Debug)]
pub(crate) struct Error {
    pub(crate) message: String,
    pub(crate) span: Option<Range<usize>>,
}

impl Error {
    /// Places an error that has no place yet at `span`: the innermost value
    /// that raised it places it first.
    fn at(mut self, span: &Range<usize>) -> Self {
        self.span.get_or_insert_with(|| span.clone());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error {
            message: message.to_string(),
            span: None,
        }
    }
}

impl Node<'_> {
    fn unexpected(&self) -> Unexpected<'_> {
        match &self.kind {
            Kind::Null => Unexpected::Other("null"),
            Kind::Bool(value) => Unexpected::Bool(*value),
            Kind::Int(value) => Unexpected::Signed(*value),
            Kind::UInt(value) => Unexpected::Unsigned(*value),
            Kind::Float(value) => Unexpected::Float(*value),
            Kind::Str(text) => Unexpected::Str(text),
            Kind::Seq(_) => Unexpected::Seq,
            Kind::Map(_) => Unexpected::Map,
        }
    }
}

/// Hands `text` to `visitor`: borrowed for as long as the document when it
/// is the document's own bytes, so that `&str` fields can keep it.
fn visit_text<'de, V: Visitor<'de>>(text: &Cow<'de, str>, visitor: V) -> Result<V::Value, Error> {
    match text {
        Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
        Cow::Owned(text) => visitor.visit_str(text),
    }
}

/// Reads an enum named by `text`, a variant without data.
fn visit_variant_name<'de, V: Visitor<'de>>(
    text: &Cow<'de, str>,
    visitor: V,
) -> Result<V::Value, Error> {
    match text {
        Cow::Borrowed(text) => visitor.visit_enum(BorrowedStrDeserializer::new(text)),
        Cow::Owned(text) => visitor.visit_enum(StrDeserializer::new(text)),
    }
}

impl<'de> Deserializer<'de> for &Node<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let span = &self.span;
        match &self.kind {
            Kind::Null => visitor.visit_unit(),
            Kind::Bool(value) => visitor.visit_bool(*value),
            Kind::Int(value) => visitor.visit_i64(*value),
            Kind::UInt(value) => visitor.visit_u64(*value),
            Kind::Float(value) => visitor.visit_f64(*value),
            Kind::Str(text) => visit_text(text, visitor),
            Kind::Seq(items) => {
                let total = items.len();
                let mut access = Items {
                    items: items.iter(),
                    taken: 0,
                };
                let value = visitor
                    .visit_seq(&mut access)
                    .map_err(|error: Error| error.at(span))?;
                if access.items.len() > 0 {
                    let expected = format!("{} items", access.taken);
                    return Err(
                        <Error as de::Error>::invalid_length(total, &expected.as_str()).at(span),
                    );
                }
                Ok(value)
            }
            Kind::Map(entries) => visitor.visit_map(Entries {
                entries: entries.iter(),
                value: None,
            }),
        }
        .map_err(|error: Error| error.at(span))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.kind {
            Kind::Null => visitor
                .visit_none()
                .map_err(|error: Error| error.at(&self.span)),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match &self.kind {
            Kind::Str(name) => visit_variant_name(name, visitor),
            Kind::Map(entries) if entries.len() == 1 => {
                visitor.visit_enum(Variant { entry: &entries[0] })
            }
            _ => Err(de::Error::invalid_type(
                self.unexpected(),
                &"a variant's name, or a map of one entry",
            )),
        }
        .map_err(|error: Error| error.at(&self.span))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier
    }
}

/// A sequence's items, read one by one.
struct Items<'a, 'de> {
    items: std::slice::Iter<'a, Node<'de>>,
    taken: usize,
}

impl<'de> SeqAccess<'de> for &mut Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        self.taken += 1;
        // An error the item's type raises once read (`TryFrom`) is the item's.
        seed.deserialize(item)
            .map_err(|error: Error| error.at(&item.span))
            .map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// A map's entries, read key, then value.
struct Entries<'a, 'de> {
    entries: std::slice::Iter<'a, Entry<'de>>,
    value: Option<&'a Node<'de>>,
}

impl<'de> MapAccess<'de> for Entries<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some(entry) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(&entry.value);
        let key = Key {
            text: &entry.key,
            span: &entry.key_span,
            plain: entry.plain,
        };
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value.take() {
            // An error the value's type raises once read (`TryFrom`, a
            // `deserialize_with` check) is the value's, not the table's.
            Some(value) => seed
                .deserialize(value)
                .map_err(|error: Error| error.at(&value.span)),
            None => Err(de::Error::custom("a value asked for before its key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// A map's key: text, read as a string or, where a number is wanted (a map
/// with integer keys), as the number it spells.
struct Key<'a, 'de> {
    text: &'a Cow<'de, str>,
    span: &'a Range<usize>,
    /// See [`Entry::plain`]. Only YAML has untyped keys to type.
    #[cfg_attr(
        not(feature = "yaml"),
        expect(dead_code, reason = "JSON keys are strings, whatever they spell")
    )]
    plain: bool,
}

macro_rules! numeric_key {
    ($($method:ident => $visit:ident($ty:ty)),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.text.parse::<$ty>() {
                Ok(number) => visitor.$visit(number),
                Err(_) => visit_text(self.text, visitor),
            }
            .map_err(|error: Error| error.at(self.span))
        }
    )*};
}

impl<'de> Deserializer<'de> for Key<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        #[cfg(feature = "yaml")]
        if self.plain {
            let typed = match crate::yaml::plain(Cow::Borrowed(self.text)) {
                Kind::Int(value) => visitor.visit_i64(value),
                Kind::UInt(value) => visitor.visit_u64(value),
                Kind::Float(value) => visitor.visit_f64(value),
                Kind::Bool(value) => visitor.visit_bool(value),
                _ => visit_text(self.text, visitor),
            };
            return typed.map_err(|error: Error| error.at(self.span));
        }
        visit_text(self.text, visitor).map_err(|error: Error| error.at(self.span))
    }

    // A struct's field names and a map's string keys are the key's text,
    // whatever it spells.
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visit_text(self.text, visitor).map_err(|error: Error| error.at(self.span))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    numeric_key! {
        deserialize_i8 => visit_i64(i64), deserialize_i16 => visit_i64(i64),
        deserialize_i32 => visit_i64(i64), deserialize_i64 => visit_i64(i64),
        deserialize_u8 => visit_u64(u64), deserialize_u16 => visit_u64(u64),
        deserialize_u32 => visit_u64(u64), deserialize_u64 => visit_u64(u64),
        deserialize_bool => visit_bool(bool),
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visit_variant_name(self.text, visitor).map_err(|error: Error| error.at(self.span))
    }

    serde::forward_to_deserialize_any! {
        i128 u128 f32 f64 char bytes byte_buf option unit
        unit_struct seq tuple tuple_struct map struct ignored_any
    }
}

/// An enum written as a map of one entry: `{"variant": data}`.
struct Variant<'a, 'de> {
    entry: &'a Entry<'de>,
}

impl<'a, 'de> EnumAccess<'de> for Variant<'a, 'de> {
    type Error = Error;
    type Variant = &'a Node<'de>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, &'a Node<'de>), Error> {
        let key = Key {
            text: &self.entry.key,
            span: &self.entry.key_span,
            plain: false,
        };
        Ok((seed.deserialize(key)?, &self.entry.value))
    }
}

impl<'de> VariantAccess<'de> for &Node<'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.kind {
            Kind::Null => Ok(()),
            _ => Err(<Error as de::Error>::invalid_type(self.unexpected(), &"null").at(&self.span)),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_any(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_any(visitor)
    }
}
