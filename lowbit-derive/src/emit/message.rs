//! Default messages: one sentence per rule, made at compile time as a
//! template whose `{path}` and `{value}` are filled in when displayed.

use syn::ext::IdentExt;

use crate::model::{Cond, Field, Lengths, Lit, Number, Place, Rule, RuleKind, Test, TextRule};

/// The message template of `rule`: the user's, or the default sentence;
/// and the places whose serde names its `{0}`..`{9}` stand for.
pub fn template(rule: &Rule, fields: &[Field]) -> (String, Vec<Place>) {
    if let Some(message) = &rule.message {
        return (message.value(), Vec::new());
    }
    let mut names = Names {
        fields,
        args: Vec::new(),
    };
    let mut text = default_text(rule, &mut names);
    // A warning advises: it says "should" where an error says "must" (the
    // first "must" is the sentence's verb; a quoted value comes after it).
    if rule.warn {
        text = text.replacen(" must ", " should ", 1);
    }
    if let Some(guard) = &rule.guard
        && !text.is_empty()
    {
        // "lr must be at least 1.0 while stage != 3, not 0.5".
        let guard = format!(" while {}", names.cond(guard, false));
        match text.strip_suffix(", not {value}") {
            Some(head) => text = format!("{head}{guard}, not {{value}}"),
            None => text.push_str(&guard),
        }
    }
    (text, names.args)
}

fn default_text(rule: &Rule, names: &mut Names) -> String {
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
        RuleKind::Range {
            min,
            max,
            exclusive,
        } if exclusive.min || exclusive.max => {
            let above = |min: &Number, names: &mut Names| {
                let word = if exclusive.min {
                    "greater than"
                } else {
                    "at least"
                };
                format!("{word} {}", names.number(min))
            };
            let below = |max: &Number, names: &mut Names| {
                let word = if exclusive.max {
                    "less than"
                } else {
                    "at most"
                };
                format!("{word} {}", names.number(max))
            };
            let bound = match (min, max) {
                (Some(min), Some(max)) => {
                    let above = above(min, names);
                    format!("{above} and {}", below(max, names))
                }
                (Some(min), None) => above(min, names),
                (None, Some(max)) => below(max, names),
                (None, None) => return String::new(),
            };
            format!("{{path}} must be {bound}, not {{value}}")
        }
        RuleKind::Range { min, max, .. } => match (min, max) {
            (Some(min), Some(max)) => format!(
                "{{path}} must be between {} and {}, not {{value}}",
                names.number(min),
                names.number(max)
            ),
            (Some(min), None) => format!(
                "{{path}} must be at least {}, not {{value}}",
                names.number(min)
            ),
            (None, Some(max)) => format!(
                "{{path}} must be at most {}, not {{value}}",
                names.number(max)
            ),
            (None, None) => String::new(),
        },
        RuleKind::MultipleOf(divisor) => format!(
            "{{path}} must be a multiple of {}, not {{value}}",
            names.number(divisor)
        ),
        RuleKind::Length(lengths, counted) => {
            let digits = |count: &crate::model::Count| count.lit.base10_digits().to_owned();
            let bound = match lengths {
                Lengths::Exactly(equal) => format!("exactly {}", digits(equal)),
                Lengths::Between {
                    min: Some(min),
                    max: Some(max),
                } => format!("between {} and {}", digits(min), digits(max)),
                Lengths::Between {
                    min: Some(min),
                    max: None,
                } => format!("at least {}", digits(min)),
                Lengths::Between {
                    min: None,
                    max: Some(max),
                } => format!("at most {}", digits(max)),
                Lengths::Between {
                    min: None,
                    max: None,
                } => String::new(),
            };
            let unit = counted
                .as_ref()
                .map(|counted| format!(" {}", counted.unit.plural()))
                .unwrap_or_default();
            format!("{{path}} must have a length of {bound}{unit}, not {{value}}")
        }
        RuleKind::NonEmpty => "{path} must not be empty".to_owned(),
        RuleKind::Forbidden => "{path} must not be set".to_owned(),
        RuleKind::Required => "{path} must be set".to_owned(),
        // No `{value}`: items such as structs have no short spelling, and
        // the violation carries the value where they do.
        RuleKind::Unique => "{path} must not repeat an earlier item".to_owned(),
        RuleKind::Text(test) => {
            let quoted = |text: &syn::LitStr| escape(&format!("{:?}", text.value()));
            match test {
                TextRule::Prefix(text) => {
                    format!("{{path}} must start with {}, not {{value}}", quoted(text))
                }
                TextRule::Suffix(text) => {
                    format!("{{path}} must end with {}, not {{value}}", quoted(text))
                }
                TextRule::Contains(text) => {
                    format!("{{path}} must contain {}, not {{value}}", quoted(text))
                }
                TextRule::DoesNotContain(text) => {
                    format!(
                        "{{path}} must not contain {}, as {{value}} does",
                        quoted(text)
                    )
                }
                TextRule::Ascii => "{path} must be ASCII, not {value}".to_owned(),
                TextRule::Alphanumeric => "{path} must be alphanumeric, not {value}".to_owned(),
                TextRule::Ip => "{path} must be an IP address, not {value}".to_owned(),
                TextRule::Ipv4 => "{path} must be an IPv4 address, not {value}".to_owned(),
                TextRule::Ipv6 => "{path} must be an IPv6 address, not {value}".to_owned(),
                TextRule::Email => "{path} must be an email address, not {value}".to_owned(),
                TextRule::Url(schemes) if schemes.is_empty() => {
                    "{path} must be a URL, not {value}".to_owned()
                }
                TextRule::Url(schemes) => {
                    let schemes: Vec<String> = schemes.iter().map(quoted).collect();
                    let schemes = match schemes.as_slice() {
                        [one] => one.clone(),
                        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
                        [] => String::new(),
                    };
                    format!("{{path}} must be a URL whose scheme is {schemes}, not {{value}}")
                }
                // Between slashes, as regular expressions are quoted, so
                // that its backslashes read as written, not doubled.
                TextRule::Pattern(source) => format!(
                    "{{path}} must match /{}/, not {{value}}",
                    escape(&source.value())
                ),
            }
        }
        RuleKind::Nested | RuleKind::Custom { .. } => String::new(),
        // The rules inside have their own messages.
        RuleKind::Items(_) | RuleKind::Keys(_) => String::new(),
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
    fields: &'a [Field],
    /// The places (a prefix of a dotted path) behind each placeholder.
    args: Vec<Place>,
}

impl Names<'_> {
    /// A number of a rule: the literal, or the field's serde name.
    fn number(&mut self, number: &Number) -> String {
        match number {
            // A duration as written, without its quotes: `at most 1h30m`.
            Number::Lit(crate::model::Bound {
                lit: Lit::Str(text),
                millis: Some(_),
                ..
            }) => escape(&text.value()),
            Number::Lit(bound) => escape(&bound.lit.text()),
            Number::Field(place) => self.place(place),
        }
    }

    fn place(&mut self, place: &Place) -> String {
        let field = &self.fields[place.field];
        let mut parts = Vec::new();
        if !field.flatten {
            parts.push(escape(&field.name));
        }
        for depth in 1..place.segments.len() {
            // Ten placeholders at most; past them, the Rust name.
            if self.args.len() < 10 {
                parts.push(format!("{{{}}}", self.args.len()));
                self.args.push(place.prefix(depth + 1));
            } else {
                parts.push(escape(&place.segments[depth].unraw().to_string()));
            }
        }
        parts.join(".")
    }

    fn test(subject: &str, test: &Test) -> String {
        match test {
            Test::Eq(lit) => format!("{subject} = {}", escape(&lit.text())),
            Test::Ne(lit) => format!("{subject} != {}", escape(&lit.text())),
            Test::In(lits) => format!("{subject} is one of {}", list(lits)),
            Test::Order(order, lit) => {
                format!("{subject} {} {}", order.symbol(), escape(&lit.text()))
            }
        }
    }

    /// `nested` says whether the text sits inside a larger condition, where a
    /// compound needs parentheses.
    fn cond(&mut self, cond: &Cond, nested: bool) -> String {
        let wrap = |text: String| if nested { format!("({text})") } else { text };
        match cond {
            Cond::Set(place) => self.place(place),
            Cond::Test(place, test) => Self::test(&self.place(place), test),
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
                let items = format!("every item of {}", self.place(place));
                Self::test(&items, test)
            }
            Cond::Some(place, test) => {
                let items = format!("some item of {}", self.place(place));
                Self::test(&items, test)
            }
            Cond::Compare(left, relation, right) => {
                let left = self.place(left);
                let right = self.place(right);
                format!("{left} {} {right}", relation.symbol())
            }
        }
    }
}
