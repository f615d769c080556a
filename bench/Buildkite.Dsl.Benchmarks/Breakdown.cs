using System.Diagnostics;
using System.Globalization;
using Buildkite.Dsl.Serialization;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Benchmarks;

/// <summary>
/// <c>breakdown &lt;steps&gt; [rounds]</c>: where the time and the allocations of building a pipeline and writing it go,
/// the best and the median of many rounds each: a quick look while changing code, before BenchmarkDotNet. The phases
/// of <see cref="Pipeline.ToYaml"/> (map and write step by step, then check) are timed on their own, and the whole of
/// it once more; the JSON writer, which maps the whole tree first, is timed for comparison.
/// </summary>
public static class Breakdown
{
    public static void Run(int steps, int rounds)
    {
        var phases = new[] { "build", "map+write", "check", "ToYaml", "ToJson" };
        var times = phases.Select(_ => new List<double>()).ToArray();
        var bytes = new long[phases.Length];
        var size = 0;
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        for (var round = 0; round < rounds; round++)
        {
            var marks = new long[phases.Length + 1];
            var allocated = new long[phases.Length + 1];
            void Mark(int phase)
            {
                marks[phase] = Stopwatch.GetTimestamp();
                allocated[phase] = GC.GetAllocatedBytesForCurrentThread();
            }

            Mark(0);
            var pipeline = PipelineShapes.Chain(steps);
            Mark(1);
            using (var yaml = new YamlPipelineWriter.Document())
            {
                var mapper = StepMapper.WriteYaml(pipeline, yaml);
                Mark(2);
                var diagnostics = PipelineValidator.Validate(pipeline, mapper);
                if (diagnostics.Count > 0)
                {
                    throw new InvalidOperationException(diagnostics[0].ToString());
                }
            }

            Mark(3);
            size = pipeline.ToYaml().Length;
            Mark(4);
            _ = pipeline.ToJson();
            Mark(5);
            for (var p = 0; p < phases.Length; p++)
            {
                times[p].Add((marks[p + 1] - marks[p]) * 1000.0 / Stopwatch.Frequency);
                bytes[p] += allocated[p + 1] - allocated[p];
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{steps} steps, {size / 1e6:0.00} MB of YAML, {rounds} rounds, GCs gen0 {GC.CollectionCount(0) - gen0} gen2 {GC.CollectionCount(2) - gen2}"));
        for (var p = 0; p < phases.Length; p++)
        {
            var sorted = times[p].Order().ToList();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {phases[p],-10} best {sorted[0],7:0.00} ms  median {sorted[sorted.Count / 2],7:0.00} ms  allocated {bytes[p] / rounds / 1e6,6:0.00} MB ({bytes[p] / rounds / steps,5} B/step)"));
        }
    }
}
