namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>A script to run and the arguments it gets as <c>Args</c>.</summary>
/// <param name="ScriptPath">The script's path, as given (relative to the current directory or absolute).</param>
/// <param name="Arguments">The script's arguments.</param>
internal sealed record ScriptRequest(string ScriptPath, IReadOnlyList<string> Arguments);
