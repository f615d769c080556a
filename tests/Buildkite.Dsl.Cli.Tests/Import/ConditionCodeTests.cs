using Buildkite.Dsl.Cli.Import;

namespace Buildkite.Dsl.Cli.Tests.Import;

public class ConditionCodeTests
{
    [Theory]
    [InlineData("build.branch == \"main\"", "Build.Branch == \"main\"")]
    [InlineData("build.branch == 'main'", "Build.Branch == \"main\"")]
    [InlineData("build.tag != null", "Build.Tag != null")]
    [InlineData("!build.pull_request.draft", "!Build.PullRequest.Draft")]
    [InlineData("build.number == 5", "Build.Number == 5")]
    [InlineData("build.env(\"DEPLOY\") == \"true\"", "Build.Env(\"DEPLOY\") == \"true\"")]
    [InlineData("build.message !~ /\\[skip ci\\]/i", "Build.Message.DoesNotMatch(@\"\\[skip ci\\]\", RegexOptions.IgnoreCase)")]
    [InlineData("build.branch =~ /^release\\//", "Build.Branch.Matches(\"^release/\")")]
    [InlineData("build.creator.teams includes \"ops\"", "Build.Creator.Teams.Includes(\"ops\")")]
    [InlineData("build.pull_request.base_branch == pipeline.default_branch", "Build.PullRequest.BaseBranch == ThisPipeline.DefaultBranch")]
    [InlineData("a.b", "\"a.b\"")]
    public void A_condition_is_written_with_the_builder_when_it_means_the_same(string expression, string code)
    {
        ConditionCode.For(expression).Key().Should().Be(code);
    }

    [Fact]
    public void And_binds_tighter_than_or_and_parentheses_stay_where_they_are_needed()
    {
        ConditionCode.For("build.tag != null || build.branch == \"main\" && !build.pull_request.draft").Key()
            .Should().Be("Build.Tag != null | Build.Branch == \"main\" & !Build.PullRequest.Draft");
        ConditionCode.For("(build.tag != null || build.branch == \"main\") && !(build.source == \"schedule\")").Key()
            .Should().Be("(Build.Tag != null | Build.Branch == \"main\") & !(Build.Source == \"schedule\")");
    }

    [Theory]
    [InlineData("build.branch == 'main' || build.unknown == 'x'")]
    [InlineData("\"main\" == \"main\"")]
    [InlineData("!build.branch == \"main\"")]
    [InlineData("build.branch =~ /^v1\\$/")]
    [InlineData("build.branch =~ /[/")]
    public void A_condition_the_builder_cannot_write_alike_stays_text(string expression)
    {
        ConditionCode.For(expression).Key().Should().MatchRegex("^@?\"").And.NotContain("Build.");
    }
}
