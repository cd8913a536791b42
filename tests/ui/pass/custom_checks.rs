//! `custom` in both spellings, by a path into a module, taking `&str` for a
//! `String`; its error's text is the message unless the rule gives one.
use lowbit_core::Validate;

mod checks {
    use std::fmt;

    pub struct Odd(pub u32);

    impl fmt::Display for Odd {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "{} is odd", self.0)
        }
    }

    pub fn even(value: &u32) -> Result<(), Odd> {
        if value % 2 == 0 {
            Ok(())
        } else {
            Err(Odd(*value))
        }
    }

    pub fn lowercase(value: &str) -> Result<(), String> {
        if value.chars().all(|c| !c.is_uppercase()) {
            Ok(())
        } else {
            Err(format!("{value:?} has capitals"))
        }
    }
}

fn short(value: &[String]) -> Result<(), &'static str> {
    if value.len() <= 2 {
        Ok(())
    } else {
        Err("too many modules")
    }
}

#[derive(Validate, Default)]
struct Quant {
    #[custom(checks::even)]
    window: u32,
    #[custom = "checks::lowercase"]
    name: String,
    #[custom(short, message = "{path} lists more than two modules")]
    modules: Vec<String>,
}

fn main() {
    assert!(Quant::default().validate().is_ok());
    let quant = Quant {
        window: 3,
        name: "Enc".into(),
        modules: vec!["a".into(), "b".into(), "c".into()],
    };
    let report = quant.validate().unwrap_err();
    let found: Vec<(String, &str)> = report.iter().map(|v| (v.to_string(), v.code())).collect();
    assert_eq!(
        found,
        [
            ("3 is odd".to_owned(), "custom"),
            (r#""Enc" has capitals"#.to_owned(), "custom"),
            ("modules lists more than two modules".to_owned(), "custom"),
        ]
    );
    assert_eq!(report.iter().next().unwrap().path().to_string(), "window");
}
