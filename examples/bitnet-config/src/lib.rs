//! The low-bit quantization and rho-state configuration of a BitNet-style
//! model, with its rules written as attributes.
//!
//! Types, fields, serde shapes and defaults are those of the hand-validated
//! original; so are the messages, word for word. Where the original stopped
//! at the first broken rule, `validate()` reports all of them.
//!
//! This package is lowbit's worked example, not part of it: it uses
//! `lowbit-core` exactly as any other crate would, and is not published.
//!
//! ```
//! use lowbit_core::Validate;
//! use bitnet_config::{BitNetLowBitProtocol, LowBitQuantizationConfig};
//!
//! let quant = LowBitQuantizationConfig {
//!     enable: true,
//!     protocol: BitNetLowBitProtocol::None,
//!     ..Default::default()
//! };
//! let report = quant.validate().unwrap_err();
//! assert_eq!(
//!     report.to_string(),
//!     "model.quant.protocol must not be \"none\" when model.quant.enable = true"
//! );
//! ```

#![deny(missing_docs)]

mod quant;
mod rho;

use serde::{Deserialize, Serialize};

use lowbit_core::Validate;
pub use quant::*;
pub use rho::*;

/// The `[model]` table: quantization and rho state.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq, Validate)]
#[serde(default)]
pub struct ModelConfig {
    /// `[model.quant]`.
    #[nested]
    pub quant: LowBitQuantizationConfig,
    /// `[model.rho]`.
    #[nested]
    pub rho: LowBitRhoConfig,
}
