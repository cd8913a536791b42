use lowbit_core::Validate;

#[derive(Validate)]
struct Window {
    size: u32,
    #[only_if(size = "8")]
    stride: Option<u32>,
}

fn main() {}
