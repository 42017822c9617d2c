//! The date written into an edition's PDF metadata: the programme's date, or
//! `SOURCE_DATE_EPOCH` when it is set (no clock: the same content gives the same bytes).

use serde::Serialize;

#[derive(Debug, Serialize, Clone, Copy, PartialEq, Eq)]
pub struct PdfDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

impl PdfDate {
    /// A UTC date from a Unix timestamp (as `SOURCE_DATE_EPOCH` gives it).
    pub fn from_unix(seconds: i64) -> PdfDate {
        let days = seconds.div_euclid(86_400);
        let secs = seconds.rem_euclid(86_400);
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        PdfDate {
            year,
            month,
            day,
            hour: (secs / 3600) as u8,
            minute: (secs / 60 % 60) as u8,
            second: (secs % 60) as u8,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PdfDate;

    #[test]
    fn unix_timestamps_become_utc_dates() {
        let d = |y, mo, da, h, mi, s| PdfDate { year: y, month: mo, day: da, hour: h, minute: mi, second: s };
        assert_eq!(PdfDate::from_unix(0), d(1970, 1, 1, 0, 0, 0));
        assert_eq!(PdfDate::from_unix(1_561_680_000), d(2019, 6, 28, 0, 0, 0));
        assert_eq!(PdfDate::from_unix(951_782_399), d(2000, 2, 28, 23, 59, 59));
        assert_eq!(PdfDate::from_unix(951_868_800), d(2000, 3, 1, 0, 0, 0));
        assert_eq!(PdfDate::from_unix(-1), d(1969, 12, 31, 23, 59, 59));
    }
}
