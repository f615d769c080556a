using Buildkite.Dsl.Plugins;

namespace Buildkite.Dsl.Tests.Support;

/// <summary>Writes one command step with plugins, the way a pipeline would.</summary>
internal static class PluginYaml
{
    public static string Of(string command, params Plugin[] plugins) =>
        new Pipeline { Steps = [new CommandStep { Command = command, Plugins = plugins }] }.ToYaml();
}
