using Buildkite.Dsl.Cli.Diff;
using Buildkite.Dsl.Cli.Import;
using Buildkite.Dsl.Cli.Meaning;
using Buildkite.Dsl.Cli.Scripting;
using Buildkite.Dsl.Cli.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.Import;

/// <summary>
/// For every pipeline of the corpus: the imported script compiles with the runner's compiler without a warning, and
/// running it prints a pipeline that <c>diff</c> finds equal to the YAML.
/// </summary>
public class ImportRoundTripTests
{
    public static TheoryData<string> CorpusFiles() => Corpus.Files();

    public static TheoryData<string> RealWorld() => Corpus.RealWorld();

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public Task The_imported_script_compiles_without_warnings_and_prints_the_same_pipeline(string name) =>
        RoundTrip(name, Corpus.Read(name));

    [Theory]
    [MemberData(nameof(RealWorld))]
    public Task Scions_own_yaml_pipelines_import_and_print_the_same_pipeline(string path) =>
        RoundTrip(Path.GetFileName(path), File.ReadAllText(Path.Combine(Scion.Pipeline.Tests.Support.RepositoryRoot.Path, path)));

    private static async Task RoundTrip(string name, string yaml)
    {
        // Given
        var imported = PipelineImporter.Import(yaml, name, "pipeline.csx");
        imported.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
        using var folder = new ScriptFolder();
        var path = folder.Write("pipeline.csx", imported.Script!);

        // When
        var compiled = ScriptCompiler.Compile(path, imported.Script!, new Dictionary<string, byte[]>(), [], CancellationToken.None);
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter();
        var outcome = compiled.Script is null
            ? null
            : ScriptHost.Run(compiled.Script, new Dictionary<string, string>(), new ScriptGlobals([]), output, error);

        // Then
        compiled.Errors.Should().BeEmpty(because: "the script must compile:\n{0}", imported.Script);
        compiled.Warnings.Should().BeEmpty(because: "the script must compile without warnings:\n{0}", imported.Script);
        outcome!.Exception.Should().BeNull(because: "the script must run:\n{0}", imported.Script);
        var before = AgentPipelineReader.Read(yaml, name, null);
        var after = AgentPipelineReader.Read(output.ToString(), "output", null);
        before.Problems.Should().BeEmpty();
        after.Problems.Should().BeEmpty();
        var differences = PipelineDiff.Compare(before.Pipelines, after.Pipelines);
        differences.Should().BeEmpty(because: "the script must print the same pipeline:\n{0}\n{1}", DiffReport.Text(name, "output", differences, agentText: true), imported.Script);
    }

    [Fact]
    public async Task Diff_compares_the_yaml_with_the_imported_script_by_running_it()
    {
        // Given
        using var folder = new ScriptFolder();
        var yaml = folder.Write("pipeline.yml", Corpus.Read("monorepo.yml"));
        var script = Path.Combine(folder.Path, "pipeline.csx");
        var imported = await InProcess.RunAsync("import", yaml, "-o", script);

        // When
        var result = await InProcess.RunAsync("diff", yaml, script);

        // Then
        imported.ExitCode.Should().Be(0, imported.Error);
        result.ExitCode.Should().Be(0, result.Error + result.Output);
        result.Output.Should().EndWith("mean the same pipeline.\n");
    }
}
