//! The units a Dashboard field stores its number in, and the time units people type.

use serde::{Deserialize, Serialize};

/// The unit a field stores: what a bare number typed into it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Whole milliseconds (attack protection's throttling rates).
    Milliseconds,
    /// Whole seconds (token lifetimes).
    Seconds,
    /// Whole minutes (the tenant's session lifetimes in the Dashboard).
    Minutes,
    /// Whole days (how long a new device is remembered).
    Days,
}

impl Unit {
    /// Length of one unit in milliseconds: the one measure every unit is a whole number of.
    pub const fn millis(self) -> u64 {
        match self {
            Unit::Milliseconds => 1,
            Unit::Seconds => 1_000,
            Unit::Minutes => 60_000,
            Unit::Days => 86_400_000,
        }
    }

    /// The largest value of this unit: a safe integer whose seconds fit in 64 bits (the grammar
    /// counts in seconds), so that every value accepted is also accepted in words.
    pub const fn max_value(self) -> u64 {
        let seconds = self.millis() / 1_000;
        if seconds > 1 && u64::MAX / seconds < crate::MAX_VALUE {
            u64::MAX / seconds
        } else {
            crate::MAX_VALUE
        }
    }

    /// `value` of this unit as whole seconds, when it is a whole number of them and fits.
    pub fn to_seconds(self, value: u64) -> Option<u64> {
        let seconds = if self == Unit::Milliseconds {
            (value % 1_000 == 0).then_some(value / 1_000)
        } else {
            value.checked_mul(self.millis() / 1_000)
        };
        seconds.filter(|&s| s <= crate::MAX_VALUE)
    }

    /// `value` of `from` in this unit, rounded down (a relation compares across units). Every
    /// unit is a whole number of each smaller one, so no 128-bit arithmetic is needed.
    pub fn convert(self, value: u64, from: Unit) -> u64 {
        if from.millis() >= self.millis() {
            value.saturating_mul(from.millis() / self.millis())
        } else {
            value / (self.millis() / from.millis())
        }
    }

    /// The lowercase plural name, as used in messages and JSON.
    pub const fn name(self) -> &'static str {
        match self {
            Unit::Milliseconds => "milliseconds",
            Unit::Seconds => "seconds",
            Unit::Minutes => "minutes",
            Unit::Days => "days",
        }
    }

    /// The abbreviation used next to numbers ("86,400 s").
    pub const fn symbol(self) -> &'static str {
        match self {
            Unit::Milliseconds => "ms",
            Unit::Seconds => "s",
            Unit::Minutes => "min",
            Unit::Days => "d",
        }
    }

    /// Parses a unit's name and its short forms.
    pub fn from_name(name: &str) -> Option<Unit> {
        match name.to_ascii_lowercase().as_str() {
            "ms" | "millisecond" | "milliseconds" => Some(Unit::Milliseconds),
            "s" | "sec" | "secs" | "second" | "seconds" => Some(Unit::Seconds),
            "m" | "min" | "mins" | "minute" | "minutes" => Some(Unit::Minutes),
            "d" | "day" | "days" => Some(Unit::Days),
            _ => None,
        }
    }
}

/// A unit of time that may follow a number in the input language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
}

impl TimeUnit {
    /// Every time unit, largest first.
    pub const ALL: [TimeUnit; 5] = [
        TimeUnit::Week,
        TimeUnit::Day,
        TimeUnit::Hour,
        TimeUnit::Minute,
        TimeUnit::Second,
    ];

    /// A distinct bit per unit, for sets of units.
    pub const fn bit(self) -> u8 {
        1 << self as u8
    }

    /// Length in seconds.
    pub const fn seconds(self) -> u64 {
        match self {
            TimeUnit::Second => 1,
            TimeUnit::Minute => 60,
            TimeUnit::Hour => 3_600,
            TimeUnit::Day => 86_400,
            TimeUnit::Week => 604_800,
        }
    }

    /// Singular English word.
    pub const fn singular(self) -> &'static str {
        match self {
            TimeUnit::Second => "second",
            TimeUnit::Minute => "minute",
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
        }
    }

    /// Short form used by the formatter; parses back to the same unit.
    pub const fn short(self) -> &'static str {
        match self {
            TimeUnit::Second => "s",
            TimeUnit::Minute => "m",
            TimeUnit::Hour => "h",
            TimeUnit::Day => "d",
            TimeUnit::Week => "w",
        }
    }
}

/// Every spelling the input language accepts for a unit, lowercase.
pub const UNIT_WORDS: &[(&str, TimeUnit)] = &[
    ("s", TimeUnit::Second),
    ("sec", TimeUnit::Second),
    ("secs", TimeUnit::Second),
    ("second", TimeUnit::Second),
    ("seconds", TimeUnit::Second),
    ("m", TimeUnit::Minute),
    ("min", TimeUnit::Minute),
    ("mins", TimeUnit::Minute),
    ("minute", TimeUnit::Minute),
    ("minutes", TimeUnit::Minute),
    ("h", TimeUnit::Hour),
    ("hr", TimeUnit::Hour),
    ("hrs", TimeUnit::Hour),
    ("hour", TimeUnit::Hour),
    ("hours", TimeUnit::Hour),
    ("d", TimeUnit::Day),
    ("day", TimeUnit::Day),
    ("days", TimeUnit::Day),
    ("w", TimeUnit::Week),
    ("wk", TimeUnit::Week),
    ("wks", TimeUnit::Week),
    ("week", TimeUnit::Week),
    ("weeks", TimeUnit::Week),
];

/// A unit word of at most eight ASCII letters as one integer, lower-cased (0 for anything
/// else): looking a word up is then a multiplication and one comparison.
pub(crate) const fn pack(word: &[u8]) -> u64 {
    if word.is_empty() || word.len() > 8 {
        return 0;
    }
    let mut v: u64 = 0;
    let mut i = 0;
    while i < word.len() {
        if !word[i].is_ascii_alphabetic() {
            return 0;
        }
        v = pack_letter(v, word[i]);
        i += 1;
    }
    v
}

/// [`pack`]'s step: `key` with one more ASCII letter, lower-cased (for a letter, setting bit 5
/// is its lower case: one instruction). For scanners that pack a word as they read it; past
/// eight letters the key no longer names a word.
#[inline]
pub(crate) const fn pack_letter(key: u64, letter: u8) -> u64 {
    (key << 8) | (letter | 0x20) as u64
}

/// The slots of the word table: a power of two comfortably above the number of words, so that a
/// multiplier without collisions is found after a few tries.
const SLOT_BITS: u32 = 6;
/// An empty slot's key: no packed word has it (packed letters are below 0x80).
const EMPTY: u64 = u64::MAX;

/// The slot of a packed word under multiplier `m` (multiplicative hashing: the top bits).
const fn slot(key: u64, m: u64) -> usize {
    (key.wrapping_mul(m) >> (64 - SLOT_BITS)) as usize
}

/// A multiplier that gives every packed [`UNIT_WORDS`] entry a slot of its own, found at compile
/// time (a new word that collides just moves the search on).
const MULTIPLIER: u64 = {
    let mut m: u64 = 0x9E37_79B9_7F4A_7C15;
    loop {
        let mut used: u64 = 0;
        let mut i = 0;
        while i < UNIT_WORDS.len() {
            let bit = 1 << slot(pack(UNIT_WORDS[i].0.as_bytes()), m);
            if used & bit != 0 {
                break;
            }
            used |= bit;
            i += 1;
        }
        if i == UNIT_WORDS.len() {
            break m;
        }
        m = m
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407)
            | 1;
    }
};

/// [`UNIT_WORDS`] packed, each in its slot: a lookup is one multiplication and one comparison,
/// without the unpredictable branches of a search.
const WORD_TABLE: ([u64; 1 << SLOT_BITS], [TimeUnit; 1 << SLOT_BITS]) = {
    let mut keys = [EMPTY; 1 << SLOT_BITS];
    let mut units = [TimeUnit::Second; 1 << SLOT_BITS];
    let mut i = 0;
    while i < UNIT_WORDS.len() {
        let key = pack(UNIT_WORDS[i].0.as_bytes());
        keys[slot(key, MULTIPLIER)] = key;
        units[slot(key, MULTIPLIER)] = UNIT_WORDS[i].1;
        i += 1;
    }
    (keys, units)
};

/// Looks up a word packed by [`pack`] (0, which no word packs to, finds nothing).
#[inline]
pub(crate) fn unit_from_packed(key: u64) -> Option<TimeUnit> {
    let i = slot(key, MULTIPLIER);
    (WORD_TABLE.0[i] == key).then_some(WORD_TABLE.1[i])
}

/// Looks up a unit word, case-insensitively.
pub fn unit_from_word(word: &str) -> Option<TimeUnit> {
    unit_from_packed(pack(word.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_has_a_slot_of_its_own() {
        let filled = WORD_TABLE.0.iter().filter(|&&k| k != EMPTY).count();
        assert_eq!(filled, UNIT_WORDS.len());
        assert_eq!(unit_from_packed(0), None);
    }

    #[test]
    fn unit_words_and_lookup_agree() {
        for &(w, u) in UNIT_WORDS {
            assert_eq!(unit_from_word(w), Some(u), "{w}");
            assert_eq!(unit_from_word(&w.to_ascii_uppercase()), Some(u), "{w}");
        }
        for w in [
            "", "x", "sx", "secondss", "minutess", "mo", "ms", "dayz", "hourss",
        ] {
            assert_eq!(unit_from_word(w), None, "{w}");
        }
    }
}
