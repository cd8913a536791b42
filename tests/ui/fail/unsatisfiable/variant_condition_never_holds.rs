use lowbit_core::Validate;

#[derive(serde::Deserialize, Validate, Default)]
#[serde(rename_all = "snake_case")]
enum Interval {
    #[default]
    Step,
    #[serde(alias = "every_chunk")]
    Chunk,
}

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "snake_case")]
enum Source {
    File {
        #[one_of("step")]
        interval: Interval,
        // An alias of a variant `one_of` leaves out is still left out.
        #[only_if(interval = "every_chunk")]
        chunk_size: Option<u32>,
    },
}

fn main() {}
