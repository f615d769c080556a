using System.Runtime.CompilerServices;
using Scion.Pipeline.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.Support;

/// <summary>
/// Compares whole outputs with files under <c>tests/Buildkite.Dsl.Cli.Tests/Golden/</c>: strict when CI=true;
/// rewritten locally with UPDATE_GOLDEN=1; a missing file is written locally and fails in CI.
/// </summary>
internal static class Golden
{
    public static void Match(string area, string actual, string extension = ".txt", [CallerMemberName] string name = "")
    {
        var path = System.IO.Path.Combine(RepositoryRoot.Path, "tests", "Buildkite.Dsl.Cli.Tests", "Golden", area, name + extension);
        var update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (update && !ci)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        if (!File.Exists(path))
        {
            if (!ci)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                File.WriteAllText(path, actual);
            }

            Assert.Fail($"The golden file {path} did not exist{(ci ? string.Empty : "; it has been written, check it and run again")}.");
        }

        File.ReadAllText(path).ReplaceLineEndings("\n").Should().Be(actual, $"the output must match {path} (UPDATE_GOLDEN=1 rewrites it)");
    }
}
