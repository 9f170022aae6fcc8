//! An iCalendar (RFC 5545) reminder, so the KES expiry lands in the operator's own calendar.
//!
//! A `.ics` file is the one format every calendar program imports, and it needs no account or
//! network on the cold machine. The text is built by hand: it is short, and the only subtle
//! parts are the ones RFC 5545 fixes — CRLF line ends, escaped TEXT values, and lines folded
//! at 75 octets without splitting a UTF-8 character.

use chrono::{DateTime, Duration, Utc};

/// One calendar event with a display alarm before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub at: DateTime<Utc>,
    /// hours before `at` the alarm fires
    pub alarm_hours_before: u32,
    /// DTSTAMP: when the file was made
    pub stamp: DateTime<Utc>,
}

/// The whole `.ics` file for one reminder.
pub fn ics(r: &Reminder) -> String {
    // The event lasts an hour so it shows as a visible block, not a zero-length line.
    let end = r.at.checked_add_signed(Duration::hours(1)).unwrap_or(r.at);
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Pool Console//KES reminder//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", escape(&r.uid)),
        format!("DTSTAMP:{}", utc(r.stamp)),
        format!("DTSTART:{}", utc(r.at)),
        format!("DTEND:{}", utc(end)),
        format!("SUMMARY:{}", escape(&r.summary)),
        format!("DESCRIPTION:{}", escape(&r.description)),
        "BEGIN:VALARM".to_owned(),
        "ACTION:DISPLAY".to_owned(),
        // A display alarm must have its own DESCRIPTION; the summary is what should pop up.
        format!("DESCRIPTION:{}", escape(&r.summary)),
        format!("TRIGGER:-PT{}H", r.alarm_hours_before),
        "END:VALARM".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    lines.iter().map(|l| fold(l)).collect()
}

/// UTC date-time form, e.g. `20261121T120000Z`.
fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a TEXT value: backslash, `;`, `,` and line breaks. Other control characters are not
/// allowed in TEXT at all, so they are dropped rather than making calendars reject the file.
fn escape(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Longest line in octets, not counting the CRLF.
const MAX_OCTETS: usize = 75;

/// One content line, folded: every physical line at most 75 octets, continuations starting
/// with a single space, each ending in CRLF; a UTF-8 character is never split.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 64 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > MAX_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::chain::clock::parse_time;

    fn t(s: &str) -> DateTime<Utc> {
        parse_time(s).unwrap_or_default()
    }

    fn reminder() -> Reminder {
        Reminder {
            uid: "kes-pool1abc-1086@pool-console".to_owned(),
            summary: "Rotate KES keys; pool PCX".to_owned(),
            description: "The opcert expires at 2026-11-21T12:00:00Z.\nIssue a new one, then restart the node."
                .to_owned(),
            at: t("2026-11-21T12:00:00Z"),
            alarm_hours_before: 72,
            stamp: t("2026-09-01T08:30:05Z"),
        }
    }

    #[test]
    fn whole_file() {
        let expected = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
PRODID:-//Pool Console//KES reminder//EN\r\n\
CALSCALE:GREGORIAN\r\n\
BEGIN:VEVENT\r\n\
UID:kes-pool1abc-1086@pool-console\r\n\
DTSTAMP:20260901T083005Z\r\n\
DTSTART:20261121T120000Z\r\n\
DTEND:20261121T130000Z\r\n\
SUMMARY:Rotate KES keys\\; pool PCX\r\n\
DESCRIPTION:The opcert expires at 2026-11-21T12:00:00Z.\\nIssue a new one\\, \r\n \
then restart the node.\r\n\
BEGIN:VALARM\r\n\
ACTION:DISPLAY\r\n\
DESCRIPTION:Rotate KES keys\\; pool PCX\r\n\
TRIGGER:-PT72H\r\n\
END:VALARM\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";
        assert_eq!(ics(&reminder()), expected);
    }

    #[test]
    fn text_escapes() {
        assert_eq!(
            escape("a\\b;c,d\r\ne\rf\ng\u{7}h\ti"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ngh\ti"
        );
    }

    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "")
    }

    #[test]
    fn long_multibyte_description_folds_on_character_boundaries() {
        let description = "Schlüssel für Pool «Ærø», ключ KES истекает ⏰ 🔑🔑🔑;\n".repeat(6);
        let r = Reminder {
            description: description.clone(),
            ..reminder()
        };
        let file = ics(&r);
        assert!(file.ends_with("\r\n"));
        let body = file.strip_suffix("\r\n").unwrap_or_default();
        for line in body.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
            assert!(!line.contains('\r') && !line.contains('\n'));
        }
        let continuations = body.split("\r\n").filter(|l| l.starts_with(' ')).count();
        assert_eq!(continuations, 6);
        let unfolded = unfold(&file);
        let got = unfolded
            .split("\r\n")
            .find_map(|l| l.strip_prefix("DESCRIPTION:Schl"))
            .map(|rest| format!("Schl{rest}"));
        assert_eq!(got, Some(escape(&description)));
        assert_eq!(
            escape(&description),
            description
                .replace(',', "\\,")
                .replace(';', "\\;")
                .replace('\n', "\\n")
        );
    }

    #[test]
    fn fold_edges() {
        let exact = "X".repeat(75);
        assert_eq!(fold(&exact), format!("{exact}\r\n"));
        let over = "X".repeat(76);
        assert_eq!(fold(&over), format!("{}\r\n X\r\n", "X".repeat(75)));
        // A 4-octet character that would end at octet 76 moves whole to the next line.
        let emoji = format!("{}🔑", "X".repeat(72));
        assert_eq!(fold(&emoji), format!("{}\r\n 🔑\r\n", "X".repeat(72)));
        assert_eq!(fold(""), "\r\n");
    }

    #[test]
    fn end_of_time_does_not_panic() {
        let r = Reminder {
            at: DateTime::<Utc>::MAX_UTC,
            ..reminder()
        };
        assert!(ics(&r).contains("DTEND:"));
    }
}
