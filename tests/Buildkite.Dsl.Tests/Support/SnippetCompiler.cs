using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Buildkite.Dsl.Tests.Support;

/// <summary>
/// Compiles C# snippets against Buildkite.Dsl with Roslyn, to prove that misuse does not compile. The snippet
/// is the body of a program with top-level statements and <c>using Buildkite.Dsl;</c>.
/// </summary>
internal static class SnippetCompiler
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        // The assemblies this test run itself loads from (the runtime and every package and project it references).
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(typeof(Pipeline).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    /// <summary>The compiler errors of the snippet; empty when it compiles.</summary>
    public static IReadOnlyList<Diagnostic> Errors(string snippet)
    {
        var source = "using Buildkite.Dsl;\nusing Buildkite.Dsl.Plugins;\n" + snippet + "\n";
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [tree],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }
}
