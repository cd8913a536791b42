//! Check: what can be known wrong from the input alone, before any code is
//! emitted. What needs another type's definition (a variant name, a nested
//! field) is checked by the emitted code at compile time instead.

use std::collections::HashSet;

use darling::error::Accumulator;
use syn::ext::IdentExt;

use crate::ir::{Body, Cond, Container, FieldDef, Lit, Place, Rule, RuleKind, Test};
use crate::parse::place_text;
use crate::suggest;

/// Options of rules, which a misspelled one in a condition is likely to be.
const OPTIONS: [&str; 4] = ["message", "when", "at", "ungated"];

pub fn check(container: &Container, errors: &mut Accumulator) {
    let params: Vec<syn::Ident> = container
        .generics
        .type_params()
        .map(|param| param.ident.clone())
        .collect();
    match &container.body {
        Body::Struct(body) => Checker {
            params: &params,
            owner: container.ident.unraw().to_string(),
            fields: &body.fields,
            gate: body.gate.as_ref(),
            errors,
        }
        .run(),
        Body::Enum(body) => {
            for variant in &body.variants {
                Checker {
                    params: &params,
                    owner: format!("{}::{}", container.ident.unraw(), variant.ident.unraw()),
                    fields: &variant.fields,
                    gate: None,
                    errors,
                }
                .run();
            }
        }
    }
}

/// Checks the rules of one set of fields: a struct's, or a struct variant's.
struct Checker<'a> {
    /// The container's type parameters.
    params: &'a [syn::Ident],
    /// The struct or variant, as messages name it.
    owner: String,
    fields: &'a [FieldDef],
    gate: Option<&'a Place>,
    errors: &'a mut Accumulator,
}

impl Checker<'_> {
    fn run(&mut self) {
        if let Some(gate) = self.gate {
            self.place(gate, false);
        }
        for field in self.fields {
            // `_: T` parses as a field (unnamed fields, unstable), but no
            // rule can name or read it.
            if field.ident == "_"
                && let Some(rule) = field.rules.first()
            {
                self.error(
                    rule.name.span(),
                    "a field named `_` has no name to validate it by; give it one",
                );
                continue;
            }
            for rule in &field.rules {
                self.rule(field, rule);
            }
            self.contradictions(field);
        }
    }

    fn error(&mut self, span: proc_macro2::Span, message: impl std::fmt::Display) {
        self.errors
            .push(darling::Error::custom(message).with_span(&span));
    }

    fn field_named(&self, ident: &syn::Ident) -> Option<&FieldDef> {
        let name = ident.unraw();
        self.fields.iter().find(|field| field.ident.unraw() == name)
    }

    /// The first segment of a place must be a field of this struct.
    fn place(&mut self, place: &Place, in_cond: bool) {
        let first = place.first();
        if self.field_named(first).is_some() {
            return;
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
        } else if let (true, Some(option)) = (in_cond, suggest::closest(&name, OPTIONS)) {
            format!("; did you mean the option `{option}`?")
        } else {
            String::new()
        };
        self.error(
            first.span(),
            format!("no field `{name}` in `{}`{help}", self.owner),
        );
    }

    fn cond(&mut self, cond: &Cond) {
        match cond {
            Cond::Set(place) => self.place(place, true),
            Cond::Test(place, test) => {
                self.place(place, true);
                self.test(test);
                let lits = match test {
                    Test::Eq(lit) | Test::Ne(lit) => std::slice::from_ref(lit),
                    Test::In(lits) => lits,
                };
                self.generic_number(place, lits);
            }
            Cond::Every(place, test) | Cond::Some(place, test) => {
                self.place(place, true);
                self.test(test);
            }
            Cond::Not(inner) => self.cond(inner),
            Cond::All(conds) | Cond::Any(conds) => conds.iter().for_each(|cond| self.cond(cond)),
        }
    }

    fn test(&mut self, test: &Test) {
        if let Test::In(lits) = test {
            self.values(lits);
        }
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

    /// Numbers in rules are read as the field's number type, which must be
    /// a concrete one: an integer literal cannot become a type parameter.
    fn generic_number(&mut self, place: &Place, lits: &[Lit]) {
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

    fn rule(&mut self, field: &FieldDef, rule: &Rule) {
        let subject = subject(field, rule);
        match &rule.kind {
            RuleKind::OneOf(lits) | RuleKind::NoneOf(lits) => self.generic_number(&subject, lits),
            RuleKind::Range { min, max } => {
                let bounds: Vec<Lit> = [min, max].into_iter().flatten().cloned().collect();
                self.generic_number(&subject, &bounds);
            }
            _ => {}
        }
        if let Some(when) = &rule.when {
            self.generic_number(&subject, when);
        }
        match &rule.kind {
            RuleKind::OneOf(lits) | RuleKind::NoneOf(lits) => self.values(lits),
            RuleKind::Requires(conds) => {
                for cond in conds {
                    self.cond(cond);
                    self.not_itself(cond, &subject, rule);
                }
            }
            RuleKind::OnlyIf(cond) | RuleKind::RequiredIf(cond) | RuleKind::ConflictsWith(cond) => {
                self.cond(cond);
                self.not_itself(cond, &subject, rule);
            }
            RuleKind::Range { min, max } => {
                if let (Some(min), Some(max)) = (min, max) {
                    if let (Some(lo), Some(hi)) = (number(min), number(max))
                        && lo > hi
                    {
                        self.error(
                            max.span(),
                            format!(
                                "no value satisfies this range: max {} is below min {}",
                                max.text(),
                                min.text()
                            ),
                        );
                    }
                    // Bounds that are not numbers get their own error below.
                    if let (Some(_), Some(_)) = (number(min), number(max))
                        && matches!(min, Lit::Int(_)) != matches!(max, Lit::Int(_))
                    {
                        let (key, int) = match min {
                            Lit::Int(_) => ("min", min),
                            _ => ("max", max),
                        };
                        self.error(
                            int.span(),
                            format!(
                                "write `{key} = {}.0`: `min` and `max` are both floats or both integers",
                                int.text()
                            ),
                        );
                    }
                }
                for bound in [min, max].into_iter().flatten() {
                    if !matches!(bound, Lit::Int(_) | Lit::Float(_)) {
                        self.error(
                            bound.span(),
                            format!("a range bound is a number, not {}", bound.kind()),
                        );
                    }
                }
            }
            RuleKind::Length { min, max, equal } => {
                for bound in [min, max, equal].into_iter().flatten() {
                    if bound.base10_parse::<usize>().is_err() {
                        self.error(
                            bound.span(),
                            "a length is a non-negative integer that fits in a usize",
                        );
                    }
                }
                let value = |lit: &Option<syn::LitInt>| {
                    lit.as_ref().and_then(|lit| lit.base10_parse::<u64>().ok())
                };
                if let (Some(lo), Some(hi), Some(max)) = (value(min), value(max), max)
                    && lo > hi
                {
                    self.error(
                        max.span(),
                        format!("no length satisfies this rule: max {hi} is below min {lo}"),
                    );
                }
                if let (Some(equal), true) = (equal, min.is_some() || max.is_some()) {
                    self.error(equal.span(), "`equal` excludes `min` and `max`");
                }
            }
            RuleKind::Nested | RuleKind::NonEmpty | RuleKind::Custom(..) => {}
        }
        if let Some(when) = &rule.when {
            self.values(when);
        }
        if rule.ungated && self.gate.is_none() {
            self.error(
                rule.name.span(),
                format!(
                    "`ungated` has no effect: `{}` has no `#[validate(gate = ..)]`",
                    self.owner
                ),
            );
        }
        if let Some(message) = &rule.message
            && let Err(problem) = check_template(&message.value())
        {
            self.error(message.span(), problem);
        }
    }

    /// `requires(f)` on `f` itself, and the like, say nothing or can never hold.
    fn not_itself(&mut self, cond: &Cond, subject: &Place, rule: &Rule) {
        if let Cond::Set(place) = cond
            && same_place(place, subject)
        {
            self.error(
                place.first().span(),
                format!(
                    "`{}` names its own field `{}`: a field cannot be a condition of itself",
                    rule.name,
                    place_text(place)
                ),
            );
        }
    }

    /// `one_of` and `none_of` that leave nothing, and conditions on values a
    /// field's own `one_of` rules out.
    fn contradictions(&mut self, field: &FieldDef) {
        let unconditional = |rule: &&Rule| rule.at.is_empty() && rule.when.is_none();
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
        // checked by the emitted code (`emit::structs::one_of_assertions`);
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
        let unconditional = |rule: &&Rule| rule.at.is_empty() && rule.when.is_none();
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
        let plain = |rule: &&Rule| rule.at.is_empty() && rule.when.is_none();
        let needed: Vec<&Place> = field
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
                    place_text(&place)
                ),
            );
        }
    }
}

/// The tests that must hold for a field to be set at all: those of `requires`
/// and `only_if`, at their top level or under `all`. (A `conflicts_with` or
/// `required_if` whose condition can never hold is redundant, not wrong.)
pub fn visit_tests(kind: &RuleKind, visit: &mut impl FnMut(&Place, &Test)) {
    fn walk(cond: &Cond, visit: &mut impl FnMut(&Place, &Test)) {
        match cond {
            Cond::Test(place, test) => visit(place, test),
            Cond::All(conds) => conds.iter().for_each(|cond| walk(cond, visit)),
            Cond::Not(_) | Cond::Any(_) | Cond::Set(_) | Cond::Every(..) | Cond::Some(..) => {}
        }
    }
    match kind {
        RuleKind::Requires(conds) => conds.iter().for_each(|cond| walk(cond, visit)),
        RuleKind::OnlyIf(cond) => walk(cond, visit),
        _ => {}
    }
}

/// The place a rule is about: its field, and `at` below it.
pub fn subject(field: &FieldDef, rule: &Rule) -> Place {
    let mut segments = vec![field.ident.clone()];
    segments.extend(rule.at.iter().cloned());
    Place { segments }
}

fn same_place(a: &Place, b: &Place) -> bool {
    a.segments.len() == b.segments.len()
        && a.segments
            .iter()
            .zip(&b.segments)
            .all(|(x, y)| x.unraw() == y.unraw())
}

fn number(lit: &Lit) -> Option<f64> {
    match lit {
        Lit::Int(int) => int.base10_digits().parse().ok(),
        Lit::Float(float) => float.base10_digits().parse().ok(),
        _ => None,
    }
}

/// A message may use `{path}` and `{value}`; `{{` and `}}` are braces.
pub fn check_template(template: &str) -> Result<(), String> {
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
            let hint = match suggest::closest(name, ["path", "value"]) {
                Some(close) => format!("; did you mean `{{{close}}}`?"),
                None => String::new(),
            };
            return Err(format!(
                "unknown placeholder `{{{name}}}` in message; messages can use `{{path}}` and `{{value}}`, and `{{{{` `}}}}` for braces{hint}"
            ));
        } else {
            return Err("unmatched brace in message; write `{{` or `}}` for a brace".to_owned());
        }
    }
    Ok(())
}
