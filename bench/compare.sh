#!/usr/bin/env bash
# Builds and writes the same 5,000-step pipeline with Buildkite.Dsl and with Buildkite's TypeScript SDK
# (@buildkite/buildkite-sdk, installed with npm into a temporary folder) and prints both timings and the ratio.
#
# What is timed, on both sides: building the pipeline objects and writing their YAML, in process, after a few
# warm-up runs (the median of RUNS runs). Process start-up is not included on either side; bench/startup.sh
# measures the runner's start-up.
#
# Usage: bench/compare.sh [steps] [runs]      (defaults: 5000 steps, 15 runs)
# Needs: the .NET SDK, node and npm (the npm registry).
set -euo pipefail
cd "$(dirname "$0")/.."

steps=${1:-5000}
runs=${2:-15}
sdk_version=0.3.2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "Installing @buildkite/buildkite-sdk@$sdk_version into $work ..." >&2
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund "@buildkite/buildkite-sdk@$sdk_version" >/dev/null)

echo "Building bench/Buildkite.Dsl.Benchmarks ..." >&2
dotnet build bench/Buildkite.Dsl.Benchmarks -c Release -nologo -v:q >/dev/null

read -r node_ms node_bytes < <(node bench/compare.mjs "$work" "$steps" "$runs")
read -r dotnet_ms dotnet_bytes < <(dotnet bench/Buildkite.Dsl.Benchmarks/bin/Release/net10.0/Buildkite.Dsl.Benchmarks.dll compare "$steps" "$runs")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "node $(node --version), dotnet $(dotnet --version)"
awk -v sdk="@buildkite/buildkite-sdk $sdk_version" -v nm="$node_ms" -v nb="$node_bytes" -v dm="$dotnet_ms" -v db="$dotnet_bytes" \
    -v runs="$runs" -v steps="$steps" 'BEGIN {
  printf "%-30s %9.1f ms  %5.2f MB of YAML  %7.1f MB/s\n", sdk, nm, nb / 1e6, nb / 1e3 / nm
  printf "%-30s %9.1f ms  %5.2f MB of YAML  %7.1f MB/s\n", "Buildkite.Dsl (ToYaml)", dm, db / 1e6, db / 1e3 / dm
  printf "ratio: Buildkite.Dsl is %.1fx faster (median of %d runs, %d steps, building and writing in process)\n", nm / dm, runs, steps
}'
