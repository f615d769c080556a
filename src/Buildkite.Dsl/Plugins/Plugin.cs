using System.Text.Json.Nodes;

namespace Buildkite.Dsl.Plugins;

/// <summary>
/// A plugin on a command step (an item of <c>plugins</c>): its <see cref="Reference"/> and its
/// configuration.
/// </summary>
/// <remarks>
/// Use a typed binding from <c>Buildkite.Dsl.Plugins</c> (generated from the plugin's <c>plugin.yml</c>)
/// where one exists, else <see cref="UntypedPlugin"/>. Strings in the configuration are literal text, as
/// everywhere in a pipeline.
/// </remarks>
/// <seealso href="https://buildkite.com/docs/pipelines/integrations/plugins/using"/>
public abstract record Plugin
{
    /// <summary>Creates a plugin with its reference.</summary>
    /// <param name="reference">Where the plugin comes from, for example <c>docker#v5.13.0</c>.</param>
    protected Plugin(PluginReference reference) => Reference = reference;

    /// <summary>Where the plugin comes from and which version runs.</summary>
    public PluginReference Reference { get; init; }

    /// <summary>
    /// Returns the plugin's configuration as written under its reference, or <see langword="null"/>
    /// when the plugin takes none (written as a bare <c>- name#version</c>).
    /// </summary>
    /// <returns>A new object each call; options that are not set are left out.</returns>
    public abstract JsonObject? ToConfiguration();
}
