using Buildkite.Dsl.Cli.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.Commands;

/// <summary>The <c>--help</c> of every command, fixed by golden files.</summary>
public class HelpTests
{
    public static TheoryData<string> Commands() => new() { "run", "validate", "import", "diff", "graph" };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_explains_itself_with_help(string command)
    {
        // When
        var result = await InProcess.RunAsync(command, "--help");

        // Then
        result.ExitCode.Should().Be(0);
        result.Error.Should().BeEmpty();
        Golden.Match("Help", AsInstalled(result.Output), name: command);
    }

    [Fact]
    public async Task The_root_help_lists_every_command()
    {
        // When
        var result = await InProcess.RunAsync("--help");

        // Then
        result.ExitCode.Should().Be(0);
        Golden.Match("Help", AsInstalled(result.Output), name: "buildkite-dsl");
    }

    /// <summary>The usage line names the running executable: the test host here, buildkite-dsl when installed.</summary>
    private static string AsInstalled(string help) => help.Replace("  testhost ", "  buildkite-dsl ", StringComparison.Ordinal);
}
