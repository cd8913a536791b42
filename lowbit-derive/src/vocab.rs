//! The vocabulary: every rule attribute, what it takes and which options it
//! accepts, and the capabilities generated code asks of a field's type. One
//! table that the helper-attribute list, parsing, usage messages, option
//! lists and did-you-mean all read (serde's `internals/symbol.rs` does the
//! same for its attributes).

use syn::Ident;

/// A rule attribute.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RuleName {
    OneOf,
    NoneOf,
    Requires,
    OnlyIf,
    RequiredIf,
    ConflictsWith,
    Nested,
    Range,
    Length,
    NonEmpty,
    Custom,
    Forbidden,
    MultipleOf,
    Items,
    Keys,
    Prefix,
    Suffix,
    Contains,
    DoesNotContain,
    Ascii,
    Alphanumeric,
    Required,
    Ip,
    Ipv4,
    Ipv6,
    Unique,
    Pattern,
    Url,
    Email,
}

/// What a rule's positional arguments are.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Args {
    /// `("a", "b")`: values as the config file spells them.
    Values,
    /// `(g, h = "v")`: one condition or more, all of which must hold.
    Conds,
    /// `(cond)`: exactly one condition.
    OneCond,
    /// Nothing: `#[nested]`.
    Bare,
    /// `(min = .., max = ..)`.
    Bounds,
    /// `(path::to::function)`.
    Function,
    /// `(8)` or `(field)`: one number.
    Operand,
    /// `(one_of("a"), length(max = 8))`: rules, each as its own attribute
    /// would be written.
    Rules,
    /// `("/")`: one string.
    Text,
}

/// An option a rule may take beside its arguments.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Opt {
    Message,
    At,
    Ungated,
    When,
    Context,
    Min,
    Max,
    ExclusiveMin,
    ExclusiveMax,
    Equal,
    If,
    /// `warn`: a broken rule is a warning, which leaves the config valid.
    Warn,
    /// `schemes("http", "https")`: the schemes a `url` may have.
    Schemes,
    /// `unit = "bytes"`: what a string's `length` counts.
    Unit,
}

impl Opt {
    pub fn word(self) -> &'static str {
        match self {
            Opt::Message => "message",
            Opt::At => "at",
            Opt::Ungated => "ungated",
            Opt::When => "when",
            Opt::Context => "context",
            Opt::Min => "min",
            Opt::Max => "max",
            Opt::ExclusiveMin => "exclusive_min",
            Opt::ExclusiveMax => "exclusive_max",
            Opt::Equal => "equal",
            Opt::If => "if",
            Opt::Warn => "warn",
            Opt::Schemes => "schemes",
            Opt::Unit => "unit",
        }
    }
}

/// One row of the vocabulary.
pub struct Spec {
    pub name: RuleName,
    /// The attribute's name, and the code its violations carry.
    pub word: &'static str,
    pub args: Args,
    /// How the rule is written, for messages that say what is expected.
    pub usage: &'static str,
    /// Its options, in the order messages list them.
    pub options: &'static [Opt],
}

use Opt::{At, Context, Equal, ExclusiveMax, ExclusiveMin, Max, Message, Min, Ungated, When};

/// The options every rule takes beside those of its row, listed after them.
/// (`nested` takes no `warn`: its value's own rules say which are warnings.)
pub const EVERY_RULE: &[Opt] = &[Opt::If, Opt::Warn];

/// Every rule, in the order the README lists them.
pub const RULES: [Spec; 29] = [
    Spec {
        name: RuleName::OneOf,
        word: "one_of",
        args: Args::Values,
        usage: "#[one_of(\"a\", \"b\")]",
        options: &[Message, At, Ungated],
    },
    Spec {
        name: RuleName::NoneOf,
        word: "none_of",
        args: Args::Values,
        usage: "#[none_of(\"a\", \"b\")]",
        options: &[Message, At, Ungated],
    },
    Spec {
        name: RuleName::Requires,
        word: "requires",
        args: Args::Conds,
        usage: "#[requires(field, other = \"value\")]",
        options: &[Message, At, Ungated, When],
    },
    Spec {
        name: RuleName::OnlyIf,
        word: "only_if",
        args: Args::OneCond,
        usage: "#[only_if(field = \"value\")]",
        options: &[Message, At, Ungated, When],
    },
    Spec {
        name: RuleName::RequiredIf,
        word: "required_if",
        args: Args::OneCond,
        usage: "#[required_if(field = \"value\")]",
        options: &[Message, At, Ungated],
    },
    Spec {
        name: RuleName::ConflictsWith,
        word: "conflicts_with",
        args: Args::OneCond,
        usage: "#[conflicts_with(field = \"value\")]",
        options: &[Message, At, Ungated, When],
    },
    Spec {
        name: RuleName::Nested,
        word: "nested",
        args: Args::Bare,
        usage: "#[nested]",
        options: &[Ungated],
    },
    Spec {
        name: RuleName::Range,
        word: "range",
        args: Args::Bounds,
        usage: "#[range(min = 1, max = 10)] or #[range(exclusive_min = 0.0, exclusive_max = 1.0)]",
        options: &[Message, At, Ungated, Min, Max, ExclusiveMin, ExclusiveMax],
    },
    Spec {
        name: RuleName::Length,
        word: "length",
        args: Args::Bounds,
        usage: "#[length(min = 1, max = 10)] or #[length(equal = 4)]",
        options: &[Message, At, Ungated, Min, Max, Equal, Opt::Unit],
    },
    Spec {
        name: RuleName::NonEmpty,
        word: "non_empty",
        args: Args::Bare,
        usage: "#[non_empty]",
        options: &[Message, Ungated, At],
    },
    Spec {
        name: RuleName::Custom,
        word: "custom",
        args: Args::Function,
        usage: "#[custom(path::to::function)] or #[custom(path::to::function, context)]",
        options: &[Message, At, Ungated, Context],
    },
    Spec {
        name: RuleName::Forbidden,
        word: "forbidden",
        args: Args::Bare,
        usage: "#[forbidden]",
        options: &[Message, At, Ungated],
    },
    Spec {
        name: RuleName::MultipleOf,
        word: "multiple_of",
        args: Args::Operand,
        usage: "#[multiple_of(8)] or #[multiple_of(other_field)]",
        options: &[Message, At, Ungated],
    },
    Spec {
        name: RuleName::Items,
        word: "items",
        args: Args::Rules,
        usage: "#[items(one_of(\"a\", \"b\"), length(max = 8))]",
        options: &[At, Ungated],
    },
    Spec {
        name: RuleName::Keys,
        word: "keys",
        args: Args::Rules,
        usage: "#[keys(length(max = 8))]",
        options: &[At, Ungated],
    },
    Spec {
        name: RuleName::Prefix,
        word: "prefix",
        args: Args::Text,
        usage: "#[prefix(\"/\")]",
        options: &[Message, At, Ungated],
    },
    Spec {
        name: RuleName::Suffix,
        word: "suffix",
        args: Args::Text,
        usage: "#[suffix(\".sock\")]",
        options: &[Message, At, Ungated],
    },
    Spec {
        name: RuleName::Contains,
        word: "contains",
        args: Args::Text,
        usage: "#[contains(\"{id}\")]",
        options: &[Message, At, Ungated],
    },
    Spec {
        name: RuleName::DoesNotContain,
        word: "does_not_contain",
        args: Args::Text,
        usage: "#[does_not_contain(\"..\")]",
        options: &[Message, At, Ungated],
    },
    Spec {
        name: RuleName::Ascii,
        word: "ascii",
        args: Args::Bare,
        usage: "#[ascii]",
        options: &[Message, At, Ungated],
    },
    Spec {
        name: RuleName::Alphanumeric,
        word: "alphanumeric",
        args: Args::Bare,
        usage: "#[alphanumeric]",
        options: &[Message, At, Ungated],
    },
    Spec {
        name: RuleName::Required,
        word: "required",
        args: Args::Bare,
        usage: "#[required]",
        options: &[Message, At, Ungated],
    },
    Spec {
        name: RuleName::Ip,
        word: "ip",
        args: Args::Bare,
        usage: "#[ip]",
        options: &[Message, At, Ungated],
    },
    Spec {
        name: RuleName::Ipv4,
        word: "ipv4",
        args: Args::Bare,
        usage: "#[ipv4]",
        options: &[Message, At, Ungated],
    },
    Spec {
        name: RuleName::Ipv6,
        word: "ipv6",
        args: Args::Bare,
        usage: "#[ipv6]",
        options: &[Message, At, Ungated],
    },
    Spec {
        name: RuleName::Unique,
        word: "unique",
        args: Args::Bare,
        usage: "#[unique]",
        options: &[Message, At, Ungated],
    },
    Spec {
        name: RuleName::Pattern,
        word: "pattern",
        args: Args::Text,
        usage: "#[pattern(\"^[a-z][a-z0-9_]*$\")]",
        options: &[Message, At, Ungated],
    },
    Spec {
        name: RuleName::Url,
        word: "url",
        args: Args::Bare,
        usage: "#[url] or #[url(schemes(\"http\", \"https\"))]",
        options: &[Message, At, Ungated, Opt::Schemes],
    },
    Spec {
        name: RuleName::Email,
        word: "email",
        args: Args::Bare,
        usage: "#[email]",
        options: &[Message, At, Ungated],
    },
];

impl RuleName {
    /// The rule an attribute names, if it names one.
    pub fn of(ident: &Ident) -> Option<RuleName> {
        RULES
            .iter()
            .find(|spec| ident == spec.word)
            .map(|spec| spec.name)
    }

    pub fn spec(self) -> &'static Spec {
        RULES
            .iter()
            .find(|spec| spec.name == self)
            .unwrap_or(&RULES[0])
    }

    /// The attribute's name, which is also the stable code of its violations.
    pub fn word(self) -> &'static str {
        self.spec().word
    }

    pub fn takes(self, option: Opt) -> bool {
        self.options().any(|taken| taken == option)
    }

    /// Its options: its row's, then those of every rule it takes.
    pub fn options(self) -> impl Iterator<Item = Opt> {
        let every = EVERY_RULE
            .iter()
            .copied()
            .filter(move |&option| !(self == RuleName::Nested && option == Opt::Warn));
        self.spec().options.iter().copied().chain(every)
    }

    /// The words of its options, for lists and did-you-mean.
    pub fn option_words(self) -> Vec<&'static str> {
        self.options().map(Opt::word).collect()
    }
}

/// A feature of lowbit-core that a rule's runtime needs. lowbit-core's
/// feature of the same name enables the derive's, so that the derive knows
/// whether the runtime has the rule's helper.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Feature {
    /// The `regex` crate, for `pattern`.
    Regex,
    /// The `url` crate, for `url`.
    Url,
    /// The `unicode-segmentation` crate, for `length(.., unit = "graphemes")`.
    Unicode,
}

impl Feature {
    /// The feature's name, in lowbit-core's `Cargo.toml`.
    pub fn word(self) -> &'static str {
        match self {
            Feature::Regex => "regex",
            Feature::Url => "url",
            Feature::Unicode => "unicode",
        }
    }

    /// Whether this build of the derive has it.
    pub fn enabled(self) -> bool {
        #[cfg(test)]
        if tests::TURNED_OFF.with(|off| off.get() == Some(self)) {
            return false;
        }
        match self {
            Feature::Regex => cfg!(feature = "regex"),
            Feature::Url => cfg!(feature = "url"),
            Feature::Unicode => cfg!(feature = "unicode"),
        }
    }

    /// The error when `rule` is written and the feature is off.
    pub fn missing(self, rule: RuleName) -> String {
        format!(
            "`#[{}]` needs lowbit-core's feature \"{}\", which `default-features = false` turned off: add `features = [\"{}\"]` to lowbit-core in Cargo.toml",
            rule.word(),
            self.word(),
            self.word()
        )
    }
}

impl RuleName {
    /// The feature the rule's runtime needs, if any.
    pub fn feature(self) -> Option<Feature> {
        match self {
            RuleName::Pattern => Some(Feature::Regex),
            RuleName::Url => Some(Feature::Url),
            _ => None,
        }
    }
}

/// The words of every rule, for messages that list them.
pub fn rule_words() -> impl Iterator<Item = &'static str> {
    RULES.iter().map(|spec| spec.word)
}

/// What generated code asks of a field's type: a trait of lowbit-core's
/// `__private` module and one of its members. Typed, so that a misspelled
/// member is the derive's compile error, not the user's.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Capability {
    /// `IsSet::is_set`: the field is set.
    IsSet,
    /// `Choice::DOMAIN`: the names of an enum (or a string's open domain).
    Domain,
    /// `Choice::present`: holds a name to compare.
    Present,
    /// `Choice::is`: is the name at this index.
    Is,
    /// `Choice::value`: the value a violation of a rule on names reports.
    ChoiceValue,
    /// `Flag::flag`: the bool inside.
    Flag,
    /// `Scalar::scalar`: the number inside.
    Scalar,
    /// `Scalar::Value`: the number type inside.
    ScalarValue,
    /// `Length::length`: how long a string or collection is.
    Length,
    /// `Items::items`: a collection's items.
    Items,
    /// `Items::Item`: their type.
    Item,
    /// `Describe::describe`: the value as a report shows it.
    Describe,
    /// `Key::key`: what a field is compared with another field by.
    Key,
    /// `Ordered::ordered`: the same, for `<`, `<=`, `>`, `>=`.
    Ordered,
    /// `Each::each`: the items `items(..)` checks, each with its place.
    Each,
    /// `Each::Item`: their type.
    EachItem,
    /// `Keys::keys`: the keys `keys(..)` checks, each with its entry.
    Keys,
    /// `Keys::Key`: their type.
    MapKey,
    /// `Text::text`: the string inside.
    Text,
    /// `Optional::missing`: an `Option` is `None`.
    Missing,
    /// `Distinct::first_repeat`: the first item equal to an earlier one.
    FirstRepeat,
}

impl Capability {
    /// The trait and its member, as `lowbit_core::__private` names them.
    pub fn path(self) -> (&'static str, &'static str) {
        match self {
            Capability::IsSet => ("IsSet", "is_set"),
            Capability::Domain => ("Choice", "DOMAIN"),
            Capability::Present => ("Choice", "present"),
            Capability::Is => ("Choice", "is"),
            Capability::ChoiceValue => ("Choice", "value"),
            Capability::Flag => ("Flag", "flag"),
            Capability::Scalar => ("Scalar", "scalar"),
            Capability::ScalarValue => ("Scalar", "Value"),
            Capability::Length => ("Length", "length"),
            Capability::Items => ("Items", "items"),
            Capability::Item => ("Items", "Item"),
            Capability::Describe => ("Describe", "describe"),
            Capability::Key => ("Key", "key"),
            Capability::Ordered => ("Ordered", "ordered"),
            Capability::Each => ("Each", "each"),
            Capability::EachItem => ("Each", "Item"),
            Capability::Keys => ("Keys", "keys"),
            Capability::MapKey => ("Keys", "Key"),
            Capability::Text => ("Text", "text"),
            Capability::Missing => ("Optional", "missing"),
            Capability::FirstRepeat => ("Distinct", "first_repeat"),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    thread_local! {
        /// A feature this thread's expansions take as off, whatever the
        /// build: the error path is tested with the features on too.
        pub static TURNED_OFF: Cell<Option<Feature>> = const { Cell::new(None) };
    }

    /// Expands `input` with `feature` taken as off.
    fn expand_without(feature: Feature, input: proc_macro2::TokenStream) -> String {
        TURNED_OFF.with(|off| off.set(Some(feature)));
        let expanded = crate::expand(input).to_string();
        TURNED_OFF.with(|off| off.set(None));
        expanded
    }

    /// A rule whose feature is off is one error, at the rule, naming the
    /// feature; the derive still emits its stub impl.
    #[test]
    fn a_rule_whose_feature_is_off_names_it() {
        let expanded = expand_without(
            Feature::Regex,
            quote::quote! {
                struct Names {
                    #[pattern("^[a-z]+$")]
                    name: String,
                    #[items(pattern("^[a-z]+$"))]
                    tags: Vec<String>,
                }
            },
        );
        let error = "`#[pattern]` needs lowbit-core's feature \\\"regex\\\", which `default-features = false` turned off: add `features = [\\\"regex\\\"]` to lowbit-core in Cargo.toml";
        assert_eq!(expanded.matches(error).count(), 2, "{expanded}");
        assert!(expanded.contains("impl"), "{expanded}");
        assert!(!expanded.contains("mismatches"), "{expanded}");
    }

    /// `url`, likewise, with its `schemes` still checked only when it can
    /// be emitted.
    #[test]
    fn url_whose_feature_is_off_names_it() {
        let expanded = expand_without(
            Feature::Url,
            quote::quote! {
                struct Endpoints {
                    #[url(schemes("https"))]
                    api: String,
                    #[pattern("^a")]
                    name: String,
                }
            },
        );
        assert_eq!(
            expanded
                .matches("`#[url]` needs lowbit-core's feature")
                .count(),
            1,
            "{expanded}"
        );
        // Only the feature taken as off: `pattern` is refused only in a
        // build that really lacks `regex`.
        assert_eq!(
            expanded.contains("needs lowbit-core's feature \\\"regex"),
            !Feature::Regex.enabled(),
            "{expanded}"
        );
    }

    /// `unit = "graphemes"` without `unicode` is one error, at the unit,
    /// naming the feature; the other units need none.
    #[test]
    fn graphemes_whose_feature_is_off_names_it() {
        let expanded = expand_without(
            Feature::Unicode,
            quote::quote! {
                struct Labels {
                    #[length(max = 2, unit = "graphemes")]
                    flag: String,
                    #[length(max = 8, unit = "bytes")]
                    key: String,
                }
            },
        );
        assert_eq!(
            expanded
                .matches("`unit = \\\"graphemes\\\"` needs lowbit-core's feature \\\"unicode\\\"")
                .count(),
            1,
            "{expanded}"
        );
        assert!(!expanded.contains("text :: bytes"), "{expanded}");
    }

    /// Built without the feature (`cargo test -p lowbit-derive`), the error
    /// comes with no help from the test hook.
    #[cfg(not(feature = "regex"))]
    #[test]
    fn without_the_regex_feature_pattern_is_refused() {
        let expanded = crate::expand(quote::quote! {
            struct Names {
                #[pattern("^[a-z]+$")]
                name: String,
            }
        })
        .to_string();
        assert!(
            expanded.contains("needs lowbit-core's feature"),
            "{expanded}"
        );
    }

    /// Built with it, the expression is parsed: a bad one is the error.
    #[cfg(feature = "regex")]
    #[test]
    fn with_the_regex_feature_pattern_is_parsed() {
        let expanded = crate::expand(quote::quote! {
            struct Names {
                #[pattern("^(a")]
                name: String,
            }
        })
        .to_string();
        assert!(
            expanded.contains("invalid regular expression: unclosed group"),
            "{expanded}"
        );
        let fine = crate::expand(quote::quote! {
            struct Names {
                #[pattern("^a")]
                name: String,
            }
        })
        .to_string();
        assert!(fine.contains("mismatches"), "{fine}");
    }

    /// The derive's helper attributes are a literal list (rustc reads it
    /// before any code runs): it must be the table's, plus `validate`.
    #[test]
    fn helper_attributes_are_the_table() {
        let source = include_str!("lib.rs");
        let list = source
            .split("attributes(")
            .nth(1)
            .and_then(|rest| rest.split(')').next())
            .expect("lib.rs declares the helper attributes");
        let declared: Vec<&str> = list
            .split(',')
            .map(str::trim)
            .filter(|word| !word.is_empty())
            .collect();
        let mut expected = vec!["validate"];
        expected.extend(rule_words());
        assert_eq!(declared, expected);
    }

    #[test]
    fn every_rule_but_nested_takes_warn() {
        for spec in &RULES {
            assert_eq!(
                spec.name.takes(Opt::Warn),
                spec.name != RuleName::Nested,
                "{}",
                spec.word
            );
            assert!(
                !spec.options.contains(&Opt::Warn),
                "listed once, in EVERY_RULE"
            );
        }
        assert_eq!(RuleName::Range.option_words().last(), Some(&"warn"));
    }

    #[test]
    fn every_rule_has_one_row() {
        for spec in &RULES {
            assert_eq!(spec.name.spec().word, spec.word);
            assert_eq!(
                RULES.iter().filter(|other| other.word == spec.word).count(),
                1
            );
        }
    }
}
