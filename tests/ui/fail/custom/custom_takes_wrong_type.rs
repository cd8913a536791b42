use lowbit_core::Validate;

fn short(value: &str) -> Result<(), String> {
    if value.len() < 8 { Ok(()) } else { Err(format!("{value} is long")) }
}

#[derive(Validate)]
struct Window {
    #[custom(short)]
    size: u32,
}

fn main() {}
