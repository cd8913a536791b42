//! Enums in rules: with and without a `#[default]`, with data in their
//! variants, with raw identifiers, and as `Option`s.
use lowbit_core::{Validate, VariantNames};
use serde::Deserialize;

/// No `#[default]`: every value is set.
#[derive(Deserialize, Validate)]
#[serde(rename_all = "snake_case")]
enum Source {
    File(String),
    Inline { text: String },
    r#Static,
}

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum Level {
    #[default]
    Low,
    High,
}

#[derive(Validate)]
struct Config {
    #[requires(level)]
    source: Source,
    level: Level,
    #[one_of("HIGH")]
    #[required_if(source in ("file", "inline"))]
    override_level: Option<Level>,
    #[conflicts_with(source = "static")]
    r#type: bool,
}

fn main() {
    assert_eq!(Source::NAMES, ["file", "inline", "static"]);
    assert_eq!(Source::default_name(), None);
    assert_eq!(Level::NAMES, ["LOW", "HIGH"]);

    let config = Config {
        source: Source::Static,
        level: Level::Low,
        override_level: Some(Level::Low),
        r#type: true,
    };
    let report = config.validate().unwrap_err();
    let found: Vec<(String, &str)> = report
        .iter()
        .map(|v| (v.path().to_string(), v.code()))
        .collect();
    assert_eq!(
        found,
        [
            ("source".to_owned(), "requires"),
            ("override_level".to_owned(), "one_of"),
            ("type".to_owned(), "conflicts_with"),
        ]
    );
    let file = Config {
        source: Source::File("a.toml".into()),
        level: Level::High,
        override_level: None,
        r#type: false,
    };
    assert_eq!(
        file.validate().unwrap_err().to_string().trim_end(),
        r#"override_level must be set when source is one of "file", "inline""#
    );
    let inline = Config {
        source: Source::Inline {
            text: String::new(),
        },
        level: Level::High,
        override_level: Some(Level::High),
        r#type: true,
    };
    assert!(inline.is_valid());
}
