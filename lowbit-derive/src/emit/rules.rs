//! The check of each rule: one function per rule, each given what every
//! rule's check shares ([`Check`]), returning the statement that checks it
//! and sends its violation to the sink (`__lowbit_sink`), returning `false`
//! when the sink says to stop.

use proc_macro2::{Delimiter, Group, TokenStream};
use quote::{quote, quote_spanned};

use super::context::{Resolved, Scope, Ty, respan, static_names};
use super::message;
use crate::model::{
    Bound, Cond, Counted, Exclusive, Lengths, Lit, Number, Rule, RuleKind, TextRule, Unit,
};
use crate::vocab::Capability;

/// What the check of one rule shares, whatever the rule.
pub(super) struct Check<'r> {
    pub(super) rule: &'r Rule,
    /// `&` the subject.
    pub(super) value: TokenStream,
    pub(super) ty: Ty,
    /// The subject's serde path below the current location.
    pub(super) segments: Vec<TokenStream>,
    /// The subject's location, as the two arguments its violation is sent
    /// with (see `location_of`).
    path: TokenStream,
    /// The message template, and the serde names its placeholders stand for.
    template: String,
    names: TokenStream,
    /// The offending value, as reports show it.
    described: TokenStream,
    /// The statement that fills the message's sibling placeholders
    /// (`{action}`) of the violation just recorded; empty when it has none.
    fill: TokenStream,
}

impl Check<'_> {
    /// The statement that records a violation with `offending` as its value,
    /// or returns `false`.
    fn record(&self, offending: &TokenStream) -> TokenStream {
        self.record_below(&self.path, offending, false)
    }

    /// `record` for a value that costs nothing to build (a number, a
    /// length): it is built before the sink is asked whether to go on, in
    /// one call that answers it, which is fewer tokens for rustc than
    /// `record`'s test and call. Only for those: any other value built
    /// ahead of the test made the seed's valid `validate()` 1.2x to 2x
    /// heavier in instructions (`cargo bench -p lowbit-bench --bench seed`).
    fn record_cheap(&self, offending: &TokenStream) -> TokenStream {
        self.record_below(&self.path, offending, true)
    }

    /// `record` (or `record_cheap`), at the location `path` rather than at
    /// the subject.
    fn record_below(
        &self,
        path: &TokenStream,
        offending: &TokenStream,
        cheap: bool,
    ) -> TokenStream {
        let Check {
            template, names, ..
        } = self;
        let code = self.rule.code();
        let fill = self.fill_tokens();
        // The arguments are written out in each form rather than built once
        // and interpolated: a stream interpolated is a round trip to the
        // compiler, and this is written for every rule.
        // A warning never stops the checks: only a recording sink sees it.
        if self.rule.warn {
            quote! {
                __lowbit_sink.warned(#path, #code, #template, #names, #offending);
                #(#fill)*
            }
        } else if cheap {
            quote! {
                if !__lowbit_sink.goes_on(#path, #code, #template, #names, #offending) {
                    return false;
                }
                #(#fill)*
            }
        } else {
            quote! {
                if !__LowbitSink::RECORDS {
                    return false;
                }
                __lowbit_sink.broken(#path, #code, #template, #names, #offending);
                #(#fill)*
            }
        }
    }

    /// The statement that fills the sibling placeholders, as zero or one
    /// streams to interpolate: most rules have none, and an empty stream
    /// interpolated still costs a round trip to the compiler.
    fn fill_tokens(&self) -> &[TokenStream] {
        if self.fill.is_empty() {
            &[]
        } else {
            core::slice::from_ref(&self.fill)
        }
    }

    /// `record` with the subject's own value.
    fn record_value(&self) -> TokenStream {
        self.record(&self.described)
    }

    /// `record` at item `index` of the subject (`f[3]`) rather than at the
    /// subject, with `offending` as its value.
    fn record_item(&self, index: &TokenStream, offending: &TokenStream) -> TokenStream {
        // The subject's location, each step borrowing the one before it,
        // as `items(..)` builds it; the record then adds no segment.
        let (steps, parent) = super::context::location_steps(&self.segments);
        let record = self.record_below(&quote!(__lowbit_at, ""), offending, false);
        quote! {{
            #(#steps)*
            let __lowbit_item_at = #parent.index(#index);
            let __lowbit_at = &__lowbit_item_at;
            #record
        }}
    }
}

/// The statement that fills the sibling placeholders of `rule`'s message in
/// the violation just recorded, with those fields' values.
fn fill_siblings(scope: &mut Scope, rule: &Rule) -> TokenStream {
    let Some(message) = &rule.message else {
        return TokenStream::new();
    };
    let template = message.value();
    let siblings: Vec<TokenStream> = crate::ir::sibling_placeholders(&template)
        .into_iter()
        .filter_map(|name| {
            let index = scope
                .fields
                .iter()
                .position(|field| syn::ext::IdentExt::unraw(&field.ident) == name)?;
            let place = crate::model::Place {
                field: index,
                segments: vec![scope.fields[index].ident.clone()],
            };
            let Resolved { access, .. } = scope.resolve(&place);
            Some(quote!((#name, (&&__lowbit_rt::Probe(&#access)).value_of())))
        })
        .collect();
    if siblings.is_empty() {
        return TokenStream::new();
    }
    quote!(__lowbit_rt::Sink::fill(__lowbit_sink, &[#(#siblings),*]);)
}

/// The statement that checks `rule`.
pub fn check(scope: &mut Scope, rule: &Rule) -> TokenStream {
    let subject = scope.resolve(&rule.subject);
    check_subject(scope, rule, subject, "")
}

/// The statement that checks `rule` of `subject`, which is the rule's own
/// subject, or an item of it for the rules inside `items(..)`; `lead` goes
/// before a default message (`"key "` for those inside `keys(..)`).
pub(super) fn check_subject(
    scope: &mut Scope,
    rule: &Rule,
    subject: Resolved,
    lead: &str,
) -> TokenStream {
    let Resolved {
        access,
        ty,
        segments,
    } = subject;
    let value = quote!(&#access);
    let (mut template, args) = message::template(rule, scope.fields);
    if rule.message.is_none() && !template.is_empty() {
        template.insert_str(0, lead);
    }
    let names: Vec<TokenStream> = args
        .iter()
        .filter_map(|place| scope.last_name(place))
        .collect();
    let names = static_names(&names);
    let path = super::context::location_of(&segments);
    // The offending value, where its type can describe it. A type made of
    // the container's parameters is asked for it by a bound, since the
    // probe cannot see through a parameter; a `custom` rule asks nothing of
    // its field's type, so that bound is not added for it, and a `nested`
    // rule records no violation of its own: asking it would make code
    // generic over the parameter name lowbit's private `Describe`.
    let described = if matches!(rule.kind, RuleKind::Range { .. } | RuleKind::MultipleOf(_)) {
        // These record the number they read (see `range`).
        TokenStream::new()
    } else if let RuleKind::OneOf(lits) | RuleKind::NoneOf(lits) = &rule.kind
        && let [Lit::Str(_), ..] = lits.as_slice()
    {
        // Names are compared through `Choice`, which also gives the value:
        // spanned as the comparisons are, a type without it is one error.
        scope.call(&ty, lits[0].span(), Capability::ChoiceValue, &value)
    } else if scope.cx.bounds.depends(&ty.tokens)
        && !matches!(
            rule.kind,
            RuleKind::Custom { .. } | RuleKind::Items(_) | RuleKind::Keys(_) | RuleKind::Nested
        )
    {
        scope.call(&ty, rule.span(), Capability::Describe, &value)
    } else if !ty.through && super::context::written_integer(&ty.tokens) {
        // An integer type (or an `Option` of one) as written is known to
        // describe itself: asked directly, rustc does not search the
        // probe's methods for it.
        scope.call(&ty, rule.span(), Capability::Describe, &value)
    } else {
        quote!((&&__lowbit_rt::Probe(&#access)).value_of())
    };
    let fill = fill_siblings(scope, rule);
    let check = Check {
        rule,
        fill,
        value,
        ty,
        segments,
        path,
        template,
        names,
        described,
    };
    let statement = match &rule.kind {
        RuleKind::OneOf(lits) => one_of(scope, &check, lits),
        RuleKind::NoneOf(lits) => none_of(scope, &check, lits),
        RuleKind::Requires(conds) => requires(scope, &check, conds),
        RuleKind::OnlyIf(cond) => only_if(scope, &check, cond),
        RuleKind::ConflictsWith(cond) => conflicts_with(scope, &check, cond),
        RuleKind::RequiredIf(cond) => required_if(scope, &check, cond),
        RuleKind::Nested => nested(scope, &check),
        RuleKind::Range {
            min,
            max,
            exclusive,
        } => range(scope, &check, min.as_ref(), max.as_ref(), *exclusive),
        RuleKind::MultipleOf(divisor) => multiple_of(scope, &check, divisor),
        RuleKind::Length(lengths, counted) => length(scope, &check, lengths, counted.as_ref()),
        RuleKind::NonEmpty => non_empty(scope, &check),
        RuleKind::Forbidden => forbidden(scope, &check),
        RuleKind::Required => required(scope, &check),
        RuleKind::Unique => unique(scope, &check),
        RuleKind::Text(test) => text(scope, &check, test),
        RuleKind::Custom { function, context } => custom(scope, &check, function, context.as_ref()),
        RuleKind::Items(rules) => {
            super::items::check(scope, &check, rules, super::items::Side::Items)
        }
        RuleKind::Keys(rules) => {
            super::items::check(scope, &check, rules, super::items::Side::Keys)
        }
    };
    let statement = match &rule.guard {
        Some(guard) => {
            let guard = scope.cond(guard);
            quote!(if #guard { #statement })
        }
        None => statement,
    };
    // A warning cannot make the config invalid: the sink that only answers
    // whether it is never reads the rule.
    if rule.warn {
        quote!(if <__LowbitSink as __lowbit_rt::Sink>::RECORDS { #statement })
    } else {
        statement
    }
}

/// "When the subject is set", or narrowed by `when` to some of its values:
/// what triggers the rules that apply to a set field.
fn trigger(scope: &mut Scope, check: &Check) -> TokenStream {
    match &check.rule.when {
        Some(values) => scope.any_of(&check.value, &check.ty, values),
        None => is_set(scope, check),
    }
}

fn is_set(scope: &mut Scope, check: &Check) -> TokenStream {
    scope.call(
        &check.ty,
        check.rule.span(),
        Capability::IsSet,
        &check.value,
    )
}

fn one_of(scope: &mut Scope, check: &Check, lits: &[Lit]) -> TokenStream {
    let present = scope.present(&check.value, &check.ty, &lits[0]);
    let allowed = scope.any_of(&check.value, &check.ty, lits);
    let record = check.record_value();
    quote!(if #present && !#allowed { #record })
}

fn none_of(scope: &mut Scope, check: &Check, lits: &[Lit]) -> TokenStream {
    let excluded = scope.any_of(&check.value, &check.ty, lits);
    let record = check.record_value();
    quote!(if #excluded { #record })
}

fn requires(scope: &mut Scope, check: &Check, conds: &[Cond]) -> TokenStream {
    let trigger = trigger(scope, check);
    let conds: Vec<TokenStream> = conds.iter().map(|cond| scope.cond(cond)).collect();
    let record = check.record_value();
    quote!(if #trigger && !(#(#conds)&&*) { #record })
}

fn only_if(scope: &mut Scope, check: &Check, cond: &Cond) -> TokenStream {
    let trigger = trigger(scope, check);
    let cond = scope.cond(cond);
    let record = check.record_value();
    quote!(if #trigger && !(#cond) { #record })
}

fn conflicts_with(scope: &mut Scope, check: &Check, cond: &Cond) -> TokenStream {
    let trigger = trigger(scope, check);
    let cond = scope.cond(cond);
    let record = check.record_value();
    quote!(if #trigger && (#cond) { #record })
}

fn required_if(scope: &mut Scope, check: &Check, cond: &Cond) -> TokenStream {
    let cond = scope.cond(cond);
    let set = is_set(scope, check);
    let record = check.record_value();
    quote!(if (#cond) && !#set { #record })
}

/// Validates the subject in place, its paths below the subject's.
fn nested(scope: &mut Scope, check: &Check) -> TokenStream {
    let krate = scope.krate;
    let span = check.rule.span();
    let value = &check.value;
    scope
        .cx
        .bounds
        .require(&check.ty.tokens, quote!(#krate::Validate));
    // Descending is bounded (`limits::max_nesting`), so that a recursive
    // type is never a stack overflow: there the fast path fails, and the
    // report says where checking stopped. Each step borrows the one before
    // it; a flattened field adds none.
    let (steps, parent) = super::context::location_steps(&check.segments);
    let call = respan(
        quote!(#krate::Validate::check_into(#value, &__lowbit_nested, __lowbit_sink)),
        span,
    );
    quote! {
        {
            #(#steps)*
            let __lowbit_nested = #parent.nested();
            if !(if __lowbit_nested.nesting() > #krate::limits::max_nesting() {
                __lowbit_rt::Sink::too_deep(__lowbit_sink, &__lowbit_nested)
            } else {
                #call
            }) {
                return false;
            }
        }
    }
}

/// A number of a rule as an `Option<&T>` of the subject's number type: the
/// literal, or the other field's number (`None` while it holds none). A
/// field of another number type is rustc's error at its name.
fn operand(scope: &mut Scope, check: &Check, number: &Number) -> TokenStream {
    let blame = check.rule.span();
    match number {
        // A duration: a constant the optimizer folds, spanned on the
        // literal, where rustc's error lands if the field is no `Duration`.
        Number::Lit(Bound {
            lit,
            millis: Some(millis),
            ..
        }) => respan(
            quote!(__lowbit_rt::Some(&::core::time::Duration::from_millis(#millis))),
            lit.span(),
        ),
        Number::Lit(Bound { lit, .. }) => {
            let number = scope.number(&check.ty, blame, lit);
            let some = respan(quote!(__lowbit_rt::Some), lit.span());
            let mut argument = Group::new(Delimiter::Parenthesis, quote!(&#number));
            argument.set_span(lit.span());
            quote!(#some #argument)
        }
        Number::Field(place) => {
            let Resolved { access, ty, .. } = scope.resolve(place);
            scope.call(
                &ty,
                place.first().span(),
                Capability::Scalar,
                &quote!(&#access),
            )
        }
    }
}

fn range(
    scope: &mut Scope,
    check: &Check,
    min: Option<&Number>,
    max: Option<&Number>,
    exclusive: Exclusive,
) -> TokenStream {
    let blame = check.rule.span();
    if exclusive == Exclusive::default()
        && let Some(test) = literal_range(scope, check, min, max)
    {
        let read = scope.call(&check.ty, blame, Capability::Scalar, &check.value);
        return number_test(check, &read, |number| {
            let helper = proc_macro2::Ident::new(test_helper(min, max), blame);
            quote_spanned!(blame=> __lowbit_rt::#helper(#number, #test))
        });
    }
    let mut bound = |bound: Option<&Number>| match bound {
        Some(number) => operand(scope, check, number),
        None => quote!(__lowbit_rt::None),
    };
    let (min, max) = (bound(min), bound(max));
    let read = scope.call(&check.ty, blame, Capability::Scalar, &check.value);
    // The bounds keep their own spans: rustc quotes a literal out of the
    // field's range by its span. A strict bound is the same test with its
    // own helper, so that the flags are constants the optimizer folds, not
    // arguments.
    let (helper, flags) = if exclusive == Exclusive::default() {
        (quote!(out_of_range), TokenStream::new())
    } else {
        let (lo, hi) = (exclusive.min, exclusive.max);
        (quote!(out_of_range_strict), quote!(, #lo, #hi))
    };
    let helper = respan(quote!(__lowbit_rt::#helper), blame);
    number_test(check, &read, |number| {
        let mut args = Group::new(Delimiter::Parenthesis, quote!(#number, #min, #max #flags));
        args.set_span(blame);
        quote!(#helper #args)
    })
}

/// `if test(number) { record }`, for the rules that test the number they
/// read and report it as the value: rustc then looks up no method to
/// describe it, as it does for the probe the other rules' values go
/// through. The number is read once into a local, except at the end of a
/// dotted path, where it borrows a temporary `Via` and is read twice (by the
/// same tokens, so that a type that is no number is one error).
fn number_test(
    check: &Check,
    read: &TokenStream,
    test: impl FnOnce(&TokenStream) -> TokenStream,
) -> TokenStream {
    if check.ty.through {
        let test = test(read);
        let record = check.record_cheap(&quote!(__lowbit_rt::described(#read)));
        return quote!(if #test { #record });
    }
    let test = test(&quote!(__lowbit_number));
    let record = check.record_cheap(&quote!(__lowbit_rt::described(__lowbit_number)));
    quote! {{
        let __lowbit_number = #read;
        if #test { #record }
    }}
}

/// The helper of an inclusive range whose bounds are number literals (not
/// durations, which are expressions).
fn test_helper(min: Option<&Number>, max: Option<&Number>) -> &'static str {
    match (min, max) {
        (Some(_), Some(_)) => "out_of",
        (Some(_), None) => "below",
        _ => "above",
    }
}

/// The bounds of an inclusive range as the literals themselves, when each
/// one given is a number literal: one or two values rather than two
/// `Option`s, for fewer tokens, and not borrowed, since a borrowed literal
/// is a promoted constant. `None` for a field or a duration.
fn literal_range(
    scope: &mut Scope,
    check: &Check,
    min: Option<&Number>,
    max: Option<&Number>,
) -> Option<TokenStream> {
    fn literal(number: Option<&Number>) -> Option<Option<&Lit>> {
        match number {
            Some(Number::Lit(Bound {
                lit, millis: None, ..
            })) => Some(Some(lit)),
            None => Some(None),
            _ => None,
        }
    }
    let (min, max) = (literal(min)?, literal(max)?);
    let blame = check.rule.span();
    let bounds: Vec<TokenStream> = [min, max]
        .into_iter()
        .flatten()
        .map(|lit| scope.number(&check.ty, blame, lit))
        .collect();
    (!bounds.is_empty()).then(|| quote!(#(#bounds),*))
}

/// The subject's number is a multiple of the divisor; a divisor of 0 (from
/// a field) is a violation.
fn multiple_of(scope: &mut Scope, check: &Check, divisor: &Number) -> TokenStream {
    let blame = check.rule.span();
    let read = scope.call(&check.ty, blame, Capability::Scalar, &check.value);
    let divisor = operand(scope, check, divisor);
    let not_multiple = respan(quote!(__lowbit_rt::not_multiple), blame);
    number_test(check, &read, |number| {
        let mut args = Group::new(Delimiter::Parenthesis, quote!(#number, #divisor));
        args.set_span(blame);
        quote!(#not_multiple #args)
    })
}

fn length(
    scope: &mut Scope,
    check: &Check,
    lengths: &Lengths,
    counted: Option<&Counted>,
) -> TokenStream {
    let (min, max) = lengths.bounds();
    // Literal counts, compared as they stand: a `usize` against a literal
    // is all rustc has to check. A minimum of 0 bounds nothing (and `< 0`
    // on a `usize` is a warning in the user's crate).
    let mut tests = Vec::new();
    if let Some(min) = min.filter(|min| *min > 0) {
        let min = proc_macro2::Literal::usize_unsuffixed(min);
        tests.push(quote!(__lowbit_len < #min));
    }
    if let Some(max) = max {
        let max = proc_macro2::Literal::usize_unsuffixed(max);
        tests.push(quote!(__lowbit_len > #max));
    }
    let outside = if tests.is_empty() {
        quote!(false)
    } else {
        quote!(#(#tests)||*)
    };
    let record = check.record_cheap(&quote!(__lowbit_rt::Some(__lowbit_rt::len_value(
        __lowbit_len
    ))));
    // With a unit, the value is a string, read as text; a type that is none
    // is blamed on `unit`.
    let length = match counted {
        None => scope.call(
            &check.ty,
            check.rule.span(),
            Capability::Length,
            &check.value,
        ),
        Some(Counted { unit, key }) => {
            let text = scope.call(&check.ty, key.span(), Capability::Text, &check.value);
            let helper = match unit {
                Unit::Bytes => quote!(bytes),
                Unit::Chars => quote!(chars),
                Unit::Graphemes => quote!(graphemes),
                Unit::Utf16 => quote!(utf16),
            };
            quote!(__lowbit_rt::text::#helper(#text))
        }
    };
    quote! {
        if let __lowbit_rt::Some(__lowbit_len) = #length {
            if #outside {
                #record
            }
        }
    }
}

fn non_empty(scope: &mut Scope, check: &Check) -> TokenStream {
    let record = check.record(&quote!(__lowbit_rt::None));
    let length = scope.call(
        &check.ty,
        check.rule.span(),
        Capability::Length,
        &check.value,
    );
    quote! {
        if #length == __lowbit_rt::Some(0) {
            #record
        }
    }
}

fn forbidden(scope: &mut Scope, check: &Check) -> TokenStream {
    let set = is_set(scope, check);
    let record = check.record_value();
    quote!(if #set { #record })
}

/// `required`: the subject, an `Option`, is `Some`. Its value is `None`
/// when it is broken, so the report carries none.
fn required(scope: &mut Scope, check: &Check) -> TokenStream {
    let missing = scope.call(
        &check.ty,
        check.rule.span(),
        Capability::Missing,
        &check.value,
    );
    let record = check.record(&quote!(__lowbit_rt::None));
    quote!(if #missing { #record })
}

/// `unique`: no item of the subject equals an earlier one. Located at the
/// first repeat (`f[3]`), with that item as its value; a quadratic scan
/// that allocates nothing, which config-sized lists afford.
fn unique(scope: &mut Scope, check: &Check) -> TokenStream {
    let repeat = scope.call(
        &check.ty,
        check.rule.span(),
        Capability::FirstRepeat,
        &check.value,
    );
    let described = quote!((&&__lowbit_rt::Probe(__lowbit_repeat)).value_of());
    let record = check.record_item(&quote!(__lowbit_index), &described);
    quote! {
        if let __lowbit_rt::Some((__lowbit_index, __lowbit_repeat)) = #repeat {
            #record
        }
    }
}

/// `statement`, run with `__lowbit_some` bound to the value at the end of a
/// dotted path when there is one; `statement` as it is for a field.
fn through_some(check: &Check, statement: TokenStream) -> TokenStream {
    if !check.ty.through {
        return statement;
    }
    let value = &check.value;
    quote! {
        if let __lowbit_rt::Some(__lowbit_some) = (#value).0 {
            #statement
        }
    }
}

/// A test of the subject's text, which passes an absent one (`None`).
fn text(scope: &mut Scope, check: &Check, test: &TextRule) -> TokenStream {
    let blame = check.rule.span();
    let read = scope.call(&check.ty, blame, Capability::Text, &check.value);
    let literal = |text: &syn::LitStr| Some(quote!(#text));
    let (helper, argument) = match test {
        TextRule::Prefix(text) => (quote!(text::lacks_prefix), literal(text)),
        TextRule::Suffix(text) => (quote!(text::lacks_suffix), literal(text)),
        TextRule::Contains(text) => (quote!(text::lacks), literal(text)),
        TextRule::DoesNotContain(text) => (quote!(text::holds), literal(text)),
        TextRule::Ascii => (quote!(text::not_ascii), None),
        TextRule::Alphanumeric => (quote!(text::not_alphanumeric), None),
        TextRule::Ip => (quote!(ip::not_ip), None),
        TextRule::Ipv4 => (quote!(ip::not_ipv4), None),
        TextRule::Ipv6 => (quote!(ip::not_ipv6), None),
        TextRule::Email => (quote!(email::not_email), None),
        TextRule::Url(schemes) => (quote!(url::not_url), Some(quote!(&[#(#schemes),*]))),
        // The expression is compiled once, on first use, into a static of
        // this rule's own: in a block, so that no name of the user's meets it.
        TextRule::Pattern(source) => {
            let pattern = quote!(__lowbit_rt::pattern::Pattern);
            (
                quote!(pattern::mismatches),
                Some(quote!({
                    static __LOWBIT_PATTERN: #pattern = #pattern::new(#source);
                    &__LOWBIT_PATTERN
                })),
            )
        }
    };
    let helper = respan(quote!(__lowbit_rt::#helper), blame);
    let argument = argument.map(|argument| quote!(, #argument));
    let mut args = Group::new(Delimiter::Parenthesis, quote!(#read #argument));
    args.set_span(blame);
    let record = check.record_value();
    quote!(if #helper #args { #record })
}

/// Calls the user's function on the subject (and the context, with
/// `context`), and reports its error.
fn custom(
    scope: &mut Scope,
    check: &Check,
    function: &syn::Path,
    context: Option<&syn::Ident>,
) -> TokenStream {
    let krate = scope.krate;
    let template = match &check.rule.message {
        Some(message) => quote!(__lowbit_rt::Some(#message)),
        None => quote!(__lowbit_rt::None),
    };
    // Called directly, so that deref coercion applies (`&str` for a
    // `String`), and spanned on the function, where a wrong shape is
    // reported. With a context, its type is the one the function takes,
    // inferred from the call.
    let span = syn::spanned::Spanned::span(function);
    // The context argument is spanned on `context`, which is what to remove
    // when the function takes none.
    let given_argument = match context {
        Some(keyword) => respan(quote!(, __lowbit_given), keyword.span()),
        None => TokenStream::new(),
    };
    // Through a dotted path, the function is called with the value at its
    // end, when an `Option` on the way is not `None`.
    let value = if check.ty.through {
        respan(quote!(__lowbit_some), span)
    } else {
        respan(check.value.clone(), span)
    };
    let mut arguments = Group::new(Delimiter::Parenthesis, quote!(#value #given_argument));
    arguments.set_span(span);
    // The function's path keeps its own spans, which rustc's suggestions
    // for a misspelled one rewrite.
    let call = respan(
        quote!(let __lowbit_result: ::core::result::Result<(), _> =),
        span,
    );
    let semi = quote_spanned!(span=> ;);
    let call = quote!(#call #function #arguments #semi);
    let path = &check.path;
    let described = &check.described;
    let fill = check.fill_tokens();
    let warn = check.rule.warn;
    let report = |error: TokenStream, template: TokenStream| {
        quote! {
            if !__LowbitSink::RECORDS {
                return false;
            }
            __lowbit_sink.custom(
                #path,
                #template,
                #error,
                #described,
                #warn,
            );
            #(#fill)*
        }
    };
    // The error is displayed: a type that cannot be is blamed on the
    // function that returns it.
    let error = respan(
        quote!(__lowbit_rt::display(__lowbit_rt::id(&__lowbit_error))),
        span,
    );
    let broken = report(error, template);
    let checked = quote! {
        #call
        if let ::core::result::Result::Err(__lowbit_error) = __lowbit_result {
            #broken
        }
    };
    let checks = match context {
        Some(keyword) => {
            let missing = report(quote!(&__lowbit_missing), quote!(__lowbit_rt::None));
            let fetch = quote_spanned!(keyword.span()=> __lowbit_rt::context);
            quote! {
                match #fetch(#krate::Location::context(__lowbit_at)) {
                    ::core::result::Result::Ok(__lowbit_given) => { #checked }
                    ::core::result::Result::Err(__lowbit_missing) => { #missing }
                }
            }
        }
        None => checked,
    };
    through_some(check, quote!({ #checks }))
}
