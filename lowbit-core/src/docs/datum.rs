//! A value serialized into a [`Datum`]: how a template learns the defaults
//! of a config (its `Default`, through its `Serialize`), in the layout
//! serde gives it, with no format crate in between.

use std::fmt;

use serde::ser::{self, Serialize};

use crate::shape::Datum;

/// `value` as a config file spells it; `Datum::Unknown` where its
/// `Serialize` fails.
pub(crate) fn datum_of<T: Serialize + ?Sized>(value: &T) -> Datum {
    value.serialize(Spell).unwrap_or(Datum::Unknown)
}

/// A value serde could not spell.
#[derive(Debug)]
pub(crate) struct Unspellable;

impl fmt::Display for Unspellable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the value cannot be spelled")
    }
}

impl std::error::Error for Unspellable {}

impl ser::Error for Unspellable {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unspellable
    }
}

/// The serializer: each value to its `Datum`.
struct Spell;

/// A sequence or tuple being spelled; `variant` names a tuple variant.
struct Items {
    items: Vec<Datum>,
    variant: Option<&'static str>,
}

/// A map or struct being spelled; `variant` names a struct variant.
struct Entries {
    entries: Vec<(String, Datum)>,
    key: Option<String>,
    variant: Option<&'static str>,
}

/// `{ variant = value }`, serde's external tagging.
fn tagged(variant: Option<&'static str>, value: Datum) -> Datum {
    match variant {
        Some(name) => Datum::Map(vec![(name.to_owned(), value)]),
        None => value,
    }
}

impl ser::Serializer for Spell {
    type Ok = Datum;
    type Error = Unspellable;
    type SerializeSeq = Items;
    type SerializeTuple = Items;
    type SerializeTupleStruct = Items;
    type SerializeTupleVariant = Items;
    type SerializeMap = Entries;
    type SerializeStruct = Entries;
    type SerializeStructVariant = Entries;

    fn serialize_bool(self, v: bool) -> Result<Datum, Unspellable> {
        Ok(Datum::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Datum, Unspellable> {
        Ok(Datum::Int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<Datum, Unspellable> {
        Ok(Datum::Int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<Datum, Unspellable> {
        Ok(Datum::Int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<Datum, Unspellable> {
        Ok(Datum::Int(v.into()))
    }
    fn serialize_i128(self, v: i128) -> Result<Datum, Unspellable> {
        Ok(Datum::Int(v))
    }
    fn serialize_u8(self, v: u8) -> Result<Datum, Unspellable> {
        Ok(Datum::Int(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<Datum, Unspellable> {
        Ok(Datum::Int(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<Datum, Unspellable> {
        Ok(Datum::Int(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<Datum, Unspellable> {
        Ok(Datum::Int(v.into()))
    }
    fn serialize_u128(self, v: u128) -> Result<Datum, Unspellable> {
        Ok(i128::try_from(v).map_or(Datum::UInt(v), Datum::Int))
    }
    fn serialize_f32(self, v: f32) -> Result<Datum, Unspellable> {
        Ok(Datum::Float(v.into()))
    }
    fn serialize_f64(self, v: f64) -> Result<Datum, Unspellable> {
        Ok(Datum::Float(v))
    }
    fn serialize_char(self, v: char) -> Result<Datum, Unspellable> {
        Ok(Datum::Str(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Datum, Unspellable> {
        Ok(Datum::Str(v.to_owned()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Datum, Unspellable> {
        Ok(Datum::List(
            v.iter().map(|byte| Datum::Int((*byte).into())).collect(),
        ))
    }
    fn serialize_none(self) -> Result<Datum, Unspellable> {
        Ok(Datum::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Datum, Unspellable> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Datum, Unspellable> {
        Ok(Datum::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Datum, Unspellable> {
        Ok(Datum::Null)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Datum, Unspellable> {
        Ok(Datum::Str(variant.to_owned()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Datum, Unspellable> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Datum, Unspellable> {
        Ok(tagged(Some(variant), value.serialize(self)?))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Items, Unspellable> {
        Ok(Items {
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Items, Unspellable> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Items, Unspellable> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Items, Unspellable> {
        Ok(Items {
            items: Vec::with_capacity(len),
            variant: Some(variant),
        })
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Entries, Unspellable> {
        Ok(Entries {
            entries: Vec::with_capacity(len.unwrap_or(0)),
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Entries, Unspellable> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Entries, Unspellable> {
        Ok(Entries {
            entries: Vec::with_capacity(len),
            key: None,
            variant: Some(variant),
        })
    }
}

impl Items {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unspellable> {
        self.items.push(value.serialize(Spell)?);
        Ok(())
    }
    fn done(self) -> Datum {
        tagged(self.variant, Datum::List(self.items))
    }
}

macro_rules! items {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Items {
            type Ok = Datum;
            type Error = Unspellable;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unspellable> {
                self.push(value)
            }
            fn end(self) -> Result<Datum, Unspellable> {
                Ok(self.done())
            }
        }
    )*};
}

items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl Entries {
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Unspellable> {
        self.entries.push((key.to_owned(), value.serialize(Spell)?));
        Ok(())
    }
    fn done(self) -> Datum {
        tagged(self.variant, Datum::Map(self.entries))
    }
}

impl ser::SerializeMap for Entries {
    type Ok = Datum;
    type Error = Unspellable;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unspellable> {
        // A config file's keys are text: numbers and names spell as such.
        let key = match key.serialize(Spell)? {
            Datum::Str(text) => text,
            Datum::Int(int) => int.to_string(),
            Datum::UInt(int) => int.to_string(),
            Datum::Bool(flag) => flag.to_string(),
            _ => return Err(Unspellable),
        };
        self.key = Some(key);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unspellable> {
        let key = self.key.take().ok_or(Unspellable)?;
        self.field(&key, value)
    }
    fn end(self) -> Result<Datum, Unspellable> {
        Ok(self.done())
    }
}

macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Entries {
            type Ok = Datum;
            type Error = Unspellable;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Unspellable> {
                self.field(key, value)
            }
            fn end(self) -> Result<Datum, Unspellable> {
                Ok(self.done())
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::datum_of;
    use crate::shape::Datum;
    use std::collections::BTreeMap;

    #[derive(serde::Serialize)]
    enum Source {
        File(String),
        Span(String, u32),
        Inline { text: String },
        Stdin,
    }

    #[test]
    fn values_spell_as_serde_lays_them_out() {
        let str = |text: &str| Datum::Str(text.to_owned());
        let map = |key: &str, value| Datum::Map(vec![(key.to_owned(), value)]);
        assert_eq!(datum_of(&Source::File("a".into())), map("File", str("a")));
        assert_eq!(
            datum_of(&Source::Span("a".into(), 3)),
            map("Span", Datum::List(vec![str("a"), Datum::Int(3)]))
        );
        assert_eq!(
            datum_of(&Source::Inline { text: "x".into() }),
            map("Inline", map("text", str("x")))
        );
        assert_eq!(datum_of(&Source::Stdin), str("Stdin"));
        assert_eq!(datum_of(&None::<u8>), Datum::Null);
        assert_eq!(datum_of(&u128::MAX), Datum::UInt(u128::MAX));
        let numbered: BTreeMap<u8, bool> = [(1, true)].into();
        assert_eq!(datum_of(&numbered), map("1", Datum::Bool(true)));
        let keyed: BTreeMap<(u8, u8), bool> = [((1, 2), true)].into();
        assert_eq!(datum_of(&keyed), Datum::Unknown);
    }
}
