//! `#[validate(custom(..))]`: checks of the whole struct. The first form
//! returns a `Result` and is located at the struct; the second reports any
//! number of violations through `Issues`, each at its path below the
//! struct.

use super::*;
use crate::support::{pass, reject, table};
use lowbit_core::Issues;
use std::collections::BTreeMap;

#[derive(Validate, Default)]
#[validate(custom(window_fits))]
#[validate(custom(checks::ordered, message = "{path}: min must not exceed max"))]
struct Window {
    min: u32,
    max: u32,
    size: u32,
}

fn window_fits(window: &Window) -> Result<(), String> {
    if window.size <= window.max {
        Ok(())
    } else {
        Err(format!(
            "a window of {} does not fit under max {}",
            window.size, window.max
        ))
    }
}

mod checks {
    pub fn ordered(window: &super::Window) -> Result<(), &'static str> {
        if window.min <= window.max {
            Ok(())
        } else {
            Err("unordered")
        }
    }
}

#[derive(Validate, Default)]
struct Layers {
    #[nested]
    window: Window,
    #[nested]
    extra: BTreeMap<String, Window>,
}

fn sized(min: u32, max: u32, size: u32) -> Window {
    Window { min, max, size }
}

#[test]
fn result_form_is_located_at_the_struct() {
    table(&[
        ("holds", &[pass(&sized(1, 4, 4))]),
        (
            "error_text_is_the_message",
            &[reject(
                &sized(1, 4, 5),
                "",
                "custom",
                None,
                "a window of 5 does not fit under max 4",
            )],
        ),
        (
            "message_replaces_the_error",
            &[reject(
                &sized(5, 4, 0),
                "",
                "custom",
                None,
                ": min must not exceed max",
            )],
        ),
        (
            "nested_at_the_field",
            &[
                reject(
                    &Layers {
                        window: sized(0, 1, 2),
                        ..Layers::default()
                    },
                    "window",
                    "custom",
                    None,
                    "a window of 2 does not fit under max 1",
                ),
                reject(
                    &Layers {
                        extra: BTreeMap::from([("enc".to_owned(), sized(3, 2, 0))]),
                        ..Layers::default()
                    },
                    "extra[\"enc\"]",
                    "custom",
                    None,
                    "extra[\"enc\"]: min must not exceed max",
                ),
            ],
        ),
    ]);
}

/// The names a config may refer to.
struct Known(Vec<&'static str>);

#[derive(Validate, Default)]
#[validate(custom(model_known, context))]
struct Stage {
    model: String,
}

fn model_known(stage: &Stage, known: &Known) -> Result<(), String> {
    if known.0.contains(&stage.model.as_str()) {
        Ok(())
    } else {
        Err(format!("no model named {:?}", stage.model))
    }
}

#[test]
fn context_form_receives_the_context() {
    let known = Known(vec!["enc"]);
    let stage = |model: &str| Stage {
        model: model.into(),
    };
    assert!(stage("enc").validate_with(&known).is_ok());
    assert!(stage("enc").is_valid_with(&known));
    let report = stage("dec").validate_with(&known).unwrap_err();
    crate::support::check(
        &report.violations()[0],
        "",
        "custom",
        None,
        "no model named \"dec\"",
    );
    assert!(!stage("dec").is_valid_with(&known));
    // Without the context, the rule is reported as needing one.
    let report = stage("enc").validate().unwrap_err();
    let text = report.violations()[0].to_string();
    assert!(
        text.starts_with("this rule needs a context of type `") && text.contains("Known"),
        "{text}"
    );
    assert!(!stage("enc").is_valid());
}

/// A GitHub Actions workflow's `needs`: each names a job of the workflow
/// (`jobs.<job_id>.needs`, checked by the runner when the workflow loads).
#[derive(Validate, Default)]
#[validate(custom(needs_are_jobs, issues))]
struct Workflow {
    jobs: BTreeMap<String, Job>,
}

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "kebab-case")]
struct Job {
    runs_on: String,
    needs: Vec<String>,
}

fn needs_are_jobs(workflow: &Workflow, issues: &mut Issues<'_>) {
    for (name, job) in &workflow.jobs {
        for (index, need) in job.needs.iter().enumerate() {
            if need == name {
                issues
                    .field("jobs")
                    .key(name)
                    .field("needs")
                    .index(index)
                    .error(format!("job `{name}` cannot need itself"));
            } else if !workflow.jobs.contains_key(need) {
                issues
                    .field("jobs")
                    .key(name)
                    .field("needs")
                    .index(index)
                    .error(format!("no job named `{need}`"));
            }
        }
    }
    if workflow.jobs.is_empty() {
        issues.error("a workflow needs at least one job");
    }
}

fn workflow(jobs: &[(&str, &[&str])]) -> Workflow {
    Workflow {
        jobs: jobs
            .iter()
            .map(|(name, needs)| {
                (
                    (*name).to_owned(),
                    Job {
                        runs_on: "ubuntu-latest".into(),
                        needs: needs.iter().map(|need| (*need).to_owned()).collect(),
                    },
                )
            })
            .collect(),
    }
}

#[test]
fn issues_form_reports_below_the_struct() {
    table(&[
        (
            "holds",
            &[pass(&workflow(&[("build", &[]), ("test", &["build"])]))],
        ),
        (
            "at_the_struct",
            &[reject(
                &workflow(&[]),
                "",
                "custom",
                None,
                "a workflow needs at least one job",
            )],
        ),
    ]);
    let broken = workflow(&[("build", &["test", "tset"]), ("test", &["test"])]);
    assert!(!broken.is_valid());
    let report = broken.validate().unwrap_err();
    let seen: Vec<(String, &str, String)> = report
        .iter()
        .map(|violation| {
            (
                violation.path().to_string(),
                violation.code(),
                violation.to_string(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "jobs[\"build\"].needs[1]".to_owned(),
                "custom",
                "no job named `tset`".to_owned()
            ),
            (
                "jobs[\"test\"].needs[0]".to_owned(),
                "custom",
                "job `test` cannot need itself".to_owned()
            ),
        ]
    );
}

#[derive(Validate, Default)]
struct Repo {
    #[nested]
    workflows: Vec<Workflow>,
}

#[test]
fn issues_are_below_the_struct_where_it_is_nested() {
    let repo = Repo {
        workflows: vec![workflow(&[("a", &[])]), workflow(&[("a", &["b"])])],
    };
    let report = repo.validate().unwrap_err();
    assert_eq!(report.len(), 1);
    crate::support::check(
        &report.violations()[0],
        "workflows[1].jobs[\"a\"].needs[0]",
        "custom",
        None,
        "no job named `b`",
    );
}

#[derive(Validate, Default)]
#[validate(custom(stages_known, issues, context))]
struct Pipeline {
    stages: Vec<String>,
}

fn stages_known(pipeline: &Pipeline, known: &Known, issues: &mut Issues<'_>) {
    for (index, stage) in pipeline.stages.iter().enumerate() {
        if !known.0.contains(&stage.as_str()) {
            issues
                .field("stages")
                .index(index)
                .error(format!("no stage named {stage:?}"));
        }
    }
}

#[test]
fn issues_with_context() {
    let known = Known(vec!["lint", "test"]);
    let pipeline = Pipeline {
        stages: vec!["lint".into(), "deploy".into(), "test".into()],
    };
    assert!(!pipeline.is_valid_with(&known));
    let report = pipeline.validate_with(&known).unwrap_err();
    assert_eq!(report.len(), 1);
    crate::support::check(
        &report.violations()[0],
        "stages[1]",
        "custom",
        None,
        "no stage named \"deploy\"",
    );
    let fine = Pipeline {
        stages: vec!["test".into()],
    };
    assert!(fine.validate_with(&known).is_ok());
    assert!(fine.is_valid_with(&known));
}

/// A check of the whole struct is a row of the docs at the struct's key,
/// and the schema leaves it out (it is code).
#[test]
fn as_data() {
    #[derive(Validate, Default)]
    struct Top {
        #[nested]
        window: Window,
    }
    assert_eq!(
        lowbit_core::docs::markdown::<Workflow>(),
        "| key | rule | applies | message |\n\
         |---|---|---|---|\n\
         | (root) | `custom` | checked by `needs_are_jobs` |  |\n"
    );
    assert_eq!(
        lowbit_core::docs::markdown::<Top>(),
        "| key | rule | applies | message |\n\
         |---|---|---|---|\n\
         | `window` | `custom` | checked by `window_fits` |  |\n\
         | `window` | `custom` | checked by `checks::ordered` | window: min must not exceed max |\n"
    );
    let schema = lowbit_core::schema::json_schema::<Window>();
    assert_eq!(
        schema["$defs"]["Window.rules"],
        serde_json::json!({"allOf": [
            {"allOf": [true], "description": ""},
            {"allOf": [true], "description": ": min must not exceed max"},
        ]})
    );
}
