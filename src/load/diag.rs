//! Diagnostics that point at file:line:col, and their rendering.
//!
//! Rendering produces a `String`; only the binary prints it.

use crate::terminal::{is_bidi_control, printable};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::ops::Range;

/// A data file as read: its display name and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// Index of a file in a [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId(pub usize);

#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    pub files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, mut file: SourceFile) -> FileId {
        // The name is only ever shown; a path can hold anything.
        file.name = printable(&file.name);
        self.files.push(file);
        FileId(self.files.len() - 1)
    }

    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0]
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, id: FileId, offset: usize) -> (usize, usize) {
        line_col(&self.file(id).text, offset)
    }

    /// Where each line of a file starts, for finding many lines in it: one
    /// pass over the file, then a binary search per offset (see [`line_of`]).
    pub fn line_starts(&self, id: FileId) -> Vec<usize> {
        std::iter::once(0)
            .chain(self.file(id).text.match_indices('\n').map(|(i, _)| i + 1))
            .collect()
    }
}

/// The 1-based line of a byte offset, given the file's [`SourceMap::line_starts`].
pub fn line_of(starts: &[usize], offset: usize) -> usize {
    starts.partition_point(|&s| s <= offset)
}

/// 1-based line and column (in characters) of a byte offset in `text`;
/// an offset past the end or inside a character is clamped.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = text[line_start..offset].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A place in a file, with what to say about it.
#[derive(Debug, Clone)]
pub struct Label {
    pub file: FileId,
    pub span: Range<usize>,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// A warning is worth fixing but does not make the data invalid.
    pub warning: bool,
    pub message: String,
    pub primary: Label,
    pub secondary: Vec<Label>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(file: FileId, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            warning: false,
            message: printable(&message.into()),
            primary: Label {
                file,
                span,
                text: String::new(),
            },
            secondary: Vec::new(),
            help: None,
        }
    }

    pub fn label(&mut self, text: impl Into<String>) -> &mut Self {
        self.primary.text = printable(&text.into());
        self
    }

    pub fn also(&mut self, file: FileId, span: Range<usize>, text: impl Into<String>) -> &mut Self {
        self.secondary.push(Label {
            file,
            span,
            text: printable(&text.into()),
        });
        self
    }

    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(printable(&help.into()));
        self
    }

    /// `file:line:col` of the primary label.
    pub fn location(&self, map: &SourceMap) -> String {
        let (line, col) = map.line_col(self.primary.file, self.primary.span.start);
        format!("{}:{}:{}", map.file(self.primary.file).name, line, col)
    }
}

/// Everything wrong with a set of data files.
#[derive(Debug, Clone)]
pub struct Report {
    pub sources: SourceMap,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Renders every diagnostic with its snippet; `color` adds ANSI styles.
    pub fn render(&self, color: bool) -> String {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        // annotate-snippets shows control characters as symbols, but not
        // bidi overrides. Each override and U+FFFD is 3 bytes in UTF-8, so
        // replacing them keeps every span in place.
        let shown: Vec<String> = self
            .sources
            .files
            .iter()
            .map(|f| f.text.replace(is_bidi_control, "\u{fffd}"))
            .collect();
        let mut out = String::new();
        for d in &self.diagnostics {
            out.push_str(&renderer.render(&self.groups(d, &shown)));
            out.push_str("\n\n");
        }
        out
    }

    fn groups<'a>(&'a self, d: &'a Diagnostic, shown: &'a [String]) -> Vec<Group<'a>> {
        let clamp = |file: FileId, span: &Range<usize>| {
            let text = &self.sources.file(file).text;
            let start = floor_char_boundary(text, span.start.min(text.len()));
            let end = floor_char_boundary(text, span.end.min(text.len())).max(start);
            start..end
        };
        let snippet = |file: FileId| {
            let f = self.sources.file(file);
            Snippet::source(shown[file.0].as_str()).path(f.name.as_str())
        };
        let mut first = snippet(d.primary.file).annotation(
            AnnotationKind::Primary
                .span(clamp(d.primary.file, &d.primary.span))
                .label(d.primary.text.as_str()),
        );
        let mut others: Vec<Snippet<'a, _>> = Vec::new();
        for l in &d.secondary {
            let ann = AnnotationKind::Context
                .span(clamp(l.file, &l.span))
                .label(l.text.as_str());
            if l.file == d.primary.file {
                first = first.annotation(ann);
            } else {
                others.push(snippet(l.file).annotation(ann));
            }
        }
        let level = if d.warning {
            Level::WARNING
        } else {
            Level::ERROR
        };
        let mut title = level.primary_title(d.message.as_str()).element(first);
        for s in others {
            title = title.element(s);
        }
        if let Some(help) = &d.help {
            title = title.element(Level::HELP.message(help.as_str()));
        }
        vec![title]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_of_agrees_with_line_col() {
        let mut map = SourceMap::default();
        let text = "a\nbc\n\ndef\n";
        let id = map.add(SourceFile {
            name: "f".into(),
            text: text.into(),
        });
        let starts = map.line_starts(id);
        for at in 0..text.len() {
            assert_eq!(line_of(&starts, at), line_col(text, at).0, "{at}");
        }
    }
}
