"""The composition root: settings, the embedded runtime, the runner and the ops command line."""
