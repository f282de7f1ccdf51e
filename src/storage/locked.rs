//! The lock's decisions, without the cryptography: the stored form of an encrypted value, the
//! lock's state and its idle timer (issue 8; `docs/privacy.md`). The web layer keeps saved
//! values under the lock through [`super::vault::Vault`].
//!
//! The encryption itself is WebCrypto's, done in JavaScript so that the key never enters the
//! WebAssembly's memory and the wasm carries no crypto bindings: PBKDF2-HMAC-SHA256 over the
//! passphrase with [`PBKDF2_ITERATIONS`] and a random [`SALT_BYTES`]-byte salt gives an
//! AES-GCM-256 key (non-extractable); every write encrypts with a fresh random
//! [`NONCE_BYTES`]-byte nonce. What is encrypted is the plain stored value (`docs/storage.md`,
//! section 3), whole, so decrypting gives back exactly what an unlocked widget would store.
//!
//! # The envelope
//!
//! ```json
//! {"v":2,"salt":"<16 bytes, base64>","iterations":600000,"nonce":"<12 bytes, base64>","ciphertext":"<base64>"}
//! ```
//!
//! `"v":2` is the storage schema version of an encrypted value. A build that reads only version
//! 1 sees a value from a newer version and leaves it exactly where it is (`docs/storage.md`,
//! section 5), so an older build never moves an encrypted value aside or overwrites it. Every
//! envelope names its own salt and iteration count, so each can be read alone, and a change of
//! passphrase can tell new copies from old ones. Base64 is the standard alphabet with padding
//! (RFC 4648, section 4), as `btoa` writes it.

use std::fmt;

use super::json::{self, Value};

/// The `"v"` of an encrypted value: above every plain schema version before the lock.
pub const LOCKED_VERSION: u32 = 3;
/// The `"alg"` of an encrypted value: what marks it as one, and how it was made.
pub const ALG: &str = "pbkdf2-sha256+aes-256-gcm";
/// PBKDF2-HMAC-SHA256 iterations: OWASP's figure for it (2023).
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// The fewest iterations an envelope may name and still be read: fewer would make a guessed
/// passphrase cheap to try.
pub const MIN_ITERATIONS: u32 = 600_000;
/// The most iterations an envelope may name: more would keep the person waiting for minutes.
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// The salt's length, in bytes.
pub const SALT_BYTES: usize = 16;
/// AES-GCM's nonce length, in bytes (96 bits).
pub const NONCE_BYTES: usize = 12;
/// AES-GCM's tag length, in bytes: the shortest ciphertext there is (of an empty text).
pub const TAG_BYTES: usize = 16;
/// How long the widget stays unlocked without the person doing anything: 15 minutes.
pub const IDLE_LOCK_MS: f64 = 15.0 * 60.0 * 1000.0;

/// An encrypted value as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locked {
    /// The PBKDF2 salt of the key it was encrypted with.
    pub salt: [u8; SALT_BYTES],
    /// The PBKDF2 iteration count of that key.
    pub iterations: u32,
    /// The AES-GCM nonce, new for every write.
    pub nonce: [u8; NONCE_BYTES],
    /// The AES-GCM ciphertext, its 16-byte tag at the end.
    pub ciphertext: Vec<u8>,
}

/// Why a stored text is not an encrypted value this build can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockedError {
    /// Not a JSON object with an `"alg"`: a plain value, or not ours.
    NotLocked,
    /// `"v"` above [`LOCKED_VERSION`], or another `"alg"`: written by a newer version; left alone.
    FromTheFuture(u32),
    /// A field missing, of the wrong type or size, or not base64. The field's name.
    Bad(&'static str),
}

impl fmt::Display for LockedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockedError::NotLocked => f.write_str("not an encrypted value"),
            LockedError::FromTheFuture(v) => write!(f, "an encrypted value of version {v}"),
            LockedError::Bad(field) => write!(f, "the encrypted value's \"{field}\" is not right"),
        }
    }
}

/// Writes an encrypted value's stored text.
pub fn encode_locked(locked: &Locked) -> String {
    let mut out = format!("{{\"v\":{LOCKED_VERSION},\"alg\":\"{ALG}\",\"salt\":\"");
    base64_encode(&locked.salt, &mut out);
    out.push_str("\",\"iterations\":");
    out.push_str(&locked.iterations.to_string());
    out.push_str(",\"nonce\":\"");
    base64_encode(&locked.nonce, &mut out);
    out.push_str("\",\"ciphertext\":\"");
    base64_encode(&locked.ciphertext, &mut out);
    out.push_str("\"}");
    out
}

/// Reads an encrypted value's stored text. Never panics, whatever the text.
pub fn decode_locked(text: &str) -> Result<Locked, LockedError> {
    let Ok(Value::Object(fields)) = json::parse(text) else {
        return Err(LockedError::NotLocked);
    };
    let Some(alg) = fields.get("alg") else {
        return Err(LockedError::NotLocked);
    };
    match fields.get("v").and_then(Value::as_u64) {
        Some(v) if v == u64::from(LOCKED_VERSION) && alg.as_str() == Some(ALG) => {}
        Some(v) if v >= u64::from(LOCKED_VERSION) => {
            return Err(LockedError::FromTheFuture(u32::try_from(v).unwrap_or(u32::MAX)))
        }
        _ => return Err(LockedError::Bad("v")),
    }
    let bytes = |name: &'static str| {
        fields
            .get(name)
            .and_then(Value::as_str)
            .and_then(base64_decode)
            .ok_or(LockedError::Bad(name))
    };
    let salt = bytes("salt")?.try_into().map_err(|_| LockedError::Bad("salt"))?;
    let nonce = bytes("nonce")?.try_into().map_err(|_| LockedError::Bad("nonce"))?;
    let ciphertext = bytes("ciphertext")?;
    if ciphertext.len() < TAG_BYTES {
        return Err(LockedError::Bad("ciphertext"));
    }
    let iterations = fields
        .get("iterations")
        .and_then(Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| (MIN_ITERATIONS..=MAX_ITERATIONS).contains(n))
        .ok_or(LockedError::Bad("iterations"))?;
    Ok(Locked {
        salt,
        iterations,
        nonce,
        ciphertext,
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Whether a stored text is an encrypted value (or one a newer version encrypted otherwise): a
/// JSON object with an `"alg"`. The readers of plain values leave such a text alone.
pub fn is_locked(text: &str) -> bool {
    matches!(json::parse(text), Ok(Value::Object(fields)) if fields.get("alg").is_some())
}

/// Standard base64 with padding, appended to `out`.
pub fn base64_encode(bytes: &[u8], out: &mut String) {
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
}

/// Standard base64 with padding, strictly: a length that is a multiple of 4, padding only at
/// the end, no other character, and unused bits zero (so each byte string has one text).
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let chunks = bytes.len() / 4;
    for (c, chunk) in bytes.chunks(4).enumerate() {
        let pad = chunk.iter().rev().take_while(|b| **b == b'=').count();
        if pad > 2 || (pad > 0 && c + 1 != chunks) {
            return None;
        }
        let mut n = 0u32;
        for (i, b) in chunk[..4 - pad].iter().enumerate() {
            let digit = ALPHABET.iter().position(|a| a == b)? as u32;
            n |= digit << (18 - 6 * i);
        }
        let keep = 3 - pad;
        // Bits past the last byte must be zero.
        if n & ((1 << (8 * (3 - keep))) - 1) != 0 {
            return None;
        }
        out.extend_from_slice(&n.to_be_bytes()[1..=keep]);
    }
    Some(out)
}

/// Whether the saved check-ins are locked, and since when nothing was done.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LockState {
    /// No passphrase: check-ins are stored as plain values.
    Off,
    /// A passphrase is set and not given in this visit (or the lock closed again).
    Locked,
    /// Unlocked in this visit; `last_activity` in milliseconds (the clock of `Date.now()`).
    Unlocked {
        /// When the person last did anything in the widget.
        last_activity: f64,
    },
}

impl LockState {
    /// The state a visit starts in: locked when a passphrase is set. Unlocking is once per
    /// visit: nothing of it is stored.
    pub fn on_open(has_passphrase: bool) -> LockState {
        if has_passphrase {
            LockState::Locked
        } else {
            LockState::Off
        }
    }

    /// The right passphrase was given.
    pub fn unlocked(now: f64) -> LockState {
        LockState::Unlocked { last_activity: now }
    }

    /// The person did something: the idle timer starts again.
    pub fn touch(&mut self, now: f64) {
        if let LockState::Unlocked { last_activity } = self {
            // A clock that went back (the system time changed) counts as activity now.
            *last_activity = now;
        }
    }

    /// Checked on a timer: locks after [`IDLE_LOCK_MS`] without activity. Returns whether it
    /// locked now (the web layer then forgets the key and the check-ins shown).
    pub fn tick(&mut self, now: f64) -> bool {
        match *self {
            // Not `>=`: a clock that is not a number (NaN) locks too.
            LockState::Unlocked { last_activity }
                if (now - last_activity).partial_cmp(&IDLE_LOCK_MS) != Some(std::cmp::Ordering::Less) =>
            {
                *self = LockState::Locked;
                true
            }
            _ => false,
        }
    }

    /// Quick exit: locks at once. Returns whether it was unlocked.
    pub fn quick_exit(&mut self) -> bool {
        let was = matches!(self, LockState::Unlocked { .. });
        if was {
            *self = LockState::Locked;
        }
        was
    }

    /// How many milliseconds until the lock closes by itself, if it is open: when the web
    /// layer's timer should look again.
    pub fn closes_in(&self, now: f64) -> Option<f64> {
        match *self {
            LockState::Unlocked { last_activity } => {
                Some((last_activity + IDLE_LOCK_MS - now).clamp(0.0, IDLE_LOCK_MS))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Locked {
        Locked {
            salt: [7; SALT_BYTES],
            iterations: PBKDF2_ITERATIONS,
            nonce: [0xfe; NONCE_BYTES],
            ciphertext: (0..40).collect(),
        }
    }

    #[test]
    fn base64_is_rfc_4648() {
        for (bytes, text) in [
            (&b""[..], ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg=="),
            (b"fooba", "Zm9vYmE="),
            (b"foobar", "Zm9vYmFy"),
            (&[0xff, 0xfe, 0x3e], "//4+"),
        ] {
            let mut out = String::new();
            base64_encode(bytes, &mut out);
            assert_eq!(out, text);
            assert_eq!(base64_decode(text).as_deref(), Some(bytes));
        }
        for bad in [
            "Zg=", "Zg", "Z===", "Zg==Zg==", "Zh==", "Zm9v\n", "Zm9-", "====", "Zm=v",
        ] {
            assert_eq!(base64_decode(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_envelope_is_written_and_read_as_documented() {
        let text = encode_locked(&sample());
        assert!(text.starts_with(
            "{\"v\":3,\"alg\":\"pbkdf2-sha256+aes-256-gcm\",\"salt\":\"BwcHBwcHBwcHBwcHBwcHBw==\",\"iterations\":600000,\"nonce\":\""
        ));
        assert_eq!(decode_locked(&text), Ok(sample()));
        assert!(is_locked(&text));
        // Plain values of every schema version so far are not encrypted ones, nor is a plain
        // value of a later version 3.
        for plain in [
            "{\"v\":1,\"keep_nothing\":true}",
            "{\"v\":2,\"keep_nothing\":true}",
            "{\"v\":3,\"keep_nothing\":true}",
        ] {
            assert_eq!(decode_locked(plain), Err(LockedError::NotLocked));
            assert!(!is_locked(plain));
        }
        assert_eq!(decode_locked("nonsense"), Err(LockedError::NotLocked));
        assert!(!is_locked("nonsense"));
        assert_eq!(
            decode_locked("{\"v\":4,\"alg\":\"x\"}"),
            Err(LockedError::FromTheFuture(4))
        );
        assert_eq!(
            decode_locked("{\"v\":3,\"alg\":\"x\"}"),
            Err(LockedError::FromTheFuture(3))
        );
        assert_eq!(decode_locked("{\"v\":2,\"alg\":\"x\"}"), Err(LockedError::Bad("v")));
    }

    #[test]
    fn an_envelope_with_a_weak_or_wrong_field_is_refused() {
        let good = encode_locked(&sample());
        let with = |from: &str, to: &str| decode_locked(&good.replace(from, to));
        assert_eq!(with("600000", "1000"), Err(LockedError::Bad("iterations")));
        assert_eq!(with("600000", "99999999999"), Err(LockedError::Bad("iterations")));
        assert_eq!(with("600000", "\"600000\""), Err(LockedError::Bad("iterations")));
        assert_eq!(with("BwcHBwcHBwcHBwcHBwcHBw==", "BwcH"), Err(LockedError::Bad("salt")));
        assert_eq!(
            with("\"ciphertext\"", "\"cipher\""),
            Err(LockedError::Bad("ciphertext"))
        );
        let mut short = sample();
        short.ciphertext.truncate(TAG_BYTES - 1);
        assert_eq!(
            decode_locked(&encode_locked(&short)),
            Err(LockedError::Bad("ciphertext"))
        );
    }

    #[test]
    fn the_lock_closes_after_fifteen_idle_minutes_and_on_quick_exit() {
        assert_eq!(LockState::on_open(false), LockState::Off);
        let mut lock = LockState::on_open(true);
        assert_eq!(lock, LockState::Locked);
        assert!(!lock.tick(1e12), "a closed lock stays closed");
        lock = LockState::unlocked(0.0);
        assert!(!lock.tick(IDLE_LOCK_MS - 1.0));
        assert_eq!(lock.closes_in(IDLE_LOCK_MS - 1.0), Some(1.0));
        lock.touch(IDLE_LOCK_MS - 1.0);
        assert!(!lock.tick(2.0 * IDLE_LOCK_MS - 2.0), "activity starts the timer again");
        assert!(lock.tick(2.0 * IDLE_LOCK_MS - 1.0));
        assert_eq!(lock, LockState::Locked);
        assert_eq!(lock.closes_in(0.0), None);
        lock.touch(5.0);
        assert_eq!(lock, LockState::Locked, "activity does not unlock");

        let mut lock = LockState::unlocked(0.0);
        assert!(lock.quick_exit());
        assert_eq!(lock, LockState::Locked);
        assert!(!lock.quick_exit());
        let mut off = LockState::Off;
        assert!(!off.quick_exit());
        assert!(!off.tick(1e12));
        // A clock that is not a number locks rather than stays open for ever.
        let mut lock = LockState::unlocked(0.0);
        assert!(lock.tick(f64::NAN));
    }

    // proptest does not build for wasm32 (its random source).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

            #[test]
            fn base64_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..80)) {
                let mut text = String::new();
                base64_encode(&bytes, &mut text);
                prop_assert_eq!(base64_decode(&text), Some(bytes));
            }

            #[test]
            fn any_text_is_an_envelope_or_an_error(text in ".{0,200}") {
                let _ = decode_locked(&text);
                let _ = base64_decode(&text);
            }

            #[test]
            fn envelopes_round_trip_and_edited_ones_never_panic(
                salt in any::<[u8; SALT_BYTES]>(),
                nonce in any::<[u8; NONCE_BYTES]>(),
                iterations in MIN_ITERATIONS..=MAX_ITERATIONS,
                ciphertext in proptest::collection::vec(any::<u8>(), TAG_BYTES..200),
                at in any::<usize>(),
                cut in 0usize..8,
                insert in "[\\[\\]{}\",:0-9a-zA-Z+/= ]{0,6}",
            ) {
                let locked = Locked { salt, iterations, nonce, ciphertext };
                let text = encode_locked(&locked);
                prop_assert_eq!(decode_locked(&text), Ok(locked));
                let mut start = at % (text.len() + 1);
                while !text.is_char_boundary(start) {
                    start -= 1;
                }
                let end = (start + cut).min(text.len());
                let edited = format!("{}{insert}{}", &text[..start], &text[end..]);
                let _ = decode_locked(&edited);
            }
        }
    }
}
