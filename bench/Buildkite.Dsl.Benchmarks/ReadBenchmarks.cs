using BenchmarkDotNet.Attributes;

namespace Buildkite.Dsl.Benchmarks;

/// <summary>Reading YAML (<see cref="Pipeline.FromYaml"/>) of pipelines of 10, 1,000 and 10,000 steps.</summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private string _yaml = null!;

    [Params(10, 1_000, 10_000)]
    public int Steps { get; set; }

    [GlobalSetup]
    public void Setup() => _yaml = PipelineShapes.Chain(Steps).ToYaml();

    [Benchmark]
    public Pipeline FromYaml() => Pipeline.FromYaml(_yaml);
}
