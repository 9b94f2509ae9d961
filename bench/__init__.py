"""Benchmarks and the deterministic library generator they run on."""
