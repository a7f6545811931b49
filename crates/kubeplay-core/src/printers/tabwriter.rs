//! A port of Go's `text/tabwriter` (the subset kubectl uses: left alignment, a single padding
//! character, no escapes, no flags), so tables line up byte for byte like kubectl's.
//!
//! kubectl prints `get` tables through `printers.GetNewTabWriter`
//! (staging/src/k8s.io/cli-runtime/pkg/printers/tabwriter.go):
//! `tabwriter.NewWriter(output, 6, 4, 3, ' ', tabwriter.RememberWidths)` ([`KUBECTL_GET`]), and
//! `describe` output through `tabbedString` (staging/src/k8s.io/kubectl/pkg/describe/describe.go):
//! `out.Init(buf, 0, 8, 2, ' ', 0)` ([`KUBECTL_DESCRIBE`]). RememberWidths only matters across flushes
//! of a streamed table, which kubeplay never does.
//!
//! Semantics (Go's `Writer.format`): a cell is text terminated by a tab; the text after the last tab of
//! a line is not a cell of any column and is never padded. Adjacent lines that have a cell in column
//! `k` form a column block; every cell of the block is padded to `max(minwidth, widest + padding)`.
//! A line with fewer cells ends the blocks of the columns it lacks. Widths count Unicode scalar values,
//! like Go's `utf8.RuneCount`.

/// Settings of a tab writer (`tabwriter.NewWriter(output, minwidth, tabwidth, padding, padchar, 0)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    /// Minimal cell width including any padding.
    pub minwidth: usize,
    /// Width of a tab character (only used when padding with tabs, which kubeplay never does).
    pub tabwidth: usize,
    /// Padding added to a cell before computing its width.
    pub padding: usize,
    /// The padding character.
    pub padchar: char,
}

/// `kubectl get`: minwidth 6, tabwidth 4, padding 3, padded with spaces.
pub const KUBECTL_GET: Config = Config {
    minwidth: 6,
    tabwidth: 4,
    padding: 3,
    padchar: ' ',
};

/// `kubectl describe`: minwidth 0, tabwidth 8, padding 2, padded with spaces.
pub const KUBECTL_DESCRIBE: Config = Config {
    minwidth: 0,
    tabwidth: 8,
    padding: 2,
    padchar: ' ',
};

struct Cell<'a> {
    text: &'a str,
    width: usize,
}

/// Aligns tab-separated `text` like writing it to a Go `tabwriter.Writer` and flushing.
pub fn format(text: &str, cfg: Config) -> String {
    let lines: Vec<Vec<Cell<'_>>> = text
        .split('\n')
        .map(|line| {
            line.split('\t')
                .map(|t| Cell {
                    text: t,
                    width: t.chars().count(),
                })
                .collect()
        })
        .collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut widths = Vec::new();
    format_block(&lines, &mut widths, 0, lines.len(), cfg, &mut out);
    out
}

/// Go's `Writer.format`: finds the column blocks of column `widths.len()` between `line0` and
/// `line1`, pushes each block's width and recurses into the next column.
fn format_block(
    lines: &[Vec<Cell<'_>>],
    widths: &mut Vec<usize>,
    mut line0: usize,
    line1: usize,
    cfg: Config,
    out: &mut String,
) {
    let column = widths.len();
    let mut this = line0;
    while this < line1 {
        if column + 1 >= lines[this].len() {
            this += 1;
            continue;
        }
        // A cell exists in this column: print the lines before the block, then size the block.
        write_lines(lines, widths, line0, this, cfg, out);
        line0 = this;
        let mut width = cfg.minwidth;
        while this < line1 {
            let line = &lines[this];
            if column + 1 >= line.len() {
                break;
            }
            width = width.max(line[column].width + cfg.padding);
            this += 1;
        }
        widths.push(width);
        format_block(lines, widths, line0, this, cfg, out);
        widths.pop();
        line0 = this;
    }
    write_lines(lines, widths, line0, line1, cfg, out);
}

/// Go's `Writer.writeLines` for left-aligned cells padded with `cfg.padchar`.
fn write_lines(
    lines: &[Vec<Cell<'_>>],
    widths: &[usize],
    line0: usize,
    line1: usize,
    cfg: Config,
    out: &mut String,
) {
    for (i, line) in lines.iter().enumerate().take(line1).skip(line0) {
        for (j, c) in line.iter().enumerate() {
            out.push_str(c.text);
            if j < widths.len() {
                for _ in c.width..widths[j] {
                    out.push(cfg.padchar);
                }
            }
        }
        if i + 1 < lines.len() {
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kubectl_get_table() {
        // Expected outputs produced by Go's text/tabwriter with (6, 4, 3, ' ', 0).
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("a\n", "a\n"),
            ("a\tb\n", "a     b\n"),
            ("NAME\tAGE\nx\t5s\n", "NAME   AGE\nx      5s\n"),
            (
                "NAME\tREADY\tSTATUS\nweb-1\t1/1\tRunning\nweb-longer-name\t0/1\tPending\n",
                "NAME              READY   STATUS\nweb-1             1/1     Running\nweb-longer-name   0/1     Pending\n",
            ),
            // An empty cell is padded too; the last cell of a line never is.
            ("A\tB\tC\n\t\tz\n", "A     B     C\n            z\n"),
            // No trailing newline: the last line is written as is.
            ("a\tb", "a     b"),
        ];
        for (input, want) in cases {
            assert_eq!(format(input, KUBECTL_GET), *want, "input {input:?}");
        }
    }

    #[test]
    fn column_blocks_end_at_shorter_lines() {
        // Lines without a tab end every column block (describe's sections).
        let input = "Name:\tweb\nNamespace:\tdefault\nContainers:\n  app:\n    Image:\tnginx\n    Restart Count:\t0\n";
        let want = "Name:       web\nNamespace:  default\nContainers:\n  app:\n    Image:          nginx\n    Restart Count:  0\n";
        assert_eq!(format(input, KUBECTL_DESCRIBE), want);
    }

    #[test]
    fn widths_count_characters_not_bytes() {
        assert_eq!(format("é\tx\nab\ty\n", KUBECTL_DESCRIBE), "é   x\nab  y\n");
    }

    #[test]
    fn nested_blocks() {
        // Column 1 exists only on the first two lines; column 0 spans all three.
        let input = "a\tbb\tc\naaa\tb\tc\naa\tccc\n";
        let want = "a     bb    c\naaa   b     c\naa    ccc\n";
        assert_eq!(format(input, KUBECTL_GET), want);
    }
}
