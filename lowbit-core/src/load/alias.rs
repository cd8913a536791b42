//! A key the file spells under one of its field's aliases
//! (`#[serde(alias = "old_count")]`): its field's serde name, which paths
//! use, as `validate()` does. Nothing at run time maps an alias to its field
//! but serde's derive, and it says so only in an error: a field given twice
//! is refused as `duplicate field `count`` under its serde name, whichever
//! name the file used. So a read asks: the struct is handed the key with a
//! blank value, then the key again (see `Seen::rename`).
//!
//! A table that serde buffers (an internally tagged enum's, the keys a
//! struct leaves to its flattened fields) is read by the variant or the
//! flattened struct from the buffer, away from the watch, which never
//! learns the fields it knows: its key is asked about once it holds a
//! value serde could not read. The buffer keeps any value it is handed,
//! for the field to read later as its type, so the blank is a stand-in of
//! the kind the field's type error says it expects (see `StandIn`), or of
//! each kind in turn.

use std::cell::RefCell;
use std::collections::HashMap;

use serde::Deserialize;

use super::blank::StandIn;
use super::{Document, Seen};
use crate::PathSegment;

/// The serde names learned so far, by the struct's fields (its identity)
/// and the key as spelled: each is asked once per load.
#[derive(Default)]
pub(crate) struct Names {
    fields: HashMap<(usize, String), Option<String>>,
    /// By the buffered table, as written, and the key.
    buffered: HashMap<(Vec<PathSegment>, String), Option<String>>,
}

impl Names {
    /// `written`, a failure's path as the file spells it, with each key that
    /// a struct knows under another serde name spelled by that name;
    /// `fields` are the struct's keys in the path (see `Failure::fields`).
    pub(crate) fn spell<'s, D, T>(
        &mut self,
        work: &D::Tree,
        written: &[PathSegment],
        fields: &[(usize, &'static [&'static str])],
    ) -> Vec<PathSegment>
    where
        D: Document<'s>,
        T: Deserialize<'s>,
    {
        let mut spelled = written.to_vec();
        for &(index, known) in fields {
            let Some(PathSegment::Field(key)) = written.get(index) else {
                continue;
            };
            // A key the struct does not know is no field of it; a struct
            // without aliases lists each field once, and knows it by it.
            if !known.contains(&key.as_ref()) {
                continue;
            }
            let identity = (known.as_ptr() as usize, key.to_string());
            let name = self
                .fields
                .entry(identity)
                .or_insert_with(|| ask::<D, T>(work, &written[..index], key, None).flatten())
                .clone();
            if let Some(name) = name {
                spelled[index] = PathSegment::Field(name.into());
            }
        }
        spelled
    }

    /// The serde name of `key`, as the file spells it in the table at
    /// `table` that serde buffered, whose value serde refused in the words
    /// `message`; `None` when it is `key`, or serde does not say.
    pub(crate) fn spell_buffered<'s, D, T>(
        &mut self,
        work: &D::Tree,
        table: &[PathSegment],
        key: &str,
        message: &str,
    ) -> Option<String>
    where
        D: Document<'s>,
        T: Deserialize<'s>,
    {
        self.buffered
            .entry((table.to_vec(), key.to_owned()))
            .or_insert_with(|| {
                // A stand-in the field refuses fails the read before the
                // key comes again: the next kind is tried.
                StandIn::in_order(message)
                    .find_map(|stand_in| ask::<D, T>(work, table, key, Some(stand_in)))
                    .flatten()
            })
            .clone()
    }
}

/// The serde name of the field that the struct at `table` reads `key` as,
/// when serde says (`None` inside when it is `key`); one read of the
/// document. `stand_in` is what a buffered table is handed for the key's
/// value.
fn ask<'s, D, T>(
    work: &D::Tree,
    table: &[PathSegment],
    key: &str,
    stand_in: Option<StandIn>,
) -> Option<Option<String>>
where
    D: Document<'s>,
    T: Deserialize<'s>,
{
    let mut asking = Seen::default();
    asking.rename = Some((table.to_vec(), key.to_owned()));
    asking.stand_in = stand_in;
    let seen = RefCell::new(asking);
    let error = D::deserialize::<T>(work, &seen).err()?;
    let message = D::error_message(&error);
    let name = message
        .strip_prefix("duplicate field `")?
        .split_once('`')?
        .0;
    Some((name != key).then(|| name.to_owned()))
}
