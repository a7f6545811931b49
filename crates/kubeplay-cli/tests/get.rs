//! `kubeplay get`: the command's contract (tables on stdout, kubectl's messages on stderr, exit codes
//! 0/1/2), run as a process.

use std::path::PathBuf;
use std::process::Command;

const PODS: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: agent
  namespace: kube-system
spec:
  containers:
  - name: agent
    image: fluent-bit:3
";

const NODES: &str = "NAME   STATUS\nn1     Ready\n";

/// Writes the fixtures once per test into their own directory.
fn fixtures(test: &str) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("kubeplay-get-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (pods, nodes) = (dir.join("pods.yaml"), dir.join("nodes.txt"));
    std::fs::write(&pods, PODS).unwrap();
    std::fs::write(&nodes, NODES).unwrap();
    (pods, nodes)
}

/// Runs `kubeplay get ARGS -f pods.yaml --nodes nodes.txt`: (exit code, stdout, stderr).
fn get(test: &str, args: &[&str]) -> (i32, String, String) {
    let (pods, nodes) = fixtures(test);
    let out = Command::new(env!("CARGO_BIN_EXE_kubeplay"))
        .arg("get")
        .args(args)
        .arg("-f")
        .arg(&pods)
        .arg("--nodes")
        .arg(&nodes)
        .output()
        .expect("kubeplay runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn tables_messages_and_exit_codes() {
    // (args, exit code, stdout, stderr)
    let cases: [(&[&str], i32, &str, &str); 8] = [
        (
            &["pods", "--at", "90s"],
            0,
            "NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          90s\n",
            "",
        ),
        (
            &["po", "-A", "--at", "2m"],
            0,
            "NAMESPACE     NAME    READY   STATUS    RESTARTS   AGE\ndefault       web     1/1     Running   0          2m\nkube-system   agent   1/1     Running   0          2m\n",
            "",
        ),
        (&["pods", "web", "--at", "5s"], 0, "NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          5s\n", ""),
        (&["ds", "--at", "1m"], 0, "", "No resources found in default namespace.\n"),
        (&["pods", "nope", "--at", "1m"], 1, "", "Error from server (NotFound): pods \"nope\" not found\n"),
        (&["widgets", "--at", "1m"], 2, "", "error: the server doesn't have a resource type \"widgets\"\n"),
        (&["pods", "web", "-A", "--at", "1m"], 2, "", "error: a resource cannot be retrieved by name across all namespaces\n"),
        (&["pods", "--at", "soon"], 2, "", "error: invalid --at \"soon\": time: invalid duration \"soon\"\n"),
    ];
    for (i, (args, code, stdout, stderr)) in cases.iter().enumerate() {
        let got = get(&format!("t{i}"), args);
        assert_eq!(
            got,
            (*code, stdout.to_string(), stderr.to_string()),
            "kubeplay get {}",
            args.join(" ")
        );
    }
}

#[test]
fn describe_pod() {
    let (code, out, err) = get(
        "describe",
        &[
            "pods",
            "-n",
            "kube-system",
            "--at",
            "1m",
            "--describe",
            "agent",
        ],
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(
        out.starts_with("Name:             agent\nNamespace:        kube-system\n"),
        "{out}"
    );
    assert!(
        out.contains("\nEvents:\n  Type    Reason     Age   From               Message\n"),
        "{out}"
    );
    let (code, _, err) = get("describe-ds", &["ds", "--at", "1m", "--describe", "x"]);
    assert_eq!(code, 2, "{err}");
}
