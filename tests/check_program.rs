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
