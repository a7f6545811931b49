//! Helpers shared by the Deployment and DaemonSet controllers: `ComputeHash`
//! (pkg/controller/controller_utils.go), `GetScaledValueFromIntOrPercent`
//! (staging/src/k8s.io/apimachinery/pkg/util/intstr/intstr.go) and the parts of
//! pkg/controller/deployment/util/deployment_util.go the Deployment controller needs
//! (`ResolveFenceposts`, `MaxSurge`, `MaxUnavailable`, `NewRSNewReplicas`, `GetProportion`,
//! `EqualIgnoreHash`).

use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::core::v1::PodTemplateSpec;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use crate::sim::rng::{fnv32a, safe_encode};

/// `apps.DefaultDeploymentUniqueLabelKey`.
pub const POD_TEMPLATE_HASH: &str = "pod-template-hash";
/// `deployment.kubernetes.io/revision` on ReplicaSets and the Deployment.
pub const REVISION_ANNOTATION: &str = "deployment.kubernetes.io/revision";
/// `deployment.kubernetes.io/desired-replicas`: the Deployment's replicas when the RS was last scaled.
pub const DESIRED_REPLICAS_ANNOTATION: &str = "deployment.kubernetes.io/desired-replicas";
/// `deployment.kubernetes.io/max-replicas`: replicas + maxSurge when the RS was last scaled.
pub const MAX_REPLICAS_ANNOTATION: &str = "deployment.kubernetes.io/max-replicas";

/// `controller.ComputeHash`: FNV-1a 32 of the pod template, then of the collision count (4 bytes
/// little-endian padded to 8, as `binary.LittleEndian.PutUint32` into an 8-byte slice), encoded with
/// `rand.SafeEncodeString`.
///
/// The template bytes differ from Go's: upstream feeds `hashutil.DeepHashObject` (a `%#v`-style dump
/// of the Go struct) to the hasher, kubeplay feeds the template's canonical serialization
/// (`manifest::canonical_bytes`: field order fixed by k8s-openapi, maps sorted). So the hashes have the same shape and alphabet (`web-7d4b9c8f5x`) and
/// change exactly when the template changes, but they are kubeplay's own: a real cluster prints
/// different suffixes for the same manifest.
pub fn compute_hash(template: &PodTemplateSpec, collision_count: Option<i32>) -> String {
    let mut bytes = crate::manifest::canonical_bytes(template);
    if let Some(c) = collision_count {
        let mut b = [0u8; 8];
        b[..4].copy_from_slice(&(c as u32).to_le_bytes());
        bytes.extend_from_slice(&b);
    }
    safe_encode(fnv32a(&bytes))
}

/// `intstr.GetScaledValueFromIntOrPercent`: an int as is, `N%` of `total` rounded up or down.
/// Anything else is the upstream error text.
pub fn scaled_value(v: &IntOrString, total: i32, round_up: bool) -> Result<i32, String> {
    match v {
        IntOrString::Int(i) => Ok(*i),
        IntOrString::String(s) => {
            let Some(p) = s.strip_suffix('%') else {
                return Err(
                    "invalid value for IntOrString: invalid type: string is not a percentage"
                        .into(),
                );
            };
            let p: i64 = p.parse().map_err(|e| {
                format!("invalid value for IntOrString: invalid value \"{s}\": {e}")
            })?;
            let num = p * i64::from(total);
            let v = if round_up {
                num.div_euclid(100) + i64::from(num.rem_euclid(100) != 0)
            } else {
                num.div_euclid(100)
            };
            Ok(v.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32)
        }
    }
}

/// The Deployment's strategy after API defaulting (`SetDefaults_Deployment`): RollingUpdate with
/// maxSurge and maxUnavailable 25% unless set.
#[derive(Debug, Clone, PartialEq)]
pub enum Strategy {
    Recreate,
    RollingUpdate {
        max_surge: IntOrString,
        max_unavailable: IntOrString,
    },
}

/// The defaulted strategy of a Deployment.
pub fn strategy(d: &Deployment) -> Strategy {
    let s = d.spec.strategy.as_ref();
    if s.and_then(|s| s.type_.as_deref()) == Some("Recreate") {
        return Strategy::Recreate;
    }
    let ru = s.and_then(|s| s.rolling_update.as_ref());
    let pct = || IntOrString::String("25%".into());
    Strategy::RollingUpdate {
        max_surge: ru.and_then(|r| r.max_surge.clone()).unwrap_or_else(pct),
        max_unavailable: ru
            .and_then(|r| r.max_unavailable.clone())
            .unwrap_or_else(pct),
    }
}

/// `spec.replicas` defaulted to 1.
pub fn replicas(d: &Deployment) -> i32 {
    d.spec.replicas.unwrap_or(1).max(0)
}

/// `ResolveFenceposts`: (surge rounded up, unavailable rounded down); both zero resolves to
/// unavailable 1 ("surge might not work due to quota").
pub fn resolve_fenceposts(
    max_surge: &IntOrString,
    max_unavailable: &IntOrString,
    desired: i32,
) -> (i32, i32) {
    let surge = scaled_value(max_surge, desired, true).unwrap_or(0);
    let mut unavailable = scaled_value(max_unavailable, desired, false).unwrap_or(0);
    if surge == 0 && unavailable == 0 {
        unavailable = 1;
    }
    (surge, unavailable)
}

/// `MaxSurge`: 0 unless RollingUpdate.
pub fn max_surge(d: &Deployment) -> i32 {
    match strategy(d) {
        Strategy::Recreate => 0,
        Strategy::RollingUpdate {
            max_surge,
            max_unavailable,
        } => resolve_fenceposts(&max_surge, &max_unavailable, replicas(d)).0,
    }
}

/// `MaxUnavailable`: 0 unless RollingUpdate with replicas; never more than replicas.
pub fn max_unavailable(d: &Deployment) -> i32 {
    let want = replicas(d);
    match strategy(d) {
        Strategy::RollingUpdate {
            max_surge,
            max_unavailable,
        } if want > 0 => resolve_fenceposts(&max_surge, &max_unavailable, want)
            .1
            .min(want),
        _ => 0,
    }
}

/// `NewRSNewReplicas`: how far the new ReplicaSet may grow now. Rolling: up to replicas + maxSurge
/// pods in all ReplicaSets together (`spec.replicas` of each), never past the Deployment's replicas.
/// Recreate: all at once.
pub fn new_rs_new_replicas(d: &Deployment, all_rs_replicas: i32, new_rs_replicas: i32) -> i32 {
    let want = replicas(d);
    match strategy(d) {
        Strategy::Recreate => want,
        Strategy::RollingUpdate { .. } => {
            let max_total = want + max_surge(d);
            if all_rs_replicas >= max_total {
                return new_rs_replicas;
            }
            let up = (max_total - all_rs_replicas).min(want - new_rs_replicas);
            new_rs_replicas + up
        }
    }
}

/// `integer.RoundToInt32`: round half away from zero.
fn round_to_i32(x: f64) -> i32 {
    x.round() as i32
}

/// `getReplicaSetFraction`: this ReplicaSet's share of a resize, from the max-replicas annotation
/// it was last scaled with (`max_before`, falling back to the Deployment's `status.replicas`).
pub fn replica_set_fraction(
    rs_replicas: i32,
    d: &Deployment,
    max_before: Option<i32>,
    status_replicas: i32,
) -> i32 {
    let want = replicas(d);
    if want == 0 {
        return -rs_replicas;
    }
    let max_now = want + max_surge(d);
    let before = match max_before {
        Some(v) if v != 0 => v,
        _ => status_replicas,
    };
    if before == 0 {
        return 0;
    }
    let size = f64::from(rs_replicas) * f64::from(max_now) / f64::from(before);
    round_to_i32(size) - rs_replicas
}

/// `GetProportion`: the fraction, bounded by what is still left to add (or remove).
pub fn proportion(rs_replicas: i32, fraction: i32, to_add: i32, added: i32) -> i32 {
    if rs_replicas == 0 || to_add == 0 || to_add == added {
        return 0;
    }
    let allowed = to_add - added;
    if to_add > 0 {
        fraction.min(allowed)
    } else {
        fraction.max(allowed)
    }
}

/// `EqualIgnoreHash`: two pod templates are equal once the `pod-template-hash` label is removed.
pub fn equal_ignore_hash(a: &PodTemplateSpec, b: &PodTemplateSpec) -> bool {
    fn strip(t: &PodTemplateSpec) -> PodTemplateSpec {
        let mut t = t.clone();
        if let Some(meta) = t.metadata.as_mut() {
            if let Some(l) = meta.labels.as_mut() {
                l.remove(POD_TEMPLATE_HASH);
                if l.is_empty() {
                    meta.labels = None;
                }
            }
        }
        t
    }
    let has_hash = |t: &PodTemplateSpec| {
        t.metadata
            .as_ref()
            .and_then(|m| m.labels.as_ref())
            .is_some_and(|l| l.contains_key(POD_TEMPLATE_HASH))
    };
    if !has_hash(a) && !has_hash(b) {
        return a == b;
    }
    strip(a) == strip(b)
}

/// `labelsutil.CloneAndAddLabel`.
pub fn clone_and_add_label(
    labels: Option<&BTreeMap<String, String>>,
    key: &str,
    value: &str,
) -> BTreeMap<String, String> {
    let mut l = labels.cloned().unwrap_or_default();
    l.insert(key.into(), value.into());
    l
}

#[cfg(test)]
mod tests {
    use super::*;
    use k8s_openapi::api::apps::v1::{DeploymentSpec, DeploymentStrategy, RollingUpdateDeployment};

    fn s(v: &str) -> IntOrString {
        IntOrString::String(v.into())
    }

    #[test]
    fn scaled_value_table() {
        // intstr_test.go TestGetScaledValueFromIntOrPercent.
        let cases = [
            (IntOrString::Int(123), 0, false, Ok(123)),
            (s("90%"), 100, true, Ok(90)),
            (s("90%"), 95, true, Ok(86)),
            (s("90%"), 95, false, Ok(85)),
            (s("%"), 0, false, Err(())),
            (s("#%"), 0, false, Err(())),
            (s("90"), 100, false, Err(())),
            (s("25%"), 3, true, Ok(1)),
            (s("25%"), 3, false, Ok(0)),
            (s("1%"), 1, true, Ok(1)),
            (s("100%"), 7, false, Ok(7)),
        ];
        for (i, (v, total, up, want)) in cases.into_iter().enumerate() {
            assert_eq!(
                scaled_value(&v, total, up).map_err(|_| ()),
                want,
                "case {i}"
            );
        }
    }

    fn deploy(
        replicas: i32,
        surge: Option<IntOrString>,
        unavailable: Option<IntOrString>,
    ) -> Deployment {
        Deployment {
            spec: DeploymentSpec {
                replicas: Some(replicas),
                strategy: Some(DeploymentStrategy {
                    type_: Some("RollingUpdate".into()),
                    rolling_update: Some(RollingUpdateDeployment {
                        max_surge: surge,
                        max_unavailable: unavailable,
                    }),
                }),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn fenceposts() {
        // deployment_util_test.go TestResolveFenceposts.
        let cases = [
            ("0", "0", 0, (0, 1)),
            ("39%", "39%", 10, (4, 3)),
            ("39%", "0", 10, (4, 0)),
            ("0", "39%", 10, (0, 3)),
            ("50%", "50%", 1, (1, 0)),
            ("0%", "0%", 10, (0, 1)),
        ];
        for (surge, unavail, desired, want) in cases {
            let p = |v: &str| {
                if v.ends_with('%') {
                    s(v)
                } else {
                    IntOrString::Int(v.parse().unwrap())
                }
            };
            assert_eq!(
                resolve_fenceposts(&p(surge), &p(unavail), desired),
                want,
                "{surge} {unavail} {desired}"
            );
        }
        // Defaults: 25% surge (up) and 25% unavailable (down) of 4 -> 1 and 1; of 3 -> 1 and 0.
        assert_eq!(
            (
                max_surge(&deploy(4, None, None)),
                max_unavailable(&deploy(4, None, None))
            ),
            (1, 1)
        );
        assert_eq!(
            (
                max_surge(&deploy(3, None, None)),
                max_unavailable(&deploy(3, None, None))
            ),
            (1, 0)
        );
        assert_eq!(
            max_unavailable(&deploy(
                2,
                Some(IntOrString::Int(0)),
                Some(IntOrString::Int(5))
            )),
            2
        );
    }

    #[test]
    fn new_rs_new_replicas_table() {
        // deployment_util_test.go TestNewRSNewReplicas.
        let d = deploy(10, Some(IntOrString::Int(1)), Some(IntOrString::Int(1)));
        assert_eq!(new_rs_new_replicas(&d, 10, 0), 1);
        let d = deploy(10, Some(IntOrString::Int(3)), Some(IntOrString::Int(1)));
        assert_eq!(new_rs_new_replicas(&d, 11, 1), 3);
        let d = deploy(10, Some(IntOrString::Int(3)), Some(IntOrString::Int(1)));
        assert_eq!(new_rs_new_replicas(&d, 13, 3), 3);
        let mut d = deploy(10, None, None);
        d.spec.strategy = Some(DeploymentStrategy {
            type_: Some("Recreate".into()),
            rolling_update: None,
        });
        assert_eq!(new_rs_new_replicas(&d, 10, 0), 10);
    }

    #[test]
    fn hash_is_stable_and_sensitive() {
        let mut t = PodTemplateSpec::default();
        let a = compute_hash(&t, None);
        assert_eq!(a, compute_hash(&t, None));
        assert!(a.bytes().all(|c| crate::sim::rng::ALPHANUMS.contains(&c)));
        assert_ne!(a, compute_hash(&t, Some(1)));
        t.metadata = Some(Default::default());
        t.metadata.as_mut().unwrap().labels = Some([("app".to_string(), "web".to_string())].into());
        assert_ne!(a, compute_hash(&t, None));
    }

    #[test]
    fn equal_ignoring_hash() {
        let mut a = PodTemplateSpec {
            metadata: Some(Default::default()),
            ..Default::default()
        };
        a.metadata.as_mut().unwrap().labels = Some([("app".to_string(), "web".to_string())].into());
        let mut b = a.clone();
        b.metadata
            .as_mut()
            .unwrap()
            .labels
            .as_mut()
            .unwrap()
            .insert(POD_TEMPLATE_HASH.into(), "abc".into());
        assert!(equal_ignore_hash(&a, &b));
        b.metadata
            .as_mut()
            .unwrap()
            .labels
            .as_mut()
            .unwrap()
            .insert("tier".into(), "fe".into());
        assert!(!equal_ignore_hash(&a, &b));
    }
}
