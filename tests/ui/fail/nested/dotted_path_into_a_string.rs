use lowbit_core::Validate;

#[derive(Validate)]
struct Quant {
    // A string has no fields to step into.
    #[requires(name.len = 3)]
    enable: bool,
    name: String,
}

fn main() {}
