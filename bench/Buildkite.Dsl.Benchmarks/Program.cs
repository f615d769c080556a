using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Buildkite.Dsl.Benchmarks;

// `compare <steps> <runs>`: the in-process timing bench/compare.sh prints next to Node's (same method on both sides:
// a few warm-up runs, then the median of <runs> runs of building the pipeline and writing its YAML). Anything else
// goes to BenchmarkDotNet (`--filter '*'`, `--list flat`, ...).
if (args is ["compare", var stepsText, var runsText])
{
    var steps = int.Parse(stepsText, CultureInfo.InvariantCulture);
    var runs = int.Parse(runsText, CultureInfo.InvariantCulture);
    var bytes = 0;
    for (var i = 0; i < 5; i++)
    {
        bytes = PipelineShapes.Chain(steps).ToYaml().Length;
    }

    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var start = Stopwatch.GetTimestamp();
        var yaml = PipelineShapes.Chain(steps).ToYaml();
        times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        bytes = System.Text.Encoding.UTF8.GetByteCount(yaml);
    }

    Array.Sort(times);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{times[runs / 2]:0.000} {bytes}"));
    return 0;
}

if (args is ["breakdown", var breakdownSteps, ..])
{
    Breakdown.Run(int.Parse(breakdownSteps, CultureInfo.InvariantCulture), args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(PipelineShapes).Assembly).Run(args);
return 0;
