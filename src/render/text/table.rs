//! Tables that fit the terminal, and are plain when piped.
//!
//! A word (an id, a title's word) is never cut in the middle: each column is
//! at least as wide as its longest word. When the columns cannot all fit at
//! that width, the rows are shown as a list instead, one "header: value" line
//! each. Very long cells are shortened for the table (the JSON and CSV keep
//! them whole), which also keeps the table library's work small.

use super::{Style, wrap};
use comfy_table::{
    Attribute, Cell, ColumnConstraint, ContentArrangement, Table, TableStyle, Width,
};
use comfy_table::{ContentLineStyle, LineStyle};
use unicode_width::UnicodeWidthStr;

/// Characters of a cell shown in a table; the rest is cut with "…".
const MAX_CELL: usize = 300;

/// A table with a header row, wrapped to `style.width`, or a list when the
/// columns cannot fit. Rows are separated by a light line only when
/// `separate_rows` is set (for cells that wrap).
pub fn table(style: Style, header: &[&str], rows: Vec<Vec<String>>, separate_rows: bool) -> String {
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| r.into_iter().map(shorten).collect())
        .collect();
    let longest_word = |col: usize| {
        rows.iter()
            .filter_map(|r| r.get(col))
            .map(String::as_str)
            .chain(header.get(col).copied())
            .flat_map(str::split_whitespace)
            .map(UnicodeWidthStr::width)
            .max()
            .unwrap_or(0)
    };
    let mins: Vec<usize> = (0..header.len()).map(longest_word).collect();
    // Each column has a space of padding on both sides, and one between.
    let needed: usize = mins.iter().map(|w| w + 3).sum();
    if needed > style.width as usize {
        return list(style, header, &rows);
    }
    let mut t = Table::new();
    // comfy-table would probe the terminal itself and emit bold codes even
    // under NO_COLOR: decide everything here instead.
    t.force_no_tty();
    if style.color {
        t.enforce_styling();
    }
    let (head, row) = if style.fancy {
        ('─', '╌')
    } else {
        ('-', '-')
    };
    let mut look = TableStyle::new()
        .header_lines(ContentLineStyle::none().junction(' '))
        .content_lines(ContentLineStyle::none().junction(' '))
        .header_separator(LineStyle::none().fill(head).junction(head));
    if separate_rows {
        look = look.row_separator(LineStyle::none().fill(row).junction(' '));
    }
    t.load_style(look);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    t.set_width(style.width);
    t.set_header(header.iter().map(|h| {
        let c = Cell::new(h);
        if style.color {
            c.add_attribute(Attribute::Bold)
        } else {
            c
        }
    }));
    for row in rows {
        t.add_row(row);
    }
    for (i, w) in mins.iter().enumerate() {
        if let Some(c) = t.column_mut(i) {
            // The width comfy-table constrains includes the padding.
            let w = u16::try_from(*w + 2).unwrap_or(u16::MAX);
            c.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(w)));
        }
    }
    // Trailing spaces make diffs and copy-paste noisy.
    let mut s: String = t
        .to_string()
        .lines()
        .map(|l| l.trim_end().to_string() + "\n")
        .collect();
    if s.is_empty() {
        s.push('\n');
    }
    s
}

/// The rows as a list, for a terminal too narrow for the table.
fn list(style: Style, header: &[&str], rows: &[Vec<String>]) -> String {
    let w = style.width as usize;
    let mut s = String::new();
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        for (h, cell) in header.iter().zip(row) {
            if !cell.is_empty() {
                s.push_str(&wrap(&format!("{h}: {cell}"), w, "", "    "));
            }
        }
    }
    s
}

/// A cell cut to [`MAX_CELL`] characters.
fn shorten(cell: String) -> String {
    match cell.char_indices().nth(MAX_CELL) {
        Some((at, _)) => format!("{}…", &cell[..at]),
        None => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(width: u16) -> Style {
        Style {
            width,
            ..Style::PLAIN
        }
    }

    #[test]
    fn words_are_never_cut_and_narrow_terminals_get_a_list() {
        let rows = vec![vec![
            "diagnostic-radiographer-degree-apprenticeship".to_string(),
            "Diagnostic radiographer degree apprenticeship (Level 6)".to_string(),
        ]];
        let wide = table(plain(100), &["id", "title"], rows.clone(), false);
        assert!(
            wide.contains("diagnostic-radiographer-degree-apprenticeship"),
            "{wide}"
        );
        let narrow = table(plain(50), &["id", "title"], rows, false);
        assert!(
            narrow.starts_with("id: diagnostic-radiographer-degree-apprenticeship\n"),
            "{narrow}"
        );
        assert!(
            narrow.contains("title: Diagnostic radiographer"),
            "{narrow}"
        );
    }

    #[test]
    fn a_huge_cell_is_shortened() {
        let rows = vec![vec!["x".repeat(1_000_000)]];
        let out = table(plain(80), &["title"], rows, false);
        assert!(out.len() < 2_000, "{}", out.len());
        assert!(out.contains('…'));
    }
}
