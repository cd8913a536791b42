//! The emit context: what the generated checks of one derive share (the
//! items beside the impls, the bounds a generic type needs), the scope of
//! fields a set of rules is written against, and how a place or a
//! capability of a type becomes tokens spanned where errors belong.

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};
use syn::Ident;
use syn::ext::IdentExt;

use super::field_key;
use crate::model::{Field, Place};
use crate::vocab::Capability;

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
    /// The value is reached through a dotted path, as a `__private::Via` of
    /// this type: what lies at the end of the path, or nothing when an
    /// `Option` on the way is `None`. Capabilities are asked of the `Via`;
    /// bounds of the type itself.
    pub through: bool,
    /// Set when the type is one only rustc knows: the end of a dotted path
    /// into another struct. `tokens` is then `_`, which rustc infers where
    /// a value is at hand; where a type must be known without one (in a
    /// constant, for a literal), the helpers of `__private::reach` infer it
    /// from this closure.
    pub reach: Option<Reach>,
}

/// A dotted path as a closure from its first field to the value at its end.
#[derive(Clone)]
pub struct Reach {
    /// `|__lowbit_arg: &First| -> Option<&End>`, never called.
    pub closure: TokenStream,
    /// The path's text, which names the type in the derive's tables.
    pub text: String,
    /// Which part of the end the type is: `End`, `ItemOf`, `EachOf` or
    /// `KeyOf` of `__private::reach`.
    pub part: &'static str,
}

impl Ty {
    /// A field's own type, blamed where it is used.
    pub fn of(ty: &syn::Type) -> Ty {
        Ty {
            tokens: quote!(#ty),
            blame: None,
            through: false,
            reach: None,
        }
    }

    /// The type of a part of a value of this type (`tokens` when the derive
    /// can name it): its items or its keys, as a quantifier or the rules
    /// inside `items(..)` and `keys(..)` test them one by one.
    pub fn part(&self, tokens: TokenStream, part: &'static str, blame: Option<Span>) -> Ty {
        Ty {
            tokens: if self.reach.is_some() {
                quote!(_)
            } else {
                tokens
            },
            blame,
            through: false,
            reach: self.reach.clone().map(|reach| Reach { part, ..reach }),
        }
    }
}

/// The bounds a generic type's impl needs: `Type: Trait` for every trait a
/// rule asks of a type made of the type's parameters. Other types are
/// checked where they are used, and fields without rules are asked nothing.
pub struct Bounds {
    /// The names of the type's generic parameters.
    params: Vec<String>,
    /// The predicates, by their text, in the order first asked.
    predicates: Vec<(String, TokenStream)>,
}

impl Bounds {
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
        Bounds {
            params,
            predicates: Vec::new(),
        }
    }

    pub fn is_generic(&self) -> bool {
        !self.params.is_empty()
    }

    /// Whether the type `ty` is made of the container's generic parameters.
    pub fn depends(&self, ty: &TokenStream) -> bool {
        // Asked of every type a rule touches: a type without parameters
        // answers without walking its tokens, each step of which is a
        // round trip to the compiler.
        self.is_generic() && crate::tokens::mentions(ty, &self.params)
    }

    /// Records that `ty` must implement `bound`, when `ty` depends on the
    /// type's parameters.
    pub fn require(&mut self, ty: &TokenStream, bound: TokenStream) {
        if !self.depends(ty) {
            return;
        }
        let predicate = quote!(#ty: #bound);
        let key = predicate.to_string();
        if !self.predicates.iter().any(|(known, _)| *known == key) {
            self.predicates.push((key, predicate));
        }
    }

    /// The impl's where clause: the type's own, and the bounds the rules need.
    pub fn where_clause(&self, generics: &syn::Generics) -> TokenStream {
        let own = generics
            .where_clause
            .iter()
            .flat_map(|clause| clause.predicates.iter())
            .map(|predicate| quote!(#predicate));
        let predicates: Vec<TokenStream> = own
            .chain(
                self.predicates
                    .iter()
                    .map(|(_, predicate)| predicate.clone()),
            )
            .collect();
        if predicates.is_empty() {
            TokenStream::new()
        } else {
            quote!(where #(#predicates),*)
        }
    }
}

/// What the checks of a whole derive share: items at block level, and the
/// bounds of the impl.
pub struct Context {
    pub bounds: Bounds,
    /// Type aliases of the places below a field, by their text: a nested
    /// field's type is named once, spanned on its segment, so that a
    /// misspelled segment is one error there, whatever blames its type.
    aliases: Vec<(String, Ident, TokenStream)>,
    /// The constants that look up names, by type and name: each is
    /// evaluated once (so an unknown name is one error), whichever of the
    /// generated functions uses it.
    lookups: Vec<(String, Ident, TokenStream)>,
}

impl Context {
    pub fn new(generics: &syn::Generics) -> Self {
        Context {
            bounds: Bounds::new(generics),
            aliases: Vec::new(),
            lookups: Vec::new(),
        }
    }

    /// With generic parameters, places and lookups are written inline:
    /// block-level items cannot name them.
    fn inline(&self) -> bool {
        self.bounds.is_generic()
    }

    /// The items `resolve` and `lookup` asked for: type aliases of nested
    /// places and the constants that look up names.
    pub fn items(&self) -> TokenStream {
        let aliases = self.aliases.iter().map(|(_, ident, ty)| {
            quote! {
                #[allow(dead_code)]
                type #ident = #ty;
            }
        });
        let lookups = self.lookups.iter().map(|(_, _, item)| item);
        quote!(#(#aliases)* #(#lookups)*)
    }
}

/// The fields a set of rules is written against, and how generated code
/// reaches them.
pub struct Scope<'a> {
    pub krate: &'a syn::Path,
    /// The fields rules may name: a struct's, or a struct variant's.
    pub fields: &'a [Field],
    pub base: Base,
    /// Serde names a struct variant puts before its fields' names in paths.
    pub prefix: Vec<String>,
    pub cx: &'a mut Context,
}

/// How the generated code reaches a field.
#[derive(Clone, Copy)]
pub enum Base {
    /// `self.f`.
    Struct,
    /// A binding of a struct variant's field, made by [`binding`].
    Variant,
}

/// The local a struct variant's field is bound to in a `match` arm.
pub fn binding(field: &Field) -> Ident {
    format_ident!("__lowbit_field_{}", field.ident.unraw())
}

impl Scope<'_> {
    /// Resolves a place, whose field the checks found.
    pub fn resolve(&mut self, place: &Place) -> Resolved {
        let field = &self.fields[place.field];
        let field_ty = &field.ty;
        let name = &field.name;
        let mut segments: Vec<TokenStream> = self.prefix.iter().map(|name| quote!(#name)).collect();
        if !field.flatten {
            segments.push(quote!(#name));
        }
        let mut resolved = Resolved {
            // In parentheses, so that the expression's outer tokens, which
            // rustc blames, can take the user's spans while `self` and the
            // derive's locals inside keep the spans they resolve by (see
            // `respan`).
            access: match self.base {
                Base::Struct => {
                    let ident = &field.ident;
                    quote!((self.#ident))
                }
                Base::Variant => {
                    let binding = binding(field);
                    quote!((*#binding))
                }
            },
            ty: Ty::of(field_ty),
            segments,
        };
        if place.segments.len() > 1 {
            if self.cx.bounds.depends(&resolved.ty.tokens) {
                self.resolve_keyed(place, &mut resolved);
            } else {
                self.resolve_inferred(place, field_ty, &mut resolved);
            }
        }
        resolved
    }

    /// The segments below the first field of a path whose first type names
    /// none of the container's parameters: their types are left to rustc,
    /// which infers them from the path itself (see `Reach`).
    fn resolve_inferred(&mut self, place: &Place, first_ty: &syn::Type, resolved: &mut Resolved) {
        let mut text = place.first().unraw().to_string();
        // The chain from the first field's value, and the same from the
        // closures' argument (see `through`).
        let mut chain: Option<TokenStream> = None;
        let mut reach: Option<TokenStream> = None;
        for segment in &place.segments[1..] {
            let parent = through(reach.as_ref(), &quote!(__lowbit_arg), segment);
            let rust = segment.unraw().to_string();
            let name = respan(
                quote!(__lowbit_rt::field_name(|__lowbit_arg: &#first_ty| #parent, #rust)),
                segment.span(),
            );
            resolved.segments.push(name);
            let step = quote!(.map(|__lowbit_x| &(*__lowbit_x).#segment));
            reach = Some(quote!(#parent #step));
            // The first field's value spanned on the segment, as the
            // closures' argument is: a first field with no fields to step
            // into is one error there.
            let access = &resolved.access;
            let first = respan(quote!(&#access), segment.span());
            let parent = through(chain.as_ref(), &first, segment);
            chain = Some(quote!(#parent #step));
            text = format!("{text}.{rust}");
        }
        let (Some(chain), Some(reach)) = (chain, reach) else {
            return;
        };
        let last = place
            .segments
            .last()
            .map_or_else(Span::call_site, Ident::span);
        resolved.access = quote!(__lowbit_rt::Via(#chain));
        resolved.ty = Ty {
            tokens: quote!(_),
            blame: Some(last),
            through: true,
            reach: Some(Reach {
                closure: quote!(|__lowbit_arg: &#first_ty| #reach),
                text: format!("{}.{text}", self.prefix.join(".")),
                part: "End",
            }),
        };
    }

    /// The segments below the first field of a path whose first type names
    /// the container's parameters: read off the `Field` impls of the
    /// structs on the way (which generic structs have), so that the impl
    /// can be bounded by what the rules ask of the types they name.
    fn resolve_keyed(&mut self, place: &Place, resolved: &mut Resolved) {
        let mut text = format!("{}.{}", self.prefix.join("."), place.first().unraw());
        // The chain from the first field's value (see `through`).
        let mut chain: Option<TokenStream> = None;
        for segment in &place.segments[1..] {
            let key = field_key(&segment.unraw().to_string());
            let ty = &resolved.ty.tokens;
            let inner = respan(quote!(<#ty as __lowbit_rt::Through>::Inner), segment.span());
            // No `Field` bound: the derive implements it for every instance,
            // and a bound would keep rustc from normalizing `Type`.
            let field = |member: TokenStream| {
                respan(
                    quote!(<#inner as __lowbit_rt::Field<#key>>::#member),
                    segment.span(),
                )
            };
            let access = &resolved.access;
            let parent = through(chain.as_ref(), &quote!(&#access), segment);
            chain = Some(quote!(#parent .map(|__lowbit_x| &(*__lowbit_x).#segment)));
            text = format!("{text}.{}", segment.unraw());
            resolved.segments.push(field(quote!(NAME)));
            resolved.ty = Ty {
                tokens: self.alias(&text, field(quote!(Type))),
                blame: Some(segment.span()),
                through: true,
                reach: None,
            };
        }
        if let Some(chain) = chain {
            resolved.access = quote!(__lowbit_rt::Via(#chain));
        }
    }

    /// The serde name of a place's last segment, as an expression.
    pub fn last_name(&mut self, place: &Place) -> Option<TokenStream> {
        self.resolve(place).segments.pop()
    }

    fn alias(&mut self, text: &str, ty: TokenStream) -> TokenStream {
        if self.cx.inline() {
            return ty;
        }
        if let Some((_, ident, _)) = self.cx.aliases.iter().find(|(known, ..)| known == text) {
            return quote!(#ident);
        }
        let ident = format_ident!("__LowbitPlace{}", self.cx.aliases.len());
        self.cx.aliases.push((text.to_owned(), ident.clone(), ty));
        quote!(#ident)
    }

    /// The index of `text` among `ty`'s names, looked up at compile time by a
    /// constant spanned on the literal (an unknown name is an error there),
    /// with the type spanned on `blame`.
    pub fn lookup(&mut self, ty: &Ty, blame: Span, text: &syn::LitStr) -> TokenStream {
        let span = text.span();
        let inline = self.cx.inline();
        // A name already looked up is its constant: nothing else is built.
        let key = (!inline).then(|| match &ty.reach {
            Some(reach) => format!("{} {} {:?}", reach.text, reach.part, text.value()),
            None => format!("{} {:?}", ty.tokens, text.value()),
        });
        if let Some(key) = &key
            && let Some((_, ident, _)) = self.cx.lookups.iter().find(|(known, ..)| known == key)
        {
            let mut ident = ident.clone();
            ident.set_span(span);
            return quote!(#ident);
        }
        let domain = match &ty.reach {
            Some(reach) => {
                let closure = &reach.closure;
                let part = format_ident!("{}", reach.part);
                respan(
                    quote!(__lowbit_rt::domain_of::<__lowbit_rt::#part, _, _>(#closure)),
                    ty.blame.unwrap_or(blame),
                )
            }
            None => self.member(ty, blame, Capability::Domain),
        };
        let hash = super::hashed::literal(&text.value());
        let Some(key) = key else {
            // Evaluated once per instance of the type, where it is used.
            return quote_spanned!(span=> const { __lowbit_rt::lookup(#domain, #text, #hash) });
        };
        let ident = Ident::new(&format!("__LOWBIT_NAME_{}", self.cx.lookups.len()), span);
        let item = quote_spanned!(span=> const #ident: usize = __lowbit_rt::lookup(#domain, #text, #hash););
        self.cx.lookups.push((key, ident.clone(), item));
        quote!(#ident)
    }

    /// `<ty as Trait>::member`, spanned on the type's own blame or else on
    /// `blame`. Every use of a trait in a rule is spanned alike, so that a
    /// type that lacks it gets one error (rustc folds identical ones), not
    /// one per use, and none on the derive.
    pub fn member(&mut self, ty: &Ty, blame: Span, capability: Capability) -> TokenStream {
        self.qualified(ty, blame, capability, None)
    }

    /// `<ty as Trait>::method(args)`, all of it spanned as [`Self::member`].
    pub fn call(
        &mut self,
        ty: &Ty,
        blame: Span,
        capability: Capability,
        args: &TokenStream,
    ) -> TokenStream {
        self.qualified(ty, blame, capability, Some(args))
    }

    /// `member`, called with `args` when there are some. Written with its
    /// final spans, and only the user's tokens respanned: it is asked for
    /// by most rules, many times each, and every token respanned is work
    /// for the unoptimized derive and a round trip to the compiler.
    fn qualified(
        &mut self,
        ty: &Ty,
        blame: Span,
        capability: Capability,
        args: Option<&TokenStream>,
    ) -> TokenStream {
        let tokens = &ty.tokens;
        let span = ty.blame.unwrap_or(blame);
        let (trait_, member) = capability.path();
        if self.cx.bounds.is_generic() {
            let bound = Ident::new(trait_, Span::call_site());
            self.cx.bounds.require(tokens, quote!(__lowbit_rt::#bound));
        }
        let trait_ = Ident::new(trait_, span);
        let member = Ident::new(member, span);
        let tokens = respan(tokens.clone(), span);
        // A `Via` answers as the type at the end of the path does.
        let asked = if ty.through {
            quote_spanned!(span=> __lowbit_rt::Via<'_, #tokens>)
        } else {
            tokens
        };
        match args {
            Some(args) => {
                let args = respan(args.clone(), span);
                quote_spanned!(span=> <#asked as __lowbit_rt::#trait_>::#member(#args))
            }
            None => quote_spanned!(span=> <#asked as __lowbit_rt::#trait_>::#member),
        }
    }

    /// A number literal as a value of the number type inside `ty`: floats
    /// take integers, and an integer type checks the literal's range. The
    /// literal keeps its own span, so that rustc's complaints about it land
    /// on it.
    pub fn number(&mut self, ty: &Ty, blame: Span, lit: &crate::model::Lit) -> TokenStream {
        use crate::model::Lit;
        let span = lit.span();
        match lit {
            // A field whose type is written as an integer type (or an
            // `Option` of one) takes the literal as it stands: rustc types
            // it, and a literal out of the type's range is its error at the
            // literal, as through `int_literal`, for less work.
            Lit::Int(number) if !ty.through && written_integer(&ty.tokens) => quote!(#number),
            Lit::Int(number) if ty.reach.is_some() => {
                let Some(reach) = &ty.reach else {
                    return quote!(#number);
                };
                let part = format_ident!("{}", reach.part);
                let helper = respan(
                    quote!(__lowbit_rt::int_literal_at::<__lowbit_rt::#part, _, _>),
                    span,
                );
                let closure = respan(reach.closure.clone(), ty.blame.unwrap_or(blame));
                let mut arguments = Group::new(Delimiter::Parenthesis, quote!(#closure, #number));
                arguments.set_span(span);
                quote!(#helper #arguments)
            }
            Lit::Int(number) => {
                // The number type keeps the blame `member` gave it, so that a
                // field that is no number is one error, where its other uses
                // put it.
                let value = self.member(ty, blame, Capability::ScalarValue);
                let head = respan(quote!(__lowbit_rt::int_literal::<), span);
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

/// The struct a dotted path's next `segment` names a field of, as an
/// `Option<&_>`: the first field's value `first` taken `Through` (a struct,
/// or an `Option` or `Box` of one), or, below it, each value of `chain`
/// (the `Option<&_>` reached so far) taken so, `None` once an `Option` on
/// the way is.
fn through(chain: Option<&TokenStream>, first: &TokenStream, segment: &Ident) -> TokenStream {
    let through = respan(quote!(__lowbit_rt::Through::through), segment.span());
    match chain {
        None => quote!(#through(#first)),
        Some(chain) => quote!(#chain.and_then(|__lowbit_x| #through(__lowbit_x))),
    }
}

/// Whether `ty` is written as a primitive integer type, or an `Option` of
/// one: a literal then needs no conversion to be of its number type.
pub fn written_integer(ty: &TokenStream) -> bool {
    const INTEGERS: [&str; 12] = [
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
    ];
    // Read off the tokens, not parsed: the derive runs unoptimized in the
    // user's build, and this is asked of every integer bound.
    let tokens: Vec<TokenTree> = ty.clone().into_iter().collect();
    match &tokens[..] {
        [TokenTree::Ident(ident)] => INTEGERS.iter().any(|name| ident == name),
        [
            TokenTree::Ident(option),
            TokenTree::Punct(open),
            TokenTree::Ident(ident),
            TokenTree::Punct(close),
        ] => {
            option == "Option"
                && open.as_char() == '<'
                && close.as_char() == '>'
                && INTEGERS.iter().any(|name| ident == name)
        }
        _ => false,
    }
}

/// The statements that build the location of `segments` below
/// `__lowbit_at`, each a local borrowing the one before it, and the
/// expression that borrows the last (`__lowbit_at` itself for none).
pub fn location_steps<T: quote::ToTokens>(segments: &[T]) -> (Vec<TokenStream>, TokenStream) {
    let mut parent = quote!(__lowbit_at);
    let mut steps = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        let local = format_ident!("__lowbit_at_{}", i);
        steps.push(quote!(let #local = #parent.field(#segment);));
        parent = quote!(&#local);
    }
    (steps, parent)
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
                // `__lowbit_rt` is an item (a `use`), which resolves
                // whatever the hygiene of its span, and `__lowbit_arg` the
                // argument of a closure respanned whole, declaration and
                // uses alike: both take `span` whole, so that rustc's errors
                // about them are the user's own.
                TokenTree::Ident(ident) if is_local(ident) => ident.set_span(local),
                other => other.set_span(span),
            }
            token
        })
        .collect()
}

/// Whether `ident` is `self` or one of the derive's locals.
fn is_local(ident: &Ident) -> bool {
    let text = ident.to_string();
    text == "self"
        || (text.starts_with("__lowbit_") && !matches!(&*text, "__lowbit_rt" | "__lowbit_arg"))
}

/// Where a rule's subject is, `segments` below `__lowbit_at`, as the two
/// arguments a violation is sent with: a location and the field below it
/// (`""` for none). Not a slice of the names: written out, that is a
/// promoted constant, which rustc borrow-checks in every rule. A subject
/// more than one field down (`at = a.b`) steps down by `Location::field`.
pub fn location_of(segments: &[TokenStream]) -> TokenStream {
    match segments.split_last() {
        None => quote!(__lowbit_at, ""),
        Some((last, [])) => quote!(__lowbit_at, #last),
        Some((last, above)) => quote!(&__lowbit_at #(.field(#above))*, #last),
    }
}

/// `&[..]` of names as a `&'static [&'static str]`. Literals alone are
/// promoted to `'static` as they stand; a nested field's name is its type's
/// associated constant, which may name the type's parameters, so a list
/// with one is an inline constant (which costs the compiler more).
pub fn static_names(names: &[TokenStream]) -> TokenStream {
    let literal = |name: &TokenStream| {
        let mut tokens = name.clone().into_iter();
        matches!(
            (tokens.next(), tokens.next()),
            (Some(TokenTree::Literal(_)), None)
        )
    };
    if names.is_empty() {
        // A constant, not `&[]`: an empty slice written out is a promoted
        // constant, which rustc borrow-checks in every rule that has one.
        return quote!(__lowbit_rt::NO_NAMES);
    }
    if names.iter().all(literal) {
        quote!(&[#(#names),*])
    } else {
        quote!(const { &[#(#names),*] })
    }
}
