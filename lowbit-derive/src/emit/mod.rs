//! Emit: the IR to the impls. Everything is wrapped in `const _: () = { .. };`
//! and names lowbit-core by the container's crate path; locals start with
//! `__lowbit_` so that no user name can shadow or be shadowed by them.

mod cond;
mod enums;
mod message;
mod shape;
mod structs;

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{Body, Container};

pub fn emit(container: &Container) -> TokenStream {
    let items = match &container.body {
        Body::Struct(body) => structs::emit(container, body),
        Body::Enum(body) => enums::emit(container, body),
    };
    quote! {
        const _: () = {
            #items
        };
    }
}

/// What a failed derive still emits: an impl with no rules, so that the
/// user's other code keeps compiling and only the real errors show.
pub fn stub(ident: &syn::Ident, generics: &syn::Generics, krate: &syn::Path) -> TokenStream {
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        const _: () = {
            #[automatically_derived]
            impl #impl_generics #krate::Validate for #ident #ty_generics #where_clause {
                fn validate_into(
                    &self,
                    _: &#krate::Location<'_>,
                    _: &mut #krate::Report,
                ) {}
            }
        };
    }
}

/// `#[diagnostic::do_not_recommend]` for the impls of types that derive
/// inside lowbit-core itself, so that rustc's lists of "other types that
/// implement" a trait do not fill with lowbit's own config types in every
/// user's errors. User crates get nothing: one that is
/// `#![no_implicit_prelude]` cannot name the `diagnostic` namespace.
pub fn hide() -> TokenStream {
    // Cargo names the crate being compiled to the compiler, and so to us.
    if std::env::var("CARGO_CRATE_NAME").is_ok_and(|name| name == "lowbit_core") {
        quote!(#[diagnostic::do_not_recommend])
    } else {
        TokenStream::new()
    }
}

/// FNV-1a of a field's Rust name: the key of its `Field` impl, through which
/// dotted paths reach it from other structs.
pub fn field_key(name: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in name.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}
