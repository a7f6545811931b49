//! kubeplay-core: the engine behind the kubeplay playground.
//!
//! Pure Rust with no wasm, web or wall-clock dependencies: manifests and nodes in ([`manifest`],
//! [`nodes`]), the scheduler's filter plugins ([`scheduler`]), the controllers, a robfig/cron compatible
//! schedule module ([`cron`]) and one deterministic discrete-event simulation ([`sim`]).

pub mod diag;
pub mod duration;
pub mod labels;
pub mod manifest;
pub mod nodes;
pub mod objects;
pub mod quantity;

pub use diag::Diagnostic;
pub use nodes::NodeInfo;
pub use objects::{Object, ObjectKey};
pub mod controllers;
pub mod cron;
pub mod printers;
pub mod render;
pub mod scheduler;
pub mod sim;
