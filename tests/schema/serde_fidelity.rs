//! The schema follows serde where it reads documents its own way: default
//! functions, aliases, newtype and tuple variants in every tagging, `Option`s
//! of any type, doc comments, `transparent`, `try_from` and `from` (issue 13).

#[allow(clippy::wildcard_imports)]
use super::*;

/// `#[serde(default = "path")]`: the schema's default is that function's
/// value, the one a document that leaves the key out is validated with
/// (issue 13, "also cover").
#[test]
fn a_default_function_is_the_schemas_default() {
    fn nine() -> u8 {
        9
    }
    fn named() -> String {
        "main".to_owned()
    }
    #[derive(serde::Deserialize, Validate)]
    struct Staged {
        #[serde(default = "nine")]
        #[range(max = 9)]
        level: u8,
        #[serde(default = "named")]
        branch: String,
    }
    let schema = json_schema::<Staged>();
    let properties = &schema["$defs"]["Staged"]["properties"];
    assert_eq!(properties["level"]["default"], json!(9));
    assert_eq!(properties["branch"]["default"], json!("main"));
    let left_out: Staged = serde_json::from_value(json!({})).unwrap();
    assert_eq!((left_out.level, left_out.branch.as_str()), (9, "main"));
    assert!(left_out.is_valid());
}

/// A DeepSpeed-like table: keys renamed over the years, the old names kept
/// as serde aliases, and unknown keys refused.
#[derive(serde::Deserialize, lowbit_core::Validate)]
#[serde(deny_unknown_fields)]
struct Zero {
    #[serde(alias = "old_stage", alias = "zero_stage")]
    #[range(max = 3)]
    stage: u8,
    #[serde(default, alias = "bf16")]
    bfloat16: bool,
    #[serde(alias = "dir")]
    #[requires(bfloat16)]
    #[prefix("/")]
    offload_dir: Option<String>,
}

/// Under `deny_unknown_fields` the schema admits each field's aliases, and
/// applies the field's structure and rules under whichever name the
/// document uses; two names of one field together are serde's duplicate
/// field, refused by both.
#[test]
fn aliases_every_document() {
    let validator = validator::<Zero>();
    let stages = || vec![Some(json!(1)), Some(json!(7)), Some(json!("1")), None];
    let flags = || vec![Some(json!(true)), Some(json!(false)), None];
    let dirs = || vec![Some(json!("/nvme")), Some(json!("nvme")), None];
    let keys = vec![
        ("stage", stages()),
        ("old_stage", stages()),
        ("zero_stage", stages()),
        ("bfloat16", flags()),
        ("bf16", flags()),
        ("offload_dir", dirs()),
        ("dir", dirs()),
        ("no_such_key", vec![Some(json!(1)), None]),
    ];
    let (tried, valid) = agree::<Zero>(&validator, &keys, 1, &|doc| doc);
    // Valid: `stage` at 1 under exactly one of its names (3 ways);
    // `bfloat16` left out or under one name (5 ways, 2 of them `true`);
    // `offload_dir` left out (with any of those 5) or absolute under one
    // name (2 ways, each needing `bfloat16` true); no unknown key.
    assert_eq!(tried, 4 * 4 * 4 * 3 * 3 * 3 * 3 * 2);
    assert_eq!(valid, 3 * (2 * 2 + 5));
    for document in [
        json!({"old_stage": 2}),
        json!({"zero_stage": 3, "bf16": true, "dir": "/nvme"}),
    ] {
        assert_eq!(
            verdicts::<Zero>(&validator, &document),
            (true, true),
            "{document}"
        );
    }
}

/// Cargo's `lto`: a bool or a mode's name, an untagged enum of newtypes.
#[derive(serde::Deserialize, lowbit_core::Validate)]
#[serde(untagged)]
enum Lto {
    Bool(bool),
    Mode(String),
}

#[derive(serde::Deserialize, lowbit_core::Validate)]
#[serde(deny_unknown_fields)]
struct AdamParams {
    #[range(exclusive_min = 0.0)]
    lr: f64,
    #[serde(default)]
    amsgrad: bool,
}

/// An optimizer named by an internal tag, its parameters beside it.
#[derive(serde::Deserialize, lowbit_core::Validate)]
#[serde(tag = "type")]
#[allow(dead_code)] // `Sgd` is read by serde only
enum Inline {
    Adamw(AdamParams),
    Sgd { lr: f64 },
}

/// An optimizer named by a tag, its parameters under `params`.
#[derive(serde::Deserialize, lowbit_core::Validate)]
#[serde(tag = "type", content = "params")]
enum Adjacent {
    Adamw(AdamParams),
    Lr(f64),
    Constant,
}

/// Where a file's text comes from, serde's default tagging.
#[derive(serde::Deserialize, lowbit_core::Validate)]
#[allow(dead_code)] // read by serde and the schema only
enum Source {
    File(String),
    Lines(Vec<String>),
    Span(String, u32),
    Optimizer(AdamParams),
    Inline { text: String },
    Stdin,
}

/// No rules, and nothing but `x`.
#[derive(serde::Deserialize, lowbit_core::Validate)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // read by serde only
struct Loose {
    x: i64,
}

#[derive(serde::Deserialize, lowbit_core::Validate)]
struct Bounded {
    #[range(max = 1)]
    x: i64,
    #[serde(default)]
    flag: bool,
}

/// serde reads the first variant that fits: `{"x": 5}` is `Loose`, valid,
/// though `Bounded` fits it too and would refuse it.
#[derive(serde::Deserialize, lowbit_core::Validate)]
#[serde(untagged)]
enum Pick {
    Loose(Loose),
    Bounded(Bounded),
}

#[derive(serde::Deserialize, lowbit_core::Validate)]
struct Variants {
    lto: Option<Lto>,
    #[nested]
    pick: Option<Pick>,
    #[nested]
    inline: Option<Inline>,
    #[nested]
    adjacent: Option<Adjacent>,
    #[nested]
    source: Option<Source>,
}

/// A newtype or tuple variant is its payload, laid out as its enum's
/// tagging says; the payload's own rules hold under it. The schema and
/// serde with `validate()` agree on every document.
#[test]
fn newtype_and_tuple_variants_every_document() {
    let validator = validator::<Variants>();
    let schema = json_schema::<Variants>();
    assert_eq!(
        schema["$defs"]["Lto"]["anyOf"],
        json!([{"type": "boolean"}, {"type": "string"}])
    );
    let adam = |lr: Value| json!({"lr": lr});
    let keys = vec![
        (
            "lto",
            vec![
                Some(json!(true)),
                Some(json!("thin")),
                Some(json!(3)),
                Some(json!({"Bool": true})),
                Some(json!(null)),
                None,
            ],
        ),
        (
            "pick",
            vec![
                Some(json!({"x": 5})),
                Some(json!({"x": 5, "flag": true})),
                Some(json!({"x": 0, "flag": true})),
                None,
            ],
        ),
        (
            "inline",
            vec![
                Some(json!({"type": "Adamw", "lr": 0.1})),
                Some(json!({"type": "Adamw", "lr": -1})),
                Some(json!({"type": "Adamw", "lr": 0.1, "amsgrad": true})),
                Some(json!({"type": "Adamw", "lr": 0.1, "beta": 1})),
                Some(json!({"type": "Adamw"})),
                Some(json!({"type": "Sgd", "lr": -1})),
                Some(json!({"type": "Rmsprop", "lr": 0.1})),
                None,
            ],
        ),
        (
            "adjacent",
            vec![
                Some(json!({"type": "Adamw", "params": adam(json!(0.1))})),
                Some(json!({"type": "Adamw", "params": adam(json!(0))})),
                Some(json!({"type": "Adamw", "params": 0.1})),
                Some(json!({"type": "Lr", "params": 0.1})),
                Some(json!({"type": "Lr", "params": "x"})),
                Some(json!({"type": "Constant"})),
                Some(json!({"type": "Lr"})),
                None,
            ],
        ),
        (
            "source",
            vec![
                Some(json!({"File": "a.txt"})),
                Some(json!({"File": 1})),
                Some(json!({"Lines": ["a", "b"]})),
                Some(json!({"Lines": "a"})),
                Some(json!({"Span": ["a.txt", 3]})),
                Some(json!({"Span": ["a.txt"]})),
                Some(json!({"Span": ["a.txt", 3, 4]})),
                Some(json!({"Optimizer": adam(json!(0.5))})),
                Some(json!({"Optimizer": adam(json!(-0.5))})),
                Some(json!({"Inline": {"text": "x"}})),
                Some(json!("Stdin")),
                Some(json!("File")),
                None,
            ],
        ),
    ];
    let (tried, valid) = agree::<Variants>(&validator, &keys, 1, &|doc| doc);
    // lto 4 of 6 (`null` and left out are `None`), pick 3 of 4 (the first
    // variant that fits decides), inline 4 of 8 (an unknown key beside the
    // tag is the payload's), adjacent 4 of 8, source 7 of 13 (a newtype's
    // name alone is no value).
    assert_eq!((tried, valid), (6 * 4 * 8 * 8 * 13, 4 * 3 * 4 * 4 * 7));
}

/// A plain serde enum: it derives no `Validate`, so lowbit cannot
/// describe it, and the schema takes any value for it.
#[derive(serde::Deserialize)]
#[serde(untagged)]
#[allow(dead_code)] // read by serde only
enum StringOrList {
    String(String),
    List(Vec<String>),
}

/// Compose's `build`: a context directory, or a table.
#[derive(serde::Deserialize, lowbit_core::Validate)]
#[serde(untagged)]
#[allow(dead_code)] // read by serde only
enum Build {
    Context(String),
    Config {
        context: Option<String>,
        dockerfile: Option<String>,
    },
}

/// A Compose service, in part.
#[derive(serde::Deserialize, lowbit_core::Validate)]
#[serde(deny_unknown_fields)]
#[validate(at_least_one(image, build))]
struct Service {
    image: Option<String>,
    build: Option<Build>,
    command: Option<StringOrList>,
    entrypoint: Option<StringOrList>,
    #[one_of("no", "always", "on-failure", "unless-stopped")]
    restart: Option<String>,
    #[serde(default, alias = "env")]
    environment: std::collections::BTreeMap<String, String>,
}

#[derive(serde::Deserialize, lowbit_core::Validate)]
struct Compose {
    #[nested]
    services: std::collections::BTreeMap<String, Service>,
}

/// A GitHub Actions step, in part.
#[derive(serde::Deserialize, lowbit_core::Validate)]
#[serde(deny_unknown_fields)]
#[validate(exactly_one(uses, run))]
struct Step {
    name: Option<String>,
    uses: Option<String>,
    run: Option<String>,
    with: Option<std::collections::BTreeMap<String, String>>,
}

#[derive(serde::Deserialize, lowbit_core::Validate)]
#[serde(deny_unknown_fields)]
struct Job {
    #[serde(rename = "runs-on")]
    runs_on: StringOrList,
    needs: Option<StringOrList>,
    #[nested]
    #[non_empty]
    steps: Vec<Step>,
}

/// What starts a workflow: an event, a list of them, or a table.
#[derive(serde::Deserialize, lowbit_core::Validate)]
#[serde(untagged)]
#[allow(dead_code)] // read by serde only
enum On {
    Event(String),
    Events(Vec<String>),
    Table(std::collections::BTreeMap<String, Option<Trigger>>),
}

/// The filters of an event.
#[derive(serde::Deserialize, lowbit_core::Validate)]
#[allow(dead_code)] // read by serde only
struct Trigger {
    branches: Option<Vec<String>>,
    paths: Option<Vec<String>>,
}

#[derive(serde::Deserialize, lowbit_core::Validate)]
struct Workflow {
    name: Option<String>,
    on: On,
    #[nested]
    jobs: std::collections::BTreeMap<String, Job>,
}

/// An `Option` field is never required, whether or not its type derives
/// `Validate`: serde reads a missing one as `None`.
#[test]
fn an_option_of_any_type_may_be_left_out() {
    let schema = json_schema::<Service>();
    assert_eq!(
        schema["$defs"]["Service"]["required"],
        Value::Null,
        "{schema}"
    );
    let validator = validator::<Service>();
    let keys = vec![
        ("image", vec![Some(json!("nginx")), None]),
        (
            "build",
            vec![Some(json!(".")), Some(json!({"context": "."})), None],
        ),
        (
            "command",
            vec![
                Some(json!("serve")),
                Some(json!(["serve", "-v"])),
                Some(json!(null)),
                None,
            ],
        ),
        (
            "restart",
            vec![Some(json!("always")), Some(json!("sometimes")), None],
        ),
    ];
    // The schema takes any value of a type it cannot describe (`command =
    // 1` too, which serde refuses): the documents hold values serde reads.
    let (tried, valid) = agree::<Service>(&validator, &keys, 1, &|doc| doc);
    // image or build 5 of 6, command 4 of 4, restart 2 of 3.
    assert_eq!((tried, valid), (2 * 3 * 4 * 3, 5 * 4 * 2));
}

/// Real documents of the shapes Compose and GitHub Actions files have:
/// valid ones pass the schema as they pass `validate()`, and a broken
/// one fails both.
#[test]
fn compose_and_actions_documents() {
    let compose = validator::<Compose>();
    let valid = json!({"services": {
        "web": {"image": "nginx", "restart": "always"},
        "app": {"build": ".", "command": ["serve", "--port", "80"], "env": {"A": "1"}},
        "db": {"build": {"context": "db", "dockerfile": "Dockerfile.db"}, "entrypoint": "run.sh"},
    }});
    assert_eq!(verdicts::<Compose>(&compose, &valid), (true, true));
    for broken in [
        json!({"services": {"web": {"restart": "always"}}}),
        json!({"services": {"web": {"image": "nginx", "restart": "sometimes"}}}),
        json!({"services": {"web": {"image": "nginx", "imgae": "nginx"}}}),
        json!({"services": {"web": {"image": "nginx", "env": {}, "environment": {}}}}),
    ] {
        assert_eq!(
            verdicts::<Compose>(&compose, &broken),
            (false, false),
            "{broken}"
        );
    }

    let workflow = validator::<Workflow>();
    let valid = json!({
        "name": "CI",
        "on": {"push": {"branches": ["main"]}, "pull_request": null},
        "jobs": {
            "test": {
                "runs-on": "ubuntu-latest",
                "steps": [
                    {"uses": "actions/checkout@v4"},
                    {"name": "Test", "run": "cargo test", "with": {"a": "b"}},
                ],
            },
            "lint": {
                "runs-on": ["self-hosted", "linux"],
                "needs": "test",
                "steps": [{"run": "cargo clippy"}],
            },
        },
    });
    assert_eq!(verdicts::<Workflow>(&workflow, &valid), (true, true));
    for on in [json!("push"), json!(["push", "pull_request"])] {
        let mut document = valid.clone();
        document["on"] = on;
        assert_eq!(
            verdicts::<Workflow>(&workflow, &document),
            (true, true),
            "{document}"
        );
    }
    for (pointer, value) in [
        ("/jobs/test/steps/0/run", json!("echo")),
        ("/jobs/test/steps", json!([])),
        ("/jobs/lint/runs_on", json!("linux")),
        ("/on", json!(1)),
    ] {
        let mut document = valid.clone();
        let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
        document
            .pointer_mut(parent)
            .and_then(Value::as_object_mut)
            .expect("the parent")
            .insert(key.to_owned(), value);
        assert_eq!(
            verdicts::<Workflow>(&workflow, &document),
            (false, false),
            "{document}"
        );
    }
}

/// How a run stores its weights.
///
/// Read once, at load.
#[derive(serde::Deserialize, lowbit_core::Validate, Default)]
#[serde(rename_all = "snake_case")]
enum Storage {
    /// Full precision.
    #[default]
    Fp32,
    /// Half the memory,
    /// half the range.
    Bf16,
    Int8,
}

/// Where the text comes from.
#[derive(serde::Deserialize, lowbit_core::Validate)]
#[allow(dead_code)] // read by serde only
enum Origin {
    /// A file, by its path.
    File(String),
    /// Standard input.
    Stdin,
}

/// A documented run.
#[derive(serde::Deserialize, lowbit_core::Validate)]
#[serde(deny_unknown_fields)]
struct Documented {
    /// How many steps
    /// to train.
    #[serde(alias = "iterations")]
    steps: u32,
    /// The weights' storage.
    #[serde(default)]
    storage: Storage,
    #[serde(default)]
    quiet: bool,
    /// Where the prompt comes from.
    origin: Option<Origin>,
    /** A block comment,
    indented. */
    note: Option<String>,
}

/// Doc comments are the `description`s of fields (under each alias too),
/// structs, enums and variants, as rustdoc joins their lines; the schema
/// accepts and refuses what it did without them.
#[test]
fn doc_comments_are_descriptions() {
    let schema = json_schema::<Documented>();
    let defs = &schema["$defs"];
    assert_eq!(schema["description"], "A documented run.");
    assert_eq!(defs["Documented"]["description"], "A documented run.");
    let properties = &defs["Documented"]["properties"];
    assert_eq!(
        properties["steps"]["description"],
        "How many steps to train."
    );
    assert_eq!(
        properties["iterations"]["description"],
        "How many steps to train."
    );
    assert_eq!(
        properties["storage"]["description"],
        "The weights' storage."
    );
    assert_eq!(properties["storage"]["default"], "fp32");
    assert_eq!(properties["quiet"].get("description"), None);
    assert_eq!(
        properties["origin"]["description"],
        "Where the prompt comes from."
    );
    assert_eq!(
        properties["note"]["description"],
        "A block comment, indented."
    );
    assert_eq!(
        defs["Storage"]["description"],
        "How a run stores its weights.\n\nRead once, at load."
    );
    let storage = defs["Storage"]["anyOf"].as_array().expect("the variants");
    assert_eq!(
        storage[0],
        json!({"const": "fp32", "description": "Full precision."})
    );
    assert_eq!(
        storage[1]["description"],
        "Half the memory, half the range."
    );
    assert_eq!(storage[2], json!({"const": "int8"}));
    let origin = defs["Origin"]["anyOf"].as_array().expect("the variants");
    assert_eq!(origin[0]["description"], "A file, by its path.");
    assert_eq!(origin[1]["description"], "Standard input.");
    assert_eq!(defs["Origin"]["description"], "Where the text comes from.");

    let validator = validator::<Documented>();
    let keys = vec![
        ("steps", vec![Some(json!(3)), Some(json!(-1)), None]),
        ("iterations", vec![Some(json!(3)), None]),
        (
            "storage",
            vec![
                Some(json!("bf16")),
                Some(json!("int8")),
                Some(json!("fp16")),
                None,
            ],
        ),
        (
            "origin",
            vec![
                Some(json!({"File": "p.txt"})),
                Some(json!("Stdin")),
                Some(json!("File")),
                None,
            ],
        ),
    ];
    let (tried, valid) = agree::<Documented>(&validator, &keys, 1, &|doc| doc);
    // steps exactly once at 3 (2 of 6), storage 3 of 4, origin 3 of 4.
    assert_eq!((tried, valid), (6 * 4 * 4, 2 * 3 * 3));
}

/// A transparent newtype with a rule, for [`transparent_and_converted_are_what_serde_reads`].
#[derive(serde::Deserialize, Validate, Debug)]
#[serde(transparent)]
struct Port {
    #[range(min = 1024)]
    number: u16,
}

/// Read from a string, for [`transparent_and_converted_are_what_serde_reads`].
#[derive(serde::Deserialize, Validate, Debug)]
#[serde(try_from = "String")]
struct Host {
    name: String,
}

impl TryFrom<String> for Host {
    type Error = &'static str;
    fn try_from(name: String) -> Result<Self, Self::Error> {
        Ok(Host { name })
    }
}

#[derive(serde::Deserialize, Validate, Debug)]
struct Server {
    #[nested]
    port: Port,
    host: Host,
}

#[test]
fn transparent_and_converted_are_what_serde_reads() {
    let schema = json_schema::<Server>();
    // The transparent struct is a number with its field's bounds; the
    // converted one is the string it is read from.
    assert_eq!(schema["$defs"]["Port"]["type"], json!("integer"));
    assert_eq!(schema["$defs"]["Port"]["maximum"], json!(u16::MAX));
    assert_eq!(
        schema["$defs"]["Server"]["properties"]["host"],
        json!({"type": "string"})
    );
    let validator = jsonschema::validator_for(&schema).unwrap();
    for (document, valid) in [
        (json!({"port": 8080, "host": "a"}), true),
        (json!({"port": 80, "host": "a"}), false),
        (json!({"port": {"number": 8080}, "host": "a"}), false),
        (json!({"port": 8080, "host": 3}), false),
        (json!({"port": 8080, "host": {"name": "a"}}), false),
    ] {
        assert_eq!(
            verdicts::<Server>(&validator, &document),
            (valid, valid),
            "{document}"
        );
    }
    let server: Server = serde_json::from_value(json!({"port": 80, "host": "a"})).unwrap();
    let report = server.report();
    let paths: Vec<String> = report.iter().map(|v| v.path().to_string()).collect();
    assert_eq!(paths, ["port"]);
    assert_eq!(server.host.name, "a");
}
