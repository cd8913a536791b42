use lowbit_core::Validate;

#[derive(Validate)]
struct Names {
    // Every string matches the empty expression.
    #[pattern("")]
    empty: String,
    #[pattern]
    bare: String,
    #[pattern("^a", "^b")]
    two: String,
    #[pattern(^abc)]
    unquoted: String,
    #[pattern(42)]
    number: String,
    #[pattern("^a", flags = "i")]
    flags: String,
}

fn main() {}
