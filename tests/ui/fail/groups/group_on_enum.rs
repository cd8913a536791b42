// An enum's value is one variant: there are no fields to count.
use lowbit_core::Validate;

#[derive(Validate)]
#[validate(at_most_one(exec, http_get))]
enum Handler {
    Exec,
    HttpGet,
}

fn main() {}
