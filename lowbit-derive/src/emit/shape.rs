//! The `Shape` impls: a type's fields and rules as data (`lowbit_core::shape`),
//! for docs and schemas. Field types are described through probes, so that
//! a field whose type lowbit cannot describe reads as "anything" instead of
//! asking a new bound of the user's types.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;

use super::context::{Base, Context, Scope};
use super::message;
use crate::model::{
    Cond, Container, Enum, Field, FieldDefault, Lit, Number, Order, Place, Rule, RuleKind, Struct,
    Tagging, Test, TextRule, VariantKind,
};

/// `impl Shape` for a struct.
pub fn for_struct(container: &Container, body: &Struct, scope: &mut Scope) -> TokenStream {
    let krate = &container.krate;
    // The struct's own `Default` gives the fields' defaults under
    // `#[serde(default)]`; serde requires it then. A generic struct's may
    // need bounds the impl does not have, so it records none.
    let container_default = body.serde_default && container.generics.params.is_empty();
    let default = if container_default {
        quote!(let __lowbit_default = <Self as ::core::default::Default>::default();)
    } else {
        TokenStream::new()
    };
    let mut shape = struct_shape(
        krate,
        &body.fields,
        body.gate.as_ref(),
        body.deny_unknown_fields,
        container_default,
        &container.doc,
        scope,
    );
    let transparent = body.transparent;
    shape = quote!(#krate::shape::StructShape { transparent: #transparent, ..#shape });
    let mut read = body.fields.iter().filter(|field| !field.skip);
    // A transparent struct is written as its one field's value.
    let datum = match read.next() {
        Some(field) if transparent => {
            let ident = &field.ident;
            quote!((&&&__lowbit_rt::Probe(&self.#ident)).datum_of())
        }
        _ => {
            let entries = body.fields.iter().filter(|field| !field.skip).map(|field| {
                let ident = &field.ident;
                let name = &field.name;
                let flatten = field.flatten;
                quote!((#name, #flatten, (&&&__lowbit_rt::Probe(&self.#ident)).datum_of()))
            });
            quote! {
                __lowbit_rt::table(__lowbit_rt::vec![#(#entries),*])
            }
        }
    };
    let container_rules = super::groups::rule_infos(krate, body, scope);
    let describe = quote! {
        #default
        let mut __lowbit_shape = #shape;
        ::core::iter::Extend::extend(
            &mut __lowbit_shape.rules,
            __lowbit_rt::vec![#(#container_rules),*],
        );
        #krate::shape::Named::Struct(__lowbit_shape)
    };
    shape_impl(container, &describe, &datum)
}

/// `impl Shape` for an enum. The rules as data name paths from the
/// variant's own fields.
pub fn for_enum(container: &Container, body: &Enum, cx: &mut Context) -> TokenStream {
    let krate = &container.krate;
    let variants: Vec<TokenStream> = body
        .variants
        .iter()
        .map(|variant| {
            let name = &variant.name;
            let aliases = &variant.aliases;
            let doc = &variant.doc;
            let none = quote!(__lowbit_rt::None);
            let (fields, payload) = match variant.kind {
                VariantKind::Unit => (none.clone(), none),
                VariantKind::Tuple => {
                    let kinds = variant
                        .tuple
                        .iter()
                        .map(|ty| quote!((&&&__lowbit_rt::ShapeProbe::<#ty>::new()).shape_of()));
                    let payload = quote! {
                        __lowbit_rt::Some(__lowbit_rt::vec![#(#kinds),*])
                    };
                    (none, payload)
                }
                VariantKind::Named => {
                    let mut scope = Scope {
                        krate,
                        fields: &variant.fields,
                        base: Base::Variant,
                        prefix: Vec::new(),
                        cx,
                    };
                    let shape =
                        struct_shape(krate, &variant.fields, None, false, false, "", &mut scope);
                    (quote!(__lowbit_rt::Some(#shape)), none)
                }
            };
            quote! {
                #krate::shape::VariantShape {
                    name: #name,
                    aliases: __lowbit_rt::vec![#(#aliases),*],
                    fields: #fields,
                    payload: #payload,
                    doc: #doc,
                }
            }
        })
        .collect();
    let default = match body.default {
        Some(index) => quote!(__lowbit_rt::Some(#index)),
        None => quote!(__lowbit_rt::None),
    };
    let tagging = match &body.tagging {
        Tagging::External => quote!(#krate::shape::Tagging::External),
        Tagging::Internal(tag) => quote!(#krate::shape::Tagging::Internal(#tag)),
        Tagging::Adjacent(tag, content) => {
            quote!(#krate::shape::Tagging::Adjacent(#tag, #content))
        }
        Tagging::Untagged => quote!(#krate::shape::Tagging::Untagged),
    };
    let doc = &container.doc;
    let describe = quote! {
        #krate::shape::Named::Enum(#krate::shape::EnumShape {
            variants: __lowbit_rt::vec![#(#variants),*],
            default: #default,
            tagging: #tagging,
            doc: #doc,
        })
    };
    // A value of a unit-only enum spells as its variant's name.
    let datum = if body.is_unit_only() {
        quote! {
            #krate::shape::Datum::Str(
                ::core::convert::From::from(#krate::VariantNames::serde_name(self)),
            )
        }
    } else {
        quote!(#krate::shape::Datum::Unknown)
    };
    shape_impl(container, &describe, &datum)
}

fn shape_impl(container: &Container, describe: &TokenStream, datum: &TokenStream) -> TokenStream {
    let krate = &container.krate;
    let ident = &container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    // With `try_from` or `from`, a file holds the source type, which is so
    // what the container is described as; its own value is not written as
    // the source's, so it gives no datum.
    if let Some(source) = &container.source {
        return quote! {
            #[automatically_derived]
            #[allow(unused_qualifications, clippy::all, clippy::pedantic, clippy::nursery)]
            impl #impl_generics #krate::shape::Shape for #ident #ty_generics #where_clause {
                fn shape() -> #krate::shape::Kind {
                    #[allow(unused_imports)]
                    use __lowbit_rt::{NoShape as _, OptionShape as _, ShapeOf as _};
                    (&&&__lowbit_rt::ShapeProbe::<#source>::new()).shape_of()
                }

                fn datum(&self) -> #krate::shape::Datum {
                    #krate::shape::Datum::Unknown
                }
            }
        };
    }
    quote! {
        #[automatically_derived]
        #[allow(unused_qualifications, clippy::all, clippy::pedantic, clippy::nursery)]
        impl #impl_generics #krate::shape::Shape for #ident #ty_generics #where_clause {
            fn shape() -> #krate::shape::Kind {
                #krate::shape::Kind::Named(#krate::shape::NamedRef {
                    name: ::core::any::type_name::<Self>(),
                    describe: || {
                        #[allow(unused_imports)]
                        use __lowbit_rt::{DatumOf as _, NoDatum as _, NoShape as _, OptionDatum as _, OptionShape as _, ShapeOf as _};
                        #describe
                    },
                })
            }

            fn datum(&self) -> #krate::shape::Datum {
                #[allow(unused_imports)]
                use __lowbit_rt::{DatumOf as _, NoDatum as _, OptionDatum as _};
                #datum
            }
        }
    }
}

/// A `StructShape` expression for `fields` and their rules.
fn struct_shape(
    krate: &syn::Path,
    fields: &[Field],
    gate: Option<&Place>,
    deny_unknown_fields: bool,
    container_default: bool,
    doc: &str,
    scope: &mut Scope,
) -> TokenStream {
    let field_shapes = fields.iter().filter(|field| !field.skip).map(|field| {
        let name = &field.name;
        let aliases = &field.aliases;
        let rust_name = field.ident.unraw().to_string();
        let ty = &field.ty;
        let ident = &field.ident;
        let flatten = field.flatten;
        let doc = &field.doc;
        let datum = |value: TokenStream| {
            quote!(__lowbit_rt::Some((&&&__lowbit_rt::Probe(&#value)).datum_of()))
        };
        let default = match &field.default {
            FieldDefault::Trait => datum(quote!(<#ty as ::core::default::Default>::default())),
            FieldDefault::Function(path) => datum(quote!(#path())),
            FieldDefault::None if container_default => datum(quote!(__lowbit_default.#ident)),
            FieldDefault::None => quote!(__lowbit_rt::None),
        };
        quote! {
            #krate::shape::FieldShape {
                name: #name,
                aliases: __lowbit_rt::vec![#(#aliases),*],
                rust_name: #rust_name,
                kind: (&&&__lowbit_rt::ShapeProbe::<#ty>::new()).shape_of(),
                default: #default,
                flatten: #flatten,
                doc: #doc,
            }
        }
    });
    let rules: Vec<TokenStream> = crate::model::rules(fields)
        .map(|(field, rule)| rule_info(krate, field, rule, gate.is_some(), scope, ""))
        .collect();
    let gate = match gate {
        Some(gate) => {
            let path = path(scope, gate);
            quote!(__lowbit_rt::Some(#path))
        }
        None => quote!(__lowbit_rt::None),
    };
    quote! {
        #krate::shape::StructShape {
            fields: __lowbit_rt::vec![#(#field_shapes),*],
            rules: __lowbit_rt::vec![#(#rules),*],
            gate: #gate,
            deny_unknown_fields: #deny_unknown_fields,
            transparent: false,
            doc: #doc,
        }
    }
}

/// A rule's `RuleInfo`; `lead` goes before its default message (that of a
/// rule inside `keys(..)`).
fn rule_info(
    krate: &syn::Path,
    field: &Field,
    rule: &Rule,
    gated: bool,
    scope: &mut Scope,
    lead: &str,
) -> TokenStream {
    let shape = quote!(#krate::shape);
    let lits = |lits: &[Lit]| {
        let lits = lits.iter().map(|lit| literal(krate, lit));
        quote!(__lowbit_rt::vec![#(#lits),*])
    };
    let optional = |lit: Option<TokenStream>| match lit {
        Some(lit) => quote!(__lowbit_rt::Some(#lit)),
        None => quote!(__lowbit_rt::None),
    };
    let kind = match &rule.kind {
        RuleKind::OneOf(values) => {
            let values = lits(values);
            quote!(#shape::RuleKind::OneOf(#values))
        }
        RuleKind::NoneOf(values) => {
            let values = lits(values);
            quote!(#shape::RuleKind::NoneOf(#values))
        }
        RuleKind::Requires(conds) => {
            let conds: Vec<TokenStream> = conds
                .iter()
                .map(|cond| condition(krate, scope, cond))
                .collect();
            quote!(#shape::RuleKind::Requires(__lowbit_rt::vec![#(#conds),*]))
        }
        RuleKind::OnlyIf(cond) => {
            let cond = condition(krate, scope, cond);
            quote!(#shape::RuleKind::OnlyIf(#cond))
        }
        RuleKind::RequiredIf(cond) => {
            let cond = condition(krate, scope, cond);
            quote!(#shape::RuleKind::RequiredIf(#cond))
        }
        RuleKind::ConflictsWith(cond) => {
            let cond = condition(krate, scope, cond);
            quote!(#shape::RuleKind::ConflictsWith(#cond))
        }
        RuleKind::Nested => quote!(#shape::RuleKind::Nested),
        RuleKind::Range {
            min,
            max,
            exclusive,
        } => {
            let (min, min_field) = number(krate, scope, min.as_ref());
            let (max, max_field) = number(krate, scope, max.as_ref());
            let (exclusive_min, exclusive_max) = (exclusive.min, exclusive.max);
            quote!(#shape::RuleKind::Range { min: #min, max: #max, min_field: #min_field, max_field: #max_field, exclusive_min: #exclusive_min, exclusive_max: #exclusive_max })
        }
        RuleKind::MultipleOf(divisor) => {
            let (value, field) = number(krate, scope, Some(divisor));
            quote!(#shape::RuleKind::MultipleOf { value: #value, field: #field })
        }
        RuleKind::Length(lengths, counted) => {
            let count = |count: Option<usize>| optional(count.map(|count| quote!(#count)));
            let (min, max) = lengths.bounds();
            let (min, max) = (count(min), count(max));
            let unit = optional(counted.as_ref().map(|counted| {
                let unit = match counted.unit {
                    crate::model::Unit::Bytes => quote!(Bytes),
                    crate::model::Unit::Chars => quote!(Chars),
                    crate::model::Unit::Graphemes => quote!(Graphemes),
                    crate::model::Unit::Utf16 => quote!(Utf16),
                };
                quote!(#shape::LengthUnit::#unit)
            }));
            quote!(#shape::RuleKind::Length { min: #min, max: #max, unit: #unit })
        }
        RuleKind::NonEmpty => quote!(#shape::RuleKind::NonEmpty),
        RuleKind::Forbidden => quote!(#shape::RuleKind::Forbidden),
        RuleKind::Required => quote!(#shape::RuleKind::Required),
        RuleKind::Unique => quote!(#shape::RuleKind::Unique),
        RuleKind::Text(test) => match test {
            TextRule::Prefix(text) => quote!(#shape::RuleKind::Prefix(#text)),
            TextRule::Suffix(text) => quote!(#shape::RuleKind::Suffix(#text)),
            TextRule::Contains(text) => quote!(#shape::RuleKind::Contains(#text)),
            TextRule::DoesNotContain(text) => quote!(#shape::RuleKind::DoesNotContain(#text)),
            TextRule::Ascii => quote!(#shape::RuleKind::Ascii),
            TextRule::Alphanumeric => quote!(#shape::RuleKind::Alphanumeric),
            TextRule::Ip => quote!(#shape::RuleKind::Ip),
            TextRule::Ipv4 => quote!(#shape::RuleKind::Ipv4),
            TextRule::Ipv6 => quote!(#shape::RuleKind::Ipv6),
            TextRule::Pattern(source) => quote!(#shape::RuleKind::Pattern(#source)),
            TextRule::Email => quote!(#shape::RuleKind::Email),
            TextRule::Url(schemes) => {
                quote!(#shape::RuleKind::Url(__lowbit_rt::vec![#(#schemes),*]))
            }
        },
        RuleKind::Custom { function, context } => {
            let function = quote!(#function).to_string().replace(' ', "");
            let context = context.is_some();
            quote!(#shape::RuleKind::Custom { function: #function, context: #context })
        }
        RuleKind::Items(rules) | RuleKind::Keys(rules) => {
            let (variant, lead) = match &rule.kind {
                RuleKind::Items(_) => (quote!(Items), ""),
                _ => (quote!(Keys), "key "),
            };
            let rules: Vec<TokenStream> = rules
                .iter()
                .map(|inner| rule_info(krate, field, inner, gated, scope, lead))
                .collect();
            quote!(#shape::RuleKind::#variant(__lowbit_rt::vec![#(#rules),*]))
        }
    };
    let name = field.path_name();
    let subject = path(scope, &rule.subject);
    let when = lits(rule.when.as_deref().unwrap_or_default());
    let guard = match &rule.guard {
        Some(guard) => {
            let guard = condition(krate, scope, guard);
            quote!(__lowbit_rt::Some(#guard))
        }
        None => quote!(__lowbit_rt::None),
    };
    let gated = gated && !rule.ungated;
    let warn = rule.warn;
    let (mut template, args) = message::template(rule, scope.fields);
    if rule.message.is_none() && !template.is_empty() {
        template.insert_str(0, lead);
    }
    let names: Vec<TokenStream> = args
        .iter()
        .filter_map(|place| scope.last_name(place))
        .collect();
    quote! {
        #shape::RuleInfo {
            kind: #kind,
            field: #name,
            subject: #subject,
            when: #when,
            gated: #gated,
            guard: #guard,
            warn: #warn,
            message: __lowbit_rt::fill_names(#template, &[#(#names),*]),
        }
    }
}

/// A rule's number as data: `(Option<Literal>, Option<path>)`, one of them
/// `Some` when there is a number.
fn number(
    krate: &syn::Path,
    scope: &mut Scope,
    number: Option<&Number>,
) -> (TokenStream, TokenStream) {
    let none = quote!(__lowbit_rt::None);
    match number {
        Some(Number::Lit(crate::model::Bound {
            millis: Some(millis),
            ..
        })) => {
            let duration = quote!(::core::time::Duration::from_millis(#millis));
            (
                quote!(__lowbit_rt::Some(#krate::shape::Literal::Duration(#duration))),
                none,
            )
        }
        Some(Number::Lit(bound)) => {
            let lit = literal(krate, &bound.lit);
            (quote!(__lowbit_rt::Some(#lit)), none)
        }
        Some(Number::Field(place)) => {
            let path = path(scope, place);
            (none, quote!(__lowbit_rt::Some(#path)))
        }
        None => (none.clone(), none),
    }
}

/// The serde path of a place, as a `Vec<&'static str>` expression.
fn path(scope: &mut Scope, place: &Place) -> TokenStream {
    let segments = scope.resolve(place).segments;
    quote!(__lowbit_rt::path(&[#(#segments),*]))
}

pub fn condition(krate: &syn::Path, scope: &mut Scope, cond: &Cond) -> TokenStream {
    let shape = quote!(#krate::shape);
    match cond {
        Cond::Set(place) => {
            let path = path(scope, place);
            quote!(#shape::Condition::Set(#path))
        }
        Cond::Test(place, test) => {
            let path = path(scope, place);
            let test = test_tokens(krate, test);
            quote!(#shape::Condition::Test(#path, #test))
        }
        Cond::Every(place, test) => {
            let path = path(scope, place);
            let test = test_tokens(krate, test);
            quote!(#shape::Condition::EveryItem(#path, #test))
        }
        Cond::Some(place, test) => {
            let path = path(scope, place);
            let test = test_tokens(krate, test);
            quote!(#shape::Condition::SomeItem(#path, #test))
        }
        Cond::Compare(left, relation, right) => {
            let left = path(scope, left);
            let right = path(scope, right);
            let symbol = relation.symbol();
            quote!(#shape::Condition::Compare(#left, #symbol, #right))
        }
        Cond::Not(inner) => {
            let inner = condition(krate, scope, inner);
            quote!(#shape::Condition::Not(__lowbit_rt::boxed(#inner)))
        }
        Cond::All(conds) | Cond::Any(conds) => {
            let conds: Vec<TokenStream> = conds
                .iter()
                .map(|cond| condition(krate, scope, cond))
                .collect();
            let variant = if let Cond::All(_) = cond {
                quote!(All)
            } else {
                quote!(Any)
            };
            quote!(#shape::Condition::#variant(__lowbit_rt::vec![#(#conds),*]))
        }
    }
}

fn test_tokens(krate: &syn::Path, test: &Test) -> TokenStream {
    let shape = quote!(#krate::shape);
    match test {
        Test::Eq(lit) => {
            let lit = literal(krate, lit);
            quote!(#shape::Test::Eq(#lit))
        }
        Test::Ne(lit) => {
            let lit = literal(krate, lit);
            quote!(#shape::Test::Ne(#lit))
        }
        Test::In(lits) => {
            let lits = lits.iter().map(|lit| literal(krate, lit));
            quote!(#shape::Test::In(__lowbit_rt::vec![#(#lits),*]))
        }
        Test::Order(order, lit) => {
            let lit = literal(krate, lit);
            let variant = match order {
                Order::Lt => quote!(Lt),
                Order::Le => quote!(Le),
                Order::Gt => quote!(Gt),
                Order::Ge => quote!(Ge),
            };
            quote!(#shape::Test::#variant(#lit))
        }
    }
}

fn literal(krate: &syn::Path, lit: &Lit) -> TokenStream {
    let shape = quote!(#krate::shape);
    match lit {
        Lit::Str(text) => quote!(#shape::Literal::Str(#text)),
        Lit::Bool(flag) => quote!(#shape::Literal::Bool(#flag)),
        Lit::Int(int) => match int.base10_parse::<i128>() {
            Ok(value) => {
                let value = proc_macro2::Literal::i128_suffixed(value);
                quote!(#shape::Literal::Int(#value))
            }
            Err(_) => {
                let value = float(int.base10_digits());
                quote!(#shape::Literal::Float(#value))
            }
        },
        Lit::Float(number) => {
            let value = float(number.base10_digits());
            quote!(#shape::Literal::Float(#value))
        }
    }
}

/// A float literal's value as an `f64` expression; one too large for an
/// `f64` is infinite (the literal itself is rustc's to refuse).
fn float(digits: &str) -> TokenStream {
    match digits.parse::<f64>() {
        Ok(value) if value.is_finite() => {
            let value = proc_macro2::Literal::f64_suffixed(value);
            quote!(#value)
        }
        Ok(value) if value < 0.0 => quote!(::core::f64::NEG_INFINITY),
        Ok(_) => quote!(::core::f64::INFINITY),
        Err(_) => quote!(::core::f64::NAN),
    }
}
