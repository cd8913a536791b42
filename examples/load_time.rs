//! Measures how the time to load a config grows with its size: documents of
//! 1 to 16 MB, each loaded with `lowbit_core::toml` (diagnostics located)
//! and, as the baseline in the same run, with plain `toml::from_str` and
//! `validate()` (no locations). Time per byte that stays flat as the size
//! doubles is time linear in the size. A second table times documents made
//! of unknown keys, one diagnostic a line, each one rendered. A third times
//! the same config as JSON and as YAML, valid and with two diagnostics,
//! against `serde_json::from_str` and `serde_yaml_ng::from_str` (a serde
//! YAML reader: saphyr-parser, which lowbit reads YAML with, has no
//! `from_str` of its own), each with `validate()`; and, in the same run,
//! the located load alone, without JSON's quick read of a document with
//! nothing to report.
//!
//! ```text
//! cargo run --release --example load_time
//! cargo run --release --example load_time -- formats   # the third table only
//! # one load, or one baseline read, of the YAML document, to count under callgrind
//! valgrind --tool=callgrind target/release/examples/load_time once yaml valid 1
//! valgrind --tool=callgrind target/release/examples/load_time baseline yaml valid 1
//! ```

use std::hint::black_box;
use std::time::{Duration, Instant};

use bitnet_config::ModelConfig;
use lowbit_core::Validate;
use lowbit_core::toml::Options;
use serde::Deserialize;

/// The baseline's view of a config file.
#[derive(Deserialize)]
struct ConfigFile {
    #[serde(default)]
    model: ModelConfig,
}

/// A document of `size` bytes or more: half a long array in
/// `[model.quant]`, a broken rule and a misspelled key in `[model.rho]`, and
/// half a table of other keys nobody reads.
fn document(size: usize) -> String {
    let mut source = String::from("[model.quant]\nenable = true\nprotocol = \"bitnet_b158\"\n");
    source.push_str("target_modules = [\n");
    while source.len() < size / 2 {
        source.push_str("  \"encoder\",\n");
    }
    source.push_str("]\n\n[model.rho]\nprecision = \"fp8_exp\"\ncolour = 1\n\n[data]\n");
    let mut key = 0;
    while source.len() < size {
        source.push_str(&format!("key{key} = \"{key:0>24}\"\n"));
        key += 1;
    }
    source
}

/// A document of `size` bytes or more whose `[model.rho]` is all unknown
/// keys, and how many there are.
fn unknown_keys(size: usize) -> (String, usize) {
    let mut source = String::from("[model.rho]\n");
    let mut key = 0;
    while source.len() < size {
        source.push_str(&format!("colour{key} = {key}\n"));
        key += 1;
    }
    (source, key)
}

/// The config of [`document`] as JSON (`yaml` false) or YAML, `size` bytes
/// or more; `valid`, without the broken rule and the misspelled key.
fn other_format(size: usize, yaml: bool, valid: bool) -> String {
    let mut source = String::new();
    let (item, close_modules, key_line, end) = if yaml {
        source.push_str(
            "model:\n  quant:\n    enable: true\n    protocol: bitnet_b158\n    target_modules:\n",
        );
        (
            "      - encoder\n",
            if valid {
                "  rho:\n    precision: bf16\ndata:\n"
            } else {
                "  rho:\n    precision: fp8_exp\n    colour: 1\ndata:\n"
            },
            "  key{key}: \"{key:0>24}\"\n",
            "",
        )
    } else {
        source.push_str("{\"model\": {\"quant\": {\"enable\": true, \"protocol\": \"bitnet_b158\", \"target_modules\": [\n");
        (
            "  \"encoder\",\n",
            if valid {
                "  \"encoder\"]},\n\"rho\": {\"precision\": \"bf16\"}},\n\"data\": {\n"
            } else {
                "  \"encoder\"]},\n\"rho\": {\"precision\": \"fp8_exp\", \"colour\": 1}},\n\"data\": {\n"
            },
            "  \"key{key}\": \"{key:0>24}\",\n",
            "  \"last\": 0}}\n",
        )
    };
    while source.len() < size / 2 {
        source.push_str(item);
    }
    source.push_str(close_modules);
    let mut key = 0;
    while source.len() < size {
        source.push_str(
            &key_line
                .replace("{key}", &key.to_string())
                .replace("{key:0>24}", &format!("{key:0>24}")),
        );
        key += 1;
    }
    source.push_str(end);
    source
}

/// The least of `runs` timings of `work`: the run the machine disturbed least.
fn fastest(runs: usize, mut work: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| timed(&mut work))
        .min()
        .unwrap_or_default()
}

/// The least of `runs` timings of each of `works`, run in turn in each
/// round: each is timed beside the others, so a busy spell of the machine
/// falls on all of them alike rather than on one.
fn fastest_of_each<const N: usize>(
    runs: usize,
    works: &mut [&mut dyn FnMut(); N],
) -> [Duration; N] {
    let mut best = [Duration::MAX; N];
    for _ in 0..runs {
        for (work, best) in works.iter_mut().zip(&mut best) {
            *best = (*best).min(timed(work));
        }
    }
    best
}

/// How long `work` ran: the CPU time of this thread where the system says
/// it (Linux), which other processes taking turns on the cores do not add
/// to, as they add to the time on the clock; else the time on the clock.
fn timed(work: &mut dyn FnMut()) -> Duration {
    let start = (thread_cpu_time(), Instant::now());
    work();
    match (start, thread_cpu_time()) {
        ((Some(start), _), Some(end)) => end.saturating_sub(start),
        ((_, start), _) => start.elapsed(),
    }
}

#[cfg(target_os = "linux")]
fn thread_cpu_time() -> Option<Duration> {
    /// `struct timespec` on 64-bit Linux.
    #[repr(C)]
    struct Timespec {
        seconds: i64,
        nanoseconds: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
    }
    /// `CLOCK_THREAD_CPUTIME_ID`.
    const THREAD_CPU: i32 = 3;
    if cfg!(not(target_pointer_width = "64")) {
        return None;
    }
    let mut time = Timespec {
        seconds: 0,
        nanoseconds: 0,
    };
    // SAFETY: `clock_gettime` writes one `timespec`, which `time` is, and
    // keeps no pointer to it.
    let status = unsafe { clock_gettime(THREAD_CPU, &raw mut time) };
    (status == 0).then(|| {
        Duration::new(
            u64::try_from(time.seconds).unwrap_or(0),
            u32::try_from(time.nanoseconds).unwrap_or(0),
        )
    })
}

#[cfg(not(target_os = "linux"))]
fn thread_cpu_time() -> Option<Duration> {
    None
}

fn main() {
    const RUNS: usize = 5;
    // Loads of a few milliseconds, compared within 15%: on a shared
    // machine, five runs leave one disturbed more often than not.
    const FORMAT_RUNS: usize = 15;
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let words: Vec<&str> = arguments.iter().map(String::as_str).collect();
    if let [what @ ("once" | "baseline"), format, document, megabytes] = words[..] {
        once(what == "baseline", format, document, megabytes);
        return;
    }
    if words.contains(&"formats") {
        formats(FORMAT_RUNS);
        return;
    }
    let options = Options::new().table("model");
    println!("| size | baseline | lowbit load | lowbit / baseline | lowbit ns/byte |");
    println!("|---:|---:|---:|---:|---:|");
    let mut first = None;
    for megabytes in [1usize, 2, 4, 8, 16] {
        let source = document(megabytes << 20);
        let baseline = fastest(RUNS, || {
            let file: ConfigFile = toml::from_str(&source).expect("the document is TOML");
            black_box(file.model.validate().is_err());
        });
        let lowbit = fastest(RUNS, || {
            let loaded = options.load::<ModelConfig>(&source);
            assert_eq!(loaded.diagnostics().len(), 2);
            black_box(loaded);
        });
        let per_byte = lowbit.as_secs_f64() * 1e9 / source.len() as f64;
        let first = *first.get_or_insert(per_byte);
        println!(
            "| {megabytes} MB | {:.1} ms | {:.1} ms | {:.2} | {per_byte:.1} ({:.2} of 1 MB's) |",
            baseline.as_secs_f64() * 1e3,
            lowbit.as_secs_f64() * 1e3,
            lowbit.as_secs_f64() / baseline.as_secs_f64(),
            per_byte / first,
        );
    }

    println!();
    println!(
        "| size | unknown keys | baseline | lowbit load | lowbit / baseline | render all | load + render ns/byte |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    let mut first = None;
    for megabytes in [1usize, 2, 4, 8, 16] {
        let (source, keys) = unknown_keys(megabytes << 20);
        let baseline = fastest(RUNS, || {
            let file: ConfigFile = toml::from_str(&source).expect("the document is TOML");
            black_box(file.model.validate().is_err());
        });
        let lowbit = fastest(RUNS, || {
            let loaded = options.load::<ModelConfig>(&source);
            assert_eq!(loaded.diagnostics().len(), keys);
            black_box(loaded);
        });
        let loaded = options.load::<ModelConfig>(&source);
        let render = fastest(RUNS, || {
            let rendered: usize = loaded
                .diagnostics()
                .iter()
                .map(|diagnostic| diagnostic.render("many.toml", &source, false).len())
                .sum();
            black_box(rendered);
        });
        let per_byte = (lowbit + render).as_secs_f64() * 1e9 / source.len() as f64;
        let first = *first.get_or_insert(per_byte);
        println!(
            "| {megabytes} MB | {keys} | {:.1} ms | {:.1} ms | {:.2} | {:.1} ms | {per_byte:.1} ({:.2} of 1 MB's) |",
            baseline.as_secs_f64() * 1e3,
            lowbit.as_secs_f64() * 1e3,
            lowbit.as_secs_f64() / baseline.as_secs_f64(),
            render.as_secs_f64() * 1e3,
            per_byte / first,
        );
    }

    formats(FORMAT_RUNS);
}

/// One load (or one baseline read) of a JSON or YAML document, for
/// callgrind: `format` is `json` or `yaml`, `document` `valid` or `broken`,
/// `megabytes` its size. Instruction counts do not move with the machine's
/// load; compare a load with the baseline of the same document.
fn once(baseline: bool, format: &str, document: &str, megabytes: &str) {
    let is_yaml = format == "yaml";
    let valid = document == "valid";
    let megabytes: usize = megabytes.parse().expect("a size in megabytes");
    let source = other_format(megabytes << 20, is_yaml, valid);
    if baseline {
        let file: ConfigFile = if is_yaml {
            serde_yaml_ng::from_str(&source).expect("the document is YAML")
        } else {
            serde_json::from_str(&source).expect("the document is JSON")
        };
        black_box(file.model.validate().is_err());
    } else {
        let loaded = if is_yaml {
            lowbit_core::yaml::Options::new()
                .table("model")
                .load::<ModelConfig>(&source)
        } else {
            lowbit_core::json::Options::new()
                .table("model")
                .load::<ModelConfig>(&source)
        };
        assert_eq!(loaded.diagnostics().len(), if valid { 0 } else { 2 });
        black_box(loaded);
    }
}

/// The table of JSON and YAML loads.
fn formats(runs: usize) {
    println!();
    println!(
        "| format | document | size | baseline | located only | lowbit load | located only / baseline | lowbit / baseline | lowbit ns/byte |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for megabytes in [1usize, 2, 4] {
        for is_yaml in [false, true] {
            for valid in [true, false] {
                other_format_row(megabytes, is_yaml, valid, runs);
            }
        }
    }
}

/// One row of the JSON and YAML table: the baseline, the located load
/// alone (what every load was before JSON's quick read), and the load.
fn other_format_row(megabytes: usize, is_yaml: bool, valid: bool, runs: usize) {
    let source = other_format(megabytes << 20, is_yaml, valid);
    let expected = if valid { 0 } else { 2 };
    let mut baseline = || {
        let file: ConfigFile = if is_yaml {
            serde_yaml_ng::from_str(&source).expect("the document is YAML")
        } else {
            serde_json::from_str(&source).expect("the document is JSON")
        };
        black_box(file.model.validate().is_err());
    };
    let load = |located_only: bool| {
        let json = lowbit_core::json::Options::new()
            .table("model")
            .located_only(located_only);
        let yaml = lowbit_core::yaml::Options::new()
            .table("model")
            .located_only(located_only);
        let source = &source;
        move || {
            let loaded = if is_yaml {
                yaml.load::<ModelConfig>(source)
            } else {
                json.load::<ModelConfig>(source)
            };
            assert_eq!(
                loaded.diagnostics().len(),
                expected,
                "{:?}",
                loaded.diagnostics()
            );
            black_box(loaded);
        }
    };
    let (mut located, mut lowbit) = (load(true), load(false));
    let [baseline, located, lowbit] =
        fastest_of_each(runs, &mut [&mut baseline, &mut located, &mut lowbit]);
    let ms = |time: Duration| time.as_secs_f64() * 1e3;
    println!(
        "| {} | {} | {megabytes} MB | {:.1} ms | {:.1} ms | {:.1} ms | {:.2} | {:.2} | {:.1} |",
        if is_yaml { "YAML" } else { "JSON" },
        if valid { "valid" } else { "2 diagnostics" },
        ms(baseline),
        ms(located),
        ms(lowbit),
        located.as_secs_f64() / baseline.as_secs_f64(),
        lowbit.as_secs_f64() / baseline.as_secs_f64(),
        lowbit.as_secs_f64() * 1e9 / source.len() as f64,
    );
}
