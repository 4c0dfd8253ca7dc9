"""Read models projected from a service's own event store, with checkpoints and rebuilds."""
