//! The check program (`examples/check.rs`) as a user runs it: its output on
//! the bundled configs, its JSON mode, and its exit status on files of every
//! kind, most of them written outside the repository.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The example's binary. `cargo test` builds examples before it runs tests;
/// when only this test was built, it is built here.
fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let exe = std::env::current_exe().expect("the test's own path");
        // target/<profile>/deps/<this test> -> target/<profile>/examples/check
        let profile = exe.parent().and_then(Path::parent).expect("a target dir");
        let binary = profile
            .join("examples")
            .join(format!("check{}", std::env::consts::EXE_SUFFIX));
        if !binary.exists() {
            let status = Command::new(env!("CARGO"))
                .args(["build", "-q", "--example", "check"])
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .status()
                .expect("cargo runs");
            assert!(status.success(), "building the check example failed");
        }
        binary
    })
}

/// Runs the check program from the repository's root.
fn check(args: &[&str]) -> Output {
    Command::new(binary())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output()
        .expect("the check program runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// A directory of its own outside the repository, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("lowbit-check-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch directory");
        Scratch(dir)
    }

    fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, contents).expect("a scratch file");
        path.to_str().expect("a UTF-8 path").to_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn broken_config_output() {
    let output = check(&["examples/configs/broken.toml"]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn typo_output() {
    let output = check(&["examples/configs/typo.toml"]);
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn unknown_variant_output() {
    let output = check(&["examples/configs/unknown-variant.toml"]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn wrong_type_output() {
    let output = check(&["examples/configs/wrong-type.toml"]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn missing_output() {
    let output = check(&["examples/configs/missing.toml"]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn not_toml_output() {
    let output = check(&["examples/configs/not-toml.toml"]);
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn broken_json_output() {
    let output = check(&["examples/configs/broken.json"]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn wrong_type_yaml_output() {
    let output = check(&["examples/configs/wrong-type.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn typo_yml_output() {
    let output = check(&["examples/configs/typo.yml"]);
    assert_eq!(output.status.code(), Some(0));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn not_json_and_not_yaml_output() {
    let output = check(&[
        "examples/configs/not-json.json",
        "examples/configs/not-yaml.yaml",
    ]);
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn each_format_is_read_by_its_extension_or_as_told() {
    let output = check(&[
        "examples/configs/good.toml",
        "examples/configs/good.json",
        "examples/configs/good.yaml",
        "examples/configs/broken.yaml",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("examples/configs/good.json: valid\n"),
        "{text}"
    );
    assert!(
        text.contains("examples/configs/good.yaml: valid\n"),
        "{text}"
    );
    assert!(
        text.contains("examples/configs/broken.yaml: invalid (8 errors)\n"),
        "{text}"
    );
    // A name that says nothing is TOML, unless `--format` says otherwise.
    let scratch = Scratch::new("format");
    let file = scratch.file("model.conf", "model:\n  quant:\n    enable: yes\n");
    let as_toml = check(&[&file]);
    assert_eq!(as_toml.status.code(), Some(2));
    assert!(stdout(&as_toml).ends_with(": not TOML (4 errors)\n"));
    let as_yaml = check(&["--format", "yaml", &file]);
    assert_eq!(as_yaml.status.code(), Some(1));
    assert!(stdout(&as_yaml).contains(&format!("--> {file}:3:13\n")));
    let as_json = check(&["--format=json", &file]);
    assert!(stdout(&as_json).ends_with(": not JSON (1 error)\n"));
    let wrong = check(&["--format", "ini", &file]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&wrong.stderr)
            .contains("`--format` takes toml, json or yaml, not `ini`")
    );
}

#[test]
fn json_records_come_from_every_format() {
    let output = check(&["--json", "examples/configs/typo.yml"]);
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON record"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["path"], "model.quant.enabel");
    assert_eq!(
        (lines[0]["line"].as_u64(), lines[0]["column"].as_u64()),
        (Some(5), Some(5))
    );
}

#[test]
fn valid_files_exit_zero() {
    let output = check(&[
        "examples/configs/good.toml",
        "examples/configs/defaults.toml",
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "examples/configs/good.toml: valid\nexamples/configs/defaults.toml: valid\n"
    );
}

#[test]
fn files_outside_the_repository_are_checked_at_their_own_lines() {
    let scratch = Scratch::new("outside");
    let file = scratch.file(
        "train.toml",
        "[optimizer]\nlr = 1e-3\n\n[model.rho]\ncompression = \"int8_block_exp\"\n\
         compression_interval = \"step\"\n\n[model.quant]\nenable = true\nprotocl = \"bitnet_b1\"\n",
    );
    let output = check(&[&file]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    // The rule about compression, at its value; the typo, at its key.
    assert!(text.contains(&format!(" --> {file}:5:15\n")), "{text}");
    assert!(text.contains("error[only_if]: block-compressed model.rho.compression"));
    assert!(text.contains(&format!(" --> {file}:10:1\n")), "{text}");
    assert!(text.contains("warning[unknown_key]: unknown key `protocl` in `model.quant`"));
    assert!(text.contains("= help: did you mean `protocol`?"));
    // With `protocl` unknown, `protocol` keeps its default, which breaks a rule.
    assert!(text.contains("error[none_of]: model.quant.protocol must not be \"none\""));
    assert!(
        text.ends_with(&format!("{file}: invalid (2 errors, 1 warning)\n")),
        "{text}"
    );
}

#[test]
fn unknown_keys_fail_only_when_denied() {
    let scratch = Scratch::new("deny");
    let file = scratch.file("typo.toml", "[model.rho]\nprecison = \"fp32\"\n");
    assert_eq!(check(&[&file]).status.code(), Some(0));
    let denied = check(&["--deny-unknown", &file]);
    assert_eq!(denied.status.code(), Some(1));
    assert!(
        stdout(&denied).starts_with("error[unknown_key]: unknown key `precison` in `model.rho`")
    );
}

/// A file whose only problems are warnings is valid, unless warnings are
/// denied; a file without any stays valid then.
#[test]
fn warnings_fail_only_when_denied() {
    let scratch = Scratch::new("deny-warnings");
    let typo = scratch.file("typo.toml", "[model.rho]\nprecison = \"fp32\"\n");
    let empty = scratch.file("empty.toml", "");
    for file in [&typo, &empty] {
        assert_eq!(check(&[file]).status.code(), Some(0), "{file}");
        let denied = check(&["--deny-warnings", file]);
        assert_eq!(denied.status.code(), Some(1), "{file}");
        let text = stdout(&denied);
        assert!(text.starts_with("warning["), "{text}");
        assert!(
            text.ends_with(&format!("{file}: invalid (1 warning)\n")),
            "{text}"
        );
    }
    let good = check(&["--deny-warnings", "examples/configs/good.toml"]);
    assert_eq!(good.status.code(), Some(0));
    assert_eq!(stdout(&good), "examples/configs/good.toml: valid\n");
    // Denied or not, what cannot be read outranks it.
    let not_toml = scratch.file("bad.toml", "[model\n");
    assert_eq!(
        check(&["--deny-warnings", &typo, &not_toml]).status.code(),
        Some(2)
    );
    // In JSON mode too: the record says warning, the status says invalid.
    let json = check(&["--json", "--deny-warnings", &typo]);
    assert_eq!(json.status.code(), Some(1));
    assert!(stdout(&json).contains("\"severity\":\"warning\""));
}

#[test]
fn an_unreadable_file_exits_two_and_the_others_are_still_checked() {
    let scratch = Scratch::new("unreadable");
    let missing = scratch.0.join("absent.toml");
    let missing = missing.to_str().unwrap();
    let binary = scratch.file("binary.toml", [0xff, 0xfe, 0x00]);
    let output = check(&[missing, "examples/configs/broken.toml", &binary]);
    assert_eq!(output.status.code(), Some(2));
    let text = stdout(&output);
    assert!(
        text.starts_with(&format!("error: cannot read `{missing}`: ")),
        "{text}"
    );
    assert!(text.contains("examples/configs/broken.toml: invalid (8 errors)\n"));
    assert!(text.ends_with(&format!(
        "error: `{binary}` is not TOML: not UTF-8 text (byte 0)\n"
    )));
}

#[test]
fn an_empty_file_is_valid_with_a_warning() {
    let scratch = Scratch::new("empty");
    let file = scratch.file("empty.toml", "");
    let output = check(&[&file]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        format!(
            "warning[missing_table]: no `[model]` table; the defaults apply\n--> {file}:1:1\n\n\
             {file}: valid (1 warning)\n"
        )
    );
}

#[test]
fn a_syntax_error_outranks_an_invalid_file() {
    let scratch = Scratch::new("syntax");
    let file = scratch.file("bad.toml", "[model.rho]\nprecision = \n");
    let output = check(&["examples/configs/broken.toml", &file]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).contains(&format!(" --> {file}:2:13\n")));
}

#[test]
fn json_mode_writes_one_record_per_diagnostic() {
    let scratch = Scratch::new("json");
    let missing = scratch.0.join("absent.toml");
    let missing = missing.to_str().unwrap();
    let output = check(&[
        "--json",
        "examples/configs/typo.toml",
        "examples/configs/unknown-variant.toml",
        missing,
    ]);
    assert_eq!(output.status.code(), Some(2));
    let records: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON record a line"))
        .collect();
    // `file:line:column path code severity`, one a record.
    let rows: Vec<String> = records
        .iter()
        .map(|r| {
            format!(
                "{}:{}:{} {} {} {}",
                r["file"].as_str().unwrap(),
                r["line"],
                r["column"],
                r["path"].as_str().unwrap(),
                r["code"].as_str().unwrap(),
                r["severity"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            "examples/configs/typo.toml:4:1 model.quant.enabel unknown_key warning".to_owned(),
            "examples/configs/typo.toml:8:1 model.rho.compresion_interval unknown_key warning"
                .to_owned(),
            "examples/configs/unknown-variant.toml:5:17 model.quant.weight_format unknown_variant error"
                .to_owned(),
            "examples/configs/unknown-variant.toml:6:30 model.quant.target_modules[1] unknown_variant error"
                .to_owned(),
            "examples/configs/unknown-variant.toml:9:13 model.rho.precision unknown_variant error"
                .to_owned(),
            format!("{missing}:null:null  unreadable error"),
        ]
    );
    assert_eq!(
        records[3]["message"],
        "unknown variant `decoder_z`, expected one of `encoder`, `decoder_x`, `decoder_y`"
    );
    // `decoder_z` is as close to `decoder_x` as to `decoder_y`: no guess, the
    // message lists them.
    assert!(records[3]["help"].is_null(), "{}", records[3]["help"]);
    assert_eq!(records[2]["help"], "did you mean `ternary158`?");
}

#[test]
fn a_wrong_command_line_exits_two() {
    assert_eq!(check(&[]).status.code(), Some(2));
    assert_eq!(
        check(&["--colour", "examples/configs/good.toml"])
            .status
            .code(),
        Some(2)
    );
    let help = check(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).starts_with("usage: check"));
}

/// `--schema` prints the schema an editor validates these files with; it
/// gives every bundled config that parses as TOML the verdict the program
/// gives it.
#[test]
fn the_schema_agrees_with_the_program_on_every_bundled_config() {
    let output = check(&["--schema"]);
    assert!(output.status.success());
    let schema: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(
        schema["properties"]["model"]["allOf"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    let validator = jsonschema::draft202012::new(&schema).expect("a valid schema");
    let mut compared = 0;
    for entry in std::fs::read_dir("examples/configs").expect("the bundled configs") {
        let path = entry.expect("an entry").path();
        let text = std::fs::read_to_string(&path).expect("a config");
        let Ok(document) = toml::from_str::<toml::Value>(&text) else {
            continue;
        };
        let document = serde_json::to_value(document).expect("TOML is JSON");
        let file = path.to_str().expect("a UTF-8 path");
        let valid = check(&[file]).status.code() == Some(0);
        assert_eq!(validator.is_valid(&document), valid, "{file}");
        compared += 1;
    }
    assert!(compared >= 6, "{compared} configs compared");
}

/// Runs the check program in `dir` with `stdout`, and fails the test rather
/// than wait for ever: a program that blocks on a FIFO or reads `/dev/zero`
/// to the end is what is tested against.
fn check_within(
    dir: &Path,
    args: &[&std::ffi::OsStr],
    stdout: std::process::Stdio,
) -> (Option<i32>, String) {
    use std::io::Read;
    let mut child = Command::new(binary())
        .args(args)
        .current_dir(dir)
        .stdout(stdout)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the check program runs");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().expect("a status") {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("the check program did not finish: {args:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        pipe.read_to_string(&mut stderr).expect("stderr");
    }
    (status.code(), stderr)
}

#[cfg(unix)]
#[test]
fn what_is_not_a_regular_file_is_refused_without_reading_it() {
    let scratch = Scratch::new("special");
    let fifo = scratch.0.join("fifo.toml");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let fifo = fifo.to_str().unwrap();
    let dir = scratch.0.to_str().unwrap();
    let output = check(&["/dev/zero", fifo, dir, "examples/configs/good.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stdout(&output),
        format!(
            "error: cannot read `/dev/zero`: not a regular file\n\
             error: cannot read `{fifo}`: not a regular file\n\
             error: cannot read `{dir}`: not a regular file\n\
             examples/configs/good.toml: valid\n"
        )
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_having_read_no_more() {
    let scratch = Scratch::new("size");
    // The default, 64 MiB: a sparse file costs nothing to write.
    let huge = scratch.0.join("huge.toml");
    let file = std::fs::File::create(&huge).expect("a scratch file");
    file.set_len(64 * 1024 * 1024 + 1).expect("a sparse file");
    let huge = huge.to_str().unwrap();
    let output = check(&[huge]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stdout(&output),
        format!(
            "error: cannot read `{huge}`: larger than 67108864 bytes (raise the limit with --max-size)\n"
        )
    );
    // Set with `--max-size`: at the limit it is read, past it not.
    let text = format!("[model]\n{}", "#".repeat(92));
    let file = scratch.file("hundred.toml", &text);
    assert_eq!(check(&["--max-size", "100", &file]).status.code(), Some(0));
    let output = check(&["--max-size=99", &file]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).contains("larger than 99 bytes"));
    assert_eq!(check(&["--max-size", "lots", &file]).status.code(), Some(2));
}

#[test]
fn a_reader_that_stops_early_stops_the_program_quietly() {
    // More output than a pipe holds, and nobody reading it.
    let files: Vec<&std::ffi::OsStr> = std::iter::repeat_n("examples/configs/broken.toml", 300)
        .map(std::ffi::OsStr::new)
        .collect();
    let mut child = Command::new(binary())
        .args(&files)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the check program runs");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("the program ends");
    // The status of what was checked, and not a word: no panic (101).
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_is_an_error_not_a_panic() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (code, stderr) = check_within(
        root,
        &["examples/configs/broken.toml".as_ref()],
        full.into(),
    );
    assert_eq!(code, Some(2));
    assert!(
        stderr.starts_with("error: cannot write the output: "),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn names_are_printed_escaped_and_lossily() {
    use std::os::unix::ffi::OsStrExt;
    let scratch = Scratch::new("names");
    // An escape sequence that sets the terminal's title, and a byte that is
    // not UTF-8.
    let name = std::ffi::OsStr::from_bytes(b"x\x1b]0;pwned\x07\xff.toml");
    std::fs::write(
        scratch.0.join(name),
        "[model.rho]\nprecision = \"fp8_exp\"\n",
    )
    .expect("a scratch file");
    let output = Command::new(binary())
        .arg(name)
        .current_dir(&scratch.0)
        .output()
        .expect("the check program runs");
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(
        text.contains(" --> x\\u{1b}]0;pwned\\u{7}\u{fffd}.toml:2:13\n"),
        "{text}"
    );
    assert!(text.ends_with("x\\u{1b}]0;pwned\\u{7}\u{fffd}.toml: invalid (1 error)\n"));
    let json = Command::new(binary())
        .arg("--json")
        .arg(name)
        .current_dir(&scratch.0)
        .output()
        .expect("the check program runs");
    let line = stdout(&json);
    assert!(!line.contains('\u{1b}'), "{line:?}");
    let record: serde_json::Value = serde_json::from_str(line.trim_end()).expect("JSON");
    assert_eq!(record["file"], "x\u{1b}]0;pwned\u{7}\u{fffd}.toml");
}

#[test]
fn control_characters_in_keys_and_values_are_escaped() {
    let scratch = Scratch::new("controls");
    // A C1 CSI in a key, a right-to-left override in a value (TOML allows
    // them escaped; once read they are raw), and a raw DEL in a comment,
    // which TOML does not allow: the source line drawn has it as a symbol.
    let file = scratch.file(
        "c1.toml",
        "[model.quant]\n\"a\\u009b2J\" = 1\nprotocol = \"b\\u202ec\"\n",
    );
    let del = scratch.file("del.toml", "[model]\n# \u{7f}\u{1b}[2J\n");
    let output = check(&[&file, &del]);
    let text = stdout(&output);
    assert!(text.contains("2 | # \u{2421}\u{241b}[2J\n"), "{text}");
    assert!(
        !text
            .chars()
            .any(|c| lowbit_core::diagnostic::is_unsafe(c) && c != '\n'),
        "{text:?}"
    );
    assert!(text.contains("unknown key `a\\u{9b}2J`"), "{text}");
    assert!(text.contains("b\\u{202e}c"), "{text}");
    let json = stdout(&check(&["--json", &file]));
    assert!(
        !json
            .chars()
            .any(|c| lowbit_core::diagnostic::is_unsafe(c) && c != '\n'),
        "{json:?}"
    );
    assert!(json.contains("\\u009b"), "{json}");
}

#[test]
fn a_double_dash_ends_the_options() {
    let scratch = Scratch::new("dashes");
    scratch.file("--json", "[model.rho]\nprecision = \"fp8_exp\"\n");
    let (code, _) = check_within(
        &scratch.0,
        &["--".as_ref(), "--json".as_ref()],
        std::process::Stdio::null(),
    );
    assert_eq!(code, Some(1));
    // Without it, `--json` is the option and there is no file.
    let (code, stderr) = check_within(
        &scratch.0,
        &["--json".as_ref()],
        std::process::Stdio::null(),
    );
    assert_eq!(code, Some(2));
    assert!(stderr.starts_with("error: no file to check"), "{stderr}");
}

/// `--template` prints the port's commented template, TOML or YAML, and
/// the program checks it as valid, with not a warning, unknown keys denied.
#[test]
fn the_template_checks_as_valid() {
    let scratch = Scratch::new("template");
    for (args, name) in [
        (&["--template"][..], "template.toml"),
        (&["--template", "--format", "yaml"][..], "template.yaml"),
    ] {
        let output = check(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        let template = stdout(&output);
        assert!(
            template.contains("# one of \"fp32\", \"bf16\"\n"),
            "{template}"
        );
        let file = scratch.file(name, &template);
        let output = check(&["--deny-unknown", "--deny-warnings", &file]);
        assert_eq!(stdout(&output), format!("{file}: valid\n"));
        assert_eq!(output.status.code(), Some(0));
    }
    let output = check(&["--template", "--format", "json"]);
    assert_eq!(output.status.code(), Some(2));
    let output = check(&["--template", "examples/configs/good.toml"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn schema_takes_no_file() {
    let output = check(&["--schema", "examples/configs/good.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .starts_with("error: `--schema` takes no file (given `examples/configs/good.toml`)")
    );
}

#[test]
fn a_line_of_megabytes_is_drawn_in_a_window() {
    let scratch = Scratch::new("long");
    let value = "x".repeat(4 << 20);
    let file = scratch.file(
        "long.toml",
        format!("[model.rho]\nx = \"{value}\", precision = \"fp8_exp\"\n"),
    );
    let output = check(&[&file]);
    let text = stdout(&output);
    // The syntax error after the long value, at its column in the line.
    assert!(
        text.contains(&format!(" --> {file}:2:{}\n", value.len() + 7)),
        "{text}"
    );
    assert!(text.len() < 4000, "{} bytes printed", text.len());
}

/// Many problems on one line cost what they cost on many lines, in text
/// and in JSON: the ratio of the program's times on the two layouts stays
/// small (at 30,000 keys it was 110).
#[test]
fn the_program_is_linear_in_problems_whatever_the_layout() {
    let scratch = Scratch::new("layout");
    let keys: Vec<String> = (0..4000).map(|at| format!("unknown{at} = {at}")).collect();
    let inline = scratch.file(
        "inline.toml",
        format!("[model]\nquant = {{ {} }}\n", keys.join(", ")),
    );
    let lines = scratch.file(
        "lines.toml",
        format!("[model.quant]\n{}\n", keys.join("\n")),
    );
    for json in [false, true] {
        let time = |file: &str| {
            let start = std::time::Instant::now();
            let args: &[&str] = if json { &["--json", file] } else { &[file] };
            assert_eq!(check(args).status.code(), Some(0));
            start.elapsed()
        };
        // The best of three rounds, each timing both layouts in turn, so
        // that a busy machine slows neither more than the other.
        let (mut inline_best, mut lines_best) =
            (std::time::Duration::MAX, std::time::Duration::MAX);
        for _ in 0..3 {
            inline_best = inline_best.min(time(&inline));
            lines_best = lines_best.min(time(&lines));
        }
        let (inline, lines) = (inline_best, lines_best);
        let ratio = inline.as_secs_f64() / lines.as_secs_f64();
        assert!(
            ratio < 8.0,
            "json {json}: one line {inline:?}, one key a line {lines:?}: {ratio:.1}x"
        );
    }
}
