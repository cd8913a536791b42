use lowbit_core::Validate;

#[derive(Validate)]
struct Window<T> {
    #[range(min = 1)]
    size: T,
}

#[derive(Validate)]
enum Source {
    File {
        #[non_empty]
        path: String,
    },
    #[one_of("a")]
    Inline,
}

fn main() {}
