//! Diagnostics: every error kubeplay reports about user input carries the line and column (1-based)
//! in the text it came from, the way `kubectl apply` points at a field.

use serde::Serialize;

/// One problem found in user input.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Diagnostic {
    /// 1-based line in the input text.
    pub line: u32,
    /// 1-based column in the input text.
    pub column: u32,
    /// The message, worded like the API server's or kubectl's where one exists.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic at `line:column`.
    pub fn new(line: u32, column: u32, message: impl Into<String>) -> Self {
        Self {
            line,
            column,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// The 1-based line and column of byte offset `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() as u32 + 1;
    let col = before.rsplit('\n').next().map_or(0, |s| s.chars().count()) as u32 + 1;
    (line, col)
}
