use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    compression: String,
    #[only_if(compresion = "int8_block_exp")]
    compression_interval: String,
}

fn main() {}
