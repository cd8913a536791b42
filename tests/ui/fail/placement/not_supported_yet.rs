use lowbit_core::Validate;

#[derive(Validate)]
enum Source {
    File(#[non_empty] String),
    #[one_of("a")]
    Inline,
}

fn main() {}
