namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>What the script's package references resolved to.</summary>
/// <param name="CompileReferences">Assemblies the script compiles against, besides the framework and Buildkite.Dsl.</param>
/// <param name="RuntimeAssemblies">
/// Assemblies the script's load context loads by simple name: those of restored packages. Assemblies of the
/// runner itself (Buildkite.Dsl, the framework, bundled packages) are shared with the runner instead.
/// </param>
internal sealed record ResolvedReferences(IReadOnlyList<string> CompileReferences, IReadOnlyDictionary<string, string> RuntimeAssemblies);

/// <summary>What resolving a script's packages gave: the references, or the errors and the exit code to fail with.</summary>
/// <remarks>A class, not a tuple: a tuple with an <see cref="int"/> is compiled by the JIT on every run.</remarks>
/// <param name="References">The references; <see langword="null"/> when resolving failed.</param>
/// <param name="Errors">The problems, when it failed.</param>
/// <param name="ExitCode">The exit code to fail with.</param>
internal sealed record ResolveResult(ResolvedReferences? References, IReadOnlyList<string> Errors, int ExitCode);
