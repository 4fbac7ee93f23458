"""The demo brand that `tessera seed-demo` loads: a small chain with staff, tiers, tags and members."""
