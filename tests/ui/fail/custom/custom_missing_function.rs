use lowbit_core::Validate;

mod checks {
    pub fn positive(value: &i64) -> Result<(), String> {
        if *value > 0 { Ok(()) } else { Err("not positive".into()) }
    }
}

#[derive(Validate)]
struct Window {
    #[custom(checks::positiv)]
    size: i64,
    #[custom = "checks::postive"]
    stride: i64,
}

fn main() {}
