//! Parse: `syn::DeriveInput` to the IR. Errors are accumulated, so the user
//! sees every malformed attribute at once.

mod container;
mod doc;
pub mod header;
mod rule;

#[cfg(test)]
pub use rule::MAX_COND_DEPTH;
mod serde_attr;

use syn::ext::IdentExt;
use syn::{Data, DeriveInput, Fields};

use crate::case::RenameRule;
use crate::errors::Errors;
use crate::ir::{
    Body, Container, Enum, FieldDef, FieldPath, Struct, Tagging, VariantDef, VariantKind,
};
use crate::vocab::{self, RuleName};
use container::ContainerOptions;
use serde_attr::{SerdeContainer, SerdeItem};

/// Parses the input into the IR, pushing every error found into `errors`.
/// `None` when the input is not a shape the derive takes at all.
pub fn parse(input: &DeriveInput, errors: &mut Errors) -> Option<Container> {
    let options = match empty_option(&input.attrs) {
        // syn would report "expected an expression" at the `,` or the
        // attribute's end.
        Some(error) => {
            errors.push(error);
            ContainerOptions::default()
        }
        None => ContainerOptions::read(&input.attrs, errors),
    };
    let krate = options
        .krate
        .unwrap_or_else(|| syn::parse_quote!(::lowbit_core));
    for attr in &input.attrs {
        reject_rule_attr(
            attr,
            "rules are not supported on the container; write them on its fields",
            errors,
        );
    }
    let serde = SerdeContainer::read(&input.attrs);
    let body = match &input.data {
        Data::Struct(data) => {
            let Fields::Named(named) = &data.fields else {
                let message = "`#[derive(Validate)]` needs a struct with named fields: rules name fields, and config files name them too";
                errors.push(match &data.fields {
                    Fields::Unit => syn::Error::new_spanned(&input.ident, message),
                    fields => syn::Error::new_spanned(fields, message),
                });
                return None;
            };
            let gate = options
                .gate
                .and_then(|gate| errors.handle(expr_place(&gate)));
            let fields = named
                .named
                .iter()
                .map(|field| parse_field(field, serde.rename_all, errors))
                .collect();
            let groups = [
                options.at_most_one,
                options.exactly_one,
                options.at_least_one,
            ]
            .into_iter()
            .flatten()
            .map(|group| group.0)
            .collect();
            let checks = options.custom.into_iter().map(|check| check.0).collect();
            Body::Struct(Struct {
                fields,
                serde_default: serde.default,
                deny_unknown_fields: serde.deny_unknown_fields,
                transparent: serde.transparent,
                gate,
                groups,
                checks,
            })
        }
        Data::Enum(data) => {
            if let Some(gate) = &options.gate {
                errors.push(syn::Error::new_spanned(gate, "`gate` applies to structs"));
            }
            let groups = [
                &options.at_most_one,
                &options.exactly_one,
                &options.at_least_one,
            ];
            for group in groups.into_iter().flatten() {
                errors.push(
                    syn::Error::new_spanned(&group.0.keyword, format!(
                        "`{}` applies to structs: an enum's value has one variant, not fields to choose among",
                        group.0.keyword
                    )),
                );
            }
            for check in &options.custom {
                errors.push(
                    syn::Error::new_spanned(&check.0.function, "`custom` on the container applies to structs; on an enum, write it on the fields of its struct variants"),
                );
            }
            let mut default = None;
            let variants = data
                .variants
                .iter()
                .enumerate()
                .map(|(index, variant)| {
                    if variant
                        .attrs
                        .iter()
                        .any(|attr| attr.path().is_ident("default"))
                    {
                        default = Some(index);
                    }
                    parse_variant(variant, &serde, errors)
                })
                .collect();
            let tagging = match (&serde.tag, &serde.content) {
                _ if serde.untagged => Tagging::Untagged,
                (Some(tag), Some(content)) => Tagging::Adjacent(tag.clone(), content.clone()),
                (Some(tag), None) => Tagging::Internal(tag.clone()),
                (None, _) => Tagging::External,
            };
            Body::Enum(Enum {
                variants,
                default,
                tagging,
            })
        }
        Data::Union(data) => {
            errors.push(
                syn::Error::new_spanned(data.union_token, "`#[derive(Validate)]` works on structs with named fields and on enums, not on unions"),
            );
            return None;
        }
    };
    Some(Container {
        doc: doc::read(&input.attrs),
        ident: input.ident.clone(),
        generics: input.generics.clone(),
        krate,
        source: serde.source.clone(),
        body,
    })
}

fn parse_variant(
    variant: &syn::Variant,
    serde: &SerdeContainer,
    errors: &mut Errors,
) -> VariantDef {
    for attr in &variant.attrs {
        reject_rule_attr(
            attr,
            "rules are not supported on enum variants; write them on the fields of struct variants",
            errors,
        );
    }
    let item = SerdeItem::read(&variant.attrs);
    let rust = variant.ident.unraw().to_string();
    let name = item.rename.unwrap_or_else(|| match serde.rename_all {
        Some(rule) => rule.variant(&rust),
        None => rust.clone(),
    });
    let (kind, fields) = match &variant.fields {
        Fields::Unit => (VariantKind::Unit, Vec::new()),
        Fields::Unnamed(unnamed) => {
            for field in &unnamed.unnamed {
                for attr in &field.attrs {
                    reject_rule_attr(
                        attr,
                        "rules are not supported on the fields of tuple variants: rules name fields, so give the variant named fields",
                        errors,
                    );
                }
            }
            (VariantKind::Tuple, Vec::new())
        }
        Fields::Named(named) => {
            let rename_all = item.rename_all.or(serde.rename_all_fields);
            let fields = named
                .named
                .iter()
                .map(|field| parse_field(field, rename_all, errors))
                .collect();
            (VariantKind::Named, fields)
        }
    };
    VariantDef {
        doc: doc::read(&variant.attrs),
        ident: variant.ident.clone(),
        name,
        aliases: item.aliases,
        untagged: item.untagged,
        kind,
        fields,
        payload: match &variant.fields {
            Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => {
                Some(unnamed.unnamed[0].ty.clone())
            }
            _ => None,
        },
        tuple: match &variant.fields {
            Fields::Unnamed(unnamed) => unnamed
                .unnamed
                .iter()
                .map(|field| field.ty.clone())
                .collect(),
            _ => Vec::new(),
        },
    }
}

fn parse_field(
    field: &syn::Field,
    rename_all: Option<RenameRule>,
    errors: &mut Errors,
) -> FieldDef {
    let ident = field.ident.clone().expect("named fields have names");
    let rust = ident.unraw().to_string();
    let item = SerdeItem::read(&field.attrs);
    let name = item.rename.unwrap_or_else(|| match rename_all {
        Some(rule) => rule.field(&rust),
        None => rust.clone(),
    });
    let mut rules = Vec::new();
    for attr in &field.attrs {
        let Some(attr_name) = attr.path().get_ident() else {
            continue;
        };
        if attr_name == "validate" {
            errors.push(
                syn::Error::new_spanned(attr_name, format!(
                    "rules are attributes of their own on a field, such as `#[one_of(\"a\")]`; the rules are {}",
                    crate::suggest::listed(vocab::rule_words())
                )),
            );
            continue;
        }
        if let Some(which) = RuleName::of(attr_name)
            && let Some(rule) = errors.handle(rule::parse_rule(attr, attr_name, which))
        {
            if item.skip {
                errors.push(
                    syn::Error::new_spanned(attr_name, format!(
                        "`{rust}` is skipped by serde: no config file sets it, so a rule on it would blame a key no file can have"
                    )),
                );
            }
            rules.push(rule);
        }
    }
    FieldDef {
        doc: doc::read(&field.attrs),
        ident,
        ty: field.ty.clone(),
        name,
        aliases: item.aliases,
        flatten: item.flatten,
        skip: item.skip,
        default: item.default,
        rules,
    }
}

/// `#[validate(gate = )]`: an option with nothing after its `=`, blamed on
/// the `=`.
fn empty_option(attrs: &[syn::Attribute]) -> Option<syn::Error> {
    use proc_macro2::TokenTree;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("validate")) {
        let syn::Meta::List(list) = &attr.meta else {
            continue;
        };
        let tokens: Vec<TokenTree> = list.tokens.clone().into_iter().collect();
        for (at, token) in tokens.iter().enumerate() {
            let TokenTree::Punct(eq) = token else {
                continue;
            };
            let ends = match tokens.get(at + 1) {
                None => true,
                Some(TokenTree::Punct(next)) => next.as_char() == ',',
                Some(_) => false,
            };
            if eq.as_char() == '=' && ends {
                let key = match at.checked_sub(1).map(|key| &tokens[key]) {
                    Some(TokenTree::Ident(key)) => key.unraw().to_string(),
                    _ => "option".to_owned(),
                };
                let expected = match key.as_str() {
                    "gate" => "a field name after `gate =`, such as `gate = enable`",
                    "crate" => "the path of lowbit-core after `crate =`, such as `crate = lowbit`",
                    _ => "a value after `=`",
                };
                return Some(syn::Error::new_spanned(eq, format!("expected {expected}")));
            }
        }
    }
    None
}

/// Reports a rule attribute where rules do not belong, with `message`.
fn reject_rule_attr(attr: &syn::Attribute, message: &str, errors: &mut Errors) {
    if let Some(name) = attr.path().get_ident()
        && RuleName::of(name).is_some()
    {
        errors.push(syn::Error::new_spanned(name, message));
    }
}

/// `gate = enable` or `gate = a.b`.
fn expr_place(expr: &syn::Expr) -> syn::Result<FieldPath> {
    match expr {
        syn::Expr::Path(path) => match path.path.get_ident() {
            Some(ident) => Ok(FieldPath {
                segments: vec![ident.clone()],
            }),
            None => Err(syn::Error::new_spanned(expr, "expected a field name")),
        },
        syn::Expr::Field(field) => {
            let mut place = expr_place(&field.base)?;
            match &field.member {
                syn::Member::Named(ident) => place.segments.push(ident.clone()),
                syn::Member::Unnamed(_) => {
                    return Err(syn::Error::new_spanned(
                        &field.member,
                        "expected a field name",
                    ));
                }
            }
            Ok(place)
        }
        syn::Expr::Lit(lit) => Err(syn::Error::new_spanned(
            expr,
            format!(
                "write the field bare: `gate = {}`",
                match &lit.lit {
                    syn::Lit::Str(s) => s.value(),
                    _ => "field".to_owned(),
                }
            ),
        )),
        _ => Err(syn::Error::new_spanned(
            expr,
            "expected a field name, such as `gate = enable`",
        )),
    }
}

/// "unknown option `x` of `rule`", listing its options, with a did-you-mean.
pub(crate) fn unknown_option(
    ident: &syn::Ident,
    rule: &syn::Ident,
    options: &[&str],
) -> syn::Error {
    let name = ident.unraw().to_string();
    if let [only] = options {
        return syn::Error::new_spanned(
            ident,
            format!("unknown option `{name}` of `{rule}`, whose one option is `{only}`"),
        );
    }
    syn::Error::new_spanned(
        ident,
        format!(
            "unknown option `{name}` of `{rule}`, whose options are {}{}",
            crate::suggest::listed(options.iter().copied()),
            crate::suggest::hint(&name, options.iter().copied()),
        ),
    )
}
