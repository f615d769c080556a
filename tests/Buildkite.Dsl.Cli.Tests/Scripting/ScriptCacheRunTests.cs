using Buildkite.Dsl.Cli.Scripting;
using Buildkite.Dsl.Cli.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.Scripting;

/// <summary>The runner with its cache of compiled scripts, in-process: hits, misses, changes and damage.</summary>
public sealed class ScriptCacheRunTests : IDisposable
{
    private readonly ScriptFolder _cache = new();
    private readonly string? _previousCache = Environment.GetEnvironmentVariable("BUILDKITE_DSL_CACHE");

    public ScriptCacheRunTests()
    {
        Environment.SetEnvironmentVariable("BUILDKITE_DSL_CACHE", _cache.Path);
        Environment.SetEnvironmentVariable(RunnerTrace.Variable, "1");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(RunnerTrace.Variable, null);
        Environment.SetEnvironmentVariable("BUILDKITE_DSL_CACHE", _previousCache);
        _cache.Dispose();
    }

    private string[] Entries() => Directory.GetFiles(Path.Combine(_cache.Path, CacheLocation.ScriptsFolder), "*" + ScriptCache.EntryExtension);

    [Fact]
    public async Task The_second_run_of_a_script_takes_it_from_the_cache()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("main.csx", "Console.Write(6 * 7);\n");

        // When
        var first = await InProcess.RunAsync("run", script);
        var second = await InProcess.RunAsync("run", script);

        // Then
        first.Error.Should().Contain("trace: ").And.Contain("compiling (not in the cache)").And.Contain("stored in the cache");
        second.Error.Should().Contain("compiled script from the cache").And.NotContain("compiling");
        second.Output.Should().Be("42").And.Be(first.Output);
        Entries().Should().ContainSingle();
    }

    [Fact]
    public async Task A_changed_loaded_file_is_compiled_again_and_never_served_stale()
    {
        // Given
        using var folder = new ScriptFolder();
        var library = folder.Write("lib/names.csx", "static string Name() => \"first\";\n");
        var script = folder.Write("main.csx", "#load \"lib/names.csx\"\nConsole.Write(Name());\n");
        (await InProcess.RunAsync("run", script)).Output.Should().Be("first");

        // When
        File.WriteAllText(library, "static string Name() => \"second\";\n");
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.Output.Should().Be("second");
        result.Error.Should().Contain("compiling (not in the cache)");
        Entries().Should().HaveCount(2);
    }

    [Fact]
    public async Task A_changed_script_is_compiled_again()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("main.csx", "Console.Write(1);\n");
        await InProcess.RunAsync("run", script);

        // When
        File.WriteAllText(script, "Console.Write(2);\n");
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.Output.Should().Be("2");
    }

    [Fact]
    public async Task A_damaged_entry_is_compiled_again_with_a_warning_and_rewritten()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("main.csx", "Console.Write(\"fine\");\n");
        await InProcess.RunAsync("run", script);
        var entry = Entries().Single();
        File.WriteAllBytes(entry, File.ReadAllBytes(entry)[..100]);

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.ExitCode.Should().Be(0);
        result.Output.Should().Be("fine");
        result.Error.Should().Contain($"warning: the cached compiled script {entry} is damaged; compiling the script again.");
        new ScriptCache(Path.GetDirectoryName(entry)!).TryRead(Path.GetFileNameWithoutExtension(entry), out _).Should().Be(CacheLookup.Hit);
    }

    [Fact]
    public async Task A_script_that_does_not_compile_is_not_cached()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("broken.csx", "int n = \"x\";\n");

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.ExitCode.Should().Be(1);
        Directory.Exists(Path.Combine(_cache.Path, CacheLocation.ScriptsFolder)).Should().BeFalse();
    }

    [Fact]
    public async Task A_cache_folder_that_cannot_be_written_only_warns()
    {
        // Given: a file where the cache folder would be.
        var blocked = Path.Combine(_cache.Path, "blocked");
        File.WriteAllText(blocked, "not a folder");
        Environment.SetEnvironmentVariable("BUILDKITE_DSL_CACHE", blocked);
        using var folder = new ScriptFolder();
        var script = folder.Write("main.csx", "Console.Write(1);\n");

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.ExitCode.Should().Be(0);
        result.Output.Should().Be("1");
        result.Error.Should().Contain("warning: cannot store the compiled script in the cache folder");
    }
}
