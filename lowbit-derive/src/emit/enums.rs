//! The impls of an enum: its variant-name table, and what makes it usable in
//! rules (set, compared with names, described in reports), and `Validate`
//! over the fields of its struct variants.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;

use super::context::{Base, Context, Scope, binding};
use super::structs::{checks, validate_impl};
use crate::model::{Container, Enum, Tagging, Variant, VariantKind};

pub fn emit(container: &Container, body: &Enum) -> TokenStream {
    let validate = validate(container, body);
    let shell = shell(container, body);
    quote!(#validate #shell)
}

/// What an enum implements whatever its rules: its names, and what rules
/// ask of a type to compare it with names. A failed derive emits it too, so
/// that the rules of other types that use the enum still compile.
pub fn shell(container: &Container, body: &Enum) -> TokenStream {
    let krate = &container.krate;
    let ident = &container.ident;
    let type_name = ident.unraw().to_string();
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let names = body.variants.iter().map(|variant| &variant.name);
    let rust_names = body
        .variants
        .iter()
        .map(|variant| variant.ident.unraw().to_string());
    let aliases = body
        .variants
        .iter()
        .enumerate()
        .flat_map(|(index, variant)| {
            variant
                .aliases
                .iter()
                .map(move |alias| quote!((#alias, #index)))
        });
    // An untagged enum's names are never looked up: its lookups fail, and
    // take the loop that says why.
    let untagged = matches!(body.tagging, Tagging::Untagged);
    let table = if untagged {
        quote!(&[])
    } else {
        super::hashed::table(
            body.variants
                .iter()
                .enumerate()
                .flat_map(|(index, variant)| {
                    std::iter::once(variant.name.as_str())
                        .chain(variant.aliases.iter().map(String::as_str))
                        .map(move |name| (name, index))
                }),
        )
    };
    let default = match body.default {
        Some(index) => quote!(__lowbit_rt::Some(#index)),
        None => quote!(__lowbit_rt::None),
    };
    let arms = body.variants.iter().enumerate().map(|(index, variant)| {
        let variant_ident = &variant.ident;
        let pattern = match variant.kind {
            VariantKind::Unit => quote!(Self::#variant_ident),
            VariantKind::Tuple => quote!(Self::#variant_ident(..)),
            VariantKind::Named => quote!(Self::#variant_ident { .. }),
        };
        quote!(#pattern => #index,)
    });
    let header = |trait_: TokenStream| {
        quote! {
            #[automatically_derived]
            impl #impl_generics #trait_ for #ident #ty_generics #where_clause
        }
    };
    let variant_names = header(quote!(#krate::VariantNames));
    let is_set = header(quote!(#krate::__private::IsSet));
    let choice = header(quote!(#krate::__private::Choice));
    let describe = header(quote!(#krate::__private::Describe));
    let key = header(quote!(#krate::__private::Key));
    quote! {
        #variant_names {
            const TYPE_NAME: &'static str = #type_name;
            const NAMES: &'static [&'static str] = &[#(#names),*];
            const RUST_NAMES: &'static [&'static str] = &[#(#rust_names),*];
            const DEFAULT: ::core::option::Option<usize> = #default;
            const ALIASES: &'static [(&'static str, usize)] = &[#(#aliases),*];
            #[inline]
            fn variant_index(&self) -> usize {
                match self {
                    #(#arms)*
                }
            }
        }
        #is_set {
            #[inline]
            fn is_set(&self) -> bool {
                match <Self as #krate::VariantNames>::DEFAULT {
                    __lowbit_rt::Some(__lowbit_default) => {
                        #krate::VariantNames::variant_index(self) != __lowbit_default
                    }
                    __lowbit_rt::None => true,
                }
            }
        }
        #choice {
            const DOMAIN: __lowbit_rt::Domain = __lowbit_rt::Domain {
                type_name: <Self as #krate::VariantNames>::TYPE_NAME,
                names: <Self as #krate::VariantNames>::NAMES,
                rust_names: <Self as #krate::VariantNames>::RUST_NAMES,
                aliases: <Self as #krate::VariantNames>::ALIASES,
                table: #table,
                closed: true,
                untagged: #untagged,
            };
            #[inline]
            fn present(&self) -> bool {
                true
            }
            #[inline]
            fn is(&self, __lowbit_index: usize, _: &str) -> bool {
                #krate::VariantNames::variant_index(self) == __lowbit_index
            }
        }
        #describe {
            fn describe(&self) -> ::core::option::Option<#krate::Value> {
                __lowbit_rt::Some(#krate::Value::Name(#krate::VariantNames::serde_name(self)))
            }
        }
        #key {
            type Key<'__lowbit_a> = __lowbit_rt::Variant<Self> where Self: '__lowbit_a;
            #[inline]
            fn key(&self) -> ::core::option::Option<__lowbit_rt::Variant<Self>> {
                __lowbit_rt::Some(__lowbit_rt::Variant::new(
                    #krate::VariantNames::variant_index(self),
                ))
            }
        }
    }
}

/// The check of a newtype variant's payload, at the path serde gives it:
/// under the variant's name (externally tagged), under the content key
/// (adjacently tagged), or in place (internally tagged, untagged).
fn payload_check(variant: &crate::model::Variant, tagging: &crate::model::Tagging) -> TokenStream {
    let (steps, parent) = super::context::location_steps(&variant.prefix(tagging));
    quote! {
        #(#steps)*
        if !(&&__lowbit_rt::Payload(__lowbit_payload)).check_payload(#parent, __lowbit_sink) {
            return false;
        }
    }
}

/// For an enum serde reads from a buffer (see [`Enum::is_buffered`]): what
/// tells a loader the keys the table of the active variant accepts, at the
/// path serde gives that table; nothing for a variant that is no table, or
/// whose keys are not all known (a flattened field reads any). Only when
/// the sink records: a loader validates through `validate_into`, and
/// `is_valid` keeps its fast path.
fn keys_note(variant: &Variant, tagging: &Tagging) -> Option<TokenStream> {
    let (steps, at) = super::context::location_steps(&variant.prefix(tagging));
    let note = match variant.kind {
        VariantKind::Named if variant.fields.iter().any(|field| field.flatten) => return None,
        VariantKind::Named => {
            // An internally tagged variant's table holds the tag too.
            let tag = match tagging {
                Tagging::Internal(tag) if !variant.untagged => Some(tag),
                _ => None,
            };
            let names = (variant.fields.iter())
                .filter(|field| !field.skip)
                .flat_map(|field| std::iter::once(&field.name).chain(&field.aliases));
            let keys = tag.into_iter().chain(names);
            quote!(__lowbit_rt::untagged::keys(#at, &[#(#keys),*]);)
        }
        _ if variant.payload.as_ref().is_some_and(|ty| !borrows(ty)) => quote! {
            #[allow(unused_imports)]
            use __lowbit_rt::untagged::{NoteFields as _, SkipFields as _};
            (&&__lowbit_rt::untagged::Fields(__lowbit_payload)).note_fields(#at);
        },
        _ => return None,
    };
    Some(quote! {
        if <__LowbitSink as __lowbit_rt::Sink>::RECORDS {
            #(#steps)*
            #note
        }
    })
}

/// Whether `ty` names a lifetime or a reference: it may borrow from the
/// document, so that it cannot be asked its keys on its own.
fn borrows(ty: &syn::Type) -> bool {
    fn any(tokens: TokenStream) -> bool {
        tokens.into_iter().any(|token| match token {
            proc_macro2::TokenTree::Punct(punct) => matches!(punct.as_char(), '\'' | '&'),
            proc_macro2::TokenTree::Group(group) => any(group.stream()),
            _ => false,
        })
    }
    any(quote!(#ty))
}

/// `Validate`: the rules on the fields of the active variant, where its
/// fields sit in the config file.
fn validate(container: &Container, body: &Enum) -> TokenStream {
    let krate = &container.krate;
    let mut cx = Context::new(&container.generics);
    let mut arms = Vec::new();
    let mut assertions = Vec::new();
    let shape = if cfg!(feature = "shape") {
        super::shape::for_enum(container, body, &mut cx)
    } else {
        TokenStream::new()
    };
    let buffered = body.is_buffered();
    for variant in &body.variants {
        let note = if buffered {
            keys_note(variant, &body.tagging)
        } else {
            None
        };
        // In a block of its own: its locals stay out of the checks' way.
        let note = note.map(|note| quote!({ #note }));
        if variant.payload.is_some() {
            let check = payload_check(variant, &body.tagging);
            let variant_ident = &variant.ident;
            arms.push(quote!(Self::#variant_ident(__lowbit_payload) => { #note #check }));
            continue;
        }
        if variant.fields.iter().all(|field| field.rules.is_empty()) {
            if let Some(note) = note {
                let variant_ident = &variant.ident;
                arms.push(quote!(Self::#variant_ident { .. } => { #note }));
            }
            continue;
        }
        let mut scope = Scope {
            krate,
            fields: &variant.fields,
            base: Base::Variant,
            prefix: variant.prefix(&body.tagging),
            cx: &mut cx,
        };
        let checks = checks(&mut scope, None);
        if !container.is_generic() {
            assertions.push(super::assertions::one_of(&mut scope));
        }
        let variant_ident = &variant.ident;
        let bindings = variant.fields.iter().map(|field| {
            let ident = &field.ident;
            let binding = binding(field);
            quote!(#ident: #binding)
        });
        let pattern = quote!(Self::#variant_ident { #(#bindings,)* });
        // Aliases are recorded at the variant's table, where a loader finds
        // what the file gives under one.
        let checks = super::structs::with_field_aliases(
            &variant.fields,
            &variant.prefix(&body.tagging),
            checks,
        );
        arms.push(quote!(#pattern => { #note #checks }));
    }
    if arms.is_empty() {
        let ident = &container.ident;
        let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
        let items = cx.items();
        return quote! {
            #shape
            #items
            #[automatically_derived]
            impl #impl_generics #krate::Validate for #ident #ty_generics #where_clause {
                #[inline]
                fn validate_into(&self, _: &#krate::Location<'_>, _: &mut #krate::Report) {}
                #[inline]
                fn is_valid_at(&self, _: &#krate::Location<'_>) -> bool {
                    true
                }
                #[inline]
                fn check_into<__LowbitSink: __lowbit_rt::Sink>(
                    &self,
                    _: &#krate::Location<'_>,
                    _: &mut __LowbitSink,
                ) -> bool {
                    true
                }
            }
        };
    }
    // The other variants have nothing to check; when there are none, the
    // catch-all arm is unreachable.
    let rest = quote! {
        #[allow(unreachable_patterns)]
        _ => {}
    };
    // The probes that validate a newtype variant's payload only when its
    // type can be validated.
    let probes = quote! {
        #[allow(unused_imports)]
        use __lowbit_rt::{ValidatePayload as _, SkipPayload as _};
    };
    let checks = quote!(#probes match self { #(#arms)* #rest });
    let validate = validate_impl(container, &cx, &checks);
    quote!(#(#assertions)* #shape #validate)
}

#[cfg(test)]
mod tests {
    use quote::quote;

    /// The expansion of `input`, as text without spaces.
    fn expand(input: proc_macro2::TokenStream) -> String {
        let text = crate::expand(input).to_string();
        text.split_whitespace().collect()
    }

    /// Only an enum serde reads from a buffer tells a loader its keys: what
    /// other enums (and structs) expand to does not grow by a token.
    #[test]
    fn only_buffered_enums_note_their_keys() {
        let tagged = [
            quote! { enum E { Small { count: u8 }, New(P) } },
            quote! { #[serde(tag = "kind")] enum E { Small { count: u8 }, New(P) } },
            quote! { #[serde(tag = "t", content = "c")] enum E { Small { count: u8 } } },
            quote! { struct S { count: u8 } },
        ];
        for input in tagged {
            assert!(!expand(input.clone()).contains("untagged::"), "{input}");
        }
        let untagged = expand(quote! {
            #[serde(untagged, rename_all_fields = "camelCase")]
            enum Build {
                Context(String),
                Config {
                    #[serde(alias = "file")]
                    docker_file: Option<String>,
                    #[serde(skip)]
                    hidden: u8,
                },
                Nothing,
            }
        });
        assert!(untagged.contains(r#"untagged::keys(__lowbit_at,&["dockerFile","file"]);"#));
        assert!(untagged.contains("untagged::Fields(__lowbit_payload)).note_fields(__lowbit_at)"));
        // Partly untagged: a tagged variant's table is under its name, and
        // holds the tag when the enum is internally tagged.
        let partly = expand(quote! {
            #[serde(tag = "kind")]
            enum Source { File { path: String }, #[serde(untagged)] Inline { text: String } }
        });
        assert!(partly.contains(r#"untagged::keys(__lowbit_at,&["kind","path"]);"#));
        assert!(partly.contains(r#"untagged::keys(__lowbit_at,&["text"]);"#));
        let external = expand(quote! {
            enum Source { File { path: String }, #[serde(untagged)] Inline(String) }
        });
        assert!(external.contains(r#"__lowbit_at.field("File");"#));
        assert!(external.contains(r#"untagged::keys(&__lowbit_at_0,&["path"]);"#));
    }

    /// A payload that may borrow from the document cannot be read on its
    /// own to ask its keys; a flattened field's keys are any.
    #[test]
    fn borrowed_payloads_and_flattened_fields_note_nothing() {
        let expanded = expand(quote! {
            #[serde(untagged)]
            enum E<'a> {
                Text(&'a str),
                Held(Cow<'a, str>),
                Loose { #[serde(flatten)] rest: Map }
            }
        });
        assert!(!expanded.contains("untagged::"), "{expanded}");
    }
}
