#r "nuget: Buildkite.Dsl, 0.1.0"
using Buildkite.Dsl;

var build = new CommandStep { Key = "build", Label = ":hammer: Build", Command = "make build" };
var test = new CommandStep { Label = ":test_tube: Test", Command = "make test", DependsOn = [build] };

Console.Write(new Pipeline { Steps = [build, test] }.ToYaml());
