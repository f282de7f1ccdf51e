//! Export and import: the person's own copy of their check-ins, as a JSON file.
//!
//! Browsers can delete saved data without asking (Safari after 7 days without a visit,
//! partitioned storage, a cleared history), so the export is the person's insurance. The
//! format is versioned and documented in `docs/storage.md`:
//!
//! ```json
//! {
//!   "format": "recovery-checkin-export",
//!   "version": 1,
//!   "exported_at": 1767225600000,
//!   "checkins": [
//!     {"id":"…","at":…,"questionnaire_version":2,"method_version":2,"answers":{…},
//!      "scores":{…},"band":"some","safety":[]}
//!   ]
//! }
//! ```
//!
//! Each entry has the fields of a stored check-in without the envelope's `"v"`: the export
//! version says which schema they follow ([`schema_of_export`]). Reading a file is checked
//! from top to bottom before anything is written ([`parse_export`]).

use std::fmt;

use crate::i18n::Msg;
use crate::storage::checkin::{checkin_from_fields, SavedCheckIn};
use crate::storage::json::{self, EncodeError, Value};
use crate::storage::repo::SaveError;
use crate::storage::schema::{migrate_schema, parse_json, version_number, DecodeError};
use crate::storage::store::StoreError;
use crate::text::{ArgValue, Text};

/// The `"format"` marker of an export file.
pub const EXPORT_FORMAT: &str = "recovery-checkin-export";
/// The export version this build writes.
pub const EXPORT_VERSION: u32 = 1;
/// The oldest export version this build reads.
pub const OLDEST_EXPORT_VERSION: u32 = 1;
/// The largest file `import` reads, in bytes (UTF-8), checked before parsing. 500 check-ins
/// take well under 1 MB, so 5 MB leaves room for years of check-ins and refuses files that are
/// plainly something else. The web layer should check `File.size` against it before reading.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// Why an import changed nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Over [`MAX_IMPORT_BYTES`].
    TooBig {
        /// The file's size in bytes.
        bytes: usize,
    },
    /// Not a Recovery Check-in export (no format marker, or not JSON and no sign of one).
    NotOurs,
    /// Our format, but damaged: truncated, a wrong type, a bad entry, an edited result. The
    /// reason is for logs.
    Corrupt(String),
    /// Made by a newer version of the widget.
    FromTheFuture {
        /// The file's version.
        found: u32,
    },
    /// Made by a version too old to read.
    Unsupported {
        /// The file's version.
        found: u32,
    },
    /// The person chose to keep nothing on this device.
    KeepingNothing,
    /// The settings were written by a newer version of the widget, so this one saves nothing.
    NewerDataThere,
    /// The storage is blocked.
    Unavailable,
    /// The storage filled up; the writes made were undone.
    QuotaExceeded,
    /// The storage failed otherwise.
    Failed(String),
}

impl ImportError {
    /// What to tell the person, in plain words. Every one of these says or means "nothing was
    /// imported".
    pub fn message(&self) -> Msg {
        match self {
            ImportError::TooBig { .. } => Msg::StorageImportTooBig,
            ImportError::NotOurs => Msg::StorageImportNotOurs,
            ImportError::Corrupt(_) => Msg::StorageImportCorrupt,
            ImportError::FromTheFuture { .. } => Msg::StorageImportNewer,
            ImportError::Unsupported { .. } => Msg::StorageImportTooOld,
            ImportError::KeepingNothing => Msg::StorageImportKeepingNothing,
            ImportError::NewerDataThere => Msg::StorageNewerThere,
            ImportError::Unavailable => Msg::StorageBlocked,
            ImportError::QuotaExceeded => Msg::StorageImportFull,
            ImportError::Failed(_) => Msg::StorageImportFailed,
        }
    }
}

impl From<StoreError> for ImportError {
    fn from(error: StoreError) -> ImportError {
        match error {
            StoreError::Unavailable => ImportError::Unavailable,
            StoreError::QuotaExceeded => ImportError::QuotaExceeded,
            StoreError::Other(what) => ImportError::Failed(what),
        }
    }
}

impl From<SaveError> for ImportError {
    fn from(error: SaveError) -> ImportError {
        match error {
            SaveError::Unavailable => ImportError::Unavailable,
            SaveError::QuotaExceeded => ImportError::QuotaExceeded,
            SaveError::KeepingNothing => ImportError::KeepingNothing,
            SaveError::NewerDataThere(_) => ImportError::NewerDataThere,
            other => ImportError::Failed(other.to_string()),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooBig { bytes } => write!(f, "{bytes} bytes, over the {MAX_IMPORT_BYTES}-byte limit"),
            ImportError::NotOurs => f.write_str("not a Recovery Check-in export"),
            ImportError::Corrupt(reason) => write!(f, "corrupt export: {reason}"),
            ImportError::FromTheFuture { found } => write!(f, "export version {found} is newer than this build"),
            ImportError::Unsupported { found } => write!(f, "export version {found} is too old to read"),
            ImportError::KeepingNothing => f.write_str("the person chose to keep nothing on this device"),
            ImportError::NewerDataThere => f.write_str("the settings are from a newer version"),
            ImportError::Unavailable => f.write_str("storage is not available"),
            ImportError::QuotaExceeded => f.write_str("storage quota exceeded; nothing was imported"),
            ImportError::Failed(what) => write!(f, "import failed: {what}"),
        }
    }
}

impl std::error::Error for ImportError {}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Check-ins written.
    pub added: usize,
    /// Check-ins already here with the same content (not written again).
    pub already_there: usize,
    /// Ids already here with different content: the check-in here was kept, the file's was
    /// not imported.
    pub skipped: Vec<String>,
}

impl ImportReport {
    /// The report in plain words, one line per non-zero count (or one line when the file held
    /// no check-ins).
    pub fn messages(&self) -> Vec<Text> {
        let count =
            |msg: Msg, n: usize| Text::new(msg).with("count", ArgValue::Number(u32::try_from(n).unwrap_or(u32::MAX)));
        let mut lines = Vec::new();
        if self.added > 0 {
            lines.push(count(Msg::StorageImportAdded, self.added));
        }
        if self.already_there > 0 {
            lines.push(count(Msg::StorageImportAlreadyThere, self.already_there));
        }
        if !self.skipped.is_empty() {
            lines.push(count(Msg::StorageImportSkipped, self.skipped.len()));
        }
        if lines.is_empty() {
            lines.push(Text::new(Msg::StorageImportEmpty));
        }
        lines
    }
}

/// The storage schema version of the entries of an export version.
pub fn schema_of_export(version: u32) -> u32 {
    // One to one so far; a new storage schema brings a new export version.
    version
}

/// The export file for `checkins` (in the order given, newest first from the history), made
/// at `exported_at` (milliseconds since the Unix epoch). One check-in per line, so the file
/// reads well in a text editor and stays small.
pub fn export_json(checkins: &[SavedCheckIn], exported_at: i64) -> Result<String, EncodeError> {
    let mut out = String::with_capacity(200 + checkins.len() * 1500);
    out.push_str("{\n  \"format\": ");
    json::write_str(&mut out, EXPORT_FORMAT);
    out.push_str(&format!(
        ",\n  \"version\": {EXPORT_VERSION},\n  \"exported_at\": {exported_at},\n  \"checkins\": ["
    ));
    for (i, saved) in checkins.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        out.push_str(&json::to_string(saved));
    }
    out.push_str(if checkins.is_empty() { "]\n}\n" } else { "\n  ]\n}\n" });
    Ok(out)
}

/// Reads and checks a whole export file: the size first, then the format marker, the version,
/// and every entry (its fields, that its saved result is what its answers give, and that an id
/// appears once). Any failure refuses the whole file. Returns the check-ins in file order.
pub fn parse_export(text: &str) -> Result<Vec<SavedCheckIn>, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooBig { bytes: text.len() });
    }
    // A file that is not JSON is "not ours" unless it looks like a damaged export of ours.
    let looks_ours = text.contains(EXPORT_FORMAT);
    let root = parse_json(text).map_err(|error| match error {
        DecodeError::Corrupt(reason) if looks_ours => ImportError::Corrupt(reason),
        DecodeError::NotJson if looks_ours => ImportError::Corrupt("not JSON".into()),
        _ => ImportError::NotOurs,
    })?;
    let Value::Object(mut root) = root else {
        return Err(ImportError::NotOurs);
    };
    if root.get("format").and_then(Value::as_str) != Some(EXPORT_FORMAT) {
        return Err(ImportError::NotOurs);
    }
    let version =
        version_number(root.get("version")).ok_or_else(|| ImportError::Corrupt("no export version".into()))?;
    if version > EXPORT_VERSION {
        return Err(ImportError::FromTheFuture { found: version });
    }
    if version < OLDEST_EXPORT_VERSION {
        return Err(ImportError::Unsupported { found: version });
    }
    if root.get("exported_at").and_then(Value::as_i64).is_none() {
        return Err(ImportError::Corrupt("no export date".into()));
    }
    let Some(Value::Array(entries)) = root.remove("checkins") else {
        return Err(ImportError::Corrupt("no list of check-ins".into()));
    };
    let mut checkins: Vec<SavedCheckIn> = Vec::with_capacity(entries.len());
    // Ids seen so far with where their check-in is, sorted by id for bisection (a sorted list
    // rather than a `BTreeMap`: no B-tree code of its own in the wasm).
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (index, entry) in entries.into_iter().enumerate() {
        let corrupt = |reason: &dyn fmt::Display| ImportError::Corrupt(format!("check-in {index}: {reason}"));
        let Value::Object(fields) = entry else {
            return Err(corrupt(&"not an object"));
        };
        let fields = migrate_schema(schema_of_export(version), fields).map_err(|e| match e {
            DecodeError::FromTheFuture { found, .. } => ImportError::FromTheFuture { found },
            DecodeError::Unsupported { found, .. } => ImportError::Unsupported { found },
            other => corrupt(&other),
        })?;
        let saved = checkin_from_fields(&Value::Object(fields)).map_err(|e| corrupt(&e))?;
        if !saved.is_consistent() {
            return Err(corrupt(&"its saved result is not what its answers give"));
        }
        match seen.binary_search_by(|(id, _)| id.as_str().cmp(saved.id())) {
            Ok(at) if checkins.get(seen[at].1) == Some(&saved) => continue,
            Ok(_) => return Err(corrupt(&format!("id \"{}\" twice, with different content", saved.id()))),
            Err(at) => {
                seen.insert(at, (saved.id().to_owned(), checkins.len()));
                checkins.push(saved);
            }
        }
    }
    Ok(checkins)
}

/// A file name for the export made at `at_ms`: `recovery-checkins-YYYY-MM-DD.json` (UTC).
pub fn export_file_name(at_ms: i64) -> String {
    let (y, m, d) = civil_from_days(at_ms.div_euclid(86_400_000));
    format!("recovery-checkins-{y:04}-{m:02}-{d:02}.json")
}

/// The calendar date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    // In range by construction: 1..=31 and 1..=12.
    (y, u32::try_from(m).unwrap_or(1), u32::try_from(d).unwrap_or(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::checkin::tests::{good, CHECKIN_Q1};
    use crate::storage::checkin::{decode_checkin, encode_checkin};

    fn two() -> Vec<SavedCheckIn> {
        let done = good();
        vec![
            SavedCheckIn::from_completed(&done, "b", 2_000).expect("valid"),
            decode_checkin(CHECKIN_Q1).expect("valid"),
        ]
    }

    #[test]
    fn export_then_parse_gives_the_same_check_ins() {
        let checkins = two();
        let text = export_json(&checkins, 1_767_225_600_000).expect("exports");
        assert!(text.starts_with("{\n  \"format\": \"recovery-checkin-export\",\n  \"version\": 1,\n  \"exported_at\": 1767225600000,\n  \"checkins\": [\n    {\"id\":\"b\""), "{text}");
        assert_eq!(text.lines().count(), 9, "one line per check-in:\n{text}");
        assert_eq!(parse_export(&text), Ok(checkins));
        let empty = export_json(&[], 0).expect("exports");
        assert_eq!(parse_export(&empty), Ok(vec![]));
    }

    #[test]
    fn files_that_are_not_ours_are_refused() {
        for text in [
            "",
            "hello",
            "%PDF-1.7",
            "[]",
            "42",
            "{}",
            r#"{"format":"something-else","version":1,"exported_at":0,"checkins":[]}"#,
            r#"{"format":1}"#,
        ] {
            assert_eq!(parse_export(text), Err(ImportError::NotOurs), "{text:?}");
        }
    }

    #[test]
    fn damaged_files_of_ours_are_corrupt() {
        let text = export_json(&two(), 5).expect("exports");
        let stressors = two()[0].scores().stressors.expect("scored");
        for bad in [
            text[..text.len() / 2].to_owned(),
            text.replace("\"version\": 1", "\"version\": \"1\""),
            text.replace("\"exported_at\": 5", "\"exported_at\": \"today\""),
            text.replace("\"checkins\": [", "\"checkins\": {")
                .replace("\n  ]", "\n  }"),
            text.replace("{\"id\":\"b\"", "[{\"id\":\"b\"")
                .replacen("\"safety\":[]}", "\"safety\":[]}]", 1),
            text.replace("\"at\":2000", "\"at\":\"2000\""),
            text.replace(&format!("\"stressors\":{stressors},"), "\"stressors\":99,"),
            text.replace("\"id\":\"old-1\"", "\"id\":\"b\""),
            text.replace(
                "\"format\": \"recovery-checkin-export\",",
                "\"format\": \"recovery-checkin-export\",,",
            ),
        ] {
            assert_ne!(bad, text, "the fixture changed: fix the test");
            assert!(matches!(parse_export(&bad), Err(ImportError::Corrupt(_))), "{bad}");
        }
    }

    #[test]
    fn versions_from_the_future_or_the_past_are_refused() {
        let text = export_json(&two(), 5).expect("exports");
        assert_eq!(
            parse_export(&text.replace("\"version\": 1", "\"version\": 2")),
            Err(ImportError::FromTheFuture { found: 2 })
        );
        assert_eq!(
            parse_export(&text.replace("\"version\": 1", "\"version\": 0")),
            Err(ImportError::Unsupported { found: 0 })
        );
    }

    #[test]
    fn the_size_limit_is_checked_before_parsing() {
        // Not JSON at all, but too big: the size is what is reported.
        let big = "x".repeat(MAX_IMPORT_BYTES + 1);
        assert_eq!(
            parse_export(&big),
            Err(ImportError::TooBig {
                bytes: MAX_IMPORT_BYTES + 1
            })
        );
        let text = export_json(&two(), 5).expect("exports");
        let padded = format!("{text}{}", " ".repeat(MAX_IMPORT_BYTES - text.len()));
        assert!(parse_export(&padded).is_ok(), "exactly at the limit is fine");
    }

    #[test]
    fn a_repeated_entry_is_read_once() {
        let checkins = two();
        let line = serde_json::to_string(&checkins[0]).expect("serialises");
        let text =
            format!(r#"{{"format":"recovery-checkin-export","version":1,"exported_at":0,"checkins":[{line},{line}]}}"#);
        assert_eq!(parse_export(&text), Ok(vec![checkins[0].clone()]));
        assert!(encode_checkin(&checkins[0]).is_ok());
    }

    #[test]
    fn the_report_and_errors_have_plain_words() {
        let report = ImportReport {
            added: 2,
            already_there: 0,
            skipped: vec!["x".into()],
        };
        let lines = report.messages();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].msg, Msg::StorageImportAdded);
        assert_eq!(lines[1].msg, Msg::StorageImportSkipped);
        assert_eq!(
            ImportReport::default().messages(),
            vec![Text::new(Msg::StorageImportEmpty)]
        );
        assert_eq!(ImportError::NotOurs.message(), Msg::StorageImportNotOurs);
        assert_eq!(ImportError::TooBig { bytes: 1 }.message(), Msg::StorageImportTooBig);
        assert_eq!(ImportError::from(StoreError::QuotaExceeded), ImportError::QuotaExceeded);
    }

    #[test]
    fn file_names_carry_the_date() {
        assert_eq!(export_file_name(0), "recovery-checkins-1970-01-01.json");
        assert_eq!(export_file_name(1_767_225_600_000), "recovery-checkins-2026-01-01.json");
        assert_eq!(export_file_name(951_782_400_000), "recovery-checkins-2000-02-29.json");
        assert_eq!(export_file_name(-1), "recovery-checkins-1969-12-31.json");
    }
}
