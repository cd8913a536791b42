//! The `#[derive(Validate)]` macro of lowbit. Use it through `lowbit-core`,
//! which re-exports it beside the trait of the same name; the code it
//! generates calls `lowbit-core`'s private API.
//!
//! The expansion runs in three stages with a typed IR between them: `parse`
//! reads the input into the IR of `ir`, `check` reports what is wrong with it, `emit`
//! writes the impls. Errors are accumulated across all three, and a failed
//! derive still emits an impl, so that the user sees only the real errors.

mod case;
mod check;
mod emit;
mod ir;
mod parse;
mod suggest;
mod tokens;

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
        custom
    )
)]
pub fn derive_validate(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    expand(input.into()).into()
}

/// The whole expansion, on `proc_macro2` tokens so that tests can call it.
/// Returns the impls, or the errors followed by a stub impl.
fn expand(input: TokenStream) -> TokenStream {
    let input: syn::DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let mut errors = darling::Error::accumulator();
    let container = parse::parse(&input, &mut errors);
    if let Some(container) = &container {
        check::check(container, &mut errors);
    }
    match (errors.finish(), container) {
        (Ok(()), Some(container)) => emit::emit(&container),
        (result, container) => {
            let krate = container.map_or_else(
                || syn::parse_quote!(::lowbit_core),
                |container| container.krate,
            );
            let errors = result
                .err()
                .map(darling::Error::write_errors)
                .unwrap_or_default();
            let stub = emit::stub(&input.ident, &input.generics, &krate);
            quote!(#errors #stub)
        }
    }
}

#[cfg(test)]
mod tests;
