//! `validate()` on a valid config allocates nothing: paths are built only when
//! a violation is recorded, and an empty `Report` holds no buffer.
//!
//! A counting global allocator wraps the system one and counts, per thread,
//! every allocation (`alloc`, `alloc_zeroed`, `realloc`). The counter is
//! thread-local, so the harness's other threads cannot disturb a measurement;
//! this file also holds a single test.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

use bitnet_config::{
    BitNetLowBitProtocol, LowBitActivationFormat, LowBitQuantizationConfig, LowBitRhoConfig,
    LowBitSavedActivationConfig, LowBitSavedActivationMode, LowBitTargetModule, LowBitTrainingMode,
    ModelConfig, RhoCompressionConfig, RhoCompressionInterval,
};
use lowbit_core::Validate;

struct Counting;

thread_local! {
    // Const-initialised and without a destructor: touching it never allocates.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count_one() {
    // `try_with`: the slot may already be gone while the thread shuts down.
    let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
}

// SAFETY: every call is forwarded unchanged to `System`; counting touches only
// a thread-local `Cell`.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_one();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count_one();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_one();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

/// Validates `config` and returns whether it was valid and how many
/// allocations this thread made meanwhile (dropping the result included).
fn measure<T: Validate>(config: &T) -> (bool, usize) {
    let before = allocations();
    let valid = black_box(black_box(config).validate()).is_ok();
    let after = allocations();
    (valid, after - before)
}

fn enabled_quant() -> LowBitQuantizationConfig {
    LowBitQuantizationConfig {
        enable: true,
        protocol: BitNetLowBitProtocol::BitnetB158,
        training_mode: LowBitTrainingMode::TrainKernelExp,
        saved_activations: LowBitSavedActivationConfig {
            mode: LowBitSavedActivationMode::QuantizedCacheExp,
            format: LowBitActivationFormat::Int8,
        },
        target_modules: vec![LowBitTargetModule::Encoder],
        ..Default::default()
    }
}

fn block_rho() -> LowBitRhoConfig {
    LowBitRhoConfig {
        compression: RhoCompressionConfig::Int8BlockExp,
        compression_interval: RhoCompressionInterval::Chunk,
        ..Default::default()
    }
}

#[test]
fn validating_a_valid_config_allocates_nothing() {
    // Build everything first: only `validate()` is measured.
    let default_model = ModelConfig::default();
    let quant = enabled_quant();
    let rho = block_rho();
    let full_model = ModelConfig {
        quant: enabled_quant(),
        rho: block_rho(),
    };
    let invalid_quant = LowBitQuantizationConfig {
        enable: true,
        ..Default::default()
    };
    let invalid_model = ModelConfig {
        quant: invalid_quant.clone(),
        rho: LowBitRhoConfig {
            compression: RhoCompressionConfig::Int8BlockExp,
            compression_interval: RhoCompressionInterval::Step,
            ..Default::default()
        },
    };

    // The counter works: an allocation on this thread is seen.
    let before = allocations();
    let boxed = black_box(Box::new(black_box(7u64)));
    assert_eq!(allocations() - before, 1, "the counter missed a Box");
    drop(boxed);

    // Valid configs: zero allocations, repeated to catch any lazy first-use
    // allocation as well.
    for round in 0..3 {
        assert_eq!(
            measure(&default_model),
            (true, 0),
            "default ModelConfig, round {round}"
        );
        assert_eq!(
            measure(&default_model.quant),
            (true, 0),
            "default quant, round {round}"
        );
        assert_eq!(
            measure(&default_model.rho),
            (true, 0),
            "default rho, round {round}"
        );
        assert_eq!(measure(&quant), (true, 0), "enabled quant, round {round}");
        assert_eq!(measure(&rho), (true, 0), "int8 block rho, round {round}");
        assert_eq!(
            measure(&full_model),
            (true, 0),
            "enabled ModelConfig, round {round}"
        );
    }

    // Invalid configs are rejected, and recording their violations allocates,
    // so the zero counts above were measured by a counter that sees
    // `validate()`'s allocations.
    let (valid, count) = measure(&invalid_quant);
    assert!(!valid, "quant with protocol none must be rejected");
    assert!(
        count > 0,
        "an invalid quant config was validated without allocating"
    );
    let (valid, count) = measure(&invalid_model);
    assert!(!valid, "ModelConfig with two broken rules must be rejected");
    assert!(
        count > 0,
        "an invalid ModelConfig was validated without allocating"
    );
}
