//! Every way of checking holds the same configs to the same verdicts and the
//! same messages, so that the benchmarks time equal work.

use lowbit_core::Validate as _;

use crate::{cases, hand, with_garde, with_validator};

/// The messages of every violation, in a stable order.
fn sorted(mut messages: Vec<String>) -> Vec<String> {
    messages.sort();
    messages
}

fn lowbit_messages(report: &lowbit_core::Report) -> Vec<String> {
    sorted(report.iter().map(ToString::to_string).collect())
}

fn garde_messages(report: &garde::Report) -> Vec<String> {
    sorted(
        report
            .iter()
            .map(|(_, e)| e.message().to_string())
            .collect(),
    )
}

fn validator_messages(errors: &validator::ValidationErrors) -> Vec<String> {
    fn walk(errors: &validator::ValidationErrors, out: &mut Vec<String>) {
        for kind in errors.errors().values() {
            match kind {
                validator::ValidationErrorsKind::Field(list) => out.extend(
                    list.iter()
                        .map(|e| e.message.as_deref().unwrap_or_default().to_owned()),
                ),
                validator::ValidationErrorsKind::Struct(inner) => walk(inner, out),
                validator::ValidationErrorsKind::List(items) => {
                    items.values().for_each(|inner| walk(inner, out));
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(errors, &mut out);
    sorted(out)
}

fn hand_messages(violations: &[hand::all::Violation]) -> Vec<String> {
    sorted(violations.iter().map(|v| v.message.to_owned()).collect())
}

#[test]
fn valid_cases_pass_every_check() {
    let quant = cases::quant_valid();
    let rho = cases::rho_valid();
    let model = cases::model_valid();
    assert!(quant.validate().is_ok() && rho.validate().is_ok() && model.validate().is_ok());
    assert!(hand::first::model(&model).is_ok());
    assert!(hand::all::model(&model).is_ok());
    assert!(garde::Validate::validate(&with_garde::Model::from(&model)).is_ok());
    assert!(validator::Validate::validate(&with_validator::Model::from(&model)).is_ok());
}

#[test]
fn broken_cases_report_the_same_violations_everywhere() {
    for (model, count) in [
        (cases::model_invalid(), 9),
        (cases::model_one_violation(), 1),
    ] {
        let lowbit = lowbit_messages(&model.validate().unwrap_err());
        assert_eq!(lowbit.len(), count);
        assert_eq!(
            hand_messages(&hand::all::model(&model).unwrap_err()),
            lowbit
        );
        let garde_report = garde::Validate::validate(&with_garde::Model::from(&model)).unwrap_err();
        assert_eq!(garde_messages(&garde_report), lowbit);
        let validator_errors =
            validator::Validate::validate(&with_validator::Model::from(&model)).unwrap_err();
        assert_eq!(validator_messages(&validator_errors), lowbit);
        // The seed's style says only the first, which is one of them.
        let first = hand::first::model(&model).unwrap_err().to_string();
        assert!(lowbit.contains(&first), "{first}");
    }
}

#[test]
fn hand_written_paths_match_lowbit() {
    let model = cases::model_invalid();
    let mut lowbit: Vec<String> = model
        .validate()
        .unwrap_err()
        .iter()
        .map(|v| v.path().to_string())
        .collect();
    let mut hand: Vec<String> = hand::all::model(&model)
        .unwrap_err()
        .into_iter()
        .map(|v| v.path)
        .collect();
    lowbit.sort();
    hand.sort();
    assert_eq!(hand, lowbit);
}

#[test]
fn the_tables_alone_break_as_counted() {
    assert_eq!(cases::quant_invalid().validate().unwrap_err().len(), 6);
    assert_eq!(cases::rho_invalid().validate().unwrap_err().len(), 3);
    assert_eq!(
        hand::all::quant(&cases::quant_invalid()).unwrap_err().len(),
        6
    );
    assert_eq!(hand::all::rho(&cases::rho_invalid()).unwrap_err().len(), 3);
}

#[test]
fn every_way_gives_each_benchmarked_case_its_verdict() {
    use crate::ways::{Subject, Visit, WAYS, each_case};

    struct Verdicts(usize);
    impl Visit for Verdicts {
        fn case<S: Subject>(&mut self, name: &'static str, subject: &S) {
            let valid = name.starts_with("valid/");
            for way in WAYS {
                assert_eq!(S::by_name(way)(subject), valid, "{way} on {name}");
            }
            self.0 += 1;
        }
    }
    let mut seen = Verdicts(0);
    each_case(&mut seen);
    assert_eq!(seen.0, 7);
}
