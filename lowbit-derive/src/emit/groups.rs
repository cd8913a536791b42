//! The checks of the container's rules: group rules (`at_most_one(..)` and
//! its kin), which count the members that are set, and `custom` checks of
//! the whole struct. They follow the fields' rules, behind the same gate.

use proc_macro2::{Delimiter, Group as TokenGroup, TokenStream};
use quote::quote;

use super::context::{Resolved, Scope, respan};
use crate::model::{Group, GroupKind, Struct, StructCheck};
use crate::vocab::Capability;

/// The statements of the container's rules, each behind `__lowbit_gate`
/// when `gated`.
pub fn checks(scope: &mut Scope, body: &Struct, gated: bool) -> TokenStream {
    let groups: Vec<TokenStream> = body
        .groups
        .iter()
        .map(|group| check(scope, group))
        .collect();
    let customs: Vec<TokenStream> = body
        .checks
        .iter()
        .map(|custom| struct_check(scope, custom))
        .collect();
    let all = quote!(#(#groups)* #(#customs)*);
    if gated && !all.is_empty() {
        quote!(if __lowbit_gate { #all })
    } else {
        all
    }
}

/// A group: which members are set, and the violation when too many or none
/// are. A member that has no notion of set is an error on its name.
fn check(scope: &mut Scope, group: &Group) -> TokenStream {
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
    let kind = quote!(__lowbit_rt::GroupKind::#kind);
    let names = group
        .members
        .iter()
        .map(|place| scope.fields[place.field].name.as_str());
    let template = match &group.message {
        Some(message) => quote!(__lowbit_rt::Some(#message)),
        None => quote!(__lowbit_rt::None),
    };
    let warn = group.warn;
    let record = quote! {
        if !__LowbitSink::RECORDS {
            return false;
        }
        __lowbit_rt::Sink::group(
            __lowbit_sink,
            __lowbit_at,
            #kind,
            &[#(#names),*],
            &__lowbit_set,
            #template,
            #warn,
        );
    };
    let statement = quote! {
        {
            let __lowbit_set: [bool; #count] = [#(#flags),*];
            if __lowbit_rt::group_broken(#kind, &__lowbit_set) {
                #record
            }
        }
    };
    let statement = match &group.guard {
        Some(guard) => {
            let guard = scope.cond(guard);
            quote!(if #guard #statement)
        }
        None => statement,
    };
    // A warning cannot make the config invalid: the sink that only answers
    // whether it is never reads the rule.
    if group.warn {
        quote!(if <__LowbitSink as __lowbit_rt::Sink>::RECORDS { #statement })
    } else {
        statement
    }
}

/// Calls the user's check of the whole struct: `f(self)` returning a
/// `Result`, located at the struct; or, with `issues`, `f(self, &mut
/// issues)`, which reports at paths below it. With `context`, the context
/// comes second.
fn struct_check(scope: &mut Scope, check: &StructCheck) -> TokenStream {
    let krate = scope.krate;
    let function = &check.function;
    // Spanned on the function, where rustc reports a wrong signature.
    let span = syn::spanned::Spanned::span(function);
    let given_argument = match &check.context {
        Some(keyword) => respan(quote!(, __lowbit_given), keyword.span()),
        None => TokenStream::new(),
    };
    let issues_argument = match &check.issues {
        Some(keyword) => respan(quote!(, &mut __lowbit_issues), keyword.span()),
        None => TokenStream::new(),
    };
    // Through `id`, so that the argument's outer tokens carry the user's
    // span (rustc then blames the function alone) while `self` resolves.
    let this = respan(quote!(&(*__lowbit_rt::id(self))), span);
    let mut arguments = TokenGroup::new(
        Delimiter::Parenthesis,
        quote!(#this #given_argument #issues_argument),
    );
    arguments.set_span(span);
    let semi = respan(quote!(;), span);
    let report = |error: TokenStream, template: TokenStream| {
        quote! {
            if !__LowbitSink::RECORDS {
                return false;
            }
            __lowbit_sink.custom(
                __lowbit_at,
                "",
                #template,
                #error,
                __lowbit_rt::None,
                false,
            );
        }
    };
    let checked = if check.issues.is_some() {
        quote! {
            let mut __lowbit_issues = __lowbit_rt::Sink::issues(__lowbit_sink, __lowbit_at);
            #function #arguments #semi
            if !__lowbit_rt::issues_go_on::<__LowbitSink>(&__lowbit_issues) {
                return false;
            }
        }
    } else {
        let head = respan(
            quote!(let __lowbit_result: ::core::result::Result<(), _> =),
            span,
        );
        let template = match &check.message {
            Some(message) => quote!(__lowbit_rt::Some(#message)),
            None => quote!(__lowbit_rt::None),
        };
        // The error is displayed: a type that cannot be is blamed on the
        // function that returns it.
        let error = respan(
            quote!(__lowbit_rt::display(__lowbit_rt::id(&__lowbit_error))),
            span,
        );
        let broken = report(error, template);
        quote! {
            #head #function #arguments #semi
            if let ::core::result::Result::Err(__lowbit_error) = __lowbit_result {
                #broken
            }
        }
    };
    let Some(keyword) = &check.context else {
        return quote!({ #checked });
    };
    let missing = report(quote!(&__lowbit_missing), quote!(__lowbit_rt::None));
    let fetch = respan(quote!(__lowbit_rt::context), keyword.span());
    quote! {
        match #fetch(#krate::Location::context(__lowbit_at)) {
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
        let kind = quote!(#shape::RuleKind::#variant(__lowbit_rt::vec![#(#names),*]));
        let guard = match &group.guard {
            Some(guard) => {
                let guard = super::shape::condition(krate, scope, guard);
                quote!(__lowbit_rt::Some(#guard))
            }
            None => quote!(__lowbit_rt::None),
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
        let none = quote!(__lowbit_rt::None);
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
            subject: __lowbit_rt::vec![],
            when: __lowbit_rt::vec![],
            gated: #gated,
            guard: #guard,
            warn: #warn,
            message: ::core::convert::From::from(#message),
        }
    }
}
