// A regular expression is parsed when the crate compiles, with the parser
// the `regex` crate uses at run time: each bad one is an error at its
// literal, saying what is wrong and where, all at once.
use lowbit_core::Validate;

#[derive(Validate)]
struct Names {
    #[pattern("^(abc")]
    name: String,
    #[pattern("[z-a]")]
    range: String,
    // Look-around is ECMA's and PCRE's, not regex's.
    #[pattern("^(?!tmp)")]
    lookahead: String,
    #[pattern(r"\p{Klingon}")]
    script: String,
    #[items(pattern("a{2,1}"))]
    tags: Vec<String>,
}

fn main() {}
