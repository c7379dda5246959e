#!/usr/bin/env bash
# Superseded by cmd/pybench (README, "Benchmarks"); flags pass through.
cd "$(dirname "$0")/.." && exec go run ./cmd/pybench "$@"
