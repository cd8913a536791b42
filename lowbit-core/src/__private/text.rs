//! The tests of a string's text (`prefix`, `suffix`, `contains`,
//! `does_not_contain`, `ascii`, `alphanumeric`), and the trait through which
//! generated code reads the text. Each test passes an absent text (`None`),
//! and none allocates.

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::Arc;

/// A string, for the rules about its text.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a string",
    label = "this rule tests the text of a string",
    note = "`String`, `str`, `Cow<str>`, the pointers to them, and `Option`s of those are strings; a collection's items are tested with `items(..)`"
)]
pub trait Text {
    /// The text, or `None` when the value is absent.
    fn text(&self) -> Option<&str>;
}

#[diagnostic::do_not_recommend]
impl Text for str {
    #[inline]
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

#[diagnostic::do_not_recommend]
impl Text for String {
    #[inline]
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

#[diagnostic::do_not_recommend]
impl Text for Cow<'_, str> {
    #[inline]
    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

/// `None` is absent: the rules about text pass it.
#[diagnostic::do_not_recommend]
impl<T: Text> Text for Option<T> {
    #[inline]
    fn text(&self) -> Option<&str> {
        self.as_ref().and_then(Text::text)
    }
}

macro_rules! through_pointers {
    ($($pointer:ident)*) => {$(
        #[diagnostic::do_not_recommend]
        impl<T: Text + ?Sized> Text for $pointer<T> {
            #[inline]
            fn text(&self) -> Option<&str> {
                (**self).text()
            }
        }
    )*};
}

through_pointers!(Box Rc Arc);

#[diagnostic::do_not_recommend]
impl<T: Text + ?Sized> Text for &T {
    #[inline]
    fn text(&self) -> Option<&str> {
        (**self).text()
    }
}

/// The value at the end of a dotted path (`at = dir.path`): absent when an
/// `Option` on the way is `None`.
impl<T: Text + ?Sized> Text for super::via::Via<'_, T> {
    #[inline]
    fn text(&self) -> Option<&str> {
        self.0.and_then(Text::text)
    }
}

/// `length(.., unit = "bytes")`: the text's UTF-8 bytes.
#[inline]
#[must_use]
pub fn bytes(text: Option<&str>) -> Option<usize> {
    text.map(str::len)
}

/// `length(.., unit = "chars")`: its Unicode scalar values, as without a
/// unit.
#[inline]
#[must_use]
pub fn chars(text: Option<&str>) -> Option<usize> {
    text.map(|text| text.chars().count())
}

/// `length(.., unit = "utf16")`: its UTF-16 code units, as JavaScript's
/// `length` counts them.
#[inline]
#[must_use]
pub fn utf16(text: Option<&str>) -> Option<usize> {
    text.map(|text| text.encode_utf16().count())
}

/// `length(.., unit = "graphemes")`: its extended grapheme clusters
/// (UAX #29), what a reader takes for characters: `"e\u{301}"` is one.
#[cfg(feature = "unicode")]
#[inline]
#[must_use]
pub fn graphemes(text: Option<&str>) -> Option<usize> {
    use unicode_segmentation::UnicodeSegmentation;
    text.map(|text| text.graphemes(true).count())
}

/// `prefix` is broken: the text does not start with `prefix`.
#[inline]
#[must_use]
pub fn lacks_prefix(text: Option<&str>, prefix: &str) -> bool {
    text.is_some_and(|text| !text.starts_with(prefix))
}

/// `suffix` is broken: the text does not end with `suffix`.
#[inline]
#[must_use]
pub fn lacks_suffix(text: Option<&str>, suffix: &str) -> bool {
    text.is_some_and(|text| !text.ends_with(suffix))
}

/// `contains` is broken: the text does not contain `part`.
#[inline]
#[must_use]
pub fn lacks(text: Option<&str>, part: &str) -> bool {
    text.is_some_and(|text| !text.contains(part))
}

/// `does_not_contain` is broken: the text contains `part`.
#[inline]
#[must_use]
pub fn holds(text: Option<&str>, part: &str) -> bool {
    text.is_some_and(|text| text.contains(part))
}

/// `ascii` is broken: some character is not ASCII. The empty string has
/// none that is not.
#[inline]
#[must_use]
pub fn not_ascii(text: Option<&str>) -> bool {
    text.is_some_and(|text| !text.is_ascii())
}

/// `alphanumeric` is broken: some character is neither alphabetic nor
/// numeric, as `char::is_alphanumeric` says (Unicode's, so `é` and `٣`
/// are; `_`, `-` and spaces are not). The empty string passes.
#[inline]
#[must_use]
pub fn not_alphanumeric(text: Option<&str>) -> bool {
    text.is_some_and(|text| !text.chars().all(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_text_passes_every_test() {
        assert!(!lacks_prefix(None, "/"));
        assert!(!lacks_suffix(None, "/"));
        assert!(!lacks(None, "/"));
        assert!(!holds(None, "/"));
        assert!(!not_ascii(None));
        assert!(!not_alphanumeric(None));
    }

    #[test]
    fn each_test_on_text() {
        assert!(!lacks_prefix(Some("/srv"), "/"));
        assert!(lacks_prefix(Some("srv/"), "/"));
        assert!(!lacks_suffix(Some("a.sock"), ".sock"));
        assert!(lacks_suffix(Some("a.sock.bak"), ".sock"));
        assert!(!lacks(Some("x{id}y"), "{id}"));
        assert!(lacks(Some("x{i}d"), "{id}"));
        assert!(holds(Some("a/../b"), ".."));
        assert!(!holds(Some("a/./b"), ".."));
        assert!(!not_ascii(Some("")));
        assert!(!not_ascii(Some("plain text ~")));
        assert!(not_ascii(Some("café")));
        assert!(!not_alphanumeric(Some("")));
        assert!(!not_alphanumeric(Some("abc123Éé٣")));
        assert!(not_alphanumeric(Some("snake_case")));
        assert!(not_alphanumeric(Some("two words")));
    }

    #[test]
    fn reads_through_options_and_pointers() {
        assert_eq!(Text::text(&Some(String::from("a"))), Some("a"));
        assert_eq!(Text::text(&None::<String>), None);
        assert_eq!(Text::text(&Box::<str>::from("b")), Some("b"));
        assert_eq!(Text::text(&Cow::Borrowed("c")), Some("c"));
    }
}
