//! Scenarios: timed actions, one per line `<offset> <command>` (offset a Go duration from the start,
//! `#` comments), where commands are real kubectl syntax plus the playground's own `node NAME down|up`
//! and `node add NAME [LABELS]`. `kubectl apply -f - <<EOF ... EOF` takes the manifest inline.

use crate::diag::Diagnostic;
use crate::duration::{self, Millis};

/// One scenario command, parsed.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// `kubectl apply -f FILE` (FILE resolved by the caller) or `-f -` with a heredoc.
    Apply {
        file: String,
        inline: Option<String>,
    },
    /// `kubectl label node(s) NAME k=v k2- [--overwrite]`.
    Label {
        node: String,
        set: Vec<(String, String)>,
        remove: Vec<String>,
        overwrite: bool,
    },
    /// `kubectl taint node(s) NAME key[=value]:Effect[-]`.
    Taint {
        node: String,
        add: Vec<String>,
        remove: Vec<String>,
    },
    Cordon(String),
    Uncordon(String),
    /// `kubectl drain NAME --ignore-daemonsets [--force]`.
    Drain {
        node: String,
        ignore_daemonsets: bool,
        force: bool,
    },
    /// `kubectl delete KIND NAME [-n NS]`.
    Delete {
        kind: String,
        name: String,
        namespace: Option<String>,
    },
    /// `kubectl scale KIND NAME --replicas=N`.
    Scale {
        kind: String,
        name: String,
        replicas: i32,
        namespace: Option<String>,
    },
    /// `kubectl set image KIND/NAME CONTAINER=IMAGE`.
    SetImage {
        kind: String,
        name: String,
        container: String,
        image: String,
        namespace: Option<String>,
    },
    /// `kubectl rollout restart KIND/NAME`.
    RolloutRestart {
        kind: String,
        name: String,
        namespace: Option<String>,
    },
    /// `kubectl patch KIND NAME -p JSON` (merge patch).
    Patch {
        kind: String,
        name: String,
        patch: String,
        namespace: Option<String>,
    },
    /// `kubectl create job NAME --from=cronjob/CJ`.
    CreateJobFrom {
        name: String,
        cron_job: String,
        namespace: Option<String>,
    },
    NodeDown(String),
    NodeUp(String),
    NodeAdd {
        name: String,
        labels: Vec<(String, String)>,
    },
}

/// A command at its offset, with the line it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub at: Millis,
    pub line: u32,
    pub command: Command,
}

/// Splits a command line into words, honouring single and double quotes (like a shell).
fn words(s: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => cur.push(c),
                        None => return Err("unterminated single quote".into()),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => {
                            if let Some(c) = chars.next() {
                                cur.push(c)
                            }
                        }
                        Some(c) => cur.push(c),
                        None => return Err("unterminated double quote".into()),
                    }
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        out.push(cur);
    }
    Ok(out)
}

/// `KIND/NAME` or `KIND NAME`, with kubectl's short names normalised to the Kind.
fn normalise_kind(k: &str) -> Option<&'static str> {
    Some(match k.to_ascii_lowercase().as_str() {
        "pod" | "pods" | "po" => "Pod",
        "replicaset" | "replicasets" | "rs" => "ReplicaSet",
        "deployment" | "deployments" | "deploy" => "Deployment",
        "daemonset" | "daemonsets" | "ds" => "DaemonSet",
        "statefulset" | "statefulsets" | "sts" => "StatefulSet",
        "job" | "jobs" => "Job",
        "cronjob" | "cronjobs" | "cj" => "CronJob",
        "node" | "nodes" | "no" => "Node",
        "configmap" | "configmaps" | "cm" => "ConfigMap",
        "service" | "services" | "svc" => "Service",
        "persistentvolume" | "persistentvolumes" | "pv" => "PersistentVolume",
        "persistentvolumeclaim" | "persistentvolumeclaims" | "pvc" => "PersistentVolumeClaim",
        "namespace" | "namespaces" | "ns" => "Namespace",
        "storageclass" | "storageclasses" | "sc" => "StorageClass",
        _ => return None,
    })
}

/// Resolves kubectl's kind spellings (`ds`, `deploy`, `cronjobs`) to a Kind.
pub fn kind_of(word: &str) -> Option<&'static str> {
    normalise_kind(word)
}

/// Removes `-n NS` / `--namespace NS` / `--namespace=NS` and returns it.
fn take_namespace(w: &mut Vec<String>) -> Option<String> {
    let mut ns = None;
    let mut i = 0;
    while i < w.len() {
        if (w[i] == "-n" || w[i] == "--namespace") && i + 1 < w.len() {
            ns = Some(w.remove(i + 1));
            w.remove(i);
        } else if let Some(v) = w[i].strip_prefix("--namespace=") {
            ns = Some(v.to_string());
            w.remove(i);
        } else {
            i += 1;
        }
    }
    ns
}

fn kind_name(args: &[String], usage: &str) -> Result<(String, String, usize), String> {
    let first = args.first().ok_or_else(|| usage.to_string())?;
    if let Some((k, n)) = first.split_once('/') {
        let kind = normalise_kind(k)
            .ok_or_else(|| format!("the server doesn't have a resource type \"{k}\""))?;
        Ok((kind.into(), n.into(), 1))
    } else {
        let kind = normalise_kind(first)
            .ok_or_else(|| format!("the server doesn't have a resource type \"{first}\""))?;
        let name = args.get(1).ok_or_else(|| usage.to_string())?;
        Ok((kind.into(), name.clone(), 2))
    }
}

fn parse_command(w: &mut Vec<String>, inline: Option<String>) -> Result<Command, String> {
    let ns = take_namespace(w);
    let w: Vec<&str> = w.iter().map(String::as_str).collect();
    match w.as_slice() {
        ["node", name, "down"] => Ok(Command::NodeDown(name.to_string())),
        ["node", name, "up"] => Ok(Command::NodeUp(name.to_string())),
        ["node", "add", name, rest @ ..] => {
            let mut labels = Vec::new();
            for part in rest.iter().flat_map(|s| s.split(',')).filter(|s| !s.is_empty()) {
                let (k, v) = part.split_once('=').ok_or_else(|| format!("invalid label \"{part}\": write key=value"))?;
                labels.push((k.into(), v.into()));
            }
            Ok(Command::NodeAdd { name: name.to_string(), labels })
        }
        ["kubectl", rest @ ..] => kubectl(rest, ns, inline),
        [] => Err("empty command".into()),
        [first, ..] => Err(format!(
            "unknown command \"{first}\": use kubectl apply|label|taint|cordon|uncordon|drain|delete|scale|set image|rollout restart|patch|create job, or node NAME down|up, node add NAME [LABELS]"
        )),
    }
}

fn kubectl(w: &[&str], ns: Option<String>, inline: Option<String>) -> Result<Command, String> {
    let owned: Vec<String> = w.iter().map(|s| s.to_string()).collect();
    match w {
        ["apply", "-f", file] | ["apply", "--filename", file] => Ok(Command::Apply {
            file: file.to_string(),
            inline: if *file == "-" { inline } else { None },
        }),
        ["label", kind, node, rest @ ..] if matches!(*kind, "node" | "nodes" | "no") => {
            let mut set = Vec::new();
            let mut remove = Vec::new();
            let mut overwrite = false;
            for a in rest {
                if *a == "--overwrite" {
                    overwrite = true;
                } else if let Some(k) = a.strip_suffix('-') {
                    remove.push(k.to_string());
                } else if let Some((k, v)) = a.split_once('=') {
                    set.push((k.to_string(), v.to_string()));
                } else {
                    return Err(format!(
                        "at least one label update is required, \"{a}\" is not key=value or key-"
                    ));
                }
            }
            Ok(Command::Label {
                node: node.to_string(),
                set,
                remove,
                overwrite,
            })
        }
        ["taint", kind, node, rest @ ..] if matches!(*kind, "node" | "nodes" | "no") => {
            let mut add = Vec::new();
            let mut remove = Vec::new();
            for a in rest.iter().filter(|a| !a.starts_with("--")) {
                if let Some(t) = a.strip_suffix('-') {
                    remove.push(t.to_string());
                } else {
                    crate::nodes::parse_taint(a)?;
                    add.push(a.to_string());
                }
            }
            if add.is_empty() && remove.is_empty() {
                return Err("at least one taint update is required".into());
            }
            Ok(Command::Taint {
                node: node.to_string(),
                add,
                remove,
            })
        }
        ["cordon", node] => Ok(Command::Cordon(node.to_string())),
        ["uncordon", node] => Ok(Command::Uncordon(node.to_string())),
        ["drain", node, flags @ ..] => Ok(Command::Drain {
            node: node.to_string(),
            ignore_daemonsets: flags.contains(&"--ignore-daemonsets"),
            force: flags.contains(&"--force"),
        }),
        ["delete", ..] => {
            let (kind, name, _) = kind_name(&owned[1..], "usage: kubectl delete KIND NAME")?;
            Ok(Command::Delete {
                kind,
                name,
                namespace: ns,
            })
        }
        ["scale", ..] => {
            let (kind, name, used) =
                kind_name(&owned[1..], "usage: kubectl scale KIND NAME --replicas=N")?;
            let rest = &owned[1 + used..];
            let replicas = rest
                .iter()
                .find_map(|a| a.strip_prefix("--replicas="))
                .ok_or("kubectl scale needs --replicas=N")?
                .parse()
                .map_err(|_| "--replicas must be a whole number".to_string())?;
            Ok(Command::Scale {
                kind,
                name,
                replicas,
                namespace: ns,
            })
        }
        ["set", "image", target, assign] => {
            let (kind, name, _) = kind_name(
                &[target.to_string()],
                "usage: kubectl set image KIND/NAME CONTAINER=IMAGE",
            )?;
            let (container, image) = assign
                .split_once('=')
                .ok_or("usage: kubectl set image KIND/NAME CONTAINER=IMAGE")?;
            Ok(Command::SetImage {
                kind,
                name,
                container: container.into(),
                image: image.into(),
                namespace: ns,
            })
        }
        ["rollout", "restart", target] => {
            let (kind, name, _) = kind_name(
                &[target.to_string()],
                "usage: kubectl rollout restart KIND/NAME",
            )?;
            Ok(Command::RolloutRestart {
                kind,
                name,
                namespace: ns,
            })
        }
        ["patch", ..] => {
            let (kind, name, used) =
                kind_name(&owned[1..], "usage: kubectl patch KIND NAME -p JSON")?;
            let rest = &owned[1 + used..];
            let mut patch = None;
            let mut i = 0;
            while i < rest.len() {
                match rest[i].as_str() {
                    "-p" | "--patch" => {
                        patch = rest.get(i + 1).cloned();
                        i += 2;
                    }
                    "--type" => {
                        if rest.get(i + 1).map(String::as_str) != Some("merge") {
                            return Err(
                                "kubeplay supports merge patches (--type merge) only".into()
                            );
                        }
                        i += 2;
                    }
                    s if s.starts_with("--type=") => {
                        if s != "--type=merge" {
                            return Err(
                                "kubeplay supports merge patches (--type merge) only".into()
                            );
                        }
                        i += 1;
                    }
                    s if s.starts_with("-p=") || s.starts_with("--patch=") => {
                        patch = s.split_once('=').map(|(_, v)| v.to_string());
                        i += 1;
                    }
                    other => return Err(format!("unknown flag {other} for kubectl patch")),
                }
            }
            Ok(Command::Patch {
                kind,
                name,
                patch: patch.ok_or("kubectl patch needs -p JSON")?,
                namespace: ns,
            })
        }
        ["create", "job", name, from] => {
            let cj = from
                .strip_prefix("--from=cronjob/")
                .or_else(|| from.strip_prefix("--from=cronjobs/"))
                .or_else(|| from.strip_prefix("--from=cj/"))
                .ok_or("usage: kubectl create job NAME --from=cronjob/NAME")?;
            Ok(Command::CreateJobFrom {
                name: name.to_string(),
                cron_job: cj.into(),
                namespace: ns,
            })
        }
        [verb, ..] => Err(format!(
            "unknown or unsupported kubectl command \"kubectl {verb}\""
        )),
        [] => Err("kubectl needs a command".into()),
    }
}

/// Parses a scenario. Errors carry the line number (column 1, or the offending word's column).
pub fn parse(text: &str) -> Result<Vec<Step>, Vec<Diagnostic>> {
    let mut steps = Vec::new();
    let mut errors = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line_no = i as u32 + 1;
        let raw = lines[i].trim_end_matches('\r');
        i += 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = (raw.len() - raw.trim_start().len()) as u32;
        let (offset, rest) = trimmed
            .split_once(char::is_whitespace)
            .unwrap_or((trimmed, ""));
        let at = match duration::parse(offset) {
            Ok(ms) if ms >= 0 => ms,
            Ok(_) => {
                errors.push(Diagnostic::new(
                    line_no,
                    indent + 1,
                    "the offset must not be negative",
                ));
                continue;
            }
            Err(e) => {
                errors.push(Diagnostic::new(
                    line_no,
                    indent + 1,
                    format!("each line starts with an offset like 30s or 2m: {e}"),
                ));
                continue;
            }
        };
        // A heredoc: `... <<EOF` takes the following lines up to `EOF` as stdin.
        let mut rest = rest.trim().to_string();
        let mut inline = None;
        if let Some(pos) = rest.find("<<") {
            let marker = rest[pos + 2..]
                .trim()
                .trim_start_matches('-')
                .trim_matches(['\'', '"'])
                .to_string();
            rest.truncate(pos);
            let mut body = String::new();
            let mut closed = false;
            while i < lines.len() {
                let l = lines[i];
                i += 1;
                if l.trim() == marker {
                    closed = true;
                    break;
                }
                body.push_str(l);
                body.push('\n');
            }
            if !closed {
                errors.push(Diagnostic::new(
                    line_no,
                    indent + 1,
                    format!("the heredoc is not closed by a line \"{marker}\""),
                ));
                continue;
            }
            inline = Some(body);
        }
        let col = indent + offset.len() as u32 + 2;
        match words(&rest).and_then(|mut w| parse_command(&mut w, inline)) {
            Ok(command) => steps.push(Step {
                at,
                line: line_no,
                command,
            }),
            Err(m) => errors.push(Diagnostic::new(line_no, col, m)),
        }
    }
    if errors.is_empty() {
        steps.sort_by_key(|s| s.at);
        Ok(steps)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_commands() {
        let text = "# churn\n0s node add n4 disk=ssd,zone=a\n30s kubectl label nodes n1 disk=ssd --overwrite\n1m kubectl taint node n2 gpu=true:NoSchedule\n90s kubectl patch cronjob backup -p '{\"spec\":{\"suspend\":true}}'\n2m kubectl set image ds/log-agent agent=fluentd:v2\n3m node n1 down\n4m kubectl create job manual --from=cronjob/backup\n5m kubectl delete deploy web -n shop\n";
        let steps = parse(text).unwrap();
        assert_eq!(steps.len(), 8);
        assert_eq!(
            steps[0].command,
            Command::NodeAdd {
                name: "n4".into(),
                labels: vec![("disk".into(), "ssd".into()), ("zone".into(), "a".into())]
            }
        );
        assert_eq!(
            steps[3].command,
            Command::Patch {
                kind: "CronJob".into(),
                name: "backup".into(),
                patch: "{\"spec\":{\"suspend\":true}}".into(),
                namespace: None
            }
        );
        assert_eq!(steps[4].at, 120_000);
        assert_eq!(
            steps[7].command,
            Command::Delete {
                kind: "Deployment".into(),
                name: "web".into(),
                namespace: Some("shop".into())
            }
        );
    }

    #[test]
    fn heredoc_apply() {
        let text = "10s kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nEOF\n20s node n1 up\n";
        let steps = parse(text).unwrap();
        assert_eq!(steps.len(), 2);
        match &steps[0].command {
            Command::Apply {
                file,
                inline: Some(body),
            } => {
                assert_eq!(file, "-");
                assert!(body.contains("ConfigMap"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn errors_carry_lines() {
        let errs =
            parse("0s kubectl frobnicate x\nabc kubectl cordon n1\n1m fly away\n").unwrap_err();
        assert_eq!(errs.len(), 3);
        assert_eq!((errs[0].line, errs[0].column), (1, 4));
        assert!(errs[0].message.contains("kubectl frobnicate"));
        assert_eq!(errs[1].line, 2);
        assert!(errs[2].message.starts_with("unknown command \"fly\""));
    }
}
