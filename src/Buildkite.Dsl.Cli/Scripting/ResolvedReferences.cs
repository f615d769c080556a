namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>What the script's package references resolved to.</summary>
/// <param name="CompileReferences">Assemblies the script compiles against, besides the framework and Buildkite.Dsl.</param>
/// <param name="RuntimeAssemblies">
/// Assemblies the script's load context loads by simple name: those of restored packages. Assemblies of the
/// runner itself (Buildkite.Dsl, the framework, bundled packages) are shared with the runner instead.
/// </param>
internal sealed record ResolvedReferences(IReadOnlyList<string> CompileReferences, IReadOnlyDictionary<string, string> RuntimeAssemblies);
