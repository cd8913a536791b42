//! A key the file spells under one of its field's aliases
//! (`#[serde(alias = "old_count")]`): its field's serde name, which paths
//! use, as `validate()` does. Nothing at run time maps an alias to its field
//! but serde's derive, and it says so only in an error: a field given twice
//! is refused as `duplicate field `count`` under its serde name, whichever
//! name the file used. So a read asks: the struct is handed the key with a
//! blank value, then the key again (see `Seen::rename`).

use std::cell::RefCell;
use std::collections::HashMap;

use serde::Deserialize;

use super::{Document, Seen};
use crate::PathSegment;

/// The serde names learned so far, by the struct's fields (its identity)
/// and the key as spelled: each is asked once per load.
#[derive(Default)]
pub(crate) struct Names(HashMap<(usize, String), Option<String>>);

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
                .0
                .entry(identity)
                .or_insert_with(|| ask::<D, T>(work, &written[..index], key))
                .clone();
            if let Some(name) = name {
                spelled[index] = PathSegment::Field(name.into());
            }
        }
        spelled
    }
}

/// The serde name of the field that the struct at `table` reads `key` as,
/// when it is not `key` and serde says; one read of the document.
fn ask<'s, D, T>(work: &D::Tree, table: &[PathSegment], key: &str) -> Option<String>
where
    D: Document<'s>,
    T: Deserialize<'s>,
{
    let mut asking = Seen::default();
    asking.rename = Some((table.to_vec(), key.to_owned()));
    let seen = RefCell::new(asking);
    let error = D::deserialize::<T>(work, &seen).err()?;
    let message = D::error_message(&error);
    let name = message
        .strip_prefix("duplicate field `")?
        .split_once('`')?
        .0;
    (name != key).then(|| name.to_owned())
}
