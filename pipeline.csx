#r "nuget: Scion.Pipeline, 0.1.0"
// SCION's Buildkite pipelines (scion, scion-nightly), printed for `buildkite-agent pipeline upload`.
// Reads BUILDKITE_PIPELINE_SLUG, BUILDKITE_PULL_REQUEST_BASE_BRANCH, SINGLE_TEST, PARALLELISM and
// SCION_TEST_TARGETS_FILE; runs git and bazel in the current directory, the SCION checkout.
// Run with `buildkite-dsl run pipeline.csx` or `dotnet script pipeline.csx`.
using Scion.Pipeline;

var (pipeline, notes) = ScionEnvironment.CreatePipeline();
foreach (var note in notes)
{
    Console.Error.WriteLine(note);
}

Console.Write(pipeline.ToYaml());
