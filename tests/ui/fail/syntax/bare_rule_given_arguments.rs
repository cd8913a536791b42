use lowbit_core::Validate;

#[derive(Validate)]
struct Window {
    #[nested(true)]
    inner: Inner,
    #[non_empty = true]
    name: String,
}

#[derive(Validate)]
struct Inner {}

fn main() {}
