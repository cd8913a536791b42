//! The matrix's types: one small "leaf" per serde attribute lowbit reads,
//! each holding one value the matrix breaks, and, made for each leaf by
//! [`places!`], the types that put it in a document: two tables down,
//! behind `Option`, in a `Vec`, in a map.

// Fields serde fills and only the rules read, or none reads (the variants
// the matrix does not break).
#![allow(dead_code)]

use lowbit_core::Validate;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer};

/// No attribute: the baseline the others are read against.
#[derive(Deserialize, Validate, Debug)]
pub struct Plain {
    pub name: String,
    #[range(max = 10)]
    pub count: u32,
}

/// `rename` on a field.
#[derive(Deserialize, Validate, Debug)]
pub struct Renamed {
    pub name: String,
    #[serde(rename = "total")]
    #[range(max = 10)]
    pub count: u32,
}

/// `rename(serialize, deserialize)`: a file is read, so the deserialize name.
#[derive(Deserialize, Validate, Debug)]
pub struct RenamedApart {
    pub name: String,
    #[serde(rename(serialize = "written", deserialize = "read"))]
    #[range(max = 10)]
    pub count: u32,
}

/// `rename_all` on a struct.
#[derive(Deserialize, Validate, Debug)]
#[serde(rename_all = "kebab-case")]
pub struct Kebab {
    pub name: String,
    #[range(max = 10)]
    pub max_count: u32,
}

/// `alias` on a field, the file using the alias.
#[derive(Deserialize, Validate, Debug)]
pub struct Aliased {
    pub name: String,
    #[serde(alias = "old_count")]
    #[range(max = 10)]
    pub count: u32,
}

/// `default` on a field.
#[derive(Deserialize, Validate, Debug)]
pub struct Defaulted {
    pub name: String,
    #[serde(default)]
    #[range(max = 10)]
    pub count: u32,
}

fn five() -> u32 {
    5
}

/// `default = "path"` on a field.
#[derive(Deserialize, Validate, Debug)]
pub struct DefaultFn {
    pub name: String,
    #[serde(default = "five")]
    #[range(max = 10)]
    pub count: u32,
}

/// `default` on the struct.
#[derive(Deserialize, Validate, Debug, Default)]
#[serde(default)]
pub struct DefaultAll {
    pub name: String,
    #[range(max = 10)]
    pub count: u32,
}

/// `deny_unknown_fields` on the struct.
#[derive(Deserialize, Validate, Debug)]
#[serde(deny_unknown_fields)]
pub struct Strict {
    pub name: String,
    #[range(max = 10)]
    pub count: u32,
}

/// What [`Flat`] flattens into itself.
#[derive(Deserialize, Validate, Debug)]
pub struct Limits {
    #[range(max = 10)]
    pub count: u32,
}

/// `flatten` of a struct: its keys sit beside `name`.
#[derive(Deserialize, Validate, Debug)]
pub struct Flat {
    pub name: String,
    #[serde(flatten)]
    #[nested]
    pub limits: Limits,
}

/// `alias` in a flattened struct, which serde reads from its buffer.
#[derive(Deserialize, Validate, Debug)]
pub struct FlatAliased {
    pub name: String,
    #[serde(flatten)]
    #[nested]
    pub limits: AliasedLimits,
}

/// The flattened half of [`FlatAliased`].
#[derive(Deserialize, Validate, Debug)]
pub struct AliasedLimits {
    #[serde(alias = "old_count")]
    #[range(max = 10)]
    pub count: u32,
}

/// `skip` on a field: the file cannot set it.
#[derive(Deserialize, Validate, Debug)]
pub struct Skipped {
    pub name: String,
    #[range(max = 10)]
    pub count: u32,
    #[serde(skip)]
    pub hidden: u32,
}

/// `skip_deserializing` on a field.
#[derive(Deserialize, Validate, Debug)]
pub struct SkippedIn {
    pub name: String,
    #[range(max = 10)]
    pub count: u32,
    #[serde(skip_deserializing)]
    pub hidden: u32,
}

/// Externally tagged (serde's default), with `rename` on a variant and
/// `rename_all` on the enum.
#[derive(Deserialize, Validate, Debug)]
#[serde(rename_all = "snake_case")]
pub enum External {
    #[serde(rename = "tiny")]
    Small {
        #[range(max = 10)]
        count: u32,
    },
    LargeOne {
        name: String,
    },
}

/// `tag`: internally tagged.
#[derive(Deserialize, Validate, Debug)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Internal {
    Small {
        #[range(max = 10)]
        count: u32,
    },
    Large {
        name: String,
    },
}

/// `alias` on a field of an internally tagged variant, which serde reads
/// from its buffer.
#[derive(Deserialize, Validate, Debug)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum InternalAliased {
    Small {
        #[serde(alias = "old_count")]
        #[range(max = 10)]
        count: u32,
    },
    Large {
        name: String,
    },
}

/// `tag` and `content`: adjacently tagged.
#[derive(Deserialize, Validate, Debug)]
#[serde(tag = "t", content = "c", rename_all = "snake_case")]
pub enum Adjacent {
    Small {
        #[range(max = 10)]
        count: u32,
    },
    Large {
        name: String,
    },
}

/// `untagged`: the first variant that fits.
#[derive(Deserialize, Validate, Debug)]
#[serde(untagged)]
pub enum Untagged {
    Counted {
        #[range(max = 10)]
        count: u32,
    },
    Labelled {
        label: String,
    },
}

/// `untagged` on one variant: tried once the tagged ones fail.
#[derive(Deserialize, Validate, Debug)]
#[serde(rename_all = "snake_case")]
pub enum PartlyUntagged {
    Small {
        #[range(max = 10)]
        count: u32,
    },
    #[serde(untagged)]
    Loose { label: String },
}

/// `rename_all_fields` on an enum, `rename_all` on a variant.
#[derive(Deserialize, Validate, Debug)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    rename_all_fields = "camelCase"
)]
pub enum FieldsRenamed {
    Small {
        #[range(max = 10)]
        max_count: u32,
    },
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    Large { max_name: String },
}

/// `flatten` of an internally tagged enum: the tag and the variant's keys
/// beside `name`.
#[derive(Deserialize, Validate, Debug)]
pub struct FlatEnum {
    pub name: String,
    #[serde(flatten)]
    #[nested]
    pub source: Internal,
}

/// An enum with an `other` variant, for [`WithOther`].
#[derive(Deserialize, Validate, Debug, Default)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    #[default]
    Off,
    Fast,
    #[serde(other)]
    Other,
}

/// `other`: a name the enum lacks reads as `Other`, which a rule forbids.
#[derive(Deserialize, Validate, Debug)]
pub struct WithOther {
    pub name: String,
    #[serde(default)]
    #[none_of("other")]
    pub mode: Mode,
}

/// `transparent`, deriving `Validate`: serde reads it as its one field.
#[derive(Deserialize, Validate, Debug)]
#[serde(transparent)]
pub struct Count {
    #[range(max = 10)]
    pub value: u32,
}

/// A struct holding a [`Count`].
#[derive(Deserialize, Validate, Debug)]
pub struct Transparent {
    pub name: String,
    #[nested]
    pub count: Count,
}

/// `try_from`: a share of 100, refused by `TryFrom` past 100. It derives
/// `Validate` (hence the named field) so that lowbit sees `try_from`; a type
/// that does not is described as any value.
#[derive(Deserialize, Validate, Debug, Clone, Copy)]
#[serde(try_from = "u32")]
pub struct Percent {
    pub value: u32,
}

impl TryFrom<u32> for Percent {
    type Error = String;
    fn try_from(value: u32) -> Result<Self, String> {
        if value <= 100 {
            Ok(Percent { value })
        } else {
            Err(format!("{value} is more than 100%"))
        }
    }
}

/// A struct holding a [`Percent`].
#[derive(Deserialize, Validate, Debug)]
pub struct TryFromField {
    pub name: String,
    pub share: Percent,
}

/// `from`: any `u32` converts. It derives `Validate`, as [`Percent`] does.
#[derive(Deserialize, Validate, Debug, Clone, Copy)]
#[serde(from = "u32")]
pub struct Doubled {
    pub value: u64,
}

impl From<u32> for Doubled {
    fn from(value: u32) -> Self {
        Doubled {
            value: u64::from(value) * 2,
        }
    }
}

/// A struct holding a [`Doubled`].
#[derive(Deserialize, Validate, Debug)]
pub struct FromField {
    pub name: String,
    pub size: Doubled,
}

fn even<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let value = u32::deserialize(deserializer)?;
    if value % 2 == 0 {
        Ok(value)
    } else {
        Err(D::Error::custom(format!("{value} is odd")))
    }
}

/// `deserialize_with` on a field that also has a rule.
#[derive(Deserialize, Validate, Debug)]
pub struct DeserializeWith {
    pub name: String,
    #[serde(deserialize_with = "even")]
    #[range(max = 10)]
    pub count: u32,
}

/// For each `module: Leaf`, a module holding the types that put `Leaf` in
/// each place and a `run` that walks the matrix through them. The places
/// are written out per leaf rather than generic over it, so that the schema
/// describes the leaf: a shape probe cannot see through a type parameter.
macro_rules! places {
    ($($module:ident: $leaf:ident),* $(,)?) => {$(
        pub mod $module {
            use std::collections::BTreeMap;

            use lowbit_core::Validate;
            use serde::Deserialize;

            use super::$leaf as Leaf;

            /// The leaf two tables down: `a.b`.
            #[derive(Deserialize, Validate, Debug)]
            pub struct Deep {
                #[nested]
                pub a: Mid,
            }

            /// The table between [`Deep`] and the leaf.
            #[derive(Deserialize, Validate, Debug)]
            pub struct Mid {
                #[nested]
                pub b: Leaf,
            }

            /// The leaf behind an `Option`.
            #[derive(Deserialize, Validate, Debug)]
            pub struct Opt {
                #[nested]
                pub opt: Option<Leaf>,
            }

            /// The leaf as the items of a list.
            #[derive(Deserialize, Validate, Debug)]
            pub struct List {
                #[nested]
                pub list: Vec<Leaf>,
            }

            /// The leaf as the values of a map.
            #[derive(Deserialize, Validate, Debug)]
            pub struct Keyed {
                #[nested]
                pub map: BTreeMap<String, Leaf>,
            }

            /// The matrix for this leaf, in every place.
            pub fn run(case: &crate::Case, findings: &mut crate::Findings) {
                crate::place::<Leaf>(case, &crate::ROOT, findings);
                crate::place::<Deep>(case, &crate::DEEP, findings);
                crate::place::<Opt>(case, &crate::OPTION, findings);
                crate::place::<List>(case, &crate::VEC, findings);
                crate::place::<Keyed>(case, &crate::MAP, findings);
            }
        }
    )*};
}

places! {
    plain: Plain,
    renamed: Renamed,
    renamed_apart: RenamedApart,
    kebab: Kebab,
    aliased: Aliased,
    defaulted: Defaulted,
    default_fn: DefaultFn,
    default_all: DefaultAll,
    strict: Strict,
    flat: Flat,
    skipped: Skipped,
    skipped_in: SkippedIn,
    external: External,
    internal: Internal,
    internal_aliased: InternalAliased,
    flat_aliased: FlatAliased,
    adjacent: Adjacent,
    untagged: Untagged,
    partly_untagged: PartlyUntagged,
    fields_renamed: FieldsRenamed,
    flat_enum: FlatEnum,
    with_other: WithOther,
    transparent: Transparent,
    try_from_field: TryFromField,
    from_field: FromField,
    deserialize_with: DeserializeWith,
}
