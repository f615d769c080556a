namespace Buildkite.Dsl.Tests.Support;

/// <summary>The golden-file helper is strict in CI, rewrites on request, and never passes a difference silently.</summary>
public sealed class GoldenTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("golden-tests-").FullName;

    private string PathOf(string name) => Path.Combine(_directory, "Area", name + ".yml");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Same_output_passes()
    {
        // Given
        var path = PathOf("same");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "steps:\n- wait\n");

        // When
        var act = () => Golden.Compare("steps:\n- wait\n", path, ci: true, update: false);

        // Then
        act.Should().NotThrow();
    }

    [Fact]
    public void Different_output_fails_with_the_first_differing_line()
    {
        // Given
        var path = PathOf("different");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "steps:\n- wait\n");

        // When
        var act = () => Golden.Compare("steps:\n- block\n", path, ci: false, update: false);

        // Then
        act.Should().Throw<Xunit.Sdk.XunitException>().WithMessage("*line 2*- - wait*+ - block*");
        File.ReadAllText(path).Should().Be("steps:\n- wait\n");
    }

    [Fact]
    public void Missing_file_fails_in_ci_and_is_not_created()
    {
        // Given
        var path = PathOf("missing-ci");

        // When
        var act = () => Golden.Compare("steps: []\n", path, ci: true, update: true);

        // Then
        act.Should().Throw<Xunit.Sdk.XunitException>().WithMessage("*missing*");
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public void Different_output_fails_in_ci_even_when_update_is_asked_for()
    {
        // Given
        var path = PathOf("different-ci");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "old\n");

        // When
        var act = () => Golden.Compare("new\n", path, ci: true, update: true);

        // Then
        act.Should().Throw<Xunit.Sdk.XunitException>();
        File.ReadAllText(path).Should().Be("old\n");
    }

    [Fact]
    public void Update_rewrites_the_file_and_passes()
    {
        // Given
        var path = PathOf("update");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "old\n");

        // When
        var act = () => Golden.Compare("new\n", path, ci: false, update: true);

        // Then
        act.Should().NotThrow();
        File.ReadAllText(path).Should().Be("new\n");
    }

    [Fact]
    public void Missing_file_is_created_locally_and_the_test_fails_until_reviewed()
    {
        // Given
        var path = PathOf("created");

        // When
        var act = () => Golden.Compare("steps: []\n", path, ci: false, update: false);

        // Then
        act.Should().Throw<Xunit.Sdk.XunitException>().WithMessage("*created*");
        File.ReadAllText(path).Should().Be("steps: []\n");
    }

    [Fact]
    public void Golden_files_live_in_the_source_tree_not_in_bin()
    {
        // Given
        var root = Golden.Root;

        // When
        var inBin = root.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

        // Then
        inBin.Should().BeFalse();
        File.Exists(Path.Combine(Golden.ProjectDirectory, "Buildkite.Dsl.Tests.csproj")).Should().BeTrue();
    }
}
