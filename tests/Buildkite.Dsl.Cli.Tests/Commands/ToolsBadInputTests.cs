using System.Text;
using Buildkite.Dsl.Cli.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.Commands;

/// <summary>
/// The catalogue of bad input for the tool commands that read a pipeline file (<c>validate</c>, <c>import</c>,
/// <c>diff</c>, <c>graph</c>): every case gives a message naming the file and the problem on standard error, the
/// command's documented exit code, no stack trace, and no pipeline, script or graph on standard output.
/// </summary>
/// <remarks>
/// Exit codes: a file that cannot be read as text is 2 for every command. A text that is not a pipeline the agent
/// accepts is 1 for <c>validate</c> and <c>import</c> (a problem found) and 2 for <c>diff</c> and <c>graph</c> (whose 1
/// means "different" and whose output needs a pipeline).
/// </remarks>
public sealed class ToolsBadInputTests : IDisposable
{
    private readonly ScriptFolder _folder = new();

    public ToolsBadInputTests() => _folder.Write("ok.yml", "steps:\n- command: make test\n");

    public void Dispose() => _folder.Dispose();

    /// <summary>The bad inputs, by name.</summary>
    public static TheoryData<string> Inputs => new()
    {
        "missing", "empty", "comments-only", "binary", "nul", "latin1", "billion-laughs", "deep", "deep-by-aliases",
        "parser-failure", "too-large", "recursive-alias",
    };

    public static TheoryData<string, string> CommandsAndInputs
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var command in new[] { "validate", "import", "diff", "graph" })
            {
                foreach (var input in Inputs)
                {
                    data.Add(command, input);
                }
            }

            return data;
        }
    }

    /// <summary>Writes the bad input and returns its path and what the report must say.</summary>
    private (string Path, string Message, bool Unreadable) Write(string input)
    {
        var path = Path.Combine(_folder.Path, input + ".yml");
        switch (input)
        {
            case "missing":
                return (path, $"error: cannot read the pipeline '{path}'", true);
            case "empty":
                File.WriteAllText(path, string.Empty);
                return (path, $"{path}:1:1: error BKD001: The file is empty", false);
            case "comments-only":
                File.WriteAllText(path, "# steps: to come\n");
                return (path, $"{path}:1:1: error BKD001: The file is empty", false);
            case "binary":
                File.WriteAllBytes(path, [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x3E, 0x00, 0xB0, 0x10]);
                return (path, $"error: the pipeline '{path}' is not UTF-8 text: the byte 0xB0 at offset 14 (line 2)", true);
            case "nul":
                File.WriteAllText(path, "steps:\n- wait\n\0\0");
                return (path, $"error: the pipeline '{path}' looks like a binary file, not text: it has a NUL character on line 3.", true);
            case "latin1":
                File.WriteAllBytes(path, Encoding.Latin1.GetBytes("steps:\n- command: \"Übersicht\"\n"));
                return (path, $"error: the pipeline '{path}' is not UTF-8 text: the byte 0xDC at offset 19 (line 2)", true);
            case "billion-laughs":
                var laughs = new StringBuilder("l0: &l0 lol\n");
                for (var i = 1; i <= 9; i++)
                {
                    laughs.Append(System.Globalization.CultureInfo.InvariantCulture, $"l{i}: &l{i} [{string.Join(",", Enumerable.Repeat($"*l{i - 1}", 9))}]\n");
                }

                File.WriteAllText(path, laughs.Append("steps:\n- command: *l9\n").ToString());
                return (path, $"{path}:8:5: error BKD005: The document expands to more than 1,000,000 nodes", false);
            case "deep":
                File.WriteAllText(path, "steps:\n- command: echo\n  env:\n    X: " + new string('[', 300) + new string(']', 300) + "\n");
                return (path, $"{path}:4:261: error BKD005: The YAML nests deeper than 256 levels", false);
            case "deep-by-aliases":
                var deep = new StringBuilder("a0: &a0 x\n");
                for (var i = 1; i <= 1_000; i++)
                {
                    deep.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i}: &a{i} {new string('[', 200)}*a{i - 1}{new string(']', 200)}\n");
                }

                File.WriteAllText(path, deep.Append("steps: [wait]\n").ToString());
                return (path, $"{path}:3:209: error BKD005: The YAML nests deeper than 256 levels (counting the nodes its aliases repeat)", false);
            case "parser-failure":
                File.WriteAllText(path, "- { skip*c\u0085x &b ~{-steps");
                return (path, "error BKD001: The YAML cannot be parsed: The text after this point is malformed", false);
            case "too-large":
                using (var stream = File.Create(path))
                {
                    stream.SetLength(InputText.MaxBytes + 1);
                }

                return (path, $"error: the pipeline '{path}' is 16,777,217 bytes; files larger than 16,777,216 bytes are not read.", true);
            case "recursive-alias":
                File.WriteAllText(path, "steps: &s\n- command: echo\n- *s\n");
                return (path, $"{path}:3:3: error BKD001: The YAML cannot be parsed: The alias *s refers to a node that contains it", false);
            default:
                throw new ArgumentOutOfRangeException(nameof(input), input, null);
        }
    }

    private string[] Arguments(string command, string path) => command switch
    {
        "diff" => ["diff", Path.Combine(_folder.Path, "ok.yml"), path],
        _ => [command, path],
    };

    [Theory]
    [MemberData(nameof(CommandsAndInputs))]
    public async Task Bad_input_gives_a_clear_message_the_documented_exit_code_and_no_output(string command, string input)
    {
        // Given
        var (path, message, unreadable) = Write(input);

        // When
        var result = await InProcess.RunAsync(Arguments(command, path));

        // Then: diff and graph read the text as the agent does (Meaning/AgentPipelineReader), which words an empty file its own way
        if (command is "diff" or "graph" && input is "empty" or "comments-only")
        {
            message = $"{path}: error: the text holds no pipeline.";
        }

        result.Error.Should().Contain(message).And.NotContain("   at ").And.NotContain("failed unexpectedly");
        var expected = unreadable || command is "diff" or "graph" ? 2 : 1;
        result.ExitCode.Should().Be(expected);
        if (command == "validate")
        {
            // validate reports one line per file on standard output, never a pipeline.
            result.Output.Should().Be($"{path}: {(unreadable ? "not read" : "1 error")}\n");
        }
        else
        {
            result.Output.Should().BeEmpty();
        }
    }
}
