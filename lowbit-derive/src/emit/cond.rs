//! Places and conditions as Rust expressions over `self`.

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use std::cell::RefCell;

use quote::{format_ident, quote};
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
    /// The fields rules may name: a struct's, or a struct variant's.
    pub fields: &'a [FieldDef],
    pub base: Base,
    /// Serde names a struct variant puts before its fields' names in paths.
    pub prefix: Vec<String>,
    pub items: &'a Items,
}

/// How the generated code reaches a field.
pub enum Base {
    /// `self.f`.
    Struct,
    /// A binding of a struct variant's field, made by [`binding`].
    Variant,
}

/// The local a struct variant's field is bound to in a `match` arm.
pub fn binding(field: &FieldDef) -> Ident {
    format_ident!("__lowbit_field_{}", field.ident.unraw())
}

/// What the checks of a whole derive share, beside the impls: items at block
/// level, and the bounds a generic type needs.
pub struct Items {
    /// The names of the type's generic parameters. With any, places and
    /// lookups are written inline (block-level items cannot name them), and
    /// what a rule asks of a type that mentions them becomes a bound.
    params: Vec<String>,
    /// Type aliases of the places below a field, by their text: a nested
    /// field's type is named once, spanned on its segment, so that a
    /// misspelled segment is one error there, whatever blames its type.
    aliases: RefCell<Vec<(String, Ident, TokenStream)>>,
    /// The constants that look up names, by type and name: each is
    /// evaluated once (so an unknown name is one error), whichever of the
    /// generated functions uses it.
    lookups: RefCell<Vec<(String, Ident, TokenStream)>>,
    /// `Type: Trait` for every trait a rule uses on a type that mentions a
    /// generic parameter, by text.
    bounds: RefCell<Vec<(String, TokenStream)>>,
}

impl Items {
    pub fn new(generics: &syn::Generics) -> Self {
        let params = generics
            .params
            .iter()
            .map(|param| match param {
                syn::GenericParam::Type(param) => param.ident.to_string(),
                syn::GenericParam::Lifetime(param) => param.lifetime.ident.to_string(),
                syn::GenericParam::Const(param) => param.ident.to_string(),
            })
            .collect();
        Items {
            params,
            aliases: RefCell::default(),
            lookups: RefCell::default(),
            bounds: RefCell::default(),
        }
    }

    fn generic(&self) -> bool {
        !self.params.is_empty()
    }

    /// Whether the type `ty` is made of the container's generic parameters.
    pub fn depends(&self, ty: &TokenStream) -> bool {
        crate::tokens::mentions(ty, &self.params)
    }

    /// Records that `ty` must implement `bound`, when `ty` depends on the
    /// type's parameters; other types are checked where they are used.
    pub fn require(&self, ty: &TokenStream, bound: TokenStream) {
        if !self.depends(ty) {
            return;
        }
        let predicate = quote!(#ty: #bound);
        let key = predicate.to_string();
        let mut bounds = self.bounds.borrow_mut();
        if !bounds.iter().any(|(known, _)| *known == key) {
            bounds.push((key, predicate));
        }
    }

    /// The impl's where clause: the type's own, and the bounds the rules need.
    pub fn where_clause(&self, generics: &syn::Generics) -> TokenStream {
        let own = generics
            .where_clause
            .as_ref()
            .map(|clause| clause.predicates.iter().cloned().collect::<Vec<_>>())
            .unwrap_or_default();
        let bounds = self.bounds.borrow();
        let bounds = bounds.iter().map(|(_, predicate)| predicate);
        let predicates: Vec<TokenStream> = own
            .iter()
            .map(|predicate| quote!(#predicate))
            .chain(bounds.cloned())
            .collect();
        if predicates.is_empty() {
            TokenStream::new()
        } else {
            quote!(where #(#predicates),*)
        }
    }

    /// The items `resolve` and `equals` asked for: type aliases of nested
    /// places and the constants that look up names.
    pub fn tokens(&self) -> TokenStream {
        let aliases = self.aliases.borrow();
        let aliases = aliases.iter().map(|(_, ident, ty)| {
            quote! {
                #[allow(dead_code)]
                type #ident = #ty;
            }
        });
        let lookups = self.lookups.borrow();
        let lookups = lookups.iter().map(|(_, _, item)| item);
        quote!(#(#aliases)* #(#lookups)*)
    }
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
        let field_ty = &field.ty;
        let name = &field.name;
        let mut segments: Vec<TokenStream> = self.prefix.iter().map(|name| quote!(#name)).collect();
        if !field.flatten {
            segments.push(quote!(#name));
        }
        let mut resolved = Resolved {
            // Through `id`, so that the expression's outer tokens, which rustc
            // blames, can take the user's spans while `self` and the derive's
            // locals inside keep the spans they resolve by.
            access: match self.base {
                Base::Struct => {
                    let ident = &field.ident;
                    quote!((*#krate::__private::id(&self.#ident)))
                }
                Base::Variant => {
                    let binding = binding(field);
                    quote!((*#krate::__private::id(#binding)))
                }
            },
            ty: Ty {
                tokens: quote!(#field_ty),
                blame: None,
            },
            segments,
        };
        let mut text = format!("{}.{}", self.prefix.join("."), first.unraw());
        for segment in &place.segments[1..] {
            let key = field_key(&segment.unraw().to_string());
            let ty = &resolved.ty.tokens;
            let access = &resolved.access;
            // No `Field` bound: the derive implements it for every instance,
            // and a bound would keep rustc from normalizing `Type`.
            let field = |member: TokenStream| {
                respan(
                    quote!(<#ty as #krate::__private::Field<#key>>::#member),
                    segment.span(),
                )
            };
            text = format!("{text}.{}", segment.unraw());
            resolved.segments.push(field(quote!(NAME)));
            resolved.access = quote!(#access.#segment);
            resolved.ty = Ty {
                tokens: self.alias(&text, field(quote!(Type))),
                blame: Some(segment.span()),
            };
        }
        resolved
    }

    fn alias(&self, text: &str, ty: TokenStream) -> TokenStream {
        if self.items.generic() {
            return ty;
        }
        let mut aliases = self.items.aliases.borrow_mut();
        if let Some((_, ident, _)) = aliases.iter().find(|(known, ..)| known == text) {
            return quote!(#ident);
        }
        let ident = format_ident!("__LowbitPlace{}", aliases.len());
        aliases.push((text.to_owned(), ident.clone(), ty));
        quote!(#ident)
    }

    /// The index of `text` among `ty`'s names, looked up at compile time by a
    /// constant spanned on the literal (an unknown name is an error there),
    /// with the type spanned on `blame`.
    fn lookup(&self, ty: &Ty, blame: Span, text: &syn::LitStr) -> TokenStream {
        let krate = self.krate;
        let span = text.span();
        let domain = self.member(ty, blame, "Choice", "DOMAIN");
        let lookup = respan(quote!(#krate::__private::lookup), span);
        let mut args = Group::new(Delimiter::Parenthesis, quote!(#domain, #text));
        args.set_span(span);
        if self.items.generic() {
            // Evaluated once per instance of the type, where it is used.
            let mut block = Group::new(Delimiter::Brace, quote!(#lookup #args));
            block.set_span(span);
            return respan(quote!(const), span)
                .into_iter()
                .chain([TokenTree::Group(block)])
                .collect();
        }
        let key = format!("{} {:?}", ty.tokens, text.value());
        let mut lookups = self.items.lookups.borrow_mut();
        if let Some((_, ident, _)) = lookups.iter().find(|(known, ..)| *known == key) {
            let mut ident = ident.clone();
            ident.set_span(span);
            return quote!(#ident);
        }
        let ident = Ident::new(&format!("__LOWBIT_NAME_{}", lookups.len()), span);
        let head = respan(quote!(const #ident: usize =), span);
        let semi = respan(quote!(;), span);
        lookups.push((key, ident.clone(), quote!(#head #lookup #args #semi)));
        quote!(#ident)
    }

    pub fn cond(&self, cond: &Cond) -> TokenStream {
        let krate = self.krate;
        match cond {
            Cond::Set(place) => {
                let Resolved { access, ty, .. } = self.resolve(place);
                self.call(
                    &ty,
                    place.first().span(),
                    "IsSet",
                    "is_set",
                    &quote!(&#access),
                )
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
                // Both uses of `Items` spanned alike: a field that is no
                // collection is one error.
                let blame = ty.blame.unwrap_or_else(|| place.first().span());
                let tokens = &ty.tokens;
                self.items.require(tokens, quote!(#krate::__private::Items));
                let items = |member: TokenStream| {
                    respan(
                        quote!(<#tokens as #krate::__private::Items>::#member),
                        blame,
                    )
                };
                let item_ty = Ty {
                    tokens: items(quote!(Item)),
                    blame: Some(blame),
                };
                let item = respan(quote!(__lowbit_item), blame);
                let test = self.test(&item, &item_ty, test);
                // `Iterator` by its path: the user's crate may have no prelude.
                let method = if let Cond::Every(..) = cond {
                    quote!(all)
                } else {
                    quote!(any)
                };
                let method = respan(quote!(::core::iter::Iterator::#method), blame);
                let head = respan(quote!(|__lowbit_item|), blame);
                let items = items(quote!(items));
                let iterator = respan(quote!(&mut #items(&#access)), blame);
                let mut call = Group::new(Delimiter::Parenthesis, quote!(#iterator, #head #test));
                call.set_span(blame);
                quote!(#method #call)
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

    /// Whether `value` holds anything to compare with literals like `lit`,
    /// blamed where the rule's literals are.
    pub fn present(&self, value: &TokenStream, ty: &Ty, lit: &Lit) -> TokenStream {
        let blame = lit.span();
        match lit {
            Lit::Str(_) => self.call(ty, blame, "Choice", "present", value),
            Lit::Bool(_) => {
                let flag = self.call(ty, blame, "Flag", "flag", value);
                respan(quote!(#flag.is_some()), blame)
            }
            Lit::Int(_) | Lit::Float(_) => {
                let scalar = self.call(ty, blame, "Scalar", "scalar", value);
                respan(quote!(#scalar.is_some()), blame)
            }
        }
    }

    pub fn equals(&self, value: &TokenStream, ty: &Ty, lit: &Lit) -> TokenStream {
        self.equals_blaming(value, ty, lit, lit.span())
    }

    /// `<ty as Trait>::member`, spanned on the type's own blame or else on
    /// `blame`. Every use of a trait in a rule is spanned alike, so that a
    /// type that lacks it gets one error (rustc folds identical ones), not
    /// one per use, and none on the derive.
    pub fn member(&self, ty: &Ty, blame: Span, trait_: &str, member: &str) -> TokenStream {
        let krate = self.krate;
        let tokens = &ty.tokens;
        let trait_ = format_ident!("{trait_}");
        let member = format_ident!("{member}");
        self.items
            .require(tokens, quote!(#krate::__private::#trait_));
        respan(
            quote!(<#tokens as #krate::__private::#trait_>::#member),
            ty.blame.unwrap_or(blame),
        )
    }

    /// `<ty as Trait>::method(args)`, all of it spanned as [`Self::member`].
    pub fn call(
        &self,
        ty: &Ty,
        blame: Span,
        trait_: &str,
        method: &str,
        args: &TokenStream,
    ) -> TokenStream {
        let path = self.member(ty, blame, trait_, method);
        let span = ty.blame.unwrap_or(blame);
        let mut args = Group::new(Delimiter::Parenthesis, respan(args.clone(), span));
        args.set_span(span);
        quote!(#path #args)
    }

    /// `value == lit`, blaming an unfit type on `blame`. A name is looked up
    /// in the type's names at compile time by a constant spanned on the
    /// literal, so that an unknown name is an error there; at run time an
    /// enum is compared by variant index.
    fn equals_blaming(&self, value: &TokenStream, ty: &Ty, lit: &Lit, blame: Span) -> TokenStream {
        let krate = self.krate;
        let span = lit.span();
        match lit {
            Lit::Str(text) => {
                let constant = self.lookup(ty, blame, text);
                let is = self.member(ty, blame, "Choice", "is");
                let mut call = Group::new(Delimiter::Parenthesis, quote!(#value, #constant, #text));
                call.set_span(ty.blame.unwrap_or(blame));
                quote!(#is #call)
            }
            Lit::Bool(flag) => {
                let read = self.call(ty, blame, "Flag", "flag", value);
                let compare = respan(quote!(== ::core::option::Option::Some), span);
                quote!((#read #compare(#flag)))
            }
            Lit::Int(_) | Lit::Float(_) => {
                let read = self.call(ty, blame, "Scalar", "scalar", value);
                let number = self.number(ty, blame, lit);
                let compare = respan(
                    quote!(.is_some_and(|__lowbit_number| #krate::__private::equal(__lowbit_number, &#number))),
                    ty.blame.unwrap_or(blame),
                );
                quote!(#read #compare)
            }
        }
    }

    /// A number literal as a value of the number type inside `ty`: floats
    /// take integers, and an integer type checks the literal's range. The
    /// literal keeps its own span, so that rustc's complaints about it land
    /// on it.
    pub fn number(&self, ty: &Ty, blame: Span, lit: &Lit) -> TokenStream {
        let krate = self.krate;
        let span = lit.span();
        match lit {
            Lit::Int(number) => {
                // The number type keeps the blame `member` gave it, so that a
                // field that is no number is one error, where its other uses
                // put it.
                let value = self.member(ty, blame, "Scalar", "Value");
                let head = respan(quote!(#krate::__private::int_literal::<), span);
                let close = respan(quote!(>), span);
                let convert = quote!(#head #value #close);
                let mut argument = Group::new(Delimiter::Parenthesis, quote!(#number));
                argument.set_span(span);
                quote!(#convert #argument)
            }
            Lit::Float(number) => quote!(#number),
            Lit::Str(text) => quote!(#text),
            Lit::Bool(flag) => quote!(#flag),
        }
    }
}

/// `tokens` with every span set to `span`, so that errors about them land
/// there. `self` and the derive's own locals still resolve where the derive
/// was invoked: `span` may come from a `macro_rules!` expansion, whose
/// hygiene would hide them. Every other token takes `span` whole, so that
/// rustc shows the error as the user's own, without a note about the
/// expansion.
pub fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    let local = span.resolved_at(Span::call_site());
    tokens
        .into_iter()
        .map(|mut token| {
            match &mut token {
                TokenTree::Group(group) => {
                    let mut inner = Group::new(group.delimiter(), respan(group.stream(), span));
                    inner.set_span(span);
                    *group = inner;
                }
                TokenTree::Ident(ident)
                    if ident == "self" || ident.to_string().starts_with("__lowbit_") =>
                {
                    ident.set_span(local);
                }
                other => other.set_span(span),
            }
            token
        })
        .collect()
}
