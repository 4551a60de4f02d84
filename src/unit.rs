//! The units a Dashboard field stores its number in, and the time units people type.

use serde::{Deserialize, Serialize};

/// The unit a field stores: what a bare number typed into it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Whole seconds (token lifetimes).
    Seconds,
    /// Whole minutes (the tenant's session lifetimes in the Dashboard).
    Minutes,
}

impl Unit {
    /// Length of one unit in seconds.
    pub const fn seconds(self) -> u64 {
        match self {
            Unit::Seconds => 1,
            Unit::Minutes => 60,
        }
    }

    /// The lowercase plural name, as used in messages and JSON.
    pub const fn name(self) -> &'static str {
        match self {
            Unit::Seconds => "seconds",
            Unit::Minutes => "minutes",
        }
    }

    /// The abbreviation used next to numbers ("86,400 s").
    pub const fn symbol(self) -> &'static str {
        match self {
            Unit::Seconds => "s",
            Unit::Minutes => "min",
        }
    }

    /// Parses "seconds"/"minutes" and their short forms.
    pub fn from_name(name: &str) -> Option<Unit> {
        match name.to_ascii_lowercase().as_str() {
            "s" | "sec" | "secs" | "second" | "seconds" => Some(Unit::Seconds),
            "m" | "min" | "mins" | "minute" | "minutes" => Some(Unit::Minutes),
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
/// else): looking a word up is then a few integer comparisons.
const fn pack(word: &[u8]) -> u64 {
    if word.is_empty() || word.len() > 8 {
        return 0;
    }
    let mut v: u64 = 0;
    let mut i = 0;
    while i < word.len() {
        if !word[i].is_ascii_alphabetic() {
            return 0;
        }
        v = (v << 8) | word[i].to_ascii_lowercase() as u64;
        i += 1;
    }
    v
}

/// [`UNIT_WORDS`], packed and sorted by key, for a binary search (about six comparisons, where
/// a scan of the list took up to forty).
const PACKED_UNIT_WORDS: [(u64, TimeUnit); UNIT_WORDS.len()] = {
    let mut out = [(0, TimeUnit::Second); UNIT_WORDS.len()];
    let mut i = 0;
    while i < UNIT_WORDS.len() {
        // Insertion sort: const code has no `sort`.
        let entry = (pack(UNIT_WORDS[i].0.as_bytes()), UNIT_WORDS[i].1);
        let mut j = i;
        while j > 0 && out[j - 1].0 > entry.0 {
            out[j] = out[j - 1];
            j -= 1;
        }
        out[j] = entry;
        i += 1;
    }
    out
};

/// Looks up a unit word, case-insensitively.
pub fn unit_from_word(word: &str) -> Option<TimeUnit> {
    let key = pack(word.as_bytes());
    if key == 0 {
        return None;
    }
    PACKED_UNIT_WORDS
        .binary_search_by_key(&key, |&(w, _)| w)
        .ok()
        .map(|i| PACKED_UNIT_WORDS[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_words_are_sorted_and_distinct() {
        assert!(PACKED_UNIT_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
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
