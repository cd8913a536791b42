use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    enable: bool,
    #[only_if(all())]
    compression: String,
    #[requires()]
    dir: String,
}

fn main() {}
