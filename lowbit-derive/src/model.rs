//! The checked model: what `check` makes of the parsed IR once nothing is
//! wrong with it, and all that `emit` reads. Places are resolved to fields,
//! bounds are numbers, and the questions emitting asks are methods here, so
//! that no emitter looks a name up again or trusts a parse that could fail.

use proc_macro2::Span;
use syn::{Generics, Ident, LitInt, LitStr, Type};

pub use crate::ir::{
    Exclusive, FieldDefault, GroupKind, Lit, Order, Relation, StructCheck, Tagging, Test, TextRule,
    VariantKind,
};
use crate::vocab::RuleName;

/// One `#[derive(Validate)]` input, checked.
pub struct Container {
    /// Its doc comment, as rustdoc joins it (read with the feature `shape`
    /// only).
    pub doc: String,
    pub ident: Ident,
    pub generics: Generics,
    /// Path to lowbit-core in generated code.
    pub krate: syn::Path,
    /// `#[serde(try_from = "T")]` or `from`: the type a file holds, which
    /// the schema describes instead of the container.
    pub source: Option<Type>,
    pub body: Body,
}

impl Container {
    pub fn is_generic(&self) -> bool {
        !self.generics.params.is_empty()
    }
}

pub enum Body {
    Struct(Struct),
    Enum(Enum),
}

pub struct Struct {
    pub fields: Vec<Field>,
    pub serde_default: bool,
    pub deny_unknown_fields: bool,
    /// `#[serde(transparent)]`: the one field serde reads stands for the
    /// struct (its `flatten` is set, so it adds no segment to paths).
    pub transparent: bool,
    /// `#[validate(gate = f)]`.
    pub gate: Option<Place>,
    /// `#[validate(at_most_one(..))]` and its kin: checked after the
    /// fields' rules, behind the gate.
    pub groups: Vec<Group>,
    /// `#[validate(custom(..))]`: checked last, behind the gate.
    pub checks: Vec<StructCheck>,
}

impl Struct {
    /// Whether any rule waits for the gate: without one, the gate is not read.
    pub fn is_gated(&self) -> bool {
        self.gate.is_some()
            && (self.rules().any(|(_, rule)| !rule.ungated)
                || !self.groups.is_empty()
                || !self.checks.is_empty())
    }

    pub fn rules(&self) -> impl Iterator<Item = (&Field, &Rule)> {
        rules(&self.fields)
    }
}

/// Every rule of `fields`, with its field, in field order.
pub fn rules(fields: &[Field]) -> impl Iterator<Item = (&Field, &Rule)> {
    fields
        .iter()
        .flat_map(|field| field.rules.iter().map(move |rule| (field, rule)))
}

/// A group rule, checked: its members resolved to fields of the struct.
pub struct Group {
    pub kind: GroupKind,
    pub members: Vec<Place>,
    pub message: Option<LitStr>,
    /// `if(cond)`: the group applies only while this holds.
    pub guard: Option<Cond>,
    /// `warn`: a broken group is a warning.
    pub warn: bool,
}

pub struct Field {
    /// Its doc comment, as rustdoc joins it (read with the feature `shape`
    /// only).
    pub doc: String,
    pub ident: Ident,
    pub ty: Type,
    /// The serde name, as it appears in paths.
    pub name: String,
    /// `#[serde(alias = "..")]`: other keys a file may give it under.
    pub aliases: Vec<String>,
    /// `#[serde(flatten)]`, or the field of a `#[serde(transparent)]`
    /// struct: the field adds no segment to paths.
    pub flatten: bool,
    /// `#[serde(skip)]`: no file sets it.
    pub skip: bool,
    pub default: FieldDefault,
    pub rules: Vec<Rule>,
}

impl Field {
    /// The segment the field adds to a path: none when flattened.
    pub fn path_name(&self) -> &str {
        if self.flatten { "" } else { &self.name }
    }
}

pub struct Enum {
    pub variants: Vec<Variant>,
    /// Index of the `#[default]` variant.
    pub default: Option<usize>,
    pub tagging: Tagging,
}

impl Enum {
    /// Whether serde reads the enum from a buffer of its own, trying its
    /// variants on it: an untagged enum, or one with an untagged variant
    /// (whose tagged variants are read from the buffer too). The keys its
    /// variants ignore go unseen by a loader unless validation tells it
    /// which keys the matched variant accepts.
    pub fn is_buffered(&self) -> bool {
        matches!(self.tagging, Tagging::Untagged)
            || self.variants.iter().any(|variant| variant.untagged)
    }

    pub fn is_unit_only(&self) -> bool {
        self.variants
            .iter()
            .all(|variant| matches!(variant.kind, VariantKind::Unit))
    }
}

pub struct Variant {
    /// Its doc comment, as rustdoc joins it (read with the feature `shape`
    /// only).
    pub doc: String,
    pub ident: Ident,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: VariantKind,
    pub fields: Vec<Field>,
    /// A newtype variant's one field's type, validated in place.
    pub payload: Option<Type>,
    /// `#[serde(untagged)]` on the variant: its fields sit at the enum's
    /// own level, whatever the enum's tagging.
    pub untagged: bool,
    /// The types of a tuple variant's fields, in order (one for a newtype).
    pub tuple: Vec<Type>,
}

impl Variant {
    /// The serde names a variant's layout puts before its fields' names.
    pub fn prefix(&self, tagging: &Tagging) -> Vec<String> {
        if self.untagged {
            return Vec::new();
        }
        match tagging {
            Tagging::External => vec![self.name.clone()],
            Tagging::Internal(_) | Tagging::Untagged => Vec::new(),
            Tagging::Adjacent(_, content) => vec![content.clone()],
        }
    }
}

/// A place resolved against a set of fields: the field it starts at, by
/// index, and the segments as written (the first is that field's name), so
/// that each can still be blamed.
#[derive(Clone)]
pub struct Place {
    pub field: usize,
    pub segments: Vec<Ident>,
}

impl Place {
    pub fn first(&self) -> &Ident {
        &self.segments[0]
    }

    /// Whether the place is a field of the struct itself, not below one.
    pub fn is_field(&self) -> bool {
        self.segments.len() == 1
    }

    /// The place made of the first `len` segments.
    pub fn prefix(&self, len: usize) -> Place {
        Place {
            field: self.field,
            segments: self.segments[..len].to_vec(),
        }
    }
}

pub type Cond = crate::ir::Cond<Place>;

/// One rule, checked.
pub struct Rule {
    pub rule: RuleName,
    /// The attribute's name, which errors about the whole rule blame.
    pub name: Ident,
    pub kind: RuleKind,
    /// What the rule is about: its field, or `at` below it.
    pub subject: Place,
    /// `when`: the values of the subject that trigger the rule.
    pub when: Option<Vec<Lit>>,
    pub message: Option<LitStr>,
    pub ungated: bool,
    /// `if(cond)`: the rule applies only while this holds.
    pub guard: Option<Cond>,
    /// `warn`: recorded as a warning, and skipped by the fast path, since
    /// it cannot make the config invalid.
    pub warn: bool,
}

impl Rule {
    /// The stable code its violations carry.
    pub fn code(&self) -> &'static str {
        self.rule.word()
    }

    pub fn span(&self) -> Span {
        self.name.span()
    }

    /// Whether the rule holds of its field whatever its value: not narrowed
    /// by `when`, nor moved below the field by `at`.
    pub fn is_unconditional(&self) -> bool {
        self.subject.is_field() && self.when.is_none()
    }

    /// The tests that must hold for the field to be set at all: those of
    /// `requires` and `only_if`, at their top level or under `all`. (A
    /// `conflicts_with` or `required_if` whose condition can never hold is
    /// redundant, not wrong.)
    pub fn required_tests<'a>(&'a self, visit: &mut impl FnMut(&'a Place, &'a Test)) {
        match &self.kind {
            RuleKind::Requires(conds) => conds.iter().for_each(|cond| cond.required_tests(visit)),
            RuleKind::OnlyIf(cond) => cond.required_tests(visit),
            _ => {}
        }
    }
}

pub enum RuleKind {
    OneOf(Vec<Lit>),
    NoneOf(Vec<Lit>),
    Requires(Vec<Cond>),
    OnlyIf(Cond),
    RequiredIf(Cond),
    ConflictsWith(Cond),
    Nested,
    Range {
        min: Option<Number>,
        max: Option<Number>,
        exclusive: Exclusive,
    },
    /// `multiple_of(n)`: the subject is a multiple of `n`.
    MultipleOf(Number),
    /// `length(..)`, counting what `unit` says, or, without one, a
    /// string's characters and a collection's items.
    Length(Lengths, Option<Counted>),
    NonEmpty,
    /// `forbidden`: the subject must not be set.
    Forbidden,
    /// `custom(f)`; `context` is the keyword of `custom(f, context)`.
    Custom {
        function: syn::Path,
        context: Option<Ident>,
    },
    /// `items(..)`: these rules, on each item of the subject. Their own
    /// subjects are the subject's; what they read is the item.
    Items(Vec<Rule>),
    /// `keys(..)`: these rules, on each key of the subject.
    Keys(Vec<Rule>),
    /// `prefix("/")`, `ascii` and their kin; the argument is not empty.
    Text(TextRule),
    /// `required`: an `Option` is `Some`.
    Required,
    /// `unique`: no two items of a sequence are equal.
    Unique,
}

/// A range bound: the literal as written (its tokens are emitted as they
/// are, so that rustc reads them as the field's type), and its value.
#[derive(Clone)]
pub struct Bound {
    pub lit: Lit,
    /// The number, or a duration's milliseconds.
    pub value: f64,
    /// `"1h30m"`: a `Duration` of this many milliseconds.
    pub millis: Option<u64>,
}

/// A number a rule is written with: a literal, or another field's value
/// (which bounds nothing while it holds no number).
#[derive(Clone)]
pub enum Number {
    Lit(Bound),
    Field(Place),
}

impl Number {
    pub fn literal(&self) -> Option<&Bound> {
        match self {
            Number::Lit(bound) => Some(bound),
            Number::Field(_) => None,
        }
    }
}

/// A length, as written and as a count.
#[derive(Clone)]
pub struct Count {
    pub lit: LitInt,
    pub value: usize,
}

/// What `length(.., unit = "..")` counts of a string.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Unit {
    Bytes,
    Chars,
    Graphemes,
    Utf16,
}

impl Unit {
    pub const ALL: [(&'static str, Unit); 4] = [
        ("bytes", Unit::Bytes),
        ("chars", Unit::Chars),
        ("graphemes", Unit::Graphemes),
        ("utf16", Unit::Utf16),
    ];

    /// Its word in messages, after a count: `at most 8 bytes`.
    pub fn plural(self) -> &'static str {
        match self {
            Unit::Bytes => "bytes",
            Unit::Chars => "characters",
            Unit::Graphemes => "graphemes",
            Unit::Utf16 => "UTF-16 code units",
        }
    }
}

/// `unit = ".."` of `length`, with its key, which an error about a value
/// that is no string blames.
#[derive(Clone)]
pub struct Counted {
    pub unit: Unit,
    pub key: Ident,
}

/// The lengths `length` allows.
pub enum Lengths {
    /// `equal = n`.
    Exactly(Count),
    /// `min`, `max`, or both.
    Between {
        min: Option<Count>,
        max: Option<Count>,
    },
}

impl Lengths {
    /// The least and greatest length allowed.
    pub fn bounds(&self) -> (Option<usize>, Option<usize>) {
        match self {
            Lengths::Exactly(count) => (Some(count.value), Some(count.value)),
            Lengths::Between { min, max } => (
                min.as_ref().map(|count| count.value),
                max.as_ref().map(|count| count.value),
            ),
        }
    }
}
