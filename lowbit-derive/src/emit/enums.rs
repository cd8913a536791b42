//! The impls of an enum: its variant-name table, and what makes it usable in
//! rules (set, compared with names, described in reports).

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;

use crate::ir::{Container, Enum, Shape};

pub fn emit(container: &Container, body: &Enum) -> TokenStream {
    let krate = &container.krate;
    let hide = super::hide();
    let ident = &container.ident;
    let type_name = ident.unraw().to_string();
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let names = body.variants.iter().map(|variant| &variant.name);
    let rust_names = body
        .variants
        .iter()
        .map(|variant| variant.ident.unraw().to_string());
    let default = match body.default {
        Some(index) => quote!(::core::option::Option::Some(#index)),
        None => quote!(::core::option::Option::None),
    };
    let arms = body.variants.iter().enumerate().map(|(index, variant)| {
        let variant_ident = &variant.ident;
        let pattern = match variant.shape {
            Shape::Unit => quote!(Self::#variant_ident),
            Shape::Tuple => quote!(Self::#variant_ident(..)),
            Shape::Named => quote!(Self::#variant_ident { .. }),
        };
        quote!(#pattern => #index,)
    });
    let header = |trait_: TokenStream| {
        quote! {
            #[automatically_derived]
            impl #impl_generics #trait_ for #ident #ty_generics #where_clause
        }
    };
    let variant_names = header(quote!(#krate::VariantNames));
    let validate = header(quote!(#krate::Validate));
    let is_set = header(quote!(#krate::__private::IsSet));
    let choice = header(quote!(#krate::__private::Choice));
    let describe = header(quote!(#krate::__private::Describe));
    quote! {
        #variant_names {
            const TYPE_NAME: &'static str = #type_name;
            const NAMES: &'static [&'static str] = &[#(#names),*];
            const RUST_NAMES: &'static [&'static str] = &[#(#rust_names),*];
            const DEFAULT: ::core::option::Option<usize> = #default;
            #[inline]
            fn variant_index(&self) -> usize {
                match self {
                    #(#arms)*
                }
            }
        }
        #hide
        #validate {
            #[inline]
            fn validate_into(&self, _: &#krate::Location<'_>, _: &mut #krate::Report) {}
        }
        #hide
        #is_set {
            #[inline]
            fn is_set(&self) -> bool {
                match <Self as #krate::VariantNames>::DEFAULT {
                    ::core::option::Option::Some(__lowbit_default) => {
                        #krate::VariantNames::variant_index(self) != __lowbit_default
                    }
                    ::core::option::Option::None => true,
                }
            }
        }
        #hide
        #choice {
            const DOMAIN: #krate::__private::Domain = #krate::__private::Domain {
                type_name: <Self as #krate::VariantNames>::TYPE_NAME,
                names: <Self as #krate::VariantNames>::NAMES,
                rust_names: <Self as #krate::VariantNames>::RUST_NAMES,
                closed: true,
            };
            #[inline]
            fn present(&self) -> bool {
                true
            }
            #[inline]
            fn is(&self, __lowbit_index: usize, _: &str) -> bool {
                #krate::VariantNames::variant_index(self) == __lowbit_index
            }
        }
        #describe {
            fn describe(&self) -> ::core::option::Option<#krate::Value> {
                ::core::option::Option::Some(#krate::Value::Name(#krate::VariantNames::serde_name(self)))
            }
        }
    }
}
