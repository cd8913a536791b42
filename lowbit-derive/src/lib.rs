//! The `#[derive(Validate)]` macro of lowbit. Use it through `lowbit-core`,
//! which re-exports it beside the trait of the same name; the code it
//! generates calls `lowbit-core`'s private API.
//!
//! The expansion runs in three stages: `parse` reads the input into the
//! parsed IR of `ir`; `check` reports what is wrong with it and makes the
//! checked model of `model`; `emit` writes the impls from the model alone.
//! The rules and their options are one table, in `vocab`. Errors are
//! accumulated across the stages, and a failed derive still emits every
//! impl but the rules' checks, so that the user sees only the real errors.

mod case;
mod check;
mod emit;
mod errors;
mod ir;
mod literal;
mod model;
mod parse;
mod suggest;
mod tokens;
mod vocab;

use proc_macro2::TokenStream;
use quote::quote;

/// Derives `lowbit_core::Validate`. See the lowbit-core documentation and the
/// README for the rules and their options.
#[proc_macro_derive(
    Validate,
    attributes(
        validate,
        one_of,
        none_of,
        requires,
        only_if,
        required_if,
        conflicts_with,
        nested,
        range,
        length,
        non_empty,
        custom,
        forbidden,
        multiple_of,
        items,
        keys,
        prefix,
        suffix,
        contains,
        does_not_contain,
        ascii,
        alphanumeric,
        required,
        ip,
        ipv4,
        ipv6,
        unique,
        pattern,
        url,
        email
    )
)]
pub fn derive_validate(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    expand(input.into()).into()
}

/// The whole expansion, on `proc_macro2` tokens so that tests can call it.
/// Returns the impls, or the errors followed by a stub impl.
fn expand(input: TokenStream) -> TokenStream {
    let input: syn::DeriveInput = match syn::parse2(input.clone()) {
        Ok(input) => input,
        Err(error) => {
            let error = parse::header::explain(error).to_compile_error();
            let stub = parse::header::header(input)
                .map(|(ident, generics)| emit::bare_stub(&ident, &generics));
            return quote!(#error #stub);
        }
    };
    let mut errors = errors::Errors::default();
    let model = parse::parse(&input, &mut errors).map(|parsed| check::check(&parsed, &mut errors));
    match (errors.finish(), model) {
        (None, Some(model)) => emit::emit(&model),
        (errors, model) => {
            let stub = match model {
                Some(model) => emit::stub(model),
                None => emit::bare_stub(&input.ident, &input.generics),
            };
            quote!(#errors #stub)
        }
    }
}

#[cfg(test)]
mod tests;
