namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>
/// What a script sees besides its own code: <c>Args</c>, as in dotnet-script.
/// </summary>
/// <param name="args">The arguments after <c>--</c> on the command line.</param>
public sealed class ScriptGlobals(IList<string> args)
{
    /// <summary>The script's arguments: what follows <c>--</c> on the <c>buildkite-dsl run</c> command line.</summary>
    public IList<string> Args { get; } = args;
}
