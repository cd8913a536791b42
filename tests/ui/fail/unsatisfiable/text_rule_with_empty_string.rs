// Every string starts with "", so an empty prefix says nothing; and every
// string contains "", so no string passes an empty `does_not_contain`.
use lowbit_core::Validate;

#[derive(Validate)]
struct Paths {
    #[prefix("")]
    root: String,
    #[does_not_contain("")]
    include: String,
}

fn main() {}
