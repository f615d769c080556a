// Builds and writes the same pipeline as bench/Buildkite.Dsl.Benchmarks (PipelineShapes.Chain) with Buildkite's
// TypeScript SDK, @buildkite/buildkite-sdk, and prints "<median ms> <bytes>": <warm-ups> runs (default 3), then the
// median of <runs> runs of building the pipeline and writing its YAML, in process. Run by bench/compare.sh.
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const [sdkFolder, stepsText, runsText, warmUpsText] = process.argv.slice(2);
const require = createRequire(sdkFolder + "/");
const { Pipeline } = require("@buildkite/buildkite-sdk");
const steps = Number(stepsText);
const runs = Number(runsText);
const warmUps = warmUpsText === undefined ? 3 : Number(warmUpsText);

function build() {
  const pipeline = new Pipeline();
  for (let i = 0; i < steps; i++) {
    pipeline.addStep({
      label: `:hammer: Build part ${i}`,
      key: `build-${i}`,
      command: `echo "building part ${i}"\nmake -j4 part-${i}\n./scripts/test.sh --shard ${i}`,
      artifact_paths: [`out/part-${i}/**/*.log`, `out/part-${i}/report.xml`],
      timeout_in_minutes: 30,
      ...(i === 0 ? {} : { depends_on: [`build-${i - 1}`] }),
    });
  }
  return pipeline.toYAML();
}

let bytes = 0;
for (let i = 0; i < warmUps; i++) {
  bytes = Buffer.byteLength(build());
}
const faultsBefore = process.resourceUsage().minorPageFault;
const times = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const yaml = build();
  times.push(performance.now() - start);
  bytes = Buffer.byteLength(yaml);
}
times.sort((a, b) => a - b);
const faults = (process.resourceUsage().minorPageFault - faultsBefore) / runs;
console.error(`@buildkite/buildkite-sdk: best ${times[0].toFixed(1)} ms, median ${times[Math.floor(runs / 2)].toFixed(1)} ms, worst ${times[runs - 1].toFixed(1)} ms (page faults per timed run ${faults.toFixed(0)})`);
console.log(`${times[Math.floor(runs / 2)].toFixed(3)} ${bytes}`);
