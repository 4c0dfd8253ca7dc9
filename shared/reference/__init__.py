"""Reference data shipped with the kernel: GB/T 2260 administrative divisions of Gansu."""
