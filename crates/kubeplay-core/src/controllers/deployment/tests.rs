//! Deployment controller tests.
