//! The checks of the container's rules: group rules (`at_most_one(..)` and
//! its kin), which count the members that are set, and `custom` checks of
//! the whole struct. They follow the fields' rules, behind the same gate.

use proc_macro2::{Delimiter, Group as TokenGroup, TokenStream};
use quote::quote;

use super::context::{Resolved, Scope, respan};
use super::rules::Mode;
use crate::model::{Group, GroupKind, Struct, StructCheck};
use crate::vocab::Capability;

/// The statements of the container's rules for `validate_into` and for
/// `is_valid_with`, each behind `__lowbit_gate` when `gated`.
pub fn bodies(scope: &mut Scope, body: &Struct, gated: bool) -> (TokenStream, TokenStream) {
    let mut checks = |mode: Mode| -> TokenStream {
        let groups = body.groups.iter().map(|group| check(scope, group, mode));
        let groups: Vec<TokenStream> = groups.collect();
        let customs: Vec<TokenStream> = body
            .checks
            .iter()
            .map(|custom| struct_check(scope, custom, mode))
            .collect();
        let all = quote!(#(#groups)* #(#customs)*);
        if gated && !all.is_empty() {
            quote!(if __lowbit_gate { #all })
        } else {
            all
        }
    };
    (checks(Mode::Report), checks(Mode::Holds))
}

/// A group: which members are set, and the violation when too many or none
/// are. A member that has no notion of set is an error on its name.
fn check(scope: &mut Scope, group: &Group, mode: Mode) -> TokenStream {
    let krate = scope.krate;
    // A warning cannot make the config invalid: the fast path skips it.
    if mode == Mode::Holds && group.warn {
        return TokenStream::new();
    }
    let flags: Vec<TokenStream> = group
        .members
        .iter()
        .map(|place| {
            let Resolved { access, ty, .. } = scope.resolve(place);
            scope.call(
                &ty,
                place.first().span(),
                Capability::IsSet,
                &quote!(&#access),
            )
        })
        .collect();
    let count = flags.len();
    let kind = match group.kind {
        GroupKind::AtMostOne => quote!(AtMostOne),
        GroupKind::ExactlyOne => quote!(ExactlyOne),
        GroupKind::AtLeastOne => quote!(AtLeastOne),
    };
    let kind = quote!(#krate::__private::GroupKind::#kind);
    let record = match mode {
        Mode::Holds => quote!(return false;),
        Mode::Report => {
            let names = group
                .members
                .iter()
                .map(|place| scope.fields[place.field].name.as_str());
            let template = match &group.message {
                Some(message) => quote!(::core::option::Option::Some(#message)),
                None => quote!(::core::option::Option::None),
            };
            let warn = group.warn;
            quote! {
                #krate::__private::report_group(
                    __lowbit_report,
                    __lowbit_at,
                    #kind,
                    &[#(#names),*],
                    &__lowbit_set,
                    #template,
                    #warn,
                );
            }
        }
    };
    let statement = quote! {
        {
            let __lowbit_set: [bool; #count] = [#(#flags),*];
            if #krate::__private::group_broken(#kind, &__lowbit_set) {
                #record
            }
        }
    };
    match &group.guard {
        Some(guard) => {
            let guard = scope.cond(guard);
            quote!(if #guard #statement)
        }
        None => statement,
    }
}

/// Calls the user's check of the whole struct: `f(self)` returning a
/// `Result`, located at the struct; or, with `issues`, `f(self, &mut
/// issues)`, which reports at paths below it. With `context`, the context
/// comes second.
fn struct_check(scope: &mut Scope, check: &StructCheck, mode: Mode) -> TokenStream {
    let krate = scope.krate;
    let function = &check.function;
    // Spanned on the function, where rustc reports a wrong signature.
    let span = syn::spanned::Spanned::span(function);
    let given_argument = match &check.context {
        Some(keyword) => respan(quote!(, __lowbit_given), keyword.span()),
        None => TokenStream::new(),
    };
    let issues_argument = match (&check.issues, mode) {
        (Some(keyword), Mode::Report) => respan(
            quote!(, &mut #krate::Issues::new(__lowbit_at, __lowbit_report)),
            keyword.span(),
        ),
        (Some(keyword), Mode::Holds) => respan(quote!(, &mut __lowbit_issues), keyword.span()),
        (None, _) => TokenStream::new(),
    };
    // Through `id`, so that the argument's outer tokens carry the user's
    // span (rustc then blames the function alone) while `self` resolves.
    let this = respan(quote!(&(*#krate::__private::id(self))), span);
    let mut arguments = TokenGroup::new(
        Delimiter::Parenthesis,
        quote!(#this #given_argument #issues_argument),
    );
    arguments.set_span(span);
    let semi = respan(quote!(;), span);
    let checked = match (&check.issues, mode) {
        (Some(_), Mode::Report) => quote!(#function #arguments #semi),
        (Some(_), Mode::Holds) => quote! {
            let mut __lowbit_issues = #krate::Issues::counting();
            #function #arguments #semi
            if !__lowbit_issues.is_empty() {
                return false;
            }
        },
        (None, _) => {
            let head = respan(
                quote!(let __lowbit_result: ::core::result::Result<(), _> =),
                span,
            );
            let call = quote!(#head #function #arguments #semi);
            let broken = match mode {
                Mode::Holds => quote!(if __lowbit_result.is_err() {
                    return false;
                }),
                Mode::Report => {
                    let template = match &check.message {
                        Some(message) => quote!(::core::option::Option::Some(#message)),
                        None => quote!(::core::option::Option::None),
                    };
                    // The error is displayed: a type that cannot be is
                    // blamed on the function that returns it.
                    let error = respan(
                        quote!(#krate::__private::display(#krate::__private::id(&__lowbit_error))),
                        span,
                    );
                    quote! {
                        if let ::core::result::Result::Err(__lowbit_error) = __lowbit_result {
                            #krate::__private::report_custom(
                                __lowbit_report,
                                __lowbit_at,
                                &[],
                                #template,
                                #error,
                                ::core::option::Option::None,
                            );
                        }
                    }
                }
            };
            quote!(#call #broken)
        }
    };
    let Some(keyword) = &check.context else {
        return quote!({ #checked });
    };
    let given = match mode {
        Mode::Holds => quote!(__lowbit_context),
        Mode::Report => quote!(#krate::Location::context(__lowbit_at)),
    };
    let missing = match mode {
        Mode::Holds => quote!(return false;),
        Mode::Report => quote! {
            #krate::__private::report_custom(
                __lowbit_report,
                __lowbit_at,
                &[],
                ::core::option::Option::None,
                &__lowbit_missing,
                ::core::option::Option::None,
            );
        },
    };
    let fetch = respan(quote!(#krate::__private::context), keyword.span());
    quote! {
        match #fetch(#given) {
            ::core::result::Result::Ok(__lowbit_given) => { #checked }
            ::core::result::Result::Err(__lowbit_missing) => { #missing }
        }
    }
}

/// The container's rules as `RuleInfo` expressions, for `Shape`: their
/// subject is the struct itself.
pub fn rule_infos(krate: &syn::Path, body: &Struct, scope: &mut Scope) -> Vec<TokenStream> {
    let shape = quote!(#krate::shape);
    let gated = body.is_gated();
    let groups = body.groups.iter().map(|group| {
        let names: Vec<&str> = group
            .members
            .iter()
            .map(|place| body.fields[place.field].name.as_str())
            .collect();
        let list = names.join(", ");
        let variant = match group.kind {
            GroupKind::AtMostOne => quote!(AtMostOne),
            GroupKind::ExactlyOne => quote!(ExactlyOne),
            GroupKind::AtLeastOne => quote!(AtLeastOne),
        };
        let message = match &group.message {
            Some(message) => message.value(),
            None => match group.kind {
                GroupKind::AtMostOne => format!("at most one of {list} may be set"),
                GroupKind::ExactlyOne => format!("exactly one of {list} must be set"),
                GroupKind::AtLeastOne => format!("at least one of {list} must be set"),
            },
        };
        let kind = quote!(#shape::RuleKind::#variant(#krate::__private::vec![#(#names),*]));
        let guard = match &group.guard {
            Some(guard) => {
                let guard = super::shape::condition(krate, scope, guard);
                quote!(::core::option::Option::Some(#guard))
            }
            None => quote!(::core::option::Option::None),
        };
        info(krate, &kind, gated, &message, &guard, group.warn)
    });
    let groups: Vec<TokenStream> = groups.collect();
    let checks = body.checks.iter().map(|check| {
        let function = &check.function;
        let function = quote!(#function).to_string().replace(' ', "");
        let context = check.context.is_some();
        let kind = quote!(#shape::RuleKind::Custom { function: #function, context: #context });
        let message = check
            .message
            .as_ref()
            .map(syn::LitStr::value)
            .unwrap_or_default();
        let none = quote!(::core::option::Option::None);
        info(krate, &kind, gated, &message, &none, false)
    });
    groups.into_iter().chain(checks).collect()
}

fn info(
    krate: &syn::Path,
    kind: &TokenStream,
    gated: bool,
    message: &str,
    guard: &TokenStream,
    warn: bool,
) -> TokenStream {
    quote! {
        #krate::shape::RuleInfo {
            kind: #kind,
            field: "",
            subject: #krate::__private::vec![],
            when: #krate::__private::vec![],
            gated: #gated,
            guard: #guard,
            warn: #warn,
            message: ::core::convert::From::from(#message),
        }
    }
}
