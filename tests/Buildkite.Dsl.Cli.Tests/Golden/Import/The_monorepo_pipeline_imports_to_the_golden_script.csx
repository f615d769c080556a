#r "nuget: Buildkite.Dsl, 0.1.0"
// Imported from monorepo.yml by buildkite-dsl import. Review it, then check that it means the same:
//   buildkite-dsl diff monorepo.yml pipeline.csx
// The top-level key 'x-defaults' only held YAML anchors; what they shared is in the variables below.
// The top-level key 'x-go-plugin' only held YAML anchors; what they shared is in the variables below.
//
// A monorepo pipeline: shared defaults through anchors and merge keys, groups, dependencies.
// Everything the services share is defined once under x-defaults.
using Buildkite.Dsl;
using Buildkite.Dsl.Plugins;

var defaultsAgents = new Agents { ["queue"] = "linux-large" };

var go = new DockerPlugin
{
    Image = "golang:1.24",
    PropagateEnvironment = true,
    Environment = ["GOFLAGS=-mod=vendor", "CGO_ENABLED=0"],
};

IReadOnlyList<Plugin> goPlugins = [go];

var defaultsRetry = new Retry
{
    Automatic = [new() { ExitStatus = -1, Limit = 2 }, new() { ExitStatus = 255, Limit = 2 }],
};

var generate = new CommandStep
{
    Label = ":go: Generate",
    Key = "generate",
    Agents = defaultsAgents,
    Retry = defaultsRetry,
    TimeoutInMinutes = 30,
    Command = "make generate && git diff --exit-code",
    Plugins = goPlugins,
};

// Unit tests are fast; run them on every branch.
var unit = new CommandStep
{
    Label = ":go: Unit",
    Key = "unit",
    Agents = defaultsAgents,
    Retry = defaultsRetry,
    TimeoutInMinutes = 30,
    Commands = ["go test ./... -race -coverprofile=coverage.out", "go tool cover -func=coverage.out"],
    Plugins = [go, new ArtifactsPlugin { Upload = "coverage.out" }],
    ArtifactPaths = ["coverage.out"],
};

var integration = new CommandStep
{
    Label = ":go: Integration",
    Key = "integration",
    Agents = defaultsAgents,
    Retry = defaultsRetry,
    // overrides the default
    TimeoutInMinutes = 60,
    Command = "make integration",
    Parallelism = 4,
    Plugins = goPlugins,
    SoftFail = [3],
};

var tests = new GroupStep
{
    Group = ":test_tube: Tests",
    Key = "tests",
    DependsOn = [generate],
    Steps =
    [
        unit,
        integration,
        new CommandStep
        {
            Label = ":docker: Compose smoke test",
            Command = "./scripts/smoke.sh",
            Plugins = [new DockerComposePlugin { Run = "app", Config = "docker-compose.ci.yml" }],
            Agents = defaultsAgents,
        },
    ],
};

var coverage = new CommandStep
{
    Label = ":bar_chart: Coverage report",
    Key = "coverage",
    Command = "./scripts/coverage.sh",
    DependsOn = [new Dependency(unit) { AllowFailure = true }, integration],
    AllowDependencyFailure = true,
};

var images = new CommandStep
{
    Label = ":docker: Images",
    Key = "images",
    DependsOn = [tests],
    Agents = defaultsAgents,
    Retry = defaultsRetry,
    TimeoutInMinutes = 30,
    Command = $"make images TAG={Env.Upload("BUILDKITE_COMMIT").Substring(0, 7)}",
    Concurrency = 1,
    ConcurrencyGroup = "platform/images",
    ConcurrencyMethod = ConcurrencyMethod.Eager,
    Env = new Dictionary<string, string>
    {
        ["DOCKER_BUILDKIT"] = "1",
        ["IMAGE_REPOSITORY"] = $"{Env.Upload("REGISTRY")}/service",
    },
};

var pipeline = new Pipeline
{
    Env = new Dictionary<string, string>
    {
        ["GO_VERSION"] = "1.24",
        ["REGISTRY"] = "registry.example.com/platform",
    },
    Steps = [generate, tests, new WaitStep { ContinueOnFailure = true }, coverage, images],
};

Console.Write(pipeline.ToYaml());
