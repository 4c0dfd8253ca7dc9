"""Side-by-side benchmarks of the kernel against its peers: `python -m bench` (`make bench`)."""
