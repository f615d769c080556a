using System.CommandLine;
using System.Globalization;
using Buildkite.Dsl.Cli.Scripting;

namespace Buildkite.Dsl.Cli.Commands;

/// <summary><c>buildkite-dsl cache info|clear</c>: shows or empties the runner's cache folder.</summary>
internal static class CacheCommand
{
    public static Command Create()
    {
        var info = new Command(
            "info",
            "Prints where the cache is, and how many compiled scripts and package restores it holds, with their size.");
        info.SetAction((parseResult, _) => Task.FromResult(Info(parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error)));

        var clear = new Command(
            "clear",
            "Removes every compiled script and package restore from the cache; the next run makes them again.");
        clear.SetAction((parseResult, _) => Task.FromResult(Clear(parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error)));

        return new Command(
            "cache",
            $"Shows or empties the cache of compiled scripts and package restores ({CacheLocation.Variable}, else " +
            "$XDG_CACHE_HOME/buildkite-dsl, else ~/.cache/buildkite-dsl). Exit code 0 on success, 2 when the folder cannot be read or changed.")
        {
            info,
            clear,
        };
    }

    private static int Info(TextWriter output, TextWriter error)
    {
        var root = CacheLocation.Root();
        try
        {
            var scripts = ScriptCache.ForCurrentUser().Measure();
            var restores = MeasureRestores(Path.Combine(root, CacheLocation.RestoreFolder));
            output.WriteLine($"location: {root}");
            output.WriteLine($"compiled scripts: {Count(scripts.Entries, "entry", "entries")}, {Size(scripts.Bytes)}");
            output.WriteLine($"package restores: {Count(restores.Entries, "entry", "entries")}, {Size(restores.Bytes)}");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read the cache folder {root}: {e.Message}");
            return ExitCodes.UsageOrIOError;
        }
    }

    private static int Clear(TextWriter output, TextWriter error)
    {
        var root = CacheLocation.Root();
        try
        {
            var scripts = ScriptCache.ForCurrentUser().Clear();
            var restoreFolder = new DirectoryInfo(Path.Combine(root, CacheLocation.RestoreFolder));
            var restores = 0;
            if (restoreFolder.Exists)
            {
                foreach (var restore in restoreFolder.GetDirectories())
                {
                    restore.Delete(recursive: true);
                    restores++;
                }
            }

            output.WriteLine($"Removed {Count(scripts, "compiled script", "compiled scripts")} and {Count(restores, "package restore", "package restores")} from {root}.");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot clear the cache folder {root}: {e.Message}");
            return ExitCodes.UsageOrIOError;
        }
    }

    private static (int Entries, long Bytes) MeasureRestores(string folder)
    {
        var directory = new DirectoryInfo(folder);
        if (!directory.Exists)
        {
            return (0, 0);
        }

        var entries = directory.GetDirectories();
        return (entries.Length, entries.Sum(e => e.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)));
    }

    private static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MiB"),
    };
}
