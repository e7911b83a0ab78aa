//! Inputs for the tests that compare a fast reading with a plain one: numbers and texts drawn from a seeded
//! xorshift generator, the same on every run.

/// A xorshift generator (13, 7, 17): the same numbers for the same seed.
pub struct Xorshift(u64);

impl Xorshift {
    pub fn new(seed: u64) -> Self {
        Xorshift(seed)
    }

    pub fn draw(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// `count` texts, each of fewer than `pieces` pieces of `alphabet` (as many as a draw modulo `pieces`), the pieces
/// chosen by the draw's successive four-bit digits.
pub fn texts<'a>(
    alphabet: &'a [&'a str],
    pieces: u64,
    seed: u64,
    count: usize,
) -> impl Iterator<Item = String> + 'a {
    let mut random = Xorshift::new(seed);
    (0..count).map(move |_| {
        let draw = random.draw();
        (0..draw % pieces)
            .map(|i| alphabet[((draw >> (i * 4)) % alphabet.len() as u64) as usize])
            .collect()
    })
}
