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

/// The units a duration literal is written in, largest first, with their
/// length in milliseconds.
const DURATION_UNITS: [(&str, u64); 5] = [
    ("d", 86_400_000),
    ("h", 3_600_000),
    ("m", 60_000),
    ("s", 1_000),
    ("ms", 1),
];

/// A duration literal of `range(min = "1s")`, in milliseconds: whole
/// numbers each followed by a unit (`ms`, `s`, `m`, `h`, `d`), one or more,
/// largest unit first and each unit once, as `1h30m` (how a report shows a
/// duration too). No sign, fraction or space: `"1.5s"` is `"1s500ms"`.
pub fn duration(text: &str) -> Result<u64, String> {
    let units = || crate::suggest::listed(DURATION_UNITS.iter().map(|(unit, _)| *unit));
    if text.is_empty() {
        return Err("a duration is not empty: write one such as \"30s\" or \"1h30m\"".to_owned());
    }
    let mut rest = text;
    let mut total: u64 = 0;
    // The index in `DURATION_UNITS` below which the next unit must be.
    let mut next = 0;
    while !rest.is_empty() {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            let what = match rest.chars().next() {
                Some('-') => "a duration is not negative".to_owned(),
                Some(c) if c.is_whitespace() => {
                    "a duration is written without spaces, as \"1h30m\"".to_owned()
                }
                _ => format!("expected a whole number at `{rest}`"),
            };
            return Err(format!("`{text}` is no duration: {what}"));
        }
        let (number, after) = rest.split_at(digits);
        let unit_len = after.len()
            - after
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .len();
        let (unit, after) = after.split_at(unit_len);
        if unit.is_empty() {
            let hint = if after.starts_with('.') {
                " (no fractions: write \"1500ms\" for 1.5s)".to_owned()
            } else {
                format!(" ({})", units())
            };
            return Err(format!(
                "`{text}` is no duration: `{number}` needs a unit{hint}"
            ));
        }
        let Some(index) = DURATION_UNITS.iter().position(|(known, _)| *known == unit) else {
            return Err(format!(
                "`{text}` is no duration: unknown unit `{unit}`; the units are {}",
                units()
            ));
        };
        if index < next {
            return Err(format!(
                "`{text}` is no duration: `{unit}` comes after a smaller unit or twice; write the units largest first, each once, as \"1h30m\""
            ));
        }
        next = index + 1;
        let millis = number
            .parse::<u64>()
            .ok()
            .and_then(|number| number.checked_mul(DURATION_UNITS[index].1))
            .and_then(|millis| total.checked_add(millis));
        total = millis.ok_or_else(|| format!("`{text}` is too long a duration"))?;
        rest = after;
    }
    Ok(total)
}

#[cfg(test)]
mod duration_tests {
    use super::duration;

    #[test]
    fn single_units_and_compounds() {
        assert_eq!(duration("250ms"), Ok(250));
        assert_eq!(duration("1s"), Ok(1_000));
        assert_eq!(duration("90m"), Ok(5_400_000));
        assert_eq!(duration("1h"), Ok(3_600_000));
        assert_eq!(duration("2d"), Ok(172_800_000));
        assert_eq!(duration("1h30m"), Ok(5_400_000));
        assert_eq!(duration("1d2h3m4s5ms"), Ok(93_784_005));
        assert_eq!(duration("0s"), Ok(0));
    }

    #[test]
    fn says_what_is_wrong() {
        let error = |text| duration(text).unwrap_err();
        assert_eq!(
            error("1.5s"),
            "`1.5s` is no duration: `1` needs a unit (no fractions: write \"1500ms\" for 1.5s)"
        );
        assert_eq!(
            error("10"),
            "`10` is no duration: `10` needs a unit (`d`, `h`, `m`, `s`, `ms`)"
        );
        assert_eq!(
            error("5min"),
            "`5min` is no duration: unknown unit `min`; the units are `d`, `h`, `m`, `s`, `ms`"
        );
        assert!(error("30m1h").contains("largest first"));
        assert!(error("1s1s").contains("largest first"));
        assert!(error("-1s").contains("not negative"));
        assert!(error("1h 30m").contains("without spaces"));
        assert!(error("").contains("not empty"));
        assert!(error("s").contains("expected a whole number at `s`"));
        assert!(error("99999999999999999999d").contains("too long"));
    }
}
