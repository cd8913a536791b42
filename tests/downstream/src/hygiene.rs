//! Generated code under the name `lowbit_core` (no `crate = ..`), in a module
//! that shadows every name generated code might use unqualified, the
//! prelude's and lowbit's own, under the crate's lints (`deny(warnings)`,
//! clippy's pedantic). The rest of this crate reaches lowbit as `lb`; this
//! module checks the default path, `::lowbit_core`, which the crate root
//! provides under test.

mod shadowed {
    // The shadowing names are unused and break naming conventions on
    // purpose; the lints are allowed on them alone, so that the derived code
    // is held to them all.

    // The prelude back, as a crate without `#![no_implicit_prelude]` has it,
    // so that generated code is also held to `unused_qualifications` where
    // the prelude's names are in scope; the items below shadow it.
    use ::std::prelude::rust_2021::*;

    use ::lowbit_core::Validate;
    use ::serde::Deserialize;

    // Everything generated code might name unqualified, shadowed.
    #[allow(dead_code)]
    pub struct Result;
    #[allow(dead_code)]
    pub struct Option;
    #[allow(dead_code)]
    pub struct Box;
    #[allow(non_camel_case_types)]
    #[allow(dead_code)]
    pub struct usize_;
    #[allow(non_snake_case)]
    #[allow(dead_code)]
    pub fn Some() {}
    #[allow(non_upper_case_globals)]
    #[allow(dead_code)]
    pub const None: () = ();
    #[allow(non_snake_case)]
    #[allow(dead_code)]
    pub fn Ok() {}
    #[allow(non_snake_case)]
    #[allow(dead_code)]
    pub fn Err() {}
    #[allow(dead_code)]
    pub trait Validate_ {}
    #[allow(dead_code)]
    pub struct Location;
    #[allow(dead_code)]
    pub struct Report;
    #[allow(dead_code)]
    pub struct Value;
    #[allow(dead_code)]
    pub mod core {}
    #[allow(dead_code)]
    pub mod lowbit_core {}
    #[allow(dead_code)]
    pub struct OnceLock;
    #[allow(dead_code)]
    pub struct Pattern;
    #[allow(non_upper_case_globals)]
    #[allow(dead_code)]
    pub const __LOWBIT_PATTERN: () = ();

    /// An enum used in rules.
    #[derive(Deserialize, Validate, Default, Clone, Copy, Debug, PartialEq, Eq)]
    #[serde(rename_all = "kebab-case")]
    pub enum Mode {
        /// Off.
        #[default]
        Off,
        /// Cached.
        CachedExp,
        /// Recomputed.
        Recompute,
    }

    /// A nested struct.
    #[derive(Deserialize, Validate, Default, Debug)]
    pub struct Inner {
        /// Its mode.
        pub mode: Mode,
        /// Its size.
        #[range(min = 1, max = 8)]
        pub size: u8,
    }

    #[allow(clippy::unnecessary_wraps, clippy::trivially_copy_pass_by_ref)]
    fn positive(value: &i64) -> ::core::result::Result<(), &'static str> {
        if *value > 0 {
            ::core::result::Result::Ok(())
        } else {
            ::core::result::Result::Err("not positive")
        }
    }

    /// Every rule, under the shadowed names.
    #[derive(Deserialize, Validate, Default, Debug)]
    #[validate(gate = enable)]
    #[allow(clippy::struct_excessive_bools)]
    pub struct Outer {
        /// The gate.
        pub enable: bool,
        /// A strict flag.
        pub strict: bool,
        /// Nested.
        #[nested]
        #[requires(enable, at = mode, ungated)]
        #[one_of("off", "cached-exp", at = mode)]
        pub inner: Inner,
        /// Many.
        #[nested]
        pub many: ::std::vec::Vec<Inner>,
        /// Names.
        #[required_if(strict)]
        #[length(max = 3)]
        #[conflicts_with(every(names = "x"))]
        pub names: ::std::vec::Vec<::std::string::String>,
        /// A label.
        #[only_if(all(enable, any(inner.mode = "cached-exp", not(strict))))]
        #[none_of("bad")]
        #[non_empty]
        pub label: ::std::string::String,
        /// An optional mode.
        #[one_of("recompute")]
        pub fallback: ::core::option::Option<Mode>,
        /// A number.
        #[custom(positive)]
        #[one_of(1, 2, 3)]
        pub count: i64,
        /// A ratio.
        #[range(min = 0.0, max = 1.0)]
        pub ratio: f64,
        /// Limits by name: rules on each value and each key.
        #[items(range(min = 1), one_of(1, 2, 4))]
        #[keys(length(max = 4), none_of("bad"))]
        pub limits: ::std::collections::BTreeMap<::std::string::String, u32>,
        /// The mode of each stage, when given.
        #[items(one_of("off", "recompute"))]
        pub stages: ::core::option::Option<::std::vec::Vec<Mode>>,
    }

    /// The text rules whose runtime needs a crate (`pattern`, `url`) or
    /// a static (`pattern`), under the shadowed names.
    #[derive(Deserialize, Validate, Default, Debug)]
    pub struct Texts {
        /// A name.
        #[pattern("^[a-z]+$")]
        pub name: ::core::option::Option<::std::string::String>,
        /// Tags.
        #[items(pattern("^[a-z]+$"))]
        pub tags: ::std::vec::Vec<::std::string::String>,
        /// An endpoint.
        #[url(schemes("https"))]
        pub endpoint: ::std::string::String,
        /// An address.
        #[email]
        pub admin: ::std::string::String,
    }
}

use ::lowbit_core::Validate;
use ::std::prelude::rust_2021::*;
use ::std::{assert_eq, vec};

use self::shadowed::{Inner, Mode, Outer, Texts};

#[test]
fn text_rules_ignore_shadowed_names() {
    let texts = Texts {
        name: ::core::option::Option::Some("Rho".into()),
        endpoint: "http://example.com".into(),
        admin: "root".into(),
        tags: vec!["ok".into(), "Not".into()],
    };
    let seen: Vec<(String, &str)> = texts
        .report()
        .iter()
        .map(|v| (v.path().to_string(), v.code()))
        .collect();
    assert_eq!(
        seen,
        [
            ("name".to_owned(), "pattern"),
            ("tags[1]".to_owned(), "pattern"),
            ("endpoint".to_owned(), "url"),
            ("admin".to_owned(), "email"),
        ]
    );
}

#[test]
fn generated_code_ignores_shadowed_names() {
    let outer = Outer {
        enable: true,
        inner: Inner {
            mode: Mode::Recompute,
            size: 9,
        },
        many: vec![Inner {
            mode: Mode::Off,
            size: 0,
        }],
        names: vec!["a".into(), "b".into(), "c".into(), "d".into()],
        label: "bad".into(),
        count: 0,
        ratio: 2.0,
        limits: vec![("bad".to_owned(), 3)].into_iter().collect(),
        stages: ::core::option::Option::Some(vec![Mode::Off, Mode::CachedExp]),
        ..Outer::default()
    };
    let report = outer.validate().unwrap_err();
    let seen: Vec<(String, &str)> = report
        .iter()
        .map(|v| (v.path().to_string(), v.code()))
        .collect();
    assert_eq!(
        seen,
        [
            ("inner.size".to_owned(), "range"),
            ("inner.mode".to_owned(), "one_of"),
            ("many[0].size".to_owned(), "range"),
            ("names".to_owned(), "length"),
            ("label".to_owned(), "none_of"),
            ("count".to_owned(), "custom"),
            ("count".to_owned(), "one_of"),
            ("ratio".to_owned(), "range"),
            (r#"limits["bad"]"#.to_owned(), "one_of"),
            (r#"limits["bad"]"#.to_owned(), "none_of"),
            ("stages[1]".to_owned(), "one_of"),
        ]
    );
}
