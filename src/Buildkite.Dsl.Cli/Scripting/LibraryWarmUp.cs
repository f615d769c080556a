using System.Text.Json.Nodes;
using Buildkite.Dsl.Plugins;

namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>
/// Writes a small pipeline on a background thread while the runner gets the script ready, so that the library's
/// first-run costs (type loading, ReadyToRun method preparation, System.Text.Json's set-up for plugin configurations)
/// are paid on the second core instead of by the script. It writes nothing anywhere and its result is dropped.
/// </summary>
internal static class LibraryWarmUp
{
    /// <summary>Starts the warm-up; returns at once.</summary>
    public static void Start() => new Thread(Run) { IsBackground = true, Name = "library warm-up" }.Start();

    private static void Run()
    {
        try
        {
            _ = WriteSample();
        }
        catch (Exception)
        {
            // Only a warm-up: the script itself reports whatever is wrong.
        }
    }

    /// <summary>
    /// Writes the warm-up's pipeline: the attributes most pipelines use (text, lists, env, a typed and an untyped
    /// plugin, automatic retry, a dependency on a step object, an <c>if</c> built in C#, wait, group, block).
    /// </summary>
    internal static string WriteSample()
    {
        var build = new CommandStep
        {
            Label = "Build :hammer:",
            Key = "build",
            Commands = ["make", "make test"],
            ArtifactPaths = [$"out/{Env.Upload("VERSION")}.tar.gz"],
            Env = new Dictionary<string, string> { ["MODE"] = "ci" },
            Plugins = [new DockerPlugin { Image = "alpine:3" }, new UntypedPlugin("example/example#v1.0.0", new JsonObject { ["on"] = true })],
            Retry = new Retry { Automatic = new AutomaticRetryRule { ExitStatus = -1, Limit = 2 } },
            TimeoutInMinutes = 10,
        };
        var test = new CommandStep { Label = "Test", Command = "make test", DependsOn = [build], If = Build.Branch == "main" };
        return new Pipeline { Steps = [build, Step.Wait, test, new GroupStep { Group = "More", Steps = [new BlockStep { Block = "Go?" }] }] }.ToYaml();
    }
}
