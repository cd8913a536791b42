use lowbit_core::Validate;

#[derive(Validate)]
struct Window {
    #[non_empty]
    size: u32,
}

fn main() {}
