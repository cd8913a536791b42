use super::*;

#[derive(Validate, Default)]
struct Rho {
    #[one_of("fp32", "bf16")]
    #[conflicts_with(compression = "fp8_block_exp", when = "fp8_exp")]
    precision: Precision,
    #[none_of("fp8_block_exp")]
    #[only_if(interval = "chunk")]
    compression: Compression,
    interval: Interval,
    #[range(min = 1)]
    window: u32,
}

fn broken() -> Rho {
    Rho {
        precision: Precision::Fp8Exp,
        compression: Compression::Fp8BlockExp,
        interval: Interval::Step,
        window: 0,
    }
}

const BROKEN: &str = "precision must be one of \"fp32\", \"bf16\", not \"fp8_exp\"\n\
                      precision = \"fp8_exp\" conflicts with compression = \"fp8_block_exp\"\n\
                      compression must not be \"fp8_block_exp\"\n\
                      compression may be set only when interval = \"chunk\"\n\
                      window must be at least 1, not 0";

#[test]
fn every_violated_rule_is_reported_in_field_then_rule_order() {
    let report = broken().validate().unwrap_err();
    assert_eq!(report.len(), 5);
    let codes: Vec<&str> = report.iter().map(Violation::code).collect();
    assert_eq!(
        codes,
        ["one_of", "conflicts_with", "none_of", "only_if", "range"]
    );
    let paths: Vec<String> = report.iter().map(|v| v.path().to_string()).collect();
    assert_eq!(
        paths,
        [
            "precision",
            "precision",
            "compression",
            "compression",
            "window"
        ]
    );
}

#[test]
fn display_joins_messages_with_newlines() {
    assert_eq!(broken().validate().unwrap_err().to_string(), BROKEN);
}

#[test]
fn for_loop_over_a_borrowed_report() {
    let report: Report = broken().validate().unwrap_err();
    let mut lines = Vec::new();
    for violation in &report {
        lines.push(violation.to_string());
    }
    assert_eq!(lines.join("\n"), BROKEN);
    assert_eq!(report.violations().len(), lines.len());
}

#[test]
fn owned_report_iterates_its_violations() {
    let values: Vec<Option<String>> = broken()
        .validate()
        .unwrap_err()
        .into_iter()
        .map(|v| v.value().map(ToString::to_string))
        .collect();
    assert_eq!(
        values,
        [
            Some("\"fp8_exp\"".to_owned()),
            Some("\"fp8_exp\"".to_owned()),
            Some("\"fp8_block_exp\"".to_owned()),
            Some("\"fp8_block_exp\"".to_owned()),
            Some("0".to_owned()),
        ]
    );
}

#[test]
fn valid_config_gives_ok() {
    assert_eq!(
        Rho {
            window: 1,
            ..Rho::default()
        }
        .validate(),
        Ok(())
    );
}

fn load(config: &Rho) -> Result<u32, Box<dyn std::error::Error>> {
    config.validate()?;
    Ok(config.window)
}

#[test]
fn question_mark_into_box_dyn_error() {
    assert_eq!(
        load(&Rho {
            window: 3,
            ..Rho::default()
        })
        .unwrap(),
        3
    );
    let error = load(&broken()).unwrap_err();
    assert_eq!(error.to_string(), BROKEN);
    let report = error.downcast::<Report>().expect("a Report");
    assert_eq!(report.len(), 5);
}
