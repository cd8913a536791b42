use lowbit_core::Validate;

fn a(_: &u32) -> Result<(), String> { Ok(()) }
fn b(_: &u32) -> Result<(), String> { Ok(()) }

#[derive(Validate)]
struct Window {
    #[custom(a, b)]
    size: u32,
    #[custom()]
    stride: u32,
}

fn main() {}
