//! Checks of the literals that rules about a string's text are written
//! with, made when the crate compiles so that none is a run-time surprise:
//! a `pattern` parses as the `regex` crate will parse it, and a scheme of
//! `url(schemes(..))` is one a URL can have.

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

/// What is wrong with a scheme of `url(schemes(..))`, or `Ok`. RFC 3986's
/// syntax, `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`, in lowercase: the
/// `url` crate lowercases the scheme it parses, so `"HTTP"` would match no
/// URL at all.
pub fn scheme(scheme: &str) -> Result<(), String> {
    let mut chars = scheme.chars();
    let Some(first) = chars.next() else {
        return Err("a scheme is not empty: write one such as \"https\"".to_owned());
    };
    if !first.is_ascii_alphabetic() {
        return Err(format!(
            "`{scheme}` is no scheme: a scheme starts with a letter (RFC 3986: ALPHA *( ALPHA / DIGIT / \"+\" / \"-\" / \".\" ))"
        ));
    }
    if let Some(bad) = scheme
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || "+-.".contains(c)))
    {
        let hint = if bad == ':' || bad == '/' {
            format!(
                "; write the scheme alone, `{}`",
                scheme.split(':').next().unwrap_or(scheme)
            )
        } else {
            String::new()
        };
        return Err(format!(
            "`{scheme}` is no scheme: {bad:?} is not allowed in one, only ASCII letters, digits, `+`, `-` and `.` (RFC 3986){hint}"
        ));
    }
    if scheme.bytes().any(|byte| byte.is_ascii_uppercase()) {
        return Err(format!(
            "URLs are parsed with their scheme in lowercase, so `{scheme}` would match none: write \"{}\"",
            scheme.to_ascii_lowercase()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod scheme_tests {
    use super::scheme;

    #[test]
    fn rfc_3986_lowercase() {
        for good in ["http", "https", "svn+ssh", "coap.tcp", "z39-50r", "s3"] {
            assert_eq!(scheme(good), Ok(()), "{good}");
        }
        assert!(scheme("").is_err());
        assert!(scheme("3s").is_err_and(|error| error.contains("starts with a letter")));
        assert!(
            scheme("https://")
                .is_err_and(|error| error.contains("write the scheme alone, `https`"))
        );
        assert!(scheme("my_scheme").is_err_and(|error| error.contains("'_' is not allowed")));
        assert!(scheme("HTTP").is_err_and(|error| error.contains("write \"http\"")));
    }
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
