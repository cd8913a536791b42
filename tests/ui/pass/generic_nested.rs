//! A generic type whose `#[nested]` fields are of its parameter: the derive
//! adds every bound it needs itself, so code generic over the parameter
//! asks no more than `Validate` of it (a bound on a private trait of
//! lowbit's could not be written by a user, yet rustc would suggest it).
use lowbit_core::Validate;

#[derive(Validate)]
struct Limits {
    #[range(max = 10)]
    count: u32,
}

#[derive(Validate)]
struct Deep<L> {
    #[nested]
    inner: L,
    #[nested]
    maybe: Option<L>,
    #[nested]
    list: Vec<L>,
}

#[derive(Validate)]
enum Either<L> {
    Left {
        #[nested]
        side: L,
    },
    Right {
        #[nested]
        sides: Vec<L>,
    },
}

/// Generic over the leaf, with nothing but `Validate` asked of it.
fn paths<L: Validate>(deep: &Deep<L>, either: &Either<L>) -> Vec<String> {
    let mut paths: Vec<String> = deep.report().iter().map(|v| v.path().to_string()).collect();
    paths.extend(either.report().iter().map(|v| v.path().to_string()));
    paths
}

fn main() {
    let limits = |count| Limits { count };
    let deep = Deep {
        inner: limits(11),
        maybe: Some(limits(1)),
        list: vec![limits(2), limits(12)],
    };
    let either = Either::Right {
        sides: vec![limits(13)],
    };
    assert_eq!(
        paths(&deep, &either),
        ["inner.count", "list[1].count", "Right.sides[0].count"]
    );
    let left = Either::Left { side: limits(3) };
    assert!(left.validate().is_ok());
}
