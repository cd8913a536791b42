use lowbit_core::Validate;

fn check(_: &Window) -> Result<(), String> {
    Ok(())
}

#[derive(Validate)]
#[validate(custom(check, contxt))]
struct Window {
    size: u32,
}

fn main() {}
