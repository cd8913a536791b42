//! The tests of `ip`, `ipv4` and `ipv6`: the text parses as an address the
//! way `std::net` parses it, so that a config the rules accept is one the
//! program can `parse()` without a second error. That means dotted-quad
//! IPv4 only (no leading zeros, no shorthand such as `127.1`), IPv6 in
//! RFC 4291's text forms with an embedded IPv4 tail allowed, and nothing
//! around the address: no brackets, no zone (`%eth0`), no port, no spaces.
//! The strings are read through [`Text`](super::Text), which passes an
//! absent one.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// `ip` is broken: the text is neither an IPv4 nor an IPv6 address.
#[inline]
#[must_use]
pub fn not_ip(text: Option<&str>) -> bool {
    text.is_some_and(|text| text.parse::<IpAddr>().is_err())
}

/// `ipv4` is broken: the text is no IPv4 address.
#[inline]
#[must_use]
pub fn not_ipv4(text: Option<&str>) -> bool {
    text.is_some_and(|text| text.parse::<Ipv4Addr>().is_err())
}

/// `ipv6` is broken: the text is no IPv6 address (an IPv4 one is not).
#[inline]
#[must_use]
pub fn not_ipv6(text: Option<&str>) -> bool {
    text.is_some_and(|text| text.parse::<Ipv6Addr>().is_err())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_text_passes() {
        assert!(!not_ip(None));
        assert!(!not_ipv4(None));
        assert!(!not_ipv6(None));
    }

    #[test]
    fn each_family_and_neither() {
        assert!(!not_ip(Some("10.0.0.1")));
        assert!(!not_ip(Some("::1")));
        assert!(not_ip(Some("localhost")));
        assert!(!not_ipv4(Some("10.0.0.1")));
        assert!(not_ipv4(Some("::1")));
        assert!(!not_ipv6(Some("::1")));
        assert!(not_ipv6(Some("10.0.0.1")));
        assert!(not_ip(Some("")));
    }
}
