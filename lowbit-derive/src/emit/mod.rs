//! Emit: the checked model to the impls. Everything is wrapped in
//! `const _: () = { .. };` and names lowbit-core by the container's crate
//! path, its private module as `__lowbit_rt`; locals start with
//! `__lowbit_` so that no user name can shadow or be shadowed by them.
//!
//! `context` holds what the checks of a derive share and how places and
//! capabilities become tokens, `cond` writes conditions, `rules` the check
//! of each rule (`items` that of the rules inside `items(..)` and
//! `keys(..)`), `structs` and `enums` the impls around them, `assertions`
//! the compile-time checks of names, `hashed` the hashes names are looked
//! up by, `message` the default messages and `shape` the rules as data.

mod assertions;
mod cond;
mod context;
mod enums;
mod groups;
mod hashed;
mod items;
mod message;
mod rules;
mod shape;
mod structs;

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Body, Container};

pub fn emit(container: &Container) -> TokenStream {
    let items = match &container.body {
        Body::Struct(body) => structs::emit(container, body),
        Body::Enum(body) => enums::emit(container, body),
    };
    let krate = &container.krate;
    // Generated code names lowbit-core's private items through one short
    // path, so that the derive writes, and rustc reads, fewer tokens; the
    // name starts with `__lowbit_`, which no user name does.
    quote! {
        const _: () = {
            #[allow(unused_imports)]
            use #krate::__private as __lowbit_rt;
            #items
        };
    }
}

/// What a failed derive emits: every impl the real expansion would, with no
/// rules to check, so that the user's other code (rules of other types that
/// name this one, dotted paths into it) keeps compiling and only the real
/// errors show.
pub fn stub(mut container: Container) -> TokenStream {
    let fields = match &mut container.body {
        Body::Struct(body) => {
            body.gate = None;
            body.groups.clear();
            body.checks.clear();
            vec![&mut body.fields]
        }
        Body::Enum(body) => body
            .variants
            .iter_mut()
            .map(|variant| &mut variant.fields)
            .collect(),
    };
    for field in fields.into_iter().flatten() {
        field.rules.clear();
    }
    emit(&container)
}

/// What a derive on an input it cannot take at all (a union, a tuple
/// struct) emits beside its error: `Validate` with nothing to check.
pub fn bare_stub(ident: &syn::Ident, generics: &syn::Generics) -> TokenStream {
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        const _: () = {
            #[automatically_derived]
            impl #impl_generics ::lowbit_core::Validate for #ident #ty_generics #where_clause {
                fn validate_into(
                    &self,
                    _: &::lowbit_core::Location<'_>,
                    _: &mut ::lowbit_core::Report,
                ) {}
            }
        };
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
