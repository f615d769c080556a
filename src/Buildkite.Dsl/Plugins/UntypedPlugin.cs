using System.Text.Json.Nodes;

namespace Buildkite.Dsl.Plugins;

/// <summary>
/// A plugin with configuration given as a JSON object, for plugins without a typed binding.
/// </summary>
/// <example>
/// <code>
/// new UntypedPlugin("docker#v5.13.0", new JsonObject { ["image"] = "golang:1.24", ["workdir"] = "/app" })
/// new UntypedPlugin("docker-login#v3.0.0")                     // no configuration
/// </code>
/// </example>
public sealed record UntypedPlugin : Plugin
{
    private readonly JsonObject? _configuration;

    /// <summary>Creates a plugin from a reference and its configuration.</summary>
    /// <param name="reference">Where the plugin comes from, for example <c>docker#v5.13.0</c>.</param>
    /// <param name="configuration">The configuration map, or <see langword="null"/> for none. It is copied.</param>
    public UntypedPlugin(PluginReference reference, JsonObject? configuration = null)
        : base(reference)
    {
        _configuration = configuration?.DeepClone().AsObject();
    }

    /// <summary>The configuration map, or <see langword="null"/> when the plugin takes none.</summary>
    public JsonObject? Configuration => _configuration?.DeepClone().AsObject();

    /// <inheritdoc/>
    public override JsonObject? ToConfiguration() => Configuration;

    /// <inheritdoc/>
    /// <remarks>Converted from the configuration held, without the copy <see cref="ToConfiguration"/> makes.</remarks>
    protected override PluginMap? WriteConfiguration() => (PluginMap?)PluginValue.FromJson(_configuration);

    /// <inheritdoc/>
    public bool Equals(UntypedPlugin? other) =>
        other is not null && Reference == other.Reference && JsonNode.DeepEquals(_configuration, other._configuration);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Reference, _configuration?.Count);
}
