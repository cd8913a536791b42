//! Checks config files, TOML, JSON or YAML: each one's `model` table (JSON
//! object, YAML mapping) is the port's `ModelConfig` (`bitnet_config`);
//! every problem is printed at its `file:line:col`, as rustc prints errors.
//!
//! ```text
//! cargo run -q --example check -- [--json] [--deny-unknown] [--deny-warnings] [--max-size BYTES] [--format toml|json|yaml] [--] FILE...
//! cargo run -q --example check -- --schema > lowbit.schema.json
//! cargo run -q --example check -- --template [--format toml|yaml] > lowbit.toml
//! ```
//!
//! - `--json`: one JSON record per diagnostic, one a line, instead of text.
//! - `--deny-unknown`: unknown keys are errors, not warnings.
//! - `--deny-warnings`: a file with a warning (a rule marked `warn`, an
//!   unknown key, a missing `[model]`) counts as invalid: exit 1.
//! - `--max-size BYTES`: the largest file read (64 MiB by default); a
//!   larger one is refused, having read no more than that.
//! - `--format toml|json|yaml`: read every file in this format. Without
//!   it, a file's extension says (`.json`; `.yaml` or `.yml`), and any
//!   other file is TOML.
//! - `--`: what follows is files, even if it starts with `-`.
//! - `--schema`: print the JSON Schema of such files instead (their
//!   `[model]` table's structure, defaults and every rule), for editors that
//!   validate TOML while it is typed. It takes no file.
//! - `--template`: print a config file to start from instead: its `[model]`
//!   table with every key at its default, under the key's doc comment and
//!   its rules in words; TOML, or YAML with `--format yaml`. It checks as
//!   valid, and takes no file.
//!
//! Other top-level tables are left alone. A document without `[model]` gets
//! the defaults of `ModelConfig`, which are valid, and a warning.
//!
//! Only regular files are read (not a directory, a FIFO, `/dev/zero`).
//! Everything printed that came from the files or their names has its
//! control characters and bidirectional marks escaped.
//!
//! Exit status: 0 when every file is valid (warnings allowed, unless
//! `--deny-warnings`), 1 when any is invalid, 2 when any cannot be read or is not in its format (or the command line is
//! wrong, or the output cannot be written). When whoever reads the output
//! stops (`check *.toml | head -1`), it stops quietly, with the status of the
//! files checked so far.

use std::ffi::OsString;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;

use bitnet_config::ModelConfig;
use lowbit_core::Validate;
use lowbit_core::diagnostic::{Severity, escape, is_unsafe};
use lowbit_core::load::{DEFAULT_MAX_SIZE, Loaded};

const USAGE: &str = "usage: check [--json] [--deny-unknown] [--deny-warnings] [--max-size BYTES] [--format toml|json|yaml] [--] FILE...\n       check --schema\n       check --template [--format toml|yaml]";

/// The formats a file can be in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Toml,
    Json,
    Yaml,
}

impl Format {
    fn named(name: &str) -> Option<Self> {
        match name {
            "toml" => Some(Format::Toml),
            "json" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            _ => None,
        }
    }

    /// A file's format by its extension; TOML unless it says otherwise.
    fn of(file: &std::path::Path) -> Self {
        let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        Format::named(&extension.to_ascii_lowercase()).unwrap_or(Format::Toml)
    }

    fn name(self) -> &'static str {
        match self {
            Format::Toml => "TOML",
            Format::Json => "JSON",
            Format::Yaml => "YAML",
        }
    }
}

/// One options of each format, set alike.
struct Loaders {
    toml: lowbit_core::toml::Options<'static>,
    json: lowbit_core::json::Options<'static>,
    yaml: lowbit_core::yaml::Options<'static>,
}

impl Loaders {
    fn new(deny: bool, max_size: usize) -> Self {
        Loaders {
            toml: lowbit_core::toml::Options::new()
                .table("model")
                .deny_unknown_keys(deny)
                .max_size(max_size),
            json: lowbit_core::json::Options::new()
                .table("model")
                .deny_unknown_keys(deny)
                .max_size(max_size),
            yaml: lowbit_core::yaml::Options::new()
                .table("model")
                .deny_unknown_keys(deny)
                .max_size(max_size),
        }
    }

    fn load<T>(&self, format: Format, source: &str) -> Loaded<T>
    where
        T: for<'de> serde::Deserialize<'de> + Validate,
    {
        match format {
            Format::Toml => self.toml.load(source),
            Format::Json => self.json.load(source),
            Format::Yaml => self.yaml.load(source),
        }
    }
}

/// The outcome of one file, ordered by how bad it is.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    Valid = 0,
    Invalid = 1,
    Unreadable = 2,
}

/// How diagnostics are printed, and where, and what they make of a file.
struct Output {
    json: bool,
    color: bool,
    /// `--deny-warnings`: a warning makes the file invalid.
    deny_warnings: bool,
    out: BufWriter<io::StdoutLock<'static>>,
}

/// What the command line asks for.
enum Command {
    Check {
        json: bool,
        deny: bool,
        deny_warnings: bool,
        max_size: usize,
        format: Option<Format>,
        files: Vec<OsString>,
    },
    Schema,
    Template(lowbit_core::docs::Format),
    Help,
}

fn main() -> ExitCode {
    let command = match parse(std::env::args_os().skip(1)) {
        Ok(command) => command,
        Err(message) => {
            // Nothing more can be said when stderr is gone.
            let _ = writeln!(io::stderr(), "error: {}\n{USAGE}", escape(&message));
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let color = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let out = BufWriter::new(stdout.lock());
    let (json, deny, deny_warnings, max_size, format, files) = match command {
        Command::Check {
            json,
            deny,
            deny_warnings,
            max_size,
            format,
            files,
        } => (json, deny, deny_warnings, max_size, format, files),
        Command::Schema => {
            return finish(Status::Valid, out, |out| {
                writeln!(out, "{:#}", file_schema())
            });
        }
        Command::Template(format) => {
            let template = lowbit_core::docs::Template::new()
                .table("model")
                .render::<ModelConfig>(format);
            return finish(Status::Valid, out, |out| out.write_all(template.as_bytes()));
        }
        Command::Help => return finish(Status::Valid, out, |out| writeln!(out, "{USAGE}")),
    };
    let mut output = Output {
        json,
        color: color && !json,
        deny_warnings,
        out,
    };
    let loaders = Loaders::new(deny, max_size);
    let mut worst = Status::Valid;
    for file in &files {
        let format = format.unwrap_or_else(|| Format::of(file.as_ref()));
        match check(file, &loaders, format, max_size, &mut output) {
            Ok(status) => worst = worst.max(status),
            Err(error) => return failed(worst, &error),
        }
    }
    finish(worst, output.out, |_| Ok(()))
}

/// Writes what is left, flushes, and exits with `status`, or as a failed
/// write says.
fn finish(
    status: Status,
    mut out: BufWriter<io::StdoutLock<'static>>,
    write: impl FnOnce(&mut BufWriter<io::StdoutLock<'static>>) -> io::Result<()>,
) -> ExitCode {
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::from(status as u8),
        Err(error) => failed(status, &error),
    }
}

/// The exit of a program whose output could not be written: quiet when the
/// reader has gone (it asked for no more), an error otherwise (a full disk).
fn failed(status: Status, error: &io::Error) -> ExitCode {
    if error.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::from(status as u8);
    }
    let _ = writeln!(io::stderr(), "error: cannot write the output: {error}");
    ExitCode::from(Status::Unreadable as u8)
}

fn parse(args: impl Iterator<Item = OsString>) -> Result<Command, String> {
    let mut json = false;
    let mut deny = false;
    let mut deny_warnings = false;
    let mut schema = false;
    let mut template = false;
    let mut max_size = DEFAULT_MAX_SIZE;
    let mut format = None;
    let mut files = Vec::new();
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        // A file name need not be UTF-8; an option is.
        let Some(text) = arg
            .to_str()
            .filter(|text| text.starts_with('-') && *text != "-")
        else {
            files.push(arg);
            continue;
        };
        match text {
            "--" => {
                files.extend(args.by_ref());
                break;
            }
            "--json" => json = true,
            "--deny-unknown" => deny = true,
            "--deny-warnings" => deny_warnings = true,
            "--schema" => schema = true,
            "--template" => template = true,
            "-h" | "--help" => return Ok(Command::Help),
            "--max-size" => {
                let value = args.next().ok_or("`--max-size` needs a number of bytes")?;
                max_size = bytes(&value.to_string_lossy())?;
            }
            _ if text.starts_with("--max-size=") => {
                max_size = bytes(&text["--max-size=".len()..])?;
            }
            "--format" => {
                let value = args.next().ok_or("`--format` needs toml, json or yaml")?;
                format = Some(format_named(&value.to_string_lossy())?);
            }
            _ if text.starts_with("--format=") => {
                format = Some(format_named(&text["--format=".len()..])?);
            }
            option => return Err(format!("unknown option `{option}`")),
        }
    }
    if template {
        if let Some(file) = files.first() {
            return Err(format!(
                "`--template` takes no file (given `{}`)",
                file.to_string_lossy()
            ));
        }
        return match format {
            None | Some(Format::Toml) => Ok(Command::Template(lowbit_core::docs::Format::Toml)),
            Some(Format::Yaml) => Ok(Command::Template(lowbit_core::docs::Format::Yaml)),
            Some(Format::Json) => {
                Err("`--template` writes toml or yaml (JSON has no comments)".to_owned())
            }
        };
    }
    if schema {
        return match files.first() {
            None => Ok(Command::Schema),
            Some(file) => Err(format!(
                "`--schema` takes no file (given `{}`)",
                file.to_string_lossy()
            )),
        };
    }
    if files.is_empty() {
        return Err("no file to check".to_owned());
    }
    Ok(Command::Check {
        json,
        deny,
        deny_warnings,
        max_size,
        format,
        files,
    })
}

/// `--format`'s value.
fn format_named(text: &str) -> Result<Format, String> {
    Format::named(text).ok_or_else(|| format!("`--format` takes toml, json or yaml, not `{text}`"))
}

/// `--max-size`'s value.
fn bytes(text: &str) -> Result<usize, String> {
    text.parse()
        .map_err(|_| format!("`--max-size` takes a number of bytes, not `{text}`"))
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

/// The text of `path`, or why it is not read: not a regular file (a FIFO
/// would block, `/dev/zero` never ends), larger than `max_size` (found
/// having read one byte more, not the whole file), or not UTF-8.
fn read(
    path: &std::path::Path,
    name: &str,
    format: Format,
    max_size: usize,
) -> Result<String, String> {
    let cannot = |error: io::Error| format!("cannot read `{name}`: {error}");
    let regular = |metadata: std::fs::Metadata| {
        if metadata.is_file() {
            Ok(())
        } else {
            Err(format!("cannot read `{name}`: not a regular file"))
        }
    };
    // Asked before opening: opening a FIFO with no writer blocks.
    regular(std::fs::metadata(path).map_err(cannot)?)?;
    let file = std::fs::File::open(path).map_err(cannot)?;
    // And after, of what was opened, in case the name changed hands.
    regular(file.metadata().map_err(cannot)?)?;
    let mut bytes = Vec::new();
    let cap = u64::try_from(max_size).unwrap_or(u64::MAX);
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() > max_size {
        return Err(format!(
            "cannot read `{name}`: larger than {max_size} bytes (raise the limit with --max-size)"
        ));
    }
    String::from_utf8(bytes).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        format!(
            "`{name}` is not {}: not UTF-8 text (byte {at})",
            format.name()
        )
    })
}

fn check(
    file: &OsString,
    loaders: &Loaders,
    format: Format,
    max_size: usize,
    output: &mut Output,
) -> io::Result<Status> {
    // A name that is not UTF-8 is printed lossily; the file is still read.
    let name = file.to_string_lossy();
    let source = match read(file.as_ref(), &name, format, max_size) {
        Ok(source) => source,
        Err(message) => {
            unreadable(&name, &message, output)?;
            return Ok(Status::Unreadable);
        }
    };
    let loaded = loaders.load::<ModelConfig>(format, &source);
    for diagnostic in loaded.diagnostics() {
        if output.json {
            writeln!(output.out, "{}", diagnostic.to_json(&name))?;
        } else {
            let text = diagnostic.render(&name, &source, output.color);
            writeln!(output.out, "{text}")?;
        }
    }
    let warned = loaded
        .diagnostics()
        .iter()
        .any(|diagnostic| diagnostic.severity() == Severity::Warning);
    let status = if !loaded.is_parsed() {
        Status::Unreadable
    } else if loaded.is_valid() && !(output.deny_warnings && warned) {
        Status::Valid
    } else {
        Status::Invalid
    };
    if !output.json {
        let summary = summary(&escape(&name), format, status, loaded.diagnostics());
        writeln!(output.out, "{summary}")?;
    }
    Ok(status)
}

/// `file: valid`, `file: invalid (2 errors, 1 warning)`, `file: not TOML`.
fn summary(
    file: &str,
    format: Format,
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
        Status::Unreadable => &format!("not {}", format.name()),
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
fn unreadable(file: &str, message: &str, output: &mut Output) -> io::Result<()> {
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
        // As `Diagnostic::to_json` writes them: what JSON allows raw but a
        // terminal obeys (C1, bidirectional marks) as `\uXXXX`.
        let mut safe = String::with_capacity(record.len());
        for c in record.chars() {
            if is_unsafe(c) {
                safe.push_str(&format!("\\u{:04x}", u32::from(c)));
            } else {
                safe.push(c);
            }
        }
        writeln!(output.out, "{safe}")
    } else {
        writeln!(output.out, "error: {}", escape(message))
    }
}
