//! A value the watch reads ahead of serde and hands it later: the content
//! of an adjacently tagged enum that comes before its tag (always, in TOML,
//! whose tables are sorted, when the content key sorts first). serde would
//! buffer that content itself and read the variant from its own buffer,
//! away from the watch, so that a key the variant does not know went
//! unnoticed. Held here, it is handed over after the tag, through the watch,
//! as any value is read: its keys noted, its errors placed by its path.
//!
//! What it hands over is what the format handed: the formats here visit
//! unit (null), booleans, 64-bit integers, floats, strings, sequences and
//! maps. It reads as the tree of spans does (`tree.rs`): an option is `None`
//! for null and `Some` otherwise, an enum is a string or a map of one entry.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, MapDeserializer, SeqDeserializer};
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Unexpected,
    Visitor,
};

/// A value, as the format handed it.
#[derive(Debug)]
pub(crate) enum Held<'de> {
    Unit,
    Bool(bool),
    I64(i64),
    U64(u64),
    F64(f64),
    Str(Cow<'de, str>),
    Seq(Vec<Held<'de>>),
    Map(Vec<(Held<'de>, Held<'de>)>),
}

impl Held<'_> {
    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            Held::Unit => Unexpected::Unit,
            Held::Bool(value) => Unexpected::Bool(*value),
            Held::I64(value) => Unexpected::Signed(*value),
            Held::U64(value) => Unexpected::Unsigned(*value),
            Held::F64(value) => Unexpected::Float(*value),
            Held::Str(text) => Unexpected::Str(text),
            Held::Seq(_) => Unexpected::Seq,
            Held::Map(_) => Unexpected::Map,
        }
    }
}

/// Reads a value into a [`Held`].
pub(crate) struct Hold;

impl<'de> DeserializeSeed<'de> for Hold {
    type Value = Held<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Held<'de>, D::Error> {
        deserializer.deserialize_any(Hold)
    }
}

impl<'de> Visitor<'de> for Hold {
    type Value = Held<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value to hold")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Held<'de>, E> {
        Ok(Held::Unit)
    }

    fn visit_none<E: de::Error>(self) -> Result<Held<'de>, E> {
        Ok(Held::Unit)
    }

    fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<Held<'de>, D::Error> {
        inner.deserialize_any(Hold)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Held<'de>, E> {
        Ok(Held::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Held<'de>, E> {
        Ok(Held::I64(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Held<'de>, E> {
        Ok(Held::U64(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Held<'de>, E> {
        Ok(Held::F64(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Held<'de>, E> {
        Ok(Held::Str(Cow::Owned(v.to_owned())))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Held<'de>, E> {
        Ok(Held::Str(Cow::Borrowed(v)))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Held<'de>, E> {
        Ok(Held::Str(Cow::Owned(v)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Held<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Hold)? {
            items.push(item);
        }
        Ok(Held::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Held<'de>, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key_seed(Hold)? {
            entries.push((key, map.next_value_seed(Hold)?));
        }
        Ok(Held::Map(entries))
    }
}

/// A held value handed over, failing with the format's error `E`.
pub(crate) struct Replay<'de, E> {
    value: Held<'de>,
    error: PhantomData<E>,
}

impl<'de, E> Replay<'de, E> {
    pub(crate) fn new(value: Held<'de>) -> Self {
        Replay {
            value,
            error: PhantomData,
        }
    }
}

impl<'de, E: de::Error> IntoDeserializer<'de, E> for Held<'de> {
    type Deserializer = Replay<'de, E>;

    fn into_deserializer(self) -> Replay<'de, E> {
        Replay::new(self)
    }
}

impl<'de, E: de::Error> Deserializer<'de> for Replay<'de, E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.value {
            Held::Unit => visitor.visit_unit(),
            Held::Bool(value) => visitor.visit_bool(value),
            Held::I64(value) => visitor.visit_i64(value),
            Held::U64(value) => visitor.visit_u64(value),
            Held::F64(value) => visitor.visit_f64(value),
            Held::Str(Cow::Borrowed(text)) => visitor.visit_borrowed_str(text),
            Held::Str(Cow::Owned(text)) => visitor.visit_string(text),
            Held::Seq(items) => {
                // Items left unread are an error, as the tree says.
                let mut seq = SeqDeserializer::new(items.into_iter());
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Held::Map(entries) => visitor.visit_map(MapDeserializer::new(entries.into_iter())),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.value {
            Held::Unit => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, E> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, E> {
        match self.value {
            Held::Str(Cow::Borrowed(name)) => visitor.visit_enum(name.into_deserializer()),
            Held::Str(Cow::Owned(name)) => visitor.visit_enum(name.into_deserializer()),
            Held::Map(entries) if entries.len() == 1 => visitor.visit_enum(
                MapAccessDeserializer::new(MapDeserializer::new(entries.into_iter())),
            ),
            other => Err(de::Error::invalid_type(
                other.unexpected(),
                &"a variant's name, or a map of one entry",
            )),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier
    }
}

/// A key's text, read ahead of serde to know whether it is the content's.
pub(crate) struct KeyText;

impl<'de> DeserializeSeed<'de> for KeyText {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(KeyText)
    }
}

impl<'de> Visitor<'de> for KeyText {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}
