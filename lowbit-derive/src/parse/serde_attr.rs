//! The few serde attributes that decide names in paths and values in rules.
//! serde itself reports malformed serde attributes, so what does not parse
//! here is left to it rather than reported twice.

use syn::meta::ParseNestedMeta;
use syn::{Attribute, LitStr, Token};

use crate::case::RenameRule;
use crate::ir::FieldDefault;

/// What serde's container attributes say about names and layout.
#[derive(Default)]
pub struct SerdeContainer {
    pub rename_all: Option<RenameRule>,
    /// On an enum: `rename_all` for the fields of every struct variant.
    pub rename_all_fields: Option<RenameRule>,
    pub tag: Option<String>,
    pub content: Option<String>,
    pub untagged: bool,
    /// `default`: fields the file leaves out come from the struct's `Default`.
    pub default: bool,
    pub deny_unknown_fields: bool,
    /// `transparent`: serde reads the struct as its one field.
    pub transparent: bool,
    /// `try_from = "T"` or `from = "T"`: serde reads a `T` and converts it,
    /// so a file holds a `T`'s layout, not the container's.
    pub source: Option<syn::Type>,
}

impl SerdeContainer {
    pub fn read(attrs: &[Attribute]) -> Self {
        let mut container = SerdeContainer::default();
        walk(attrs, |meta| {
            let rule = |meta: &ParseNestedMeta| -> syn::Result<Option<RenameRule>> {
                Ok(deserialize_name(meta)?.and_then(|name| RenameRule::from_name(&name)))
            };
            if meta.path.is_ident("rename_all") {
                container.rename_all = rule(meta)?;
            } else if meta.path.is_ident("rename_all_fields") {
                container.rename_all_fields = rule(meta)?;
            } else if meta.path.is_ident("tag") {
                container.tag = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("content") {
                container.content = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("untagged") {
                container.untagged = true;
            } else if meta.path.is_ident("deny_unknown_fields") {
                container.deny_unknown_fields = true;
            } else if meta.path.is_ident("transparent") {
                container.transparent = true;
            } else if meta.path.is_ident("try_from") || meta.path.is_ident("from") {
                // A type that does not parse is serde's to report.
                container.source = meta.value()?.parse::<LitStr>()?.parse().ok();
            } else if meta.path.is_ident("default") {
                // `default = "path"` on a container builds the whole struct
                // with a function; lowbit records no field defaults then.
                if meta.input.peek(Token![=]) {
                    return Ok(false);
                }
                container.default = true;
            } else {
                return Ok(false);
            }
            Ok(true)
        });
        container
    }
}

/// What serde's attributes on a field or variant say about its names.
#[derive(Default)]
pub struct SerdeItem {
    /// `rename`, the deserialize side.
    pub rename: Option<String>,
    pub aliases: Vec<String>,
    /// `flatten`: a field's own fields then sit at the level of the struct
    /// that holds it, in the file and so in paths.
    pub flatten: bool,
    /// `skip` or `skip_deserializing`: no config file sets it.
    pub skip: bool,
    /// On a variant: `rename_all` for its fields.
    pub rename_all: Option<RenameRule>,
    /// On a field: `default` or `default = "path"`.
    pub default: FieldDefault,
    /// On a variant: `untagged`, read from its contents once the tagged
    /// variants fail.
    pub untagged: bool,
}

impl SerdeItem {
    pub fn read(attrs: &[Attribute]) -> Self {
        let mut item = SerdeItem::default();
        walk(attrs, |meta| {
            if meta.path.is_ident("rename") {
                item.rename = deserialize_name(meta)?;
            } else if meta.path.is_ident("alias") {
                item.aliases.push(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("flatten") {
                item.flatten = true;
            } else if meta.path.is_ident("skip") || meta.path.is_ident("skip_deserializing") {
                item.skip = true;
            } else if meta.path.is_ident("default") {
                item.default = if meta.input.peek(Token![=]) {
                    let path: LitStr = meta.value()?.parse()?;
                    match path.parse() {
                        Ok(path) => FieldDefault::Function(path),
                        Err(_) => return Ok(true),
                    }
                } else {
                    FieldDefault::Trait
                };
            } else if meta.path.is_ident("rename_all") {
                item.rename_all =
                    deserialize_name(meta)?.and_then(|name| RenameRule::from_name(&name));
            } else if meta.path.is_ident("untagged") {
                item.untagged = true;
            } else {
                return Ok(false);
            }
            Ok(true)
        });
        item
    }
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
