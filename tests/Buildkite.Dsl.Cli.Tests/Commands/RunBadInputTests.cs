using System.Text;
using Buildkite.Dsl.Cli.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.Commands;

/// <summary>
/// The catalogue of bad input for <c>buildkite-dsl run</c>, in-process: each case gives a clear message on
/// standard error, its documented exit code (1 a problem in the script, 2 a usage or I/O error), no stack
/// trace and nothing on standard output. Cases that end or outlive the process are in
/// <c>EndToEnd/RunBadInputEndToEndTests</c>.
/// </summary>
public class RunBadInputTests
{
    private static void ShouldFail(CliResult result, int exitCode, string message)
    {
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain(message).And.NotContain("   at ");
        result.ExitCode.Should().Be(exitCode);
    }

    [Fact]
    public async Task An_empty_script_is_a_problem_in_the_script()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("empty.csx", string.Empty);

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        ShouldFail(result, 1, $"error: the script '{script}' is empty; there is nothing to run.");
    }

    [Fact]
    public async Task A_script_of_blank_lines_is_empty_too()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("blank.csx", "\n   \r\n\t\n");

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        ShouldFail(result, 1, "is empty; there is nothing to run.");
    }

    [Fact]
    public async Task A_folder_instead_of_a_script_is_an_io_error()
    {
        // Given
        using var folder = new ScriptFolder();

        // When
        var result = await InProcess.RunAsync("run", folder.Path);

        // Then
        ShouldFail(result, 2, $"error: cannot read the script '{folder.Path}'");
    }

    [Fact]
    public async Task A_binary_file_is_an_io_error_naming_the_first_byte_that_is_not_utf8()
    {
        // Given: the start of an ELF executable
        using var folder = new ScriptFolder();
        var script = Path.Combine(folder.Path, "program.csx");
        await File.WriteAllBytesAsync(script, [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x0A, 0x00, 0x3E, 0x00, 0xB0, 0x10]);

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        ShouldFail(result, 2, $"error: the script '{script}' is not UTF-8 text: the byte 0xB0 at offset 14 (line 2) does not start a valid UTF-8 sequence. Save the file as UTF-8.");
    }

    [Fact]
    public async Task A_binary_file_that_happens_to_be_utf8_is_recognised_by_its_nul_character()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("zeros.csx", "Console.Write(1);\n\0\0\0\0");

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        ShouldFail(result, 2, $"error: the script '{script}' looks like a binary file, not text: it has a NUL character on line 2.");
    }

    [Fact]
    public async Task A_script_saved_in_latin1_names_the_byte_offset_and_line()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = Path.Combine(folder.Path, "latin1.csx");
        await File.WriteAllBytesAsync(script, Encoding.Latin1.GetBytes("// Übersicht\nConsole.Write(\"steps: []\");\n"));

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        ShouldFail(result, 2, "is not UTF-8 text: the byte 0xDC at offset 3 (line 1)");
    }

    [Fact]
    public async Task The_offset_of_a_bad_byte_counts_the_byte_order_mark()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = Path.Combine(folder.Path, "bom.csx");
        await File.WriteAllBytesAsync(script, [0xEF, 0xBB, 0xBF, (byte)'/', (byte)'/', 0xFF, (byte)'\n']);

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        ShouldFail(result, 2, "the byte 0xFF at offset 5 (line 1)");
    }

    [Fact]
    public async Task A_script_in_utf16_with_a_byte_order_mark_runs()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = Path.Combine(folder.Path, "utf16.csx");
        await File.WriteAllBytesAsync(script, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Console.Write(\"steps: [wait] # ü\");\n")]);

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.ExitCode.Should().Be(0);
        result.Output.Should().Be("steps: [wait] # ü");
    }

    [Fact]
    public async Task A_script_larger_than_the_limit_is_refused_before_it_is_read()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = Path.Combine(folder.Path, "huge.csx");
        await using (var stream = File.Create(script))
        {
            stream.SetLength(InputText.MaxBytes + 1);
        }

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        ShouldFail(result, 2, $"error: the script '{script}' is 16,777,217 bytes; files larger than 16,777,216 bytes are not read.");
    }

    [Fact]
    public async Task A_yaml_bomb_read_by_the_script_fails_with_the_readers_limit()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("bomb.csx", """
            using Buildkite.Dsl;
            var text = new StringBuilder("l0: &l0 lol\n");
            for (var i = 1; i <= 9; i++)
            {
                text.Append($"l{i}: &l{i} [{string.Join(",", Enumerable.Repeat($"*l{i - 1}", 9))}]\n");
            }

            Console.Write(Pipeline.FromYaml(text.Append("steps:\n- command: *l9\n").ToString(), "bomb.yml").ToYaml());
            """);

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        ShouldFail(result, 1, "error: The pipeline has 1 error:\nbomb.yml:8:5: error BKD005: The document expands to more than 1,000,000 nodes once its aliases are followed");
    }

    [Fact]
    public async Task A_script_that_never_finishes_is_stopped_at_the_timeout_and_prints_nothing()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("forever.csx", "Console.Write(\"steps:\\n\");\nawait Task.Delay(System.Threading.Timeout.Infinite);\n");

        // When
        var result = await InProcess.RunAsync("run", script, "--timeout", "1s");

        // Then
        ShouldFail(result, 1, $"error: {script} did not finish within 1 second (--timeout); it was stopped and nothing was printed.");
    }

    [Fact]
    public async Task A_timeout_that_is_not_a_duration_is_a_usage_error()
    {
        // When
        var result = await InProcess.RunAsync("run", "pipeline.csx", "--timeout", "soon");

        // Then
        ShouldFail(result, 2, "error: 'soon' is not a duration for --timeout; use a whole number of seconds, or one with s, m or h (90s, 10m, 1h), or 0 for no limit.");
    }

    [Theory]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("2h", 7200)]
    [InlineData("0", -0.001)]
    public void Timeouts_are_read_in_seconds_minutes_or_hours(string text, double seconds)
    {
        // Given
        var command = Buildkite.Dsl.Cli.Commands.RunCommand.Create();

        // When
        var timeout = command.Parse(["x.csx", "--timeout", text]).GetValue<TimeSpan>("--timeout");

        // Then
        timeout.TotalSeconds.Should().Be(seconds);
    }

    [Fact]
    public void The_default_timeout_is_ten_minutes()
    {
        // When
        var given = Buildkite.Dsl.Cli.Commands.RunCommand.Create().Parse(["x.csx"]).GetValue<TimeSpan>("--timeout");
        var timeout = Buildkite.Dsl.Cli.Commands.RunCommand.TimeoutOf(given);

        // Then
        timeout.Should().Be(TimeSpan.FromMinutes(10));
    }
}
