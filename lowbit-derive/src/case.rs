//! serde's `rename_all` rules, applied to Rust names to get serde names.

/// A `rename_all` value serde accepts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

impl RenameRule {
    pub const ALL: [(&'static str, RenameRule); 8] = [
        ("lowercase", RenameRule::Lower),
        ("UPPERCASE", RenameRule::Upper),
        ("PascalCase", RenameRule::Pascal),
        ("camelCase", RenameRule::Camel),
        ("snake_case", RenameRule::Snake),
        ("SCREAMING_SNAKE_CASE", RenameRule::ScreamingSnake),
        ("kebab-case", RenameRule::Kebab),
        ("SCREAMING-KEBAB-CASE", RenameRule::ScreamingKebab),
    ];

    pub fn from_name(name: &str) -> Option<RenameRule> {
        Self::ALL
            .iter()
            .find(|(candidate, _)| *candidate == name)
            .map(|(_, rule)| *rule)
    }

    /// A variant name (written in PascalCase) under this rule.
    pub fn variant(self, name: &str) -> String {
        let words = pascal_words(name);
        self.join(&words)
    }

    /// A field name (written in snake_case) under this rule. Words are
    /// split at underscores only, and the letters of a word keep their case,
    /// as serde does it (`_reserved` is `reserved` in camelCase).
    pub fn field(self, name: &str) -> String {
        match self {
            RenameRule::Lower | RenameRule::Snake => name.to_owned(),
            RenameRule::Upper | RenameRule::ScreamingSnake => name.to_ascii_uppercase(),
            RenameRule::Pascal => pascal_field(name),
            RenameRule::Camel => {
                let pascal = pascal_field(name);
                let mut chars = pascal.chars();
                match chars.next() {
                    Some(first) => first.to_lowercase().chain(chars).collect(),
                    None => pascal,
                }
            }
            RenameRule::Kebab => name.replace('_', "-"),
            RenameRule::ScreamingKebab => name.to_ascii_uppercase().replace('_', "-"),
        }
    }

    fn join(self, words: &[String]) -> String {
        let lower = || words.iter().map(|w| w.to_ascii_lowercase());
        let upper = || words.iter().map(|w| w.to_ascii_uppercase());
        match self {
            RenameRule::Lower => lower().collect(),
            RenameRule::Upper => upper().collect(),
            RenameRule::Pascal => words.iter().map(|w| capitalize(w)).collect(),
            RenameRule::Camel => words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    if i == 0 {
                        w.to_ascii_lowercase()
                    } else {
                        capitalize(w)
                    }
                })
                .collect(),
            RenameRule::Snake => lower().collect::<Vec<_>>().join("_"),
            RenameRule::ScreamingSnake => upper().collect::<Vec<_>>().join("_"),
            RenameRule::Kebab => lower().collect::<Vec<_>>().join("-"),
            RenameRule::ScreamingKebab => upper().collect::<Vec<_>>().join("-"),
        }
    }
}

/// `Int8BlockExp` -> `Int8`, `Block`, `Exp`: a new word starts at each
/// uppercase letter, as serde splits variant names.
fn pascal_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for ch in name.chars() {
        if ch.is_uppercase() || words.is_empty() {
            words.push(String::new());
        }
        if let Some(word) = words.last_mut() {
            word.push(ch);
        }
    }
    words
}

/// `compression_interval` -> `CompressionInterval`: each underscore is
/// dropped and the letter after it (and the first) uppercased.
fn pascal_field(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = true;
    for ch in name.chars() {
        if ch == '_' {
            upper = true;
        } else if upper {
            out.extend(ch.to_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.map(|c| c.to_ascii_lowercase()))
            .collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::RenameRule::*;

    #[test]
    fn variants_follow_serde() {
        assert_eq!(Snake.variant("Int8BlockExp"), "int8_block_exp");
        assert_eq!(Snake.variant("BitnetB158"), "bitnet_b158");
        assert_eq!(Lower.variant("EvalOnly"), "evalonly");
        assert_eq!(Upper.variant("EvalOnly"), "EVALONLY");
        assert_eq!(Camel.variant("EvalOnly"), "evalOnly");
        assert_eq!(Pascal.variant("EvalOnly"), "EvalOnly");
        assert_eq!(ScreamingSnake.variant("EvalOnly"), "EVAL_ONLY");
        assert_eq!(Kebab.variant("EvalOnly"), "eval-only");
        assert_eq!(ScreamingKebab.variant("EvalOnly"), "EVAL-ONLY");
    }

    #[test]
    fn fields_follow_serde() {
        assert_eq!(Camel.field("_reserved"), "reserved");
        assert_eq!(Pascal.field("_reserved"), "Reserved");
        assert_eq!(Camel.field("dim_2d"), "dim2d");
        assert_eq!(Camel.field("compression_interval"), "compressionInterval");
        assert_eq!(Pascal.field("compression_interval"), "CompressionInterval");
        assert_eq!(Kebab.field("compression_interval"), "compression-interval");
        assert_eq!(
            ScreamingSnake.field("compression_interval"),
            "COMPRESSION_INTERVAL"
        );
        assert_eq!(
            ScreamingKebab.field("compression_interval"),
            "COMPRESSION-INTERVAL"
        );
        assert_eq!(Lower.field("compression_interval"), "compression_interval");
        assert_eq!(Upper.field("compression_interval"), "COMPRESSION_INTERVAL");
    }
}
