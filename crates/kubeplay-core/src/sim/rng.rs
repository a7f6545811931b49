//! The simulation's seeded random numbers (SplitMix64: tiny, fast, deterministic on every platform) and
//! the name suffixes Kubernetes generates from them.

/// The alphabet of `k8s.io/apimachinery/pkg/util/rand.String`: lowercase consonants and digits without
/// vowels or look-alikes, so generated names never spell words.
pub const ALPHANUMS: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";

/// A seeded SplitMix64 generator.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// `rand.String(n)`: the suffix of generated pod names (`web-7x2kq`).
    pub fn suffix(&mut self, n: usize) -> String {
        let mut s = String::with_capacity(n);
        self.push_suffix(&mut s, n);
        s
    }
    /// [`Rng::suffix`] appended to `out` (no allocation of its own: pod names are made in loops).
    pub fn push_suffix(&mut self, out: &mut String, n: usize) {
        for _ in 0..n {
            out.push(ALPHANUMS[(self.next_u64() % ALPHANUMS.len() as u64) as usize] as char);
        }
    }
}

/// FNV-1a 32-bit, as `pkg/util/hash` uses for `pod-template-hash` and `controller-revision-hash`.
pub fn fnv32a(data: &[u8]) -> u32 {
    fnv32a_parts(&[data])
}

/// [`fnv32a`] of the concatenation of `parts`.
pub fn fnv32a_parts(parts: &[&[u8]]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in parts.iter().flat_map(|p| p.iter()) {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// `rand.SafeEncodeString` of a hash's decimal digits: what `ComputeHash` returns.
pub fn safe_encode(hash: u32) -> String {
    hash.to_string()
        .bytes()
        .map(|b| ALPHANUMS[(b as usize) % ALPHANUMS.len()] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_suffixes() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let s = a.suffix(5);
        assert_eq!(s, b.suffix(5));
        assert_eq!(s.len(), 5);
        assert!(s.bytes().all(|c| ALPHANUMS.contains(&c)));
        assert_ne!(Rng::new(8).suffix(5), s);
    }

    #[test]
    fn fnv_matches_reference() {
        // Reference values of FNV-1a 32 (http://www.isthe.com/chongo/tech/comp/fnv/).
        assert_eq!(fnv32a(b""), 0x811c9dc5);
        assert_eq!(fnv32a(b"a"), 0xe40c292c);
        assert_eq!(fnv32a(b"foobar"), 0xbf9cf968);
        assert_eq!(fnv32a_parts(&[b"foo", b"", b"bar"]), 0xbf9cf968);
    }

    #[test]
    fn push_suffix_appends_what_suffix_returns() {
        let mut out = String::from("pi-");
        Rng::new(7).push_suffix(&mut out, 5);
        assert_eq!(out, format!("pi-{}", Rng::new(7).suffix(5)));
    }
}
