//! The scheduler's filter plugins (pkg/scheduler/framework/plugins), in upstream order, plus scoring.
//! (being written)
