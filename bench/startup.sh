#!/usr/bin/env bash
# Times `buildkite-dsl run pipeline.csx` (SCION's pipeline, targets from samples/integration-targets.txt) against a
# hello-world app started the same way, side by side, and prints the medians and the ratios:
#   warm: the compiled script is in the cache (the usual case on an agent);
#   cold: an empty cache, so the run compiles the script with Roslyn.
# All programs are started as `dotnet <app>.dll` (the same host, the same runtime); the runner is published
# ReadyToRun for this machine's runtime (`dotnet publish -r <rid>`), as README.md recommends for agents.
# Two hello worlds, each with its settings as shipped: `dotnet new console` defaults (ICU globalization, JIT), and
# the same with InvariantGlobalization=true, which the runner ships with (no ICU to load). The ratio that the goal
# names is against the first; the second is printed too, for a fair statement.
#
# Usage: bench/startup.sh [runs]      (default 30; uses hyperfine when installed, else a loop with `date`)
# Needs: the .NET SDK; hyperfine (Debian package `hyperfine`) for the best numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rid=$(dotnet --info | awk '/^ RID:/ { print $2; exit }')

echo "Publishing the runner (ReadyToRun, $rid) and a hello-world app into $work ..." >&2
dotnet publish src/Buildkite.Dsl.Cli -c Release -r "$rid" --self-contained false -o "$work/runner" -nologo -v:q >/dev/null
mkdir -p "$work/hello"
cat >"$work/hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
</Project>
XML
echo 'Console.WriteLine("Hello, World!");' >"$work/hello/Program.cs"
(cd "$work/hello" && printf '<Project />\n' >Directory.Build.props && printf '<Project />\n' >Directory.Packages.props \
  && dotnet publish hello.csproj -c Release -o "$work/hello/out" -nologo -v:q >/dev/null \
  && dotnet publish hello.csproj -c Release -p:InvariantGlobalization=true -o "$work/hello/invariant" -nologo -v:q >/dev/null)

export BUILDKITE_PIPELINE_SLUG=scion SCION_TEST_TARGETS_FILE="$root/samples/integration-targets.txt"
export BUILDKITE_DSL_CACHE="$work/cache"
hello="dotnet $work/hello/out/hello.dll"
invariant="dotnet $work/hello/invariant/hello.dll"
runner="dotnet $work/runner/buildkite-dsl.dll run $root/pipeline.csx"
$runner >/dev/null # fills the cache

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/^Mem:/ { print $2 }') GiB, .NET $(dotnet --list-runtimes | awk '/NETCore.App/ { v = $2 } END { print v }'), load $(cut -d' ' -f1-3 /proc/loadavg)"

median_ms() { # command, runs, [prepare]: median wall time in ms
  local times=() start end
  for _ in $(seq "$2"); do
    [ -n "${3:-}" ] && eval "$3"
    start=$(date +%s%N); eval "$1" >/dev/null 2>&1; end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1000 }'
}

if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/warm.json" "$hello" "$runner" "$invariant" >&2
  hyperfine -N --warmup 1 --runs "$(( runs / 3 > 5 ? runs / 3 : 5 ))" --prepare "rm -rf $work/cache" --export-json "$work/cold.json" "$hello" "$runner" >&2
  median() { node -e 'const r = require(process.argv[1]).results; console.log((r[+process.argv[2]].median * 1000).toFixed(1))' "$1" "$2" 2>/dev/null \
    || python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["median"] * 1000))' "$1" "$2"; }
  hello_warm=$(median "$work/warm.json" 0); runner_warm=$(median "$work/warm.json" 1); invariant_warm=$(median "$work/warm.json" 2)
  hello_cold=$(median "$work/cold.json" 0); runner_cold=$(median "$work/cold.json" 1)
else
  hello_warm=$(median_ms "$hello" "$runs"); runner_warm=$(median_ms "$runner" "$runs"); invariant_warm=$(median_ms "$invariant" "$runs")
  hello_cold=$hello_warm; runner_cold=$(median_ms "$runner" "$(( runs / 3 > 5 ? runs / 3 : 5 ))" "rm -rf $work/cache")
fi

awk -v hw="$hello_warm" -v iw="$invariant_warm" -v rw="$runner_warm" -v hc="$hello_cold" -v rc="$runner_cold" 'BEGIN {
  printf "hello world (dotnet hello.dll)        %7.1f ms (median)\n", hw
  printf "hello world, InvariantGlobalization   %7.1f ms (median)\n", iw
  printf "buildkite-dsl run pipeline.csx, warm  %7.1f ms (median)  = %.2fx hello world (%.2fx the invariant one)\n", rw, rw / hw, rw / iw
  printf "buildkite-dsl run pipeline.csx, cold  %7.1f ms (median)  = %.2fx hello world (%.1f ms in the same run)\n", rc, rc / hc, hc
  printf "dotnet-script cold (not measured here: not installable from this machine'\''s NuGet feed; the issue'\''s figure) 5000 ms = %.1fx buildkite-dsl cold\n", 5000 / rc
}'
