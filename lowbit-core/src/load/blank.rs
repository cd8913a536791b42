//! A value of any type that asks for little: what a probing read hands a
//! struct's field so that serde's derive takes it, whatever the field's
//! type, as long as that type is a scalar, an `Option`, a list, or a table
//! with no required field. The type asks for what it wants (`u32`, `str`)
//! and is handed its zero (`0`, `""`); a type that asks for any value is
//! handed a unit, but serde's own buffer, which asks for any value too and
//! keeps what it is handed for a field to read later, may be handed a
//! [`StandIn`] instead (see [`Blank::filling`]).

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{
    BoolDeserializer, MapDeserializer, SeqDeserializer, StrDeserializer, U64Deserializer,
    UnitDeserializer,
};
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Unexpected, Visitor};

use super::watch::expects;

/// The blank value, failing with `E` when the type refuses it.
pub(crate) struct Blank<E> {
    /// What serde's buffer is handed, if not a unit.
    buffer: Option<StandIn>,
    error: PhantomData<E>,
}

impl<E> Blank<E> {
    pub(crate) fn new() -> Self {
        Blank {
            buffer: None,
            error: PhantomData,
        }
    }

    /// A blank for a field the document lacks, handed so that serde reads
    /// on: to serde's buffer (the field is a flattened struct's, or an
    /// internally tagged variant's), `buffer` in its place, for the field
    /// to read later as its type.
    pub(crate) fn filling(buffer: StandIn) -> Self {
        Blank {
            buffer: Some(buffer),
            error: PhantomData,
        }
    }
}

impl<E> fmt::Debug for Blank<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Blank")
    }
}

macro_rules! blank {
    ($($method:ident => $visit:ident($($value:expr)?)),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
            visitor.$visit($($value)?)
        }
    )*};
}

impl<'de, E: de::Error> Deserializer<'de> for Blank<E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.buffer {
            Some(stand_in) if expects(&visitor, "any value", true) => stand_in.visit(visitor),
            _ => visitor.visit_unit(),
        }
    }

    blank! {
        deserialize_bool => visit_bool(false),
        deserialize_i8 => visit_i64(0),
        deserialize_i16 => visit_i64(0),
        deserialize_i32 => visit_i64(0),
        deserialize_i64 => visit_i64(0),
        deserialize_i128 => visit_i64(0),
        deserialize_u8 => visit_u64(0),
        deserialize_u16 => visit_u64(0),
        deserialize_u32 => visit_u64(0),
        deserialize_u64 => visit_u64(0),
        deserialize_u128 => visit_u64(0),
        deserialize_f32 => visit_f64(0.0),
        deserialize_f64 => visit_f64(0.0),
        deserialize_char => visit_char(' '),
        deserialize_str => visit_str(""),
        deserialize_string => visit_str(""),
        deserialize_identifier => visit_str(""),
        deserialize_bytes => visit_bytes(&[]),
        deserialize_byte_buf => visit_bytes(&[]),
        deserialize_option => visit_none(),
        deserialize_unit => visit_unit(),
        deserialize_ignored_any => visit_unit(),
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, E> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, E> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_seq(SeqDeserializer::<_, E>::new(std::iter::empty::<()>()))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, E> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, E> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_map(MapDeserializer::<_, E>::new(std::iter::empty::<((), ())>()))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, E> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, E> {
        // Its first variant, of whatever shape, with blank data.
        visitor.visit_enum(BlankVariant {
            name: variants.first().copied().unwrap_or(""),
            buffer: self.buffer,
            error: PhantomData,
        })
    }
}

/// An enum's variant, named `name`, whose data is blank whatever its
/// shape: a unit, a blank payload, a sequence or a table with nothing in
/// it (a struct variant with a required field refuses it, as a struct
/// does).
struct BlankVariant<E> {
    name: &'static str,
    buffer: Option<StandIn>,
    error: PhantomData<E>,
}

impl<'de, E: de::Error> de::EnumAccess<'de> for BlankVariant<E> {
    type Error = E;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), E> {
        let name: StrDeserializer<'static, E> = self.name.into_deserializer();
        Ok((seed.deserialize(name)?, self))
    }
}

impl<'de, E: de::Error> de::VariantAccess<'de> for BlankVariant<E> {
    type Error = E;

    fn unit_variant(self) -> Result<(), E> {
        Ok(())
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, E> {
        seed.deserialize(Blank {
            buffer: self.buffer,
            error: PhantomData,
        })
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, E> {
        visitor.visit_seq(SeqDeserializer::<_, E>::new(std::iter::empty::<()>()))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, E> {
        visitor.visit_map(MapDeserializer::<_, E>::new(std::iter::empty::<((), ())>()))
    }
}

/// A blank for serde's own buffer (an internally tagged enum's table, the
/// keys a struct leaves to its flattened fields): the buffer reads any
/// value and keeps it, and the field reads what was kept later, as its
/// type. A [`Blank`] would be kept as a unit, which a number refuses; so a
/// read hands one of these in turn, starting with the kind the field's
/// type error says it expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StandIn {
    Zero,
    Text,
    False,
    Unit,
    List,
    Table,
}

impl StandIn {
    /// Every kind, in the order tried after the expected one.
    const ALL: [StandIn; 6] = [
        StandIn::Zero,
        StandIn::Text,
        StandIn::False,
        StandIn::Unit,
        StandIn::List,
        StandIn::Table,
    ];

    /// Every kind, the one a type error that says `message` expects
    /// first: serde's words for what it wanted (`expected u8`).
    pub(crate) fn in_order(message: &str) -> impl Iterator<Item = StandIn> {
        let wanted = message
            .rsplit_once(", expected ")
            .map_or("", |(_, wanted)| wanted);
        let numbers = [
            "u8", "u16", "u32", "u64", "u128", "i8", "i16", "i32", "i64", "i128",
        ];
        let first = match wanted {
            _ if numbers.contains(&wanted) || wanted == "f32" || wanted == "f64" => StandIn::Zero,
            _ if wanted.contains("string") => StandIn::Text,
            "a boolean" => StandIn::False,
            _ if wanted.contains("sequence") || wanted.contains("tuple") => StandIn::List,
            _ if wanted.contains("map") || wanted.starts_with("struct ") => StandIn::Table,
            _ => StandIn::Unit,
        };
        std::iter::once(first).chain(Self::ALL.into_iter().filter(move |kind| *kind != first))
    }

    /// Hands `visitor` this value.
    fn visit<'de, V: Visitor<'de>, E: de::Error>(self, visitor: V) -> Result<V::Value, E> {
        match self {
            StandIn::Zero => visitor.visit_u64(0),
            StandIn::Text => visitor.visit_str(""),
            StandIn::False => visitor.visit_bool(false),
            StandIn::Unit => visitor.visit_unit(),
            StandIn::List => {
                visitor.visit_seq(SeqDeserializer::<_, E>::new(std::iter::empty::<()>()))
            }
            StandIn::Table => {
                visitor.visit_map(MapDeserializer::<_, E>::new(std::iter::empty::<((), ())>()))
            }
        }
    }

    /// serde's words for this value in an error: `integer `0``.
    pub(crate) fn words(self) -> String {
        let unexpected = match self {
            StandIn::Zero => Unexpected::Unsigned(0),
            StandIn::Text => Unexpected::Str(""),
            StandIn::False => Unexpected::Bool(false),
            StandIn::Unit => Unexpected::Unit,
            StandIn::List => Unexpected::Seq,
            StandIn::Table => Unexpected::Map,
        };
        unexpected.to_string()
    }

    /// Hands `seed` this value.
    pub(crate) fn hand<'de, S, E>(self, seed: S) -> Result<S::Value, E>
    where
        S: DeserializeSeed<'de>,
        E: de::Error,
    {
        match self {
            StandIn::Zero => seed.deserialize(U64Deserializer::<E>::new(0)),
            StandIn::Text => seed.deserialize(StrDeserializer::<E>::new("")),
            StandIn::False => seed.deserialize(BoolDeserializer::<E>::new(false)),
            StandIn::Unit => seed.deserialize(UnitDeserializer::<E>::new()),
            StandIn::List => {
                seed.deserialize(SeqDeserializer::<_, E>::new(std::iter::empty::<()>()))
            }
            StandIn::Table => {
                seed.deserialize(MapDeserializer::<_, E>::new(std::iter::empty::<((), ())>()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;
    use serde::de::value::Error;

    use super::*;

    fn blank<'de, T: Deserialize<'de>>() -> Result<T, Error> {
        T::deserialize(Blank::<Error>::new())
    }

    #[derive(Deserialize, Debug, PartialEq)]
    struct Loose {
        #[serde(default)]
        count: u32,
        label: Option<String>,
    }

    #[derive(Deserialize, Debug)]
    struct Tight {
        #[allow(dead_code)]
        count: u32,
    }

    #[test]
    fn each_type_takes_its_zero() {
        assert_eq!(blank::<u8>().unwrap(), 0);
        assert_eq!(blank::<i128>().unwrap(), 0);
        assert_eq!(blank::<f32>().unwrap(), 0.0);
        assert!(!blank::<bool>().unwrap());
        assert_eq!(blank::<String>().unwrap(), "");
        assert_eq!(blank::<Option<u32>>().unwrap(), None);
        assert!(blank::<Vec<u32>>().unwrap().is_empty());
        assert_eq!(blank::<BTreeMap<String, u32>>().unwrap(), BTreeMap::new());
        assert_eq!(
            blank::<Loose>().unwrap(),
            Loose {
                count: 0,
                label: None
            }
        );
    }

    #[derive(Deserialize, Debug, PartialEq)]
    enum Shape {
        Circle { r: u8 },
        Dot(u8),
        Square,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    enum Pair {
        Both(u8, u8),
    }

    #[test]
    fn an_enum_takes_its_first_variant_whatever_its_shape() {
        // A struct variant with a required field refuses it, as a struct
        // does: a fill hands the field in turn.
        let error = blank::<Shape>().unwrap_err();
        assert_eq!(error.to_string(), "missing field `r`");
        #[derive(Deserialize, Debug, PartialEq)]
        enum Loose {
            Dot(u8),
        }
        assert_eq!(blank::<Loose>().unwrap(), Loose::Dot(0));
        assert!(blank::<Pair>().is_err());
    }

    #[test]
    fn a_table_with_a_required_field_refuses_it() {
        let error = blank::<Tight>().unwrap_err();
        assert_eq!(error.to_string(), "missing field `count`");
    }
}
