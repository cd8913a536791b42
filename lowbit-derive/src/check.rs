//! Check: what can be known wrong from the input alone, before any code is
//! emitted, and the checked model made of what is right. What needs another
//! type's definition (a variant name, a nested field) is checked by the
//! emitted code at compile time instead.

use std::collections::HashSet;

use syn::ext::IdentExt;

use crate::errors::Errors;
use crate::ir::{self, Cond, FieldDef, FieldPath, Lit, Rule, RuleKind, Test};
use crate::model;
use crate::suggest;
use crate::vocab::Opt;

/// Options of rules, which a misspelled one in a condition is likely to be.
const OPTIONS: [Opt; 5] = [Opt::Message, Opt::When, Opt::At, Opt::Ungated, Opt::Warn];

/// Reports what is wrong with `container` into `errors`, and returns the
/// model of what is right: a rule that has an error is left out of it, so
/// that a failed derive can still emit everything but the rules.
pub fn check(container: &ir::Container, errors: &mut Errors) -> model::Container {
    let params: Vec<syn::Ident> = container
        .generics
        .type_params()
        .map(|param| param.ident.clone())
        .collect();
    let body = match &container.body {
        ir::Body::Struct(body) => {
            let mut checker = Checker {
                params: &params,
                owner: container.ident.unraw().to_string(),
                fields: &body.fields,
                gate: body.gate.as_ref(),
                errors,
            };
            let gate = body
                .gate
                .as_ref()
                .and_then(|gate| checker.place(gate, false));
            let mut fields = checker.run();
            // serde reads a transparent struct as its one field: a rule on
            // it is about the value the file holds where the struct sits.
            if body.transparent {
                for field in fields.iter_mut().filter(|field| !field.skip) {
                    field.flatten = true;
                }
            }
            let groups = body
                .groups
                .iter()
                .filter_map(|group| checker.group(group))
                .collect();
            let checks = body
                .checks
                .iter()
                .filter(|check| checker.struct_check(check))
                .cloned()
                .collect();
            model::Body::Struct(model::Struct {
                fields,
                serde_default: body.serde_default,
                deny_unknown_fields: body.deny_unknown_fields,
                transparent: body.transparent,
                gate,
                groups,
                checks,
            })
        }
        ir::Body::Enum(body) => {
            let variants = body
                .variants
                .iter()
                .map(|variant| {
                    let fields = Checker {
                        params: &params,
                        owner: format!("{}::{}", container.ident.unraw(), variant.ident.unraw()),
                        fields: &variant.fields,
                        gate: None,
                        errors,
                    }
                    .run();
                    model::Variant {
                        doc: variant.doc.clone(),
                        ident: variant.ident.clone(),
                        name: variant.name.clone(),
                        aliases: variant.aliases.clone(),
                        kind: variant.kind,
                        fields,
                        payload: variant.payload.clone(),
                        untagged: variant.untagged,
                        tuple: variant.tuple.clone(),
                    }
                })
                .collect();
            model::Body::Enum(model::Enum {
                variants,
                default: body.default,
                tagging: body.tagging.clone(),
            })
        }
    };
    model::Container {
        doc: container.doc.clone(),
        ident: container.ident.clone(),
        generics: container.generics.clone(),
        krate: container.krate.clone(),
        source: container.source.clone(),
        body,
    }
}

/// Checks the rules of one set of fields: a struct's, or a struct variant's.
struct Checker<'a> {
    /// The container's type parameters.
    params: &'a [syn::Ident],
    /// The struct or variant, as messages name it.
    owner: String,
    fields: &'a [FieldDef],
    gate: Option<&'a FieldPath>,
    errors: &'a mut Errors,
}

impl Checker<'_> {
    /// Checks every field's rules, and returns the fields with the rules
    /// that passed.
    fn run(&mut self) -> Vec<model::Field> {
        let fields = self.fields;
        fields
            .iter()
            .enumerate()
            .map(|(index, field)| {
                let mut rules = Vec::new();
                // `_: T` parses as a field (unnamed fields, unstable), but no
                // rule can name or read it.
                if field.ident == "_"
                    && let Some(rule) = field.rules.first()
                {
                    self.error(
                        rule.name.span(),
                        "a field named `_` has no name to validate it by; give it one",
                    );
                } else {
                    rules = field
                        .rules
                        .iter()
                        .filter_map(|rule| self.rule(index, field, rule))
                        .collect();
                    self.contradictions(field);
                }
                model::Field {
                    doc: field.doc.clone(),
                    ident: field.ident.clone(),
                    ty: field.ty.clone(),
                    name: field.name.clone(),
                    aliases: field.aliases.clone(),
                    flatten: field.flatten,
                    skip: field.skip,
                    default: field.default.clone(),
                    rules,
                }
            })
            .collect()
    }

    fn error(&mut self, span: proc_macro2::Span, message: impl std::fmt::Display) {
        self.errors.at(span, message);
    }

    fn field_named(&self, ident: &syn::Ident) -> Option<&FieldDef> {
        self.field_index(ident).map(|index| &self.fields[index])
    }

    fn field_index(&self, ident: &syn::Ident) -> Option<usize> {
        let name = ident.unraw();
        self.fields
            .iter()
            .position(|field| field.ident.unraw() == name)
    }

    /// The first segment of a place must be a field of this struct; the
    /// place resolved to it, or an error.
    fn place(&mut self, place: &FieldPath, in_cond: bool) -> Option<model::Place> {
        let first = place.first();
        if let Some(field) = self.field_index(first) {
            return Some(model::Place {
                field,
                segments: place.segments.clone(),
            });
        }
        let name = first.unraw().to_string();
        let rust_names: Vec<String> = self
            .fields
            .iter()
            .map(|f| f.ident.unraw().to_string())
            .collect();
        let by_serde = self
            .fields
            .iter()
            .find(|field| field.name == name && field.ident.unraw() != name);
        let help = if let Some(field) = by_serde {
            format!(
                "; `{name}` is its serde name, and rules name fields by their Rust names: `{}`",
                field.ident.unraw()
            )
        } else if let Some(close) = suggest::closest(&name, rust_names.iter().map(String::as_str)) {
            format!("; did you mean `{close}`?")
        } else if let (true, Some(option)) = (
            in_cond,
            suggest::closest(&name, OPTIONS.iter().map(|option| option.word())),
        ) {
            format!("; did you mean the option `{option}`?")
        } else {
            String::new()
        };
        self.error(
            first.span(),
            format!("no field `{name}` in `{}`{help}", self.owner),
        );
        None
    }

    /// Checks a condition, every part of it, and resolves its places.
    fn cond(&mut self, cond: &Cond) -> Option<model::Cond> {
        Some(match cond {
            Cond::Set(place) => Cond::Set(self.place(place, true)?),
            Cond::Test(place, test) => {
                let resolved = self.place(place, true);
                self.test(test);
                let lits = match test {
                    Test::Eq(lit) | Test::Ne(lit) | Test::Order(_, lit) => {
                        std::slice::from_ref(lit)
                    }
                    Test::In(lits) => lits,
                };
                self.numbers(place, lits);
                Cond::Test(resolved?, test.clone())
            }
            Cond::Compare(left, relation, right) => {
                let left_resolved = self.place(left, true);
                let right_resolved = self.operand(right);
                if same_place(left, right) {
                    self.error(
                        right.first().span(),
                        format!(
                            "`{}` is compared with itself: name another field, or quote a value",
                            right.text()
                        ),
                    );
                    return None;
                }
                Cond::Compare(left_resolved?, *relation, right_resolved?)
            }
            Cond::Every(place, test) | Cond::Some(place, test) => {
                let resolved = self.place(place, true);
                self.test(test);
                if let Cond::Every(..) = cond {
                    Cond::Every(resolved?, test.clone())
                } else {
                    Cond::Some(resolved?, test.clone())
                }
            }
            Cond::Not(inner) => Cond::Not(Box::new(self.cond(inner)?)),
            Cond::All(conds) | Cond::Any(conds) => {
                let resolved: Vec<Option<model::Cond>> =
                    conds.iter().map(|cond| self.cond(cond)).collect();
                let resolved = resolved.into_iter().collect::<Option<Vec<_>>>()?;
                if let Cond::All(_) = cond {
                    Cond::All(resolved)
                } else {
                    Cond::Any(resolved)
                }
            }
        })
    }

    fn test(&mut self, test: &Test) {
        match test {
            Test::In(lits) => self.values(lits),
            Test::Order(order, lit) if !matches!(lit, Lit::Int(_) | Lit::Float(_)) => {
                self.error(
                    lit.span(),
                    format!(
                        "`{}` compares numbers, not {}: write `=` or `!=` for {}",
                        order.symbol(),
                        lit.kind(),
                        lit.kind()
                    ),
                );
            }
            _ => {}
        }
    }

    /// The right side of a comparison: another field. A bare word that is
    /// no field was most likely meant as a value.
    fn operand(&mut self, path: &FieldPath) -> Option<model::Place> {
        let names = self
            .fields
            .iter()
            .map(|field| field.ident.unraw().to_string());
        let names: Vec<String> = names.collect();
        let word = path.first().unraw().to_string();
        let known = self.field_index(path.first()).is_some();
        let close = suggest::closest(&word, names.iter().map(String::as_str)).is_some();
        if known || close || path.segments.len() > 1 {
            return self.place(path, true);
        }
        self.error(
            path.first().span(),
            format!(
                "no field `{word}` in `{}`; values are quoted, as the config file spells them: `\"{word}\"`",
                self.owner
            ),
        );
        None
    }

    /// A list of values: all of one kind, none twice.
    fn values(&mut self, lits: &[Lit]) {
        let mut seen = HashSet::new();
        let kind = lits[0].kind();
        for lit in lits {
            if lit.kind() != kind {
                self.error(
                    lit.span(),
                    format!("this list mixes {kind} with {}", lit.kind()),
                );
            } else if !seen.insert(lit.text()) {
                self.error(lit.span(), format!("{} is listed twice", lit.text()));
            }
        }
    }

    /// The numbers of a rule or test on `place`: of a type they can be read
    /// as, and values of it.
    fn numbers(&mut self, place: &FieldPath, lits: &[Lit]) {
        self.generic_number(place, lits);
        self.fits(place, lits);
    }

    /// Numbers on a field of a primitive integer type, or an `Option` of
    /// one, are values of that type. Checked here rather than left to
    /// rustc, which reports a number of a list once per generated function,
    /// and a negative bound of an unsigned type with a garbled hint.
    fn fits(&mut self, place: &FieldPath, lits: &[Lit]) {
        if place.segments.len() > 1 {
            return;
        }
        let Some(field) = self.field_named(place.first()) else {
            return;
        };
        let Some((name, min, max)) = integer_type(&field.ty) else {
            return;
        };
        for lit in lits {
            match lit {
                Lit::Int(int) => {
                    if int
                        .base10_digits()
                        .parse::<i128>()
                        .is_ok_and(|value| (min..=max).contains(&value))
                    {
                        continue;
                    }
                    self.error(
                        int.span(),
                        format!(
                            "{} does not fit {} `{name}`, whose values are {min} to {max}",
                            int.base10_digits(),
                            if name.starts_with('i') { "an" } else { "a" },
                        ),
                    );
                }
                Lit::Float(float) => self.error(
                    float.span(),
                    format!(
                        "`{name}` is an integer type: write an integer, not {}",
                        float.base10_digits()
                    ),
                ),
                Lit::Str(_) | Lit::Bool(_) => {}
            }
        }
    }

    /// Numbers in rules are read as the field's number type, which must be
    /// a concrete one: an integer literal cannot become a type parameter.
    fn generic_number(&mut self, place: &FieldPath, lits: &[Lit]) {
        let Some(field) = self.field_named(place.first()) else {
            return;
        };
        if place.segments.len() > 1 {
            return;
        }
        let Some(param) = self
            .params
            .iter()
            .find(|param| {
                let ty = quote::ToTokens::to_token_stream(&field.ty);
                crate::tokens::mentions(&ty, &[param.to_string()])
            })
            .cloned()
        else {
            return;
        };
        let field = field.ident.unraw();
        for lit in lits {
            if let Lit::Int(_) | Lit::Float(_) = lit {
                self.error(
                    lit.span(),
                    format!(
                        "`{field}` has a type made of the type parameter `{param}`, and a number in a rule needs a concrete number type to be read as"
                    ),
                );
            }
        }
    }

    /// Checks one rule of the field at `index`, and makes its model.
    fn rule(&mut self, index: usize, field: &FieldDef, rule: &Rule) -> Option<model::Rule> {
        let subject = subject(field, rule);
        match &rule.kind {
            RuleKind::OneOf(lits) | RuleKind::NoneOf(lits) => self.numbers(&subject, lits),
            RuleKind::Range { min, max, .. } => {
                let bounds: Vec<Lit> = [min, max]
                    .into_iter()
                    .flatten()
                    .filter_map(|operand| match operand {
                        ir::Operand::Lit(lit) => Some(lit.clone()),
                        ir::Operand::Field(_) => None,
                    })
                    .collect();
                self.numbers(&subject, &bounds);
            }
            RuleKind::MultipleOf(ir::Operand::Lit(lit)) => {
                self.numbers(&subject, std::slice::from_ref(lit));
            }
            _ => {}
        }
        if let Some(when) = &rule.when {
            self.numbers(&subject, when);
        }
        let kind = match &rule.kind {
            RuleKind::OneOf(lits) => {
                self.values(lits);
                Some(model::RuleKind::OneOf(lits.clone()))
            }
            RuleKind::NoneOf(lits) => {
                self.values(lits);
                Some(model::RuleKind::NoneOf(lits.clone()))
            }
            RuleKind::Requires(conds) => {
                let resolved: Vec<Option<model::Cond>> = conds
                    .iter()
                    .map(|cond| {
                        let resolved = self.cond(cond);
                        self.not_itself(cond, &subject, rule);
                        resolved
                    })
                    .collect();
                resolved
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
                    .map(model::RuleKind::Requires)
            }
            RuleKind::OnlyIf(cond) | RuleKind::RequiredIf(cond) | RuleKind::ConflictsWith(cond) => {
                let resolved = self.cond(cond);
                self.not_itself(cond, &subject, rule);
                resolved.map(|cond| match &rule.kind {
                    RuleKind::OnlyIf(_) => model::RuleKind::OnlyIf(cond),
                    RuleKind::RequiredIf(_) => model::RuleKind::RequiredIf(cond),
                    _ => model::RuleKind::ConflictsWith(cond),
                })
            }
            RuleKind::Range {
                min,
                max,
                exclusive,
            } => {
                // What the derive can see of the subject's type: only a
                // field's own, written out.
                let seen = (subject.segments.len() == 1)
                    .then(|| self.field_named(subject.first()).map(|f| seen_type(&f.ty)))
                    .flatten()
                    .unwrap_or(Seen::Unknown);
                self.range(min.as_ref(), max.as_ref(), *exclusive, seen)
            }
            RuleKind::MultipleOf(operand) => self.multiple_of(operand),
            RuleKind::Length {
                min,
                max,
                equal,
                unit,
            } => {
                let lengths = self.length(min.as_ref(), max.as_ref(), equal.as_ref());
                let top = field.rules.iter().any(|own| std::ptr::eq(own, rule));
                let counted = match unit {
                    Some((key, unit)) => self.unit(key, unit, top.then_some(&field.ty)).map(Some),
                    None => Some(None),
                };
                lengths
                    .zip(counted)
                    .map(|(lengths, counted)| model::RuleKind::Length(lengths, counted))
            }
            RuleKind::Nested => Some(model::RuleKind::Nested),
            RuleKind::NonEmpty => Some(model::RuleKind::NonEmpty),
            RuleKind::Forbidden => Some(model::RuleKind::Forbidden),
            RuleKind::Required => Some(model::RuleKind::Required),
            RuleKind::Unique => Some(model::RuleKind::Unique),
            RuleKind::Text(test) => self.text(rule, test),
            RuleKind::Custom(function, context) => Some(model::RuleKind::Custom {
                function: function.clone(),
                context: context.clone(),
            }),
            RuleKind::Items(inner) | RuleKind::Keys(inner) => {
                // Each inner rule is checked as if on the field; emitting
                // points it at the item instead.
                let checked: Vec<Option<model::Rule>> = inner
                    .iter()
                    .map(|inner| self.rule(index, field, inner))
                    .collect();
                let checked = checked.into_iter().collect::<Option<Vec<_>>>();
                checked.map(|rules| match &rule.kind {
                    RuleKind::Items(_) => model::RuleKind::Items(rules),
                    _ => model::RuleKind::Keys(rules),
                })
            }
        };
        if let Some(when) = &rule.when {
            self.values(when);
        }
        let guard = rule.guard.as_ref().map(|guard| self.cond(guard));
        let mut sound = !matches!(guard, Some(None));
        if rule.ungated && self.gate.is_none() {
            self.error(
                rule.name.span(),
                format!(
                    "`ungated` has no effect: `{}` has no `#[validate(gate = ..)]`",
                    self.owner
                ),
            );
            sound = false;
        }
        if let Some(message) = &rule.message
            && let Err(problem) = check_template(
                &message.value(),
                &self
                    .fields
                    .iter()
                    .map(|field| field.ident.unraw().to_string())
                    .collect::<Vec<_>>(),
            )
        {
            self.error(message.span(), problem);
            sound = false;
        }
        Some(model::Rule {
            rule: rule.rule,
            name: rule.name.clone(),
            kind: kind.filter(|_| sound)?,
            subject: model::Place {
                field: index,
                segments: subject.segments,
            },
            when: rule.when.clone(),
            message: rule.message.clone(),
            ungated: rule.ungated,
            guard: guard.flatten(),
            warn: rule.warn,
        })
    }

    /// A range's bounds: numbers, of one kind, not reversed.
    /// A number a rule is written with: a literal number, or a field.
    fn number(&mut self, operand: &ir::Operand, what: &str) -> Option<model::Number> {
        match operand {
            ir::Operand::Lit(lit) => match number(lit) {
                Some(value) => Some(model::Number::Lit(model::Bound {
                    lit: lit.clone(),
                    value,
                    millis: None,
                })),
                None => {
                    self.error(
                        lit.span(),
                        format!("{what} is a number, not {}", lit.kind()),
                    );
                    None
                }
            },
            ir::Operand::Field(path) => {
                let known = self.field_index(path.first()).is_some();
                let names: Vec<String> = self
                    .fields
                    .iter()
                    .map(|field| field.ident.unraw().to_string())
                    .collect();
                let word = path.first().unraw().to_string();
                if known || suggest::closest(&word, names.iter().map(String::as_str)).is_some() {
                    return self.place(path, false).map(model::Number::Field);
                }
                self.error(
                    path.first().span(),
                    format!(
                        "no field `{word}` in `{}`; {what} is a number literal, such as `8`, or another field (constants are not supported)",
                        self.owner
                    ),
                );
                None
            }
        }
    }

    /// A range's bounds: numbers or fields; literals of one kind, with some
    /// value between them (a strict bound excludes itself, and no integer
    /// lies strictly between 1 and 2).
    fn range(
        &mut self,
        min: Option<&ir::Operand>,
        max: Option<&ir::Operand>,
        exclusive: ir::Exclusive,
        seen: Seen,
    ) -> Option<model::RuleKind> {
        let mut bound = |operand: Option<&ir::Operand>| -> Result<Option<model::Number>, ()> {
            let Some(operand) = operand else {
                return Ok(None);
            };
            match operand {
                ir::Operand::Lit(lit) => self
                    .literal_bound(lit, &seen)
                    .map(|bound| Some(model::Number::Lit(bound)))
                    .ok_or(()),
                ir::Operand::Field(_) => self.number(operand, "a range bound").map(Some).ok_or(()),
            }
        };
        let (min, max) = (bound(min), bound(max));
        let (min, max) = (min.ok()?, max.ok()?);
        if let (Some(lo), Some(hi)) = (literal(&min), literal(&max))
            && lo.millis.is_some() != hi.millis.is_some()
        {
            let (duration, number) = if lo.millis.is_some() {
                (lo, hi)
            } else {
                (hi, lo)
            };
            self.error(
                number.lit.span(),
                format!(
                    "the other bound is a duration, {}: write this one as a duration too, such as \"{}s\"",
                    duration.lit.text(),
                    number.lit.text().trim_start_matches('-')
                ),
            );
            return None;
        }
        fn literal(number: &Option<model::Number>) -> Option<&model::Bound> {
            number.as_ref().and_then(model::Number::literal)
        }
        if let (Some(lo), Some(hi)) = (literal(&min), literal(&max)) {
            let mut sound = true;
            let integers = matches!(lo.lit, Lit::Int(_)) && matches!(hi.lit, Lit::Int(_));
            let empty = if integers {
                // The least and greatest integers allowed.
                let least = lo.value + f64::from(u8::from(exclusive.min));
                let greatest = hi.value - f64::from(u8::from(exclusive.max));
                least > greatest
            } else if exclusive.min || exclusive.max {
                lo.value >= hi.value
            } else {
                lo.value > hi.value
            };
            if empty {
                let key = |strict: bool, key: &str| {
                    if strict {
                        format!("exclusive_{key}")
                    } else {
                        key.to_owned()
                    }
                };
                let max = format!("{} {}", key(exclusive.max, "max"), hi.lit.text());
                let min = format!("{} {}", key(exclusive.min, "min"), lo.lit.text());
                let why = if lo.value > hi.value {
                    format!("{max} is below {min}")
                } else if lo.value == hi.value {
                    format!("{max} equals {min}")
                } else {
                    format!("no integer lies between {min} and {max}")
                };
                self.error(
                    hi.lit.span(),
                    format!("no value satisfies this range: {why}"),
                );
                sound = false;
            }
            if matches!(lo.lit, Lit::Int(_)) != matches!(hi.lit, Lit::Int(_)) {
                let (key, int) = match lo.lit {
                    Lit::Int(_) => ("min", &lo.lit),
                    _ => ("max", &hi.lit),
                };
                self.error(
                    int.span(),
                    format!(
                        "write `{key} = {}.0`: `min` and `max` are both floats or both integers",
                        int.text()
                    ),
                );
                sound = false;
            }
            if !sound {
                return None;
            }
        }
        Some(model::RuleKind::Range {
            min,
            max,
            exclusive,
        })
    }

    /// A range bound written as a literal: a number, or a duration literal
    /// (`"1h30m"`, in milliseconds) on a `Duration`. A duration on a type
    /// the derive sees is none, or a number on one it sees is a
    /// `Duration`, is an error at the literal; a type it cannot see (an
    /// alias) is left to rustc, whose error lands on the literal too.
    fn literal_bound(&mut self, lit: &Lit, seen: &Seen) -> Option<model::Bound> {
        let Lit::Str(text) = lit else {
            if *seen == Seen::Duration && matches!(lit, Lit::Int(_) | Lit::Float(_)) {
                self.error(
                    lit.span(),
                    format!(
                        "a `Duration` is bounded by a duration in quotes, with its unit, such as \"{}s\" (units: `ms`, `s`, `m`, `h`, `d`)",
                        lit.text().trim_start_matches('-')
                    ),
                );
                return None;
            }
            return match self.number(&ir::Operand::Lit(lit.clone()), "a range bound")? {
                model::Number::Lit(bound) => Some(bound),
                model::Number::Field(_) => None,
            };
        };
        if let Seen::Other(name) = seen {
            let value = text.value();
            let instead = if value.trim().parse::<f64>().is_ok() {
                format!(": write `{}`, without quotes", value.trim())
            } else {
                ", such as `10`".to_owned()
            };
            self.error(
                text.span(),
                format!(
                    "a range bound in quotes is a duration, for a `std::time::Duration` field; `{name}` is bounded by a number{instead}"
                ),
            );
            return None;
        }
        match crate::literal::duration(&text.value()) {
            Ok(millis) => Some(model::Bound {
                lit: lit.clone(),
                // Exact below 2^53 ms (285 000 years), for the check that
                // some value lies between the bounds.
                value: millis as f64,
                millis: Some(millis),
            }),
            Err(problem) => {
                self.error(text.span(), problem);
                None
            }
        }
    }

    /// A test of a string's text: its string is not empty, since every
    /// string starts with, ends with and contains `""` (and none lacks it);
    /// a pattern parses; and lowbit-core has the feature the rule needs.
    fn text(&mut self, rule: &Rule, test: &ir::TextRule) -> Option<model::RuleKind> {
        if let Some(feature) = rule.rule.feature()
            && !feature.enabled()
        {
            self.error(rule.name.span(), feature.missing(rule.rule));
            return None;
        }
        if let Some(text) = test.argument()
            && text.value().is_empty()
        {
            let problem = match test {
                ir::TextRule::DoesNotContain(_) => format!(
                    "an empty string says nothing here: every string contains \"\", so no value satisfies it; write the text `{}` is about",
                    rule.name
                ),
                ir::TextRule::Pattern(_) => "an empty expression matches every string; write the expression the text must match".to_owned(),
                _ => format!(
                    "an empty string says nothing here: every string satisfies it; write the text `{}` is about",
                    rule.name
                ),
            };
            self.error(text.span(), problem);
            return None;
        }
        if let ir::TextRule::Pattern(source) = test
            && let Err(problem) = crate::literal::pattern(&source.value())
        {
            self.error(source.span(), problem);
            return None;
        }
        if let ir::TextRule::Url(schemes) = test {
            let mut sound = true;
            let mut seen = HashSet::new();
            for scheme in schemes {
                let text = scheme.value();
                let problem = match crate::literal::scheme(&text) {
                    Err(problem) => problem,
                    Ok(()) if !seen.insert(text.clone()) => format!("\"{text}\" is listed twice"),
                    Ok(()) => continue,
                };
                self.error(scheme.span(), problem);
                sound = false;
            }
            if !sound {
                return None;
            }
        }
        Some(model::RuleKind::Text(test.clone()))
    }

    /// `multiple_of`'s divisor: a number other than 0, or a field (whose 0
    /// is a violation when the config is checked).
    fn multiple_of(&mut self, operand: &ir::Operand) -> Option<model::RuleKind> {
        let number = self.number(operand, "a divisor")?;
        if let model::Number::Lit(bound) = &number
            && bound.value == 0.0
        {
            self.error(
                bound.lit.span(),
                "no value but 0 is a multiple of 0: write a divisor other than 0",
            );
            return None;
        }
        Some(model::RuleKind::MultipleOf(number))
    }

    /// `unit = ".."` of `length`: one of the units, whose feature is on,
    /// on a field whose type (`ty`, when the rule is the field's own) is
    /// not visibly a collection or a number, whose length has no unit.
    fn unit(
        &mut self,
        key: &syn::Ident,
        unit: &syn::LitStr,
        ty: Option<&syn::Type>,
    ) -> Option<model::Counted> {
        let word = unit.value();
        let Some((_, found)) = model::Unit::ALL.iter().find(|(known, _)| *known == word) else {
            let words = model::Unit::ALL.map(|(known, _)| known);
            self.error(
                unit.span(),
                format!(
                    "unknown unit \"{word}\"; a length counts \"bytes\", \"chars\" (the default), \"graphemes\" or \"utf16\"{}",
                    suggest::hint(&word, words)
                ),
            );
            return None;
        };
        if *found == model::Unit::Graphemes && !crate::vocab::Feature::Unicode.enabled() {
            self.error(
                unit.span(),
                "`unit = \"graphemes\"` needs lowbit-core's feature \"unicode\", which `default-features = false` turned off: add `features = [\"unicode\"]` to lowbit-core in Cargo.toml",
            );
            return None;
        }
        if let Some(other) = ty.and_then(no_string) {
            let why = if other.chars().next().is_some_and(char::is_uppercase)
                || other == "array"
                || other == "slice"
            {
                format!("a `{other}` is measured in items: leave `unit` out")
            } else {
                format!("a `{other}` has no length")
            };
            self.error(
                key.span(),
                format!("`unit` says what a string's length counts; {why}"),
            );
            return None;
        }
        Some(model::Counted {
            unit: *found,
            key: key.clone(),
        })
    }

    /// A length's bounds: counts, not reversed, `equal` alone.
    fn length(
        &mut self,
        min: Option<&syn::LitInt>,
        max: Option<&syn::LitInt>,
        equal: Option<&syn::LitInt>,
    ) -> Option<model::Lengths> {
        let mut count = |lit: Option<&syn::LitInt>| -> Result<Option<model::Count>, ()> {
            let Some(lit) = lit else { return Ok(None) };
            match lit.base10_parse::<usize>() {
                Ok(value) => Ok(Some(model::Count {
                    lit: lit.clone(),
                    value,
                })),
                Err(_) => {
                    self.error(
                        lit.span(),
                        "a length is a non-negative integer that fits in a usize",
                    );
                    Err(())
                }
            }
        };
        let given = min.is_some() || max.is_some();
        let (min, max, equal) = (count(min), count(max), count(equal));
        let mut sound = min.is_ok() && max.is_ok() && equal.is_ok();
        let (min, max, equal) = (min.ok().flatten(), max.ok().flatten(), equal.ok().flatten());
        if let (Some(lo), Some(hi)) = (&min, &max)
            && lo.value > hi.value
        {
            self.error(
                hi.lit.span(),
                format!(
                    "no length satisfies this rule: max {} is below min {}",
                    hi.value, lo.value
                ),
            );
            sound = false;
        }
        if let (Some(equal), true) = (&equal, given) {
            self.error(equal.lit.span(), "`equal` excludes `min` and `max`");
            sound = false;
        }
        if !sound {
            return None;
        }
        match equal {
            Some(equal) => Some(model::Lengths::Exactly(equal)),
            None => Some(model::Lengths::Between { min, max }),
        }
    }

    /// `requires(f)` on `f` itself, and the like, say nothing or can never hold.
    fn not_itself(&mut self, cond: &Cond, subject: &FieldPath, rule: &Rule) {
        if let Cond::Set(place) = cond
            && same_place(place, subject)
        {
            self.error(
                place.first().span(),
                format!(
                    "`{}` names its own field `{}`: a field cannot be a condition of itself",
                    rule.name,
                    place.text()
                ),
            );
        }
    }

    /// `one_of` and `none_of` that leave nothing, and conditions on values a
    /// field's own `one_of` rules out.
    fn contradictions(&mut self, field: &FieldDef) {
        // A `warn` rule allows every value: broken, it only says so.
        let unconditional = |rule: &&Rule| rule.at.is_empty() && rule.when.is_none() && !rule.warn;
        self.never_set(field);
        let mut lists =
            field
                .rules
                .iter()
                .filter(unconditional)
                .filter_map(|rule| match &rule.kind {
                    RuleKind::OneOf(lits) => Some(lits),
                    _ => None,
                });
        let Some(first) = lists.next() else { return };
        // Names are another type's: a variant's alias is the same value as
        // its serde name, which only the type knows. So lists of names are
        // checked by the emitted code (`emit::assertions`);
        // here only names written alike are taken for the same value.
        let names = matches!(first.first(), Some(Lit::Str(_)));
        let mut allowed: Vec<String> = first.iter().map(Lit::text).collect();
        // Several `one_of` lists allow what they all allow.
        for lits in lists {
            let texts: Vec<String> = lits.iter().map(Lit::text).collect();
            allowed.retain(|text| texts.contains(text));
            if allowed.is_empty() && !names {
                self.error(
                    lits[0].span(),
                    format!(
                        "no value satisfies every `one_of` of `{}`: their lists have no value in common",
                        field.ident.unraw()
                    ),
                );
                return;
            }
        }
        self.one_of_against_none_of(field, &allowed);
        if names {
            return;
        }
        // Conditions elsewhere that compare this field with a value `one_of` excludes.
        let name = field.ident.unraw();
        let mut never = Vec::new();
        for other in self.fields {
            for rule in &other.rules {
                visit_tests(&rule.kind, &mut |place, test| {
                    if place.segments.len() == 1
                        && place.first().unraw() == name
                        && let Test::Eq(lit) = test
                        && !allowed.contains(&lit.text())
                    {
                        never.push(lit.clone());
                    }
                });
            }
        }
        for lit in never {
            self.error(
                lit.span(),
                format!(
                    "this condition can never hold: `{}` is `one_of({})`",
                    name,
                    allowed.join(", ")
                ),
            );
        }
    }
}

impl Checker<'_> {
    /// A value that `none_of` excludes, though `one_of` allows only it and
    /// others: written the same in both, it is the same value, whatever its
    /// type.
    fn one_of_against_none_of(&mut self, field: &FieldDef, allowed: &[String]) {
        let unconditional = |rule: &&Rule| rule.at.is_empty() && rule.when.is_none() && !rule.warn;
        let mut clashes = Vec::new();
        for rule in field.rules.iter().filter(unconditional) {
            if let RuleKind::NoneOf(lits) = &rule.kind {
                clashes.extend(lits.iter().filter(|lit| allowed.contains(&lit.text())));
            }
        }
        for lit in clashes {
            self.error(
                lit.span(),
                format!(
                    "{} is both required by `one_of` and excluded by `none_of`",
                    lit.text()
                ),
            );
        }
    }

    /// A field that requires a field, or may be set only if it is, and
    /// conflicts with it, can never be set.
    fn never_set(&mut self, field: &FieldDef) {
        let plain = |rule: &&Rule| rule.at.is_empty() && rule.when.is_none() && !rule.warn;
        let needed: Vec<&FieldPath> = field
            .rules
            .iter()
            .filter(plain)
            .flat_map(|rule| match &rule.kind {
                RuleKind::Requires(conds) => conds.iter().collect(),
                RuleKind::OnlyIf(cond) => vec![cond],
                _ => Vec::new(),
            })
            .filter_map(|cond| match cond {
                Cond::Set(place) => Some(place),
                _ => None,
            })
            .collect();
        let mut clashes = Vec::new();
        for rule in field.rules.iter().filter(plain) {
            if let RuleKind::ConflictsWith(Cond::Set(place)) = &rule.kind
                && needed.iter().any(|needed| same_place(needed, place))
            {
                clashes.push(place.clone());
            }
        }
        for place in clashes {
            self.error(
                place.first().span(),
                format!(
                    "`{}` can never be set: it needs `{}` and conflicts with it",
                    field.ident.unraw(),
                    place.text()
                ),
            );
        }
    }
}

/// The rules of the container: groups and checks of the whole struct.
impl Checker<'_> {
    /// A group: two members or more, each a field of this struct that a
    /// file can set, none twice.
    fn group(&mut self, group: &ir::Group) -> Option<model::Group> {
        let keyword = &group.keyword;
        let mut sound = true;
        if group.members.len() < 2 {
            self.error(
                keyword.span(),
                format!(
                    "`{keyword}` needs two fields or more: a group of {} says nothing a rule on a field could not",
                    if group.members.is_empty() { "none" } else { "one" }
                ),
            );
            sound = false;
        }
        let mut members = Vec::new();
        for (index, member) in group.members.iter().enumerate() {
            if group.members[..index]
                .iter()
                .any(|earlier| earlier.unraw() == member.unraw())
            {
                self.error(
                    member.span(),
                    format!("`{}` is listed twice in this group", member.unraw()),
                );
                sound = false;
                continue;
            }
            let place = FieldPath {
                segments: vec![member.clone()],
            };
            let Some(place) = self.place(&place, false) else {
                sound = false;
                continue;
            };
            let field = &self.fields[place.field];
            let why = if field.skip {
                Some("is skipped by serde: no config file sets it")
            } else if field.flatten {
                Some(
                    "is flattened: its keys sit among this struct's own, and it has none of its own to be set",
                )
            } else {
                None
            };
            if let Some(why) = why {
                self.error(
                    member.span(),
                    format!(
                        "`{}` {why}; a group counts the fields a file sets",
                        member.unraw()
                    ),
                );
                sound = false;
                continue;
            }
            members.push(place);
        }
        if let Some(message) = &group.message {
            // `{field}` placeholders are not filled in container messages
            // yet, so none is allowed.
            let problem = check_template(&message.value(), &[]).err().or_else(|| {
                message.value().contains("{value}").then(|| {
                    format!("a group has no single value for `{{value}}`; `{keyword}` messages can use `{{path}}`")
                })
            });
            if let Some(problem) = problem {
                self.error(message.span(), problem);
                sound = false;
            }
        }
        let guard = group.guard.as_ref().map(|guard| self.cond(guard));
        if let Some(None) = guard {
            sound = false;
        }
        sound.then(|| model::Group {
            kind: group.kind,
            members,
            message: group.message.clone(),
            guard: guard.flatten(),
            warn: group.warn,
        })
    }

    /// A check of the whole struct: only its message can be known wrong
    /// here; rustc checks the function at its call.
    fn struct_check(&mut self, check: &ir::StructCheck) -> bool {
        if let Some(message) = &check.message
            && let Err(problem) = check_template(&message.value(), &[])
        {
            self.error(message.span(), problem);
            return false;
        }
        true
    }
}

/// The tests that must hold for a field to be set at all: those of `requires`
/// and `only_if`, at their top level or under `all`. (A `conflicts_with` or
/// `required_if` whose condition can never hold is redundant, not wrong.)
fn visit_tests<'a>(kind: &'a RuleKind, visit: &mut impl FnMut(&'a FieldPath, &'a Test)) {
    match kind {
        RuleKind::Requires(conds) => conds.iter().for_each(|cond| cond.required_tests(visit)),
        RuleKind::OnlyIf(cond) => cond.required_tests(visit),
        _ => {}
    }
}

/// The place a rule is about: its field, and `at` below it.
fn subject(field: &FieldDef, rule: &Rule) -> FieldPath {
    let mut segments = vec![field.ident.clone()];
    segments.extend(rule.at.iter().cloned());
    FieldPath { segments }
}

fn same_place(a: &FieldPath, b: &FieldPath) -> bool {
    a.segments.len() == b.segments.len()
        && a.segments
            .iter()
            .zip(&b.segments)
            .all(|(x, y)| x.unraw() == y.unraw())
}

/// The primitive integer type `ty` is, or is an `Option` of: its name and
/// its range. A `usize` or `isize` is taken as 64 bits wide: a number that
/// fits that but not the target is left to rustc. 128-bit types are left to
/// rustc too.
fn integer_type(ty: &syn::Type) -> Option<(String, i128, i128)> {
    let syn::Type::Path(path) = ty else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident == "Option" && path.path.segments.len() == 1 {
        let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
            return None;
        };
        let [syn::GenericArgument::Type(inner)] = args.args.iter().collect::<Vec<_>>()[..] else {
            return None;
        };
        return integer_type(inner);
    }
    if path.path.segments.len() != 1 || !last.arguments.is_empty() {
        return None;
    }
    let name = last.ident.to_string();
    let (min, max): (i128, i128) = match name.as_str() {
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" => (0, u64::MAX.into()),
        "usize" => (0, u64::MAX.into()),
        "i8" => (i8::MIN.into(), i8::MAX.into()),
        "i16" => (i16::MIN.into(), i16::MAX.into()),
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "i64" => (i64::MIN.into(), i64::MAX.into()),
        "isize" => (i64::MIN.into(), i64::MAX.into()),
        _ => return None,
    };
    Some((name, min, max))
}

/// The collection or number a type visibly is (through an `Option`), by
/// name: a type whose length is not a string's.
fn no_string(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Array(_) => return Some("array".to_owned()),
        syn::Type::Slice(_) => return Some("slice".to_owned()),
        syn::Type::Reference(reference) => return no_string(&reference.elem),
        _ => {}
    }
    let syn::Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    let name = last.ident.to_string();
    if name == "Option" {
        if let syn::PathArguments::AngleBracketed(args) = &last.arguments
            && let [syn::GenericArgument::Type(inner)] = args.args.iter().collect::<Vec<_>>()[..]
        {
            return no_string(inner);
        }
        return None;
    }
    let collections = [
        "Vec", "VecDeque", "HashMap", "BTreeMap", "HashSet", "BTreeSet", "IndexMap", "IndexSet",
    ];
    if collections.contains(&name.as_str()) {
        return Some(name);
    }
    if let Seen::Other(name) = seen_type(ty)
        && name != "String"
        && name != "str"
    {
        return Some(name);
    }
    None
}

/// What the derive sees of a field's type, for the bounds of `range`.
#[derive(Clone, PartialEq, Eq)]
enum Seen {
    /// `Duration`, `std::time::Duration`, or an `Option` of one.
    Duration,
    /// A primitive number, a bool or a string, by name.
    Other(String),
    /// Anything else: an alias, a generic, a type of the user's.
    Unknown,
}

fn seen_type(ty: &syn::Type) -> Seen {
    let syn::Type::Path(path) = ty else {
        return Seen::Unknown;
    };
    let Some(last) = path.path.segments.last() else {
        return Seen::Unknown;
    };
    if path.qself.is_some() {
        return Seen::Unknown;
    }
    if last.ident == "Option" {
        if let syn::PathArguments::AngleBracketed(args) = &last.arguments
            && let [syn::GenericArgument::Type(inner)] = args.args.iter().collect::<Vec<_>>()[..]
        {
            return seen_type(inner);
        }
        return Seen::Unknown;
    }
    if !last.arguments.is_empty() {
        return Seen::Unknown;
    }
    let name = last.ident.to_string();
    if name == "Duration" {
        return Seen::Duration;
    }
    let primitive = [
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
        "f32", "f64", "bool", "String", "str",
    ];
    if path.path.segments.len() == 1 && primitive.contains(&name.as_str()) {
        return Seen::Other(name);
    }
    Seen::Unknown
}

fn number(lit: &Lit) -> Option<f64> {
    match lit {
        Lit::Int(int) => int.base10_digits().parse().ok(),
        Lit::Float(float) => float.base10_digits().parse().ok(),
        _ => None,
    }
}

/// A message may use `{path}` and `{value}`; `{{` and `}}` are braces.
/// A message may use `{path}`, `{value}`, and `{field}` for the value of a
/// field of the same struct (`fields`, by Rust name); `{{` and `}}` are
/// braces.
pub fn check_template(template: &str, fields: &[String]) -> Result<(), String> {
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        rest = &rest[at..];
        if rest.starts_with("{{") || rest.starts_with("}}") {
            rest = &rest[2..];
        } else if rest.starts_with("{path}") {
            rest = &rest[6..];
        } else if rest.starts_with("{value}") {
            rest = &rest[7..];
        } else if let Some(name) = rest
            .strip_prefix('{')
            .and_then(|r| r.split_once('}'))
            .map(|(name, _)| name)
        {
            if fields.iter().any(|field| field == name) {
                rest = &rest[name.len() + 2..];
                continue;
            }
            let known = ["path", "value"]
                .into_iter()
                .chain(fields.iter().map(String::as_str));
            let hint = match suggest::closest(name, known) {
                Some(close) => format!("; did you mean `{{{close}}}`?"),
                None => String::new(),
            };
            return Err(format!(
                "unknown placeholder `{{{name}}}` in message; messages can use `{{path}}`, `{{value}}`, a field of the same struct by its Rust name (`{{field}}`), and `{{{{` `}}}}` for braces{hint}"
            ));
        } else {
            return Err("unmatched brace in message; write `{{` or `}}` for a brace".to_owned());
        }
    }
    Ok(())
}
