//! Controllers: pure functions of (object, world, now) returning actions.
