use lowbit_core::Validate;

#[derive(Validate)]
struct Quant {
    enable: bool,
    #[only_if(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(not(enable))))))))))))))))))))))))))))))))))]
    strict: Option<bool>,
}

fn main() {}
