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
    public static IReadOnlyList<Diagnostic> Errors(string snippet) =>
        Compile(snippet).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>Compiles and runs the snippet, and returns what it wrote to the console.</summary>
    /// <remarks>The console is swapped for the run; no test of this project writes to it.</remarks>
    public static string Run(string snippet)
    {
        using var image = new MemoryStream();
        var result = Compile(snippet).Emit(image);
        result.Success.Should().BeTrue(string.Join('\n', result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        var context = new System.Runtime.Loader.AssemblyLoadContext("Snippet", isCollectible: true);
        try
        {
            var entry = context.LoadFromStream(new MemoryStream(image.ToArray())).EntryPoint!;
            lock (ConsoleLock)
            {
                var original = Console.Out;
                var output = new StringWriter();
                Console.SetOut(output);
                try
                {
                    entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
                }
                finally
                {
                    Console.SetOut(original);
                }

                return output.ToString();
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static readonly object ConsoleLock = new();

    private static CSharpCompilation Compile(string snippet)
    {
        var source = "using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing Buildkite.Dsl;\nusing Buildkite.Dsl.Plugins;\n" + snippet + "\n";
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        return CSharpCompilation.Create(
            "Snippet",
            [tree],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
    }
}
