//! The DaemonSet controller (pkg/controller/daemon): which nodes want a daemon pod ([`placement`]),
//! the pod helpers of daemonset_util.go ([`util`]) and the controller itself ([`controller`]).

pub mod controller;
pub mod placement;
pub mod util;

pub use controller::{sync, sync_scoped, ShouldRunMemo, ShouldRunPool, State};
