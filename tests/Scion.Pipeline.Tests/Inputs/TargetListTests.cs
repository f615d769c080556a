namespace Scion.Pipeline.Tests.Inputs;

public class TargetListTests
{
    [Fact]
    public void Blank_lines_comments_and_surrounding_space_are_ignored()
    {
        // Given
        const string text = "# targets\n\n  //acceptance/stun:test  \r\n   # indented comment\n//demo/drkey:drkey\n";

        // When
        var targets = TargetList.Parse(text, "targets.txt");

        // Then
        targets.Should().Equal("//acceptance/stun:test", "//demo/drkey:drkey");
    }

    [Fact]
    public void A_line_that_is_not_a_target_is_an_error_naming_the_file_and_line()
    {
        // Given
        const string text = "//acceptance/stun:test\nacceptance/sig_ping:test\n";

        // When
        var act = () => TargetList.Parse(text, "targets.txt");

        // Then
        act.Should().Throw<ScionInputException>()
            .WithMessage("targets.txt:2: 'acceptance/sig_ping:test' is not a bazel target of the main repository (//package:name).");
    }

    [Fact]
    public void A_target_listed_twice_is_an_error_naming_both_lines()
    {
        // Given
        const string text = "//a:test\n//b:test\n//a:test\n";

        // When
        var act = () => TargetList.Parse(text, "targets.txt");

        // Then
        act.Should().Throw<ScionInputException>().WithMessage("targets.txt:3: '//a:test' is listed twice (first on line 1)*");
    }

    [Fact]
    public void The_targets_file_is_used_instead_of_bazel()
    {
        // Given
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "//acceptance/stun:test\n");
        var bazel = Support.FakeBazel.NotInstalled();
        var variables = Support.Reference.Variables("scion", ("SCION_TEST_TARGETS_FILE", file));

        // When
        var context = ScionEnvironment.CreateContext(variables, Support.FakeGit.ExitingWith(0), bazel);

        // Then
        File.Delete(file);
        bazel.Queries.Should().BeEmpty();
        context.IntegrationTargets.Should().Equal("//acceptance/stun:test");
    }

    [Fact]
    public void A_targets_file_that_cannot_be_read_is_an_error_naming_it()
    {
        // Given
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "targets.txt");
        var variables = Support.Reference.Variables("scion", ("SCION_TEST_TARGETS_FILE", missing));

        // When
        var act = () => ScionEnvironment.CreateContext(variables, Support.FakeGit.ExitingWith(0), Support.FakeBazel.NotInstalled());

        // Then
        act.Should().Throw<ScionInputException>().WithMessage($"SCION_TEST_TARGETS_FILE names '{missing}', which cannot be read:*");
    }

    [Fact]
    public void The_sample_target_list_of_the_readme_matches_the_reference_targets()
    {
        // Given
        var sample = File.ReadAllText(Path.Combine(Support.RepositoryRoot.Path, "samples", "integration-targets.txt"));

        // When
        var targets = TargetList.Parse(sample, "samples/integration-targets.txt");

        // Then
        targets.Should().Equal(Support.Reference.Targets());
    }
}
