use lowbit_core::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Rho {
    #[requires(carryAcrossWindows)]
    detach_between_windows: bool,
    carry_across_windows: bool,
}

fn main() {}
