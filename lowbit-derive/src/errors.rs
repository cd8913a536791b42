//! The errors of one expansion. Every stage pushes what it finds and goes
//! on, so that the user sees every malformed attribute at once: one
//! `compile_error!` each, spanned where it was found.

use std::fmt::Display;

use proc_macro2::{Span, TokenStream};

/// The errors found so far, in the order found.
#[derive(Default)]
pub struct Errors {
    /// All of them: `syn::Error` holds a list, and renders one
    /// `compile_error!` per message.
    all: Option<syn::Error>,
}

impl Errors {
    /// Adds `error` (which may itself hold several).
    pub fn push(&mut self, error: syn::Error) {
        match &mut self.all {
            Some(all) => all.combine(error),
            None => self.all = Some(error),
        }
    }

    /// Adds `message`, spanned on `span`.
    pub fn at(&mut self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// The value of `result`, or `None` with its error added.
    pub fn handle<T>(&mut self, result: syn::Result<T>) -> Option<T> {
        result.map_err(|error| self.push(error)).ok()
    }

    /// The `compile_error!`s, or `None` when nothing was found.
    pub fn finish(self) -> Option<TokenStream> {
        self.all.map(|all| all.to_compile_error())
    }
}
