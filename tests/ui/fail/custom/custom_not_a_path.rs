use lowbit_core::Validate;

#[derive(Validate)]
struct Window {
    #[custom = "checks::is positive"]
    size: u32,
}

fn main() {}
