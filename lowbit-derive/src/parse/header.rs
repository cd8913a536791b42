//! An item syn cannot read whole. The derive asks syn for the features
//! serde's derive asks for, which read every declaration serde reads but
//! not every expression Rust allows in one (a block as an array's length,
//! say). Then the user gets an error that says what to write instead, and a
//! stub impl read from the item's header, so that no call of `validate()`
//! adds errors of its own.

use proc_macro2::TokenStream;
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Generics, Ident, Token, Visibility};

/// The error to show for an item that did not parse: syn's own, unless it
/// is that syn was built without the expressions it met.
pub fn explain(error: syn::Error) -> syn::Error {
    let unchanged = error.clone();
    error
        .into_iter()
        .map(|each| {
            if each.to_string().contains("features=[\"full\"]") {
                syn::Error::new(
                    each.span(),
                    "`#[derive(Validate)]` reads a declaration as serde's derive does, and cannot read this expression; give it a name with a `const` item (`const LEN: usize = ..;`) and write the name here",
                )
            } else {
                each
            }
        })
        .reduce(|mut all, each| {
            all.combine(each);
            all
        })
        .unwrap_or(unchanged)
}

/// The name and generics of a struct, enum or union, read without its body.
pub fn header(tokens: TokenStream) -> Option<(Ident, Generics)> {
    let read = |input: ParseStream| {
        input.call(Attribute::parse_outer)?;
        input.parse::<Visibility>()?;
        if input.peek(Token![struct]) {
            input.parse::<Token![struct]>()?;
        } else if input.peek(Token![enum]) {
            input.parse::<Token![enum]>()?;
        } else {
            input.parse::<Token![union]>()?;
        }
        let ident: Ident = input.parse()?;
        let mut generics: Generics = input.parse()?;
        if input.peek(Token![where]) {
            generics.where_clause = Some(input.parse()?);
        }
        input.parse::<TokenStream>()?;
        Ok((ident, generics))
    };
    read.parse2(tokens).ok()
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::{explain, header};

    #[test]
    fn syns_missing_feature_is_explained_and_other_errors_kept() {
        // The unit tests build syn with `full`, so the message is made here
        // as syn without it writes it.
        let mut error = syn::Error::new(
            proc_macro2::Span::call_site(),
            "unsupported expression; enable syn's features=[\"full\"]",
        );
        error.combine(syn::Error::new(
            proc_macro2::Span::call_site(),
            "expected `,`",
        ));
        let messages: Vec<String> = explain(error)
            .into_iter()
            .map(|each| each.to_string())
            .collect();
        assert_eq!(messages.len(), 2);
        assert!(
            messages[0].contains("give it a name with a `const` item"),
            "{messages:?}"
        );
        assert_eq!(messages[1], "expected `,`");
    }

    #[test]
    fn header_reads_name_and_generics_whatever_the_body() {
        let (ident, generics) = header(quote! {
            #[doc = "a frame"]
            pub(crate) struct Frame<'a, T: Clone, const N: usize> where T: 'a {
                header: [u8; { const LEN: usize = 4; LEN }],
            }
        })
        .expect("a header");
        assert_eq!(ident, "Frame");
        assert_eq!(generics.params.len(), 3);
        assert!(generics.where_clause.is_some());
        assert!(
            header(quote!(
                fn frame() {}
            ))
            .is_none()
        );
    }
}
