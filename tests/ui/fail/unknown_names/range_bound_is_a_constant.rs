use lowbit_core::Validate;

const LIMIT: u64 = 10;

#[derive(Validate)]
struct Scrape {
    #[range(max = LIMIT)]
    scrape_timeout: u64,
}

fn main() {}
