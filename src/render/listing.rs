//! Simple listings (a header and rows) in table, CSV or Markdown form.

use super::Style;
use super::table::table;
use super::text::clean;

pub struct Listing {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

impl Listing {
    pub fn table(&self, style: Style) -> String {
        let rows = self
            .rows
            .iter()
            .map(|r| r.iter().map(|c| clean(c)).collect())
            .collect();
        table(style, &self.header, rows, false)
    }

    pub fn csv(&self) -> String {
        csv_rows(&self.header, &self.rows)
    }

    pub fn markdown(&self) -> String {
        markdown_table(&self.header, &self.rows)
    }
}

/// RFC 4180 CSV. Cells that a spreadsheet would run as a formula are
/// prefixed with `'`, so data can never execute in someone's spreadsheet.
pub fn csv_rows(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(header);
    for r in rows {
        let _ = w.write_record(r.iter().map(|c| spreadsheet_safe(c)));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A CSV cell that is safe in a spreadsheet and on a terminal: control
/// characters are replaced, and a leading formula character is quoted.
pub fn spreadsheet_safe(c: &str) -> String {
    let c = crate::terminal::printable(c);
    match c.chars().next() {
        Some('=' | '+' | '@' | '\t' | '\r') => format!("'{c}"),
        Some('-') if c.len() > 1 && !c[1..].starts_with(|ch: char| ch.is_ascii_digit()) => {
            format!("'{c}")
        }
        _ => c,
    }
}

/// A GitHub-flavoured Markdown table; `|` and line breaks in cells escaped.
pub fn markdown_table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut s = format!("| {} |\n", header.join(" | "));
    s.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| md_cell(c)).collect();
        s.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    s
}

/// Escapes text for a Markdown table cell or paragraph.
pub fn md_cell(c: &str) -> String {
    let mut out = String::with_capacity(c.len());
    for ch in clean(c).chars() {
        match ch {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            ch => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_neutralises_formulas_and_quotes() {
        let s = csv_rows(
            &["a"],
            &[
                vec!["=HYPERLINK(1)".into()],
                vec!["say \"hi\", ok".into()],
                vec!["-12".into()],
            ],
        );
        assert_eq!(
            s,
            "a\r\n'=HYPERLINK(1)\r\n\"say \"\"hi\"\", ok\"\r\n-12\r\n"
        );
    }

    #[test]
    fn markdown_escapes_pipes() {
        assert_eq!(md_cell("a|b<script>"), "a\\|b\\<script\\>");
    }
}
