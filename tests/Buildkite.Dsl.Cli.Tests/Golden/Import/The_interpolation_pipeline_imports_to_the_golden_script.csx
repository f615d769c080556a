#r "nuget: Buildkite.Dsl, 0.1.0"
// Imported from interpolation.yml by buildkite-dsl import. Review it, then check that it means the same:
//   buildkite-dsl diff interpolation.yml pipeline.csx
//
// Upload-time interpolation and literal dollars, in every place they may stand.
using Buildkite.Dsl;
using Buildkite.Dsl.Plugins;

var build = new CommandStep
{
    Label = $"Build {Env.Upload("BUILDKITE_BRANCH")}",
    Key = $"build-{Env.Upload("BUILDKITE_BUILD_NUMBER")}",
    Command = $$"""
        echo "commit {{Env.Upload("BUILDKITE_COMMIT").Substring(0, 7)}} on {{Env.Upload("BUILDKITE_BRANCH")}}"
        echo "shell: $HOME ${PATH} $1 ${{Env.Upload("NOT_PLAIN")}}"
        echo "substitution: $(date +%s) and $((1 + 2))"
        make release VERSION={{Env.Upload("RELEASE").OrDefaultWhenUnset("unset")}} CHANNEL={{Env.Upload("CHANNEL").OrDefault(Env.Upload("DEFAULT_CHANNEL").OrDefault("stable"))}}

        """,
    ArtifactPaths = [$"dist/app-{Env.Upload("RELEASE")}.tar.gz", "logs/$literal/*.log"],
    Env = new Dictionary<string, string>
    {
        ["TARGET"] = Env.Required("DEPLOY_TARGET", "the deploy target must be set"),
        ["LITERAL"] = "price: $5",
    },
    Plugins =
    [
        new DockerPlugin
        {
            Image = $"{Env.Upload("REGISTRY").OrDefault("docker.io")}/builder:{Env.Upload("BUILDER_VERSION")}",
            Command = ["sh", "-c", "echo $HOME"],
        },
    ],
};

var matrix = new CommandStep
{
    Label = "Matrix {{matrix.os}}",
    Command = "echo {{matrix.os}} ${OS}",
    Matrix = ["linux", "darwin"],
};

var regexWithDollar = new CommandStep
{
    Label = "Regex with dollar",
    Command = "true",
    If = Build.Branch.Matches("^release-[0-9]+$"),
};

var pipeline = new Pipeline
{
    Env = new Dictionary<string, string>
    {
        ["RELEASE"] = Env.Upload("BUILDKITE_TAG").OrDefault("dev"),
        ["GREETING"] = "hello $USER",
    },
    Steps = [build, matrix, regexWithDollar],
};

Console.Write(pipeline.ToYaml());
