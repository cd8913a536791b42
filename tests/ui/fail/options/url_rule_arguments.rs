use lowbit_core::Validate;

#[derive(Validate)]
struct Endpoints {
    #[url("https")]
    positional: String,
    #[url(schemes())]
    none: String,
    #[url(schemes(https))]
    unquoted: String,
    #[url(schemes(443))]
    number: String,
    #[url(schemes("http"), schemes("https"))]
    twice: String,
    #[url(scheme("https"))]
    misspelled: String,
}

fn main() {}
