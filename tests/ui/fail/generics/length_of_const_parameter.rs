use lowbit_core::Validate;

#[derive(Validate)]
struct Window<const N: usize> {
    #[length(max = N)]
    sizes: Vec<u32>,
}

fn main() {}
