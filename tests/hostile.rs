//! The TOML loader and the renderer on input nobody meant to write: arrays
//! where tables belong, numbers out of range, unclosed arrays, documents
//! with more broken values than are reported, panicking rules, oversized
//! documents, control characters, lines of megabytes, many problems on one
//! line, and every bundled config mutated byte by byte. Every input is made
//! here; none is committed.

use std::collections::BTreeMap;

use bitnet_config::ModelConfig;
use lowbit_core::Validate;
use lowbit_core::diagnostic::{Diagnostic, Severity, is_unsafe};
use lowbit_core::toml::{DEFAULT_MAX_SIZE, Loaded, Options};
use serde::Deserialize;

#[path = "support/located.rs"]
mod located;
use located::{pointed, summary};

#[path = "support/unknown_keys.rs"]
mod unknown_keys;
use unknown_keys::{drawn, unknown_keys};

fn model(source: &str) -> Loaded<ModelConfig> {
    Options::new().table("model").load(source)
}

#[test]
fn an_array_where_a_table_belongs_is_a_type_error_at_it() {
    let source = "[model]\nquant = [true, \"bitnet_b158\"]\n";
    let loaded = model(source);
    assert!(!loaded.is_valid());
    let [error] = loaded.diagnostics() else {
        panic!("{:?}", loaded.diagnostics())
    };
    assert_eq!(
        (error.code(), error.path(), error.message()),
        (
            "invalid_type",
            "model.quant",
            "invalid type: array, expected a table"
        )
    );
    assert_eq!(pointed(source, error), "[true, \"bitnet_b158\"]");

    let source = "[[model]]\n[model.quant]\nenable = true\n";
    let loaded = model(source);
    assert!(!loaded.is_valid());
    assert_eq!(
        summary(&loaded),
        [("invalid_type", "model".to_owned(), 1, 1)]
    );
    assert_eq!(pointed(source, &loaded.diagnostics()[0]), "[[model]]");
}

#[derive(Deserialize, Validate, Debug, Default)]
#[serde(default)]
struct Numbers {
    small: u8,
    wide: i64,
    single: f32,
}

#[test]
fn a_float_too_large_for_f32_is_not_infinity() {
    for (source, fits) in [
        ("single = 3.5e38", false),
        ("single = -3.5e38", false),
        ("single = 3.4e38", true),
        ("single = inf", true),
    ] {
        let loaded = Options::new().load::<Numbers>(source);
        assert_eq!(loaded.is_valid(), fits, "{source}");
        if !fits {
            assert_eq!(
                summary(&loaded),
                [("invalid_value", "single".to_owned(), 1, 10)]
            );
            assert!(loaded.diagnostics()[0].message().contains("32-bit float"));
        }
    }
}

#[test]
fn an_integer_out_of_range_has_one_code_either_way() {
    for source in [
        "small = 300",
        "small = -1",
        "small = 9223372036854775808",
        "wide = 99999999999999999999",
        "wide = -99999999999999999999",
        "single = 1e400",
    ] {
        let loaded = Options::new().load::<Numbers>(source);
        let codes: Vec<_> = loaded.diagnostics().iter().map(Diagnostic::code).collect();
        assert_eq!(codes, ["invalid_value"], "{source}");
    }
    let loaded = Options::new().load::<Numbers>("wide = 99999999999999999999");
    assert_eq!(
        loaded.diagnostics()[0].message(),
        "invalid value: integer `99999999999999999999`, expected i64"
    );
}

#[test]
fn an_unclosed_array_is_one_error_at_its_bracket() {
    let mut source = "[model.quant]\ntarget_modules = [\"encoder\",\n".to_owned();
    for line in 0..40 {
        source.push_str(&format!("key{line} = {line}\n"));
    }
    let loaded = model(&source);
    assert!(!loaded.is_toml());
    assert_eq!(summary(&loaded), [("syntax", String::new(), 2, 18)]);
    assert_eq!(
        loaded.diagnostics()[0].message(),
        "unclosed array, expected `]`"
    );
}

#[test]
fn deep_nesting_is_one_error_not_a_stack_overflow() {
    for (open, close) in [("[", "]"), ("{ a = ", " }")] {
        let depth = 100_000;
        let source = format!(
            "[model]\nquant = {}1{}\n",
            open.repeat(depth),
            close.repeat(depth)
        );
        let loaded = model(&source);
        assert!(!loaded.is_toml());
        let [error] = loaded.diagnostics() else {
            panic!("{:?}", loaded.diagnostics())
        };
        assert_eq!(error.code(), "syntax");
        assert!(error.render("f.toml", &source, false).len() < 2000);
    }
}

#[derive(Deserialize, Validate)]
struct Counts {
    counts: BTreeMap<String, u8>,
}

/// A table of counts, `count` of them strings instead.
fn numbers_with_strings(count: usize) -> String {
    let counts: String = (0..count).map(|at| format!("k{at:03} = \"x\"\n")).collect();
    format!("[counts]\n{counts}")
}

#[test]
fn unreadable_values_past_those_reported_are_counted() {
    let source = numbers_with_strings(18);
    let loaded = Options::new().load::<Counts>(&source);
    let types = loaded
        .diagnostics()
        .iter()
        .filter(|d| d.code() == "invalid_type")
        .count();
    assert_eq!(types, 16);
    let last = loaded.diagnostics().last().unwrap();
    assert_eq!(
        (last.code(), last.severity(), last.message()),
        (
            "unreported",
            Severity::Error,
            "2 more values cannot be read; only the first 16 are reported"
        )
    );
    // At the first one not reported.
    assert_eq!(last.line(), 18);

    // Counting is bounded too: each count is a read of the whole document.
    let source = numbers_with_strings(200);
    let loaded = Options::new().load::<Counts>(&source);
    let last = loaded.diagnostics().last().unwrap();
    assert_eq!(
        last.message(),
        "at least 48 more values cannot be read; only the first 16 are reported"
    );
    // Exactly 16 is said as it is.
    let loaded = Options::new().load::<Counts>(&numbers_with_strings(16));
    assert!(
        loaded
            .diagnostics()
            .iter()
            .all(|d| d.code() == "invalid_type"),
        "{:?}",
        loaded.diagnostics()
    );
}

mod panicking {
    #[allow(clippy::trivially_copy_pass_by_ref)] // a custom check takes `&T`
    pub fn never(_: &u32) -> Result<(), String> {
        panic!("a rule that panics")
    }
}

#[derive(Deserialize, Validate)]
struct Panics {
    #[custom(panicking::never)]
    window: u32,
}

#[test]
fn a_rule_that_panics_is_a_diagnostic() {
    let loaded = Options::new().load::<Panics>("window = 3\n");
    assert!(!loaded.is_valid());
    assert!(loaded.value().is_none());
    let [panic] = loaded.diagnostics() else {
        panic!("{:?}", loaded.diagnostics())
    };
    assert_eq!(
        (panic.code(), panic.message()),
        (
            "panic",
            "the config's own code panicked: a rule that panics"
        )
    );
}

#[test]
fn a_document_over_the_size_limit_is_not_parsed() {
    let source = format!("[model]\n{}", "#".repeat(92));
    assert_eq!(source.len(), 100);
    let loaded = Options::new()
        .table("model")
        .max_size(99)
        .load::<ModelConfig>(&source);
    assert!(!loaded.is_toml() && !loaded.is_valid());
    assert_eq!(summary(&loaded), [("too_large", String::new(), 1, 1)]);
    let loaded = Options::new()
        .table("model")
        .max_size(100)
        .load::<ModelConfig>(&source);
    assert!(loaded.is_valid(), "{:?}", loaded.diagnostics());
    assert_eq!(DEFAULT_MAX_SIZE, 64 * 1024 * 1024);
}

#[test]
fn control_characters_from_the_document_are_escaped() {
    // A C1 CSI and a right-to-left override in a key; an escape in a value.
    // TOML allows them only escaped; once read, they are raw.
    let source = r#"[model.quant]
"a\u009b2J\u202eb" = 1
protocol = "x\u001b]0;t\u0007\ny"
"#;
    let loaded = model(source);
    let keys = &loaded.diagnostics()[0];
    assert_eq!(keys.code(), "unknown_key");
    for diagnostic in loaded.diagnostics() {
        let text = diagnostic.render("f.toml", source, false);
        assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'), "{text:?}");
        let json = diagnostic.to_json("f.toml");
        assert!(!json.chars().any(is_unsafe), "{json}");
        // A JSON reader still gets the text exactly.
        let record: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(record["message"], diagnostic.message());
    }
    let text = keys.render("f.toml", source, false);
    assert!(
        text.contains("unknown key `a\\u{9b}2J\\u{202e}b`"),
        "{text}"
    );
    // A newline in a value is one line of the message, escaped.
    let variant = &loaded.diagnostics()[1];
    assert!(variant.message().contains('\n'));
    let text = variant.render("f.toml", source, false);
    assert!(text.contains("x\\u{1b}]0;t\\u{7}\\ny"), "{text}");
}

#[test]
fn a_value_of_megabytes_renders_in_a_window() {
    let value = "x".repeat(1 << 20);
    let source = format!("[model.rho]\nprecision = \"{value}\" # {value}\n");
    let loaded = model(&source);
    let [error] = loaded.diagnostics() else {
        panic!("{:?}", loaded.diagnostics())
    };
    assert_eq!((error.line(), error.column()), (2, 13));
    let text = error.render("f.toml", &source, false);
    assert!(text.contains("--> f.toml:2:13"), "{text}");
    assert!(text.len() < 2000, "{} bytes drawn", text.len());
    // Where the span starts past the window's reach, the column is the
    // line's, not the window's.
    let source = format!("[model.rho]\nx = \"{value}\"\nprecision = \"{value}\"\n");
    let loaded = model(&source);
    let error = &loaded.diagnostics()[1];
    let text = error.render("f.toml", &source, false);
    assert!(text.len() < 2000, "{} bytes drawn", text.len());
    assert!(text.contains("--> f.toml:3:13"), "{text}");
}

/// Each problem on a long line is drawn with a window of that line, not
/// the whole of it: four times the keys on one line print about four times
/// as much, not sixteen, and about what they print one a line. (The cost of
/// loading and drawing is counted in instructions by `cargo bench -p
/// lowbit-bench --bench hostile`, which CI runs with `--check`; it was 110
/// times the one-a-line cost at 30,000 keys before the windows.)
#[test]
fn problems_on_one_line_print_what_they_print_one_a_line() {
    let count = 500;
    let one_line = drawn(&unknown_keys(count, true));
    let one_line_4x = drawn(&unknown_keys(4 * count, true));
    let a_line_each_4x = drawn(&unknown_keys(4 * count, false));
    assert!(
        one_line_4x < 5 * one_line,
        "{count} keys on one line print {one_line} bytes, four times as many {one_line_4x}"
    );
    assert!(
        one_line_4x < 2 * a_line_each_4x,
        "{} keys print {one_line_4x} bytes on one line, {a_line_each_4x} one a line",
        4 * count
    );
}

/// A small deterministic generator: the same mutations on every run.
struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, bound: usize) -> usize {
        usize::try_from(self.next() % bound as u64).unwrap()
    }
}

/// Bytes that make TOML mean something else, or that a terminal obeys.
const INTERESTING: &[&[u8]] = &[
    b"[",
    b"]",
    b"[[",
    b"{",
    b"}",
    b"\"",
    b"'",
    b"\"\"\"",
    b"=",
    b",",
    b".",
    b"\n",
    b"\r\n",
    b"#",
    b"\\",
    b"\x1b",
    b"\x00",
    b"\x7f",
    "\u{9b}".as_bytes(),
    "\u{202e}".as_bytes(),
    b"1e400",
    b"-",
    b"true",
    b"99999999999999999999",
    b"[model]",
    b"\t",
];

fn mutate(bytes: &mut Vec<u8>, random: &mut Xorshift) {
    for _ in 0..=random.below(3) {
        let at = random.below(bytes.len() + 1);
        match random.below(5) {
            0 if at < bytes.len() => bytes[at] ^= 1 << random.below(8),
            1 if at < bytes.len() => drop(bytes.remove(at)),
            2 => {
                let insert = INTERESTING[random.below(INTERESTING.len())];
                bytes.splice(at..at, insert.iter().copied());
            }
            3 if at < bytes.len() => {
                let end = (at + random.below(40)).min(bytes.len());
                let chunk = bytes[at..end].to_vec();
                bytes.splice(at..at, chunk);
            }
            _ => bytes.truncate(at),
        }
    }
}

/// Every bundled config, mutated a bounded number of times: loading never
/// panics, every refusal says why with an error, and every diagnostic is
/// located where its span is, draws, and writes JSON that reads back.
#[test]
fn mutated_bundled_configs_never_panic_and_every_refusal_says_why() {
    let mut configs: Vec<_> = std::fs::read_dir("examples/configs")
        .expect("the bundled configs")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    configs.sort();
    assert!(configs.len() >= 6);
    let mut random = Xorshift(0x9e37_79b9_7f4a_7c15);
    let mut refused = 0;
    for path in &configs {
        let original = std::fs::read(path).expect("a config");
        for _ in 0..300 {
            let mut bytes = original.clone();
            mutate(&mut bytes, &mut random);
            // The loader takes text; the check program refuses the rest.
            let source = String::from_utf8_lossy(&bytes);
            let loaded = model(&source);
            if !loaded.is_valid() {
                refused += 1;
                assert!(
                    loaded
                        .diagnostics()
                        .iter()
                        .any(|d| d.severity() == Severity::Error),
                    "refused without an error: {source:?}"
                );
            }
            for diagnostic in loaded.diagnostics() {
                let start = diagnostic.span().start;
                let line = source[..start.min(source.len())].matches('\n').count() + 1;
                assert_eq!(diagnostic.line(), line, "{source:?}");
                let text = diagnostic.render("f.toml", &source, false);
                assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'), "{text:?}");
                let json = diagnostic.to_json("f.toml");
                let record: serde_json::Value = serde_json::from_str(&json).expect("JSON");
                assert_eq!(record["message"], diagnostic.message());
            }
        }
    }
    // The mutations do break configs: the assertions above were exercised.
    assert!(refused > 500, "{refused} refused");
}

/// A recursive type, as a hostile file could nest it.
#[derive(Validate, Default)]
struct Node {
    #[range(max = 9)]
    weight: u8,
    #[nested]
    children: Vec<Node>,
}

/// `#[nested]` descends at most `limits::max_nesting()` levels, in the
/// fast check and in the report alike: 100,000 levels are checked on a
/// test thread's ordinary stack (2 MiB), which recursion through every level
/// overflows. Building and dropping the tree, which recurse on their own,
/// get a large stack.
#[test]
fn nesting_is_bounded_never_a_stack_overflow() {
    let levels = 100_000;
    let builder = std::thread::Builder::new().stack_size(1 << 30);
    let handle = builder
        .spawn(move || {
            let mut tree = Node::default();
            for _ in 0..levels {
                tree = Node {
                    weight: 1,
                    children: vec![tree],
                };
            }
            let (valid, codes, path_depth) = std::thread::scope(|scope| {
                scope
                    .spawn(|| {
                        let valid = tree.is_valid();
                        let report = tree.validate().unwrap_err();
                        let codes: Vec<&str> = report.iter().map(|v| v.code()).collect();
                        let path = report.iter().next().unwrap().path().to_string();
                        (valid, codes, path.matches("children").count())
                    })
                    .join()
                    .unwrap()
            });
            drop(tree);
            (valid, codes, path_depth)
        })
        .unwrap();
    let (valid, codes, path_depth) = handle.join().unwrap();
    assert!(!valid);
    assert_eq!(codes, ["max_nesting"]);
    // The root and 128 levels below it are checked; the violation sits at
    // the first level that was not.
    assert_eq!(path_depth, lowbit_core::limits::DEFAULT_MAX_NESTING + 1);
}
