//! Questions about token streams that more than one stage asks.

use proc_macro2::{TokenStream, TokenTree};

/// Whether `tokens` name any of `names` (a type made of the container's
/// generic parameters, say), at any depth.
pub fn mentions(tokens: &TokenStream, names: &[String]) -> bool {
    tokens.clone().into_iter().any(|token| match token {
        TokenTree::Ident(ident) => names.iter().any(|name| ident == name),
        TokenTree::Group(group) => mentions(&group.stream(), names),
        _ => false,
    })
}
