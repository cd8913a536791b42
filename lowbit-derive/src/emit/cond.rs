//! Conditions and tests as Rust expressions over the scope's fields.

use proc_macro2::{Delimiter, Group, Span, TokenStream};
use quote::quote;

use super::context::{Resolved, Scope, Ty, respan};
use crate::model::{Cond, Lit, Order, Place, Relation, Test};
use crate::vocab::Capability;

/// Lists of names longer than this are searched as data.
const LONG_NAME_LIST: usize = 32;

impl Scope<'_> {
    pub fn cond(&mut self, cond: &Cond) -> TokenStream {
        match cond {
            Cond::Set(place) => {
                let Resolved { access, ty, .. } = self.resolve(place);
                self.call(
                    &ty,
                    place.first().span(),
                    Capability::IsSet,
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
                let conds: Vec<TokenStream> = conds.iter().map(|cond| self.cond(cond)).collect();
                quote!((#(#conds)&&*))
            }
            Cond::Any(conds) => {
                let conds: Vec<TokenStream> = conds.iter().map(|cond| self.cond(cond)).collect();
                quote!((#(#conds)||*))
            }
            Cond::Every(place, test) | Cond::Some(place, test) => {
                let every = matches!(cond, Cond::Every(..));
                self.quantifier(every, place, test)
            }
            Cond::Compare(left, relation, right) => self.compare(left, *relation, right),
        }
    }

    /// A field against another field, by their `Key`s: both must be set
    /// and of one type (numbers of one type, strings, bools, one enum), so
    /// that a mismatch is rustc's error at the right-hand name.
    fn compare(&mut self, left: &Place, relation: Relation, right: &Place) -> TokenStream {
        let Resolved {
            access: left_access,
            ty: left_ty,
            ..
        } = self.resolve(left);
        let Resolved {
            access: right_access,
            ty: right_ty,
            ..
        } = self.resolve(right);
        let capability = match relation {
            Relation::Eq | Relation::Ne => Capability::Key,
            Relation::Order(_) => Capability::Ordered,
        };
        // An order is asked of both sides at the right-hand name, so that
        // two fields of one type without one are one error, not two.
        let left_blame = match relation {
            Relation::Order(_) => right.first().span(),
            _ => left.first().span(),
        };
        let left_key = self.call(&left_ty, left_blame, capability, &quote!(&#left_access));
        let right_key = self.call(
            &right_ty,
            right.first().span(),
            capability,
            &quote!(&#right_access),
        );
        let helper = match relation {
            Relation::Eq => quote!(same),
            Relation::Ne => quote!(differ),
            Relation::Order(Order::Lt) => quote!(less),
            Relation::Order(Order::Le) => quote!(at_most),
            Relation::Order(Order::Gt) => quote!(greater),
            Relation::Order(Order::Ge) => quote!(at_least),
        };
        let span = right.first().span();
        let helper = respan(quote!(__lowbit_rt::#helper), span);
        let mut args = Group::new(Delimiter::Parenthesis, quote!(#left_key, #right_key));
        args.set_span(span);
        quote!(#helper #args)
    }

    /// `every(f = v)` or `some(f = v)`: whether every item of the collection
    /// `f`, or some, passes the test.
    fn quantifier(&mut self, every: bool, place: &crate::model::Place, test: &Test) -> TokenStream {
        let Resolved { access, ty, .. } = self.resolve(place);
        // Both uses of `Items` spanned alike: a field that is no collection
        // is one error.
        let blame = ty.blame.unwrap_or_else(|| place.first().span());
        let item = self.member(&ty, blame, Capability::Item);
        let item_ty = ty.part(item, "ItemOf", Some(blame));
        let item = respan(quote!(__lowbit_item), blame);
        let test = self.test(&item, &item_ty, test);
        // `Iterator` by its path: the user's crate may have no prelude.
        let method = if every { quote!(all) } else { quote!(any) };
        let method = respan(quote!(::core::iter::Iterator::#method), blame);
        let head = respan(quote!(|__lowbit_item|), blame);
        let items = self.member(&ty, blame, Capability::Items);
        let iterator = respan(quote!(&mut #items(&#access)), blame);
        let mut call = Group::new(Delimiter::Parenthesis, quote!(#iterator, #head #test));
        call.set_span(blame);
        quote!(#method #call)
    }

    /// `value` (an expression of type `&ty`) passes `test`.
    pub fn test(&mut self, value: &TokenStream, ty: &Ty, test: &Test) -> TokenStream {
        match test {
            Test::Eq(lit) => self.equals(value, ty, lit),
            Test::Ne(lit) => {
                let equals = self.equals(value, ty, lit);
                quote!(!(#equals))
            }
            Test::In(lits) => self.any_of(value, ty, lits),
            Test::Order(order, lit) => {
                let helper = match order {
                    Order::Lt => quote!(lt),
                    Order::Le => quote!(le),
                    Order::Gt => quote!(gt),
                    Order::Ge => quote!(ge),
                };
                self.numeric(value, ty, lit, lit.span(), &helper)
            }
        }
    }

    /// `value`'s number, compared with `lit` by the `__private` function
    /// `helper`; false when `value` holds no number (a `None`).
    fn numeric(
        &mut self,
        value: &TokenStream,
        ty: &Ty,
        lit: &Lit,
        blame: Span,
        helper: &TokenStream,
    ) -> TokenStream {
        let read = self.call(ty, blame, Capability::Scalar, value);
        let number = self.number(ty, blame, lit);
        // The number keeps its own span, as in `among_numbers`: rustc quotes
        // a literal out of the field's range by it.
        let span = ty.blame.unwrap_or(blame);
        let compare = respan(quote!(|__lowbit_number| __lowbit_rt::#helper), span);
        let mut args = Group::new(Delimiter::Parenthesis, quote!(__lowbit_number, &#number));
        args.set_span(span);
        let mut closure = Group::new(Delimiter::Parenthesis, quote!(#compare #args));
        closure.set_span(span);
        let is_some_and = respan(quote!(.is_some_and), span);
        quote!(#read #is_some_and #closure)
    }

    /// `value` is one of `lits`; a type that cannot be compared is blamed
    /// once, on the first literal.
    pub fn any_of(&mut self, value: &TokenStream, ty: &Ty, lits: &[Lit]) -> TokenStream {
        let blame = lits[0].span();
        match lits[0] {
            Lit::Int(_) | Lit::Float(_) => return self.among_numbers(value, ty, lits, blame),
            // A short list of names stays a chain: a slice of the lookups is
            // itself a constant, which adds a note to the error of an unknown
            // name.
            Lit::Str(_) if lits.len() > LONG_NAME_LIST => {
                return self.among_names(value, ty, lits, blame);
            }
            _ => {}
        }
        let tests: Vec<TokenStream> = lits
            .iter()
            .map(|lit| self.equals_blaming(value, ty, lit, blame))
            .collect();
        quote!((#(#tests)||*))
    }

    /// `value` is one of the numbers `lits`, written as data: one slice and
    /// one search. A chain of comparisons, one closure each, costs rustc
    /// time quadratic in their number, and its nesting overflows rustc's
    /// stack at some thousands.
    fn among_numbers(
        &mut self,
        value: &TokenStream,
        ty: &Ty,
        lits: &[Lit],
        blame: Span,
    ) -> TokenStream {
        let read = self.call(ty, blame, Capability::Scalar, value);
        let numbers: Vec<TokenStream> =
            lits.iter().map(|lit| self.number(ty, blame, lit)).collect();
        // Only the search is spanned on the blame: each number keeps its own
        // span, so that rustc quotes a number that does not fit where it is.
        let search = respan(
            quote!(|__lowbit_number| __lowbit_rt::among),
            ty.blame.unwrap_or(blame),
        );
        let mut slice = Group::new(Delimiter::Bracket, quote!(#(#numbers),*));
        slice.set_span(blame);
        let mut args = Group::new(Delimiter::Parenthesis, quote!(__lowbit_number, &#slice));
        args.set_span(blame);
        let mut closure = Group::new(Delimiter::Parenthesis, quote!(#search #args));
        closure.set_span(ty.blame.unwrap_or(blame));
        let is_some_and = respan(quote!(.is_some_and), ty.blame.unwrap_or(blame));
        quote!(#read #is_some_and #closure)
    }

    /// `value` is one of the names `lits`, written as data as numbers are:
    /// one slice of (index, name) pairs, each index the constant that looks
    /// the name up, and one search.
    fn among_names(
        &mut self,
        value: &TokenStream,
        ty: &Ty,
        lits: &[Lit],
        blame: Span,
    ) -> TokenStream {
        let span = ty.blame.unwrap_or(blame);
        let pairs: Vec<TokenStream> = lits
            .iter()
            .filter_map(|lit| match lit {
                Lit::Str(text) => {
                    let constant = self.lookup(ty, blame, text);
                    let mut pair = Group::new(Delimiter::Parenthesis, quote!(#constant, #text));
                    pair.set_span(text.span());
                    Some(quote!(#pair))
                }
                _ => None,
            })
            .collect();
        let is = self.member(ty, blame, Capability::Is);
        let mut call = Group::new(
            Delimiter::Parenthesis,
            quote!(#value, __lowbit_index, __lowbit_name),
        );
        call.set_span(span);
        let head = respan(quote!(|__lowbit_index, __lowbit_name|), span);
        let search = respan(quote!(__lowbit_rt::among_names), span);
        let mut slice = Group::new(Delimiter::Bracket, quote!(#(#pairs),*));
        slice.set_span(blame);
        // The slice is a promoted constant: all of it spanned on the list,
        // so that rustc's notes about a constant in it point there.
        let borrow = respan(quote!(&), blame);
        let mut args = Group::new(
            Delimiter::Parenthesis,
            quote!(#borrow #slice, #head #is #call),
        );
        args.set_span(span);
        quote!(#search #args)
    }

    /// Whether `value` holds anything to compare with literals like `lit`,
    /// blamed where the rule's literals are.
    pub fn present(&mut self, value: &TokenStream, ty: &Ty, lit: &Lit) -> TokenStream {
        let blame = lit.span();
        match lit {
            Lit::Str(_) => self.call(ty, blame, Capability::Present, value),
            Lit::Bool(_) => {
                let flag = self.call(ty, blame, Capability::Flag, value);
                respan(quote!(#flag.is_some()), blame)
            }
            Lit::Int(_) | Lit::Float(_) => {
                let scalar = self.call(ty, blame, Capability::Scalar, value);
                respan(quote!(#scalar.is_some()), blame)
            }
        }
    }

    pub fn equals(&mut self, value: &TokenStream, ty: &Ty, lit: &Lit) -> TokenStream {
        self.equals_blaming(value, ty, lit, lit.span())
    }

    /// `value == lit`, blaming an unfit type on `blame`. A name is looked up
    /// in the type's names at compile time by a constant spanned on the
    /// literal, so that an unknown name is an error there; at run time an
    /// enum is compared by variant index.
    fn equals_blaming(
        &mut self,
        value: &TokenStream,
        ty: &Ty,
        lit: &Lit,
        blame: Span,
    ) -> TokenStream {
        let span = lit.span();
        match lit {
            Lit::Str(text) => {
                let constant = self.lookup(ty, blame, text);
                let is = self.member(ty, blame, Capability::Is);
                let mut call = Group::new(Delimiter::Parenthesis, quote!(#value, #constant, #text));
                call.set_span(ty.blame.unwrap_or(blame));
                quote!(#is #call)
            }
            Lit::Bool(flag) => {
                let read = self.call(ty, blame, Capability::Flag, value);
                let compare = respan(quote!(== __lowbit_rt::Some), span);
                quote!((#read #compare(#flag)))
            }
            Lit::Int(_) | Lit::Float(_) => self.numeric(value, ty, lit, blame, &quote!(equal)),
        }
    }
}
