use lowbit_core::Validate;

// The derive reads declarations as serde's derive does; a block as an
// array's length is beyond that. One error, at the block, and no more:
// the stub impl keeps the call of `validate()` below quiet.
#[derive(Validate)]
struct Frame {
    enable: bool,
    #[requires(enable)]
    header: [u8; { const LEN: usize = 4; LEN }],
}

fn main() {
    let frame = Frame {
        enable: true,
        header: [0; 4],
    };
    let _ = frame.validate();
}
