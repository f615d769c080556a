using Scion.Pipeline.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.Support;

/// <summary>
/// Real-world-shaped pipelines (<c>tests/Buildkite.Dsl.Cli.Tests/Corpus/*.yml</c>) that cover every step type and
/// attribute form: string steps, <c>type:</c> and nested forms, aliases, anchors and merge keys, plugin forms,
/// matrix, notify, retry forms, upload-time <c>$</c> forms, several documents.
/// </summary>
internal static class Corpus
{
    public static string Folder { get; } = System.IO.Path.Combine(RepositoryRoot.Path, "tests", "Buildkite.Dsl.Cli.Tests", "Corpus");

    public static string Path(string name) => System.IO.Path.Combine(Folder, name);

    public static string Read(string name) => File.ReadAllText(Path(name));

    /// <summary>SCION's pipelines as they were written in YAML (<c>tests/Scion.Pipeline.Tests/Reference</c>), by path from the repository root.</summary>
    public static TheoryData<string> RealWorld()
    {
        var data = new TheoryData<string>();
        foreach (var name in new[] { "pipeline.yml", "pipeline-doc.yml", "expected-push-main.yml" })
        {
            data.Add(string.Join('/', "tests", "Scion.Pipeline.Tests", "Reference", name));
        }

        return data;
    }

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.yml").Order(StringComparer.Ordinal))
        {
            data.Add(System.IO.Path.GetFileName(file));
        }

        return data;
    }
}
