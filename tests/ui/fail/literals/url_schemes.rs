// A scheme is RFC 3986's `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`, in
// lowercase since the parser lowercases the URL's: anything else could
// match no URL, and is an error at its literal.
use lowbit_core::Validate;

#[derive(Validate)]
struct Endpoints {
    #[url(schemes("https://"))]
    with_slashes: String,
    #[url(schemes("HTTP", "3d", "my_scheme", ""))]
    several: String,
    #[url(schemes("http", "https", "http"))]
    twice: String,
    #[items(url(schemes("s 3")))]
    mirrors: Vec<String>,
}

fn main() {}
