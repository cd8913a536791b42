//! The test of `url` and `url(schemes(..))`: the text is an absolute URL as
//! the `url` crate parses it, which follows the WHATWG URL Standard, the
//! parser of browsers. So a URL is what a browser would open: a scheme and
//! what follows it (`mailto:a@b.c` is one, `example.com` and `/path` are
//! not), with spaces and control characters at either end trimmed, and
//! only the special schemes' (`http`, `https`, `ws`, `wss`, `ftp`, `file`)
//! hosts held to host syntax.

/// `url` is broken: the text is no absolute URL, or its scheme (which the
/// parser lowercases) is none of `schemes`, when any are given.
#[inline]
#[must_use]
pub fn not_url(text: Option<&str>, schemes: &[&str]) -> bool {
    text.is_some_and(|text| match url::Url::parse(text) {
        Ok(url) => !schemes.is_empty() && !schemes.contains(&url.scheme()),
        Err(_) => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_text_passes() {
        assert!(!not_url(None, &[]));
        assert!(!not_url(None, &["https"]));
    }

    #[test]
    fn absolute_urls_and_their_schemes() {
        assert!(!not_url(Some("https://example.com/a?b#c"), &[]));
        assert!(!not_url(Some("mailto:ops@example.com"), &[]));
        assert!(not_url(Some("example.com"), &[]));
        assert!(not_url(Some("/relative/path"), &[]));
        assert!(not_url(Some(""), &[]));
        assert!(!not_url(Some("HTTPS://example.com"), &["http", "https"]));
        assert!(not_url(Some("ftp://example.com"), &["http", "https"]));
    }
}
