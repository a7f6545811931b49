//! The object kinds kubeplay understands, as k8s-openapi types, and their (kind, namespace, name) key.

use k8s_openapi::api::apps::v1::{DaemonSet, Deployment, ReplicaSet, StatefulSet};
use k8s_openapi::api::batch::v1::{CronJob, Job};
use k8s_openapi::api::core::v1::{
    ConfigMap, Namespace, Node, PersistentVolume, PersistentVolumeClaim, Pod, Service,
};
use k8s_openapi::api::storage::v1::StorageClass;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use serde::Serialize;

/// One API object from a manifest. Variants differ in size (a Pod is larger than a ConfigMap); a
/// paste holds a handful of them, so boxing would only add indirection.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Object {
    Pod(Pod),
    ReplicaSet(ReplicaSet),
    Deployment(Deployment),
    DaemonSet(DaemonSet),
    StatefulSet(StatefulSet),
    Job(Job),
    CronJob(CronJob),
    ConfigMap(ConfigMap),
    PersistentVolume(PersistentVolume),
    PersistentVolumeClaim(PersistentVolumeClaim),
    StorageClass(StorageClass),
    Service(Service),
    Node(Node),
    Namespace(Namespace),
}

/// (apiVersion, kind) pairs kubeplay accepts, in the order error messages list them.
pub const SUPPORTED: &[(&str, &str)] = &[
    ("v1", "Pod"),
    ("apps/v1", "ReplicaSet"),
    ("apps/v1", "Deployment"),
    ("apps/v1", "DaemonSet"),
    ("apps/v1", "StatefulSet"),
    ("batch/v1", "Job"),
    ("batch/v1", "CronJob"),
    ("v1", "ConfigMap"),
    ("v1", "PersistentVolume"),
    ("v1", "PersistentVolumeClaim"),
    ("storage.k8s.io/v1", "StorageClass"),
    ("v1", "Service"),
    ("v1", "Node"),
    ("v1", "Namespace"),
];

/// Kinds that live outside namespaces.
pub fn is_cluster_scoped(kind: &str) -> bool {
    matches!(
        kind,
        "Node" | "Namespace" | "PersistentVolume" | "StorageClass"
    )
}

/// Identity of an object: kind, namespace (empty for cluster-scoped kinds) and name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ObjectKey {
    pub kind: String,
    pub namespace: String,
    pub name: String,
}

impl std::fmt::Display for ObjectKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.kind, self.name)
    }
}

macro_rules! each_kind {
    ($self:ident, $o:ident => $e:expr) => {
        match $self {
            Object::Pod($o) => $e,
            Object::ReplicaSet($o) => $e,
            Object::Deployment($o) => $e,
            Object::DaemonSet($o) => $e,
            Object::StatefulSet($o) => $e,
            Object::Job($o) => $e,
            Object::CronJob($o) => $e,
            Object::ConfigMap($o) => $e,
            Object::PersistentVolume($o) => $e,
            Object::PersistentVolumeClaim($o) => $e,
            Object::StorageClass($o) => $e,
            Object::Service($o) => $e,
            Object::Node($o) => $e,
            Object::Namespace($o) => $e,
        }
    };
}

impl Object {
    /// The object's kind, as written in `kind:`.
    pub fn kind(&self) -> &'static str {
        match self {
            Object::Pod(_) => "Pod",
            Object::ReplicaSet(_) => "ReplicaSet",
            Object::Deployment(_) => "Deployment",
            Object::DaemonSet(_) => "DaemonSet",
            Object::StatefulSet(_) => "StatefulSet",
            Object::Job(_) => "Job",
            Object::CronJob(_) => "CronJob",
            Object::ConfigMap(_) => "ConfigMap",
            Object::PersistentVolume(_) => "PersistentVolume",
            Object::PersistentVolumeClaim(_) => "PersistentVolumeClaim",
            Object::StorageClass(_) => "StorageClass",
            Object::Service(_) => "Service",
            Object::Node(_) => "Node",
            Object::Namespace(_) => "Namespace",
        }
    }

    pub fn metadata(&self) -> &ObjectMeta {
        each_kind!(self, o => &o.metadata)
    }

    pub fn metadata_mut(&mut self) -> &mut ObjectMeta {
        each_kind!(self, o => &mut o.metadata)
    }

    pub fn name(&self) -> &str {
        self.metadata().name.as_deref().unwrap_or("")
    }

    /// The namespace, `default` when unset, empty for cluster-scoped kinds.
    pub fn namespace(&self) -> &str {
        if is_cluster_scoped(self.kind()) {
            ""
        } else {
            self.metadata().namespace.as_deref().unwrap_or("default")
        }
    }

    pub fn key(&self) -> ObjectKey {
        ObjectKey {
            kind: self.kind().into(),
            namespace: self.namespace().into(),
            name: self.name().into(),
        }
    }
}
