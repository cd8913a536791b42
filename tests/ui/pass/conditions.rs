//! Every form of condition, each deciding a rule both ways.
use lowbit_core::Validate;
use serde::Deserialize;

#[derive(Deserialize, Validate, Default, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum Interval {
    Step,
    #[default]
    Chunk,
    EvalOnly,
}

#[derive(Validate, Default, Clone)]
struct Saved {
    enable: bool,
    mode: Option<String>,
}

#[derive(Validate, Default, Clone)]
#[allow(dead_code)]
struct Conds {
    enable: bool,
    bits: u8,
    interval: Interval,
    modules: Vec<String>,
    saved: Saved,
    #[requires(enable)]
    set: bool,
    #[requires(interval = "chunk")]
    equal: bool,
    #[requires(interval != "step")]
    not_equal: bool,
    #[requires(enable = true, bits = 8)]
    literals: bool,
    #[requires(interval in ("chunk", "eval_only"))]
    member: bool,
    #[requires(not(enable))]
    negated: bool,
    #[requires(all(enable, bits = 8))]
    both: bool,
    #[requires(any(enable, bits = 8))]
    either: bool,
    #[requires(every(modules = "encoder"))]
    every_equal: bool,
    #[requires(every(modules in ("encoder", "decoder")))]
    every_member: bool,
    #[requires(some(modules = "decoder"))]
    some_item: bool,
    #[requires(saved.enable, saved.mode = "cached")]
    dotted: bool,
}

/// The names of the fields whose rule is broken.
fn broken(conds: &Conds) -> Vec<String> {
    match conds.validate() {
        Ok(()) => Vec::new(),
        Err(report) => report.iter().map(|v| v.path().to_string()).collect(),
    }
}

fn main() {
    let all_set = Conds {
        set: true,
        equal: true,
        not_equal: true,
        literals: true,
        member: true,
        negated: true,
        both: true,
        either: true,
        every_equal: true,
        every_member: true,
        some_item: true,
        dotted: true,
        ..Conds::default()
    };
    // Nothing holds but what holds of defaults: the chunk interval, `!= step`,
    // membership, `not(enable)`, and `every` over no items.
    assert_eq!(
        broken(&all_set),
        ["set", "literals", "both", "either", "some_item", "dotted"]
    );
    let holding = Conds {
        enable: true,
        bits: 8,
        modules: vec!["encoder".into(), "decoder".into()],
        saved: Saved {
            enable: true,
            mode: Some("cached".into()),
        },
        ..all_set.clone()
    };
    assert_eq!(broken(&holding), ["negated", "every_equal"]);
    let stepping = Conds {
        interval: Interval::Step,
        modules: vec!["encoder".into(), "head".into()],
        ..holding
    };
    assert_eq!(
        broken(&stepping),
        [
            "equal",
            "not_equal",
            "member",
            "negated",
            "every_equal",
            "every_member",
            "some_item"
        ]
    );
    let message = Conds {
        dotted: true,
        ..Conds::default()
    }
    .validate()
    .unwrap_err()
    .to_string();
    assert_eq!(
        message.trim_end(),
        r#"dotted requires saved.enable and saved.mode = "cached""#
    );
}
