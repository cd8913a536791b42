//! Default messages: one sentence per rule, made at compile time as a
//! template whose `{path}` and `{value}` are filled in when displayed.

use std::cell::RefCell;

use syn::ext::IdentExt;

use crate::ir::{Cond, FieldDef, Lit, Place, Rule, RuleKind, Test};

/// The message template of `rule`: the user's, or the default sentence;
/// and the places whose serde names its `{0}`..`{9}` stand for.
pub fn template(rule: &Rule, fields: &[FieldDef]) -> (String, Vec<Place>) {
    if let Some(message) = &rule.message {
        return (message.value(), Vec::new());
    }
    let names = Names {
        fields,
        args: RefCell::new(Vec::new()),
    };
    let text = default_text(rule, &names);
    (text, names.args.into_inner())
}

fn default_text(rule: &Rule, names: &Names) -> String {
    let subject = match &rule.when {
        Some(_) => "{path} = {value}".to_owned(),
        None => "{path}".to_owned(),
    };
    match &rule.kind {
        RuleKind::OneOf(lits) if lits.len() == 1 => format!(
            "{{path}} must be {}, not {{value}}",
            escape(&lits[0].text())
        ),
        RuleKind::OneOf(lits) => format!("{{path}} must be one of {}, not {{value}}", list(lits)),
        RuleKind::NoneOf(_) => "{path} must not be {value}".to_owned(),
        RuleKind::Requires(conds) => {
            let conds: Vec<String> = conds.iter().map(|cond| names.cond(cond, false)).collect();
            format!("{subject} requires {}", conds.join(" and "))
        }
        RuleKind::OnlyIf(cond) if rule.when.is_some() => {
            format!("{subject} is allowed only when {}", names.cond(cond, false))
        }
        RuleKind::OnlyIf(cond) => {
            format!("{subject} may be set only when {}", names.cond(cond, false))
        }
        RuleKind::RequiredIf(cond) => {
            format!("{{path}} must be set when {}", names.cond(cond, false))
        }
        RuleKind::ConflictsWith(cond) if rule.when.is_some() => {
            format!("{subject} conflicts with {}", names.cond(cond, false))
        }
        RuleKind::ConflictsWith(cond) => {
            format!("{subject} must not be set when {}", names.cond(cond, false))
        }
        RuleKind::Range { min, max } => match (min, max) {
            (Some(min), Some(max)) => format!(
                "{{path}} must be between {} and {}, not {{value}}",
                min.text(),
                max.text()
            ),
            (Some(min), None) => format!("{{path}} must be at least {}, not {{value}}", min.text()),
            (None, _) => format!(
                "{{path}} must be at most {}, not {{value}}",
                max.as_ref().map(Lit::text).unwrap_or_default()
            ),
        },
        RuleKind::Length { min, max, equal } => {
            let digits =
                |lit: &Option<syn::LitInt>| lit.as_ref().map(|lit| lit.base10_digits().to_owned());
            let bound = match (digits(min), digits(max), digits(equal)) {
                (_, _, Some(equal)) => format!("exactly {equal}"),
                (Some(min), Some(max), _) => format!("between {min} and {max}"),
                (Some(min), None, _) => format!("at least {min}"),
                (None, Some(max), _) => format!("at most {max}"),
                (None, None, None) => String::new(),
            };
            format!("{{path}} must have a length of {bound}, not {{value}}")
        }
        RuleKind::NonEmpty => "{path} must not be empty".to_owned(),
        RuleKind::Nested | RuleKind::Custom(..) => String::new(),
    }
}

fn list(lits: &[Lit]) -> String {
    escape(&lits.iter().map(Lit::text).collect::<Vec<_>>().join(", "))
}

/// Braces in user text would read as placeholders.
fn escape(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

/// Conditions rendered with their fields' serde names: those of this
/// struct's fields written out, those of nested structs' fields as numbered
/// placeholders filled in from their derive's `Field::NAME`.
struct Names<'a> {
    fields: &'a [FieldDef],
    /// The places (a prefix of a dotted path) behind each placeholder.
    args: RefCell<Vec<Place>>,
}

impl Names<'_> {
    fn place(&self, place: &Place) -> String {
        let first = place.first().unraw();
        let field = self
            .fields
            .iter()
            .find(|field| field.ident.unraw() == first);
        let mut parts = Vec::new();
        match field {
            Some(field) if field.flatten => {}
            Some(field) => parts.push(escape(&field.name)),
            None => parts.push(escape(&first.to_string())),
        }
        for depth in 1..place.segments.len() {
            let mut args = self.args.borrow_mut();
            // Ten placeholders at most; past them, the Rust name.
            if args.len() < 10 {
                parts.push(format!("{{{}}}", args.len()));
                args.push(Place {
                    segments: place.segments[..=depth].to_vec(),
                });
            } else {
                parts.push(escape(&place.segments[depth].unraw().to_string()));
            }
        }
        parts.join(".")
    }

    fn test(&self, subject: &str, test: &Test) -> String {
        match test {
            Test::Eq(lit) => format!("{subject} = {}", escape(&lit.text())),
            Test::Ne(lit) => format!("{subject} != {}", escape(&lit.text())),
            Test::In(lits) => format!("{subject} is one of {}", list(lits)),
        }
    }

    /// `nested` says whether the text sits inside a larger condition, where a
    /// compound needs parentheses.
    fn cond(&self, cond: &Cond, nested: bool) -> String {
        let wrap = |text: String| if nested { format!("({text})") } else { text };
        match cond {
            Cond::Set(place) => self.place(place),
            Cond::Test(place, test) => self.test(&self.place(place), test),
            Cond::Not(inner) => format!("not {}", self.cond(inner, true)),
            Cond::All(conds) => wrap(
                conds
                    .iter()
                    .map(|c| self.cond(c, true))
                    .collect::<Vec<_>>()
                    .join(" and "),
            ),
            Cond::Any(conds) => wrap(
                conds
                    .iter()
                    .map(|c| self.cond(c, true))
                    .collect::<Vec<_>>()
                    .join(" or "),
            ),
            Cond::Every(place, test) => {
                self.test(&format!("every item of {}", self.place(place)), test)
            }
            Cond::Some(place, test) => {
                self.test(&format!("some item of {}", self.place(place)), test)
            }
        }
    }
}
