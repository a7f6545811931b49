//! Helpers shared by the scenario test files.

use std::path::PathBuf;

/// Compares `text` with `tests/fixtures/<dir>/<name>.snap`; with `UPDATE_SNAPSHOTS` set it rewrites
/// the file instead. A difference fails with the first differing lines.
pub fn snapshot(dir: &str, name: &str, text: &str) {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/{dir}/{name}.snap"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, text).expect("write snapshot");
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_SNAPSHOTS=1", path.display()));
    if want != text {
        let diff: Vec<String> = want
            .lines()
            .zip(text.lines())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .take(5)
            .map(|(i, (a, b))| format!("line {}:\n  want {a}\n  got  {b}", i + 1))
            .collect();
        panic!(
            "snapshot {name} differs ({} vs {} lines; UPDATE_SNAPSHOTS=1 rewrites it):\n{}",
            want.lines().count(),
            text.lines().count(),
            diff.join("\n")
        );
    }
}
