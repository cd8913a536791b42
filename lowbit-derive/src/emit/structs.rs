//! The impls of a struct: `Validate` with one check per rule, in field order,
//! and the `Field` impls through which other structs' dotted paths reach in.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::quote;
use syn::ext::IdentExt;

use super::cond::{Base, Items, Resolved, Scope, respan};
use super::{field_key, message};
use crate::check::subject;
use crate::ir::{Container, FieldDef, Lit, Place, Rule, RuleKind, Struct, Test};

pub fn emit(container: &Container, body: &Struct) -> TokenStream {
    let krate = &container.krate;
    let hide = super::hide();
    let ident = &container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let items = Items::new(&container.generics);
    let scope = Scope {
        krate,
        fields: &body.fields,
        base: Base::Struct,
        prefix: Vec::new(),
        items: &items,
    };
    let Bodies { report, holds } = bodies(&scope, body.gate.as_ref());
    let assertions = if container.generics.params.is_empty() {
        one_of_assertions(&scope)
    } else {
        TokenStream::new()
    };
    // Before `validate_impl`, which writes out the items both share.
    let shape = if cfg!(feature = "shape") {
        super::shape::for_struct(container, body, &scope)
    } else {
        TokenStream::new()
    };
    let validate = validate_impl(container, &items, &report, &holds);
    let field_impls = body.fields.iter().map(|field| {
        let key = field_key(&field.ident.unraw().to_string());
        let ty = &field.ty;
        // A flattened field adds no segment to the paths that pass through it.
        let name = if field.flatten { "" } else { field.name.as_str() };
        quote! {
            #[automatically_derived]
            #hide
            impl #impl_generics #krate::__private::Field<#key> for #ident #ty_generics #where_clause {
                type Type = #ty;
                const NAME: &'static str = #name;
            }
        }
    });
    quote! {
        #assertions
        #shape
        #validate
        #[automatically_derived]
        impl #impl_generics #krate::__private::Describe for #ident #ty_generics #where_clause {
            fn describe(&self) -> ::core::option::Option<#krate::Value> {
                ::core::option::Option::None
            }
        }
        #(#field_impls)*
    }
}

/// Constants that refuse, when the crate compiles, rule sets of names that
/// no value satisfies: `one_of` lists with no name in common, and conditions
/// comparing a field with a name its `one_of` excludes. Only the field's
/// type knows which names are the same value (an alias and its variant), so
/// the check is its `Choice::DOMAIN`'s, spanned on the literal to blame.
pub fn one_of_assertions(scope: &Scope) -> TokenStream {
    let krate = scope.krate;
    let mut items = Vec::new();
    for field in scope.fields {
        let lists: Vec<&Vec<Lit>> = field
            .rules
            .iter()
            .filter(|rule| rule.at.is_empty() && rule.when.is_none())
            .filter_map(|rule| match &rule.kind {
                RuleKind::OneOf(lits) if matches!(lits.first(), Some(Lit::Str(_))) => Some(lits),
                _ => None,
            })
            .collect();
        let Some(first) = lists.first() else {
            continue;
        };
        // Spanned as the `one_of`'s own use of the type, so that a type
        // without names is one error, not one more here.
        let ty = &field.ty;
        let ty = super::cond::Ty {
            tokens: quote!(#ty),
            blame: None,
        };
        let domain = scope.member(&ty, first[0].span(), "Choice", "DOMAIN");
        let texts = lists.iter().map(|lits| {
            // The checks refused lists that mix names with other values.
            let texts = lits.iter().filter_map(|lit| match lit {
                Lit::Str(text) => Some(text),
                _ => None,
            });
            quote!(&[#(#texts),*])
        });
        let lists_tokens = quote!(&[#(#texts),*]);
        let name = field.ident.unraw().to_string();
        // `const _: () = check(args);`, all of it on the literal to blame:
        // the call's span is where rustc reports its panic.
        let assertion = |span: proc_macro2::Span, check: &str, args: TokenStream| {
            let check = quote::format_ident!("{check}");
            let head = respan(quote!(const _: () = #krate::__private::#check), span);
            let mut args = Group::new(Delimiter::Parenthesis, args);
            args.set_span(span);
            let semi = respan(quote!(;), span);
            quote!(#head #args #semi)
        };
        if let Some(second) = lists.get(1) {
            items.push(assertion(
                second[0].span(),
                "overlap",
                quote!(#domain, #name, #lists_tokens),
            ));
        }
        for other in scope.fields {
            for rule in &other.rules {
                crate::check::visit_tests(&rule.kind, &mut |place, test| {
                    if place.segments.len() == 1
                        && place.first().unraw() == field.ident.unraw()
                        && let Test::Eq(Lit::Str(text)) = test
                    {
                        items.push(assertion(
                            text.span(),
                            "may_hold",
                            quote!(#domain, #name, #text, #lists_tokens),
                        ));
                    }
                });
            }
        }
    }
    quote!(#(#items)*)
}

/// The statements of `validate_into` and of `is_valid` for one set of fields.
pub struct Bodies {
    pub report: TokenStream,
    pub holds: TokenStream,
}

/// The checks of every rule on `scope`'s fields, in field order, each behind
/// the gate unless it is `ungated`.
pub fn bodies(scope: &Scope, gate: Option<&Place>) -> Bodies {
    let gated = gate.is_some()
        && scope
            .fields
            .iter()
            .any(|field| field.rules.iter().any(|rule| !rule.ungated));
    let gate = match gate {
        Some(gate) if gated => {
            let Resolved { access, ty, .. } = scope.resolve(gate);
            let set = scope.call(
                &ty,
                gate.first().span(),
                "IsSet",
                "is_set",
                &quote!(&#access),
            );
            quote!(let __lowbit_gate: bool = #set;)
        }
        _ => TokenStream::new(),
    };
    let checks = |mode: Mode| -> TokenStream {
        let checks = scope.fields.iter().flat_map(|field| {
            field.rules.iter().map(move |rule| {
                let check = rule_check(scope, field, rule, mode);
                if gated && !rule.ungated {
                    quote!(if __lowbit_gate { #check })
                } else {
                    check
                }
            })
        });
        quote!(#gate #(#checks)*)
    };
    Bodies {
        report: checks(Mode::Report),
        holds: checks(Mode::Holds),
    }
}

/// The `Validate` impl around the checks, with the bounds they need and the
/// items they share beside it.
pub fn validate_impl(
    container: &Container,
    items: &Items,
    report: &TokenStream,
    holds: &TokenStream,
) -> TokenStream {
    let krate = &container.krate;
    let hide = super::hide();
    let ident = &container.ident;
    let (impl_generics, ty_generics, _) = container.generics.split_for_impl();
    let where_clause = items.where_clause(&container.generics);
    let block_items = items.tokens();
    quote! {
        #block_items
        #[automatically_derived]
        #hide
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
                #holds
                true
            }
        }
    }
}

/// `&[..]` of names as a `&'static [&'static str]`. Literals alone are
/// promoted to `'static` as they stand; a nested field's name is its type's
/// associated constant, which may name the type's parameters, so a list
/// with one is an inline constant (which costs the compiler more).
fn static_names(names: &[TokenStream]) -> TokenStream {
    let literal = |name: &TokenStream| {
        let mut tokens = name.clone().into_iter();
        matches!(
            (tokens.next(), tokens.next()),
            (Some(TokenTree::Literal(_)), None)
        )
    };
    if names.iter().all(literal) {
        quote!(&[#(#names),*])
    } else {
        quote!(const { &[#(#names),*] })
    }
}

/// What a rule's check does when the rule is broken.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Record a violation and go on (`validate_into`).
    Report,
    /// Return `false` at once (`is_valid`, the fast path of `validate`).
    Holds,
}

/// The statement that checks one rule, and records its violation or
/// returns `false`, as `mode` says.
fn rule_check(scope: &Scope, field: &FieldDef, rule: &Rule, mode: Mode) -> TokenStream {
    let krate = scope.krate;
    let Resolved {
        access,
        ty,
        segments,
    } = scope.resolve(&subject(field, rule));
    let value = quote!(&#access);
    let code = rule.kind.code();
    let (template, args) = message::template(rule, scope.fields);
    let names = args
        .iter()
        .filter_map(|place| scope.resolve(place).segments.pop());
    let names: Vec<TokenStream> = names.collect();
    let names = static_names(&names);
    let path = static_names(&segments);
    let record = |offending: TokenStream| {
        if mode == Mode::Holds {
            return quote!(return false;);
        }
        quote! {
            #krate::__private::report(
                __lowbit_report,
                __lowbit_at,
                #path,
                #code,
                #template,
                #names,
                #offending,
            );
        }
    };
    // The offending value, where its type can describe it. A type made of
    // the container's parameters is asked for it by a bound, since the
    // probe cannot see through a parameter; a `custom` rule asks nothing of
    // its field's type, so that bound is not added for it.
    let described = if scope.items.depends(&ty.tokens) && !matches!(rule.kind, RuleKind::Custom(..))
    {
        scope.call(&ty, rule.name.span(), "Describe", "describe", &value)
    } else {
        quote!((&&#krate::__private::Probe(&#access)).value_of())
    };
    // "When the subject is set", or narrowed by `when` to some of its values.
    let trigger = match &rule.when {
        Some(values) => scope.any_of(&value, &ty, values),
        None => scope.call(&ty, rule.name.span(), "IsSet", "is_set", &value),
    };
    match &rule.kind {
        RuleKind::OneOf(lits) => {
            let present = scope.present(&value, &ty, &lits[0]);
            let allowed = scope.any_of(&value, &ty, lits);
            let record = record(described);
            quote!(if #present && !#allowed { #record })
        }
        RuleKind::NoneOf(lits) => {
            let excluded = scope.any_of(&value, &ty, lits);
            let record = record(described);
            quote!(if #excluded { #record })
        }
        RuleKind::Requires(conds) => {
            let conds = conds.iter().map(|cond| scope.cond(cond));
            let record = record(described);
            quote!(if #trigger && !(#(#conds)&&*) { #record })
        }
        RuleKind::OnlyIf(cond) => {
            let cond = scope.cond(cond);
            let record = record(described);
            quote!(if #trigger && !(#cond) { #record })
        }
        RuleKind::ConflictsWith(cond) => {
            let cond = scope.cond(cond);
            let record = record(described);
            quote!(if #trigger && (#cond) { #record })
        }
        RuleKind::RequiredIf(cond) => {
            let cond = scope.cond(cond);
            let set = scope.call(&ty, rule.name.span(), "IsSet", "is_set", &value);
            let record = record(described);
            quote!(if (#cond) && !#set { #record })
        }
        RuleKind::Nested => {
            let span = rule.name.span();
            let tokens = &ty.tokens;
            scope.items.require(tokens, quote!(#krate::Validate));
            // Each step borrows the one before it; a flattened field adds none.
            let mut parent = quote!(__lowbit_at);
            let mut steps = Vec::new();
            for (i, segment) in segments.iter().enumerate() {
                let local = quote::format_ident!("__lowbit_at_{}", i);
                steps.push(quote!(let #local = #parent.field(#segment);));
                parent = quote!(&#local);
            }
            if mode == Mode::Holds {
                let holds = respan(
                    quote!(#krate::Validate::is_valid_with(#value, __lowbit_context)),
                    span,
                );
                return quote!(if !#holds { return false; });
            }
            let call = respan(
                quote!(#krate::Validate::validate_into(#value, #parent, __lowbit_report);),
                span,
            );
            quote! {
                {
                    #(#steps)*
                    #call
                }
            }
        }
        RuleKind::Range { min, max } => {
            let blame = rule.name.span();
            let bound = |lit: &Option<Lit>| match lit {
                Some(lit) => {
                    let number = scope.number(&ty, blame, lit);
                    let some = respan(quote!(::core::option::Option::Some), lit.span());
                    let mut argument = Group::new(Delimiter::Parenthesis, quote!(&#number));
                    argument.set_span(lit.span());
                    quote!(#some #argument)
                }
                None => quote!(::core::option::Option::None),
            };
            let (min, max) = (bound(min), bound(max));
            let read = scope.call(&ty, blame, "Scalar", "scalar", &value);
            // The bounds keep their own spans: rustc quotes a literal out of
            // the field's range by its span.
            let number = respan(quote!(__lowbit_number,), blame);
            let mut bounds = Group::new(Delimiter::Parenthesis, quote!(#number #min, #max));
            bounds.set_span(blame);
            let check = respan(quote!(|__lowbit_number| #krate::__private::outside), blame);
            let mut closure = Group::new(Delimiter::Parenthesis, quote!(#check #bounds));
            closure.set_span(blame);
            let is_some_and = respan(quote!(.is_some_and), blame);
            let outside = quote!(#is_some_and #closure);
            let record = record(described);
            quote!(if #read #outside { #record })
        }
        RuleKind::Length { min, max, equal } => {
            // The checks made sure each bound is a usize.
            let bound = |lit: &Option<syn::LitInt>| match lit
                .as_ref()
                .and_then(|lit| lit.base10_parse::<usize>().ok())
            {
                Some(count) => {
                    let count = proc_macro2::Literal::usize_unsuffixed(count);
                    quote!(::core::option::Option::Some(&#count))
                }
                None => quote!(::core::option::Option::None),
            };
            let (min, max) = match equal {
                Some(_) => (bound(equal), bound(equal)),
                None => (bound(min), bound(max)),
            };
            let record = record(
                quote!(::core::option::Option::Some(#krate::__private::len_value(__lowbit_len))),
            );
            let length = scope.call(&ty, rule.name.span(), "Length", "length", &value);
            quote! {
                if let ::core::option::Option::Some(__lowbit_len) = #length {
                    if #krate::__private::outside(&__lowbit_len, #min, #max) {
                        #record
                    }
                }
            }
        }
        RuleKind::NonEmpty => {
            let record = record(quote!(::core::option::Option::None));
            let length = scope.call(&ty, rule.name.span(), "Length", "length", &value);
            quote! {
                if #length == ::core::option::Option::Some(0) {
                    #record
                }
            }
        }
        RuleKind::Custom(function, context) => {
            let template = match &rule.message {
                Some(message) => quote!(::core::option::Option::Some(#message)),
                None => quote!(::core::option::Option::None),
            };
            // Called directly, so that deref coercion applies (`&str` for a
            // `String`), and spanned on the function, where a wrong shape is
            // reported. With a context, its type is the one the function
            // takes, inferred from the call.
            let span = syn::spanned::Spanned::span(function);
            // The context argument is spanned on `context`, which is what to
            // remove when the function takes none.
            let given_argument = match context {
                Some(keyword) => respan(quote!(, __lowbit_given), keyword.span()),
                None => TokenStream::new(),
            };
            let value = respan(value, span);
            let mut arguments = Group::new(Delimiter::Parenthesis, quote!(#value #given_argument));
            arguments.set_span(span);
            // The function's path keeps its own spans, which rustc's
            // suggestions for a misspelled one rewrite.
            let call = respan(
                quote!(let __lowbit_result: ::core::result::Result<(), _> =),
                span,
            );
            let semi = respan(quote!(;), span);
            let call = quote!(#call #function #arguments #semi);
            let given = match mode {
                Mode::Holds => quote!(__lowbit_context),
                Mode::Report => quote!(#krate::Location::context(__lowbit_at)),
            };
            let with_context = |checked: TokenStream, missing: TokenStream| match context {
                Some(keyword) => {
                    let fetch = respan(quote!(#krate::__private::context), keyword.span());
                    quote! {
                        match #fetch(#given) {
                            ::core::result::Result::Ok(__lowbit_given) => { #checked }
                            ::core::result::Result::Err(__lowbit_missing) => { #missing }
                        }
                    }
                }
                None => checked,
            };
            if mode == Mode::Holds {
                let checked = quote! {
                    #call
                    if __lowbit_result.is_err() {
                        return false;
                    }
                };
                let checks = with_context(checked, quote!(return false;));
                return quote!({ #checks });
            }
            let report = |error: TokenStream, template: TokenStream| {
                quote! {
                    #krate::__private::report_custom(
                        __lowbit_report,
                        __lowbit_at,
                        #path,
                        #template,
                        #error,
                        #described,
                    );
                }
            };
            // The error is displayed: a type that cannot be is blamed on the
            // function that returns it.
            let error = respan(
                quote!(#krate::__private::display(#krate::__private::id(&__lowbit_error))),
                span,
            );
            let broken = report(error, template);
            let checked = quote! {
                #call
                if let ::core::result::Result::Err(__lowbit_error) = __lowbit_result {
                    #broken
                }
            };
            let missing = report(
                quote!(&__lowbit_missing),
                quote!(::core::option::Option::None),
            );
            let checks = with_context(checked, missing);
            quote!({ #checks })
        }
    }
}
