use lowbit_core::Validate;

#[derive(Validate)]
struct Window<T> {
    #[range(min = 1)]
    size: T,
}

fn main() {}
