using Buildkite.Dsl.Cli.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.Commands;

public class RunCommandTests
{
    [Fact]
    public async Task A_compile_error_is_reported_with_file_line_and_column_and_nothing_on_stdout()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("broken.csx", "using Buildkite.Dsl;\nvar pipeline = new Pipeline();\nConsole.Write(pipeline.ToYml());\nint n = \"x\";\n");

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain($"{script}(3,24): error CS1061: 'Pipeline' does not contain a definition for 'ToYml'")
            .And.Contain($"{script}(4,9): error CS0029: Cannot implicitly convert type 'string' to 'int'");
    }

    [Fact]
    public async Task A_compile_error_in_a_loaded_file_names_that_file()
    {
        // Given
        using var folder = new ScriptFolder();
        var helper = folder.Write("lib/helper.csx", "static string Greeting() => 42;\n");
        var script = folder.Write("main.csx", "#load \"lib/helper.csx\"\nConsole.Write(Greeting());\n");

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain($"{helper}(1,29): error CS0029");
    }

    [Fact]
    public async Task An_exception_from_the_script_is_its_message_at_the_throwing_line_without_a_stack_trace()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("throws.csx", "var x = 1;\nthrow new InvalidOperationException(\"the targets are gone\");\n");

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().Be($"{script}(2): error: the targets are gone\n");
    }

    [Fact]
    public async Task Output_of_a_script_that_fails_later_is_held_back()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("half.csx", "Console.WriteLine(\"steps:\");\nConsole.Out.Flush();\nthrow new InvalidOperationException(\"late failure\");\n");

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain("error: late failure").And.Contain("held back");
    }

    [Fact]
    public async Task A_failed_pipeline_check_lists_the_diagnostics_and_prints_nothing()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("check.csx", """
            using Buildkite.Dsl;
            var elsewhere = new CommandStep { Label = "Elsewhere", Command = "true" };
            Console.Write(new Pipeline { Steps = [new CommandStep { Key = "test", Command = "make test", DependsOn = [elsewhere] }] }.ToYaml());
            """);

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().StartWith("error: The pipeline has 1 error:").And.Contain("BKD113").And.NotContain("   at ");
    }

    [Fact]
    public async Task A_successful_script_prints_exactly_what_it_wrote()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("ok.csx", """
            using Buildkite.Dsl;
            Console.Error.WriteLine("a note for the log");
            Console.Write(new Pipeline { Steps = [new CommandStep { Label = "Test", Command = "echo $HOME" }] }.ToYaml());
            """);

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.ExitCode.Should().Be(0);
        result.Output.Should().Be("steps:\n- label: Test\n  command: echo $$HOME\n");
        result.Error.Should().Be("a note for the log\n");
    }

    [Fact]
    public async Task Buildkite_dsl_is_referenced_without_any_r_directive()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("plain.csx", "Console.Write(new Buildkite.Dsl.Pipeline { Steps = [Buildkite.Dsl.Step.Wait] }.ToYaml());\n");

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.ExitCode.Should().Be(0);
        result.Output.Should().Be("steps:\n- wait\n");
    }

    [Fact]
    public async Task Scripts_get_dotnet_scripts_default_imports()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("imports.csx", """
            var lines = new List<string> { Path.GetFileName("a/b.txt") };
            var text = new StringBuilder().Append(string.Join(",", lines.Select(l => l.ToUpperInvariant())));
            var watch = Stopwatch.StartNew();
            await Task.Yield();
            System.Linq.Expressions.Expression<Func<int>> expression = () => 1;
            dynamic value = 1;
            WriteLine(text);
            """);

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.Error.Should().BeEmpty();
        result.Output.Should().Be("B.TXT\n");
    }

    [Fact]
    public async Task Arguments_after_the_double_dash_are_the_scripts_args()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("args.csx", "Console.Write(string.Join('|', Args));\n");

        // When
        var result = await InProcess.RunAsync("run", script, "--", "one", "--two", "-3");

        // Then
        result.ExitCode.Should().Be(0);
        result.Output.Should().Be("one|--two|-3");
    }

    [Fact]
    public async Task Loaded_files_are_found_relative_to_the_script_and_the_current_directory_stays_the_callers()
    {
        // Given
        using var folder = new ScriptFolder();
        folder.Write("scripts/lib/steps.csx", "static string Where() => Directory.GetCurrentDirectory();\n");
        var script = folder.Write("scripts/main.csx", "#load \"lib/steps.csx\"\nConsole.Write(Where());\n");

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.ExitCode.Should().Be(0);
        result.Output.Should().Be(Directory.GetCurrentDirectory());
    }

    [Fact]
    public async Task Scion_pipeline_at_the_runners_version_resolves_without_a_restore()
    {
        // Given
        using var folder = new ScriptFolder();
        var version = Buildkite.Dsl.Cli.Scripting.PackageResolver.PackageVersionOf(typeof(Scion.Pipeline.ScionPipeline).Assembly.Location);
        var script = folder.Write("scion.csx", $"#r \"nuget: Scion.Pipeline, {version}\"\nConsole.Write(Scion.Pipeline.ScionPipeline.DocOnly().ToYaml());\n");

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.ExitCode.Should().Be(0);
        result.Error.Should().BeEmpty();
        result.Output.Should().StartWith("steps:\n- label: 'Lint doc :bash:'");
    }

    [Fact]
    public async Task A_package_reference_without_a_version_is_an_error_at_the_directive()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("noversion.csx", "// pipeline\n  #r \"nuget: Scion.Pipeline\"\nConsole.Write(1);\n");

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().Be($"{script}(2,3): error: #r \"nuget: Scion.Pipeline\" must name a package and its version, for example #r \"nuget: Scion.Pipeline, 1.0.0\".\n");
    }

    [Fact]
    public async Task A_script_that_returns_a_non_zero_exit_code_fails_and_prints_nothing()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("return.csx", "Console.Write(\"steps: []\");\nreturn 3;\n");

        // When
        var result = await InProcess.RunAsync("run", script);

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain("error: the script returned exit code 3.");
    }

    [Fact]
    public async Task A_missing_script_is_an_io_error()
    {
        // Given
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csx");

        // When
        var result = await InProcess.RunAsync("run", missing);

        // Then
        result.ExitCode.Should().Be(2);
        result.Output.Should().BeEmpty();
        result.Error.Should().StartWith($"error: cannot read the script '{missing}'");
    }

    [Fact]
    public async Task A_missing_script_argument_is_a_usage_error()
    {
        // When
        var result = await InProcess.RunAsync("run");

        // Then
        result.ExitCode.Should().Be(2);
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain("error: ").And.Contain("--help");
    }

    [Fact]
    public async Task Help_describes_the_run_command_on_stdout()
    {
        // When
        var result = await InProcess.RunAsync("run", "--help");

        // Then
        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain(" run <script> [<args>...]").And.Contain("dotnet-script");
    }
}
