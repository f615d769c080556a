using BenchmarkDotNet.Attributes;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Benchmarks;

/// <summary>Every check (<see cref="Pipeline.Validate"/>) on pipelines of 10, 1,000 and 10,000 steps.</summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private Pipeline _pipeline = null!;

    [Params(10, 1_000, 10_000)]
    public int Steps { get; set; }

    [GlobalSetup]
    public void Setup() => _pipeline = PipelineShapes.Chain(Steps);

    [Benchmark]
    public IReadOnlyList<Diagnostic> Validate() => _pipeline.Validate();
}
