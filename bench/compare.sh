#!/usr/bin/env bash
# Builds and writes the same 5,000-step pipeline with Buildkite.Dsl and with Buildkite's TypeScript SDK
# (@buildkite/buildkite-sdk, installed with npm into a temporary folder) and prints both timings and the ratio.
#
# What is timed, on both sides: building the pipeline objects and writing their YAML, in process: WARMUPS runs first
# (the JIT's work, and the heap growing to its steady size: until then runs touch fresh memory, about 1,000 page faults
# of 12 µs each per run on this project's virtual machine), then the median of RUNS runs; each side prints its page
# faults per timed run on standard error. Process start-up is not included on either side; bench/startup.sh
# measures the runner's start-up. The .NET side runs twice: with .NET's default settings (as in any program that
# references the library) and with the runner's runtime settings (its runtimeconfig.json: the garbage collector
# settings for large pipelines), which is what a pipeline script run by `buildkite-dsl run` gets. ROUNDS rounds
# run the three one after another; each figure is the median of its rounds' medians (robust to a drifting machine).
#
# Usage: bench/compare.sh [steps] [runs] [rounds] [warmups]      (defaults: 5000 steps, 51 runs, 3 rounds, 50 warm-ups)
# Needs: the .NET SDK, node and npm (the npm registry).
set -euo pipefail
cd "$(dirname "$0")/.."

steps=${1:-5000}
runs=${2:-51}
rounds=${3:-3}
warmups=${4:-50}
sdk_version=0.3.2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "Installing @buildkite/buildkite-sdk@$sdk_version into $work ..." >&2
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund "@buildkite/buildkite-sdk@$sdk_version" >/dev/null)

echo "Building bench/Buildkite.Dsl.Benchmarks and the runner (for its runtimeconfig.json) ..." >&2
dotnet build bench/Buildkite.Dsl.Benchmarks -c Release -nologo -v:q >/dev/null
dotnet build src/Buildkite.Dsl.Cli -c Release -nologo -v:q >/dev/null
bench=bench/Buildkite.Dsl.Benchmarks/bin/Release/net10.0/Buildkite.Dsl.Benchmarks.dll
runner_config=src/Buildkite.Dsl.Cli/bin/Release/net10.0/buildkite-dsl.runtimeconfig.json

node_times=() default_times=() runner_times=()
for round in $(seq "$rounds"); do
  echo "round $round of $rounds ..." >&2
  read -r ms node_bytes < <(node bench/compare.mjs "$work" "$steps" "$runs" "$warmups"); node_times+=("$ms")
  read -r ms dotnet_bytes < <(dotnet "$bench" compare "$steps" "$runs" "$warmups"); default_times+=("$ms")
  read -r ms _ < <(dotnet exec --runtimeconfig "$runner_config" "$bench" compare "$steps" "$runs" "$warmups"); runner_times+=("$ms")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
node_ms=$(median "${node_times[@]}"); default_ms=$(median "${default_times[@]}"); runner_ms=$(median "${runner_times[@]}")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "node $(node --version), dotnet $(dotnet --version); rounds (ms): node ${node_times[*]}; .NET defaults ${default_times[*]}; runner's settings ${runner_times[*]}"
awk -v sdk="@buildkite/buildkite-sdk $sdk_version" -v nm="$node_ms" -v nb="$node_bytes" -v dm="$default_ms" -v rm="$runner_ms" -v db="$dotnet_bytes" \
    -v runs="$runs" -v rounds="$rounds" -v warmups="$warmups" -v steps="$steps" 'BEGIN {
  printf "%-44s %9.1f ms  %5.2f MB of YAML  %7.1f MB/s\n", sdk, nm, nb / 1e6, nb / 1e3 / nm
  printf "%-44s %9.1f ms  %5.2f MB of YAML  %7.1f MB/s  %5.1fx faster\n", "Buildkite.Dsl, .NET defaults", dm, db / 1e6, db / 1e3 / dm, nm / dm
  printf "%-44s %9.1f ms  %5.2f MB of YAML  %7.1f MB/s  %5.1fx faster\n", "Buildkite.Dsl, the runner'"'"'s settings", rm, db / 1e6, db / 1e3 / rm, nm / rm
  printf "(medians of %d rounds of %d runs each after %d warm-up runs, %d steps, building and writing in process)\n", rounds, runs, warmups, steps
}'
