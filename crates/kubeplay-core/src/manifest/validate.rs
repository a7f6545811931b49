//! The API server's validation that learners trip on, with its wording (pkg/apis/core/validation,
//! pkg/apis/apps/validation, pkg/apis/batch/validation, apimachinery's validation/field errors):
//! names, selectors vs template labels, restart policies, counts, rolling-update parameters, CronJob
//! name length and schedule, required fields, duplicate objects.

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::PodTemplateSpec;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use super::spans::{Seg, SpanNode};
use super::LoadResult;
use crate::diag::Diagnostic;
use crate::labels;
use crate::objects::Object;

const DNS1123_SUBDOMAIN_MSG: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const DNS1123_LABEL_MSG: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_LABEL_MSG: &str = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

fn is_label(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// `IsDNS1123Subdomain` (apimachinery/pkg/util/validation/validation.go).
pub fn dns1123_subdomain(s: &str) -> Result<(), String> {
    if s.len() > 253 {
        return Err("must be no more than 253 characters".into());
    }
    if s.split('.').all(is_label) {
        Ok(())
    } else {
        Err(DNS1123_SUBDOMAIN_MSG.into())
    }
}

/// `IsDNS1123Label`.
pub fn dns1123_label(s: &str) -> Result<(), String> {
    if s.len() > 63 {
        return Err("must be no more than 63 characters".into());
    }
    if is_label(s) {
        Ok(())
    } else {
        Err(DNS1123_LABEL_MSG.into())
    }
}

/// `IsDNS1035Label` (Service names).
pub fn dns1035_label(s: &str) -> Result<(), String> {
    if s.len() > 63 {
        return Err("must be no more than 63 characters".into());
    }
    if is_label(s) && s.as_bytes()[0].is_ascii_lowercase() {
        Ok(())
    } else {
        Err(DNS1035_LABEL_MSG.into())
    }
}

/// Collects field errors of one object, positioned by path.
struct Errors<'a> {
    span: &'a SpanNode,
    prefix: String,
    out: Vec<Diagnostic>,
}

fn path(p: &str) -> Vec<Seg> {
    let mut segs = Vec::new();
    for part in p.split('.') {
        match part.split_once('[') {
            Some((k, rest)) => {
                segs.push(Seg::Key(k.into()));
                if let Ok(i) = rest.trim_end_matches(']').parse() {
                    segs.push(Seg::Index(i));
                }
            }
            None => segs.push(Seg::Key(part.into())),
        }
    }
    segs
}

impl Errors<'_> {
    fn push(&mut self, field: &str, at_key: bool, msg: String) {
        let (l, c) = self.span.locate(&path(field), at_key);
        self.out.push(Diagnostic::new(
            l.max(1),
            c.max(1),
            format!("{}{field}: {msg}", self.prefix),
        ));
    }
    /// `field.Required`.
    fn required(&mut self, field: &str, detail: &str) {
        let msg = if detail.is_empty() {
            "Required value".to_string()
        } else {
            format!("Required value: {detail}")
        };
        self.push(field, true, msg);
    }
    /// `field.Invalid` with a string value.
    fn invalid_str(&mut self, field: &str, value: &str, detail: &str) {
        self.push(
            field,
            false,
            format!("Invalid value: \"{value}\": {detail}"),
        );
    }
    /// `field.Invalid` with a number value.
    fn invalid_num(&mut self, field: &str, value: i64, detail: &str) {
        self.push(field, false, format!("Invalid value: {value}: {detail}"));
    }
    /// `field.NotSupported`.
    fn not_supported(&mut self, field: &str, value: &str, supported: &[&str]) {
        let list: Vec<String> = supported.iter().map(|s| format!("\"{s}\"")).collect();
        self.push(
            field,
            false,
            format!(
                "Unsupported value: \"{value}\": supported values: {}",
                list.join(", ")
            ),
        );
    }
    fn nonnegative(&mut self, field: &str, v: Option<i64>) {
        if let Some(v) = v.filter(|v| *v < 0) {
            self.invalid_num(field, v, "must be greater than or equal to 0");
        }
    }
}

/// Validates one decoded object; the messages are prefixed as kubectl prints them
/// (`The DaemonSet "x" is invalid: spec.selector: Required value`).
pub fn validate(obj: &Object, span: &SpanNode) -> Vec<Diagnostic> {
    let kind = obj.kind();
    let meta = obj.metadata();
    let name = meta.name.clone().unwrap_or_default();
    let mut e = Errors {
        span,
        prefix: format!("The {kind} \"{name}\" is invalid: "),
        out: Vec::new(),
    };
    match &meta.name {
        None if meta.generate_name.is_none() => {
            e.required("metadata.name", "name or generateName is required")
        }
        Some(n) => {
            let r = match kind {
                "Namespace" => dns1123_label(n),
                "Service" => dns1035_label(n),
                _ => dns1123_subdomain(n),
            };
            if let Err(m) = r {
                e.invalid_str("metadata.name", n, &m);
            }
        }
        None => {}
    }
    if let Some(ns) = &meta.namespace {
        if let Err(m) = dns1123_label(ns) {
            e.invalid_str("metadata.namespace", ns, &m);
        }
    }
    match obj {
        Object::Pod(p) => {
            if let Some(spec) = &p.spec {
                pod_spec(&mut e, "spec", spec, None);
            } else {
                e.required("spec.containers", "");
            }
        }
        Object::DaemonSet(ds) => {
            let spec = &ds.spec;
            workload(&mut e, Some(&spec.selector), &spec.template, &["Always"]);
            if let Some(ru) = spec
                .update_strategy
                .as_ref()
                .and_then(|s| s.rolling_update.as_ref())
            {
                rolling(
                    &mut e,
                    "spec.updateStrategy.rollingUpdate",
                    ru.max_unavailable.as_ref(),
                    ru.max_surge.as_ref(),
                    true,
                );
            }
            e.nonnegative(
                "spec.minReadySeconds",
                spec.min_ready_seconds.map(i64::from),
            );
        }
        Object::ReplicaSet(rs) => {
            let spec = &rs.spec;
            e.nonnegative("spec.replicas", spec.replicas.map(i64::from));
            e.nonnegative(
                "spec.minReadySeconds",
                spec.min_ready_seconds.map(i64::from),
            );
            match &spec.template {
                Some(t) => workload(&mut e, Some(&spec.selector), t, &["Always"]),
                None => e.required("spec.template", ""),
            }
        }
        Object::Deployment(d) => {
            let spec = &d.spec;
            e.nonnegative("spec.replicas", spec.replicas.map(i64::from));
            e.nonnegative(
                "spec.minReadySeconds",
                spec.min_ready_seconds.map(i64::from),
            );
            workload(&mut e, Some(&spec.selector), &spec.template, &["Always"]);
            if let Some(st) = &spec.strategy {
                if st.type_.as_deref() == Some("Recreate") && st.rolling_update.is_some() {
                    e.push(
                        "spec.strategy.rollingUpdate",
                        true,
                        "Forbidden: may not be specified when strategy `type` is 'Recreate'".into(),
                    );
                }
                if let Some(ru) = &st.rolling_update {
                    rolling(
                        &mut e,
                        "spec.strategy.rollingUpdate",
                        ru.max_unavailable.as_ref(),
                        ru.max_surge.as_ref(),
                        false,
                    );
                }
            }
        }
        Object::StatefulSet(s) => {
            let spec = &s.spec;
            e.nonnegative("spec.replicas", spec.replicas.map(i64::from));
            workload(&mut e, Some(&spec.selector), &spec.template, &["Always"]);
        }
        Object::Job(j) => {
            if let Some(spec) = &j.spec {
                job_spec(&mut e, "spec", spec);
            }
        }
        Object::CronJob(cj) => {
            if let Some(n) = &meta.name {
                if n.len() > 52 {
                    e.invalid_str("metadata.name", n, "must be no more than 52 characters");
                }
            }
            {
                let spec = &cj.spec;
                for m in
                    crate::cron::validate_for_cronjob(&spec.schedule, spec.time_zone.as_deref())
                {
                    let (field, rest) = m.split_once(": ").unwrap_or(("spec.schedule", m.as_str()));
                    e.push(field, false, rest.to_string());
                }
                e.nonnegative(
                    "spec.startingDeadlineSeconds",
                    spec.starting_deadline_seconds,
                );
                e.nonnegative(
                    "spec.successfulJobsHistoryLimit",
                    spec.successful_jobs_history_limit.map(i64::from),
                );
                e.nonnegative(
                    "spec.failedJobsHistoryLimit",
                    spec.failed_jobs_history_limit.map(i64::from),
                );
                if let Some(p) = &spec.concurrency_policy {
                    if !matches!(p.as_str(), "Allow" | "Forbid" | "Replace") {
                        e.not_supported(
                            "spec.concurrencyPolicy",
                            p,
                            &["Allow", "Forbid", "Replace"],
                        );
                    }
                }
                if let Some(js) = spec.job_template.spec.as_ref() {
                    let before = e.prefix.clone();
                    job_spec(&mut e, "spec.jobTemplate.spec", js);
                    e.prefix = before;
                }
            }
        }
        _ => {}
    }
    e.out
}

fn job_spec(e: &mut Errors<'_>, at: &str, spec: &k8s_openapi::api::batch::v1::JobSpec) {
    e.nonnegative(
        &format!("{at}.parallelism"),
        spec.parallelism.map(i64::from),
    );
    e.nonnegative(
        &format!("{at}.completions"),
        spec.completions.map(i64::from),
    );
    e.nonnegative(
        &format!("{at}.backoffLimit"),
        spec.backoff_limit.map(i64::from),
    );
    e.nonnegative(
        &format!("{at}.activeDeadlineSeconds"),
        spec.active_deadline_seconds,
    );
    e.nonnegative(
        &format!("{at}.ttlSecondsAfterFinished"),
        spec.ttl_seconds_after_finished.map(i64::from),
    );
    if let Some(m) = &spec.completion_mode {
        if !matches!(m.as_str(), "NonIndexed" | "Indexed") {
            e.not_supported(
                &format!("{at}.completionMode"),
                m,
                &["NonIndexed", "Indexed"],
            );
        }
        if m == "Indexed" && spec.completions.is_none() {
            e.required(
                &format!("{at}.completions"),
                "when completion mode is Indexed",
            );
        }
    }
    if spec.backoff_limit_per_index.is_some() && spec.completion_mode.as_deref() != Some("Indexed")
    {
        e.push(
            &format!("{at}.backoffLimitPerIndex"),
            true,
            "Forbidden: requires indexed completion mode".into(),
        );
    }
    let selector = if spec.manual_selector == Some(true) {
        spec.selector.as_ref()
    } else {
        None
    };
    let tpl = format!("{at}.template");
    template(e, &tpl, selector, &spec.template, &["OnFailure", "Never"]);
}

fn workload(
    e: &mut Errors<'_>,
    selector: Option<&LabelSelector>,
    t: &PodTemplateSpec,
    policies: &[&str],
) {
    match selector {
        Some(s) if labels::is_empty(s) => e.push(
            "spec.selector",
            false,
            "Invalid value: \"{}\": empty selector is invalid for deployment".into(),
        ),
        None => e.required("spec.selector", ""),
        _ => {}
    }
    template(
        e,
        "spec.template",
        selector.filter(|s| !labels::is_empty(s)),
        t,
        policies,
    );
}

fn template(
    e: &mut Errors<'_>,
    at: &str,
    selector: Option<&LabelSelector>,
    t: &PodTemplateSpec,
    policies: &[&str],
) {
    if let Some(sel) = selector {
        let tl: BTreeMap<String, String> = t
            .metadata
            .as_ref()
            .and_then(|m| m.labels.clone())
            .unwrap_or_default();
        if !labels::matches(sel, &tl) {
            let shown: Vec<String> = tl.iter().map(|(k, v)| format!("\"{k}\":\"{v}\"")).collect();
            e.push(
                &format!("{at}.metadata.labels"),
                true,
                format!(
                    "Invalid value: map[string]string{{{}}}: `selector` does not match template `labels`",
                    shown.join(", ")
                ),
            );
        }
    }
    match &t.spec {
        Some(spec) => pod_spec(e, &format!("{at}.spec"), spec, Some(policies)),
        None => e.required(&format!("{at}.spec.containers"), ""),
    }
}

fn pod_spec(
    e: &mut Errors<'_>,
    at: &str,
    spec: &k8s_openapi::api::core::v1::PodSpec,
    policies: Option<&[&str]>,
) {
    if spec.containers.is_empty() {
        e.required(&format!("{at}.containers"), "");
    }
    for (i, c) in spec.containers.iter().enumerate() {
        if c.name.is_empty() {
            e.required(&format!("{at}.containers[{i}].name"), "");
        } else if let Err(m) = dns1123_label(&c.name) {
            e.invalid_str(&format!("{at}.containers[{i}].name"), &c.name, &m);
        }
        if c.image.as_deref().unwrap_or_default().is_empty() {
            e.required(&format!("{at}.containers[{i}].image"), "");
        }
    }
    let policy = spec.restart_policy.as_deref().unwrap_or("Always");
    let allowed = policies.unwrap_or(&["Always", "OnFailure", "Never"]);
    if !allowed.contains(&policy) {
        e.not_supported(&format!("{at}.restartPolicy"), policy, allowed);
    }
}

fn int_or_percent(v: Option<&IntOrString>) -> Option<i64> {
    match v? {
        IntOrString::Int(i) => Some(i64::from(*i)),
        IntOrString::String(s) => s.strip_suffix('%').and_then(|p| p.parse().ok()),
    }
}

fn rolling(
    e: &mut Errors<'_>,
    at: &str,
    max_unavailable: Option<&IntOrString>,
    max_surge: Option<&IntOrString>,
    daemon_set: bool,
) {
    for (name, v) in [("maxUnavailable", max_unavailable), ("maxSurge", max_surge)] {
        match v {
            Some(IntOrString::String(s)) if int_or_percent(v).is_none() => {
                e.invalid_str(&format!("{at}.{name}"), s, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")
            }
            Some(_) if int_or_percent(v).is_some_and(|x| x < 0) => {
                e.invalid_num(&format!("{at}.{name}"), int_or_percent(v).unwrap_or(0), "must be greater than or equal to 0")
            }
            _ => {}
        }
    }
    // Deployment defaults both to 25%; DaemonSet defaults maxUnavailable to 1 and maxSurge to 0.
    let unavailable = int_or_percent(max_unavailable).unwrap_or(if daemon_set { 1 } else { 25 });
    let surge = int_or_percent(max_surge).unwrap_or(if daemon_set { 0 } else { 25 });
    if unavailable == 0 && surge == 0 {
        let shown = match max_unavailable {
            Some(IntOrString::String(s)) => format!("\"{s}\""),
            _ => "0".into(),
        };
        e.push(
            &format!("{at}.maxUnavailable"),
            false,
            format!("Invalid value: {shown}: may not be 0 when `maxSurge` is 0"),
        );
    }
    if let Some(IntOrString::String(s)) = max_unavailable {
        if int_or_percent(max_unavailable).is_some_and(|p| p > 100) {
            e.invalid_str(
                &format!("{at}.maxUnavailable"),
                s,
                "must not be greater than 100%",
            );
        }
    }
}

/// Reports objects defined twice (same kind, namespace and name), keeping the first.
pub fn check_duplicates(out: &mut LoadResult) {
    let mut seen: BTreeMap<crate::objects::ObjectKey, u32> = BTreeMap::new();
    let mut keep = Vec::with_capacity(out.objects.len());
    for o in std::mem::take(&mut out.objects) {
        let key = o.object.key();
        if let Some(first) = seen.get(&key) {
            let ns = if key.namespace.is_empty() {
                String::new()
            } else {
                format!(" in namespace \"{}\"", key.namespace)
            };
            out.errors.push(Diagnostic::new(
                o.line,
                o.column,
                format!(
                    "{} \"{}\"{ns} is defined twice (first at line {first})",
                    key.kind, key.name
                ),
            ));
        } else {
            seen.insert(key, o.line);
            keep.push(o);
        }
    }
    out.objects = keep;
}
