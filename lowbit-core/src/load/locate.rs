//! From a path to the value in the document it leads to: the one walk that
//! every lookup in a document takes, whether for the bytes to point at, the
//! value to explain, or the entry to take out. It works on any format's
//! tree of spans, through [`Tree`].

use std::borrow::Cow;
use std::ops::Range;

use super::Tree;
use crate::PathSegment;

/// How far a path goes into a document.
pub(crate) struct Reach<'v, V> {
    /// The value the path leads to when the document has all of it;
    /// otherwise the last value on the path that it has (the table that
    /// would hold the rest).
    pub(crate) value: &'v V,
    /// The key of `value` in its table, unless it is an array item or the
    /// root.
    pub(crate) key: Option<Range<usize>>,
    /// How many segments of the path the document has.
    pub(crate) present: usize,
    /// Whether that is all of them.
    whole: bool,
}

impl<'v, V> Reach<'v, V> {
    /// The value the path leads to, when the document has it.
    pub(crate) fn found(&self) -> Option<&'v V> {
        self.whole.then_some(self.value)
    }
}

/// Follows `path` from `root` as far as the document goes.
pub(crate) fn walk<'v, V: Tree>(root: &'v V, path: &[PathSegment]) -> Reach<'v, V> {
    walk_aliased(root, path, |_| &[])
}

/// As [`walk`], where a field the table does not hold under its serde name
/// may be there under one of its `aliases(index)`, which serde reads as
/// the field.
pub(crate) fn walk_aliased<'v, V: Tree>(
    root: &'v V,
    path: &[PathSegment],
    aliases: impl Fn(usize) -> &'static [&'static str],
) -> Reach<'v, V> {
    let mut reach = Reach {
        value: root,
        key: None,
        present: 0,
        whole: true,
    };
    for (index, segment) in path.iter().enumerate() {
        let child = reach.value.child(segment).or_else(|| {
            aliases(index)
                .iter()
                .find_map(|alias| reach.value.child(&PathSegment::Field(Cow::Borrowed(alias))))
        });
        let Some((key, value)) = child else {
            reach.whole = false;
            break;
        };
        reach.key = key;
        reach.value = value;
        reach.present += 1;
    }
    reach
}

/// Takes the entry `path` leads to out of its table, and returns its value;
/// `None` when the document has no such entry (or `path` ends at an array
/// item, which cannot be taken out alone).
///
/// The mutable twin of [`walk`]: the one place a document is changed.
pub(crate) fn take<V: Tree>(root: &mut V, path: &[PathSegment]) -> Option<V> {
    let (last, parents) = path.split_last()?;
    let mut here = root;
    for segment in parents {
        here = here.child_mut(segment)?;
    }
    here.remove(last.key()?)
}

/// Cuts what `path` leads to out of the document, so that reading the rest
/// can go on: the entry, or for an array item the array's whole entry.
/// How many segments the path to what was cut has.
pub(crate) fn cut<V: Tree>(root: &mut V, path: &[PathSegment]) -> Option<usize> {
    let last = path.iter().rposition(|segment| segment.key().is_some())?;
    take(root, &path[..=last]).map(|_| last + 1)
}

#[cfg(all(test, feature = "toml"))]
mod tests {
    use super::*;
    use toml::Spanned;
    use toml::de::{DeTable, DeValue};

    fn document(source: &str) -> Spanned<DeValue<'_>> {
        let table = DeTable::parse(source).unwrap();
        Spanned::new(table.span(), DeValue::Table(table.into_inner()))
    }

    fn field(name: &'static str) -> PathSegment {
        PathSegment::Field(name.into())
    }

    #[test]
    fn a_present_value_is_found_with_its_key() {
        let source = "[a]\nb = [1, { c = 2 }]\n";
        let root = document(source);
        let path = [field("a"), field("b"), PathSegment::Index(1), field("c")];
        let reach = walk(&root, &path);
        let value = reach.found().expect("found");
        assert_eq!(&source[reach.key.unwrap()], "c");
        assert_eq!(&source[value.span()], "2");
        assert_eq!(reach.present, 4);
    }

    #[test]
    fn a_map_key_is_looked_up_as_a_field_is() {
        let source = "[layers.enc]\nbits = 4\n";
        let root = document(source);
        let path = [
            field("layers"),
            PathSegment::Key("enc".into()),
            field("bits"),
        ];
        let value = walk(&root, &path).found().expect("found");
        assert_eq!(&source[value.span()], "4");
    }

    #[test]
    fn a_missing_value_points_at_the_nearest_table() {
        let source = "x = 1\n[a.b]\nc = 2\n";
        let root = document(source);
        let reach = walk(&root, &[field("a"), field("b"), field("d"), field("e")]);
        assert!(reach.found().is_none());
        assert_eq!(&source[reach.value.span()], "[a.b]");
        assert_eq!(reach.present, 2);
        // An index into a table goes no further than the table.
        let reach = walk(&root, &[field("a"), PathSegment::Index(0)]);
        assert!(reach.found().is_none());
        assert_eq!(reach.present, 1);
    }

    #[test]
    fn a_field_absent_under_its_name_is_found_under_an_alias() {
        let source = "[model.quant]\nold_bits = 9\n";
        let root = document(source);
        let path = [field("model"), field("quant"), field("bits")];
        assert!(walk(&root, &path).found().is_none());
        let aliases = |index| -> &'static [&'static str] {
            if index == 2 {
                &["bitz", "old_bits"]
            } else {
                &[]
            }
        };
        let reach = walk_aliased(&root, &path, aliases);
        let value = reach.found().expect("found under its alias");
        assert_eq!(&source[reach.key.unwrap()], "old_bits");
        assert_eq!(&source[value.span()], "9");
        // An alias only stands in for the segment it belongs to.
        let elsewhere =
            |index| -> &'static [&'static str] { if index == 1 { &["old_bits"] } else { &[] } };
        assert_eq!(walk_aliased(&root, &path, elsewhere).present, 2);
    }

    #[test]
    fn taking_an_entry_leaves_the_rest() {
        let source = "[a]\nb = 1\nc = 2\n";
        let mut root = document(source);
        let taken = take(&mut root, &[field("a"), field("b")]).expect("taken");
        assert_eq!(&source[taken.span()], "1");
        assert!(walk(&root, &[field("a"), field("b")]).found().is_none());
        assert!(walk(&root, &[field("a"), field("c")]).found().is_some());
        assert!(take(&mut root, &[field("a"), field("b")]).is_none());
        assert!(take(&mut root, &[]).is_none());
    }

    #[test]
    fn cutting_an_item_cuts_its_array() {
        let mut root = document("a = [1, 2]\nb = 3\n");
        let path = [field("a"), PathSegment::Index(1)];
        assert_eq!(cut(&mut root, &path), Some(1));
        assert_eq!(walk(&root, &path).present, 0);
        assert!(walk(&root, &[field("b")]).found().is_some());
        assert_eq!(cut(&mut root, &[field("z")]), None);
    }
}
