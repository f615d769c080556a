namespace Buildkite.Dsl.Benchmarks;

/// <summary>
/// The pipeline the benchmarks and <c>bench/compare.sh</c> write: <c>n</c> command steps, each with a label, a key, a
/// three-line command, two artifact paths, a timeout and a dependency on the step before it. <c>bench/compare.mjs</c>
/// builds the same pipeline with Buildkite's TypeScript SDK.
/// </summary>
public static class PipelineShapes
{
    /// <summary>Builds the pipeline of <paramref name="steps"/> steps.</summary>
    public static Pipeline Chain(int steps)
    {
        var list = new Step[steps];
        for (var i = 0; i < steps; i++)
        {
            list[i] = new CommandStep
            {
                Label = $":hammer: Build part {i}",
                Key = $"build-{i}",
                Command = $"echo \"building part {i}\"\nmake -j4 part-{i}\n./scripts/test.sh --shard {i}",
                ArtifactPaths = [$"out/part-{i}/**/*.log", $"out/part-{i}/report.xml"],
                TimeoutInMinutes = 30,
                DependsOn = i == 0 ? null : [$"build-{i - 1}"],
            };
        }

        // Buildkite's limit of 500 jobs per upload is checked (BKD501); a pipeline this large is split or the limit raised.
        return new Pipeline { Steps = list, MaxJobsPerUpload = int.MaxValue };
    }
}
