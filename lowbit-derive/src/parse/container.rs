//! The container's options, in `#[validate(..)]`: `crate = path`,
//! `gate = field`, the group rules `at_most_one(a, b)`, `exactly_one(..)`,
//! `at_least_one(..)`, and `custom(path::to::check)`. Each option reads its
//! own list, so that a member written as a value or an unknown option is
//! blamed on its token, and one bad option does not hide the others.

use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::{Ident, LitStr, Meta, Token};

use super::unknown_option;
use crate::errors::Errors;
use crate::ir::{Group, GroupKind, StructCheck};

/// The options of `#[validate(..)]`, in the order the reader lists them.
const OPTIONS: &[&str] = &[
    "crate",
    "gate",
    "at_most_one",
    "exactly_one",
    "at_least_one",
    "custom",
];

/// `#[validate(..)]` on the container, from every such attribute.
#[derive(Default)]
pub struct ContainerOptions {
    /// Path to lowbit-core, for a renamed dependency.
    pub krate: Option<syn::Path>,
    /// Rules not marked `ungated` are checked only while this field is set.
    pub gate: Option<syn::Expr>,
    /// The group rules, each kind in the order written: checks run (and
    /// violations are listed) `at_most_one` first, then `exactly_one`, then
    /// `at_least_one`.
    pub at_most_one: Vec<GroupDef>,
    /// See `at_most_one`.
    pub exactly_one: Vec<GroupDef>,
    /// See `at_most_one`.
    pub at_least_one: Vec<GroupDef>,
    /// Checks of the whole struct.
    pub custom: Vec<CheckDef>,
}

impl ContainerOptions {
    /// Reads every `#[validate(..)]` in `attrs`, pushing each malformed
    /// option into `errors` and keeping the rest.
    pub fn read(attrs: &[syn::Attribute], errors: &mut Errors) -> Self {
        let mut options = Self::default();
        for attr in attrs.iter().filter(|attr| attr.path().is_ident("validate")) {
            let Some(items) = errors
                .handle(attr.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated))
            else {
                continue;
            };
            for item in &items {
                errors.handle(options.take(item, attr.path()));
            }
        }
        options
    }

    /// Takes one option; `attr` is the attribute's path, for messages.
    fn take(&mut self, item: &Meta, attr: &syn::Path) -> syn::Result<()> {
        let keyword = word(item)?;
        match keyword.unraw().to_string().as_str() {
            "crate" => {
                let path = path_value(item, &keyword)?;
                set_once(&mut self.krate, path, &keyword)?;
            }
            "gate" => {
                let syn::Meta::NameValue(pair) = item else {
                    return Err(syn::Error::new_spanned(
                        &keyword,
                        "`gate` names the field that gates the rules: `gate = enable`",
                    ));
                };
                set_once(&mut self.gate, pair.value.clone(), &keyword)?;
            }
            "at_most_one" => self.at_most_one.push(GroupDef::read(item, keyword)?),
            "exactly_one" => self.exactly_one.push(GroupDef::read(item, keyword)?),
            "at_least_one" => self.at_least_one.push(GroupDef::read(item, keyword)?),
            "custom" => self.custom.push(CheckDef::read(item, &keyword)?),
            _ => return Err(unknown_option(&keyword, &word_of(attr)?, OPTIONS)),
        }
        Ok(())
    }
}

/// `crate = lowbit` or `crate = "lowbit"`.
fn path_value(item: &Meta, keyword: &Ident) -> syn::Result<syn::Path> {
    let usage = "`crate` gives the path of lowbit-core, for a renamed dependency: `crate = lowbit`";
    let syn::Meta::NameValue(pair) = item else {
        return Err(syn::Error::new_spanned(keyword, usage));
    };
    match &pair.value {
        syn::Expr::Path(path) if path.qself.is_none() && path.attrs.is_empty() => {
            Ok(path.path.clone())
        }
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) => text.parse(),
        value => Err(syn::Error::new_spanned(value, usage)),
    }
}

/// One group rule; its kind is read from the option's word.
pub struct GroupDef(pub Group);

impl GroupDef {
    fn read(item: &Meta, keyword: Ident) -> syn::Result<Self> {
        let kind = match keyword.to_string().as_str() {
            "at_most_one" => GroupKind::AtMostOne,
            "exactly_one" => GroupKind::ExactlyOne,
            _ => GroupKind::AtLeastOne,
        };
        let usage = format!("`{keyword}` lists the fields of its group: `{keyword}(a, b)`");
        let Meta::List(list) = item else {
            return Err(syn::Error::new_spanned(&keyword, usage));
        };
        let mut group = Group {
            kind,
            keyword: keyword.clone(),
            members: Vec::new(),
            message: None,
            guard: None,
            warn: false,
        };
        list.parse_args_with(|input: ParseStream| {
            while !input.is_empty() {
                if input.peek(syn::Lit) {
                    let lit: syn::Lit = input.parse()?;
                    let hint = match &lit {
                        syn::Lit::Str(text) => format!(": `{}`", text.value()),
                        _ => String::new(),
                    };
                    return Err(syn::Error::new_spanned(
                        lit,
                        format!("a group lists fields by their Rust names, unquoted{hint}"),
                    ));
                }
                let ident = input.call(Ident::parse_any)?;
                if ident == "if" && input.peek(syn::token::Paren) {
                    let content;
                    syn::parenthesized!(content in input);
                    let cond = super::rule::parse_cond(&content, 0)?;
                    if !content.is_empty() {
                        return Err(content.error(
                            "`if` takes one condition; combine several with `all(..)` or `any(..)`",
                        ));
                    }
                    if group.guard.replace(cond).is_some() {
                        return Err(syn::Error::new_spanned(&ident, "`if` is given twice"));
                    }
                } else if ident == "warn" && (input.is_empty() || input.peek(Token![,])) {
                    if group.warn {
                        return Err(syn::Error::new_spanned(&ident, "`warn` is given twice"));
                    }
                    group.warn = true;
                } else if input.peek(Token![=]) {
                    if ident != "message" {
                        return Err(unknown_option(&ident, &keyword, &["message", "if", "warn"]));
                    }
                    input.parse::<Token![=]>()?;
                    if group.message.is_some() {
                        return Err(syn::Error::new_spanned(
                            &ident,
                            "`message` is given twice",
                        ));
                    }
                    group.message = Some(input.parse::<LitStr>()?);
                } else if input.peek(syn::token::Paren) || input.peek(Token![.]) {
                    return Err(syn::Error::new_spanned(
                        &ident,
                        format!("{usage}; members are fields of this struct, not conditions or paths below them"),
                    ));
                } else {
                    group.members.push(ident);
                }
                if !input.is_empty() {
                    input.parse::<Token![,]>()?;
                }
            }
            Ok(())
        })?;
        Ok(GroupDef(group))
    }
}

/// `custom(path::to::check)`, with `context`, `issues` and `message = ".."`.
pub struct CheckDef(pub StructCheck);

impl CheckDef {
    fn read(item: &Meta, keyword: &Ident) -> syn::Result<Self> {
        let usage = "`custom` names the function that checks the whole struct: `custom(path::to::check)`, `custom(check, context)` or `custom(check, issues)`";
        let Meta::List(list) = item else {
            return Err(syn::Error::new_spanned(keyword, usage));
        };
        let mut function: Option<syn::Path> = None;
        let mut context = None;
        let mut issues = None;
        let mut message = None;
        list.parse_args_with(|input: ParseStream| {
            while !input.is_empty() {
                let path: syn::Path = input.parse()?;
                let flag = path.get_ident().filter(|_| function.is_some());
                match flag {
                    Some(ident) if ident == "message" && input.peek(Token![=]) => {
                        input.parse::<Token![=]>()?;
                        set_once(&mut message, input.parse::<LitStr>()?, ident)?;
                    }
                    Some(ident) if ident == "context" => {
                        set_once(&mut context, ident.clone(), ident)?
                    }
                    Some(ident) if ident == "issues" => {
                        set_once(&mut issues, ident.clone(), ident)?
                    }
                    Some(ident) => {
                        return Err(unknown_option(
                            ident,
                            keyword,
                            &["context", "issues", "message"],
                        ));
                    }
                    None if function.is_some() => {
                        return Err(syn::Error::new_spanned(
                            path,
                            "`custom` takes one function; write one `custom(..)` for each",
                        ));
                    }
                    None => function = Some(path),
                }
                if !input.is_empty() {
                    input.parse::<Token![,]>()?;
                }
            }
            Ok(())
        })?;
        let Some(function) = function else {
            return Err(syn::Error::new_spanned(keyword, usage));
        };
        if let (Some(message), Some(issues)) = (&message, &issues) {
            return Err(syn::Error::new_spanned(
                message,
                format!(
                    "`message` replaces the error a `custom` check returns; with `issues`, each issue's text is its own (`{issues}` reports through `Issues`)"
                ),
            ));
        }
        Ok(CheckDef(StructCheck {
            function,
            context,
            issues,
            message,
        }))
    }
}

/// The option's own word, for spans.
fn word(item: &Meta) -> syn::Result<Ident> {
    word_of(item.path())
}

fn word_of(path: &syn::Path) -> syn::Result<Ident> {
    path.get_ident().cloned().ok_or_else(|| {
        syn::Error::new_spanned(
            path,
            format!(
                "expected an option of `validate`, one of {}",
                crate::suggest::listed(OPTIONS.iter().copied())
            ),
        )
    })
}

fn set_once<T>(slot: &mut Option<T>, value: T, key: &Ident) -> syn::Result<()> {
    if slot.is_some() {
        return Err(syn::Error::new_spanned(
            key,
            format!("`{key}` is given twice"),
        ));
    }
    *slot = Some(value);
    Ok(())
}
