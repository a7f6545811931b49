//! Controllers: each is a pure function of (its object and private state, the world, now) returning
//! [`Action`]s, which the simulation engine ([`crate::sim`]) applies, like the real controllers that
//! read from informers and write to the API server. Each mirrors its upstream pkg/controller package.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use k8s_openapi::api::batch::v1::Job;
use k8s_openapi::api::core::v1::PodTemplateSpec;

use crate::duration::Millis;
use crate::sim::world::{NsName, OwnerRef};

pub mod cron_job;
pub mod daemon_set;
pub mod deployment;
pub mod job;
pub mod replica_set;

/// A pod a controller asks the API server to create.
#[derive(Debug, Clone)]
pub struct NewPod {
    /// Shared by the pods a sync creates (and kept by each pod).
    pub owner: Option<Arc<OwnerRef>>,
    pub namespace: String,
    /// Shared by every pod a sync creates from it (pods keep one admitted spec per template).
    pub template: Arc<PodTemplateSpec>,
    /// `metadata.generateName`: the name is this plus 5 random characters.
    pub generate_name: Arc<str>,
    /// A fixed (namespace, name) instead (the Job controller names its pods itself).
    pub name: Option<crate::sim::world::NsName>,
    /// DaemonSet pods: pin to this node with `matchFields metadata.name` (daemonset_util.go).
    pub pin_node: Option<Arc<str>>,
    /// The [`crate::sim::world::NodeMap`] slot of `pin_node`, when the controller knows it.
    pub pin_slot: Option<u32>,
    /// Labels and annotations added to the template's, the same for the pods of one sync.
    pub labels: Arc<BTreeMap<String, String>>,
    pub annotations: Arc<BTreeMap<String, String>>,
    /// Labels and annotations of this pod alone (an Indexed Job pod's index), over the others.
    pub own_labels: Vec<(String, String)>,
    pub own_annotations: Vec<(String, String)>,
    /// Completion index of an Indexed Job's pod.
    pub index: Option<i32>,
    /// `spec.hostname` (Indexed Job pods: `<job>-<index>`).
    pub hostname: Option<String>,
    pub template_hash: Arc<str>,
    /// Run length when the template has no `kubeplay.io/duration` (30s for Job pods; None = forever).
    pub default_duration: Option<Millis>,
    /// Which attempt this pod is, to pick from `kubeplay.io/exit-codes`.
    pub attempt: u32,
}

/// Empty values for the shared fields of a [`NewPod`], made once: a controller fills in most fields
/// and leaves the rest to `..Default::default()`, which allocated a template, two maps and two
/// strings per pod only to drop them again.
type SharedDefaults = (
    Arc<PodTemplateSpec>,
    Arc<str>,
    Arc<BTreeMap<String, String>>,
);

impl Default for NewPod {
    fn default() -> Self {
        static EMPTY: std::sync::OnceLock<SharedDefaults> = std::sync::OnceLock::new();
        let (template, text, map) =
            EMPTY.get_or_init(|| (Arc::default(), Arc::from(""), Arc::default()));
        NewPod {
            owner: None,
            namespace: String::new(),
            template: template.clone(),
            generate_name: text.clone(),
            name: None,
            pin_node: None,
            pin_slot: None,
            labels: map.clone(),
            annotations: map.clone(),
            own_labels: Vec::new(),
            own_annotations: Vec::new(),
            index: None,
            hostname: None,
            template_hash: text.clone(),
            default_duration: None,
            attempt: 0,
        }
    }
}

/// A Job a CronJob controller creates (`getJobFromTemplate2`).
#[derive(Debug, Clone)]
pub struct NewJob {
    pub job: Job,
    pub cron_job: Option<String>,
    pub scheduled_time: Option<Millis>,
}

/// What a controller asks for.
#[derive(Debug, Clone)]
pub enum Action {
    CreatePod(Box<NewPod>),
    /// A DaemonSet sync's creations (syncNodes), in order: the pod `pod` describes once for every
    /// node, each pinned to one of `nodes` (name, [`crate::sim::world::NodeMap`] slot). Thirty
    /// thousand boxed copies of the same description were an allocation and a free per pod.
    CreatePinnedPods {
        pod: Box<NewPod>,
        nodes: Vec<(Arc<str>, u32)>,
    },
    /// Delete a pod. `fail` marks a still-running pod Failed with `reason` first (a Job's deadline,
    /// suspend, or a Replace); otherwise its last phase stays and `reason` says why it went.
    DeletePod {
        key: NsName,
        reason: Option<String>,
        fail: bool,
    },
    /// Record an event on an object.
    Event {
        type_: &'static str,
        reason: Cow<'static, str>,
        kind: String,
        namespace: String,
        name: String,
        message: String,
    },
    /// Call the controller of `owner` again at `at` (back-off expiry, deadlines, next schedule).
    Requeue {
        owner: OwnerRef,
        at: Millis,
    },
    CreateJob(Box<NewJob>),
    /// Delete a Job and its pods (background propagation), recording `reason` in the timeline.
    DeleteJob {
        key: NsName,
        reason: Option<String>,
    },
    /// Scale a ReplicaSet (Deployment controller).
    ScaleReplicaSet {
        key: NsName,
        replicas: i32,
    },
    /// Delete a ReplicaSet that has no pods (a Deployment's history beyond revisionHistoryLimit).
    DeleteReplicaSet {
        key: NsName,
    },
    /// Create a ReplicaSet (Deployment controller) from a full object.
    CreateReplicaSet(Box<k8s_openapi::api::apps::v1::ReplicaSet>),
}

impl Action {
    /// An event of `type_` (`Normal` or `Warning`) on the object `kind` `namespace`/`name`.
    pub fn event(
        type_: &'static str,
        reason: impl Into<Cow<'static, str>>,
        kind: &str,
        namespace: &str,
        name: &str,
        message: String,
    ) -> Self {
        Action::Event {
            type_,
            reason: reason.into(),
            kind: kind.into(),
            namespace: namespace.into(),
            name: name.into(),
            message,
        }
    }
    /// A Normal event.
    pub fn normal(
        reason: impl Into<Cow<'static, str>>,
        kind: &str,
        namespace: &str,
        name: &str,
        message: String,
    ) -> Self {
        Self::event("Normal", reason, kind, namespace, name, message)
    }
    /// A Warning event.
    pub fn warning(
        reason: impl Into<Cow<'static, str>>,
        kind: &str,
        namespace: &str,
        name: &str,
        message: String,
    ) -> Self {
        Self::event("Warning", reason, kind, namespace, name, message)
    }
}
