//! The test of `pattern`: the text matches a regular expression. The derive
//! has parsed the expression with the parser the `regex` crate uses, so a
//! bad one never gets here; each rule compiles its expression once, on
//! first use, into a static of its own.

use std::sync::OnceLock;

use regex::Regex;

/// A rule's regular expression, compiled on first use.
pub struct Pattern {
    source: &'static str,
    compiled: OnceLock<Regex>,
}

impl Pattern {
    /// The expression as written, not yet compiled.
    #[must_use]
    pub const fn new(source: &'static str) -> Self {
        Pattern {
            source,
            compiled: OnceLock::new(),
        }
    }

    fn regex(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            // The derive parsed it; what is left is the compiled program
            // outgrowing regex's size limit (`a{1000}{1000}`), which only
            // compiling finds.
            Regex::new(self.source).unwrap_or_else(|error| {
                panic!(
                    "#[pattern({:?})] parsed when the crate compiled, but the regex crate cannot compile it: {error}",
                    self.source
                )
            })
        })
    }
}

/// `pattern` is broken: the text does not match. A match anywhere in the
/// text counts, as `Regex::is_match` has it: anchor with `^` and `$` to
/// test the whole text.
#[inline]
#[must_use]
pub fn mismatches(text: Option<&str>, pattern: &Pattern) -> bool {
    text.is_some_and(|text| !pattern.regex().is_match(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    static IDENT: Pattern = Pattern::new("^[a-z][a-z0-9_]*$");

    #[test]
    fn absent_text_passes() {
        assert!(!mismatches(None, &IDENT));
    }

    #[test]
    fn matches_and_compiles_once() {
        assert!(!mismatches(Some("rho_2"), &IDENT));
        assert!(mismatches(Some("2rho"), &IDENT));
        assert!(mismatches(Some(""), &IDENT));
        let first: *const Regex = IDENT.regex();
        assert!(std::ptr::eq(first, IDENT.regex()));
    }

    #[test]
    fn unanchored_matches_anywhere() {
        static DIGIT: Pattern = Pattern::new(r"\d");
        assert!(!mismatches(Some("v2"), &DIGIT));
        assert!(mismatches(Some("v"), &DIGIT));
    }

    #[test]
    #[should_panic(expected = "cannot compile it")]
    fn too_large_to_compile_panics_naming_it() {
        static HUGE: Pattern = Pattern::new(r"\w{1000}{1000}");
        let _ = mismatches(Some("x"), &HUGE);
    }
}
