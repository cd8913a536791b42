// Not a module. The one table of did-you-mean answers that every
// implementation of the rule is held to: `lowbit_core::suggest` (run time and
// the compile-time variant lookup) and `lowbit-derive`'s `suggest` (names in
// attributes) both `include!` it in their tests. The rule itself is written
// down on `lowbit_core::suggest`.
//
// Each case: the name as typed, the names it may have meant (in declaration
// order), the suggestion or `None`.

const CASES: &[(&str, &[&str], Option<&str>)] = &[
    // Edits: at most a third of the typed name's characters, one at least.
    ("enabel", &["enable", "protocol", "target_modules"], Some("enable")),
    ("target_module", &["enable", "protocol", "target_modules"], Some("target_modules")),
    ("zzz", &["enable", "protocol", "target_modules"], None),
    ("chnk", &["step", "chunk", "eval_only"], Some("chunk")),
    ("chunck", &["step", "chunk", "eval_only"], Some("chunk")),
    ("evalonly", &["step", "chunk", "eval_only"], Some("eval_only")),
    ("banana", &["step", "chunk", "eval_only"], None),
    ("colour", &["enable", "protocol"], None),
    ("act-format", &["enable", "protocol", "act_format", "act_grouping"], Some("act_format")),
    ("atx", &["at"], Some("at")),
    ("a", &["at", "max"], Some("at")),
    // A swap of two neighbours is one edit.
    ("vaule", &["path", "value"], Some("value")),
    ("chnuk", &["step", "chunk", "eval_only"], Some("chunk")),
    // ASCII case is no difference at all.
    ("ENABLE", &["enable"], Some("enable")),
    ("Protocol", &["enable", "protocol"], Some("protocol")),
    // Characters, not bytes: `é` is one edit from `e`.
    ("cafe", &["café"], Some("café")),
    ("café", &["cafe"], Some("cafe")),
    // A one-character name is never replaced wholesale.
    ("a", &["b"], None),
    ("x", &["y", "xy"], Some("xy")),
    // Two equally close names: neither is a better guess than the list of
    // names the message shows beside it.
    ("mode", &["node", "code"], None),
    ("mode", &["node", "mode_x", "code"], Some("mode_x")),
    // Failing edits, the one name the typed one begins or that begins it,
    // three characters at least.
    ("minimum", &["message", "at", "ungated", "min", "max"], Some("min")),
    ("maximum", &["message", "at", "ungated", "min", "max"], Some("max")),
    ("eval", &["step", "eval_only"], Some("eval_only")),
    ("eval", &["step", "chunk", "eval_only"], Some("eval_only")),
    ("steps_per_chunk", &["step", "chunk", "eval_only"], Some("step")),
    ("ternary", &["sign1", "ternary158"], Some("ternary158")),
    ("ACT", &["act_format", "enable"], Some("act_format")),
    ("act", &["act_format", "enable"], Some("act_format")),
    ("ev", &["step", "chunk", "eval_only"], None),
    ("ungatedness", &["at"], None),
    // A beginning shared by two names says neither.
    ("act", &["act_format", "act_grouping"], None),
    ("int", &["int4", "int8", "fp16"], None),
    // Ties in edits fall back to beginnings.
    ("bit", &["bat", "bits"], Some("bits")),
    // The same name twice is no tie.
    ("enabel", &["enable", "enable"], Some("enable")),
    // Nothing to choose from.
    ("x", &[], None),
    // Names over 64 characters are not measured by edits (this one is one
    // edit from the name, and 65 long); beginnings still count.
    (
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
        &["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"],
        None,
    ),
    (
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
        &["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"],
        Some("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
    ),
    (
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        &["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"],
        Some("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
    ),
];
