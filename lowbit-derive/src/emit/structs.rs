//! The impls of a struct: `Validate` with one check per rule, in field order,
//! and the `Through` impl (and a generic struct's `Field` impls) through
//! which other structs' dotted paths reach in.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;

use super::context::{Base, Context, Resolved, Scope};
use super::field_key;
use super::rules;
use crate::model::{Container, Field, Place, Struct};
use crate::vocab::Capability;

pub fn emit(container: &Container, body: &Struct) -> TokenStream {
    let krate = &container.krate;
    let mut cx = Context::new(&container.generics);
    let mut scope = Scope {
        krate,
        fields: &body.fields,
        base: Base::Struct,
        prefix: Vec::new(),
        cx: &mut cx,
    };
    let gate = if body.is_gated() {
        body.gate.as_ref()
    } else {
        None
    };
    let checks = checks(&mut scope, gate);
    let container_checks = super::groups::checks(&mut scope, body, gate.is_some());
    let checks =
        with_field_aliases::<TokenStream>(&body.fields, &[], quote!(#checks #container_checks));
    let assertions = if container.is_generic() {
        TokenStream::new()
    } else {
        super::assertions::one_of(&mut scope)
    };
    // Before `validate_impl`, which writes out the items both share.
    let shape = if cfg!(feature = "shape") {
        super::shape::for_struct(container, body, &mut scope)
    } else {
        TokenStream::new()
    };
    let validate = validate_impl(container, &cx, &checks);
    let shell = shell(container, body);
    quote! {
        #assertions
        #shape
        #validate
        #shell
    }
}

/// What a struct implements whatever its rules: `Describe`, and `Through`
/// with the serde names of its fields, through which dotted paths from
/// other structs step into it. A failed derive emits it too, so that those
/// paths still compile.
///
/// A dotted path's types are left to rustc to infer (see
/// `__private::reach`), except where the path starts at a field whose type
/// names the other struct's parameters: there the derive bounds its impl by
/// what the rules ask of the types on the path, so it must name them, and a
/// generic struct publishes each field's type as a `Field` impl. Only
/// generic structs: the impls cost every user compile time, per field.
pub fn shell(container: &Container, body: &Struct) -> TokenStream {
    let krate = &container.krate;
    let ident = &container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let field_impls = container
        .is_generic()
        .then_some(&body.fields)
        .into_iter()
        .flatten()
        .map(|field| {
            let key = field_key(&field.ident.unraw().to_string());
            let ty = &field.ty;
            let name = field.path_name();
            quote! {
                #[automatically_derived]
                impl #impl_generics #krate::__private::Field<#key> for #ident #ty_generics #where_clause {
                    type Type = #ty;
                    const NAME: &'static str = #name;
                }
            }
        });
    // Only the fields that paths spell otherwise than Rust does (renamed,
    // or flattened, which adds no segment): `field_name` answers the Rust
    // name for the others.
    let names: Vec<TokenStream> = body
        .fields
        .iter()
        .filter_map(|field| {
            let rust = field.ident.unraw().to_string();
            let name = field.path_name();
            (rust != name).then(|| quote!((#rust, #name)))
        })
        .collect();
    let fields = if names.is_empty() {
        TokenStream::new()
    } else {
        quote!(const FIELDS: &'static [(&'static str, &'static str)] = &[#(#names),*];)
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::__private::Through for #ident #ty_generics #where_clause {
            type Inner = Self;
            #fields
            #[inline]
            fn through(&self) -> ::core::option::Option<&Self> {
                ::core::option::Option::Some(self)
            }
        }
        #[automatically_derived]
        impl #impl_generics #krate::__private::Describe for #ident #ty_generics #where_clause {}
        #(#field_impls)*
    }
}

/// The checks of every rule on `scope`'s fields, in field order, each behind
/// `gate` unless it is `ungated`.
pub fn checks(scope: &mut Scope, gate: Option<&Place>) -> TokenStream {
    let gate_read = match gate {
        Some(gate) => {
            let Resolved { access, ty, .. } = scope.resolve(gate);
            let set = scope.call(
                &ty,
                gate.first().span(),
                Capability::IsSet,
                &quote!(&#access),
            );
            quote!(let __lowbit_gate: bool = #set;)
        }
        None => TokenStream::new(),
    };
    let fields = scope.fields;
    let checks: Vec<TokenStream> = crate::model::rules(fields)
        .map(|(_, rule)| {
            let check = rules::check(scope, rule);
            if gate.is_some() && !rule.ungated && !check.is_empty() {
                quote!(if __lowbit_gate { #check })
            } else {
                check
            }
        })
        .collect();
    quote!(#gate_read #(#checks)*)
}

/// `checks` followed, when a field has `#[serde(alias = "..")]`es and a
/// check failed, by the cold call that records them on what it reported, at
/// the table `below` the current location (empty for a struct, a variant's
/// prefix for an enum), so that a loader finds a value the file gives under
/// an alias. The valid path pays one comparison, and the fast path none;
/// fields without aliases expand to `checks` alone.
pub(super) fn with_field_aliases<T: quote::ToTokens>(
    fields: &[Field],
    below: &[T],
    checks: TokenStream,
) -> TokenStream {
    // A flattened field adds no segment for an alias to stand in for.
    let aliased: Vec<TokenStream> = fields
        .iter()
        .filter(|field| !field.aliases.is_empty() && !field.flatten)
        .map(|field| {
            let name = &field.name;
            let aliases = &field.aliases;
            quote!((#name, &[#(#aliases),*]))
        })
        .collect();
    if aliased.is_empty() || checks.is_empty() {
        return checks;
    }
    let (steps, at) = super::context::location_steps(below);
    quote! {
        let __lowbit_aliases_from = __lowbit_rt::Sink::mark(__lowbit_sink);
        #checks
        #(#steps)*
        __lowbit_rt::Sink::field_aliases(
            __lowbit_sink,
            __lowbit_aliases_from,
            #at,
            &[#(#aliased),*],
        );
    }
}

/// The `Validate` impl around the checks, with the bounds they need and the
/// items they share beside it. The checks are written once, in
/// `check_into`, generic over the sink: the compiler checks them once, and
/// `validate_into` and `is_valid_at` are each one call.
pub fn validate_impl(container: &Container, cx: &Context, checks: &TokenStream) -> TokenStream {
    let krate = &container.krate;
    let ident = &container.ident;
    let (impl_generics, ty_generics, _) = container.generics.split_for_impl();
    let where_clause = cx.bounds.where_clause(&container.generics);
    let block_items = cx.items();
    quote! {
        #block_items
        #[automatically_derived]
        #[allow(unused_qualifications, clippy::all, clippy::pedantic, clippy::nursery)]
        impl #impl_generics #krate::Validate for #ident #ty_generics #where_clause {
            #[inline]
            fn validate_into(
                &self,
                __lowbit_at: &#krate::Location<'_>,
                __lowbit_report: &mut #krate::Report,
            ) {
                <Self as #krate::Validate>::check_into(
                    self,
                    __lowbit_at,
                    &mut __lowbit_rt::Record(__lowbit_report),
                );
            }

            #[inline]
            fn is_valid_at(&self, __lowbit_at: &#krate::Location<'_>) -> bool {
                <Self as #krate::Validate>::check_into(self, __lowbit_at, &mut __lowbit_rt::Stop)
            }

            #[inline]
            fn check_into<__LowbitSink: __lowbit_rt::Sink>(
                &self,
                __lowbit_at: &#krate::Location<'_>,
                __lowbit_sink: &mut __LowbitSink,
            ) -> bool {
                #[allow(unused_imports)]
                use __lowbit_rt::{ValueOf as _, NoValue as _};
                #checks
                true
            }
        }
    }
}
