use lowbit_core::Validate;

struct Inner {
    size: u32,
}

#[derive(Validate)]
struct Outer {
    #[nested]
    inner: Inner,
}

fn main() {}
