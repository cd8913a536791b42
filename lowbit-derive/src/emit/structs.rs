//! The impls of a struct: `Validate` with one check per rule, in field order,
//! and the `Field` impls through which other structs' dotted paths reach in.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;

use super::context::{Base, Context, Resolved, Scope};
use super::field_key;
use super::rules::{self, Mode};
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
    let Bodies { report, holds } = bodies(&mut scope, gate);
    let (container_report, container_holds) =
        super::groups::bodies(&mut scope, body, gate.is_some());
    let report = with_field_aliases(krate, &body.fields, quote!(#report #container_report));
    let holds = quote!(#holds #container_holds);
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
    let validate = validate_impl(container, &cx, &report, &holds);
    let shell = shell(container, body);
    quote! {
        #assertions
        #shape
        #validate
        #shell
    }
}

/// What a struct implements whatever its rules: `Describe`, and a `Field`
/// impl per field. A failed derive emits it too, so that dotted paths into
/// the struct from elsewhere still compile.
pub fn shell(container: &Container, body: &Struct) -> TokenStream {
    let krate = &container.krate;
    let ident = &container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let field_impls = body.fields.iter().map(|field| {
        let key = field_key(&field.ident.unraw().to_string());
        let ty = &field.ty;
        // A flattened field adds no segment to the paths that pass through it.
        let name = field.path_name();
        quote! {
            #[automatically_derived]
            impl #impl_generics #krate::__private::Field<#key> for #ident #ty_generics #where_clause {
                type Type = #ty;
                const NAME: &'static str = #name;
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::__private::Through for #ident #ty_generics #where_clause {
            type Inner = Self;
            #[inline]
            fn through(&self) -> ::core::option::Option<&Self> {
                ::core::option::Option::Some(self)
            }
        }
        #[automatically_derived]
        impl #impl_generics #krate::__private::Describe for #ident #ty_generics #where_clause {
            fn describe(&self) -> ::core::option::Option<#krate::Value> {
                ::core::option::Option::None
            }
        }
        #(#field_impls)*
    }
}

/// The statements of `validate_into` and of `is_valid_with` for one set of
/// fields.
pub struct Bodies {
    pub report: TokenStream,
    pub holds: TokenStream,
}

/// The checks of every rule on `scope`'s fields, in field order, each behind
/// `gate` unless it is `ungated`.
pub fn bodies(scope: &mut Scope, gate: Option<&Place>) -> Bodies {
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
    let mut checks = |mode: Mode| -> TokenStream {
        let checks: Vec<TokenStream> = crate::model::rules(fields)
            .map(|(_, rule)| {
                let check = rules::check(scope, rule, mode);
                // A `warn` rule has no check on the fast path.
                if gate.is_some() && !rule.ungated && !check.is_empty() {
                    quote!(if __lowbit_gate { #check })
                } else {
                    check
                }
            })
            .collect();
        quote!(#gate_read #(#checks)*)
    };
    let report = checks(Mode::Report);
    let holds = checks(Mode::Holds);
    Bodies { report, holds }
}

/// `report` followed, when a field has `#[serde(alias = "..")]`es and a
/// check failed, by the cold call that records them on what it reported, so
/// that a loader finds a value the file gives under an alias. The valid
/// path pays one comparison.
fn with_field_aliases(krate: &syn::Path, fields: &[Field], report: TokenStream) -> TokenStream {
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
    if aliased.is_empty() || report.is_empty() {
        return report;
    }
    quote! {
        let __lowbit_aliases_from = #krate::Report::len(__lowbit_report);
        #report
        if #krate::Report::len(__lowbit_report) > __lowbit_aliases_from {
            #krate::__private::field_aliases(
                __lowbit_report,
                __lowbit_aliases_from,
                __lowbit_at,
                &[#(#aliased),*],
            );
        }
    }
}

/// The `Validate` impl around the checks, with the bounds they need and the
/// items they share beside it.
pub fn validate_impl(
    container: &Container,
    cx: &Context,
    report: &TokenStream,
    holds: &TokenStream,
) -> TokenStream {
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
                #[allow(unused_imports)]
                use #krate::__private::{ValueOf as _, NoValue as _};
                #report
            }

            #[inline]
            fn is_valid_with(&self, __lowbit_context: &dyn ::core::any::Any) -> bool {
                <Self as #krate::Validate>::is_valid_at_depth(self, __lowbit_context, 0)
            }

            #[inline]
            fn is_valid_at_depth(
                &self,
                __lowbit_context: &dyn ::core::any::Any,
                __lowbit_depth: usize,
            ) -> bool {
                #holds
                true
            }
        }
    }
}
