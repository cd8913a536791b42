//! `items(..)` and `keys(..)`: the rules inside, checked on each item (or
//! key) of the subject, each violation at the item's own path (`f[2]`,
//! `f["key"]`). The subject's type gives the items through lowbit-core's
//! `Each` and `Keys`; the rules inside read an item as they would a field.

use proc_macro2::TokenStream;
use quote::quote;

use super::context::{Resolved, Scope};
use super::rules::{Check, check_subject};
use crate::model::Rule;
use crate::vocab::Capability;

/// Which part of the subject's entries the rules are about.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The items of a sequence, the values of a map.
    Items,
    /// The keys of a map.
    Keys,
}

/// The loop that checks `rules` on each item of `check`'s subject.
pub(super) fn check(scope: &mut Scope, check: &Check, rules: &[Rule], side: Side) -> TokenStream {
    let blame = check.rule.span();
    let (each, item, part, lead) = match side {
        Side::Items => (Capability::Each, Capability::EachItem, "EachOf", ""),
        Side::Keys => (Capability::Keys, Capability::MapKey, "KeyOf", "key "),
    };
    // A subject with no items is an error at `items`; the rules inside
    // blame their own tokens for what the item's type lacks, so that a
    // rule that does not fit the items is one error, at that rule.
    let item = scope.member(&check.ty, blame, item);
    let item_ty = check.ty.part(item, part, None);
    let entries = scope.call(&check.ty, blame, each, &check.value);
    let checks: Vec<TokenStream> = rules
        .iter()
        .map(|rule| {
            let subject = Resolved {
                access: quote!((*__lowbit_item)),
                ty: item_ty.clone(),
                segments: Vec::new(),
            };
            check_subject(scope, rule, subject, lead)
        })
        .collect();
    // The subject's location, each step borrowing the one before it, then
    // each item's below it; the rules inside record at `__lowbit_at`.
    let (steps, parent) = super::context::location_steps(&check.segments);
    let (before, after) = match side {
        Side::Items => (TokenStream::new(), TokenStream::new()),
        Side::Keys => (
            quote!(let __lowbit_keys_from = __lowbit_rt::Sink::mark(__lowbit_sink);),
            quote!(__lowbit_rt::Sink::about_keys(__lowbit_sink, __lowbit_keys_from);),
        ),
    };
    quote! {
        {
            #(#steps)*
            #before
            for (__lowbit_slot, __lowbit_item) in #entries {
                let __lowbit_item_at = __lowbit_rt::Slot::locate(__lowbit_slot, #parent);
                let __lowbit_at = &__lowbit_item_at;
                #(#checks)*
            }
            #after
        }
    }
}
