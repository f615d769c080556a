using Buildkite.Dsl;
using Buildkite.Dsl.Plugins;

namespace PluginConsumer;

/// <summary>A pipeline that uses a bundled binding (docker) and one generated from this project's plugin.yml (hello).</summary>
public static class SamplePipeline
{
    public static Pipeline Create() => new()
    {
        Steps =
        [
            new CommandStep
            {
                Label = ":wave: Greet",
                Command = "make greet",
                Plugins =
                [
                    new HelloPlugin { Names = ["Ada", "Grace"], Greeting = HelloGreeting.Howdy, Repeat = 2 },
                    new DockerPlugin { Image = "alpine:3.20" },
                ],
            },
        ],
    };
}
