//! Where each key and value of a YAML stream sits, so that errors found after decoding (unknown fields,
//! type errors, validation) can point at `line:column` the way `kubectl apply` points at a field.
//!
//! serde_yaml's `Value` has no positions, so the stream is read a second time with yaml-rust2's event
//! parser into a light tree of positions, one per document, looked up by field path.

use yaml_rust2::parser::{Event, Parser};

/// A 1-based (line, column) position.
pub type Pos = (u32, u32);

/// A node of the position tree.
#[derive(Debug, Clone, Default)]
pub struct SpanNode {
    /// Where the value starts.
    pub pos: Pos,
    /// Map entries: key, key position, value.
    pub entries: Vec<(String, Pos, SpanNode)>,
    /// Sequence items.
    pub items: Vec<SpanNode>,
}

/// One segment of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// Formats a path the way the API server does: `spec.template.spec.containers[0].image`.
pub fn format_path(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => {
                s.push('[');
                s.push_str(&i.to_string());
                s.push(']');
            }
        }
    }
    s
}

impl SpanNode {
    /// The position of `path` below this node: of the last key itself when `at_key`, else of its
    /// value. When the path leaves the tree, the deepest position that exists.
    pub fn locate(&self, path: &[Seg], at_key: bool) -> Pos {
        let mut node = self;
        for (i, seg) in path.iter().enumerate() {
            let last = i + 1 == path.len();
            match seg {
                Seg::Key(k) => match node.entries.iter().find(|(key, _, _)| key == k) {
                    Some((_, kpos, child)) => {
                        if last && at_key {
                            return *kpos;
                        }
                        node = child;
                    }
                    None => return node.pos,
                },
                Seg::Index(idx) => match node.items.get(*idx) {
                    Some(child) => node = child,
                    None => return node.pos,
                },
            }
        }
        node.pos
    }

    /// The child at one key, if present.
    pub fn get(&self, key: &str) -> Option<&SpanNode> {
        self.entries
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, _, n)| n)
    }
}

enum Frame {
    Map {
        node: SpanNode,
        key: Option<(String, Pos)>,
    },
    Seq {
        node: SpanNode,
    },
}

fn pos(m: &yaml_rust2::scanner::Marker) -> Pos {
    (m.line() as u32, m.col() as u32 + 1)
}

/// Reads the position tree of every document in `text`. Stops quietly at a syntax error (serde_yaml
/// reports it); documents read so far are returned.
pub fn index(text: &str) -> Vec<SpanNode> {
    let mut docs = Vec::new();
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<SpanNode> = None;
    while let Ok((event, mark)) = parser.next_token() {
        let p = pos(&mark);
        let finished: Option<SpanNode> = match event {
            Event::StreamEnd => break,
            Event::DocumentStart => {
                root = None;
                stack.clear();
                None
            }
            Event::DocumentEnd => {
                docs.push(root.take().unwrap_or_default());
                None
            }
            Event::Scalar(value, ..) => {
                if let Some(Frame::Map {
                    key: key @ None, ..
                }) = stack.last_mut()
                {
                    *key = Some((value, p));
                    None
                } else {
                    Some(SpanNode {
                        pos: p,
                        ..Default::default()
                    })
                }
            }
            Event::Alias(_) => Some(SpanNode {
                pos: p,
                ..Default::default()
            }),
            Event::MappingStart(..) => {
                stack.push(Frame::Map {
                    node: SpanNode {
                        pos: p,
                        ..Default::default()
                    },
                    key: None,
                });
                None
            }
            Event::SequenceStart(..) => {
                stack.push(Frame::Seq {
                    node: SpanNode {
                        pos: p,
                        ..Default::default()
                    },
                });
                None
            }
            Event::MappingEnd | Event::SequenceEnd => match stack.pop() {
                Some(Frame::Map { node, .. }) | Some(Frame::Seq { node }) => Some(node),
                None => None,
            },
            _ => None,
        };
        if let Some(node) = finished {
            match stack.last_mut() {
                Some(Frame::Map { node: parent, key }) => match key.take() {
                    Some((k, kp)) => parent.entries.push((k, kp, node)),
                    // A complex (non-scalar) key: remember it under a placeholder.
                    None => *key = Some(("<complex key>".into(), node.pos)),
                },
                Some(Frame::Seq { node: parent }) => parent.items.push(node),
                None => root = Some(node),
            }
        }
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_keys_and_values() {
        let text = "a: 1\nb:\n  c:\n  - x: 2\n    y: 3\n---\nz: [1, 2]\n";
        let docs = index(text);
        assert_eq!(docs.len(), 2);
        let path = [
            Seg::Key("b".into()),
            Seg::Key("c".into()),
            Seg::Index(0),
            Seg::Key("y".into()),
        ];
        assert_eq!(docs[0].locate(&path, true), (5, 5));
        assert_eq!(docs[0].locate(&path, false), (5, 8));
        assert_eq!(
            docs[1].locate(&[Seg::Key("z".into()), Seg::Index(1)], false),
            (7, 8)
        );
        assert_eq!(format_path(&path), "b.c[0].y");
    }
}
