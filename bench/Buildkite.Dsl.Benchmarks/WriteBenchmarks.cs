using BenchmarkDotNet.Attributes;
using Buildkite.Dsl.Serialization;
using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Benchmarks;

/// <summary>Building, checking and writing pipelines of 10, 1,000 and 10,000 steps, as YAML and JSON.</summary>
[MemoryDiagnoser]
public class WriteBenchmarks
{
    private Pipeline _pipeline = null!;
    private MappingNode _root = null!;

    [Params(10, 1_000, 10_000)]
    public int Steps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = PipelineShapes.Chain(Steps);
        _root = StepMapper.Map(_pipeline).Root;
    }

    /// <summary>What a pipeline script does: build the steps, check them, write YAML.</summary>
    [Benchmark(Baseline = true)]
    public string BuildAndWriteYaml() => PipelineShapes.Chain(Steps).ToYaml();

    /// <summary>Check and write YAML (<see cref="Pipeline.ToYaml"/>) of a built pipeline.</summary>
    [Benchmark]
    public string ToYaml() => _pipeline.ToYaml();

    /// <summary>Check and write JSON (<see cref="Pipeline.ToJson"/>) of a built pipeline.</summary>
    [Benchmark]
    public string ToJson() => _pipeline.ToJson();

    /// <summary>Map the model to the node tree only.</summary>
    [Benchmark]
    public object Map() => StepMapper.Map(_pipeline).Root;

    /// <summary>The YAML writer alone, on a mapped tree.</summary>
    [Benchmark]
    public string WriteYamlOnly() => YamlPipelineWriter.Write([_root]);

    /// <summary>YamlDotNet's emitter on the same tree: the writer the library used before, for comparison.</summary>
    [Benchmark]
    public string WriteYamlWithYamlDotNetEmitter() => EmitterYamlWriter.Write([_root]);

    /// <summary>The JSON writer alone, on a mapped tree.</summary>
    [Benchmark]
    public string WriteJsonOnly()
    {
        var output = new System.Text.StringBuilder();
        JsonPipelineWriter.Write(output, _root);
        return output.ToString();
    }
}
