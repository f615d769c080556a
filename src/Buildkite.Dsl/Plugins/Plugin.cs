using System.Text.Json.Nodes;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Plugins;

/// <summary>
/// A plugin on a command step (an item of <c>plugins</c>): its <see cref="Reference"/> and its
/// configuration.
/// </summary>
/// <remarks>
/// <para>
/// Use a typed binding from <c>Buildkite.Dsl.Plugins</c> (generated from the plugin's <c>plugin.yml</c>)
/// where one exists, else <see cref="UntypedPlugin"/>. Strings in the configuration are literal text, as
/// everywhere in a pipeline.
/// </para>
/// <para>
/// The configuration is written as the plugin's map, or as a bare <c>- name#version</c> when it is
/// empty. Checks: BKD401 (reference malformed or not pinned), BKD402 (option keys that collide once
/// the agent turns them into environment variables), BKD403 (the plugin's own schema: required
/// options, options that need others, allowed values), BKD404 (a <c>null</c>, or an empty string
/// inside a list, which plugins read badly).
/// </para>
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

    /// <summary>
    /// Returns the configuration as the library writes and checks it. Generated bindings write it directly, without
    /// System.Text.Json (whose first use costs a pipeline script's start-up several milliseconds); the default reads
    /// <see cref="ToConfiguration"/>.
    /// </summary>
    /// <returns>A new map each call, or <see langword="null"/> when the plugin takes no configuration.</returns>
    protected virtual PluginMap? WriteConfiguration() => (PluginMap?)PluginValue.FromJson(ToConfiguration());

    /// <summary>
    /// Checks the reference and the configuration and returns every problem, without throwing.
    /// </summary>
    /// <returns>
    /// The problems; <see cref="Diagnostic.Field"/> is the option's path inside the configuration
    /// (<c>builder.driver</c>), <see langword="null"/> for the reference or the configuration as a whole.
    /// A pipeline reports the same problems with the step's path and <c>plugins[i]</c> in front.
    /// </returns>
    public IReadOnlyList<Diagnostic> Validate() => PluginRules.Check(this);

    /// <summary>
    /// Checks the rules of the plugin's own schema that the types cannot express: options that are
    /// required, that exclude or need each other, allowed values, patterns and lengths.
    /// </summary>
    /// <returns>The problems, code <see cref="DiagnosticCodes.PluginConfiguration"/>, each with the option's path as <see cref="Diagnostic.Field"/>.</returns>
    protected virtual IEnumerable<Diagnostic> ValidateConfiguration() => [];

    /// <summary>Runs <see cref="WriteConfiguration"/> for the writers and the checks.</summary>
    internal PluginMap? WrittenConfiguration() => WriteConfiguration();

    /// <summary>Runs <see cref="ValidateConfiguration"/> for the checks.</summary>
    internal IEnumerable<Diagnostic> CheckConfiguration() => ValidateConfiguration();
}
