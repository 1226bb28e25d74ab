"""Benchmarks: each module with a main() measures something against a baseline
measured in the same run, and prints both and their ratio. Run by `make bench`."""
