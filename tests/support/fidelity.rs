//! Config types shaped as real configs shape them with serde's attributes
//! (issue 13), shared by the loader tests of every format: a Prometheus
//! scrape config that flattens its HTTP client config into itself, a
//! Kubernetes probe that flattens its handler, a Compose build that is a
//! string or a table.

#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};

use lowbit_core::Validate;
use serde::Deserialize;

/// Prometheus's TLS settings, a table inside the HTTP client config.
#[derive(Deserialize, Validate, Debug, Default)]
#[serde(default)]
pub struct Tls {
    pub insecure_skip_verify: bool,
    pub ca_file: Option<String>,
}

/// Prometheus's HTTP client config: its keys sit in each scrape config.
#[derive(Deserialize, Validate, Debug, Default)]
#[serde(default)]
pub struct HttpClient {
    pub follow_redirects: bool,
    #[range(max = 60)]
    pub timeout: u32,
    pub proxy_url: Option<String>,
    #[nested]
    pub tls_config: Tls,
}

/// One scrape config: its own keys and the HTTP client's, in one table.
#[derive(Deserialize, Validate, Debug)]
pub struct Scrape {
    pub job_name: String,
    #[serde(default = "http")]
    #[one_of("http", "https")]
    pub scheme: String,
    #[serde(flatten)]
    #[nested]
    pub http: HttpClient,
}

fn http() -> String {
    "http".to_owned()
}

/// Prometheus's root: a list of scrape configs.
#[derive(Deserialize, Validate, Debug)]
pub struct Prometheus {
    #[nested]
    pub scrape_configs: Vec<Scrape>,
}

/// A Kubernetes probe's handler, whose keys sit in the probe.
#[derive(Deserialize, Validate, Debug, Default)]
#[serde(default)]
pub struct Handler {
    pub path: Option<String>,
    #[range(min = 1, max = 65535)]
    pub port: u32,
}

/// A Kubernetes probe: its timing and its handler's keys in one table.
#[derive(Deserialize, Validate, Debug)]
pub struct Probe {
    #[serde(flatten)]
    #[nested]
    pub handler: Handler,
    #[serde(default)]
    #[range(min = 1)]
    pub period_seconds: u32,
}

/// A container with its liveness probe.
#[derive(Deserialize, Validate, Debug)]
pub struct Container {
    pub name: String,
    #[nested]
    pub liveness_probe: Probe,
}

/// A struct with a flattened catch-all: every key it does not know is kept,
/// none is unknown.
#[derive(Deserialize, Validate, Debug)]
pub struct Open {
    pub name: String,
    #[serde(flatten)]
    pub extra: std::collections::BTreeMap<String, serde_json::Value>,
}

/// A GitHub Actions trigger, internally tagged: serde buffers every key
/// but the tag and reads the variant from that buffer.
#[derive(Deserialize, Validate, Debug)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Trigger {
    Push {
        branches: Option<Vec<String>>,
        tags: Option<Vec<String>>,
    },
    Schedule {
        cron: String,
    },
}

/// A workflow with its triggers.
#[derive(Deserialize, Validate, Debug)]
pub struct Workflow {
    pub name: String,
    pub on: Vec<Trigger>,
}

/// A width, kept in maps keyed by integers inside what serde buffers.
#[derive(Deserialize, Validate, Debug, PartialEq)]
pub struct Width {
    #[range(max = 8)]
    pub bits: u8,
}

/// An internally tagged enum holding maps with integer keys.
#[derive(Deserialize, Validate, Debug, PartialEq)]
#[serde(tag = "kind")]
pub enum Layers {
    Sparse {
        #[nested]
        widths: BTreeMap<u32, Width>,
        #[nested]
        offsets: HashMap<i64, Width>,
    },
}

/// An untagged enum holding one.
#[derive(Deserialize, Validate, Debug, PartialEq)]
#[serde(untagged)]
pub enum Spec {
    Keyed {
        #[nested]
        by_layer: BTreeMap<u32, Width>,
    },
    Named(String),
}

/// A flattened struct holding one.
#[derive(Deserialize, Validate, Debug, PartialEq)]
pub struct Inner {
    #[nested]
    pub by_layer: BTreeMap<u32, Width>,
}

/// Integer map keys in each of the three places serde buffers: an
/// internally tagged enum, an untagged one and a flattened struct.
#[derive(Deserialize, Validate, Debug, PartialEq)]
pub struct Net {
    #[nested]
    pub layers: Layers,
    #[nested]
    pub spec: Spec,
    #[serde(flatten)]
    #[nested]
    pub inner: Inner,
}

/// Issue 13, item 6, where serde buffers: a struct's own required field
/// beside a struct flattened into it.
#[derive(Deserialize, Validate, Debug)]
pub struct Scaled {
    pub scale: i64,
    #[serde(flatten)]
    #[nested]
    pub inner: Counted,
}

/// What `Scaled` flattens.
#[derive(Deserialize, Validate, Debug)]
pub struct Counted {
    pub count: i64,
    pub period: u32,
}

/// The same with an internally tagged enum flattened in its place.
#[derive(Deserialize, Validate, Debug)]
pub struct TaggedScale {
    pub scale: i64,
    #[serde(flatten)]
    #[nested]
    pub tick: Tick,
}

/// What `TaggedScale` flattens.
#[derive(Deserialize, Validate, Debug)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Tick {
    Every { count: i64, period: u32 },
}
