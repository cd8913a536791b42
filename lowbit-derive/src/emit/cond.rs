//! Places and conditions as Rust expressions over `self`.

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use std::cell::RefCell;

use quote::{format_ident, quote, quote_spanned};
use syn::Ident;
use syn::ext::IdentExt;

use super::field_key;
use crate::ir::{Cond, FieldDef, Lit, Place, Test};

/// A place resolved against the struct: how to reach it, its type, and the
/// serde names of its segments (expressions, since a nested struct's names
/// are known only to its own derive).
pub struct Resolved {
    pub access: TokenStream,
    pub ty: Ty,
    pub segments: Vec<TokenStream>,
}

/// A place's type, and where errors about it belong: on the segment that
/// names a nested field (so that all errors of a misspelled segment are the
/// same one), or, for a field of this struct, on the literal that uses it.
#[derive(Clone)]
pub struct Ty {
    pub tokens: TokenStream,
    pub blame: Option<Span>,
}

pub struct Scope<'a> {
    pub krate: &'a syn::Path,
    pub fields: &'a [FieldDef],
    /// Type aliases of the places below a field, by their text: a nested
    /// field's type is named once, spanned on its segment, so that a
    /// misspelled segment is one error there, whatever blames its type.
    pub aliases: RefCell<Vec<(String, Ident, TokenStream)>>,
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
            ty: Ty {
                tokens: quote!(#field_ty),
                blame: None,
            },
            segments: if field.flatten {
                Vec::new()
            } else {
                vec![quote!(#name)]
            },
        };
        let mut text = first.unraw().to_string();
        for segment in &place.segments[1..] {
            let key = field_key(&segment.unraw().to_string());
            let ty = &resolved.ty.tokens;
            let access = &resolved.access;
            let field = respan(
                quote!(<#ty as #krate::__private::Field<#key>>),
                segment.span(),
            );
            text = format!("{text}.{}", segment.unraw());
            resolved.segments.push(quote!(#field::NAME));
            resolved.access = quote!(#access.#segment);
            resolved.ty = Ty {
                tokens: self.alias(&text, quote!(#field::Type)),
                blame: Some(segment.span()),
            };
        }
        resolved
    }

    fn alias(&self, text: &str, ty: TokenStream) -> TokenStream {
        let mut aliases = self.aliases.borrow_mut();
        if let Some((_, ident, _)) = aliases.iter().find(|(known, ..)| known == text) {
            return quote!(#ident);
        }
        let ident = format_ident!("__LowbitPlace{}", aliases.len());
        aliases.push((text.to_owned(), ident.clone(), ty));
        quote!(#ident)
    }

    /// The declarations of the aliases `resolve` made.
    pub fn alias_items(&self) -> TokenStream {
        let aliases = self.aliases.borrow();
        let items = aliases.iter().map(|(_, ident, ty)| {
            quote! {
                #[allow(dead_code)]
                type #ident = #ty;
            }
        });
        quote!(#(#items)*)
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
                let tokens = &ty.tokens;
                let item_ty = Ty {
                    tokens: respan(
                        quote!(<#tokens as #krate::__private::Items>::Item),
                        ty.blame.unwrap_or(span),
                    ),
                    blame: ty.blame,
                };
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
    pub fn test(&self, value: &TokenStream, ty: &Ty, test: &Test) -> TokenStream {
        match test {
            Test::Eq(lit) => self.equals(value, ty, lit),
            Test::Ne(lit) => {
                let equals = self.equals(value, ty, lit);
                quote!(!(#equals))
            }
            Test::In(lits) => self.any_of(value, ty, lits),
        }
    }

    /// `value` is one of `lits`; a type that cannot be compared is blamed
    /// once, on the first literal.
    pub fn any_of(&self, value: &TokenStream, ty: &Ty, lits: &[Lit]) -> TokenStream {
        let blame = lits[0].span();
        let tests = lits
            .iter()
            .map(|lit| self.equals_blaming(value, ty, lit, blame));
        quote!((#(#tests)||*))
    }

    /// Whether `value` holds anything to compare with literals like `lit`.
    pub fn present(&self, value: &TokenStream, ty: &Ty, lit: &Lit) -> TokenStream {
        let krate = self.krate;
        let span = lit.span();
        match lit {
            Lit::Str(_) => {
                let choice = self.choice(ty, span);
                quote!(#choice::present(#value))
            }
            Lit::Bool(_) => quote_spanned!(span=> #krate::__private::flag(#value).is_some()),
            Lit::Int(_) | Lit::Float(_) => {
                quote_spanned!(span=> #krate::__private::scalar(#value).is_some())
            }
        }
    }

    pub fn equals(&self, value: &TokenStream, ty: &Ty, lit: &Lit) -> TokenStream {
        self.equals_blaming(value, ty, lit, lit.span())
    }

    /// `<ty as Choice>`, spanned on `blame`: every use of it in a rule is
    /// spanned alike, so that a type that cannot be compared with names gets
    /// one error, not one per use.
    fn choice(&self, ty: &Ty, blame: Span) -> TokenStream {
        let krate = self.krate;
        let tokens = &ty.tokens;
        respan(
            quote!(<#tokens as #krate::__private::Choice>),
            ty.blame.unwrap_or(blame),
        )
    }

    /// `value == lit`. A name is looked up in the type's names at compile
    /// time by a call spanned on the literal, so that an unknown name is an
    /// error there; at run time an enum is compared by variant index.
    fn equals_blaming(&self, value: &TokenStream, ty: &Ty, lit: &Lit, blame: Span) -> TokenStream {
        let krate = self.krate;
        let span = lit.span();
        match lit {
            Lit::Str(text) => {
                let choice = self.choice(ty, blame);
                let lookup = respan(quote!(#krate::__private::lookup), span);
                let mut args = Group::new(Delimiter::Parenthesis, quote!(#choice::DOMAIN, #text));
                args.set_span(span);
                let index = respan(quote!(__LOWBIT_INDEX), span);
                quote! {
                    #choice::is(#value, {
                        const #index: usize = #lookup #args;
                        #index
                    }, #text)
                }
            }
            Lit::Bool(flag) => quote_spanned! {span=>
                #krate::__private::flag(#value) == ::core::option::Option::Some(#flag)
            },
            Lit::Int(number) => {
                let number = int_literal(krate, &ty.tokens, number);
                quote_spanned! {span=>
                    #krate::__private::scalar(#value).is_some_and(|__lowbit_number| #krate::__private::equal(__lowbit_number, &#number))
                }
            }
            Lit::Float(number) => quote_spanned! {span=>
                #krate::__private::scalar(#value).is_some_and(|__lowbit_number| #krate::__private::equal(__lowbit_number, &#number))
            },
        }
    }
}

/// An integer literal as a value of the number inside `ty`, spanned on the
/// literal: floats take integers, and an integer type checks the literal's
/// range.
pub fn int_literal(krate: &syn::Path, ty: &TokenStream, number: &syn::LitInt) -> TokenStream {
    respan(
        quote!(#krate::__private::int_literal::<<#ty as #krate::__private::Scalar>::Value>(#number)),
        number.span(),
    )
}

/// `tokens` with every span set to `span`, so that errors about them land there.
pub fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let TokenTree::Group(group) = &token {
                let mut inner = Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                token = TokenTree::Group(inner);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}
