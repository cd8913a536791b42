//! The rules written on the container, in `#[validate(..)]`: the group
//! rules `at_most_one(a, b)`, `exactly_one(..)`, `at_least_one(..)`, and
//! `custom(path::to::check)`. Each reads its own list, so that a member
//! written as a value or an unknown option is blamed on its token.

use darling::FromMeta;
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::{Ident, LitStr, Meta, Token};

use super::unknown_option;
use crate::ir::{Group, GroupKind, StructCheck};

/// One group rule of a kind that darling's field name fixes: the kind is
/// read back from the attribute's word.
pub struct GroupDef(pub Group);

impl FromMeta for GroupDef {
    fn from_meta(item: &Meta) -> darling::Result<Self> {
        let keyword = word(item)?;
        let kind = match keyword.to_string().as_str() {
            "at_most_one" => GroupKind::AtMostOne,
            "exactly_one" => GroupKind::ExactlyOne,
            _ => GroupKind::AtLeastOne,
        };
        let usage = format!("`{keyword}` lists the fields of its group: `{keyword}(a, b)`");
        let Meta::List(list) = item else {
            return Err(darling::Error::custom(usage).with_span(&keyword));
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

impl FromMeta for CheckDef {
    fn from_meta(item: &Meta) -> darling::Result<Self> {
        let keyword = word(item)?;
        let usage = "`custom` names the function that checks the whole struct: `custom(path::to::check)`, `custom(check, context)` or `custom(check, issues)`";
        let Meta::List(list) = item else {
            return Err(darling::Error::custom(usage).with_span(&keyword));
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
                            &keyword,
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
            return Err(darling::Error::custom(usage).with_span(&keyword));
        };
        if let (Some(message), Some(issues)) = (&message, &issues) {
            return Err(darling::Error::custom(format!(
                "`message` replaces the error a `custom` check returns; with `issues`, each issue's text is its own (`{issues}` reports through `Issues`)"
            ))
            .with_span(message));
        }
        Ok(CheckDef(StructCheck {
            function,
            context,
            issues,
            message,
        }))
    }
}

/// The attribute's own word, for spans.
fn word(item: &Meta) -> darling::Result<Ident> {
    item.path()
        .get_ident()
        .cloned()
        .ok_or_else(|| darling::Error::custom("expected a word").with_span(item.path()))
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
