// A check of the whole struct takes `&Self`.
use lowbit_core::Validate;

fn positive(size: &u32) -> Result<(), String> {
    if *size > 0 { Ok(()) } else { Err("zero".into()) }
}

#[derive(Validate)]
#[validate(custom(positive))]
struct Window {
    size: u32,
}

fn main() {}
