//! The few serde attributes that decide names in paths and values in rules.
//! serde itself reports malformed serde attributes, so what does not parse
//! here is left to it rather than reported twice.

use syn::meta::ParseNestedMeta;
use syn::{Attribute, LitStr, Token};

use crate::case::RenameRule;

/// The names serde gives this container's fields or variants.
#[derive(Default)]
pub struct SerdeContainer {
    pub rename_all: Option<RenameRule>,
}

impl SerdeContainer {
    pub fn read(attrs: &[Attribute]) -> Self {
        let mut container = SerdeContainer::default();
        walk(attrs, |meta| {
            if meta.path.is_ident("rename_all") {
                if let Some(name) = deserialize_name(meta)? {
                    container.rename_all = RenameRule::from_name(&name);
                }
                return Ok(true);
            }
            Ok(false)
        });
        container
    }
}

/// `#[serde(rename = "..")]` on a field or variant, the deserialize side.
pub fn rename(attrs: &[Attribute]) -> Option<String> {
    let mut rename = None;
    walk(attrs, |meta| {
        if meta.path.is_ident("rename") {
            rename = deserialize_name(meta)?;
            return Ok(true);
        }
        Ok(false)
    });
    rename
}

/// Whether `#[serde(flatten)]` is on a field: its fields then sit at the
/// level of the struct that holds it, in the file and so in paths.
pub fn flatten(attrs: &[Attribute]) -> bool {
    let mut flatten = false;
    walk(attrs, |meta| {
        if meta.path.is_ident("flatten") {
            flatten = true;
            return Ok(true);
        }
        Ok(false)
    });
    flatten
}

/// `= "name"` or `(deserialize = "name", serialize = "..")`: the name a
/// config file, which is deserialized, uses.
fn deserialize_name(meta: &ParseNestedMeta) -> syn::Result<Option<String>> {
    if meta.input.peek(Token![=]) {
        let name: LitStr = meta.value()?.parse()?;
        return Ok(Some(name.value()));
    }
    let mut name = None;
    meta.parse_nested_meta(|inner| {
        let value: LitStr = inner.value()?.parse()?;
        if inner.path.is_ident("deserialize") {
            name = Some(value.value());
        }
        Ok(())
    })?;
    Ok(name)
}

/// Calls `visit` on each item of each `#[serde(..)]`; items it does not take
/// (it returns false) are skipped whatever their shape.
fn walk(attrs: &[Attribute], mut visit: impl FnMut(&ParseNestedMeta) -> syn::Result<bool>) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        // A malformed serde attribute is serde's to report.
        let _ = attr.parse_nested_meta(|meta| {
            if !visit(&meta)? {
                skip(&meta)?;
            }
            Ok(())
        });
    }
}

fn skip(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.parse_nested_meta(|inner| skip(&inner))?;
    }
    Ok(())
}
