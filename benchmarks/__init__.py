"""Benchmarks: each figure printed beside a baseline run in the same invocation."""
