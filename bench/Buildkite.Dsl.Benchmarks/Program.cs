using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Buildkite.Dsl.Benchmarks;

// `compare <steps> <runs> [warm-ups]`: the in-process timing bench/compare.sh prints next to Node's (same method on
// both sides: <warm-ups> runs (default 5), then the median of <runs> runs of building the pipeline and writing its
// YAML). Anything else goes to BenchmarkDotNet (`--filter '*'`, `--list flat`, ...).
if (args is ["compare", var stepsText, var runsText, ..] && args.Length <= 4)
{
    var steps = int.Parse(stepsText, CultureInfo.InvariantCulture);
    var runs = int.Parse(runsText, CultureInfo.InvariantCulture);
    var warmUps = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
    var bytes = 0;
    for (var i = 0; i < warmUps; i++)
    {
        bytes = PipelineShapes.Chain(steps).ToYaml().Length;
    }

    var measuredFrom = MinorPageFaults();
    var times = new double[runs];
    var building = new double[runs];
    var pauses = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var pause = GC.GetTotalPauseDuration();
        var start = Stopwatch.GetTimestamp();
        var pipeline = PipelineShapes.Chain(steps);
        var built = Stopwatch.GetTimestamp();
        var yaml = pipeline.ToYaml();
        times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        building[i] = Stopwatch.GetElapsedTime(start, built).TotalMilliseconds;
        pauses[i] = (GC.GetTotalPauseDuration() - pause).TotalMilliseconds;
        bytes = System.Text.Encoding.UTF8.GetByteCount(yaml);
    }

    // On standard error, for people: where the median goes (building the steps vs ToYaml, garbage collection pauses).
    var toYaml = times.Zip(building, (total, build) => total - build).Order().ToArray();
    Array.Sort(times);
    Array.Sort(building);
    Array.Sort(pauses);
    Console.Error.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"Buildkite.Dsl: best {times[0]:0.0} ms, median {times[runs / 2]:0.0} ms, worst {times[^1]:0.0} ms (median: building the steps {building[runs / 2]:0.0} ms, ToYaml {toYaml[runs / 2]:0.0} ms, GC pauses {pauses[runs / 2]:0.0} ms; page faults per timed run {(MinorPageFaults() - measuredFrom) / (double)runs:0})"));
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

// Minor page faults of this process so far (Linux; 0 elsewhere): first touches of fresh memory, which cost about 12 µs
// each on this project's virtual machine.
static long MinorPageFaults()
{
    const string Stat = "/proc/self/stat";
    if (!File.Exists(Stat))
    {
        return 0;
    }

    // Field 10 (minflt), counted after the command name's closing parenthesis.
    var text = File.ReadAllText(Stat);
    var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
    return long.Parse(fields[7], CultureInfo.InvariantCulture);
}
