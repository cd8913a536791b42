//! Checks of the literals that rules about a string's text are written
//! with, made when the crate compiles so that none is a run-time surprise:
//! a `pattern` parses as the `regex` crate will parse it.

/// What is wrong with a regular expression, in one line that says where,
/// or `Ok` when the `regex` crate will accept it. The parser is regex's own
/// (regex-syntax), with the options `Regex::new` uses, so that the two
/// agree on every expression.
#[cfg(feature = "regex")]
pub fn pattern(source: &str) -> Result<(), String> {
    let error = match regex_syntax::ParserBuilder::new().build().parse(source) {
        Ok(_) => return Ok(()),
        Err(error) => error,
    };
    // regex-syntax's own Display draws the pattern with carets over several
    // lines; a compiler message reads better as one, naming the fragment.
    let (kind, span) = match &error {
        regex_syntax::Error::Parse(error) => (error.kind().to_string(), *error.span()),
        regex_syntax::Error::Translate(error) => (error.kind().to_string(), *error.span()),
        other => return Err(format!("invalid regular expression: {other}")),
    };
    let fragment = source.get(span.start.offset..span.end.offset).unwrap_or("");
    let at = if fragment.is_empty() {
        format!("at the end (column {})", span.start.column)
    } else {
        format!("at `{fragment}` (column {})", span.start.column)
    };
    let line = if source.contains('\n') {
        format!(" of line {}", span.start.line)
    } else {
        String::new()
    };
    Err(format!("invalid regular expression: {kind}, {at}{line}"))
}

/// Without the feature no pattern reaches here: the rule is refused first.
#[cfg(not(feature = "regex"))]
pub fn pattern(_: &str) -> Result<(), String> {
    Ok(())
}

#[cfg(all(test, feature = "regex"))]
mod tests {
    use super::pattern;

    #[test]
    fn accepts_what_regex_accepts() {
        for source in [
            "^[a-z][a-z0-9_]*$",
            r"\p{Greek}+",
            r"(?i)^v\d+(\.\d+){0,2}$",
            r"(?x) a # comment",
        ] {
            assert_eq!(pattern(source), Ok(()), "{source}");
        }
    }

    #[test]
    fn says_what_and_where() {
        assert_eq!(
            pattern("^(abc"),
            Err("invalid regular expression: unclosed group, at `(` (column 2)".to_owned())
        );
        assert_eq!(
            pattern("[z-a]"),
            Err(
                "invalid regular expression: invalid character class range, the start must be <= the end, at `z-a` (column 2)"
                    .to_owned()
            )
        );
        assert_eq!(
            pattern(r"\p{Klingon}"),
            Err(
                "invalid regular expression: Unicode property not found, at `\\p{Klingon}` (column 1)"
                    .to_owned()
            )
        );
        assert_eq!(
            pattern("a{2,1}"),
            Err(
                "invalid regular expression: invalid repetition count range, the start must be <= the end, at `{2,1}` (column 2)"
                    .to_owned()
            )
        );
        // Look-around is not regex's syntax.
        assert!(pattern("(?=a)").is_err_and(|error| error.contains("look-around")));
    }
}
