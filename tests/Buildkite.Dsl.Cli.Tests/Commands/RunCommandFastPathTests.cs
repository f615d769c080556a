using System.CommandLine;
using Buildkite.Dsl.Cli.Commands;
using Buildkite.Dsl.Cli.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.Commands;

/// <summary>
/// <c>run &lt;script&gt; [-- args]</c> skips System.CommandLine at start-up; these tests hold the fast path to what the
/// parser makes of the same command line, and check that anything else is left to the parser.
/// </summary>
public sealed class RunCommandFastPathTests
{
    public static TheoryData<string[]> Simple() =>
    [
        ["run", "pipeline.csx"],
        ["run", "/abs/path/pipeline.csx"],
        ["run", "pipeline.csx", "--"],
        ["run", "pipeline.csx", "--", "one", "--two", "-3"],
        ["run", "pipeline.csx", "--", "--"],
        ["run", "pipeline.csx", "--", "@file", "[x]", "--help"],
        ["run", "dir with spaces/p.csx", "--", ""],
    ];

    public static TheoryData<string[]> NotSimple() =>
    [
        [],
        ["run"],
        ["cache", "info"],
        ["run", "--help"],
        ["run", "-h"],
        ["run", "@response.rsp"],
        ["run", "[diagram]"],
        ["run", ""],
        ["run", "pipeline.csx", "extra"],
        ["run", "pipeline.csx", "--format", "json"],
        ["RUN", "pipeline.csx"],
        ["--version"],
    ];

    private static ParseResult Parse(string[] args) => new RootCommand { RunCommand.Create() }.Parse(args);

    [Theory]
    [MemberData(nameof(Simple))]
    public void A_simple_command_line_gives_what_the_parser_gives(string[] args)
    {
        // Given
        var parsed = Parse(args);

        // When
        var request = RunCommand.TryParseFast(args);

        // Then
        parsed.Errors.Should().BeEmpty();
        request.Should().NotBeNull();
        request!.ScriptPath.Should().Be(parsed.GetValue<string>("script"));
        request.Arguments.Should().Equal(parsed.GetValue<string[]>("args") ?? []);
    }

    [Theory]
    [MemberData(nameof(NotSimple))]
    public void Any_other_command_line_is_left_to_the_parser(string[] args)
    {
        // When
        var request = RunCommand.TryParseFast(args);

        // Then
        request.Should().BeNull();
    }

    [Fact]
    public void The_fast_path_runs_the_script_and_leaves_the_console_on_the_writers_it_was_given()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("fast.csx", "Console.Error.Write(\"note\");\nConsole.Write(string.Join('|', Args));\n");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var (consoleOut, consoleError) = (Console.Out, Console.Error);
        int exitCode;
        TextWriter outAfter;
        try
        {
            // When
            exitCode = RunCommand.RunFast(RunCommand.TryParseFast(["run", script, "--", "a", "-b"])!, output, error);
            outAfter = Console.Out;
        }
        finally
        {
            Console.SetOut(consoleOut);
            Console.SetError(consoleError);
        }

        // Then
        exitCode.Should().Be(0, error.ToString());
        output.ToString().Should().Be("a|-b");
        error.ToString().Should().Contain("note");
        outAfter.Write('!');
        output.ToString().Should().Be("a|-b!", "the console writes to the fast path's standard output afterwards");
    }
}
