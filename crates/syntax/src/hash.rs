//! Feature hashing: a feature is a template number and one to three values (word or tag
//! numbers), mixed into one 64-bit key. The same inputs give the same key on every machine and
//! in every run, which keeps training reproducible and the model portable.

/// The finaliser of MurmurHash3: a bijection on `u64` that spreads every input bit over the
/// output, so that keys can index an open-addressing table directly.
#[inline]
pub(crate) fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The key of a string (FNV-1a over its bytes, then [`fmix`]).
#[inline]
pub(crate) fn text(s: &str) -> u64 {
    Text::default().bytes(s.as_bytes()).key()
}

/// The key of a string given in pieces: `Text::default().bytes(a).bytes(b).key()` is
/// `text(a + b)`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Text(u64);

impl Default for Text {
    fn default() -> Text {
        Text(0xcbf2_9ce4_8422_2325)
    }
}

impl Text {
    /// Appends bytes (FNV-1a).
    #[inline]
    pub(crate) fn bytes(mut self, bytes: &[u8]) -> Text {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self
    }

    /// The key of the bytes so far.
    #[inline]
    pub(crate) fn key(self) -> u64 {
        fmix(self.0)
    }
}

const TEMPLATE: u64 = 0x9e37_79b9_7f4a_7c15;

/// The key of template `t` with value `a`.
#[inline]
pub(crate) fn f1(t: u32, a: u64) -> u64 {
    fmix(a ^ u64::from(t).wrapping_mul(TEMPLATE))
}

/// The key of template `t` with values `a` and `b`.
#[inline]
pub(crate) fn f2(t: u32, a: u64, b: u64) -> u64 {
    fmix(f1(t, a) ^ b.rotate_left(17))
}

/// The key of template `t` with values `a`, `b` and `c`.
#[inline]
pub(crate) fn f3(t: u32, a: u64, b: u64, c: u64) -> u64 {
    fmix(f2(t, a, b) ^ c.rotate_left(41))
}

/// A `Hasher` that passes an already mixed `u64` key through.
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by mixed feature keys.
pub(crate) type KeyMap<V> =
    std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<KeyHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_and_distinct() {
        // Fixed values: a model trained on one machine must read the same on another.
        assert_eq!(text(""), fmix(0xcbf2_9ce4_8422_2325));
        assert_ne!(f2(1, 2, 3), f2(1, 3, 2));
        assert_ne!(f1(1, 5), f1(2, 5));
        assert_ne!(f3(1, 1, 2, 3), f3(1, 1, 3, 2));
    }
}
