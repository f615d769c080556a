using Buildkite.Dsl.Cli.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.EndToEnd;

/// <summary>
/// A temporary git repository standing in for a SCION checkout, with branch <c>main</c> committed, and a fake
/// <c>bazel</c> on <c>PATH</c> that prints a target list for <c>bazel query</c> (or fails as told) and records
/// each call.
/// </summary>
internal sealed class ScionCheckout : IDisposable
{
    private const string FakeBazel = """
        #!/bin/sh
        # Fake bazel for tests: answers `bazel query EXPR` from $FAKE_BAZEL_TARGETS, or fails with $FAKE_BAZEL_ERROR.
        printf '%s\n' "$*" >> "$FAKE_BAZEL_CALLS"
        if [ "$1" != query ]; then echo "fake bazel: only 'query' is supported" >&2; exit 2; fi
        if [ -n "$FAKE_BAZEL_ERROR" ]; then echo "$FAKE_BAZEL_ERROR" >&2; exit 7; fi
        cat "$FAKE_BAZEL_TARGETS"
        """;

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("scion-checkout-");

    private ScionCheckout()
    {
    }

    /// <summary>The checkout, the current directory of the runner.</summary>
    public string Path => System.IO.Path.Combine(_root.FullName, "scion");

    /// <summary>The folder holding the fake bazel.</summary>
    public string ToolsPath => System.IO.Path.Combine(_root.FullName, "bin");

    /// <summary>The file the fake bazel appends its arguments to.</summary>
    public string BazelCalls => System.IO.Path.Combine(_root.FullName, "bazel-calls.txt");

    /// <summary>The file the fake bazel prints for a query.</summary>
    public string BazelTargets => System.IO.Path.Combine(_root.FullName, "bazel-targets.txt");

    public static async Task<ScionCheckout> CreateAsync()
    {
        var checkout = new ScionCheckout();
        Directory.CreateDirectory(checkout.Path);
        Directory.CreateDirectory(checkout.ToolsPath);
        var bazel = System.IO.Path.Combine(checkout.ToolsPath, "bazel");
        await File.WriteAllTextAsync(bazel, FakeBazel.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(bazel, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        await File.WriteAllTextAsync(checkout.BazelTargets, string.Empty);

        checkout.Write("go.mod", "module github.com/scionproto/scion\n");
        checkout.Write("doc/index.md", "# SCION\n");
        await checkout.GitAsync("init", "-q", "-b", "main");
        await checkout.GitAsync("add", "-A");
        await checkout.GitAsync("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "base");
        return checkout;
    }

    public void Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public async Task GitAsync(params string[] arguments)
    {
        var result = await ProcessRun.RunAsync("git", arguments, Path);
        result.ExitCode.Should().Be(0, $"git {string.Join(' ', arguments)} must succeed: {result.Error}");
    }

    /// <summary>The environment of the pipeline-generating job: the fake bazel first on PATH, and the given variables.</summary>
    public Dictionary<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = ToolsPath + System.IO.Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_BAZEL_CALLS"] = BazelCalls,
            ["FAKE_BAZEL_TARGETS"] = BazelTargets,
        };
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return environment;
    }

    public IReadOnlyList<string> BazelCallLines() => File.Exists(BazelCalls) ? File.ReadAllLines(BazelCalls) : [];

    public void Dispose() => _root.Delete(recursive: true);
}
