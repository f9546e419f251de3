//! Tables that fit the terminal, and are plain when piped.

use super::Style;
use comfy_table::{Attribute, Cell, ContentArrangement, Table, TableStyle};
use comfy_table::{ContentLineStyle, LineStyle};

/// A table with a header row, wrapped to `style.width`. Rows are separated by
/// a light line only when `separate_rows` is set (for cells that wrap).
pub fn table(style: Style, header: &[&str], rows: Vec<Vec<String>>, separate_rows: bool) -> String {
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
