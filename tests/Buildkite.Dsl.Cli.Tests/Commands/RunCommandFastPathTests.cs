using System.CommandLine;
using Buildkite.Dsl.Cli.Commands;

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
}
