use lowbit_core::Validate;

#[derive(Validate)]
struct Scrape {
    scrape_interval: u32,
    #[range(max = scrape_interval)]
    scrape_timeout: u64,
}

fn main() {}
