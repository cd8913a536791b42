use lowbit_core::Validate;

#[derive(Validate)]
struct Contacts {
    #[email("example.com")]
    domain: String,
    #[email(idna)]
    international: String,
    #[items(email(allow_literals = true))]
    members: Vec<String>,
}

fn main() {}
