//! The expansion never panics: it is fed thousands of inputs, generated
//! from the grammar of rules and mutated token by token, and must return
//! tokens that parse as Rust items (impls, or `compile_error!` invocations
//! followed by a stub impl) for every one.

use std::panic::{AssertUnwindSafe, catch_unwind};

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::quote;

use crate::expand;

fn seeds() -> Vec<TokenStream> {
    vec![
        quote! {
            #[validate(gate = enable)]
            struct Quant {
                enable: bool,
                #[none_of("none", message = "{path} is {value}")]
                protocol: Protocol,
                #[requires(enable, at = mode, ungated)]
                #[one_of("fp16", "int8", at = format)]
                #[nested]
                saved: Saved,
                #[only_if(every(modules = "encoder"), when = "uint8")]
                #[conflicts_with(any(not(strict), modules in ("a", "b")))]
                format: Format,
                #[required_if(all(strict, saved.mode != "off"))]
                #[length(min = 1, max = 3)]
                modules: Vec<Module>,
                strict: bool,
                #[range(min = -1.0, max = 2.5)]
                #[custom(path::to::check)]
                #[non_empty]
                ratio: f64,
            }
        },
        quote! {
            #[serde(rename_all = "snake_case")]
            enum Mode { #[default] Off, On(u8), Named { x: u8 }, r#type }
        },
        quote! {
            #[validate(crate = "lb")]
            #[serde(rename_all = "camelCase")]
            struct Rho<'a, T: Clone, const N: usize> where T: Copy {
                #[serde(rename = "x")]
                r#type: &'a [T; N],
                #[custom = check]
                #[length(equal = 2)]
                y: String,
            }
        },
        quote! { struct Empty {} },
        quote! { struct Unit; },
        quote! { union U { a: u8 } },
        quote! {
            #[validate(gate = saved.enable)]
            struct Odd {
                saved: Saved,
                #[one_of(true)]
                #[requires(saved.mode in ("a"), when("x", "y"))]
                f: fn(u8) -> u8,
                #[range(max = 3)]
                t: (u8, bool),
                #[non_empty(at = a.b)]
                d: Box<dyn Fn() + Send>,
                #[none_of(1, 2)]
                q: <T as Trait>::Assoc,
                #[nested]
                m: m!(),
                #[conflicts_with(some(list = 1))]
                n: !,
                list: Vec<u8>,
            }
        },
        quote! {
            #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
            #[validate(gate = x)]
            enum E<T> where T: Clone {
                #[serde(rename = "a")]
                #[one_of("a")]
                A { #[non_empty] x: T },
                #[default]
                B(#[range(min = 1)] u8),
            }
        },
        quote! {
            #[requires(a)]
            union V<T: Copy> { #[one_of("x")] a: T, b: u8 }
        },
        quote! { struct Pair(#[requires(x)] bool, u8); },
    ]
}
/// Every token of `stream`, depth first, with groups counted as one token
/// before their contents.
fn count(stream: &TokenStream) -> usize {
    stream
        .clone()
        .into_iter()
        .map(|token| match token {
            TokenTree::Group(group) => 1 + count(&group.stream()),
            _ => 1,
        })
        .sum()
}

/// `stream` with its `target`-th token (in `count` order) passed to `change`.
fn mutate(
    stream: &TokenStream,
    target: &mut usize,
    change: &dyn Fn(TokenTree) -> Vec<TokenTree>,
) -> TokenStream {
    let mut out = Vec::new();
    for token in stream.clone() {
        if *target == 0 {
            *target = usize::MAX;
            out.extend(change(token));
            continue;
        }
        *target = target.wrapping_sub(1);
        match token {
            TokenTree::Group(group) if *target != usize::MAX => {
                let inner = mutate(&group.stream(), target, change);
                let mut rebuilt = Group::new(group.delimiter(), inner);
                rebuilt.set_span(group.span());
                out.push(TokenTree::Group(rebuilt));
            }
            other => out.push(other),
        }
    }
    out.into_iter().collect()
}

fn replacements() -> Vec<TokenTree> {
    let tokens: TokenStream = quote!(
        , = "x" 1 -2.5 foo self true ! . ; # :: < > 'a in r#type _ 'c' b"x"
        "{vaule}" "{" 0xFF 1e400 255u8 18446744073709551616 1_000
    );
    let mut all: Vec<TokenTree> = tokens.into_iter().collect();
    for (delimiter, inner) in [
        (Delimiter::Parenthesis, TokenStream::new()),
        (Delimiter::Bracket, quote!(nested)),
        (Delimiter::Brace, TokenStream::new()),
        (Delimiter::Parenthesis, quote!(a = )),
        (Delimiter::None, quote!(u8)),
    ] {
        all.push(TokenTree::Group(Group::new(delimiter, inner)));
    }
    all
}

/// What an expansion must be, whatever its input: no panic, Rust items,
/// and an impl of `Validate` (the real one or the stub that follows
/// errors) whenever the input is a type at all. Returns whether the
/// expansion reported errors.
fn check_expansion(input: TokenStream) -> bool {
    let text = input.to_string();
    let derive = syn::parse2::<syn::DeriveInput>(input.clone()).ok();
    let output = catch_unwind(AssertUnwindSafe(|| expand(input)))
        .unwrap_or_else(|_| panic!("the expansion panicked on: {text}"));
    if let Err(error) = syn::parse2::<syn::File>(output.clone()) {
        panic!("the expansion of `{text}` is not Rust items ({error}): {output}");
    }
    let output = output.to_string();
    let failed = output.contains("compile_error");
    if let Some(derive) = derive {
        let implemented = format!("Validate for {}", derive.ident);
        assert!(
            output.contains(&implemented),
            "the expansion of `{text}` has no impl of Validate: {output}"
        );
    } else {
        assert!(failed, "`{text}` is no type, yet expanded without error");
    }
    failed
}

#[test]
fn expansion_never_panics_on_mutated_input() {
    let replacements = replacements();
    let mut runs = 0;
    for seed in seeds() {
        check_expansion(seed.clone());
        runs += 1;
        for position in 0..count(&seed) {
            let deleted = mutate(&seed, &mut position.clone(), &|_| Vec::new());
            let doubled = mutate(&seed, &mut position.clone(), &|token| {
                vec![token.clone(), token]
            });
            check_expansion(deleted);
            check_expansion(doubled);
            runs += 2;
            for replacement in &replacements {
                let replaced = mutate(&seed, &mut position.clone(), &|_| vec![replacement.clone()]);
                check_expansion(replaced);
                runs += 1;
            }
        }
    }
    assert!(runs > 10_000, "only {runs} inputs were tried");
}

/// A small deterministic generator (SplitMix64), so that a failure is
/// reproduced by running the test again.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).expect("below n")
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const FIELDS: [&str; 8] = [
    "enable", "mode", "modules", "bits", "ratio", "saved", "r#type", "tag",
];

const TYPES: [&str; 22] = [
    "bool",
    "u8",
    "i64",
    "f32",
    "f64",
    "String",
    "Mode",
    "Option<Mode>",
    "Vec<String>",
    "[u8; 4]",
    "Box<Saved>",
    "HashMap<String, Saved>",
    "&'a str",
    "fn(u8) -> u8",
    "(u8, bool)",
    "Box<dyn Fn() + Send>",
    "!",
    "<T as Trait>::Assoc",
    "m!()",
    "T",
    "_",
    "Self",
];

const VALUES: [&str; 16] = [
    "\"a\"",
    "\"chunk\"",
    "\"\"",
    "\"Chunk\"",
    "1",
    "-2",
    "2.5",
    "true",
    "false",
    "'c'",
    "b\"x\"",
    "1e400",
    "18446744073709551616",
    "0x10",
    "255u8",
    "-0.0",
];

const MESSAGES: [&str; 6] = [
    "\"{path} is {value}\"",
    "\"{{braces}}\"",
    "\"{vaule}\"",
    "\"{\"",
    "\"}\"",
    "\"plain\"",
];

/// Generates one `#[derive(Validate)]` input from the grammar of rules.
/// With `junk`, tokens that belong nowhere are slipped in here and there.
struct Gen {
    rng: Rng,
    junk: bool,
}

impl Gen {
    fn maybe_junk(&mut self) -> &'static str {
        if self.junk && self.rng.chance(4) {
            self.rng
                .pick(&[",", "=", "!", ".", "()", "::", "in", "#", "[]", ";"])
        } else {
            ""
        }
    }

    fn field(&mut self) -> String {
        if self.rng.chance(8) {
            self.rng
                .pick(&["enabel", "zzz", "message", "at", "ungated"])
                .to_owned()
        } else {
            self.rng.pick(&FIELDS).to_owned()
        }
    }

    fn place(&mut self) -> String {
        let mut place = self.field();
        while self.rng.chance(20) {
            place = format!("{place}.{}", self.field());
        }
        place
    }

    fn value(&mut self) -> String {
        format!("{}{}", self.rng.pick(&VALUES), self.maybe_junk())
    }

    fn values(&mut self) -> String {
        let count = if self.junk {
            self.rng.below(4)
        } else {
            1 + self.rng.below(3)
        };
        (0..count)
            .map(|_| self.value())
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn cond(&mut self, depth: usize) -> String {
        let kinds = if depth > 2 { 4 } else { 10 };
        let cond = match self.rng.below(kinds) {
            0 => self.place(),
            1 => format!("{} = {}", self.place(), self.value()),
            2 => format!("{} != {}", self.place(), self.value()),
            3 => format!("{} in ({})", self.place(), self.values()),
            4 => format!("not({})", self.cond(depth + 1)),
            5 | 6 => {
                let count = self.rng.below(4);
                let conds: Vec<String> = (0..count).map(|_| self.cond(depth + 1)).collect();
                format!("{}({})", self.rng.pick(&["all", "any"]), conds.join(", "))
            }
            7 => format!("every({} = {})", self.place(), self.value()),
            8 => format!("some({} in ({}))", self.place(), self.values()),
            _ => format!(
                "{}({})",
                self.rng.pick(&["evry", "nott", "al"]),
                self.place()
            ),
        };
        format!("{cond}{}", self.maybe_junk())
    }

    fn option(&mut self) -> String {
        match self.rng.below(10) {
            8 => "warn".to_owned(),
            0 => format!("message = {}", self.rng.pick(&MESSAGES)),
            1 => format!("when = {}", self.value()),
            2 => format!("when({})", self.values()),
            3 => format!("at = {}", self.place()),
            4 => "ungated".to_owned(),
            5 => format!("min = {}", self.value()),
            6 => format!("max = {}", self.value()),
            7 => format!("equal = {}", self.value()),
            _ => format!(
                "{} = {}",
                self.rng.pick(&["mesage", "minimum", "wen"]),
                self.value()
            ),
        }
    }

    fn rule(&mut self) -> String {
        let mut names: Vec<&str> = crate::vocab::rule_words().collect();
        names.extend(["validate", "one_off", "serde", "doc"]);
        let name = self.rng.pick(&names);
        let mut items = Vec::new();
        match name {
            "one_of" | "none_of" => items.push(self.values()),
            "requires" => {
                let count = if self.junk {
                    self.rng.below(3)
                } else {
                    1 + self.rng.below(2)
                };
                items.extend((0..count).map(|_| self.cond(0)));
            }
            "only_if" | "required_if" | "conflicts_with" => items.push(self.cond(0)),
            "range" | "length" => {
                items.push(format!("min = {}", self.value()));
                if self.rng.chance(60) {
                    items.push(format!("max = {}", self.value()));
                }
            }
            "custom" if self.rng.chance(30) => {
                return format!(
                    "#[custom = {}]",
                    self.rng.pick(&["\"a::b\"", "\"a b\"", "check", "1"])
                );
            }
            "custom" => items.push(
                self.rng
                    .pick(&["check", "a::b", "<T>::f", "self::f"])
                    .to_owned(),
            ),
            "nested" | "non_empty" if self.rng.chance(70) => return format!("#[{name}]"),
            _ => {}
        }
        while self.rng.chance(25) {
            items.push(self.option());
        }
        if self.junk && self.rng.chance(5) {
            return format!("#[{name} = {}]", self.value());
        }
        format!("#[{name}({})]", items.join(", "))
    }

    fn container_attrs(&mut self) -> String {
        let mut attrs = String::new();
        if self.rng.chance(30) {
            attrs += &match self.rng.below(5) {
                0 => format!("#[validate(gate = {})]", self.place()),
                1 => "#[validate(crate = \"lb\")]".to_owned(),
                2 => "#[validate(crate = \"no such path\")]".to_owned(),
                3 => "#[validate(gates = enable, crate)]".to_owned(),
                _ => format!("#[validate(gate = {})]", self.value()),
            };
        }
        if self.rng.chance(30) {
            let rule = self
                .rng
                .pick(&["\"camelCase\"", "\"snake_case\"", "\"nonsense\"", "3"]);
            attrs += &format!("#[serde(rename_all = {rule})]");
        }
        if self.junk && self.rng.chance(10) {
            attrs += &self.rule();
        }
        attrs
    }

    fn generics(&mut self) -> (&'static str, &'static str) {
        match self.rng.below(6) {
            0 => ("<T>", ""),
            1 => ("<'a, T: Clone, const N: usize>", "where T: Copy"),
            2 => ("<'a>", ""),
            _ => ("", ""),
        }
    }

    fn fields(&mut self) -> String {
        let count = self.rng.below(7);
        let mut fields = String::new();
        for usual in FIELDS.iter().take(count) {
            let mut attrs = String::new();
            while self.rng.chance(45) {
                attrs += &self.rule();
            }
            if self.rng.chance(10) {
                attrs += "#[serde(rename = \"x\")]";
            }
            if self.rng.chance(5) {
                attrs += "#[serde(flatten)]";
            }
            // Field names may repeat, which the compiler reports, not us.
            let name = if self.rng.chance(85) {
                (*usual).to_owned()
            } else {
                self.field()
            };
            let ty = self.rng.pick(&TYPES);
            fields += &format!("{attrs} {name}: {ty}, ");
        }
        fields
    }

    fn input(&mut self) -> String {
        let attrs = self.container_attrs();
        let (generics, bounds) = self.generics();
        match self.rng.below(10) {
            0..=5 => format!(
                "{attrs} struct Quant{generics} {bounds} {{ {} }}",
                self.fields()
            ),
            6 => format!(
                "{attrs} struct Pair{generics}(u8, {}) {bounds};",
                self.rng.pick(&TYPES)
            ),
            7 => format!("{attrs} union U{generics} {bounds} {{ {} }}", self.fields()),
            _ => {
                let count = self.rng.below(5);
                let variants: Vec<String> = (0..count)
                    .map(|index| {
                        let mut attrs = String::new();
                        if self.rng.chance(25) {
                            attrs += "#[default]";
                        }
                        if self.rng.chance(15) {
                            attrs += "#[serde(rename = \"v\")]";
                        }
                        if self.junk && self.rng.chance(10) {
                            attrs += &self.rule();
                        }
                        let body = match self.rng.below(4) {
                            0 => "(u8)".to_owned(),
                            1 => format!("{{ {} }}", self.fields()),
                            _ => String::new(),
                        };
                        format!("{attrs} V{index}{body}")
                    })
                    .collect();
                format!(
                    "{attrs} enum Mode{generics} {bounds} {{ {} }}",
                    variants.join(", ")
                )
            }
        }
    }
}

#[test]
fn expansion_never_panics_on_generated_input() {
    let mut generator = Gen {
        rng: Rng(0x10b1_7000),
        junk: false,
    };
    let replacements = replacements();
    let (mut accepted, mut refused, mut mutated) = (0, 0, 0);
    for round in 0..3000 {
        generator.junk = round % 2 == 1;
        let text = generator.input();
        let input: TokenStream = text
            .parse()
            .unwrap_or_else(|error| panic!("the generator wrote no tokens ({error}): {text}"));
        if check_expansion(input.clone()) {
            refused += 1;
        } else {
            accepted += 1;
        }
        // And once more with one token changed.
        let tokens = count(&input);
        if tokens > 0 {
            let position = generator.rng.below(tokens);
            let replacement = replacements[generator.rng.below(replacements.len())].clone();
            let changed = mutate(&input, &mut position.clone(), &|_| {
                vec![replacement.clone()]
            });
            check_expansion(changed);
            mutated += 1;
        }
    }
    // Both paths through the derive are exercised, not only its errors.
    assert!(
        accepted > 300,
        "only {accepted} generated inputs were accepted"
    );
    assert!(
        refused > 300,
        "only {refused} generated inputs were refused"
    );
    assert!(
        mutated > 2500,
        "only {mutated} generated inputs were mutated"
    );
}

#[test]
fn valid_input_expands_to_impls() {
    let output = expand(seeds().remove(0));
    let text = output.to_string();
    assert!(!text.contains("compile_error"), "{text}");
    assert!(
        text.contains("impl :: lowbit_core :: Validate for Quant"),
        "{text}"
    );
}

#[test]
fn invalid_input_expands_to_errors_and_a_stub() {
    let output = expand(quote! {
        struct Quant {
            enable: bool,
            #[requires(enabel)]
            strict: bool,
            #[one_of()]
            mode: String,
        }
    });
    let text = output.to_string();
    assert_eq!(text.matches("compile_error").count(), 2, "{text}");
    assert!(text.contains("did you mean"), "{text}");
    assert!(
        text.contains("impl :: lowbit_core :: Validate for Quant"),
        "{text}"
    );
}

/// How deep groups nest in `stream`: what rustc recurses on.
fn nesting(stream: &TokenStream) -> usize {
    stream
        .clone()
        .into_iter()
        .map(|token| match token {
            TokenTree::Group(group) => 1 + nesting(&group.stream()),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

/// A long list of values expands to data: output in proportion to the
/// list, nested no deeper than a short list's (a chain of comparisons would
/// nest once per value, and overflow rustc's stack).
#[test]
fn long_lists_expand_flat() {
    let expand_list = |values: Vec<TokenStream>, ty: TokenStream| {
        let output = expand(quote! {
            struct Quant {
                #[one_of(#(#values),*)]
                mode: #ty,
                #[only_if(mode in (#(#values),*))]
                extra: Option<u8>,
            }
        });
        assert!(!output.to_string().contains("compile_error"), "{output}");
        output
    };
    let numbers = |n: u32| (0..n).map(|i| quote!(#i)).collect::<Vec<_>>();
    let names = |n: u32| {
        (0..n)
            .map(|i| {
                let name = format!("v{i}");
                quote!(#name)
            })
            .collect::<Vec<_>>()
    };
    for (short, half, long) in [
        (
            expand_list(numbers(3), quote!(u32)),
            expand_list(numbers(10_000), quote!(u32)),
            expand_list(numbers(20_000), quote!(u32)),
        ),
        (
            expand_list(names(3), quote!(String)),
            expand_list(names(1_000), quote!(String)),
            expand_list(names(2_000), quote!(String)),
        ),
    ] {
        assert_eq!(nesting(&long), nesting(&short), "{short}");
        // Twice the values, twice the tokens (and the same fixed part).
        let (short, half, long) = (count(&short), count(&half), count(&long));
        assert!(
            long - half <= (half - short) * 101 / 100,
            "{short}, {half} then {long} tokens"
        );
    }
}

/// `not(` a thousand deep is one error at the level past the cap, not a
/// stack overflow in rustc.
#[test]
fn deep_conditions_are_an_error() {
    let mut cond = quote!(enable);
    for _ in 0..1_000 {
        cond = quote!(not(#cond));
    }
    let output = expand(quote! {
        struct Quant {
            enable: bool,
            #[only_if(#cond)]
            strict: Option<bool>,
        }
    });
    let text = output.to_string();
    assert_eq!(text.matches("compile_error").count(), 1, "{text}");
    assert!(text.contains("nest at most 32 levels"), "{text}");
    // Exactly at the cap is still fine.
    let mut cond = quote!(enable);
    for _ in 0..crate::parse::MAX_COND_DEPTH {
        cond = quote!(not(#cond));
    }
    let output = expand(quote! {
        struct Quant {
            enable: bool,
            #[only_if(#cond)]
            strict: Option<bool>,
        }
    });
    assert!(!output.to_string().contains("compile_error"), "{output}");
}

#[test]
fn warnings_are_recorded_as_such_and_skipped_when_only_validity_counts() {
    let output = expand(quote! {
        struct Train {
            #[range(min = 8, warn)]
            #[custom(check, warn)]
            batch: u32,
            #[range(max = 4)]
            epochs: u32,
        }
    });
    let text = output.to_string();
    assert!(!text.contains("compile_error"), "{text}");
    assert_eq!(text.matches(". warned (").count(), 1, "{text}");
    // The error, a number's, is sent by the call that also says whether
    // to go on.
    assert_eq!(text.matches("goes_on (").count(), 1, "{text}");
    // Both warnings are checked only by a sink that records: the one that
    // answers `is_valid` skips them.
    let guard = "if < __LowbitSink as __lowbit_rt :: Sink > :: RECORDS";
    let guarded: Vec<&str> = text.split(guard).skip(1).collect();
    assert_eq!(guarded.len(), 2, "{text}");
    assert!(guarded[0].contains(". warned ("), "{text}");
    assert!(!guarded[0].contains("goes_on ("), "{text}");
    assert!(guarded[1].contains("check ("), "{text}");
}
