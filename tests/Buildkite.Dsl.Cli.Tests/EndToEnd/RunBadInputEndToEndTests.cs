using Buildkite.Dsl.Cli.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.EndToEnd;

/// <summary>
/// The bad-input cases of <c>buildkite-dsl run</c> that end or outlive the process, run with the published
/// runner: each gives a clear message, exit code 1 and nothing on standard output.
/// </summary>
[Collection(PublishedCliTests.Name)]
public class RunBadInputEndToEndTests(PublishedCli cli)
{
    private async Task<CliResult> RunAsync(ScriptFolder folder, params string[] arguments) =>
        await ProcessRun.RunAsync(cli.Executable, ["run", .. arguments], folder.Path, new Dictionary<string, string?> { ["DOTNET_ROOT"] = PublishedCli.DotNetRoot });

    [Fact]
    public async Task A_script_that_calls_environment_exit_with_zero_fails_and_prints_nothing()
    {
        // Given
        using var folder = new ScriptFolder();
        folder.Write("exit.csx", "Console.Write(\"steps:\\n\");\nEnvironment.Exit(0);\n");

        // When
        var result = await RunAsync(folder, "exit.csx");

        // Then
        result.Output.Should().BeEmpty();
        result.Error.Should().Be("error: the script ended the process with Environment.Exit(0) before it finished; what it wrote to standard output was held back. To end a script early, return from it (return;).\n");
        result.ExitCode.Should().Be(1);
    }

    [Fact]
    public async Task A_script_that_calls_environment_exit_with_a_code_fails_with_exit_code_1()
    {
        // Given
        using var folder = new ScriptFolder();
        folder.Write("exit.csx", "Console.Write(\"steps:\\n\");\nEnvironment.Exit(42);\n");

        // When
        var result = await RunAsync(folder, "exit.csx");

        // Then
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain("Environment.Exit(42)").And.Contain("(return 42;)");
        result.ExitCode.Should().Be(1);
    }

    [Fact]
    public async Task A_script_that_loops_forever_is_stopped_at_the_timeout()
    {
        // Given
        using var folder = new ScriptFolder();
        folder.Write("loop.csx", "Console.Write(\"steps:\\n\");\nwhile (true)\n{\n}\n");

        // When
        var result = await RunAsync(folder, "loop.csx", "--timeout", "2s");

        // Then
        result.Output.Should().BeEmpty();
        result.Error.Should().Be($"error: loop.csx did not finish within 2 seconds (--timeout); it was stopped and nothing was printed.\n");
        result.ExitCode.Should().Be(1);
    }

    [Fact]
    public async Task Output_of_child_processes_and_of_the_raw_stdout_stream_goes_to_stderr()
    {
        // Given
        using var folder = new ScriptFolder();
        folder.Write("stray.csx", """
            Process.Start("sh", ["-c", "echo from-a-child"]).WaitForExit();
            using (var raw = Console.OpenStandardOutput())
            {
                raw.Write("from-the-raw-stream\n"u8);
            }

            Console.Write("steps: [wait]\n");
            """);

        // When
        var result = await RunAsync(folder, "stray.csx");

        // Then
        result.Output.Should().Be("steps: [wait]\n");
        result.Error.Should().Be("from-a-child\nfrom-the-raw-stream\n");
        result.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Output_written_before_an_exception_never_reaches_stdout()
    {
        // Given
        using var folder = new ScriptFolder();
        folder.Write("half.csx", "Console.Write(\"steps:\\n- command: make\\n\");\nConsole.Out.Flush();\nthrow new InvalidOperationException(\"the targets are gone\");\n");

        // When
        var result = await RunAsync(folder, "half.csx");

        // Then
        result.Output.Should().BeEmpty();
        result.Error.Should().Be("half.csx(3): error: the targets are gone\nnote: what the script wrote to standard output was held back, because it failed.\n");
        result.ExitCode.Should().Be(1);
    }
}
