//! A small JSON reader and writer for the few shapes the widget stores (`docs/storage.md`).
//!
//! Saved values used to go through `serde_json` and `serde_json::Value`; that generic code,
//! one derived visitor per stored type, was over a third of the WebAssembly the storage
//! feature added. This module reads any text into a [`Value`] and the stored shapes read
//! their fields from it by hand, with the same results:
//!
//! - The grammar, and how a failure is sorted, are `serde_json`'s: a text that ends too early
//!   is [`ParseError::Eof`] (stored values call it "corrupt: truncated"), anything else that is
//!   not JSON is [`ParseError::Syntax`] ("not JSON"). That includes nesting deeper than 127
//!   levels and a number too large for an `f64`.
//! - Numbers keep `serde_json`'s kinds: a whole number that fits a `u64` is [`Number::U64`], a
//!   negative one that fits an `i64` is [`Number::I64`], anything else (`-0`, fractions,
//!   exponents, huge numbers) is a [`Number::Float`], which no stored field accepts. Its value
//!   is never computed: only its text is kept.
//! - A key given twice keeps its last value.
//! - A struct also reads from a list of its fields in order and an enum from a one-key object,
//!   as `serde`'s derives do (`helpers` below).
//!
//! Writing escapes strings exactly as `serde_json` does, so saved data and export files are
//! byte for byte what earlier builds wrote. The tests compare both directions with `serde_json`
//! (a test-only dependency now) over generated text.

use std::convert::Infallible;
use std::fmt;

use crate::decimal::{push_decimal, push_signed};

/// A parsed JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// A list.
    Array(Vec<Value>),
    /// An object.
    Object(Map),
}

/// A JSON number, sorted as `serde_json` sorts it.
#[derive(Clone, Debug, PartialEq)]
pub enum Number {
    /// A whole number from 0 to `u64::MAX`.
    U64(u64),
    /// A negative whole number down to `i64::MIN`.
    I64(i64),
    /// Anything else, as written: `1.5`, `1e3`, `-0`, `18446744073709551616`.
    Float(String),
}

/// The fields of a JSON object. A key given twice keeps its last value (in its first place).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    /// No fields.
    pub fn new() -> Map {
        Map(Vec::new())
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Sets `key`, replacing its value if it is there.
    pub fn insert(&mut self, key: String, value: Value) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = value,
            None => self.0.push((key, value)),
        }
    }

    /// Removes `key` and returns its value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let index = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(index).1)
    }

    /// The fields, in the order first given.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// How many fields there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Value {
    /// A whole number from 0 to `u64::MAX`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(Number::U64(n)) => Some(*n),
            _ => None,
        }
    }

    /// A whole number that fits an `i64`.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(Number::U64(n)) => i64::try_from(*n).ok(),
            Value::Number(Number::I64(n)) => Some(*n),
            _ => None,
        }
    }

    /// A string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// What kind of value it is, for error messages.
    fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(Number::Float(_)) => "a fraction",
            Value::Number(_) => "an integer",
            Value::String(_) => "a string",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading.

/// Why a text is not JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// It ends before the value does.
    Eof(&'static str),
    /// Anything else: a character that cannot be there, too deep, a number out of range.
    Syntax(&'static str),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Eof(what) => write!(f, "EOF while parsing {what}"),
            ParseError::Syntax(what) => f.write_str(what),
        }
    }
}

/// `1e289` to `1e308`: the end of `serde_json`'s table of powers of ten, the only part that
/// can take a number out of range.
const POW10_FROM_289: [f64; 20] = [
    1e289, 1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299, 1e300, 1e301, 1e302, 1e303, 1e304,
    1e305, 1e306, 1e307, 1e308,
];

const EOF_VALUE: ParseError = ParseError::Eof("a value");
const EOF_STRING: ParseError = ParseError::Eof("a string");
const EOF_LIST: ParseError = ParseError::Eof("a list");
const EOF_OBJECT: ParseError = ParseError::Eof("an object");
const BAD_NUMBER: ParseError = ParseError::Syntax("invalid number");
const BAD_ESCAPE: ParseError = ParseError::Syntax("invalid escape");

/// Parses a whole text: one value, with nothing but whitespace around it.
pub fn parse(text: &str) -> Result<Value, ParseError> {
    let mut parser = Parser {
        text,
        at: 0,
        depth_left: 128,
    };
    let value = parser.value()?;
    match parser.skip_whitespace() {
        Some(_) => Err(ParseError::Syntax("trailing characters")),
        None => Ok(value),
    }
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
    /// `serde_json`'s recursion limit: the 128th nested list or object is an error.
    depth_left: u8,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    fn skip_whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Result<Value, ParseError> {
        let Some(first) = self.skip_whitespace() else {
            return Err(EOF_VALUE);
        };
        match first {
            b'n' => self.word(b"null", Value::Null),
            b't' => self.word(b"true", Value::Bool(true)),
            b'f' => self.word(b"false", Value::Bool(false)),
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            b'"' => {
                self.at += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => {
                self.depth_left -= 1;
                if self.depth_left == 0 {
                    return Err(ParseError::Syntax("recursion limit exceeded"));
                }
                self.at += 1;
                let value = if first == b'[' { self.list() } else { self.object() };
                self.depth_left += 1;
                value
            }
            _ => Err(ParseError::Syntax("expected value")),
        }
    }

    fn word(&mut self, word: &[u8], value: Value) -> Result<Value, ParseError> {
        self.at += 1;
        for expected in &word[1..] {
            match self.next() {
                None => return Err(EOF_VALUE),
                Some(byte) if byte != *expected => return Err(ParseError::Syntax("expected ident")),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    fn digits(&mut self, mut each: impl FnMut(u8)) {
        while let Some(digit @ b'0'..=b'9') = self.peek() {
            self.at += 1;
            each(digit - b'0');
        }
    }

    /// `serde_json`'s number grammar and kinds. The value of a fraction is not needed (no
    /// stored field takes one), but whether `serde_json` finds it out of range is: it is
    /// worked out the way `serde_json` does it, from the digits that fit a `u64` and the
    /// exponent, multiplied by the same power of ten.
    fn number(&mut self) -> Result<Number, ParseError> {
        let start = self.at;
        let positive = self.peek() != Some(b'-');
        if !positive {
            self.at += 1;
        }
        let mut significand: u64 = 0;
        let mut exponent: i32 = 0;
        let mut overflowed = false;
        match self.next() {
            None => return Err(EOF_VALUE),
            Some(b'0') => {
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(BAD_NUMBER);
                }
            }
            Some(first @ b'1'..=b'9') => {
                significand = u64::from(first - b'0');
                self.digits(|digit| {
                    match significand
                        .checked_mul(10)
                        .and_then(|s| s.checked_add(u64::from(digit)))
                    {
                        Some(next) if !overflowed => significand = next,
                        // From here on each digit only scales the number.
                        _ => {
                            overflowed = true;
                            exponent = exponent.saturating_add(1);
                        }
                    }
                });
            }
            Some(_) => return Err(BAD_NUMBER),
        }
        let mut float = overflowed;
        if self.peek() == Some(b'.') {
            float = true;
            self.at += 1;
            let mut any = false;
            let mut full = false;
            self.digits(|digit| {
                any = true;
                match significand
                    .checked_mul(10)
                    .and_then(|s| s.checked_add(u64::from(digit)))
                {
                    Some(next) if !full => {
                        significand = next;
                        exponent -= 1;
                    }
                    // Further digits are ignored.
                    _ => full = true,
                }
            });
            if !any {
                return Err(if self.peek().is_some() { BAD_NUMBER } else { EOF_VALUE });
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            float = true;
            self.at += 1;
            let positive_exponent = match self.peek() {
                Some(b'+') => {
                    self.at += 1;
                    true
                }
                Some(b'-') => {
                    self.at += 1;
                    false
                }
                _ => true,
            };
            let mut written: i32 = match self.next() {
                None => return Err(EOF_VALUE),
                Some(digit @ b'0'..=b'9') => i32::from(digit - b'0'),
                Some(_) => return Err(BAD_NUMBER),
            };
            let mut too_big = false;
            self.digits(
                |digit| match written.checked_mul(10).and_then(|w| w.checked_add(i32::from(digit))) {
                    Some(next) if !too_big => written = next,
                    _ => too_big = true,
                },
            );
            if too_big {
                if significand != 0 && positive_exponent {
                    return Err(ParseError::Syntax("number out of range"));
                }
                // Zero, or vanishingly small.
                exponent = i32::MIN;
                significand = 0;
            } else if positive_exponent {
                exponent = exponent.saturating_add(written);
            } else {
                exponent = exponent.saturating_sub(written);
            }
        }
        if float {
            // As `serde_json` computes it: significand * 10^exponent, an error when infinite.
            // Below 10^289 the product is finite whatever the significand (< 2^64 < 10^20).
            if significand != 0 && exponent >= 289 {
                let out_of_range = match POW10_FROM_289.get((exponent - 289) as usize) {
                    Some(pow) => (significand as f64 * pow).is_infinite(),
                    None => true,
                };
                if out_of_range {
                    return Err(ParseError::Syntax("number out of range"));
                }
            }
            return Ok(Number::Float(
                self.text.get(start..self.at).unwrap_or_default().to_owned(),
            ));
        }
        if positive {
            return Ok(Number::U64(significand));
        }
        // `-0` and anything below `i64::MIN` are floats, as in `serde_json`.
        let negative = (significand as i64).wrapping_neg();
        Ok(if negative < 0 {
            Number::I64(negative)
        } else {
            Number::Float(self.text.get(start..self.at).unwrap_or_default().to_owned())
        })
    }

    fn hex4(&mut self) -> Result<u16, ParseError> {
        let Some(digits) = self.text.as_bytes().get(self.at..self.at + 4) else {
            self.at = self.text.len();
            return Err(EOF_STRING);
        };
        self.at += 4;
        let mut n: u16 = 0;
        for &digit in digits {
            let value = match digit {
                b'0'..=b'9' => digit - b'0',
                b'a'..=b'f' => digit - b'a' + 10,
                b'A'..=b'F' => digit - b'A' + 10,
                _ => return Err(BAD_ESCAPE),
            };
            n = n * 16 + u16::from(value);
        }
        Ok(n)
    }

    /// A string, after its opening quote.
    fn string(&mut self) -> Result<String, ParseError> {
        let mut out = String::new();
        let mut run = self.at;
        loop {
            let Some(byte) = self.next() else {
                return Err(EOF_STRING);
            };
            match byte {
                b'"' => {
                    out.push_str(self.text.get(run..self.at - 1).unwrap_or_default());
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(self.text.get(run..self.at - 1).unwrap_or_default());
                    self.escape(&mut out)?;
                    run = self.at;
                }
                0..=0x1f => return Err(ParseError::Syntax("control character while parsing a string")),
                _ => {}
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), ParseError> {
        let Some(byte) = self.next() else {
            return Err(EOF_STRING);
        };
        out.push(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\x08',
            b'f' => '\x0c',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let lone = ParseError::Syntax("lone leading surrogate in hex escape");
                let n = self.hex4()?;
                let code = match n {
                    0xDC00..=0xDFFF => return Err(lone),
                    0xD800..=0xDBFF => {
                        for expected in [b'\\', b'u'] {
                            match self.peek() {
                                None => return Err(EOF_STRING),
                                Some(b) if b == expected => self.at += 1,
                                Some(_) => {
                                    self.at += 1;
                                    return Err(ParseError::Syntax("unexpected end of hex escape"));
                                }
                            }
                        }
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(lone);
                        }
                        ((u32::from(n) - 0xD800) << 10 | (u32::from(low) - 0xDC00)) + 0x1_0000
                    }
                    _ => u32::from(n),
                };
                char::from_u32(code).ok_or(BAD_ESCAPE)?
            }
            _ => return Err(BAD_ESCAPE),
        });
        Ok(())
    }

    /// A list, after its `[`.
    fn list(&mut self) -> Result<Value, ParseError> {
        let mut items = Vec::new();
        loop {
            match self.skip_whitespace() {
                None => return Err(EOF_LIST),
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                Some(b',') if !items.is_empty() => {
                    self.at += 1;
                    match self.skip_whitespace() {
                        Some(b']') => return Err(ParseError::Syntax("trailing comma")),
                        None => return Err(EOF_VALUE),
                        Some(_) => {}
                    }
                }
                Some(_) if !items.is_empty() => return Err(ParseError::Syntax("expected `,` or `]`")),
                Some(_) => {}
            }
            items.push(self.value()?);
        }
    }

    /// An object, after its `{`.
    fn object(&mut self) -> Result<Value, ParseError> {
        let mut fields = Map::new();
        let mut first = true;
        loop {
            match self.skip_whitespace() {
                None => return Err(EOF_OBJECT),
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(fields));
                }
                Some(b',') if !first => {
                    self.at += 1;
                    self.skip_whitespace();
                }
                Some(_) if !first => return Err(ParseError::Syntax("expected `,` or `}`")),
                Some(_) => {}
            }
            first = false;
            match self.peek() {
                Some(b'"') => self.at += 1,
                Some(b'}') => return Err(ParseError::Syntax("trailing comma")),
                Some(_) => return Err(ParseError::Syntax("key must be a string")),
                None => return Err(EOF_VALUE),
            }
            let key = self.string()?;
            match self.skip_whitespace() {
                Some(b':') => self.at += 1,
                Some(_) => return Err(ParseError::Syntax("expected `:`")),
                None => return Err(EOF_OBJECT),
            }
            let value = self.value()?;
            fields.insert(key, value);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading stored shapes from a value. Errors are reasons for logs.

/// Why a value is not the stored shape expected.
pub(crate) type ShapeError = String;

fn expected(what: &str, found: &Value) -> ShapeError {
    format!("expected {what}, found {}", found.kind())
}

/// A whole number in `T`'s range.
pub(crate) fn int<T: TryFrom<i64> + TryFrom<u64>>(value: &Value) -> Result<T, ShapeError> {
    let fits = match value {
        Value::Number(Number::U64(n)) => T::try_from(*n).ok(),
        Value::Number(Number::I64(n)) => T::try_from(*n).ok(),
        _ => return Err(expected("an integer", value)),
    };
    fits.ok_or_else(|| "an integer out of range".to_owned())
}

/// `true` or `false`.
pub(crate) fn boolean(value: &Value) -> Result<bool, ShapeError> {
    match value {
        Value::Bool(b) => Ok(*b),
        other => Err(expected("a boolean", other)),
    }
}

/// A string.
pub(crate) fn string(value: &Value) -> Result<String, ShapeError> {
    match value {
        Value::String(s) => Ok(s.clone()),
        other => Err(expected("a string", other)),
    }
}

/// `null` as `None`, anything else read by `read`.
pub(crate) fn optional<T>(
    value: &Value,
    read: impl FnOnce(&Value) -> Result<T, ShapeError>,
) -> Result<Option<T>, ShapeError> {
    match value {
        Value::Null => Ok(None),
        other => read(other).map(Some),
    }
}

/// A list, each item read by `read`.
pub(crate) fn list<T>(value: &Value, read: impl Fn(&Value) -> Result<T, ShapeError>) -> Result<Vec<T>, ShapeError> {
    match value {
        Value::Array(items) => items.iter().map(read).collect(),
        other => Err(expected("a list", other)),
    }
}

/// The fields `names` of a struct, as `serde`'s derive reads them: from an object (other
/// keys ignored) or from a list of the fields in order, where only the last `names.len() -
/// required` may be left out. A field that is `None` here is missing; whether that is an
/// error is the caller's to say.
pub(crate) fn fields<'a, const N: usize>(
    value: &'a Value,
    names: [&str; N],
    required: usize,
) -> Result<[Option<&'a Value>; N], ShapeError> {
    match value {
        Value::Object(map) => Ok(names.map(|name| map.get(name))),
        Value::Array(items) if (required..=N).contains(&items.len()) => {
            let mut found = [None; N];
            for (slot, item) in found.iter_mut().zip(items) {
                *slot = Some(item);
            }
            Ok(found)
        }
        Value::Array(items) => Err(format!("a list of {} fields", items.len())),
        other => Err(expected("an object", other)),
    }
}

/// A field that must be there.
pub(crate) fn required<'a>(field: Option<&'a Value>, name: &str) -> Result<&'a Value, ShapeError> {
    field.ok_or_else(|| format!("missing field `{name}`"))
}

/// An enum variant as `serde` writes it from JSON: its name as a string (no content) or an
/// object with its name as the only key (with content). Returns the name and the content.
pub(crate) fn variant(value: &Value) -> Result<(&str, Option<&Value>), ShapeError> {
    match value {
        Value::String(name) => Ok((name, None)),
        Value::Object(map) if map.len() == 1 => Ok(map.iter().map(|(k, v)| (k, Some(v))).next().unwrap_or(("", None))),
        Value::Object(_) => Err("expected a map with a single key".to_owned()),
        other => Err(expected("a string or an object", other)),
    }
}

/// A variant without content, by name (`"few"`, or `{"few":null}` as `serde` allows).
pub(crate) fn unit_variant<T: Copy>(value: &Value, names: &[(T, &str)]) -> Result<T, ShapeError> {
    let (name, content) = variant(value)?;
    let found = names
        .iter()
        .find(|(_, n)| *n == name)
        .map(|(v, _)| *v)
        .ok_or_else(|| format!("unknown variant `{name}`"))?;
    match content {
        None | Some(Value::Null) => Ok(found),
        Some(other) => Err(expected("null", other)),
    }
}

// ---------------------------------------------------------------------------------------------
// Writing.

/// Encoding cannot fail: the error type of the `encode_*` functions.
pub type EncodeError = Infallible;

/// A value that writes itself as JSON text, as `serde_json::to_string` would write it.
pub trait ToJson {
    /// Appends the JSON text to `out`.
    fn write_json(&self, out: &mut String);
}

/// `value` as JSON text.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// Appends `text` as a JSON string, escaped as `serde_json` escapes it.
pub fn write_str(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut run = 0;
    for (i, byte) in text.bytes().enumerate() {
        let short = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'\x08' => 'b',
            b'\x0c' => 'f',
            b'\n' => 'n',
            b'\r' => 'r',
            b'\t' => 't',
            0..=0x1f => '\0',
            _ => continue,
        };
        out.push_str(text.get(run..i).unwrap_or_default());
        run = i + 1;
        out.push('\\');
        if short == '\0' {
            out.push_str("u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        } else {
            out.push(short);
        }
    }
    out.push_str(text.get(run..).unwrap_or_default());
    out.push('"');
}

/// Writes an object: `{"name":value,...}`.
pub(crate) struct ObjectWriter<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> ObjectWriter<'a> {
    /// Opens the object.
    pub(crate) fn new(out: &'a mut String) -> ObjectWriter<'a> {
        out.push('{');
        ObjectWriter { out, first: true }
    }

    /// Starts a field; its value is written next, into the returned text.
    pub(crate) fn field(&mut self, name: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, name);
        self.out.push(':');
        self.out
    }

    /// Closes the object.
    pub(crate) fn end(self) {
        self.out.push('}');
    }
}

// Numbers are written by `crate::decimal`, as `Display` writes them, without `core::fmt`.
macro_rules! unsigned_to_json {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                push_decimal(out, u64::from(*self));
            }
        }
    )*};
}
unsigned_to_json!(u8, u32, u64);

macro_rules! signed_to_json {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                push_signed(out, i64::from(*self));
            }
        }
    )*};
}
signed_to_json!(i32, i64);

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl ToJson for Value {
    fn write_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => b.write_json(out),
            Value::Number(Number::U64(n)) => n.write_json(out),
            Value::Number(Number::I64(n)) => n.write_json(out),
            Value::Number(Number::Float(text)) => out.push_str(text),
            Value::String(s) => write_str(out, s),
            Value::Array(items) => items.write_json(out),
            Value::Object(map) => map.write_json(out),
        }
    }
}

impl ToJson for Map {
    fn write_json(&self, out: &mut String) {
        let mut object = ObjectWriter::new(out);
        for (name, value) in self.iter() {
            value.write_json(object.field(name));
        }
        object.end();
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
