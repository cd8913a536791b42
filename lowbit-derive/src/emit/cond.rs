//! Places and conditions as Rust expressions over `self`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::ext::IdentExt;

use super::field_key;
use crate::ir::{Cond, FieldDef, Lit, Place, Test};

/// A place resolved against the struct: how to reach it, its type, and the
/// serde names of its segments (expressions, since a nested struct's names
/// are known only to its own derive).
pub struct Resolved {
    pub access: TokenStream,
    pub ty: TokenStream,
    pub segments: Vec<TokenStream>,
}

pub struct Scope<'a> {
    pub krate: &'a syn::Path,
    pub fields: &'a [FieldDef],
}

impl Scope<'_> {
    /// Resolves a place whose first segment the checks found among the fields.
    pub fn resolve(&self, place: &Place) -> Resolved {
        let krate = self.krate;
        let first = place.first();
        let field = self
            .fields
            .iter()
            .find(|field| field.ident.unraw() == first.unraw())
            .expect("checked: places start at a field");
        let ident = &field.ident;
        let field_ty = &field.ty;
        let name = &field.name;
        let mut resolved = Resolved {
            access: quote!(self.#ident),
            ty: quote!(#field_ty),
            segments: vec![quote!(#name)],
        };
        for segment in &place.segments[1..] {
            let key = field_key(&segment.unraw().to_string());
            let ty = &resolved.ty;
            let access = &resolved.access;
            resolved.segments.push(quote_spanned! {segment.span()=>
                <#ty as #krate::__private::Field<#key>>::NAME
            });
            resolved.access = quote!(#access.#segment);
            resolved.ty = quote_spanned! {segment.span()=>
                <#ty as #krate::__private::Field<#key>>::Type
            };
        }
        resolved
    }

    pub fn cond(&self, cond: &Cond) -> TokenStream {
        let krate = self.krate;
        match cond {
            Cond::Set(place) => {
                let access = self.resolve(place).access;
                let span = place.first().span();
                quote_spanned!(span=> #krate::__private::is_set(&#access))
            }
            Cond::Test(place, test) => {
                let Resolved { access, ty, .. } = self.resolve(place);
                self.test(&quote!(&#access), &ty, test)
            }
            Cond::Not(inner) => {
                let inner = self.cond(inner);
                quote!(!(#inner))
            }
            Cond::All(conds) => {
                let conds = conds.iter().map(|cond| self.cond(cond));
                quote!((#(#conds)&&*))
            }
            Cond::Any(conds) => {
                let conds = conds.iter().map(|cond| self.cond(cond));
                quote!((#(#conds)||*))
            }
            Cond::Every(place, test) | Cond::Some(place, test) => {
                let Resolved { access, ty, .. } = self.resolve(place);
                let span = place.first().span();
                let item_ty = quote_spanned!(span=> <#ty as #krate::__private::Items>::Item);
                let test = self.test(&quote!(__lowbit_item), &item_ty, test);
                let method = if let Cond::Every(..) = cond {
                    quote!(all)
                } else {
                    quote!(any)
                };
                quote_spanned! {span=>
                    #krate::__private::items(&#access).#method(|__lowbit_item| #test)
                }
            }
        }
    }

    /// `value` (an expression of type `&ty`) passes `test`.
    pub fn test(&self, value: &TokenStream, ty: &TokenStream, test: &Test) -> TokenStream {
        match test {
            Test::Eq(lit) => self.equals(value, ty, lit),
            Test::Ne(lit) => {
                let equals = self.equals(value, ty, lit);
                quote!(!(#equals))
            }
            Test::In(lits) => self.any_of(value, ty, lits),
        }
    }

    pub fn any_of(&self, value: &TokenStream, ty: &TokenStream, lits: &[Lit]) -> TokenStream {
        let tests = lits.iter().map(|lit| self.equals(value, ty, lit));
        quote!((#(#tests)||*))
    }

    /// Whether `value` holds anything to compare with literals like `lit`.
    pub fn present(&self, value: &TokenStream, lit: &Lit) -> TokenStream {
        let krate = self.krate;
        let span = lit.span();
        match lit {
            Lit::Str(_) => quote_spanned!(span=> #krate::__private::present(#value)),
            Lit::Bool(_) => quote_spanned!(span=> #krate::__private::flag(#value).is_some()),
            Lit::Int(_) | Lit::Float(_) => {
                quote_spanned!(span=> #krate::__private::scalar(#value).is_some())
            }
        }
    }

    /// `value == lit`. A name is looked up in the type's names at compile
    /// time, spanned on the literal, so that an unknown name is an error there;
    /// at run time an enum is compared by variant index.
    pub fn equals(&self, value: &TokenStream, ty: &TokenStream, lit: &Lit) -> TokenStream {
        let krate = self.krate;
        let span = lit.span();
        match lit {
            Lit::Str(text) => quote_spanned! {span=>
                #krate::__private::is(#value, {
                    const __LOWBIT_INDEX: usize = #krate::__private::lookup::<#ty>(#text);
                    __LOWBIT_INDEX
                }, #text)
            },
            Lit::Bool(flag) => quote_spanned! {span=>
                #krate::__private::flag(#value) == ::core::option::Option::Some(#flag)
            },
            Lit::Int(number) => quote_spanned! {span=>
                #krate::__private::scalar(#value).is_some_and(|__lowbit_number| #krate::__private::equal(__lowbit_number, &#number))
            },
            Lit::Float(number) => quote_spanned! {span=>
                #krate::__private::scalar(#value).is_some_and(|__lowbit_number| #krate::__private::equal(__lowbit_number, &#number))
            },
        }
    }
}
