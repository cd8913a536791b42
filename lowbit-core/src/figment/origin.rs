//! Where a value of a merged figment was set, and the place in that source
//! a diagnostic about it points at: the file's line and column (the file
//! read again and the key located with this crate's own parsers), the
//! environment variable's full name, or the code.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use figment::value::Tag;
use figment::{Figment, Metadata, Source};

use super::tree::Site;
use crate::PathSegment;
use crate::diagnostic::{Diagnostic, LineIndex, Origin, OriginKind};
#[cfg(any(feature = "toml", feature = "json", feature = "yaml"))]
use crate::load::Document;

/// The sources of one figment, each file read once.
pub(crate) struct Origins<'f> {
    figment: &'f Figment,
    files: HashMap<PathBuf, Arc<str>>,
}

impl<'f> Origins<'f> {
    pub(crate) fn new(figment: &'f Figment) -> Self {
        Origins {
            figment,
            files: HashMap::new(),
        }
    }

    /// Puts `diagnostic`, found at `site` of the merged value, where the
    /// value was set. Without a source (a table no source has), it has no
    /// origin and no position.
    pub(crate) fn place(&mut self, diagnostic: &mut Diagnostic, site: Option<&Site>) {
        let metadata = site.and_then(|site| Some((site, self.figment.get_metadata(site.tag)?)));
        let Some((site, metadata)) = metadata else {
            nowhere(diagnostic);
            return;
        };
        let candidates = candidates(&site.path, site.tag);
        match &metadata.source {
            Some(Source::File(path)) => {
                self.in_file(diagnostic, metadata, path, &candidates, site.is_key)
            }
            Some(Source::Code(location)) => {
                let origin = origin(OriginKind::Code, metadata, location.file(), "");
                at(
                    diagnostic,
                    origin,
                    0..0,
                    (location.line() as usize, location.column() as usize),
                );
            }
            Some(Source::Custom(name)) => {
                nowhere(diagnostic);
                diagnostic.origin = Some(origin(OriginKind::Other, metadata, name, ""));
            }
            _ => match env_prefix(metadata) {
                Some(prefix) => in_env(diagnostic, metadata, prefix, site),
                None => {
                    nowhere(diagnostic);
                    let name = metadata.name.to_string();
                    diagnostic.origin = Some(origin(OriginKind::Other, metadata, &name, ""));
                }
            },
        }
    }

    /// The file at `path`, as it is now; `None` when it cannot be read.
    pub(crate) fn read(&mut self, path: &Path) -> Option<Arc<str>> {
        if let Some(text) = self.files.get(path) {
            return Some(text.clone());
        }
        let text: Arc<str> = std::fs::read_to_string(path).ok()?.into();
        self.files.insert(path.to_owned(), text.clone());
        Some(text)
    }

    fn in_file(
        &mut self,
        diagnostic: &mut Diagnostic,
        metadata: &Metadata,
        path: &Path,
        candidates: &[Vec<PathSegment>],
        is_key: bool,
    ) {
        let name = path.display().to_string();
        let Some(text) = self.read(path) else {
            nowhere(diagnostic);
            diagnostic.origin = Some(origin(OriginKind::File, metadata, &name, ""));
            return;
        };
        let span = Format::of(path, &metadata.name)
            .and_then(|format| format.locate(&text, candidates, is_key))
            .unwrap_or(0..0);
        let position = LineIndex::new(&text).position(span.start);
        let origin = Arc::new(Origin {
            kind: OriginKind::File,
            provider: metadata.name.to_string(),
            name,
            text,
        });
        at(diagnostic, origin, span, position);
    }
}

/// The paths the value may have in its source: as merged, or, for a file
/// of profiles (`Toml::file(..).nested()`), under its profile's table.
fn candidates(path: &[PathSegment], tag: Tag) -> Vec<Vec<PathSegment>> {
    let mut candidates = vec![path.to_vec()];
    if let Some(profile) = tag.profile() {
        let mut nested = vec![PathSegment::Field(
            profile.as_str().as_str().to_owned().into(),
        )];
        nested.extend_from_slice(path);
        candidates.push(nested);
    }
    candidates
}

/// An origin with nothing to point into but `text`.
fn origin(kind: OriginKind, metadata: &Metadata, name: &str, text: &str) -> Arc<Origin> {
    Arc::new(Origin {
        kind,
        provider: metadata.name.to_string(),
        name: name.to_owned(),
        text: text.into(),
    })
}

fn at(
    diagnostic: &mut Diagnostic,
    origin: Arc<Origin>,
    span: Range<usize>,
    (line, column): (usize, usize),
) {
    diagnostic.span = span;
    diagnostic.line = line;
    diagnostic.column = column;
    diagnostic.origin = Some(origin);
}

/// A diagnostic about no place in any source: the merged value's own
/// positions mean nothing to a reader.
pub(crate) fn nowhere(diagnostic: &mut Diagnostic) {
    diagnostic.span = 0..0;
    diagnostic.line = 1;
    diagnostic.column = 1;
    diagnostic.origin = None;
}

/// For figment's `Env` provider, named `` `APP_` environment variable(s)``
/// (or without a prefix): the prefix.
fn env_prefix(metadata: &Metadata) -> Option<&str> {
    let name = metadata.name.strip_suffix("environment variable(s)")?;
    match name.trim_end().strip_prefix('`') {
        Some(quoted) => quoted.split_once('`').map(|(prefix, _)| prefix),
        None => name.is_empty().then_some(""),
    }
}

/// Points `diagnostic` at the environment variable that set the value at
/// `site`: figment's metadata names only the keys (`MODEL.QUANT.ENABLE`),
/// so the variable is found among those set now, by its prefix and keys
/// joined by one separator (`__` for `Env::split("__")`).
fn in_env(diagnostic: &mut Diagnostic, metadata: &Metadata, prefix: &str, site: &Site) {
    let keys: Vec<&str> = site.path.iter().map_while(PathSegment::key).collect();
    let Some((name, value)) = env_var(prefix, &keys) else {
        let profile = site.tag.profile().unwrap_or_default();
        let name = metadata.interpolate(&profile, &keys);
        nowhere(diagnostic);
        diagnostic.origin = Some(origin(OriginKind::Env, metadata, &name, ""));
        return;
    };
    let text = format!("{name}={value}");
    // The key is the variable's name; the value, what follows `=`.
    let span = if site.is_key {
        0..name.len()
    } else {
        name.len() + 1..text.len()
    };
    let column = text[..span.start].chars().count() + 1;
    let origin = origin(OriginKind::Env, metadata, &name, &text);
    at(diagnostic, origin, span, (1, column));
    // An environment variable has no quotes to take off.
    if let Some(help) = &mut diagnostic.help
        && let Some(kept) = help.strip_suffix(", without quotes")
    {
        *help = kept.to_owned();
    }
}

/// The variable, set now, whose name is `prefix` and then `keys` (or the
/// longest start of them: a variable may hold a table) joined by one
/// separator, case aside; and its value.
fn env_var(prefix: &str, keys: &[&str]) -> Option<(String, String)> {
    let mut vars: Vec<(String, String)> = std::env::vars_os()
        .filter_map(|(name, value)| {
            Some((
                name.into_string().ok()?,
                value.to_string_lossy().into_owned(),
            ))
        })
        .filter(|(name, _)| {
            name.get(..prefix.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
        })
        .collect();
    vars.sort();
    (1..=keys.len()).rev().find_map(|held| {
        vars.iter()
            .find(|(name, _)| spells(&name[prefix.len()..], &keys[..held]))
            .cloned()
    })
}

/// Whether `rest` is `keys` joined by one separator, case aside.
fn spells(rest: &str, keys: &[&str]) -> bool {
    let rest = rest.trim().to_ascii_lowercase();
    let keys: Vec<String> = keys.iter().map(|key| key.to_ascii_lowercase()).collect();
    let Some((first, others)) = keys.split_first() else {
        return false;
    };
    if others.is_empty() {
        return rest == *first;
    }
    let written: usize = keys.iter().map(String::len).sum();
    let Some(between) = rest.len().checked_sub(written) else {
        return false;
    };
    if between == 0 || between % others.len() != 0 {
        return false;
    }
    let width = between / others.len();
    let Some(separator) = rest.get(first.len()..first.len() + width) else {
        return false;
    };
    rest == keys.join(separator)
}

/// A format this crate parses, to locate a key in a file.
#[derive(Clone, Copy)]
pub(crate) enum Format {
    #[cfg(feature = "toml")]
    Toml,
    #[cfg(feature = "json")]
    Json,
    #[cfg(feature = "yaml")]
    Yaml,
}

impl Format {
    /// The format of the file at `path`, by its extension, else by its
    /// provider's name (`TOML file`).
    pub(crate) fn of(path: &Path, provider: &str) -> Option<Format> {
        let extension = path.extension().and_then(|extension| extension.to_str());
        let name = match extension.map(str::to_ascii_lowercase).as_deref() {
            Some("toml") => "toml",
            Some("json") => "json",
            Some("yaml" | "yml") => "yaml",
            _ => provider.split(' ').next().unwrap_or_default(),
        };
        match name.to_ascii_lowercase().as_str() {
            #[cfg(feature = "toml")]
            "toml" => Some(Format::Toml),
            #[cfg(feature = "json")]
            "json" => Some(Format::Json),
            #[cfg(feature = "yaml")]
            "yaml" => Some(Format::Yaml),
            _ => None,
        }
    }

    /// The span of the first of `candidates` that `text` has (its key's,
    /// when `is_key`), or of the table nearest to it.
    fn locate(
        self,
        text: &str,
        candidates: &[Vec<PathSegment>],
        is_key: bool,
    ) -> Option<Range<usize>> {
        let _ = (text, candidates, is_key);
        match self {
            #[cfg(feature = "toml")]
            Format::Toml => find::<crate::load::Toml>(text, candidates, is_key),
            #[cfg(feature = "json")]
            Format::Json => find::<crate::load::Json>(text, candidates, is_key),
            #[cfg(feature = "yaml")]
            Format::Yaml => find::<crate::load::Yaml>(text, candidates, is_key),
        }
    }

    /// The syntax errors of `text`, if it has any.
    pub(crate) fn syntax_errors(self, text: &str) -> Vec<(Range<usize>, String)> {
        let _ = text;
        match self {
            #[cfg(feature = "toml")]
            Format::Toml => crate::load::Toml::parse(text).err().unwrap_or_default(),
            #[cfg(feature = "json")]
            Format::Json => crate::load::Json::parse(text).err().unwrap_or_default(),
            #[cfg(feature = "yaml")]
            Format::Yaml => crate::load::Yaml::parse(text).err().unwrap_or_default(),
        }
    }
}

#[cfg(any(feature = "toml", feature = "json", feature = "yaml"))]
fn find<'s, D: Document<'s>>(
    text: &'s str,
    candidates: &[Vec<PathSegment>],
    is_key: bool,
) -> Option<Range<usize>> {
    use crate::load::Tree as _;
    use crate::load::locate::walk;

    let root = D::parse(text).ok()?;
    let mut nearest: Option<(usize, Range<usize>)> = None;
    for path in candidates {
        let reach = walk(&root, path);
        if let Some(value) = reach.found() {
            return Some(match reach.key {
                Some(key) if is_key => key,
                _ => value.span(),
            });
        }
        if nearest
            .as_ref()
            .is_none_or(|(present, _)| reach.present > *present)
        {
            nearest = Some((reach.present, reach.value.span()));
        }
    }
    nearest.map(|(_, span)| span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_spells_keys_joined_by_one_separator() {
        assert!(spells(
            "MODEL__QUANT__ENABLE",
            &["model", "quant", "enable"]
        ));
        assert!(spells("model.quant.enable", &["model", "quant", "enable"]));
        assert!(spells("RHO__ACT_FORMAT", &["rho", "act_format"]));
        assert!(spells("WINDOW", &["window"]));
        assert!(!spells(
            "MODEL__QUANT_ENABLE",
            &["model", "quant", "enable"]
        ));
        assert!(!spells("MODELQUANT", &["model", "quant"]));
        assert!(!spells("WINDOWS", &["window"]));
        assert!(!spells("", &[]));
    }

    #[test]
    fn the_prefix_is_read_from_the_providers_name() {
        assert_eq!(
            env_prefix(&Metadata::named("`APP_` environment variable(s)")),
            Some("APP_")
        );
        assert_eq!(
            env_prefix(&Metadata::named("environment variable(s)")),
            Some("")
        );
        assert_eq!(env_prefix(&Metadata::named("TOML file")), None);
    }
}
