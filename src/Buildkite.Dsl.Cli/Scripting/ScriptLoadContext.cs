using System.Reflection;
using System.Runtime.Loader;

namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>
/// Loads a compiled script and the assemblies of its restored packages. Everything else (the framework,
/// Buildkite.Dsl, the runner, packages that ship with it) comes from the runner's own context, so the script
/// and the runner share those types.
/// </summary>
internal sealed class ScriptLoadContext(IReadOnlyDictionary<string, string> assemblies) : AssemblyLoadContext("buildkite-dsl-script")
{
    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name is { } name && assemblies.TryGetValue(name, out var path) ? LoadFromAssemblyPath(path) : null;
}
