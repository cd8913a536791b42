use lowbit_core::Validate;

#[derive(Validate)]
struct Saved {
    inner: Inner,
    #[requires(inner.)]
    dir: String,
}

#[derive(Validate)]
struct Inner {}

fn main() {}
