//! Bare numbers (`86,400`) and unit compounds (`1d 12h`, `1 day and 12 hours`, `1.5 days`).

use super::error::{ErrorKind, ParseError};
use super::number::{read_decimal, times_seconds, too_large, Decimal, Exact};
use super::scan::{is_space, sl, Cursor};
use crate::text::concat;
use crate::unit::{pack, unit_from_word, TimeUnit, Unit, UNIT_WORDS};

/// The words for months and years with the days each stands for in a suggestion, packed as unit
/// words are (`unit::pack`, case-insensitive): a word is one of them when its key is, a few
/// integer comparisons instead of string ones.
const MONTHS_AND_YEARS: [(u64, u64); 14] = keyed(&[
    ("mo", MONTH_DAYS),
    ("mos", MONTH_DAYS),
    ("mon", MONTH_DAYS),
    ("mons", MONTH_DAYS),
    ("mth", MONTH_DAYS),
    ("mths", MONTH_DAYS),
    ("month", MONTH_DAYS),
    ("months", MONTH_DAYS),
    ("y", YEAR_DAYS),
    ("yr", YEAR_DAYS),
    ("yrs", YEAR_DAYS),
    ("year", YEAR_DAYS),
    ("years", YEAR_DAYS),
    ("yy", YEAR_DAYS),
]);

const fn keyed<const N: usize>(words: &[(&str, u64); N]) -> [(u64, u64); N] {
    let mut out = [(0, 0); N];
    let mut i = 0;
    while i < N {
        out[i] = (pack(words[i].0.as_bytes()), words[i].1);
        i += 1;
    }
    out
}
/// The words of units finer than a millisecond, which no field takes.
const FINER_WORDS: &[&str] = &[
    "us",
    "usec",
    "microsecond",
    "microseconds",
    "ns",
    "nanosecond",
    "nanoseconds",
];

/// A bare number in the field's unit, with thousands separators.
pub(super) fn parse_bare(
    input: &str,
    lo: usize,
    hi: usize,
    unit: Unit,
) -> Result<Exact, ParseError> {
    let body = sl(input, lo, hi);
    let dots = body.bytes().filter(|&b| b == b'.').count();
    let has_other_sep = body.chars().any(|c| c == ',' || c == '_' || is_space(c));
    // "86.400" or "2.592.000": a dot as a thousands separator (German, Dutch, …) or a decimal?
    // Guessing wrong by a factor of 1,000 is the worst mistake this tool could make: refuse.
    if dots >= 1 && !has_other_sep && looks_dot_grouped(body) {
        return Err(ParseError::dot_grouped(body, lo, hi));
    }
    let mut cur = Cursor::new(input, lo, hi);
    let dec = read_decimal(&mut cur, false)?;
    match dec {
        Some(d) if cur.at_end() => match unit {
            // A bare number of milliseconds, in seconds: a thousandth of it, exactly.
            Unit::Milliseconds => Ok(thousandth(d.value)),
            _ => times_seconds(&d, unit.millis() / 1_000),
        },
        _ => Err(bad_number(body, lo, hi)),
    }
}

/// `x / 1000`. Beyond nine fractional digits of a second the fraction is only known to be there:
/// a billionth stands for it, so that a number that is not whole stays not whole.
fn thousandth(x: Exact) -> Exact {
    let nanos = (x.whole % 1_000) as u32 * 1_000_000 + x.nanos / 1_000;
    Exact {
        whole: x.whole / 1_000,
        nanos: nanos + u32::from(x.nanos % 1_000 != 0 && nanos % 1_000_000 == 0),
    }
}

pub(super) fn looks_dot_grouped(body: &str) -> bool {
    let mut parts = body.split('.');
    let head = parts.next().unwrap_or("");
    (1..=3).contains(&head.len())
        && head.bytes().all(|b| b.is_ascii_digit())
        && parts.all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

fn bad_number(body: &str, lo: usize, hi: usize) -> ParseError {
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    // One comma, no dot, one or two digits after it (`1,5`). Bytes: the comma is ASCII.
    let b = body.as_bytes();
    let comma_decimal = b.iter().filter(|&&c| c == b',').count() == 1
        && !b.contains(&b'.')
        && b.iter()
            .rposition(|&c| c == b',')
            .is_some_and(|i| (1..=2).contains(&(b.len() - i - 1)));
    let (message, suggestion) = if comma_decimal {
        (
            concat(&["“", body, "” is not a number this field understands: use a dot for decimals and commas only between groups of three digits."]),
            Some(body.replace(',', ".")),
        )
    } else {
        (
            concat(&["“", body, "” is not a number this field understands: separators go between groups of three digits, as in 86,400."]),
            Some(digits),
        )
    };
    let err = ParseError::new(ErrorKind::BadNumber, lo, hi, message);
    match suggestion {
        Some(s) => err.suggest(s),
        None => err,
    }
}

/// One `number unit` pair after the other, separated by spaces, commas or "and".
/// The words of a millisecond, a unit only a milliseconds field takes (a lifetime in seconds
/// cannot hold a fraction of one).
const MILLISECOND_WORDS: &[&str] = &["ms", "msec", "msecs", "millisecond", "milliseconds"];
/// The bit of milliseconds among the units seen (time units use the low five).
const MILLISECOND_BIT: u8 = 1 << 7;

/// A compound such as `1d 12h`, in seconds; `millis` when the field counts milliseconds, which
/// then may be a part (`1s 500ms`).
pub(super) fn parse(input: &str, lo: usize, hi: usize, millis: bool) -> Result<Exact, ParseError> {
    let mut cur = Cursor::new(input, lo, hi);
    let mut total = Exact::default();
    // The units used so far, as bits, and the last one: no allocation on the common path.
    let mut seen: u8 = 0;
    let mut last: Option<TimeUnit> = None;
    loop {
        let number = match read_decimal(&mut cur, false)? {
            Some(d) => d,
            None => return Err(missing_number(&mut cur, input, lo, hi, last.is_none())),
        };
        cur.skip_spaces();
        let (ws, mut we) = cur.letters();
        let mut word = cur.slice(ws, we);
        if word.eq_ignore_ascii_case("and") {
            // "12 and 1": the number before "and" is what lacks a unit.
            (cur.pos, we, word) = (ws, ws, "");
        }
        if word.is_empty() {
            return Err(missing_unit(
                input,
                &number,
                last,
                lo,
                hi,
                cur.peek().map(|c| (cur.pos, c)),
            ));
        }
        let part = if millis
            && MILLISECOND_WORDS
                .iter()
                .any(|w| w.eq_ignore_ascii_case(word))
        {
            if seen & MILLISECOND_BIT != 0 {
                return Err(ParseError::new(
                    ErrorKind::DuplicateUnit,
                    number.start,
                    we,
                    "Milliseconds appear twice; give each unit once, as in 1s 500ms.",
                ));
            }
            seen |= MILLISECOND_BIT;
            thousandth(number.value)
        } else {
            let tu = resolve_unit(
                input,
                last == Some(TimeUnit::Hour),
                (ws, we),
                &number,
                lo,
                hi,
            )?;
            if seen & tu.bit() != 0 {
                return Err(ParseError::new(
                    ErrorKind::DuplicateUnit,
                    number.start,
                    we,
                    concat(&[
                        &capitalise_plural(tu),
                        " appear twice; give each unit once, as in 1d 12h.",
                    ]),
                ));
            }
            seen |= tu.bit();
            last = Some(tu);
            times_seconds(&number, tu.seconds())?
        };
        total = total.checked_add(part).ok_or_else(|| too_large(lo, hi))?;
        // Separators between parts: spaces, commas, and the word "and".
        let mut dangling_and = None;
        loop {
            let before = cur.pos;
            cur.skip_spaces();
            if cur.peek() == Some(',') {
                cur.bump();
            }
            cur.skip_spaces();
            let save = cur.pos;
            let (as_, ae) = cur.letters();
            if cur.slice(as_, ae).eq_ignore_ascii_case("and") {
                dangling_and = Some((as_, ae));
            } else {
                cur.pos = save;
            }
            if cur.pos == before {
                break;
            }
        }
        if cur.at_end() {
            if let Some((as_, ae)) = dangling_and.filter(|&(_, ae)| ae == hi) {
                return Err(ParseError::new(
                    ErrorKind::MissingNumber,
                    as_,
                    ae,
                    "“and” must be followed by another value, such as 12 hours.",
                ));
            }
            return Ok(total);
        }
    }
}

fn capitalise_plural(tu: TimeUnit) -> String {
    let mut out = tu.singular().to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out.push('s');
    out
}

/// Maps a unit word to a time unit, or explains why it is refused.
fn resolve_unit(
    input: &str,
    after_hours: bool,
    (ws, we): (usize, usize),
    number: &Decimal,
    lo: usize,
    hi: usize,
) -> Result<TimeUnit, ParseError> {
    let word = sl(input, ws, we);
    // "M" is months in ISO 8601 and in much shorthand; right after hours ("1H30M") it can only
    // mean minutes, anywhere else it is refused rather than guessed.
    if word == "M" && !after_hours {
        return Err(ParseError::new(
            ErrorKind::AmbiguousUnit,
            ws,
            we,
            "A capital “M” could mean months or minutes; write min for minutes, or days instead of months.",
        )
        .suggest(replace(input, ws, we, "min", lo, hi)));
    }
    if let Some(u) = unit_from_word(word) {
        return Ok(u);
    }
    if let Some(err) = month_or_year(word, ws, we, number.whole()) {
        return Err(err);
    }
    let is_one_of = |words: &[&str]| words.iter().any(|w| w.eq_ignore_ascii_case(word));
    if is_one_of(MILLISECOND_WORDS) || is_one_of(FINER_WORDS) {
        return Err(ParseError::new(
            ErrorKind::UnknownUnit,
            ws,
            we,
            "Lifetimes are whole seconds; fractions of a second cannot be stored.",
        ));
    }
    let mut err = ParseError::new(
        ErrorKind::UnknownUnit,
        ws,
        we,
        concat(&[
            "“",
            word,
            "” is not a unit; use s, min, h, d or w (or seconds, minutes, hours, days, weeks).",
        ]),
    );
    if let Some(best) = closest_unit_word(word) {
        err = err.suggest(replace(input, ws, we, best, lo, hi));
    }
    Err(err)
}

/// The days a month or year stands for in a suggestion.
const MONTH_DAYS: u64 = 30;
const YEAR_DAYS: u64 = 365;

/// [`MONTH_DAYS`] for a month word, [`YEAR_DAYS`] for a year word (in any case), `None` for any
/// other word; the word as its packed `key` (`unit::pack`, 0 for no word).
pub(super) fn month_or_year_days(key: u64) -> Option<u64> {
    MONTHS_AND_YEARS
        .iter()
        .find(|&&(k, _)| k == key)
        .map(|&(_, days)| days)
}

/// The refusal of `word`, at `[ws, we)`, when it names months or years, suggesting days for a
/// `whole` number of them.
pub(super) fn month_or_year(
    word: &str,
    ws: usize,
    we: usize,
    whole: Option<u64>,
) -> Option<ParseError> {
    let days = month_or_year_days(pack(word.as_bytes()))?;
    let text = if days == MONTH_DAYS {
        "Months have no fixed length in seconds, and one month is already over the 30-day access-token limit; write days instead, such as 30d."
    } else {
        "Years have no fixed length in seconds; write days instead, such as 365d."
    };
    let mut err = ParseError::new(ErrorKind::MonthOrYear, ws, we, text);
    if let Some(n) = whole.and_then(|n| n.checked_mul(days)) {
        err = err.suggest_days(n);
    }
    Some(err)
}

/// The input between `lo` and `hi` with `[start, end)` replaced.
fn replace(input: &str, start: usize, end: usize, with: &str, lo: usize, hi: usize) -> String {
    concat(&[sl(input, lo, start), with, sl(input, end, hi)])
}

/// The longest word [`closest_unit_word`] compares.
const MAX_WORD: usize = 16;

/// The one unit spelling nearest to a misspelt word (in any case), if it is near enough and
/// unambiguous.
fn closest_unit_word(word: &str) -> Option<&'static str> {
    if word.len() < 2 || word.len() > MAX_WORD {
        return None;
    }
    let allowance = if word.len() <= 3 { 1 } else { 2 };
    let mut best: Option<(usize, &'static str, TimeUnit)> = None;
    let mut tie = false;
    for &(w, u) in UNIT_WORDS {
        let d = edit_distance(word.as_bytes(), w.as_bytes());
        if d > allowance {
            continue;
        }
        match best {
            Some((bd, _, bu)) if d == bd && bu != u => tie = true,
            Some((bd, _, _)) if d >= bd => {}
            _ => {
                best = Some((d, w, u));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(_, w, _)| w)
}

/// Levenshtein distance with adjacent transpositions (optimal string alignment), ignoring ASCII
/// case, between words
/// of at most [`MAX_WORD`] bytes (longer ones are cut), in three rows on the stack: with rows on
/// the heap it was a kilobyte of the content module.
fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let a = &a[..a.len().min(MAX_WORD)];
    let b = &b[..b.len().min(MAX_WORD)];
    // Rows i - 2, i - 1 and i, as row i % 3.
    let mut rows = [[0u8; MAX_WORD + 1]; 3];
    for (j, d) in rows[0].iter_mut().enumerate() {
        *d = j as u8;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i as u8;
        for j in 1..=b.len() {
            let cost = u8::from(!a[i - 1].eq_ignore_ascii_case(&b[j - 1]));
            let mut d = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1
                && j > 1
                && a[i - 1].eq_ignore_ascii_case(&b[j - 2])
                && a[i - 2].eq_ignore_ascii_case(&b[j - 1])
            {
                d = d.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = d;
        }
    }
    usize::from(rows[a.len() % 3][b.len()])
}

/// Explains a number that has no unit after it, guessing the next smaller unit.
fn missing_unit(
    input: &str,
    number: &Decimal,
    previous: Option<TimeUnit>,
    lo: usize,
    hi: usize,
    next: Option<(usize, char)>,
) -> ParseError {
    let text = sl(input, number.start, number.end);
    if let Some((at, c @ ('-' | crate::parse::scan::UNICODE_MINUS))) = next {
        return ParseError::new(
            ErrorKind::Negative,
            at,
            at + c.len_utf8(),
            "Ranges and minus signs are not lifetimes; type one value, such as 12h.",
        );
    }
    let guess = previous.and_then(|p| {
        let i = TimeUnit::ALL.iter().position(|&u| u == p)?;
        TimeUnit::ALL.get(i + 1).copied()
    });
    let mut err = ParseError::new(
        ErrorKind::MissingUnit,
        number.start,
        number.end,
        concat(&[
            "“",
            text,
            "” has no unit; add one, such as ",
            text,
            "h or ",
            text,
            " min.",
        ]),
    );
    if let Some(g) = guess {
        err = err.suggest(replace(
            input,
            number.start,
            number.end,
            &concat(&[text, g.short()]),
            lo,
            hi,
        ));
    }
    err
}

/// Explains text where a number was expected.
fn missing_number(
    cur: &mut Cursor<'_>,
    input: &str,
    lo: usize,
    hi: usize,
    first: bool,
) -> ParseError {
    let at = cur.pos;
    match cur.peek() {
        Some(c @ ('-' | crate::parse::scan::UNICODE_MINUS)) => ParseError::new(
            ErrorKind::Negative,
            at,
            at + c.len_utf8(),
            "A lifetime cannot be negative.",
        ),
        Some(c) if c.is_ascii_alphabetic() => {
            let (ws, we) = cur.letters();
            let word = cur.slice(ws, we);
            if word == "M" {
                return ParseError::new(
                    ErrorKind::AmbiguousUnit,
                    ws,
                    we,
                    "A capital “M” could mean months or minutes; write a number and min for minutes, such as 30 min.",
                );
            }
            if let Some(days) = month_or_year_days(pack(word.as_bytes())) {
                let days = if days == MONTH_DAYS { "30d" } else { "365d" };
                return ParseError::new(
                    ErrorKind::MonthOrYear,
                    ws,
                    we,
                    "Months and years have no fixed length in seconds; write days instead, such as 30d or 365d.",
                )
                .suggest(days);
            }
            let mut err = ParseError::new(
                ErrorKind::MissingNumber,
                ws,
                we,
                if first {
                    "Start with a number, such as 24h, 30 days or 86400.".to_string()
                } else {
                    concat(&[
                        "“",
                        word,
                        "” needs a number before it, such as 12 ",
                        word,
                        ".",
                    ])
                },
            );
            if unit_from_word(word).is_some() && first && we == hi {
                err = err.suggest(concat(&["1 ", sl(input, ws, we)]));
            }
            err
        }
        Some(c) => ParseError::new(
            ErrorKind::MissingNumber,
            at,
            at + c.len_utf8(),
            concat(&[
                "Expected a number at “",
                c.encode_utf8(&mut [0; 4]),
                "”; type values such as 1d 12h or 1 day, 12 hours.",
            ]),
        ),
        None => ParseError::new(
            ErrorKind::MissingNumber,
            lo,
            hi,
            "Expected a number after the last separator.",
        ),
    }
}
