//! Doc comments, for the shape's descriptions (`lowbit_core::shape`). Read
//! only with the feature `shape`: without it no shape is emitted, and the
//! text would be carried for nothing.

/// The `///` lines (`#[doc = ".."]` attributes) of an item as rustdoc
/// renders their paragraphs: a leading space trimmed from each line, the
/// lines of a paragraph joined by a space, paragraphs by a blank line.
pub fn read(attrs: &[syn::Attribute]) -> String {
    if !cfg!(feature = "shape") {
        return String::new();
    }
    let mut lines = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("doc")) {
        if let syn::Meta::NameValue(meta) = &attr.meta
            && let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(text),
                ..
            }) = &meta.value
        {
            // A bare `///` is an empty attribute: a line all the same.
            lines.extend(text.value().split('\n').map(str::to_owned));
        }
    }
    paragraphs(&lines)
}

/// `lines` as paragraphs: see [`read`].
pub fn paragraphs(lines: &[String]) -> String {
    let mut out = String::new();
    // Whether a paragraph is open, and whether a blank line closed it.
    let (mut open, mut broken) = (false, false);
    for line in lines {
        let line = line.strip_prefix(' ').unwrap_or(line).trim_end();
        if line.trim().is_empty() {
            broken = open;
            continue;
        }
        if broken {
            out.push_str("\n\n");
        } else if open {
            out.push(' ');
        }
        out.push_str(line.trim_start());
        (open, broken) = (true, false);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::paragraphs;

    fn of(lines: &[&str]) -> String {
        paragraphs(
            &lines
                .iter()
                .map(|line| (*line).to_owned())
                .collect::<Vec<_>>(),
        )
    }

    #[test]
    fn lines_join_and_blank_lines_break() {
        assert_eq!(
            of(&[" One", " two.", "", "", " Three."]),
            "One two.\n\nThree."
        );
        assert_eq!(of(&["", " Lead.", ""]), "Lead.");
        assert_eq!(of(&["No space", "  indented"]), "No space indented");
        assert_eq!(of(&[]), "");
        assert_eq!(of(&["a\r", "\t", "b"]), "a\n\nb");
    }
}
