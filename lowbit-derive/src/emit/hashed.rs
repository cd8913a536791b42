//! Names by hash, for the compile-time lookup of a rule's names.
//!
//! Every name a rule compares with is looked up in its type's names by a
//! constant the compiler evaluates, and its interpreter is slow: a loop over
//! the names, comparing bytes, costs more than the rest of a rule. So the
//! derive of an enum writes its names (and aliases) into a table without
//! collisions, by a hash of each, and the derive of a rule passes the hash of
//! its name: a name found in one step, and the loop (with its messages) only
//! for a name that is not there.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The 64-bit FNV-1a hash of `name`. Only the derive computes it, for both
/// sides of a lookup, so it needs no twin in lowbit-core.
pub fn hash(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `hash(name)` as a literal.
pub fn literal(name: &str) -> Literal {
    Literal::u64_suffixed(hash(name))
}

/// Names beyond this many get no table: a collision-free length grows with
/// the square of their number, and so would the table and its search.
const MAX_NAMES: usize = 64;

/// The table of `entries` (each a name and its variant's index): slot
/// `hash % len` holds `(hash, index)`, and an empty slot `(0, !0)`. Its
/// length is the least from the number of names to four times that (plus
/// eight) that puts no two in one slot. Empty when there is none, when
/// there are more than [`MAX_NAMES`] names, or when two names of different
/// variants have one hash: every lookup then takes the loop, slower to
/// compile but as right.
pub fn table<'a>(entries: impl IntoIterator<Item = (&'a str, usize)>) -> TokenStream {
    let mut keys: Vec<(u64, usize)> = entries
        .into_iter()
        .map(|(name, index)| (hash(name), index))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let n = keys.len();
    if n > MAX_NAMES || keys.windows(2).any(|pair| pair[0].0 == pair[1].0) {
        return quote!(&[]);
    }
    let Some(slots) = (n.max(1)..=4 * n + 8).find_map(|len| {
        let mut slots = vec![None; len];
        let apart = (keys.iter())
            .all(|&(key, index)| slots[slot(key, len)].replace((key, index)).is_none());
        apart.then_some(slots)
    }) else {
        return quote!(&[]);
    };
    let slots = slots.into_iter().map(|slot| match slot {
        Some((key, index)) => quote!((#key, #index)),
        None => quote!((0, !0)),
    });
    quote!(&[#(#slots),*])
}

fn slot(key: u64, len: usize) -> usize {
    // `len` is small, so the remainder fits; lowbit-core takes it alike.
    usize::try_from(key % len as u64).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_fnv_1a() {
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn every_name_has_its_own_slot() {
        let names = ["fast", "exact", "lazy", "slow", "quick", "every_chunk"];
        let table = table(names.iter().enumerate().map(|(i, name)| (*name, i)));
        let text = table.to_string();
        for (index, name) in names.iter().enumerate() {
            assert!(
                text.contains(&format!("({}u64 , {index}usize)", hash(name))),
                "{name} missing from {text}"
            );
        }
    }

    #[test]
    fn many_names_get_no_table() {
        let names: Vec<String> = (0..=MAX_NAMES).map(|i| format!("v{i}")).collect();
        let table = table(names.iter().enumerate().map(|(i, name)| (name.as_str(), i)));
        assert_eq!(table.to_string(), "& []");
        let fewer = super::table(
            names[..8]
                .iter()
                .enumerate()
                .map(|(i, name)| (name.as_str(), i)),
        );
        assert!(fewer.to_string().len() > 4, "{fewer}");
    }

    #[test]
    fn one_hash_for_two_variants_leaves_the_table_empty() {
        let table = table([("same", 0), ("same", 1)]);
        assert_eq!(table.to_string(), "& []");
    }

    #[test]
    fn an_alias_repeating_its_variant_s_name_is_one_entry() {
        let table = table([("same", 0), ("same", 0)]);
        assert_ne!(table.to_string(), "& []");
    }
}
