//! Writes to the simulated API server: objects applied at the start or by a scenario step, and the
//! scenario's kubectl commands (label, taint, cordon, drain, delete, scale, set image, rollout restart,
//! merge patch, create job --from) and node commands.

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::ReplicaSet;
use k8s_openapi::api::batch::v1::Job;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::OwnerReference;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_yaml::{Mapping, Value};

use super::engine::Engine;
use super::scenario::Command;
use super::world::{ns_name, JobRecord, NsName, OwnerRef, Tracked};
use crate::controllers::{NewJob, NewPod};
use crate::nodes::{self, NodeInfo};
use crate::objects::Object;

fn key_of(o: &Object) -> NsName {
    ns_name(o.namespace(), o.name())
}

/// `kubectl apply` of one object: create it, or replace its spec (the controller notices).
pub fn apply_object(e: &mut Engine, obj: Object) {
    let now = e.world.now;
    let key = key_of(&obj);
    macro_rules! upsert {
        ($map:ident, $kind:literal, $o:expr) => {{
            let mut o = $o;
            o.metadata.namespace = Some(key.0.clone());
            match e.world.$map.get_mut(&key) {
                Some(t) if t.deleted.is_none() => t.object = o,
                _ => {
                    e.world.$map.insert(key.clone(), Tracked::new(o, now));
                }
            }
            e.mark_dirty(OwnerRef::new($kind, &key.0, &key.1));
        }};
    }
    match obj {
        Object::Node(n) => {
            let info = NodeInfo::from_node(&n, 0);
            add_or_update_node(e, info);
        }
        Object::DaemonSet(o) => upsert!(daemon_sets, "DaemonSet", o),
        Object::ReplicaSet(o) => upsert!(replica_sets, "ReplicaSet", o),
        Object::Deployment(o) => upsert!(deployments, "Deployment", o),
        Object::CronJob(o) => upsert!(cron_jobs, "CronJob", o),
        Object::Job(o) => {
            let exists = e.world.jobs.get(&key).is_some_and(|t| t.deleted.is_none());
            if exists {
                upsert!(jobs, "Job", o)
            } else {
                create_job(
                    e,
                    NewJob {
                        job: o,
                        cron_job: None,
                        scheduled_time: None,
                    },
                );
            }
        }
        Object::Pod(p) => {
            if e.world.pods.get(&key).is_some_and(|p| p.alive()) {
                return; // a pod's spec is immutable; kubectl apply would be refused
            }
            let template = k8s_openapi::api::core::v1::PodTemplateSpec {
                metadata: Some(p.metadata.clone()),
                spec: p.spec.clone(),
            };
            e.world.bare_pods.insert(key.clone(), p);
            e.create_pod(NewPod {
                owner: None,
                namespace: key.0.clone(),
                template: std::sync::Arc::new(template),
                name: Some(key.clone()),
                ..Default::default()
            });
        }
        other => {
            e.world.others.insert(other.key(), other);
        }
    }
}

/// Adds a node or replaces its spec.
pub fn add_or_update_node(e: &mut Engine, mut info: NodeInfo) {
    let now = e.world.now;
    info.fill_standard_labels();
    let (name, before) = match e.world.nodes.get_mut(&info.name) {
        Some(n) if n.removed.is_none() => {
            (n.name.clone(), Some(std::mem::replace(&mut n.info, info)))
        }
        _ => {
            let node = super::world::SimNode::new(info, now);
            let name = node.name.clone();
            e.world.nodes.insert(node);
            (name, None)
        }
    };
    e.node_taints_changed(&name, before.as_ref());
}

/// Creates a Job (from a manifest, a CronJob, or `kubectl create job --from`).
pub fn create_job(e: &mut Engine, nj: NewJob) {
    let now = e.world.now;
    let mut job = nj.job;
    let ns = job
        .metadata
        .namespace
        .clone()
        .unwrap_or_else(|| "default".into());
    job.metadata.namespace = Some(ns.clone());
    let name = job.metadata.name.clone().unwrap_or_default();
    let key = ns_name(ns.clone(), name.clone());
    if e.world.jobs.get(&key).is_some_and(|t| t.deleted.is_none()) {
        return;
    }
    e.world.job_records.insert(
        key.clone(),
        JobRecord {
            cron_job: nj.cron_job.clone(),
            scheduled_time: nj.scheduled_time,
            created: now,
            status: "Running".into(),
            ..Default::default()
        },
    );
    e.world.jobs.insert(key, Tracked::new(job, now));
    e.mark_dirty(OwnerRef::new("Job", &ns, &name));
    if let Some(cj) = nj.cron_job {
        e.mark_dirty(OwnerRef::new("CronJob", &ns, &cj));
    }
}

/// Deletes a Job and, in the background, its pods.
pub fn delete_job(e: &mut Engine, key: &NsName, reason: Option<&str>) {
    let now = e.world.now;
    let Some(t) = e.world.jobs.get_mut(key) else {
        return;
    };
    if t.deleted.is_some() {
        return;
    }
    t.deleted = Some(now);
    let owner = OwnerRef::new("Job", &key.0, &key.1);
    let pods = e.world.owned_keys(&owner);
    for p in &pods {
        e.delete_pod(p, reason, false);
        // Nothing reads a deleted Job's pods any more: keep only their timeline fields.
        if let Some(pod) = e.world.pods.get_mut(p) {
            pod.spec = super::world::empty_spec();
        }
    }
    // The timeline keeps the Job's record; the object and its controller state go, so a year of
    // CronJob runs does not keep every Job's template (cron_job tolerates pruned Jobs).
    e.world.jobs.remove(key);
    e.world.pods_by_owner.remove(&owner);
    let cron = e.world.job_records.get_mut(key).map(|r| {
        r.deleted = Some(now);
        if r.reason.is_none() {
            r.reason = reason.map(str::to_string);
        }
        r.cron_job.clone()
    });
    if let Some(Some(cj)) = cron {
        e.mark_dirty(OwnerRef::new("CronJob", &key.0, &cj));
    }
}

/// Creates a ReplicaSet (Deployment controller).
pub fn create_replica_set(e: &mut Engine, rs: ReplicaSet) {
    let now = e.world.now;
    let ns = rs
        .metadata
        .namespace
        .clone()
        .unwrap_or_else(|| "default".into());
    let name = rs.metadata.name.clone().unwrap_or_default();
    let key = ns_name(ns.clone(), name.clone());
    if e.world
        .replica_sets
        .get(&key)
        .is_some_and(|t| t.deleted.is_none())
    {
        return;
    }
    e.world.replica_sets.insert(key, Tracked::new(rs, now));
    e.mark_dirty(OwnerRef::new("ReplicaSet", &ns, &name));
}

fn delete_owned_pods(e: &mut Engine, owner: &OwnerRef) {
    let pods = e.world.owned_keys(owner);
    for p in pods {
        e.delete_pod(&p, None, false);
    }
}

/// kubectl's error for a missing object (`Error from server (NotFound): daemonsets "x" not found`).
fn not_found(kind: &str, name: &str) -> String {
    format!(
        "Error from server (NotFound): {}s \"{name}\" not found",
        kind.to_ascii_lowercase()
    )
}

/// `kubectl delete KIND NAME` with background cascading deletion.
pub fn delete(e: &mut Engine, kind: &str, ns: &str, name: &str) -> Result<(), String> {
    let now = e.world.now;
    let key = ns_name(ns, name);
    let not_found = || not_found(kind, name);
    macro_rules! tracked {
        ($map:ident) => {{
            let t = e
                .world
                .$map
                .get_mut(&key)
                .filter(|t| t.deleted.is_none())
                .ok_or_else(not_found)?;
            t.deleted = Some(now);
        }};
    }
    match kind {
        "Node" => {
            if e.world.nodes.get(name).is_none_or(|n| n.removed.is_some()) {
                return Err(not_found());
            }
            e.remove_node(name);
        }
        "Pod" => {
            if !e.world.pods.get(&key).is_some_and(|p| p.alive()) {
                return Err(not_found());
            }
            e.delete_pod(&key, None, false);
            e.world.bare_pods.remove(&key);
        }
        "DaemonSet" => {
            tracked!(daemon_sets);
            delete_owned_pods(e, &OwnerRef::new("DaemonSet", ns, name));
        }
        "ReplicaSet" => {
            tracked!(replica_sets);
            delete_owned_pods(e, &OwnerRef::new("ReplicaSet", ns, name));
        }
        "Deployment" => {
            tracked!(deployments);
            let owned: Vec<NsName> = e
                .world
                .replica_sets
                .iter()
                .filter(|(_, rs)| {
                    rs.deleted.is_none()
                        && owner_of(&rs.object.metadata) == Some(("Deployment", name))
                })
                .map(|(k, _)| k.clone())
                .collect();
            for k in owned {
                if let Some(rs) = e.world.replica_sets.get_mut(&k) {
                    rs.deleted = Some(now);
                }
                delete_owned_pods(e, &OwnerRef::new("ReplicaSet", &k.0, &k.1));
            }
        }
        "Job" => {
            if e.world.jobs.get(&key).is_none_or(|t| t.deleted.is_some()) {
                return Err(not_found());
            }
            delete_job(e, &key, None);
        }
        "CronJob" => {
            tracked!(cron_jobs);
            let owned: Vec<NsName> = e
                .world
                .job_records
                .sorted_entries()
                .filter(|(k, r)| {
                    k.0 == ns && r.cron_job.as_deref() == Some(name) && r.deleted.is_none()
                })
                .map(|(k, _)| k.clone())
                .collect();
            for k in owned {
                delete_job(e, &k, None);
            }
        }
        other => {
            let k = crate::objects::ObjectKey {
                kind: other.into(),
                namespace: if crate::objects::is_cluster_scoped(other) {
                    String::new()
                } else {
                    ns.into()
                },
                name: name.into(),
            };
            e.world.others.remove(&k).ok_or_else(not_found)?;
        }
    }
    Ok(())
}

/// The controlling owner's (kind, name) from ownerReferences.
pub fn owner_of(
    meta: &k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta,
) -> Option<(&str, &str)> {
    meta.owner_references
        .as_ref()?
        .iter()
        .find(|r| r.controller == Some(true))
        .map(|r| (r.kind.as_str(), r.name.as_str()))
}

/// An ownerReference with `controller: true`.
pub fn controller_ref(kind: &str, api_version: &str, name: &str) -> OwnerReference {
    OwnerReference {
        api_version: api_version.into(),
        kind: kind.into(),
        name: name.into(),
        uid: format!("kubeplay-{}-{}", kind.to_ascii_lowercase(), name),
        controller: Some(true),
        block_owner_deletion: Some(true),
    }
}

/// RFC 7386 JSON merge patch (on YAML values: JSON is YAML).
pub fn merge_patch(target: &mut Value, patch: &Value) {
    match patch {
        Value::Mapping(p) => {
            if !target.is_mapping() {
                *target = Value::Mapping(Mapping::new());
            }
            let Some(t) = target.as_mapping_mut() else {
                return;
            };
            for (k, v) in p {
                if v.is_null() {
                    t.remove(k);
                } else {
                    let slot = t.entry(k.clone()).or_insert(Value::Null);
                    merge_patch(slot, v);
                }
            }
        }
        other => *target = other.clone(),
    }
}

/// Re-decodes an object after `f` changed its serialized form, strictly (an unknown field in a patch
/// is an error, as with `kubectl patch` under strict field validation).
fn patched<T: Serialize + DeserializeOwned>(
    obj: &T,
    f: impl FnOnce(&mut Value),
) -> Result<T, String> {
    let mut v = serde_yaml::to_value(obj).map_err(|e| e.to_string())?;
    f(&mut v);
    crate::manifest::decode_value(v).map_err(|e| format!("the change does not fit the object: {e}"))
}

/// Applies a change to a workload object's JSON (patch, scale, set image, rollout restart).
fn modify(
    e: &mut Engine,
    kind: &str,
    ns: &str,
    name: &str,
    f: &dyn Fn(&mut Value),
) -> Result<(), String> {
    let key = (ns.to_string(), name.to_string());
    let not_found = || not_found(kind, name);
    macro_rules! edit {
        ($map:ident) => {{
            let t = e
                .world
                .$map
                .get_mut(&key)
                .filter(|t| t.deleted.is_none())
                .ok_or_else(not_found)?;
            t.object = patched(&t.object, |v| f(v))?;
        }};
    }
    match kind {
        "DaemonSet" => edit!(daemon_sets),
        "ReplicaSet" => edit!(replica_sets),
        "Deployment" => edit!(deployments),
        "Job" => edit!(jobs),
        "CronJob" => edit!(cron_jobs),
        "Node" => {
            let n = e
                .world
                .nodes
                .get(name)
                .filter(|n| n.removed.is_none())
                .ok_or_else(not_found)?;
            let mut node = k8s_openapi::api::core::v1::Node::default();
            node.metadata.name = Some(name.into());
            node.metadata.labels = Some(n.info.labels.clone());
            node.spec = Some(k8s_openapi::api::core::v1::NodeSpec {
                taints: Some(n.info.taints.clone()),
                unschedulable: Some(n.info.unschedulable),
                ..Default::default()
            });
            let patched_node = patched(&node, |v| f(v))?;
            let mut info = n.info.clone();
            info.labels = patched_node.metadata.labels.unwrap_or_default();
            if let Some(spec) = patched_node.spec {
                info.taints = spec.taints.unwrap_or_default();
                info.unschedulable = spec.unschedulable.unwrap_or(false);
            }
            info.sync_condition_taints();
            add_or_update_node(e, info);
            return Ok(());
        }
        other => return Err(format!("kubeplay cannot change a {other} in a scenario")),
    }
    e.mark_dirty(OwnerRef::new(kind, ns, name));
    Ok(())
}

fn template_path(kind: &str) -> &'static [&'static str] {
    match kind {
        "CronJob" => &["spec", "jobTemplate", "spec", "template"],
        _ => &["spec", "template"],
    }
}

fn at_path<'a>(v: &'a mut Value, path: &[&str]) -> &'a mut Value {
    let mut cur = v;
    for p in path {
        if !cur.is_mapping() {
            *cur = Value::Mapping(Mapping::new());
        }
        let Some(m) = cur.as_mapping_mut() else {
            unreachable!("just made a mapping")
        };
        cur = m.entry(Value::String(p.to_string())).or_insert(Value::Null);
    }
    cur
}

/// Runs one scenario command. `resolve` reads `kubectl apply -f FILE`.
pub fn run_command(
    e: &mut Engine,
    cmd: &Command,
    resolve: &dyn Fn(&str) -> Result<String, String>,
) -> Result<(), String> {
    let now = e.world.now;
    let ns_or = |ns: &Option<String>| ns.clone().unwrap_or_else(|| "default".into());
    match cmd {
        Command::Apply { file, inline } => {
            let text = match inline {
                Some(t) => t.clone(),
                None => resolve(file)?,
            };
            let loaded = crate::manifest::load(&text).map_err(|errs| {
                errs.iter()
                    .map(|d| format!("{file}:{}:{}: {}", d.line, d.column, d.message))
                    .collect::<Vec<_>>()
                    .join("; ")
            })?;
            for l in loaded {
                apply_object(e, l.object);
            }
        }
        Command::Label {
            node,
            set,
            remove,
            overwrite,
        } => {
            let n = e
                .world
                .nodes
                .get(node)
                .filter(|n| n.removed.is_none())
                .ok_or_else(|| not_found("Node", node))?;
            let mut info = n.info.clone();
            for (k, v) in set {
                if let Some(old) = info.labels.get(k) {
                    if old != v && !overwrite {
                        return Err(format!(
                            "'{k}' already has a value ({old}), and --overwrite is false"
                        ));
                    }
                }
                info.labels.insert(k.clone(), v.clone());
            }
            for k in remove {
                info.labels.remove(k);
            }
            add_or_update_node(e, info);
        }
        Command::Taint { node, add, remove } => {
            let n = e
                .world
                .nodes
                .get(node)
                .filter(|n| n.removed.is_none())
                .ok_or_else(|| not_found("Node", node))?;
            let mut info = n.info.clone();
            for t in add {
                let t = nodes::parse_taint(t)?;
                info.taints
                    .retain(|x| !(x.key == t.key && x.effect == t.effect));
                info.taints.push(t);
            }
            for spec in remove {
                let (key, effect) = match spec.rsplit_once(':') {
                    Some((k, eff)) => (k.split('=').next().unwrap_or(k), Some(eff)),
                    None => (spec.split('=').next().unwrap_or(spec), None),
                };
                let before = info.taints.len();
                info.taints
                    .retain(|x| !(x.key == key && effect.is_none_or(|eff| x.effect == eff)));
                if before == info.taints.len() {
                    return Err(format!("taint \"{spec}\" not found"));
                }
            }
            add_or_update_node(e, info);
        }
        Command::Cordon(node) | Command::Uncordon(node) => {
            let n = e
                .world
                .nodes
                .get(node)
                .filter(|n| n.removed.is_none())
                .ok_or_else(|| not_found("Node", node))?;
            let mut info = n.info.clone();
            info.unschedulable = matches!(cmd, Command::Cordon(_));
            info.sync_condition_taints();
            add_or_update_node(e, info);
        }
        Command::Drain {
            node,
            ignore_daemonsets,
            force,
        } => {
            run_command(e, &Command::Cordon(node.clone()), resolve)?;
            let pods: Vec<_> = e
                .world
                .pods_on(node)
                .filter(|p| p.alive())
                .map(|p| (p.key(), p.owner.clone()))
                .collect();
            let daemon: Vec<String> = pods
                .iter()
                .filter(|(_, o)| o.as_ref().is_some_and(|o| o.kind == "DaemonSet"))
                .map(|(k, _)| format!("{}/{}", k.0, k.1))
                .collect();
            let bare: Vec<String> = pods
                .iter()
                .filter(|(_, o)| o.is_none())
                .map(|(k, _)| format!("{}/{}", k.0, k.1))
                .collect();
            let mut problems = Vec::new();
            if !daemon.is_empty() && !ignore_daemonsets {
                problems.push(format!(
                    "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): {}",
                    daemon.join(", ")
                ));
            }
            if !bare.is_empty() && !force {
                problems.push(format!(
                    "cannot delete Pods that declare no controller (use --force to override): {}",
                    bare.join(", ")
                ));
            }
            if !problems.is_empty() {
                return Err(format!("error: unable to drain node \"{node}\" due to error: [{}], continuing command...", problems.join(", ")));
            }
            for (k, o) in pods {
                if o.as_ref().is_some_and(|o| o.kind == "DaemonSet") {
                    continue;
                }
                if let Some(p) = e.world.pods.get_mut(&k) {
                    p.conditions
                        .push(("DisruptionTarget".into(), "EvictionByEvictionAPI".into()));
                }
                e.world.event(
                    "Normal",
                    "Evicted",
                    "Pod",
                    &k.0,
                    &k.1,
                    "Pod evicted by kubectl drain".to_string(),
                );
                e.delete_pod(&k, Some("EvictionByEvictionAPI"), false);
            }
        }
        Command::Delete {
            kind,
            name,
            namespace,
        } => delete(e, kind, &ns_or(namespace), name)?,
        Command::Scale {
            kind,
            name,
            replicas,
            namespace,
        } => {
            if !matches!(kind.as_str(), "ReplicaSet" | "Deployment" | "StatefulSet") {
                return Err(format!("kubectl scale does not apply to {kind}"));
            }
            let r = *replicas;
            modify(e, kind, &ns_or(namespace), name, &|v| {
                *at_path(v, &["spec", "replicas"]) = Value::from(r)
            })?;
        }
        Command::SetImage {
            kind,
            name,
            container,
            image,
            namespace,
        } => {
            let path = [template_path(kind), &["spec", "containers"]].concat();
            let found = std::cell::Cell::new(false);
            modify(e, kind, &ns_or(namespace), name, &|v| {
                if let Some(cs) = at_path(v, &path).as_sequence_mut() {
                    for c in cs {
                        if c.get("name").and_then(|n| n.as_str()) == Some(container.as_str())
                            || container == "*"
                        {
                            if let Some(m) = c.as_mapping_mut() {
                                m.insert(Value::from("image"), Value::from(image.clone()));
                            }
                            found.set(true);
                        }
                    }
                }
            })?;
            if !found.get() {
                return Err(format!(
                    "error: unable to find container named \"{container}\""
                ));
            }
        }
        Command::RolloutRestart {
            kind,
            name,
            namespace,
        } => {
            if !matches!(kind.as_str(), "DaemonSet" | "Deployment" | "StatefulSet") {
                return Err(format!(
                    "error: {}s \"{name}\" restarting is not supported",
                    kind.to_ascii_lowercase()
                ));
            }
            let stamp = super::timeline::rfc3339(e.start_unix_ms() + now);
            let path = [template_path(kind), &["metadata", "annotations"]].concat();
            modify(e, kind, &ns_or(namespace), name, &|v| {
                *at_path(
                    v,
                    &[&path[..], &["kubectl.kubernetes.io/restartedAt"]].concat(),
                ) = Value::from(stamp.clone());
            })?;
        }
        Command::Patch {
            kind,
            name,
            patch,
            namespace,
        } => {
            let p: Value = serde_yaml::from_str(patch)
                .map_err(|e| format!("error: unable to parse \"{patch}\": {e}"))?;
            modify(e, kind, &ns_or(namespace), name, &|v| merge_patch(v, &p))?;
        }
        Command::CreateJobFrom {
            name,
            cron_job,
            namespace,
        } => {
            let ns = ns_or(namespace);
            let cj = e
                .world
                .cron_jobs
                .get(&(ns.clone(), cron_job.clone()))
                .filter(|t| t.deleted.is_none())
                .ok_or_else(|| {
                    format!("Error from server (NotFound): cronjobs.batch \"{cron_job}\" not found")
                })?;
            let tpl = &cj.object.spec.job_template;
            let mut job = Job {
                metadata: tpl.metadata.clone().unwrap_or_default(),
                spec: tpl.spec.clone(),
                status: None,
            };
            job.metadata.name = Some(name.clone());
            job.metadata.namespace = Some(ns.clone());
            job.metadata
                .annotations
                .get_or_insert_with(BTreeMap::new)
                .insert("cronjob.kubernetes.io/instantiate".into(), "manual".into());
            job.metadata.owner_references =
                Some(vec![controller_ref("CronJob", "batch/v1", cron_job)]);
            create_job(
                e,
                NewJob {
                    job,
                    cron_job: Some(cron_job.clone()),
                    scheduled_time: None,
                },
            );
        }
        Command::NodeDown(n) => {
            if e.world.nodes.get(n).is_none_or(|x| x.removed.is_some()) {
                return Err(format!("node \"{n}\" not found"));
            }
            e.node_down(n);
        }
        Command::NodeUp(n) => {
            if e.world.nodes.get(n).is_none_or(|x| x.removed.is_some()) {
                return Err(format!("node \"{n}\" not found"));
            }
            e.node_up(n);
        }
        Command::NodeAdd { name, labels } => {
            let mut info = NodeInfo::new(name.clone());
            info.labels.extend(labels.iter().cloned());
            add_or_update_node(e, info);
        }
    }
    Ok(())
}
