//! From a path in the document to the bytes that hold it.

use std::fmt::Write as _;
use std::ops::Range;

use toml::Spanned;
use toml::de::DeValue;

use super::probe::Step;

/// Where a path leads in a document.
pub(crate) enum Place {
    /// The value is there.
    Found {
        /// Its key, unless it is an array item or the root.
        key: Option<Range<usize>>,
        /// The value; for a table with a header, the header.
        value: Range<usize>,
    },
    /// The document leaves it out.
    Missing {
        /// The nearest table (or value) on the path that is present.
        holder: Range<usize>,
        /// How many steps of the path are present.
        present: usize,
    },
}

/// Follows `steps` from `root`.
pub(crate) fn locate(root: &Spanned<DeValue<'_>>, steps: &[Step]) -> Place {
    let mut here = root;
    let mut key = None;
    for (present, step) in steps.iter().enumerate() {
        let next = match (step, here.get_ref()) {
            (Step::Field(name) | Step::Key(name), DeValue::Table(table)) => table
                .get_key_value(name.as_str())
                .map(|(name, value)| (Some(name.span()), value)),
            (Step::Index(index), DeValue::Array(array)) => {
                array.get(*index).map(|item| (None, item))
            }
            _ => None,
        };
        match next {
            Some((name, value)) => {
                key = name;
                here = value;
            }
            None => {
                return Place::Missing {
                    holder: here.span(),
                    present,
                };
            }
        }
    }
    Place::Found {
        key,
        value: here.span(),
    }
}

/// Removes the key `steps` lead to (for an array item, the whole array),
/// so that reading the rest can go on. Whether there was one to remove.
pub(crate) fn remove(root: &mut Spanned<DeValue<'_>>, steps: &[Step]) -> Option<usize> {
    let last = steps
        .iter()
        .rposition(|step| matches!(step, Step::Field(_) | Step::Key(_)))?;
    let mut here = root;
    for step in &steps[..last] {
        here = match (step, here.get_mut()) {
            (Step::Field(name) | Step::Key(name), DeValue::Table(table)) => {
                table.get_mut(name.as_str())?
            }
            (Step::Index(index), DeValue::Array(array)) => array.get_mut(*index)?,
            _ => return None,
        };
    }
    match (&steps[last], here.get_mut()) {
        (Step::Field(name) | Step::Key(name), DeValue::Table(table)) => {
            table.remove(name.as_str()).map(|_| last + 1)
        }
        _ => None,
    }
}

/// The path as lowbit spells paths: `model.rho.compression`,
/// `layers["enc"].bits`, `sections[1]`.
pub(crate) fn display(steps: &[Step]) -> String {
    let mut text = String::new();
    for step in steps {
        match step {
            Step::Field(name) if text.is_empty() => text.push_str(name),
            Step::Field(name) => {
                text.push('.');
                text.push_str(name);
            }
            // Writing to a `String` cannot fail.
            Step::Key(key) => drop(write!(text, "[{key:?}]")),
            Step::Index(index) => drop(write!(text, "[{index}]")),
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml::de::DeTable;

    fn document(source: &str) -> Spanned<DeValue<'_>> {
        let table = DeTable::parse(source).unwrap();
        Spanned::new(table.span(), DeValue::Table(table.into_inner()))
    }

    fn field(name: &str) -> Step {
        Step::Field(name.to_owned())
    }

    #[test]
    fn a_present_value_is_found_with_its_key() {
        let source = "[a]\nb = [1, { c = 2 }]\n";
        let root = document(source);
        let steps = [field("a"), field("b"), Step::Index(1), field("c")];
        let Place::Found { key, value } = locate(&root, &steps) else {
            panic!("not found");
        };
        assert_eq!(&source[key.unwrap()], "c");
        assert_eq!(&source[value], "2");
    }

    #[test]
    fn a_missing_value_points_at_the_nearest_table() {
        let source = "x = 1\n[a.b]\nc = 2\n";
        let root = document(source);
        let Place::Missing { holder, present } =
            locate(&root, &[field("a"), field("b"), field("d"), field("e")])
        else {
            panic!("found");
        };
        assert_eq!(&source[holder], "[a.b]");
        assert_eq!(present, 2);
    }

    #[test]
    fn removing_an_item_removes_its_array() {
        let mut root = document("a = [1, 2]\nb = 3\n");
        let steps = [field("a"), Step::Index(1)];
        assert_eq!(remove(&mut root, &steps), Some(1));
        assert!(matches!(
            locate(&root, &steps),
            Place::Missing { present: 0, .. }
        ));
        assert_eq!(remove(&mut root, &[field("z")]), None);
    }

    #[test]
    fn paths_display_as_lowbit_paths() {
        let steps = [
            field("layers"),
            Step::Key("enc".into()),
            Step::Index(2),
            field("bits"),
        ];
        assert_eq!(display(&steps), r#"layers["enc"][2].bits"#);
    }
}
