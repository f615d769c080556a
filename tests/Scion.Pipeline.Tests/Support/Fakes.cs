namespace Scion.Pipeline.Tests.Support;

/// <summary>A git that answers <c>git diff --quiet</c> with a fixed result and records its calls.</summary>
internal sealed class FakeGit(CommandResult result) : IGit
{
    public List<(string BaseRef, IReadOnlyList<string> Pathspecs)> Calls { get; } = [];

    public static FakeGit ExitingWith(int exitCode, string standardError = "") =>
        new(new CommandResult { ExitCode = exitCode, StandardError = standardError });

    public CommandResult DiffQuiet(string baseRef, IReadOnlyList<string> pathspecs)
    {
        Calls.Add((baseRef, pathspecs));
        return result;
    }
}

/// <summary>A bazel that answers every query with a fixed result and records its calls.</summary>
internal sealed class FakeBazel(CommandResult result) : IBazel
{
    public List<string> Queries { get; } = [];

    public static FakeBazel Printing(params string[] targets) =>
        new(new CommandResult { ExitCode = 0, StandardOutput = string.Concat(targets.Select(t => t + "\n")) });

    public static FakeBazel Failing(int exitCode, string standardError) =>
        new(new CommandResult { ExitCode = exitCode, StandardError = standardError });

    public static FakeBazel NotInstalled() =>
        new(new CommandResult { ExitCode = -1, Started = false, StandardError = "bazel could not be started: No such file or directory" });

    public CommandResult Query(string expression)
    {
        Queries.Add(expression);
        return result;
    }
}

/// <summary>The reference files and the inputs of SCION's cases.</summary>
internal static class Reference
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", name));

    public static string[] Targets() =>
        [.. Read("integration-targets.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static Dictionary<string, string> Variables(string slug = "scion", params (string Name, string Value)[] more)
    {
        var variables = new Dictionary<string, string> { ["BUILDKITE_PIPELINE_SLUG"] = slug };
        foreach (var (name, value) in more)
        {
            variables[name] = value;
        }

        return variables;
    }
}
