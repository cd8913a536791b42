//! Checks config files: each one's `[model]` table is the port's
//! `ModelConfig` (`bitnet_config`); every problem is printed at its
//! `file:line:col`, as rustc prints errors.
//!
//! ```text
//! cargo run -q --example check -- [--json] [--deny-unknown] FILE...
//! cargo run -q --example check -- --schema > lowbit.schema.json
//! ```
//!
//! - `--json`: one JSON record per diagnostic, one a line, instead of text.
//! - `--deny-unknown`: unknown keys are errors, not warnings.
//! - `--schema`: print the JSON Schema of such files instead (their
//!   `[model]` table's structure, defaults and every rule), for editors that
//!   validate TOML while it is typed.
//!
//! Other top-level tables are left alone. A document without `[model]` gets
//! the defaults of `ModelConfig`, which are valid, and a warning.
//!
//! Exit status: 0 when every file is valid (warnings allowed), 1 when any is
//! invalid, 2 when any cannot be read or is not TOML (or the command line is
//! wrong).

use std::io::IsTerminal;
use std::process::ExitCode;

use bitnet_config::ModelConfig;
use lowbit_core::diagnostic::Severity;
use lowbit_core::toml::Options;

const USAGE: &str = "usage: check [--json] [--deny-unknown] FILE...\n       check --schema";

/// The outcome of one file, ordered by how bad it is.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    Valid = 0,
    Invalid = 1,
    Unreadable = 2,
}

/// How diagnostics are printed.
struct Output {
    json: bool,
    color: bool,
}

fn main() -> ExitCode {
    let mut json = false;
    let mut deny = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "--deny-unknown" => deny = true,
            "--schema" => {
                println!("{:#}", file_schema());
                return ExitCode::SUCCESS;
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            option if option.starts_with("--") => {
                eprintln!("error: unknown option `{option}`\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        eprintln!("error: no file to check\n{USAGE}");
        return ExitCode::from(2);
    }
    let output = Output {
        json,
        color: !json && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let options = Options::new().table("model").deny_unknown_keys(deny);
    let worst = files
        .iter()
        .map(|file| check(file, &options, &output))
        .max()
        .unwrap_or(Status::Valid);
    ExitCode::from(worst as u8)
}

/// The schema of a file this program checks: `[model]` is a `ModelConfig`
/// (left out, it takes the defaults); other tables are anything.
fn file_schema() -> serde_json::Value {
    let mut model = lowbit_core::schema::json_schema::<ModelConfig>();
    let defs = model["$defs"].take();
    serde_json::json!({
        "$schema": model["$schema"].take(),
        "title": "lowbit model config",
        "type": "object",
        "properties": {
            "model": {"allOf": model["allOf"].take()},
        },
        "$defs": defs,
    })
}

fn check(file: &str, options: &Options, output: &Output) -> Status {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(error) => {
            unreadable(file, &format!("cannot read `{file}`: {error}"), output);
            return Status::Unreadable;
        }
    };
    let source = match String::from_utf8(bytes) {
        Ok(source) => source,
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let message = format!("`{file}` is not TOML: not UTF-8 text (byte {at})");
            unreadable(file, &message, output);
            return Status::Unreadable;
        }
    };
    let loaded = options.load::<ModelConfig>(&source);
    for diagnostic in loaded.diagnostics() {
        if output.json {
            println!("{}", diagnostic.to_json(file));
        } else {
            println!("{}", diagnostic.render(file, &source, output.color));
        }
    }
    let status = if !loaded.is_toml() {
        Status::Unreadable
    } else if loaded.is_valid() {
        Status::Valid
    } else {
        Status::Invalid
    };
    if !output.json {
        println!("{}", summary(file, status, loaded.diagnostics()));
    }
    status
}

/// `file: valid`, `file: invalid (2 errors, 1 warning)`, `file: not TOML`.
fn summary(
    file: &str,
    status: Status,
    diagnostics: &[lowbit_core::diagnostic::Diagnostic],
) -> String {
    let count = |severity| {
        diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.severity() == severity)
            .count()
    };
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let verdict = match status {
        Status::Valid => "valid",
        Status::Invalid => "invalid",
        Status::Unreadable => "not TOML",
    };
    match (errors, warnings) {
        (0, 0) => format!("{file}: {verdict}"),
        (0, w) => format!("{file}: {verdict} ({})", plural(w, "warning")),
        (e, 0) => format!("{file}: {verdict} ({})", plural(e, "error")),
        (e, w) => format!(
            "{file}: {verdict} ({}, {})",
            plural(e, "error"),
            plural(w, "warning")
        ),
    }
}

/// Reports a file that could not be read as text.
fn unreadable(file: &str, message: &str, output: &Output) {
    if output.json {
        /// The fields of `Diagnostic::to_json`, with no position to give.
        #[derive(serde::Serialize)]
        struct Record<'a> {
            file: &'a str,
            line: Option<usize>,
            column: Option<usize>,
            path: &'a str,
            code: &'a str,
            severity: &'a str,
            message: &'a str,
            help: Option<&'a str>,
        }
        let record = Record {
            file,
            line: None,
            column: None,
            path: "",
            code: "unreadable",
            severity: "error",
            message,
            help: None,
        };
        let record = serde_json::to_string(&record).unwrap_or_default();
        println!("{record}");
    } else {
        println!("error: {message}");
    }
}
