//! `nested` through every container it reaches into, with the paths the
//! config file would use.
use std::collections::{BTreeMap, HashMap};

use lowbit_core::Validate;

#[derive(Validate, Default, Clone)]
struct Layer {
    #[range(min = 1, max = 8)]
    bits: u8,
}

#[derive(Validate, Default)]
struct Model {
    #[nested]
    head: Layer,
    #[nested]
    tail: Option<Layer>,
    #[nested]
    blocks: Vec<Layer>,
    #[nested]
    pair: [Layer; 2],
    #[nested]
    named: BTreeMap<String, Layer>,
    #[nested]
    by_id: HashMap<u32, Layer>,
    #[nested]
    boxed: Box<Layer>,
}

fn main() {
    let good = Layer { bits: 4 };
    let bad = Layer { bits: 9 };
    let model = Model {
        head: bad.clone(),
        tail: Some(bad.clone()),
        blocks: vec![good.clone(), good.clone(), bad.clone()],
        pair: [bad.clone(), good.clone()],
        named: BTreeMap::from([
            ("enc".to_owned(), good.clone()),
            ("dec".to_owned(), bad.clone()),
        ]),
        by_id: HashMap::from([(7, bad.clone())]),
        boxed: Box::new(bad),
    };
    let report = model.validate().unwrap_err();
    let paths: Vec<String> = report.iter().map(|v| v.path().to_string()).collect();
    assert_eq!(
        paths,
        [
            "head.bits",
            "tail.bits",
            "blocks[2].bits",
            "pair[0].bits",
            r#"named["dec"].bits"#,
            r#"by_id["7"].bits"#,
            "boxed.bits",
        ]
    );
    let fine = Model {
        head: good.clone(),
        tail: None,
        blocks: Vec::new(),
        pair: [good.clone(), good.clone()],
        named: BTreeMap::new(),
        by_id: HashMap::new(),
        boxed: Box::new(good),
    };
    assert!(fine.is_valid());
}
