//! wasm-bindgen tests run in headless Chromium (`wasm-pack test --headless --chrome`, or `cargo test
//! --target wasm32-unknown-unknown` with the runner from .cargo/config.toml).

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

use kubeplay_wasm::Playground;

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn check_reports_unknown_field_with_position() {
    let pg = Playground::new();
    let ds = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: a\nspec:\n  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a}\n    spec:\n      nodeselector: {disk: ssd}\n      containers: [{name: c, image: x}]\n";
    let r = pg.check(ds, "NAME\nn1\n").map_err(JsValue::from).unwrap();
    let errors = js_sys::Array::from(&get(&r, "errors"));
    assert_eq!(errors.length(), 1);
    let e = errors.get(0);
    assert_eq!(get(&e, "line").as_f64(), Some(12.0));
    assert_eq!(get(&e, "column").as_f64(), Some(7.0));
    assert_eq!(
        get(&e, "message").as_string().unwrap(),
        "unknown field \"spec.template.spec.nodeselector\""
    );
    let nodes = js_sys::Array::from(&get(&r, "nodes"));
    assert_eq!(nodes.length(), 1);
    // Plain objects, not Maps: labels read as properties.
    let labels = get(&nodes.get(0), "labels");
    assert_eq!(
        get(&labels, "kubernetes.io/hostname").as_string().unwrap(),
        "n1"
    );
}

#[wasm_bindgen_test]
fn check_of_valid_input_lists_objects() {
    let pg = Playground::new();
    let r = pg
        .check(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
            "",
        )
        .map_err(JsValue::from)
        .unwrap();
    let objects = js_sys::Array::from(&get(&r, "objects"));
    assert_eq!(objects.length(), 1);
    assert_eq!(
        get(&objects.get(0), "kind").as_string().unwrap(),
        "ConfigMap"
    );
}

#[wasm_bindgen_test]
fn simulate_runs_a_job_to_completion() {
    let pg = Playground::new();
    let job = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  completions: 2\n  template:\n    metadata:\n      annotations: {kubeplay.io/duration: 10s}\n    spec:\n      restartPolicy: Never\n      containers: [{name: pi, image: perl}]\n";
    let opts = js_sys::JSON::parse("{\"forSeconds\": 300}").unwrap();
    let t = pg
        .simulate(job, "NAME\nn1\n", "", opts)
        .map_err(JsValue::from)
        .unwrap();
    assert_eq!(get(&t, "end").as_string().unwrap(), "2026-01-01T00:05:00Z");
    let jobs = js_sys::Array::from(&get(&t, "jobs"));
    assert_eq!(jobs.length(), 1);
    assert_eq!(get(&jobs.get(0), "status").as_string().unwrap(), "Complete");
    let table = pg
        .get("pods", job, "NAME\nn1\n", "", 15.0, false)
        .map_err(JsValue::from)
        .unwrap();
    assert!(table.starts_with("NAME"), "{table}");
}

#[wasm_bindgen_test]
fn errors_become_js_errors_not_panics() {
    let pg = Playground::new();
    let r = pg.simulate("kind: [", "", "", JsValue::UNDEFINED);
    assert!(r.is_err());
    let r = pg.cron_next("61 * * * *", "2026-01-01T00:00:00Z", "", 3);
    assert!(r.is_err());
    let times = pg
        .cron_next("*/15 * * * *", "2026-01-01T00:00:00Z", "Asia/Seoul", 2)
        .map_err(JsValue::from)
        .unwrap();
    assert_eq!(
        js_sys::Array::from(&times).get(0).as_string().unwrap(),
        "2026-01-01T09:15:00+09:00"
    );
}

#[wasm_bindgen_test]
fn get_reuses_snapshots_without_changing_answers() {
    let job = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  completions: 3\n  template:\n    metadata:\n      annotations: {kubeplay.io/duration: 10s}\n    spec:\n      restartPolicy: Never\n      containers: [{name: pi, image: perl}]\n";
    let nodes = "NAME\nn1\n";
    let scrubbing = Playground::new();
    let fresh = |t: f64| {
        Playground::new()
            .get("jobs", job, nodes, "", t, false)
            .map_err(JsValue::from)
            .unwrap()
    };
    for t in [25.0, 5.0, 15.0, 15.0, 35.0, 12.0] {
        let got = scrubbing
            .get("jobs", job, nodes, "", t, false)
            .map_err(JsValue::from)
            .unwrap();
        assert_eq!(got, fresh(t), "at {t}s");
    }
}
