use lowbit_core::Validate;

#[derive(Validate)]
struct Contacts {
    #[email]
    admin: Vec<String>,
    #[items(email)]
    ids: Vec<u64>,
}

fn main() {}
