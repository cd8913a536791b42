//! The grammar of rule attributes: `#[one_of("a", "b", message = "..")]`,
//! `#[only_if(all(enable, mode != "off"), when = "chunk")]`, and the rest.

use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::{Attribute, Ident, LitInt, LitStr, Meta, Token};

use crate::ir::{
    Cond, Exclusive, FieldPath, Lit, Operand, Order, Relation, Rule, RuleKind, Test, TextRule,
};
use crate::suggest;
use crate::vocab::{Args, Opt, RuleName};

/// Parses one rule attribute, `name`, which is the rule `which`.
pub fn parse_rule(attr: &Attribute, name: &Ident, which: RuleName) -> syn::Result<Rule> {
    parse_meta(&attr.meta, name, which)
}

/// Parses a rule written as `meta`: an attribute's, or one inside
/// `items(..)`, which is written as its own attribute would be.
fn parse_meta(meta: &Meta, name: &Ident, which: RuleName) -> syn::Result<Rule> {
    let args = which.spec().args;
    let mut rule = Rule {
        rule: which,
        kind: RuleKind::Nested,
        name: name.clone(),
        at: Vec::new(),
        when: None,
        message: None,
        ungated: false,
        guard: None,
        warn: false,
    };
    let tokens = match meta {
        Meta::Path(_) if args == Args::Bare => None,
        Meta::Path(_) => {
            return Err(syn::Error::new_spanned(
                name,
                format!("`{name}` needs arguments: {}", which.spec().usage),
            ));
        }
        // `#[custom = "path::to::check"]`: rustc takes only literals after `=`.
        Meta::NameValue(nv) if args == Args::Function => {
            let path = match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }) => text.parse::<syn::Path>().map_err(|_| {
                    syn::Error::new_spanned(
                        text,
                        "expected the path of a function, such as \"checks::positive\"",
                    )
                })?,
                syn::Expr::Path(path) => path.path.clone(),
                other => {
                    return Err(syn::Error::new_spanned(
                        other,
                        "expected the path of a function: #[custom(path::to::check)]",
                    ));
                }
            };
            rule.kind = RuleKind::Custom(path, None);
            return Ok(rule);
        }
        Meta::NameValue(nv) => {
            return Err(syn::Error::new_spanned(
                nv.eq_token,
                format!("write `{}`", which.spec().usage),
            ));
        }
        Meta::List(list) => Some(list),
    };
    let mut items = Gathered::default();
    if let Some(list) = tokens {
        let parser = |input: ParseStream| {
            while !input.is_empty() {
                parse_item(input, args, &mut rule, &mut items)?;
                if input.is_empty() {
                    break;
                }
                separator(input)?;
            }
            Ok(())
        };
        // Through the list, so that "unexpected end of input" is spanned on
        // its closing parenthesis rather than on the derive.
        list.parse_args_with(parser)?;
    }
    rule.kind = items.finish(which, name)?;
    Ok(rule)
}

/// The positional items of a rule, gathered before the rule is built.
#[derive(Default)]
struct Gathered {
    lits: Vec<Lit>,
    conds: Vec<Cond>,
    min: Option<Operand>,
    max: Option<Operand>,
    /// The keys that gave `min` and `max` (`min` or `exclusive_min`), for
    /// the error when both are given.
    min_key: Option<Ident>,
    max_key: Option<Ident>,
    /// The number of `multiple_of`.
    operand: Option<Operand>,
    equal: Option<LitInt>,
    function: Option<syn::Path>,
    /// `context` in `custom(f, context)`.
    context: Option<Ident>,
    /// The rules inside `items(..)` and `keys(..)`.
    rules: Vec<Rule>,
    /// `schemes(..)` of `url`.
    schemes: Option<Vec<Lit>>,
    /// `unit = ".."` of `length`.
    unit: Option<(Ident, LitStr)>,
}

impl Gathered {
    fn finish(self, which: RuleName, name: &Ident) -> syn::Result<RuleKind> {
        let spec = which.spec();
        let usage = || syn::Error::new_spanned(name, format!("expected {}", spec.usage));
        Ok(match spec.args {
            Args::Values if self.lits.is_empty() => {
                return Err(syn::Error::new_spanned(
                    name,
                    format!("`{name}` needs at least one value: {}", spec.usage),
                ));
            }
            Args::Values if which == RuleName::OneOf => RuleKind::OneOf(self.lits),
            Args::Values => RuleKind::NoneOf(self.lits),
            Args::Conds if self.conds.is_empty() => {
                return Err(syn::Error::new_spanned(
                    name,
                    format!("`{name}` needs at least one field: {}", spec.usage),
                ));
            }
            Args::Conds => RuleKind::Requires(self.conds),
            Args::OneCond => {
                let mut conds = self.conds.into_iter();
                let (Some(cond), extra) = (conds.next(), conds.next()) else {
                    return Err(usage());
                };
                if let Some(extra) = extra {
                    // `only_if(x = "a", mesage = "..")` is a misspelled option
                    // more likely than a second condition.
                    if let Cond::Test(place, _) | Cond::Set(place) = &extra
                        && let [word] = place.segments.as_slice()
                        && suggest::closest(&word.unraw().to_string(), which.option_words())
                            .is_some()
                    {
                        return Err(unknown_option(word, which, name));
                    }
                    return Err(syn::Error::new(
                        cond_span(&extra),
                        format!(
                            "`{name}` takes one condition; combine several with `all(..)` or `any(..)`"
                        ),
                    ));
                }
                match which {
                    RuleName::OnlyIf => RuleKind::OnlyIf(cond),
                    RuleName::RequiredIf => RuleKind::RequiredIf(cond),
                    _ => RuleKind::ConflictsWith(cond),
                }
            }
            Args::Bounds if which == RuleName::Range => {
                if self.min.is_none() && self.max.is_none() {
                    return Err(usage());
                }
                let strict = |key: &Option<Ident>| {
                    key.as_ref().is_some_and(|key| key != "min" && key != "max")
                };
                RuleKind::Range {
                    exclusive: Exclusive {
                        min: strict(&self.min_key),
                        max: strict(&self.max_key),
                    },
                    min: self.min,
                    max: self.max,
                }
            }
            Args::Bounds => {
                let int = |operand: Option<Operand>| -> syn::Result<Option<LitInt>> {
                    match operand {
                        None => Ok(None),
                        Some(Operand::Lit(Lit::Int(int)))
                            if !int.base10_digits().starts_with('-') =>
                        {
                            Ok(Some(int))
                        }
                        Some(Operand::Lit(other)) => Err(syn::Error::new(
                            other.span(),
                            "a length is a non-negative integer",
                        )),
                        Some(Operand::Field(place)) => Err(syn::Error::new_spanned(
                            place.first(),
                            "a length is an integer literal, such as `16`",
                        )),
                    }
                };
                let (min, max) = (int(self.min)?, int(self.max)?);
                if min.is_none() && max.is_none() && self.equal.is_none() {
                    return Err(usage());
                }
                RuleKind::Length {
                    min,
                    max,
                    equal: self.equal,
                    unit: self.unit,
                }
            }
            Args::Function => RuleKind::Custom(self.function.ok_or_else(usage)?, self.context),
            Args::Operand => RuleKind::MultipleOf(self.operand.ok_or_else(usage)?),
            Args::Rules if self.rules.is_empty() => {
                return Err(syn::Error::new_spanned(
                    name,
                    format!("`{name}` needs at least one rule: {}", spec.usage),
                ));
            }
            Args::Rules if which == RuleName::Items => RuleKind::Items(self.rules),
            Args::Rules => RuleKind::Keys(self.rules),
            Args::Bare => match which {
                RuleName::Nested => RuleKind::Nested,
                RuleName::Forbidden => RuleKind::Forbidden,
                RuleName::Ascii => RuleKind::Text(TextRule::Ascii),
                RuleName::Alphanumeric => RuleKind::Text(TextRule::Alphanumeric),
                RuleName::Ip => RuleKind::Text(TextRule::Ip),
                RuleName::Ipv4 => RuleKind::Text(TextRule::Ipv4),
                RuleName::Ipv6 => RuleKind::Text(TextRule::Ipv6),
                RuleName::Email => RuleKind::Text(TextRule::Email),
                RuleName::Required => RuleKind::Required,
                RuleName::Unique => RuleKind::Unique,
                RuleName::Url => {
                    let schemes = self.schemes.unwrap_or_default().into_iter();
                    let schemes = schemes
                        .map(|lit| match lit {
                            Lit::Str(text) => Ok(text),
                            other => Err(syn::Error::new(
                                other.span(),
                                format!(
                                    "a scheme is a string, such as \"https\", not {}",
                                    other.kind()
                                ),
                            )),
                        })
                        .collect::<syn::Result<Vec<_>>>()?;
                    RuleKind::Text(TextRule::Url(schemes))
                }
                _ => RuleKind::NonEmpty,
            },
            Args::Text => {
                let mut lits = self.lits.into_iter();
                let (Some(lit), extra) = (lits.next(), lits.next()) else {
                    return Err(syn::Error::new_spanned(
                        name,
                        format!("`{name}` needs a string: {}", spec.usage),
                    ));
                };
                if let Some(extra) = extra {
                    return Err(syn::Error::new(
                        extra.span(),
                        format!("`{name}` takes one string; write one `#[{name}(..)]` for each"),
                    ));
                }
                let Lit::Str(text) = lit else {
                    return Err(syn::Error::new(
                        lit.span(),
                        format!(
                            "`{name}` takes a string, not {}: {}",
                            lit.kind(),
                            spec.usage
                        ),
                    ));
                };
                RuleKind::Text(match which {
                    RuleName::Prefix => TextRule::Prefix(text),
                    RuleName::Suffix => TextRule::Suffix(text),
                    RuleName::Contains => TextRule::Contains(text),
                    RuleName::Pattern => TextRule::Pattern(text),
                    _ => TextRule::DoesNotContain(text),
                })
            }
        })
    }
}

fn parse_item(
    input: ParseStream,
    args: Args,
    rule: &mut Rule,
    items: &mut Gathered,
) -> syn::Result<()> {
    let usage = rule.rule.spec().usage;
    if input.peek(Token![,]) {
        return Err(input.error(format!(
            "expected {} before this `,`: {usage}",
            match args {
                Args::Values => "a value",
                Args::Text => "a string",
                Args::Conds | Args::OneCond => "a field name or a condition",
                Args::Function => "the path of a function",
                Args::Operand => "a number or a field",
                Args::Bounds | Args::Bare => "an option",
                Args::Rules => "a rule",
            }
        )));
    }
    if matches!(args, Args::Conds | Args::OneCond) && input.peek(Token![!]) {
        items.conds.push(parse_cond(input, 0)?);
        return Ok(());
    }
    // `multiple_of(8)`, `multiple_of(field)`.
    if let Args::Operand = args
        && !is_option(input)
    {
        let operand = if input.peek(syn::Lit) || input.peek(Token![-]) {
            Operand::Lit(parse_lit(input)?)
        } else {
            Operand::Field(parse_place(input)?)
        };
        if items.operand.is_some() {
            return Err(syn::Error::new(
                operand_span(&operand),
                format!("`{}` takes one number: {usage}", rule.name),
            ));
        }
        items.operand = Some(operand);
        return Ok(());
    }
    if let Args::Rules = args {
        if !is_option(input) {
            items.rules.push(parse_inner(input, &rule.name)?);
            return Ok(());
        }
        let fork = input.fork();
        if let Ok(word) = fork.call(Ident::parse_any)
            && word == "message"
        {
            return Err(syn::Error::new_spanned(
                &word,
                format!(
                    "a message belongs to each rule inside `{0}`: `#[{0}(one_of(\"a\", message = \"..\"))]`",
                    rule.name
                ),
            ));
        }
    }
    // Literals are the values of `one_of` and `none_of`.
    if input.peek(syn::Lit) || input.peek(Token![-]) {
        let lit = parse_lit(input)?;
        if let Args::Values | Args::Text = args {
            items.lits.push(lit);
            return Ok(());
        }
        return Err(syn::Error::new(
            lit.span(),
            format!("`{}` takes no value here; expected {usage}", rule.name),
        ));
    }
    if let Args::Function = args
        && !is_option(input)
    {
        let function: syn::Path = input.parse()?;
        if items.function.is_some() {
            return Err(syn::Error::new_spanned(
                function,
                "`custom` takes one function; write one `#[custom(..)]` for each",
            ));
        }
        items.function = Some(function);
        return Ok(());
    }
    if let Args::Values | Args::Text = args
        && !is_option(input)
        && bare_word(input)
    {
        return Err(unquoted_value(input, &rule.name));
    }
    // `pattern(^[a-z]+$)`: the text goes in quotes.
    if args == Args::Text && !input.peek(Ident::peek_any) {
        return Err(input.error(format!(
            "`{}` takes its text as a string literal, in quotes: {usage}",
            rule.name
        )));
    }
    let fork = input.fork();
    let ident = fork.call(Ident::parse_any)?;
    let key = ident.unraw().to_string();
    let takes_cond = matches!(args, Args::Conds | Args::OneCond);
    let which = rule.rule;
    match key.as_str() {
        "message" if fork.peek(Token![=]) => {
            input.parse::<Ident>()?;
            input.parse::<Token![=]>()?;
            set_once(&mut rule.message, input.parse::<LitStr>()?, &ident)?;
        }
        "when"
            if !which.takes(Opt::When)
                && (fork.peek(Token![=]) || fork.peek(syn::token::Paren)) =>
        {
            return Err(syn::Error::new_spanned(
                &ident,
                format!(
                    "`when` narrows the rules that apply while their field is set (`requires`, `only_if`, `conflicts_with`); `{}` has no such trigger",
                    rule.name
                ),
            ));
        }
        "when" if fork.peek(Token![=]) || fork.peek(syn::token::Paren) => {
            input.parse::<Ident>()?;
            let values = if input.peek(Token![=]) {
                input.parse::<Token![=]>()?;
                vec![parse_lit(input)?]
            } else {
                parse_lit_list(input, &ident)?
            };
            set_once(&mut rule.when, values, &ident)?;
        }
        "at" if fork.peek(Token![=]) && which.takes(Opt::At) => {
            input.parse::<Ident>()?;
            input.parse::<Token![=]>()?;
            if !rule.at.is_empty() {
                return Err(syn::Error::new_spanned(&ident, "`at` is given twice"));
            }
            rule.at = parse_place(input)?.segments;
        }
        "context" if which.takes(Opt::Context) && (fork.is_empty() || fork.peek(Token![,])) => {
            let ident: Ident = input.parse()?;
            set_once(&mut items.context, ident.clone(), &ident)?;
        }
        "if" if fork.peek(syn::token::Paren) => {
            input.call(Ident::parse_any)?;
            let content;
            syn::parenthesized!(content in input);
            let cond = parse_cond(&content, 0)?;
            if !content.is_empty() {
                return Err(content.error(
                    "`if` takes one condition; combine several with `all(..)` or `any(..)`",
                ));
            }
            set_once(&mut rule.guard, cond, &ident)?;
        }
        "unit" if which.takes(Opt::Unit) && fork.peek(Token![=]) => {
            input.parse::<Ident>()?;
            input.parse::<Token![=]>()?;
            if items.unit.is_some() {
                return Err(syn::Error::new_spanned(&ident, "`unit` is given twice"));
            }
            let Ok(unit) = input.parse::<LitStr>() else {
                return Err(input.error(
                    "a unit is a string: \"bytes\", \"chars\", \"graphemes\" or \"utf16\"",
                ));
            };
            items.unit = Some((ident, unit));
        }
        "schemes" if which.takes(Opt::Schemes) && fork.peek(syn::token::Paren) => {
            input.call(Ident::parse_any)?;
            let schemes = parse_lit_list(input, &ident)?;
            set_once(&mut items.schemes, schemes, &ident)?;
        }
        "ungated" if fork.is_empty() || fork.peek(Token![,]) => {
            input.parse::<Ident>()?;
            if rule.ungated {
                return Err(syn::Error::new_spanned(&ident, "`ungated` is given twice"));
            }
            rule.ungated = true;
        }
        "warn" if !which.takes(Opt::Warn) && (fork.is_empty() || fork.peek(Token![,])) => {
            return Err(syn::Error::new_spanned(
                &ident,
                format!(
                    "`{}` takes no `warn`: the rules of the value it validates say which of them are warnings",
                    rule.name
                ),
            ));
        }
        "warn" if fork.is_empty() || fork.peek(Token![,]) => {
            input.parse::<Ident>()?;
            if rule.warn {
                return Err(syn::Error::new_spanned(&ident, "`warn` is given twice"));
            }
            rule.warn = true;
        }
        // In a condition, `warn = "x"` may be a field named `warn`; a bool
        // there is the flag written as a key.
        "warn" if fork.peek(Token![=]) && (!takes_cond || fork.peek2(syn::LitBool)) => {
            return Err(syn::Error::new_spanned(
                &ident,
                "`warn` takes no value: write `warn` alone for a warning, and leave it out for an error",
            ));
        }
        "exclusive_min" | "exclusive_max"
            if which != RuleName::Range && args == Args::Bounds && fork.peek(Token![=]) =>
        {
            return Err(syn::Error::new_spanned(
                &ident,
                format!(
                    "`{key}` bounds a number's `range`; a length's bounds are `min` and `max`, which include themselves"
                ),
            ));
        }
        "min" | "max" | "equal" | "exclusive_min" | "exclusive_max"
            if args == Args::Bounds && fork.peek(Token![=]) =>
        {
            input.parse::<Ident>()?;
            input.parse::<Token![=]>()?;
            // `min` and `exclusive_min` are one bound written two ways: the
            // second is refused at its key, naming the first.
            if key != "equal" {
                let (slot, other) = if key.ends_with("min") {
                    (&mut items.min_key, "below")
                } else {
                    (&mut items.max_key, "above")
                };
                if let Some(first) = slot.as_ref().filter(|first| **first != key) {
                    return Err(syn::Error::new_spanned(
                        &ident,
                        format!(
                            "`{first}` and `{key}` both bound the range from {other}; keep one (`{}` allows its value, `exclusive_{}` does not)",
                            key.trim_start_matches("exclusive_"),
                            key.trim_start_matches("exclusive_")
                        ),
                    ));
                }
                if slot.is_none() {
                    *slot = Some(ident.clone());
                }
            }
            if which == RuleName::Range
                && !input.peek(syn::Lit)
                && input.peek(Ident::peek_any)
                && key != "equal"
            {
                // `range(max = other_field)`: a bound from another field.
                let place = parse_place(input)?;
                let slot = if key.ends_with("min") {
                    &mut items.min
                } else {
                    &mut items.max
                };
                set_once(slot, Operand::Field(place), &ident)?;
                return Ok(());
            }
            if !input.peek(syn::Lit) && input.peek(Ident::peek_any) {
                let word = input.call(Ident::parse_any)?;
                return Err(syn::Error::new_spanned(
                    &word,
                    "a length is an integer literal, such as `16` (constants and const parameters are not supported)",
                ));
            }
            let lit = parse_lit(input)?;
            match key.as_str() {
                "min" | "exclusive_min" => set_once(&mut items.min, Operand::Lit(lit), &ident)?,
                "max" | "exclusive_max" => set_once(&mut items.max, Operand::Lit(lit), &ident)?,
                _ if which.takes(Opt::Equal) => match lit {
                    Lit::Int(int) => set_once(&mut items.equal, int, &ident)?,
                    other => return Err(syn::Error::new(other.span(), "a length is an integer")),
                },
                _ => return Err(unknown_option(&ident, which, &rule.name)),
            }
        }
        _ if takes_cond => items.conds.push(parse_cond(input, 0)?),
        _ => return Err(unknown_option(&ident, which, &rule.name)),
    }
    Ok(())
}

/// One rule inside `items(..)` or `keys(..)`, written as its own attribute
/// would be: a rule about one value, which each item (or key) is.
fn parse_inner(input: ParseStream, outer: &Ident) -> syn::Result<Rule> {
    if input.peek(syn::Lit) || input.peek(Token![-]) {
        return Err(input.error(format!(
            "`{outer}` takes rules, not values: `#[{outer}(one_of(\"a\", \"b\"))]`"
        )));
    }
    let meta: Meta = input.parse()?;
    let Some(name) = meta.path().get_ident().cloned() else {
        return Err(syn::Error::new_spanned(
            meta.path(),
            "expected a rule, such as `one_of(\"a\")`",
        ));
    };
    let what = if outer == "keys" { "key" } else { "item" };
    let Some(which) = RuleName::of(&name) else {
        let word = name.unraw().to_string();
        let value_rules: Vec<&str> = value_rules().collect();
        return Err(syn::Error::new_spanned(
            &name,
            format!(
                "unknown rule `{word}` in `{outer}`; the rules that apply to each {what} are {}{}",
                suggest::listed(value_rules.iter().copied()),
                suggest::hint(&word, value_rules.iter().copied()),
            ),
        ));
    };
    match which.spec().args {
        Args::Conds | Args::OneCond => {
            return Err(syn::Error::new_spanned(
                &name,
                format!(
                    "`{name}` relates fields to each other, not one {what} to the rest: write `#[{name}(..)]` on the field itself"
                ),
            ));
        }
        _ if which == RuleName::Nested => {
            return Err(syn::Error::new_spanned(
                &name,
                format!(
                    "`#[nested]` on the field already validates each item of a collection: write `#[nested]` instead of `{outer}(nested)`"
                ),
            ));
        }
        _ => {}
    }
    let rule = parse_meta(&meta, &name, which)?;
    if let Some(at) = rule.at.first() {
        return Err(syn::Error::new_spanned(
            at,
            format!(
                "`at` is not available inside `{outer}`: the rules inside apply to each {what} itself"
            ),
        ));
    }
    if rule.ungated {
        return Err(syn::Error::new_spanned(
            &name,
            format!("`ungated` goes on `{outer}` itself: `#[{outer}(.., ungated)]`"),
        ));
    }
    Ok(rule)
}

/// The rules about one value, which `items(..)` and `keys(..)` take.
fn value_rules() -> impl Iterator<Item = &'static str> {
    crate::vocab::RULES
        .iter()
        .filter(|spec| {
            !matches!(spec.args, Args::Conds | Args::OneCond) && spec.name != RuleName::Nested
        })
        .map(|spec| spec.word)
}

/// Whether the next item is a word or path on its own (`Fp32`,
/// `Precision::Fp32`), not the key of an option (`when = `, `when(`).
fn bare_word(input: ParseStream) -> bool {
    let fork = input.fork();
    fork.call(Ident::parse_any).is_ok()
        && (fork.is_empty() || fork.peek(Token![,]) || fork.peek(Token![::]))
}

/// `one_of(Fp32)` or `one_of(Precision::Fp32)`: values are written as the
/// config file spells them, in quotes.
fn unquoted_value(input: ParseStream, rule: &Ident) -> syn::Error {
    let Ok(path) = input.fork().call(syn::Path::parse_mod_style) else {
        return input
            .error("expected a value: a string such as \"chunk\", a number, `true` or `false`");
    };
    let last = path
        .segments
        .last()
        .map(|segment| segment.ident.unraw().to_string())
        .unwrap_or_default();
    syn::Error::new_spanned(
        &path,
        format!(
            "`{rule}` takes values as the config file spells them, in quotes: `\"{last}\"`, or the serde name if it differs"
        ),
    )
}

/// A `,` between items; `&&` and `||` get the condition that says them.
fn separator(input: ParseStream) -> syn::Result<()> {
    if input.peek(Token![&&]) {
        let and: Token![&&] = input.parse()?;
        return Err(syn::Error::new_spanned(
            and,
            "conditions that must all hold are written `all(a, b)`, not `a && b`",
        ));
    }
    if input.peek(Token![||]) {
        let or: Token![||] = input.parse()?;
        return Err(syn::Error::new_spanned(
            or,
            "conditions of which one must hold are written `any(a, b)`, not `a || b`",
        ));
    }
    input.parse::<Token![,]>()?;
    Ok(())
}

fn operand_span(operand: &Operand) -> proc_macro2::Span {
    match operand {
        Operand::Lit(lit) => lit.span(),
        Operand::Field(place) => place.first().span(),
    }
}

/// Where a condition starts: its first field.
fn cond_span(cond: &Cond) -> proc_macro2::Span {
    match cond {
        Cond::Set(place)
        | Cond::Test(place, _)
        | Cond::Every(place, _)
        | Cond::Some(place, _)
        | Cond::Compare(place, ..) => place.first().span(),
        Cond::Not(inner) => cond_span(inner),
        Cond::All(conds) | Cond::Any(conds) => conds
            .first()
            .map_or_else(proc_macro2::Span::call_site, cond_span),
    }
}

/// Whether the next item is an option that may stand among a rule's
/// arguments: a flag (`ungated`, `warn`), or `message = ..` or `at = ..`.
fn is_option(input: ParseStream) -> bool {
    let fork = input.fork();
    let Ok(ident) = fork.call(Ident::parse_any) else {
        return false;
    };
    let word = |option: Opt| ident == option.word();
    [Opt::Ungated, Opt::Context, Opt::Warn]
        .into_iter()
        .any(word)
        && (fork.is_empty() || fork.peek(Token![,]))
        || [Opt::Message, Opt::At].into_iter().any(word) && fork.peek(Token![=])
        || word(Opt::If) && fork.peek(syn::token::Paren)
}

fn unknown_option(ident: &Ident, which: RuleName, rule: &Ident) -> syn::Error {
    super::unknown_option(ident, rule, &which.option_words())
}

fn set_once<T>(slot: &mut Option<T>, value: T, key: &Ident) -> syn::Result<()> {
    if slot.is_some() {
        return Err(syn::Error::new_spanned(
            key,
            format!("`{key}` is given twice"),
        ));
    }
    *slot = Some(value);
    Ok(())
}

/// How deep `not`, `all` and `any` may nest. Every stage walks conditions
/// by recursion, rustc too, and a thousand levels overflow its stack; no
/// one writes more than a few.
pub const MAX_COND_DEPTH: usize = 32;

/// A condition: `f`, `f = v`, `f != v`, `f in (a, b)`, `not(c)`, `all(..)`,
/// `any(..)`, `every(f = v)`, `some(f in (..))`, nested `depth` levels in
/// another.
pub fn parse_cond(input: ParseStream, depth: usize) -> syn::Result<Cond> {
    if input.peek(Token![!]) && !input.peek(Token![!=]) {
        let not: Token![!] = input.parse()?;
        return Err(syn::Error::new_spanned(
            not,
            "a condition is negated as `not(c)`, not `!c`",
        ));
    }
    if !input.peek(Ident::peek_any) {
        return Err(input.error(
            "expected a condition: a field name such as `enable`, a test such as `mode = \"chunk\"`, or `not(..)`, `all(..)`, `any(..)`",
        ));
    }
    let fork = input.fork();
    let head = fork.call(Ident::parse_any)?;
    if fork.peek(syn::token::Paren) {
        let key = head.to_string();
        if ["not", "all", "any", "every", "some"].contains(&key.as_str()) {
            if depth >= MAX_COND_DEPTH {
                return Err(syn::Error::new_spanned(
                    &head,
                    format!(
                        "conditions nest at most {MAX_COND_DEPTH} levels deep; this one goes deeper"
                    ),
                ));
            }
            input.call(Ident::parse_any)?;
            let content;
            syn::parenthesized!(content in input);
            return match key.as_str() {
                "not" => {
                    let cond = parse_cond(&content, depth + 1)?;
                    if !content.is_empty() {
                        return Err(content.error("`not` takes one condition"));
                    }
                    Ok(Cond::Not(Box::new(cond)))
                }
                "all" | "any" => {
                    let mut conds = Vec::new();
                    while !content.is_empty() {
                        conds.push(parse_cond(&content, depth + 1)?);
                        if content.is_empty() {
                            break;
                        }
                        separator(&content)?;
                    }
                    if conds.is_empty() {
                        return Err(syn::Error::new_spanned(
                            &head,
                            format!("`{key}` needs at least one condition"),
                        ));
                    }
                    Ok(if key == "all" {
                        Cond::All(conds)
                    } else {
                        Cond::Any(conds)
                    })
                }
                _ => {
                    let place = parse_place(&content)?;
                    let Some(test) = parse_test(&content)? else {
                        return Err(content.error(format!(
                            "expected a test of each item after the collection: `{key}({} = \"value\")`",
                            place.text()
                        )));
                    };
                    if !content.is_empty() {
                        return Err(content.error(format!("`{key}` takes one test")));
                    }
                    Ok(if key == "every" {
                        Cond::Every(place, test)
                    } else {
                        Cond::Some(place, test)
                    })
                }
            };
        }
        return Err(syn::Error::new_spanned(
            &head,
            format!(
                "unknown condition `{key}(..)`; conditions are `field`, `field = \"v\"`, `field != \"v\"`, `field in (..)`, `not(..)`, `all(..)`, `any(..)`, `every(..)`, `some(..)`{}",
                suggest::hint(&key, ["not", "all", "any", "every", "some"])
            ),
        ));
    }
    let place = parse_place(input)?;
    Ok(match parse_after(input)? {
        After::Test(test) => Cond::Test(place, test),
        After::Field(relation, other) => Cond::Compare(place, relation, other),
        After::Nothing => Cond::Set(place),
    })
}

/// What follows a place in a condition: a test against a literal, or a
/// comparison with another field (a bare path on the right).
enum After {
    Nothing,
    Test(Test),
    Field(Relation, FieldPath),
}

fn parse_after(input: ParseStream) -> syn::Result<After> {
    if input.peek(Token![==]) {
        return Err(input.error("write `=` for equality: `field = \"value\"`"));
    }
    let relation = if input.peek(Token![!=]) {
        input.parse::<Token![!=]>()?;
        Relation::Ne
    } else if input.peek(Token![>=]) {
        input.parse::<Token![>=]>()?;
        Relation::Order(Order::Ge)
    } else if input.peek(Token![<=]) {
        input.parse::<Token![<=]>()?;
        Relation::Order(Order::Le)
    } else if input.peek(Token![>]) {
        input.parse::<Token![>]>()?;
        Relation::Order(Order::Gt)
    } else if input.peek(Token![<]) {
        input.parse::<Token![<]>()?;
        Relation::Order(Order::Lt)
    } else if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        Relation::Eq
    } else if input.peek(Token![in]) {
        let keyword = input.parse::<Token![in]>()?;
        let list = parse_lit_list(input, &Ident::new("in", keyword.span))?;
        return Ok(After::Test(Test::In(list)));
    } else {
        return Ok(After::Nothing);
    };
    // A bare word on the right names a field; `true` and `false` are values.
    if input.peek(Ident::peek_any) && !input.peek(syn::LitBool) {
        return Ok(After::Field(relation, parse_place(input)?));
    }
    let lit = parse_lit(input)?;
    Ok(After::Test(match relation {
        Relation::Eq => Test::Eq(lit),
        Relation::Ne => Test::Ne(lit),
        Relation::Order(order) => Test::Order(order, lit),
    }))
}

/// A test of each item of a collection: literals only.
fn parse_test(input: ParseStream) -> syn::Result<Option<Test>> {
    match parse_after(input)? {
        After::Nothing => Ok(None),
        After::Test(test) => Ok(Some(test)),
        After::Field(_, place) => Err(syn::Error::new_spanned(
            place.first(),
            format!(
                "each item is compared with a value, not with a field; values are quoted, as the config file spells them: `\"{}\"`",
                place.text()
            ),
        )),
    }
}

/// `a.b.c`, Rust field names.
pub fn parse_place(input: ParseStream) -> syn::Result<FieldPath> {
    // Keywords are not field names (`r#type` is), so `Ident::parse`.
    let mut segments = vec![input.parse::<Ident>()?];
    while input.peek(Token![.]) {
        let dot: Token![.] = input.parse()?;
        if input.is_empty() || input.peek(Token![,]) {
            return Err(syn::Error::new_spanned(
                dot,
                "expected the name of a field after `.`",
            ));
        }
        segments.push(input.parse::<Ident>()?);
    }
    Ok(FieldPath { segments })
}

fn parse_lit_list(input: ParseStream, owner: &Ident) -> syn::Result<Vec<Lit>> {
    let content;
    syn::parenthesized!(content in input);
    let lits = Punctuated::<Lit, Token![,]>::parse_terminated_with(&content, parse_lit)?;
    if lits.is_empty() {
        return Err(syn::Error::new_spanned(
            owner,
            format!("`{owner}` needs at least one value"),
        ));
    }
    Ok(lits.into_iter().collect())
}

fn parse_lit(input: ParseStream) -> syn::Result<Lit> {
    // `true` and `false` are words too, and literals.
    if !input.peek(syn::Lit) && input.peek(Ident::peek_any) {
        let word = input.call(Ident::parse_any)?;
        return Err(syn::Error::new_spanned(
            &word,
            format!(
                "values are quoted, as the config file spells them: `\"{}\"`",
                word.unraw()
            ),
        ));
    }
    // syn reads a leading `-` of a number as part of the literal.
    let lit: syn::Lit = input.parse().map_err(|error| {
        syn::Error::new(
            error.span(),
            "expected a value: a string such as \"chunk\", a number, `true` or `false`",
        )
    })?;
    Ok(match lit {
        syn::Lit::Str(lit) => Lit::Str(lit),
        syn::Lit::Bool(lit) => Lit::Bool(lit),
        syn::Lit::Int(lit) => Lit::Int(lit),
        syn::Lit::Float(lit) => Lit::Float(lit),
        other => {
            return Err(syn::Error::new_spanned(
                other,
                "expected a string such as \"chunk\", a number, `true` or `false`",
            ));
        }
    })
}
