//! The parsed IR: the input as written, before any check. `check` turns it
//! into the checked model of `model`, which is all that `emit` reads. Both
//! keep the tokens the checks and the emitted code may blame, so that every
//! error is spanned on the smallest offending token.

use proc_macro2::Span;
use syn::{Generics, Ident, LitBool, LitFloat, LitInt, LitStr, Type};

use crate::vocab::RuleName;

/// One `#[derive(Validate)]` input.
pub struct Container {
    /// Its doc comment, as rustdoc joins it (read with the feature `shape`
    /// only).
    pub doc: String,
    pub ident: Ident,
    pub generics: Generics,
    /// Path to lowbit-core in generated code.
    pub krate: syn::Path,
    /// `#[serde(try_from = "T")]` or `from`: the type a file holds.
    pub source: Option<Type>,
    pub body: Body,
}

pub enum Body {
    Struct(Struct),
    Enum(Enum),
}

pub struct Struct {
    pub fields: Vec<FieldDef>,
    /// `#[serde(default)]` on the struct: a field the file leaves out takes
    /// its value from the struct's `Default`.
    pub serde_default: bool,
    pub deny_unknown_fields: bool,
    /// `#[serde(transparent)]`: serde reads the struct as its one field,
    /// which so adds no segment to paths.
    pub transparent: bool,
    /// `#[validate(gate = f)]`: rules not marked `ungated` are checked only
    /// while `f` is set.
    pub gate: Option<FieldPath>,
    /// `#[validate(at_most_one(..))]` and its kin, by kind in that order.
    pub groups: Vec<Group>,
    /// `#[validate(custom(..))]`: checks of the whole struct.
    pub checks: Vec<StructCheck>,
}

/// Which group rule a container attribute is.
// The variants are the rules' own words.
#[allow(clippy::enum_variant_names)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GroupKind {
    AtMostOne,
    ExactlyOne,
    AtLeastOne,
}

/// `#[validate(at_most_one(a, b, message = ".."))]`, as written.
#[derive(Clone)]
pub struct Group {
    pub kind: GroupKind,
    /// The rule's word, which errors about the whole group blame.
    pub keyword: Ident,
    /// The members, by Rust name.
    pub members: Vec<Ident>,
    pub message: Option<LitStr>,
    /// `if(cond)`: the group applies only while this holds.
    pub guard: Option<Cond>,
    /// `warn`: a broken group is a warning.
    pub warn: bool,
}

/// `#[validate(custom(path::to::check, context, issues))]`: a check of the
/// whole struct.
#[derive(Clone)]
pub struct StructCheck {
    pub function: syn::Path,
    /// The `context` keyword: the function also takes the context.
    pub context: Option<Ident>,
    /// The `issues` keyword: the function reports through
    /// `&mut lowbit_core::Issues` instead of returning a `Result`.
    pub issues: Option<Ident>,
    /// Replaces the error's text (the `Result` form only).
    pub message: Option<LitStr>,
}

pub struct FieldDef {
    /// Its doc comment, as rustdoc joins it (read with the feature `shape`
    /// only).
    pub doc: String,
    pub ident: Ident,
    pub ty: Type,
    /// The serde name, as it appears in paths.
    pub name: String,
    /// `#[serde(alias = "..")]`: other keys a file may give it under.
    pub aliases: Vec<String>,
    /// `#[serde(flatten)]`: the field adds no segment to paths.
    pub flatten: bool,
    /// `#[serde(skip)]` or `skip_deserializing`: no file sets it.
    pub skip: bool,
    pub default: FieldDefault,
    pub rules: Vec<Rule>,
}

/// `#[serde(default)]` on a field.
#[derive(Default, Clone)]
pub enum FieldDefault {
    #[default]
    None,
    /// `default`: the type's `Default`.
    Trait,
    /// `default = "path"`: what the function returns.
    Function(syn::ExprPath),
}

pub struct Enum {
    pub variants: Vec<VariantDef>,
    /// Index of the variant marked `#[default]`.
    pub default: Option<usize>,
    pub tagging: Tagging,
}

/// How serde lays out a variant with fields, which decides what a path
/// through the variant's fields looks like.
#[derive(Clone)]
pub enum Tagging {
    /// `{ "variant": { "field": .. } }`: the variant's name is a segment.
    External,
    /// `#[serde(tag = "t")]`: the fields sit beside the tag, at the enum's
    /// own level.
    Internal(String),
    /// `#[serde(untagged)]`: the fields sit at the enum's own level.
    Untagged,
    /// `#[serde(tag = "t", content = "c")]`: the fields sit under `c`.
    Adjacent(String, String),
}

pub struct VariantDef {
    /// Its doc comment, as rustdoc joins it (read with the feature `shape`
    /// only).
    pub doc: String,
    pub ident: Ident,
    /// The serde name.
    pub name: String,
    /// `#[serde(alias = "..")]`: other names a config file may use for the
    /// variant, and so a rule too.
    pub aliases: Vec<String>,
    pub kind: VariantKind,
    /// The fields of a struct variant; rules on them are checked while the
    /// variant is the active one.
    pub fields: Vec<FieldDef>,
    /// The type of a newtype variant's one field (`Adamw(AdamParams)`),
    /// which is validated in place when it implements `Validate`.
    pub payload: Option<syn::Type>,
    /// `#[serde(untagged)]` on the variant: read from its contents, with
    /// no name, once the tagged variants fail.
    pub untagged: bool,
    /// The types of a tuple variant's fields, in order (one for a newtype
    /// variant), which its shape describes.
    pub tuple: Vec<syn::Type>,
}

/// Which fields a variant has.
#[derive(Clone, Copy)]
pub enum VariantKind {
    Unit,
    Tuple,
    Named,
}

/// One rule attribute on a field.
pub struct Rule {
    pub rule: RuleName,
    pub kind: RuleKind,
    /// The attribute's name (`one_of`), which errors about the whole rule blame.
    pub name: Ident,
    /// `at = a.b`: the rule's subject is this path below the field.
    pub at: Vec<Ident>,
    /// `when = "v"` / `when("a", "b")`: the rule applies only while its subject
    /// has one of these values, instead of whenever it is set.
    pub when: Option<Vec<Lit>>,
    pub message: Option<LitStr>,
    /// Checked even while the container's gate is off.
    pub ungated: bool,
    /// `if(cond)`: the rule applies only while the condition holds.
    pub guard: Option<Cond>,
    /// `warn`: a violation is a warning, which leaves the config valid.
    pub warn: bool,
}

pub enum RuleKind {
    OneOf(Vec<Lit>),
    NoneOf(Vec<Lit>),
    Requires(Vec<Cond>),
    OnlyIf(Cond),
    RequiredIf(Cond),
    ConflictsWith(Cond),
    Nested,
    /// `range(..)`; a bound written `exclusive_min`/`exclusive_max` is not
    /// itself allowed.
    Range {
        min: Option<Operand>,
        max: Option<Operand>,
        exclusive: Exclusive,
    },
    /// `multiple_of(8)`, `multiple_of(field)`.
    MultipleOf(Operand),
    Length {
        min: Option<LitInt>,
        max: Option<LitInt>,
        equal: Option<LitInt>,
        /// `unit = "bytes"`: the key and its value.
        unit: Option<(Ident, LitStr)>,
    },
    NonEmpty,
    /// `forbidden`: the field must not be set.
    Forbidden,
    /// `custom(f)`, or `custom(f, context)`: `f` also receives the context
    /// given to `validate_with`; the ident is the `context` keyword.
    Custom(syn::Path, Option<Ident>),
    /// `items(..)`: these rules, on each item of the field.
    Items(Vec<Rule>),
    /// `keys(..)`: these rules, on each key of the field.
    Keys(Vec<Rule>),
    /// `prefix("/")`, `ascii` and their kin: a test of a string's text.
    Text(TextRule<LitStr>),
    /// `required`: an `Option` is `Some`.
    Required,
    /// `unique`: no two items of a sequence are equal.
    Unique,
}

/// Which of a range's bounds are strict (`exclusive_min`, `exclusive_max`).
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Exclusive {
    pub min: bool,
    pub max: bool,
}

/// A test of a string's text. The argument is `S`: the literal as written
/// until it is checked.
#[derive(Clone)]
pub enum TextRule<S = LitStr> {
    Prefix(S),
    Suffix(S),
    Contains(S),
    DoesNotContain(S),
    /// Every character is ASCII.
    Ascii,
    /// Every character is alphanumeric, as `char::is_alphanumeric` says.
    Alphanumeric,
    /// An IPv4 or IPv6 address, as `std::net::IpAddr` parses.
    Ip,
    /// An IPv4 address, as `std::net::Ipv4Addr` parses.
    Ipv4,
    /// An IPv6 address, as `std::net::Ipv6Addr` parses.
    Ipv6,
    /// Matches a regular expression, as the `regex` crate reads it.
    Pattern(S),
    /// An absolute URL, as the `url` crate parses, with one of these
    /// schemes when any are given.
    Url(Vec<S>),
    /// An e-mail address, as the HTML Standard defines a valid one.
    Email,
}

impl<S> TextRule<S> {
    /// The string it is written with, if any.
    pub fn argument(&self) -> Option<&S> {
        match self {
            TextRule::Prefix(text)
            | TextRule::Suffix(text)
            | TextRule::Contains(text)
            | TextRule::DoesNotContain(text)
            | TextRule::Pattern(text) => Some(text),
            TextRule::Ascii
            | TextRule::Alphanumeric
            | TextRule::Ip
            | TextRule::Ipv4
            | TextRule::Ipv6
            | TextRule::Url(_)
            | TextRule::Email => None,
        }
    }
}

/// A condition on the struct's fields, whose places are `P`: dotted paths
/// as written ([`FieldPath`]) until `check` resolves them to fields.
#[derive(Clone)]
pub enum Cond<P = FieldPath> {
    /// `f`: the field is set.
    Set(P),
    /// `f = v`, `f != v`, `f in (..)`.
    Test(P, Test),
    Not(Box<Cond<P>>),
    All(Vec<Cond<P>>),
    Any(Vec<Cond<P>>),
    /// `every(f = v)`: every item of the collection `f` passes the test.
    Every(P, Test),
    /// `some(f = v)`: some item of the collection `f` passes the test.
    Some(P, Test),
    /// `f = g`, `f < g`, ...: a field against another field.
    Compare(P, Relation, P),
}

impl<P> Cond<P> {
    /// The tests that must hold for the condition to hold: those at its
    /// top level or under `all`.
    pub fn required_tests<'a>(&'a self, visit: &mut impl FnMut(&'a P, &'a Test)) {
        match self {
            Cond::Test(place, test) => visit(place, test),
            Cond::All(conds) => conds.iter().for_each(|cond| cond.required_tests(visit)),
            Cond::Not(_)
            | Cond::Any(_)
            | Cond::Set(_)
            | Cond::Every(..)
            | Cond::Some(..)
            | Cond::Compare(..) => {}
        }
    }
}

#[derive(Clone)]
pub enum Test {
    Eq(Lit),
    Ne(Lit),
    In(Vec<Lit>),
    /// `f > 3`, `f <= 2.5`: holds only when `f` holds a number.
    Order(Order, Lit),
}

/// A number a rule is written with: a literal, or another field's value.
#[derive(Clone)]
pub enum Operand<P = FieldPath> {
    Lit(Lit),
    Field(P),
}

/// `<`, `<=`, `>`, `>=`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Lt,
    Le,
    Gt,
    Ge,
}

impl Order {
    pub fn symbol(self) -> &'static str {
        match self {
            Order::Lt => "<",
            Order::Le => "<=",
            Order::Gt => ">",
            Order::Ge => ">=",
        }
    }
}

/// How a field is compared with another field.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Eq,
    Ne,
    Order(Order),
}

impl Relation {
    pub fn symbol(self) -> &'static str {
        match self {
            Relation::Eq => "=",
            Relation::Ne => "!=",
            Relation::Order(order) => order.symbol(),
        }
    }
}

/// A dotted path of Rust field names, as written, from a field of this
/// struct. Never empty.
#[derive(Clone)]
pub struct FieldPath {
    pub segments: Vec<Ident>,
}

impl FieldPath {
    pub fn first(&self) -> &Ident {
        &self.segments[0]
    }

    /// `a.b.c`, as messages quote it.
    pub fn text(&self) -> String {
        dotted(&self.segments)
    }
}

/// The names in `{name}` placeholders of a message template, other than
/// `{path}`, `{value}` and `{{`/`}}` escapes: the sibling fields whose
/// values the message shows.
pub fn sibling_placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        rest = &rest[at..];
        if rest.starts_with("{{") || rest.starts_with("}}") {
            rest = &rest[2..];
        } else if let Some((name, _)) = rest.strip_prefix('{').and_then(|r| r.split_once('}')) {
            if name != "path" && name != "value" && !names.contains(&name) {
                names.push(name);
            }
            rest = &rest[name.len() + 2..];
        } else {
            rest = &rest[1..];
        }
    }
    names
}

/// Rust names joined by dots, raw identifiers without their `r#`.
pub fn dotted(segments: &[Ident]) -> String {
    use syn::ext::IdentExt;
    segments
        .iter()
        .map(|segment| segment.unraw().to_string())
        .collect::<Vec<_>>()
        .join(".")
}

#[derive(Clone)]
pub enum Lit {
    Str(LitStr),
    Bool(LitBool),
    Int(LitInt),
    Float(LitFloat),
}

impl Lit {
    pub fn span(&self) -> Span {
        match self {
            Lit::Str(lit) => lit.span(),
            Lit::Bool(lit) => lit.span,
            Lit::Int(lit) => lit.span(),
            Lit::Float(lit) => lit.span(),
        }
    }

    /// The literal as the config file would spell it, for messages and for
    /// comparing literals with each other.
    pub fn text(&self) -> String {
        match self {
            Lit::Str(lit) => format!("{:?}", lit.value()),
            Lit::Bool(lit) => lit.value.to_string(),
            Lit::Int(lit) => lit.base10_digits().to_owned(),
            Lit::Float(lit) => lit.base10_digits().to_owned(),
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Lit::Str(_) => "a string",
            Lit::Bool(_) => "a bool",
            Lit::Int(_) | Lit::Float(_) => "a number",
        }
    }
}
