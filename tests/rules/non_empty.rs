use super::*;

#[derive(Validate, Default)]
struct Text {
    #[non_empty]
    name: String,
}

#[test]
fn string() {
    passes(&Text { name: "a".into() });
    rejects(
        &Text::default(),
        "name",
        "non_empty",
        None,
        "name must not be empty",
    );
}

#[derive(Validate, Default)]
struct List {
    #[non_empty]
    modules: Vec<Module>,
}

#[test]
fn vec() {
    passes(&List {
        modules: vec![Module::Encoder],
    });
    rejects(
        &List::default(),
        "modules",
        "non_empty",
        None,
        "modules must not be empty",
    );
}

#[derive(Validate, Default)]
struct Optional {
    #[non_empty]
    name: Option<String>,
}

#[test]
fn option_none_passes_and_some_empty_is_rejected() {
    passes(&Optional { name: None });
    passes(&Optional {
        name: Some("a".into()),
    });
    rejects(
        &Optional {
            name: Some(String::new()),
        },
        "name",
        "non_empty",
        None,
        "name must not be empty",
    );
}

#[derive(Validate, Default)]
struct Cache {
    dir: String,
}

#[derive(Validate, Default)]
struct At {
    #[non_empty(at = dir)]
    cache: Cache,
}

#[test]
fn at_a_subfield() {
    passes(&At {
        cache: Cache { dir: "/tmp".into() },
    });
    rejects(
        &At::default(),
        "cache.dir",
        "non_empty",
        None,
        "cache.dir must not be empty",
    );
}
