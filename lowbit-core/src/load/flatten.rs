//! Where an error of a flattened struct is. serde reads a flattened struct
//! from the values it buffered of its parent's table, through a
//! deserializer of its own: the error comes back with no position and no
//! path, only serde's words for the value it could not read
//! (`invalid type: string "10", expected u32`). The watch noted the keys of
//! that table in the order serde read them; the value is the first, in that
//! order and depth first within each, that serde would describe in those
//! words.

use std::cell::RefCell;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Unexpected, Visitor};

use super::locate::walk;
use super::{Document, Seen, Tree};
use crate::PathSegment;

/// The path of the value, below the table at `table` whose `keys` serde
/// buffered, that `message` is about, and whether it is a map's key rather
/// than a value; `None` when the message describes no value (a custom
/// error) or none fits. Without `keys`, serde buffered the value at `table`
/// whole, and the value is in it.
///
/// A key is a culprit too: serde keeps a buffered key as the format handed
/// it, a JSON key as a string, which a map with integer keys then refuses
/// (as `serde_json` does). Its path ends in a [`PathSegment::Key`].
pub(crate) fn culprit<'s, D: Document<'s>>(
    work: &D::Tree,
    table: &[PathSegment],
    keys: &[String],
    message: &str,
) -> Option<(Vec<PathSegment>, bool)> {
    let described = ["invalid type: ", "invalid value: "]
        .iter()
        .find_map(|start| message.strip_prefix(start))?
        .split_once(", expected ")?
        .0;
    let holder = walk(work, table).found()?;
    let at_key = |path: &Vec<PathSegment>| matches!(path.last(), Some(PathSegment::Key(_)));
    if keys.is_empty() {
        let mut path = table.to_vec();
        return find::<D>(holder, described, &mut path).then(|| {
            let key = at_key(&path);
            (path, key)
        });
    }
    for key in keys {
        let segment = PathSegment::Field(key.clone().into());
        let Some((_, value)) = holder.child(&segment) else {
            continue;
        };
        let mut path = table.to_vec();
        path.push(segment);
        if find::<D>(value, described, &mut path) {
            let key = at_key(&path);
            return Some((path, key));
        }
    }
    None
}

/// Whether `value`, or a key or value within it, is `described`; `path` is
/// left leading to it, ending in a [`PathSegment::Key`] for a key.
fn find<'s, D: Document<'s>>(
    value: &D::Tree,
    described: &str,
    path: &mut Vec<PathSegment>,
) -> bool {
    // In the order serde reads them: the value, then what it holds, each
    // entry's key before its value.
    if describe::<D>(value).is_some_and(|text| text == described) {
        return true;
    }
    let keyed = value.is_table();
    for (segment, item) in value.entries() {
        if keyed
            && let Some(key) = segment.key()
            && words(Unexpected::Str(key)) == described
        {
            path.push(PathSegment::Key(key.to_owned()));
            return true;
        }
        path.push(segment);
        if find::<D>(item, described, path) {
            return true;
        }
        path.pop();
    }
    false
}

/// How serde describes `value` in an error: `string "10"`, `integer `3``.
fn describe<'s, D: Document<'s>>(value: &D::Tree) -> Option<String> {
    let seen = RefCell::new(Seen::default());
    D::deserialize::<Described>(value, &seen)
        .ok()
        .map(|described| described.0)
}

/// serde's words for a value, read from any format.
struct Described(String);

impl<'de> Deserialize<'de> for Described {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Describing).map(Described)
    }
}

struct Describing;

fn words(unexpected: Unexpected<'_>) -> String {
    unexpected.to_string()
}

impl<'de> Visitor<'de> for Describing {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        Ok(words(Unexpected::Bool(v)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(words(Unexpected::Signed(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(words(Unexpected::Unsigned(v)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        Ok(words(Unexpected::Float(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(words(Unexpected::Str(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        Ok(words(Unexpected::Unit))
    }

    fn visit_none<E: de::Error>(self) -> Result<String, E> {
        Ok(words(Unexpected::Option))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<String, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(words(Unexpected::Seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<String, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(words(Unexpected::Map))
    }
}

#[cfg(all(test, feature = "toml"))]
mod tests {
    use super::*;
    use crate::load::Toml;
    use toml::Spanned;
    use toml::de::{DeTable, DeValue};

    fn document(source: &str) -> Spanned<DeValue<'_>> {
        let table = DeTable::parse(source).unwrap();
        Spanned::new(table.span(), DeValue::Table(table.into_inner()))
    }

    fn keys(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_owned()).collect()
    }

    fn spelled(path: Option<Vec<PathSegment>>) -> Option<String> {
        path.map(|path| crate::path::Spelled(&path).to_string())
    }

    #[test]
    fn the_first_value_in_serdes_order_that_fits_the_words_is_the_culprit() {
        let root = document("[p]\na = \"10\"\nb = 10\nc = { d = \"x\", e = 10 }\n");
        let table = [PathSegment::Field("p".into())];
        let at = |order: &[&str], message: &str| {
            spelled(culprit::<Toml>(&root, &table, &keys(order), message).map(|(path, _)| path))
        };
        let wanted = "invalid type: integer `10`, expected a string";
        assert_eq!(at(&["a", "b", "c"], wanted).as_deref(), Some("p.b"));
        // The order is serde's, not the document's, and tables are searched.
        assert_eq!(at(&["c", "b"], wanted).as_deref(), Some("p.c.e"));
        let string = "invalid value: string \"x\", expected one of `y`";
        assert_eq!(at(&["a", "c"], string).as_deref(), Some("p.c.d"));
        // A table is described as a map, before what it holds.
        let map = "invalid type: map, expected u32";
        assert_eq!(at(&["a", "c"], map).as_deref(), Some("p.c"));
        // Words that describe no value, or no value here, place nothing.
        assert_eq!(at(&["a", "b"], "missing field `z`"), None);
        assert_eq!(at(&["a"], wanted), None);
    }
}
