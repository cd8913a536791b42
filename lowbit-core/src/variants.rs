//! The variant-name table that `#[derive(Validate)]` gives an enum.

/// The serde names of an enum's variants, as a config file spells them.
///
/// `#[derive(Validate)]` on an enum implements it, honouring
/// `#[serde(rename_all = "..")]` and `#[serde(rename = "..")]`, and records the
/// variant marked `#[default]`. Rules compare enum fields with these names, and
/// the derive checks at compile time that each name it is given is one of them.
///
/// ```
/// use lowbit_core::{Validate, VariantNames};
///
/// #[derive(serde::Deserialize, Validate, Default)]
/// #[serde(rename_all = "snake_case")]
/// enum Interval { Step, #[default] Chunk, EvalOnly }
///
/// assert_eq!(Interval::NAMES, ["step", "chunk", "eval_only"]);
/// assert_eq!(Interval::EvalOnly.serde_name(), "eval_only");
/// assert_eq!(Interval::default_name(), Some("chunk"));
/// assert_eq!(Interval::index_of("step"), Some(0));
/// ```
pub trait VariantNames: Sized {
    /// The enum's name, for messages.
    const TYPE_NAME: &'static str;
    /// The serde name of each variant, in declaration order.
    const NAMES: &'static [&'static str];
    /// The Rust name of each variant, in declaration order.
    const RUST_NAMES: &'static [&'static str];
    /// The index of the `#[default]` variant, if one is marked.
    const DEFAULT: Option<usize>;
    /// Other names serde accepts for variants (`#[serde(alias = "..")]`),
    /// each with the index of its variant. Rules may use them too.
    const ALIASES: &'static [(&'static str, usize)] = &[];

    /// The index of this value's variant in [`NAMES`](Self::NAMES).
    fn variant_index(&self) -> usize;

    /// The serde name of this value's variant.
    fn serde_name(&self) -> &'static str {
        Self::NAMES[self.variant_index()]
    }

    /// The serde name of the `#[default]` variant, if one is marked.
    #[must_use]
    fn default_name() -> Option<&'static str> {
        match Self::DEFAULT {
            Some(index) => Some(Self::NAMES[index]),
            None => None,
        }
    }

    /// The index of the variant whose serde name, or one of its aliases, is `name`.
    #[must_use]
    fn index_of(name: &str) -> Option<usize> {
        Self::NAMES
            .iter()
            .position(|candidate| *candidate == name)
            .or_else(|| {
                Self::ALIASES
                    .iter()
                    .find(|(alias, _)| *alias == name)
                    .map(|&(_, index)| index)
            })
    }
}
