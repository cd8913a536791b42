//! `range` on a `std::time::Duration`: bounds written as duration literals
//! (`"250ms"`, `"1h30m"`), inclusive or strict, on an `Option`, inside
//! `items(..)`, and the offending value shown as such a literal.

use std::time::Duration;

use super::*;
use crate::support::{pass, reject, table};

#[derive(Validate)]
struct Timeouts {
    #[range(min = "1s", max = "1h")]
    request: Duration,
    #[range(exclusive_min = "0s", exclusive_max = "1d")]
    idle: Option<Duration>,
    #[range(max = "1h30m", message = "{path} is too long: {value}")]
    drain: std::time::Duration,
    #[items(range(min = "250ms"))]
    backoff: Vec<Duration>,
    #[range(min = "1s", warn)]
    poll: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            request: Duration::from_secs(30),
            idle: None,
            drain: Duration::from_secs(60),
            backoff: vec![Duration::from_millis(250), Duration::from_secs(2)],
            poll: Duration::from_secs(5),
        }
    }
}

fn secs(secs: u64) -> Duration {
    Duration::from_secs(secs)
}

/// Each bound holds its own value and refuses the nanosecond beyond it; a
/// strict bound refuses its own value; `None` passes; an item is reported
/// at its index.
#[test]
fn accepts_and_rejects() {
    let request = |request| Timeouts {
        request,
        ..Timeouts::default()
    };
    let idle = |idle| Timeouts {
        idle,
        ..Timeouts::default()
    };
    table(&[
        ("defaults", &[pass(&Timeouts::default())]),
        (
            "inclusive",
            &[
                pass(&request(secs(1))),
                pass(&request(secs(3600))),
                reject(
                    &request(secs(3600) + Duration::from_nanos(1)),
                    "request",
                    "range",
                    Some("1h1ns"),
                    "request must be between 1s and 1h, not 1h1ns",
                ),
                reject(
                    &request(Duration::from_millis(999)),
                    "request",
                    "range",
                    Some("999ms"),
                    "request must be between 1s and 1h, not 999ms",
                ),
                reject(
                    &request(Duration::ZERO),
                    "request",
                    "range",
                    Some("0s"),
                    "request must be between 1s and 1h, not 0s",
                ),
            ],
        ),
        (
            "strict_and_option",
            &[
                pass(&idle(None)),
                pass(&idle(Some(Duration::from_nanos(1)))),
                pass(&idle(Some(secs(86_399)))),
                reject(
                    &idle(Some(Duration::ZERO)),
                    "idle",
                    "range",
                    Some("0s"),
                    "idle must be greater than 0s and less than 1d, not 0s",
                ),
                reject(
                    &idle(Some(secs(86_400))),
                    "idle",
                    "range",
                    Some("1d"),
                    "idle must be greater than 0s and less than 1d, not 1d",
                ),
            ],
        ),
        (
            "compound_and_message",
            &[
                pass(&Timeouts {
                    drain: secs(5400),
                    ..Timeouts::default()
                }),
                reject(
                    &Timeouts {
                        drain: secs(5401) + Duration::from_micros(2500),
                        ..Timeouts::default()
                    },
                    "drain",
                    "range",
                    Some("1h30m1s2ms500us"),
                    "drain is too long: 1h30m1s2ms500us",
                ),
            ],
        ),
        (
            "items",
            &[
                pass(&Timeouts {
                    backoff: Vec::new(),
                    ..Timeouts::default()
                }),
                reject(
                    &Timeouts {
                        backoff: vec![secs(1), Duration::from_millis(100)],
                        ..Timeouts::default()
                    },
                    "backoff[1]",
                    "range",
                    Some("100ms"),
                    "backoff[1] must be at least 250ms, not 100ms",
                ),
            ],
        ),
    ]);
}

/// `warn` on a duration is a warning: the config stays valid.
#[test]
fn a_warning_leaves_it_valid() {
    let config = Timeouts {
        poll: Duration::from_millis(500),
        ..Timeouts::default()
    };
    assert!(config.is_valid());
    let report = config.report();
    let warning = report.into_iter().next().expect("one warning");
    assert!(warning.is_warning());
    assert_eq!(warning.to_string(), "poll should be at least 1s, not 500ms");
}

/// A duration shows each unit it has, largest first, and days past a
/// day's worth of hours.
#[test]
fn durations_display_as_they_are_written() {
    let shown = |duration| lowbit_core::Value::Duration(duration).to_string();
    assert_eq!(shown(secs(90)), "1m30s");
    assert_eq!(shown(secs(3 * 86_400 + 7200)), "3d2h");
    assert_eq!(shown(Duration::from_millis(1500)), "1s500ms");
    assert_eq!(shown(Duration::new(0, 1_001)), "1us1ns");
    assert_eq!(shown(Duration::ZERO), "0s");
}
