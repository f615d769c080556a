using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Buildkite.Dsl.Generators.Tests.Support;

/// <summary>Compiles generated sources against the framework and Buildkite.Dsl, as a consuming project would.</summary>
internal static class Compiler
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.Ordinal))
            .Append(typeof(Buildkite.Dsl.Plugins.Plugin).Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList());

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12);

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.g.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Errors and warnings of compiling <paramref name="sources"/>.</summary>
    public static IReadOnlyList<Diagnostic> Problems(params string[] sources) =>
        Compilation(sources).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}
