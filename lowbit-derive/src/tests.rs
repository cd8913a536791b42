//! The expansion never panics: it is fed thousands of mutated inputs and
//! must return tokens that parse as Rust items (impls, or `compile_error!`
//! invocations followed by a stub impl) for every one.

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
    let tokens: TokenStream = quote!(, = "x" 1 -2.5 foo self true ! . ; #);
    let mut all: Vec<TokenTree> = tokens.into_iter().collect();
    all.push(TokenTree::Group(Group::new(
        Delimiter::Parenthesis,
        TokenStream::new(),
    )));
    all.push(TokenTree::Group(Group::new(
        Delimiter::Bracket,
        quote!(nested),
    )));
    all
}

fn check_expansion(input: TokenStream) {
    let text = input.to_string();
    let output = catch_unwind(AssertUnwindSafe(|| expand(input)))
        .unwrap_or_else(|_| panic!("the expansion panicked on: {text}"));
    if let Err(error) = syn::parse2::<syn::File>(output.clone()) {
        panic!("the expansion of `{text}` is not Rust items ({error}): {output}");
    }
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
    assert!(runs > 2000, "only {runs} inputs were tried");
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
