using System.Text.Json.Nodes;
using Buildkite.Dsl.Plugins;

namespace Scion.Pipeline.Shared;

/// <summary>
/// SCION's <c>scionproto/metahook</c> plugin, which runs extra commands at the agent's hook points.
/// </summary>
/// <remarks>
/// Every metahook in the pipeline is made by <see cref="Plugin(MetahookHooks)"/>, so replacing the untyped
/// configuration by a typed binding is a change in one place.
/// </remarks>
/// <seealso href="https://github.com/scionproto/metahook"/>
public static class Metahook
{
    /// <summary>The plugin reference SCION pins: <c>scionproto/metahook#v0.3.0</c>.</summary>
    public static PluginReference Reference { get; } = "scionproto/metahook#v0.3.0";

    /// <summary>Creates the plugin with the given hooks; hooks that are not set are left out.</summary>
    /// <param name="hooks">The commands per hook point.</param>
    /// <returns>The plugin, for a step's <c>plugins</c>.</returns>
    public static Plugin Plugin(MetahookHooks hooks)
    {
        ArgumentNullException.ThrowIfNull(hooks);
        var configuration = new JsonObject();
        Add(configuration, "pre-command", hooks.PreCommand);
        Add(configuration, "post-command", hooks.PostCommand);
        Add(configuration, "pre-artifact", hooks.PreArtifact);
        Add(configuration, "post-artifact", hooks.PostArtifact);
        Add(configuration, "pre-exit", hooks.PreExit);
        return new UntypedPlugin(Reference, configuration);
    }

    private static void Add(JsonObject configuration, string hook, string? command)
    {
        if (command is not null)
        {
            configuration[hook] = command;
        }
    }
}
