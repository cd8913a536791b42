//! Constants that refuse, when the crate compiles, rule sets of names that
//! no value satisfies: `one_of` lists with no name in common, and conditions
//! comparing a field with a name its `one_of` excludes. Only the field's
//! type knows which names are the same value (an alias and its variant), so
//! the check is its `Choice::DOMAIN`'s, spanned on the literal to blame.

use proc_macro2::{Delimiter, Group, Span, TokenStream};
use quote::quote;
use syn::ext::IdentExt;

use super::context::{Scope, Ty, respan};
use crate::model::{Lit, RuleKind, Test};
use crate::vocab::Capability;

pub fn one_of(scope: &mut Scope) -> TokenStream {
    let fields = scope.fields;
    let mut items = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        let lists: Vec<&Vec<Lit>> = field
            .rules
            .iter()
            // A `warn` rule rules no value out.
            .filter(|rule| rule.is_unconditional() && !rule.warn)
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
        let domain = scope.member(&Ty::of(&field.ty), first[0].span(), Capability::Domain);
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
        let assertion = |span: Span, check: &str, args: TokenStream| {
            let check = quote::format_ident!("{check}");
            let head = respan(quote!(const _: () = __lowbit_rt::#check), span);
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
        for (_, rule) in crate::model::rules(fields) {
            rule.required_tests(&mut |place, test| {
                if place.is_field()
                    && place.field == index
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
    quote!(#(#items)*)
}
