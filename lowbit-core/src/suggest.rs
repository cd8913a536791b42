//! Did-you-mean: the known name a misspelled one most likely meant.
//!
//! # The rule
//!
//! Every did-you-mean of lowbit follows it: variant names checked at compile
//! time (`__private::lookup`), unknown keys and variants met while loading a
//! file (`toml`), and, in a copy of its own (a proc macro cannot depend on
//! this crate), names in attributes (`lowbit-derive`'s `suggest`). All three
//! are tested against the same table, `suggest_cases.rs`.
//!
//! Names are compared character by character, ASCII letters folded to one
//! case (`Protocol` is `protocol`; other letters are compared as written).
//!
//! 1. **Edits.** The distance between two names is their optimal string
//!    alignment distance: inserting, deleting or replacing a character, or
//!    swapping two neighbours (`vaule`), is one edit. A candidate is close
//!    when its distance is at most a third of the typed name's length in
//!    characters, one at least, and less than the longer name's length (a
//!    one-character name is never replaced wholesale). The closest candidate
//!    is the suggestion. Two different candidates equally close are a tie,
//!    and a tie suggests nothing by edits.
//! 2. **Beginnings.** Failing that, a candidate that begins with the typed
//!    name (`eval` for `eval_only`) or that the typed name begins with (`min`
//!    for `minimum`), the shorter of the two three characters long at least,
//!    is the suggestion if it is the only one: `act` against `act_format` and
//!    `act_grouping` suggests nothing, since either guess is as likely wrong
//!    and every message that suggests also lists the names.
//! 3. **Bounds.** Names longer than [`LONGEST`] characters are not measured
//!    by edits (only beginnings apply to them), so the work per candidate is
//!    bounded however long a name in a file is.

/// The longest name, in characters, that edits are counted for. Typos in
/// names longer than this are rare, and the bound keeps the const version's
/// tables on the stack and a 20,000-character key from costing seconds.
pub(crate) const LONGEST: usize = 64;

/// The index of the name in `names` closest to `name`, by the rule above.
///
/// A `const fn`, since generated code evaluates it at compile time to word
/// the error for a variant name a type does not have.
pub(crate) const fn closest(names: &[&str], name: &str) -> Option<usize> {
    match by_edits(names, name) {
        Some(index) => Some(index),
        None => by_beginning(names, name),
    }
}

/// The name in `names` closest to `name`, by the rule above.
#[cfg(feature = "load")]
pub(crate) fn closest_name<'a>(name: &str, names: &[&'a str]) -> Option<&'a str> {
    closest(names, name).map(|index| names[index])
}

/// Step 1 of the rule: the one closest name within the limit of edits.
const fn by_edits(names: &[&str], name: &str) -> Option<usize> {
    let mut typed = [0u32; LONGEST];
    let Some(typed_len) = fold(name, &mut typed) else {
        return None;
    };
    let limit = if typed_len / 3 > 1 { typed_len / 3 } else { 1 };
    let mut candidate = [0u32; LONGEST];
    let mut best: Option<usize> = None;
    let mut best_distance = usize::MAX;
    let mut tied = false;
    let mut i = 0;
    while i < names.len() {
        // Lengths further apart than the limit are further apart in edits.
        if let Some(len) = fold(names[i], &mut candidate)
            && len.abs_diff(typed_len) <= limit
        {
            let distance = distance(&typed, typed_len, &candidate, len);
            let longer = if len > typed_len { len } else { typed_len };
            if distance <= limit && distance < longer {
                if distance < best_distance {
                    best = Some(i);
                    best_distance = distance;
                    tied = false;
                } else if distance == best_distance
                    && let Some(best) = best
                    && !eq(names[best], names[i])
                {
                    tied = true;
                }
            }
        }
        i += 1;
    }
    if tied { None } else { best }
}

/// Step 2 of the rule: the only name that begins with `name` or that it
/// begins with.
const fn by_beginning(names: &[&str], name: &str) -> Option<usize> {
    let mut found: Option<usize> = None;
    let mut i = 0;
    while i < names.len() {
        let candidate = names[i].as_bytes();
        if begins(candidate, name.as_bytes()) || begins(name.as_bytes(), candidate) {
            match found {
                Some(other) if !eq(names[other], names[i]) => return None,
                _ => found = Some(i),
            }
        }
        i += 1;
    }
    found
}

/// Whether `long` is `short` with more at its end, ASCII case folded, and
/// `short` has three characters at least. Bytes serve for characters here:
/// folding touches only ASCII bytes, and a whole string's bytes can begin
/// another's only at a character boundary.
const fn begins(long: &[u8], short: &[u8]) -> bool {
    if long.len() <= short.len() || characters(short) < 3 {
        return false;
    }
    let mut i = 0;
    while i < short.len() {
        if !long[i].eq_ignore_ascii_case(&short[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// How many characters the UTF-8 `bytes` hold: the bytes that start one.
const fn characters(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Continuation bytes are 0b10xx_xxxx.
        if bytes[i] & 0xC0 != 0x80 {
            count += 1;
        }
        i += 1;
    }
    count
}

/// Writes the characters of `text` into `out`, ASCII letters lowered, and
/// returns how many; `None` past [`LONGEST`].
const fn fold(text: &str, out: &mut [u32; LONGEST]) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while i < bytes.len() {
        if count == LONGEST {
            return None;
        }
        // Only equality of characters matters, so a character is kept as
        // its encoding: the lead byte and its continuation bytes packed.
        let mut code = bytes[i].to_ascii_lowercase() as u32;
        i += 1;
        while i < bytes.len() && bytes[i] & 0xC0 == 0x80 {
            code = (code << 8) | bytes[i] as u32;
            i += 1;
        }
        out[count] = code;
        count += 1;
    }
    Some(count)
}

/// The optimal string alignment distance between the first `a_len`
/// characters of `a` and the first `b_len` of `b`.
const fn distance(a: &[u32; LONGEST], a_len: usize, b: &[u32; LONGEST], b_len: usize) -> usize {
    // Three rows of the table: the one before the previous is needed for
    // swaps.
    let mut before = [0usize; LONGEST + 1];
    let mut previous = [0usize; LONGEST + 1];
    let mut current = [0usize; LONGEST + 1];
    let mut j = 0;
    while j <= b_len {
        previous[j] = j;
        j += 1;
    }
    let mut i = 1;
    while i <= a_len {
        current[0] = i;
        let mut j = 1;
        while j <= b_len {
            let cost = if a[i - 1] == b[j - 1] { 0 } else { 1 };
            let mut best = previous[j - 1] + cost;
            if previous[j] + 1 < best {
                best = previous[j] + 1;
            }
            if current[j - 1] + 1 < best {
                best = current[j - 1] + 1;
            }
            if i > 1
                && j > 1
                && a[i - 1] == b[j - 2]
                && a[i - 2] == b[j - 1]
                && before[j - 2] + 1 < best
            {
                best = before[j - 2] + 1;
            }
            current[j] = best;
            j += 1;
        }
        before = previous;
        previous = current;
        i += 1;
    }
    previous[b_len]
}

/// Whether `a` and `b` are the same text.
pub(crate) const fn eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    include!("suggest_cases.rs");

    #[test]
    fn every_case_of_the_shared_table() {
        for &(typed, names, expected) in CASES {
            let got = closest(names, typed).map(|index| names[index]);
            assert_eq!(got, expected, "{typed:?} among {names:?}");
        }
    }

    #[test]
    fn the_rule_holds_at_compile_time() {
        // The variant lookup evaluates it in a constant.
        const INDEX: Option<usize> = closest(&["step", "chunk", "eval_only"], "chnuk");
        assert_eq!(INDEX, Some(1));
    }

    #[test]
    fn distance_counts_characters_ignoring_ascii_case() {
        let measure = |a: &str, b: &str| {
            let (mut x, mut y) = ([0; LONGEST], [0; LONGEST]);
            let (a_len, b_len) = (fold(a, &mut x).unwrap(), fold(b, &mut y).unwrap());
            distance(&x, a_len, &y, b_len)
        };
        assert_eq!(measure("chunk", "chunk"), 0);
        assert_eq!(measure("chunk", "chnuk"), 1);
        assert_eq!(measure("chunk", "chnk"), 1);
        assert_eq!(measure("fp16", "FP16"), 0);
        assert_eq!(measure("", "abc"), 3);
        assert_eq!(measure("é", "e"), 1);
        assert_eq!(measure("é", "É"), 1, "only ASCII letters are folded");
    }

    #[test]
    fn long_names_cost_little() {
        let long: String = "key_".repeat(5_000);
        let typo = format!("{}x", &long[..long.len() - 1]);
        let names = [long.as_str(), "enable", "protocol"];
        let started = std::time::Instant::now();
        for _ in 0..10 {
            assert_eq!(closest(&names, &typo), None);
            // A name that begins with the long one is found by its
            // beginning, at the cost of comparing bytes.
            assert_eq!(closest(&names, &format!("{long}_")), Some(0));
        }
        // Counting edits between them would take seconds.
        assert!(
            started.elapsed().as_millis() < 1_000,
            "{:?}",
            started.elapsed()
        );
    }
}
