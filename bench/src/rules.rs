//! The rules of issue 14, one small config each, beside the check a user
//! would write by hand instead. The configs live here, in a library, and
//! are called from the `rules` bench binary: the shape a user has, the
//! config in one crate and its caller in another.
//!
//! Each config holds one field under one rule and a value that passes it;
//! [`Rule::by_hand`] is the hand-written test of the same value, `#[inline]`
//! as lowbit's generated checks are, so that the crate boundary does not
//! decide the comparison. The crate's tests hold both to `true`.

use std::collections::HashSet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::LazyLock;
use std::time::Duration;

use lowbit_core::Validate;
use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

/// One rule's config: a valid value of it, and the hand-written check.
pub trait Rule: Validate {
    /// The rule as the table names it.
    const NAME: &'static str;
    /// The hand-written check, in a word, for the table.
    const HAND: &'static str;
    /// A config that passes the rule.
    fn valid() -> Self;
    /// A config that breaks it, which the hand check rejects too.
    fn broken() -> Self;
    /// What a user would write instead of the rule: whether the value
    /// passes.
    fn by_hand(&self) -> bool;
}

/// Something done with each rule's config type, in table order.
pub trait Visit {
    /// Called once per rule.
    fn rule<R: Rule>(&mut self);
}

/// Visits every rule's config type, in table order.
pub fn each(visit: &mut impl Visit) {
    visit.rule::<Prefix>();
    visit.rule::<Suffix>();
    visit.rule::<Contains>();
    visit.rule::<DoesNotContain>();
    visit.rule::<Ascii>();
    visit.rule::<Alphanumeric>();
    visit.rule::<Ip>();
    visit.rule::<Ipv4>();
    visit.rule::<Ipv6>();
    visit.rule::<Unique>();
    visit.rule::<Required>();
    visit.rule::<MultipleOf>();
    visit.rule::<ExclusiveRange>();
    visit.rule::<Pattern>();
    visit.rule::<Url>();
    visit.rule::<Email>();
    visit.rule::<DurationRange>();
    visit.rule::<LengthBytes>();
    visit.rule::<LengthGraphemes>();
    visit.rule::<LengthUtf16>();
}

/// `#[prefix("/")]`.
#[derive(Validate)]
pub struct Prefix {
    #[prefix("/")]
    dir: String,
}

impl Rule for Prefix {
    const NAME: &'static str = "prefix";
    const HAND: &'static str = "starts_with";
    fn valid() -> Self {
        Prefix {
            dir: "/srv/checkpoints".into(),
        }
    }
    fn broken() -> Self {
        Prefix {
            dir: "srv/checkpoints".into(),
        }
    }
    #[inline]
    fn by_hand(&self) -> bool {
        self.dir.starts_with('/')
    }
}

/// `#[suffix(".sock")]`.
#[derive(Validate)]
pub struct Suffix {
    #[suffix(".sock")]
    socket: String,
}

impl Rule for Suffix {
    const NAME: &'static str = "suffix";
    const HAND: &'static str = "ends_with";
    fn valid() -> Self {
        Suffix {
            socket: "/run/lowbit/worker.sock".into(),
        }
    }
    fn broken() -> Self {
        Suffix {
            socket: "/run/lowbit/worker.sock.old".into(),
        }
    }
    #[inline]
    fn by_hand(&self) -> bool {
        self.socket.ends_with(".sock")
    }
}

/// `#[contains("{id}")]`.
#[derive(Validate)]
pub struct Contains {
    #[contains("{id}")]
    shard: String,
}

impl Rule for Contains {
    const NAME: &'static str = "contains";
    const HAND: &'static str = "contains";
    fn valid() -> Self {
        Contains {
            shard: "checkpoints/shard-{id}.safetensors".into(),
        }
    }
    fn broken() -> Self {
        Contains {
            shard: "checkpoints/shard-id.safetensors".into(),
        }
    }
    #[inline]
    fn by_hand(&self) -> bool {
        self.shard.contains("{id}")
    }
}

/// `#[does_not_contain("..")]`.
#[derive(Validate)]
pub struct DoesNotContain {
    #[does_not_contain("..")]
    data: String,
}

impl Rule for DoesNotContain {
    const NAME: &'static str = "does_not_contain";
    const HAND: &'static str = "!contains";
    fn valid() -> Self {
        DoesNotContain {
            data: "datasets/train/part-0001.jsonl".into(),
        }
    }
    fn broken() -> Self {
        DoesNotContain {
            data: "datasets/../secrets".into(),
        }
    }
    #[inline]
    fn by_hand(&self) -> bool {
        !self.data.contains("..")
    }
}

/// `#[ascii]`.
#[derive(Validate)]
pub struct Ascii {
    #[ascii]
    run_name: String,
}

impl Rule for Ascii {
    const NAME: &'static str = "ascii";
    const HAND: &'static str = "is_ascii";
    fn valid() -> Self {
        Ascii {
            run_name: "bitnet-b1.58_rho-fp32".into(),
        }
    }
    fn broken() -> Self {
        Ascii {
            run_name: "bitnet-b1.58_ρ-fp32".into(),
        }
    }
    #[inline]
    fn by_hand(&self) -> bool {
        self.run_name.is_ascii()
    }
}

/// `#[alphanumeric]`.
#[derive(Validate)]
pub struct Alphanumeric {
    #[alphanumeric]
    tag: String,
}

impl Rule for Alphanumeric {
    const NAME: &'static str = "alphanumeric";
    const HAND: &'static str = "chars().all(is_alphanumeric)";
    fn valid() -> Self {
        Alphanumeric {
            tag: "run2024q3".into(),
        }
    }
    fn broken() -> Self {
        Alphanumeric {
            tag: "run-2024-q3".into(),
        }
    }
    #[inline]
    fn by_hand(&self) -> bool {
        self.tag.chars().all(char::is_alphanumeric)
    }
}

/// `#[ip]`.
#[derive(Validate)]
pub struct Ip {
    #[ip]
    bind: String,
}

impl Rule for Ip {
    const NAME: &'static str = "ip";
    const HAND: &'static str = "parse::<IpAddr>";
    fn valid() -> Self {
        Ip {
            bind: "192.168.10.24".into(),
        }
    }
    fn broken() -> Self {
        Ip {
            bind: "localhost".into(),
        }
    }
    #[inline]
    fn by_hand(&self) -> bool {
        self.bind.parse::<IpAddr>().is_ok()
    }
}

/// `#[ipv4]`.
#[derive(Validate)]
pub struct Ipv4 {
    #[ipv4]
    bind: String,
}

impl Rule for Ipv4 {
    const NAME: &'static str = "ipv4";
    const HAND: &'static str = "parse::<Ipv4Addr>";
    fn valid() -> Self {
        Ipv4 {
            bind: "192.168.10.24".into(),
        }
    }
    fn broken() -> Self {
        Ipv4 {
            bind: "2001:db8::1".into(),
        }
    }
    #[inline]
    fn by_hand(&self) -> bool {
        self.bind.parse::<Ipv4Addr>().is_ok()
    }
}

/// `#[ipv6]`.
#[derive(Validate)]
pub struct Ipv6 {
    #[ipv6]
    bind: String,
}

impl Rule for Ipv6 {
    const NAME: &'static str = "ipv6";
    const HAND: &'static str = "parse::<Ipv6Addr>";
    fn valid() -> Self {
        Ipv6 {
            bind: "2001:db8:85a3::8a2e:370:7334".into(),
        }
    }
    fn broken() -> Self {
        Ipv6 {
            bind: "192.168.10.24".into(),
        }
    }
    #[inline]
    fn by_hand(&self) -> bool {
        self.bind.parse::<Ipv6Addr>().is_ok()
    }
}

/// `#[unique]`.
#[derive(Validate)]
pub struct Unique {
    #[unique]
    target_modules: Vec<String>,
}

impl Rule for Unique {
    const NAME: &'static str = "unique";
    const HAND: &'static str = "HashSet::insert";
    fn valid() -> Self {
        Unique {
            target_modules: [
                "q_proj",
                "k_proj",
                "v_proj",
                "o_proj",
                "gate_proj",
                "up_proj",
            ]
            .map(String::from)
            .into(),
        }
    }
    fn broken() -> Self {
        Unique {
            target_modules: ["q_proj", "k_proj", "q_proj"].map(String::from).into(),
        }
    }
    /// What users write, and what serde_valid's `unique_items` does: a set
    /// of the items seen.
    #[inline]
    fn by_hand(&self) -> bool {
        let mut seen = HashSet::with_capacity(self.target_modules.len());
        self.target_modules.iter().all(|item| seen.insert(item))
    }
}

/// `#[required]`.
#[derive(Validate)]
pub struct Required {
    #[required]
    tokenizer: Option<String>,
}

impl Rule for Required {
    const NAME: &'static str = "required";
    const HAND: &'static str = "is_some";
    fn valid() -> Self {
        Required {
            tokenizer: Some("tokenizer.json".into()),
        }
    }
    fn broken() -> Self {
        Required { tokenizer: None }
    }
    #[inline]
    fn by_hand(&self) -> bool {
        self.tokenizer.is_some()
    }
}

/// `#[multiple_of(8)]`.
#[derive(Validate)]
pub struct MultipleOf {
    #[multiple_of(8)]
    hidden_size: u32,
}

impl Rule for MultipleOf {
    const NAME: &'static str = "multiple_of";
    const HAND: &'static str = "is_multiple_of(8)";
    fn valid() -> Self {
        MultipleOf { hidden_size: 2048 }
    }
    fn broken() -> Self {
        MultipleOf { hidden_size: 2050 }
    }
    #[inline]
    fn by_hand(&self) -> bool {
        self.hidden_size.is_multiple_of(8)
    }
}

/// `#[range(exclusive_min = 0.0, exclusive_max = 1.0)]`.
#[derive(Validate)]
pub struct ExclusiveRange {
    #[range(exclusive_min = 0.0, exclusive_max = 1.0)]
    dropout: f64,
}

impl Rule for ExclusiveRange {
    const NAME: &'static str = "range(exclusive_min, exclusive_max)";
    const HAND: &'static str = "0.0 < x && x < 1.0";
    fn valid() -> Self {
        ExclusiveRange { dropout: 0.1 }
    }
    fn broken() -> Self {
        ExclusiveRange { dropout: 1.0 }
    }
    #[inline]
    fn by_hand(&self) -> bool {
        0.0 < self.dropout && self.dropout < 1.0
    }
}

/// `#[pattern("^[a-z][a-z0-9_]*$")]`.
#[derive(Validate)]
pub struct Pattern {
    #[pattern("^[a-z][a-z0-9_]*$")]
    name: String,
}

/// The hand-written side's expression, compiled on first use, as lowbit
/// compiles its own.
static IDENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("^[a-z][a-z0-9_]*$").expect("a valid expression"));

impl Rule for Pattern {
    const NAME: &'static str = "pattern";
    const HAND: &'static str = "Regex in a LazyLock";
    fn valid() -> Self {
        Pattern {
            name: "rho_state_2".into(),
        }
    }
    fn broken() -> Self {
        Pattern {
            name: "2rho".into(),
        }
    }
    #[inline]
    fn by_hand(&self) -> bool {
        IDENT.is_match(&self.name)
    }
}

/// `#[url]`.
#[derive(Validate)]
pub struct Url {
    #[url]
    endpoint: String,
}

impl Rule for Url {
    const NAME: &'static str = "url";
    const HAND: &'static str = "Url::parse";
    fn valid() -> Self {
        Url {
            endpoint: "https://metrics.example.com:8443/v1/push?job=train".into(),
        }
    }
    fn broken() -> Self {
        Url {
            endpoint: "metrics.example.com/v1/push".into(),
        }
    }
    #[inline]
    fn by_hand(&self) -> bool {
        url::Url::parse(&self.endpoint).is_ok()
    }
}

/// `#[email]`.
#[derive(Validate)]
pub struct Email {
    #[email]
    contact: String,
}

impl Rule for Email {
    const NAME: &'static str = "email";
    const HAND: &'static str = "split_once('@'), a dot after";
    fn valid() -> Self {
        Email {
            contact: "ml-ops.alerts@research.example.org".into(),
        }
    }
    fn broken() -> Self {
        Email {
            contact: "ml-ops.alerts".into(),
        }
    }
    /// The check users write when they write one: something before an `@`
    /// and a dot in what follows. It tests far less than lowbit's (which
    /// checks every character of both parts, and their lengths).
    #[inline]
    fn by_hand(&self) -> bool {
        self.contact
            .split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
    }
}

/// `#[range(min = "1s", max = "1h")]` on a `Duration`.
#[derive(Validate)]
pub struct DurationRange {
    #[range(min = "1s", max = "1h")]
    timeout: Duration,
}

impl Rule for DurationRange {
    const NAME: &'static str = "range on Duration";
    const HAND: &'static str = "RangeInclusive::contains";
    fn valid() -> Self {
        DurationRange {
            timeout: Duration::from_secs(90),
        }
    }
    fn broken() -> Self {
        DurationRange {
            timeout: Duration::from_millis(500),
        }
    }
    #[inline]
    fn by_hand(&self) -> bool {
        (Duration::from_secs(1)..=Duration::from_secs(3600)).contains(&self.timeout)
    }
}

/// `#[length(min = 1, max = 64, unit = "bytes")]`.
#[derive(Validate)]
pub struct LengthBytes {
    #[length(min = 1, max = 64, unit = "bytes")]
    label: String,
}

impl Rule for LengthBytes {
    const NAME: &'static str = "length(unit = \"bytes\")";
    const HAND: &'static str = "len()";
    fn valid() -> Self {
        LengthBytes {
            label: "Überwachung der Läufe".into(),
        }
    }
    fn broken() -> Self {
        LengthBytes {
            label: String::new(),
        }
    }
    #[inline]
    fn by_hand(&self) -> bool {
        (1..=64).contains(&self.label.len())
    }
}

/// `#[length(min = 1, max = 64, unit = "graphemes")]`.
#[derive(Validate)]
pub struct LengthGraphemes {
    #[length(min = 1, max = 64, unit = "graphemes")]
    label: String,
}

impl Rule for LengthGraphemes {
    const NAME: &'static str = "length(unit = \"graphemes\")";
    const HAND: &'static str = "graphemes(true).count()";
    fn valid() -> Self {
        LengthGraphemes {
            label: "Überwachung der Läufe".into(),
        }
    }
    fn broken() -> Self {
        LengthGraphemes {
            label: "e\u{301}".repeat(65),
        }
    }
    #[inline]
    fn by_hand(&self) -> bool {
        (1..=64).contains(&self.label.graphemes(true).count())
    }
}

/// `#[length(min = 1, max = 64, unit = "utf16")]`.
#[derive(Validate)]
pub struct LengthUtf16 {
    #[length(min = 1, max = 64, unit = "utf16")]
    label: String,
}

impl Rule for LengthUtf16 {
    const NAME: &'static str = "length(unit = \"utf16\")";
    const HAND: &'static str = "encode_utf16().count()";
    fn valid() -> Self {
        LengthUtf16 {
            label: "Überwachung der Läufe".into(),
        }
    }
    fn broken() -> Self {
        LengthUtf16 {
            label: "𝄞".repeat(33),
        }
    }
    #[inline]
    fn by_hand(&self) -> bool {
        (1..=64).contains(&self.label.encode_utf16().count())
    }
}

#[cfg(test)]
mod tests {
    use super::{Rule, Visit, each};

    /// Each valid config passes its rule, and its hand-written check says
    /// so too; each broken one fails both: the benchmark compares two ways
    /// of reaching the same verdict.
    struct BothPass(Vec<&'static str>);

    impl Visit for BothPass {
        fn rule<R: Rule>(&mut self) {
            let config = R::valid();
            assert!(config.validate().is_ok(), "{}: validate() fails", R::NAME);
            assert!(config.is_valid(), "{}: is_valid() is false", R::NAME);
            assert!(config.by_hand(), "{}: the hand check fails", R::NAME);
            // A hand check that passed everything would pass the above.
            let broken = R::broken();
            assert!(broken.validate().is_err(), "{}: broken passes", R::NAME);
            assert!(
                !broken.by_hand(),
                "{}: the hand check passes broken",
                R::NAME
            );
            self.0.push(R::NAME);
        }
    }

    #[test]
    fn both_ways_agree_on_every_config() {
        let mut both = BothPass(Vec::new());
        each(&mut both);
        assert_eq!(both.0.len(), 20, "one config per rule: {:?}", both.0);
        let mut names = both.0.clone();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), both.0.len(), "names are distinct");
    }
}
