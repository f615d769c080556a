using System.Diagnostics;
using System.Globalization;
using Buildkite.Dsl.Serialization;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Benchmarks;

/// <summary>
/// <c>breakdown &lt;steps&gt; [rounds]</c>: where the time of <see cref="Pipeline.ToYaml"/> goes (build, map, check,
/// write), the best and the median of many rounds each: a quick look while changing code, before BenchmarkDotNet.
/// </summary>
public static class Breakdown
{
    public static void Run(int steps, int rounds)
    {
        var phases = new[] { "build", "map", "check", "write yaml", "write json" };
        var times = phases.Select(_ => new List<double>()).ToArray();
        var bytes = new long[phases.Length];
        var size = 0;
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        for (var round = 0; round < rounds; round++)
        {
            var a0 = GC.GetAllocatedBytesForCurrentThread();
            var t0 = Stopwatch.GetTimestamp();
            var pipeline = PipelineShapes.Chain(steps);
            var t1 = Stopwatch.GetTimestamp();
            var a1 = GC.GetAllocatedBytesForCurrentThread();
            var (root, mapped) = StepMapper.Map(pipeline);
            var t2 = Stopwatch.GetTimestamp();
            var a2 = GC.GetAllocatedBytesForCurrentThread();
            var diagnostics = PipelineValidator.Validate(pipeline, root, mapped);
            var t3 = Stopwatch.GetTimestamp();
            var a3 = GC.GetAllocatedBytesForCurrentThread();
            var yaml = YamlPipelineWriter.Write([root]);
            var t4 = Stopwatch.GetTimestamp();
            var a4 = GC.GetAllocatedBytesForCurrentThread();
            var json = new System.Text.StringBuilder();
            JsonPipelineWriter.Write(json, root);
            var t5 = Stopwatch.GetTimestamp();
            var a5 = GC.GetAllocatedBytesForCurrentThread();
            long[] allocated = [a0, a1, a2, a3, a4, a5];
            for (var p = 0; p < phases.Length; p++)
            {
                bytes[p] += allocated[p + 1] - allocated[p];
            }

            if (diagnostics.Count > 0)
            {
                throw new InvalidOperationException(diagnostics[0].ToString());
            }

            size = yaml.Length;
            long[] marks = [t0, t1, t2, t3, t4, t5];
            for (var p = 0; p < phases.Length; p++)
            {
                times[p].Add((marks[p + 1] - marks[p]) * 1000.0 / Stopwatch.Frequency);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{steps} steps, {size / 1e6:0.00} MB of YAML, {rounds} rounds, GCs gen0 {GC.CollectionCount(0) - gen0} gen2 {GC.CollectionCount(2) - gen2}"));
        for (var p = 0; p < phases.Length; p++)
        {
            var sorted = times[p].Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {phases[p],-11} best {sorted[0],7:0.00} ms  median {sorted[sorted.Count / 2],7:0.00} ms  {bytes[p] / rounds / 1e6,6:0.00} MB ({bytes[p] / rounds / steps,5} B/step)"));
        }
    }
}
