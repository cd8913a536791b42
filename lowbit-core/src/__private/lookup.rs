//! Compile-time lookup of the names a rule compares with.
//!
//! The derive cannot see another type's variants, so for each name a rule
//! uses it emits
//! `const _: usize = lookup(<FieldType as Choice>::DOMAIN, "name", hash)`
//! with the span of the user's literal. Evaluating it either yields the
//! variant's index, which the run-time check compares with, or panics at
//! compile time with a message that lists the valid names and suggests the
//! closest one, by the rule every did-you-mean of lowbit follows
//! ([`crate::suggest`]).

use crate::suggest::{self, eq};

/// The names a type's values take.
#[derive(Clone, Copy, Debug)]
pub struct Domain {
    /// The type's name, for messages.
    pub type_name: &'static str,
    /// The serde names, in declaration order.
    pub names: &'static [&'static str],
    /// The Rust names, in declaration order.
    pub rust_names: &'static [&'static str],
    /// Other names serde accepts for a variant (`#[serde(alias = "..")]`),
    /// each with its variant's index.
    pub aliases: &'static [(&'static str, usize)],
    /// The names and aliases by hash, each `(hash, index)` in slot
    /// `hash % len`, `(0, usize::MAX)` in an empty slot; the derive writes
    /// it and hashes the names it looks up alike. Empty for strings and
    /// untagged enums, and may be empty for any domain: `lookup` then
    /// searches `names`.
    pub table: &'static [(u64, usize)],
    /// Whether `names` is the whole set (enums), or any text is a value (strings).
    pub closed: bool,
    /// An untagged enum: a config file spells its values by their contents,
    /// never by a variant's name, so no rule may name one.
    pub untagged: bool,
}

impl Domain {
    /// Any text: the domain of strings, where every name is valid.
    pub const OPEN: Domain = Domain {
        type_name: "string",
        names: &[],
        rust_names: &[],
        aliases: &[],
        table: &[],
        closed: false,
        untagged: false,
    };
}

/// The index of `name` in `domain`; `usize::MAX` for open domains. `hash`
/// is `name`'s hash, as the derive computes it for `domain.table`.
///
/// # Panics
///
/// At compile time, when `domain` is an enum's and none of its serde names
/// is `name`.
#[must_use]
// The panic is reported where the constant calling this is, on the
// user's literal, with no notes from inside lowbit.
#[track_caller]
pub const fn lookup(domain: Domain, name: &str, hash: u64) -> usize {
    // The compiler's interpreter runs this for every name of every rule, and
    // each step counts: a known name is one probe of the table.
    let table = domain.table;
    if !table.is_empty() {
        #[allow(clippy::cast_possible_truncation)]
        let (known, index) = table[(hash % table.len() as u64) as usize];
        if known == hash && index != usize::MAX {
            return index;
        }
    }
    if domain.untagged {
        let mut message = PanicMessage::new();
        message.push("`");
        message.push(domain.type_name);
        message.push("` is untagged: a config file spells its values by their contents, never by a variant's name, so a rule cannot name \"");
        message.push(name);
        message.push("\"");
        panic!("{}", message.text());
    }
    if !domain.closed {
        return usize::MAX;
    }
    if let Some(index) = find(domain, name) {
        return index;
    }
    let mut message = PanicMessage::new();
    message.push("`");
    message.push(domain.type_name);
    message.push("` has no variant named \"");
    message.push(name);
    message.push("\"");
    let mut rust = 0;
    while rust < domain.rust_names.len() {
        if eq(domain.rust_names[rust], name) {
            message.push(": `");
            message.push(name);
            message.push("` is the Rust name; the config spells it \"");
            message.push(domain.names[rust]);
            message.push("\".");
            panic!("{}", message.text());
        }
        rust += 1;
    }
    match suggest::closest(domain.names, name) {
        Some(closest) => {
            message.push("; did you mean \"");
            message.push(domain.names[closest]);
            message.push("\"?");
        }
        None => message.push("."),
    }
    if domain.names.is_empty() {
        message.push(" It has no variants.");
        panic!("{}", message.text());
    }
    message.push(" Its serde names are ");
    let mut listed = 0;
    while listed < domain.names.len() {
        if listed > 0 {
            message.push(", ");
        }
        message.push("\"");
        message.push(domain.names[listed]);
        message.push("\"");
        listed += 1;
    }
    message.push(".");
    panic!("{}", message.text())
}

/// The index of the variant `name` names in `domain`, by serde name or
/// alias; `None` when it names none (which `lookup` reports).
const fn find(domain: Domain, name: &str) -> Option<usize> {
    let mut index = 0;
    while index < domain.names.len() {
        if eq(domain.names[index], name) {
            return Some(index);
        }
        index += 1;
    }
    let mut alias = 0;
    while alias < domain.aliases.len() {
        if eq(domain.aliases[alias].0, name) {
            return Some(domain.aliases[alias].1);
        }
        alias += 1;
    }
    None
}

/// Whether `a` and `b` are the same value: the same variant for an enum,
/// whichever names (serde names or aliases) they use; the same text for a
/// string. A name that is no variant is taken as matching anything, since
/// `lookup` reports it on its own.
const fn same(domain: Domain, a: &str, b: &str) -> bool {
    if !domain.closed {
        return eq(a, b);
    }
    match (find(domain, a), find(domain, b)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// Whether `name` is in `list`, by [`same`].
const fn listed(domain: Domain, name: &str, list: &[&str]) -> bool {
    let mut i = 0;
    while i < list.len() {
        if same(domain, name, list[i]) {
            return true;
        }
        i += 1;
    }
    false
}

/// Whether `name` is in every one of `lists`.
const fn in_all(domain: Domain, name: &str, lists: &[&[&str]]) -> bool {
    let mut i = 0;
    while i < lists.len() {
        if !listed(domain, name, lists[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// Asserts that a condition comparing `field` with `name` can hold, given
/// the `one_of` lists of `field`.
///
/// # Panics
///
/// At compile time, when `name` is not in every list: the condition could
/// never hold.
#[track_caller]
pub const fn may_hold(domain: Domain, field: &str, name: &str, lists: &[&[&str]]) {
    if in_all(domain, name, lists) {
        return;
    }
    let mut message = PanicMessage::new();
    message.push("this condition can never hold: `");
    message.push(field);
    message.push("` is ");
    push_lists(&mut message, lists);
    panic!("{}", message.text())
}

/// Asserts that some value is in every one of the `one_of` lists of `field`.
///
/// # Panics
///
/// At compile time, when the lists have no value in common.
#[track_caller]
pub const fn overlap(domain: Domain, field: &str, lists: &[&[&str]]) {
    if let Some(first) = lists.first() {
        let mut i = 0;
        while i < first.len() {
            if in_all(domain, first[i], lists) {
                return;
            }
            i += 1;
        }
    }
    let mut message = PanicMessage::new();
    message.push("no value satisfies every `one_of` of `");
    message.push(field);
    message.push("`: ");
    push_lists(&mut message, lists);
    message.push(" have no value in common");
    panic!("{}", message.text())
}

/// `one_of("a", "b")`, and more such joined by "and".
const fn push_lists(message: &mut PanicMessage, lists: &[&[&str]]) {
    let mut i = 0;
    while i < lists.len() {
        if i > 0 {
            message.push(" and ");
        }
        message.push("`one_of(");
        let mut j = 0;
        while j < lists[i].len() {
            if j > 0 {
                message.push(", ");
            }
            message.push("\"");
            message.push(lists[i][j]);
            message.push("\"");
            j += 1;
        }
        message.push(")`");
        i += 1;
    }
}

/// A message built in a fixed buffer at compile time; text past its end is cut.
struct PanicMessage {
    bytes: [u8; 1024],
    len: usize,
}

impl PanicMessage {
    const fn new() -> Self {
        PanicMessage {
            bytes: [0; 1024],
            len: 0,
        }
    }

    const fn push(&mut self, text: &str) {
        let text = text.as_bytes();
        let mut i = 0;
        while i < text.len() && self.len < self.bytes.len() {
            self.bytes[self.len] = text[i];
            self.len += 1;
            i += 1;
        }
    }

    /// The text, cut back to a whole character if the buffer's end fell in
    /// the middle of one.
    const fn text(&self) -> &str {
        let (used, _) = self.bytes.split_at(self.len);
        let valid = match core::str::from_utf8(used) {
            Ok(text) => return text,
            Err(error) => error.valid_up_to(),
        };
        let (whole, _) = used.split_at(valid);
        match core::str::from_utf8(whole) {
            Ok(text) => text,
            Err(_) => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn panic_message(domain: Domain, name: &str) -> String {
        let payload = std::panic::catch_unwind(|| lookup(domain, name, 0)).expect_err("a panic");
        payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| {
                payload
                    .downcast_ref::<&str>()
                    .map(|text| (*text).to_owned())
            })
            .expect("a message")
    }

    const INTERVAL: Domain = Domain {
        type_name: "Interval",
        names: &["step", "chunk", "eval_only"],
        rust_names: &["Step", "Chunk", "EvalOnly"],
        aliases: &[("every_chunk", 1)],
        table: &[],
        closed: true,
        untagged: false,
    };

    #[test]
    fn finds_serde_names_and_passes_any_text_of_open_domains() {
        assert_eq!(lookup(INTERVAL, "eval_only", 0), 2);
        assert_eq!(
            lookup(INTERVAL, "every_chunk", 0),
            1,
            "an alias names its variant"
        );
        assert_eq!(lookup(Domain::OPEN, "anything", 0), usize::MAX);
    }

    #[test]
    fn a_hash_in_the_table_is_its_index_and_any_other_searches_the_names() {
        let tabled = Domain {
            table: &[(0, usize::MAX), (7, 2)],
            ..INTERVAL
        };
        assert_eq!(lookup(tabled, "eval_only", 7), 2, "found by hash");
        assert_eq!(lookup(tabled, "chunk", 9), 1, "a miss searches");
        assert_eq!(lookup(tabled, "step", 4), 0, "an empty slot searches");
        assert!(panic_message(tabled, "chnuk").contains("did you mean \"chunk\""));
    }

    #[test]
    fn an_unknown_name_lists_the_names_and_suggests_one() {
        assert_eq!(
            panic_message(INTERVAL, "chnuk"),
            "`Interval` has no variant named \"chnuk\"; did you mean \"chunk\"? \
             Its serde names are \"step\", \"chunk\", \"eval_only\"."
        );
        assert_eq!(
            panic_message(INTERVAL, "hourly"),
            "`Interval` has no variant named \"hourly\". \
             Its serde names are \"step\", \"chunk\", \"eval_only\"."
        );
        assert_eq!(
            panic_message(INTERVAL, "EvalOnly"),
            "`Interval` has no variant named \"EvalOnly\": \
             `EvalOnly` is the Rust name; the config spells it \"eval_only\"."
        );
        let empty = Domain {
            names: &[],
            rust_names: &[],
            ..INTERVAL
        };
        assert_eq!(
            panic_message(empty, "x"),
            "`Interval` has no variant named \"x\". It has no variants."
        );
    }

    #[test]
    fn a_long_message_is_cut_at_a_whole_character() {
        // Each name is "é" (two bytes) and ten ASCII bytes, and the type's
        // name is as long as it takes for the buffer's last byte to be the
        // first of an "é".
        const NAMES: [&str; 200] = ["\u{e9}0123456789"; 200];
        let many = Domain {
            type_name: "Maaaaaaaaaa",
            names: &NAMES,
            rust_names: &[],
            aliases: &[],
            table: &[],
            closed: true,
            untagged: false,
        };
        let message = panic_message(many, "zzz");
        assert!(
            message.starts_with("`Maaaaaaaaaa` has no variant named \"zzz\""),
            "{message}"
        );
        assert_eq!(message.len(), 1023);
        assert!(message.ends_with(", \""), "{message}");
    }

    mod shared {
        use super::*;

        include!("../suggest_cases.rs");

        #[test]
        fn unknown_variants_are_suggested_by_the_shared_table() {
            for &(typed, names, expected) in CASES {
                let domain = Domain {
                    type_name: "T",
                    names,
                    rust_names: &[],
                    aliases: &[],
                    table: &[],
                    closed: true,
                    untagged: false,
                };
                let message = panic_message(domain, typed);
                let suggested = message
                    .split_once("; did you mean \"")
                    .and_then(|(_, rest)| rest.split_once("\"?"))
                    .map(|(name, _)| name);
                assert_eq!(suggested, expected, "{typed:?} among {names:?}: {message}");
            }
        }
    }
}
