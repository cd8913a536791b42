//! The test of `email`: the text is a "valid e-mail address" as the HTML
//! Standard defines it for `<input type=email>`, the definition validator
//! and garde follow too, with RFC 5321's limits on its two parts:
//!
//! - a local part of 1 to 64 characters, each an ASCII letter or digit or
//!   one of ``.!#$%&'*+/=?^_`{|}~-`` (no quoted strings, no spaces);
//! - one `@`;
//! - a domain of at most 255 characters: labels joined by single dots,
//!   each 1 to 63 ASCII letters, digits and hyphens that neither starts
//!   nor ends with a hyphen (`localhost` is one; no trailing dot).
//!
//! No dependency and no allocation: a scan of the bytes.

/// The characters of a local part besides ASCII letters and digits.
const LOCAL_PUNCTUATION: &[u8] = b".!#$%&'*+/=?^_`{|}~-";

/// `email` is broken: the text is no e-mail address.
#[inline]
#[must_use]
pub fn not_email(text: Option<&str>) -> bool {
    text.is_some_and(|text| !is_email(text))
}

fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    (1..=64).contains(&local.len())
        && local
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || LOCAL_PUNCTUATION.contains(&byte))
        && domain.len() <= 255
        && domain.split('.').all(is_label)
}

/// A label of a domain: 1 to 63 letters, digits and hyphens, with a
/// letter or digit at either end.
fn is_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    (1..=63).contains(&bytes.len())
        && bytes
            .iter()
            .all(|&byte| byte.is_ascii_alphanumeric() || byte == b'-')
        && bytes.first() != Some(&b'-')
        && bytes.last() != Some(&b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_text_passes() {
        assert!(!not_email(None));
    }

    #[test]
    fn parts_and_their_limits() {
        assert!(is_email("ops@example.com"));
        assert!(is_email("a@localhost"));
        assert!(!is_email("ops@"));
        assert!(!is_email("@example.com"));
        assert!(!is_email("ops@example..com"));
        assert!(!is_email("ops@a@b"));
        let local = "a".repeat(64);
        assert!(is_email(&format!("{local}@x.y")));
        assert!(!is_email(&format!("a{local}@x.y")));
        let label = "b".repeat(63);
        assert!(is_email(&format!("a@{label}.c")));
        assert!(!is_email(&format!("a@b{label}.c")));
        let domain = [label.as_str(); 4].join(".");
        assert_eq!(domain.len(), 255);
        assert!(is_email(&format!("a@{domain}")));
        assert!(!is_email(&format!("a@{domain}x")));
    }
}
