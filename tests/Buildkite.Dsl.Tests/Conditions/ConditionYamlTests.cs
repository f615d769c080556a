using System.Text.RegularExpressions;

namespace Buildkite.Dsl.Tests.Conditions;

public class ConditionYamlTests
{
    private static string Written(Condition condition) =>
        new Pipeline { Steps = [new CommandStep { Command = "true", If = condition }] }.ToYaml();

    [Fact]
    public void A_regex_anchor_is_written_as_double_dollar_for_upload()
    {
        // Given
        var condition = Build.Branch.Matches(new Regex("/feature$"));

        // When
        var yaml = Written(condition);

        // Then
        yaml.Should().Contain("if: build.branch =~ /\\/feature$$/\n");
    }

    [Fact]
    public void A_condition_starting_with_not_is_quoted_so_yaml_does_not_read_a_tag()
    {
        // Given
        var condition = !Build.PullRequest.Draft;

        // When
        var yaml = Written(condition);

        // Then
        yaml.Should().Contain("if: '!build.pull_request.draft'\n");
    }

    [Fact]
    public void A_condition_read_back_from_the_yaml_has_the_same_text()
    {
        // Given
        var condition = !Build.PullRequest.Draft & Build.Tag.Matches(@"^v[0-9]+\.0$") | Build.Env("FORCE") == "$yes";

        // When
        var read = Pipeline.FromYaml(Written(condition)).Steps[0].If;

        // Then
        read!.Expression.Should().Be(condition.Expression);
    }

    [Fact]
    public void A_condition_is_written_the_same_in_json()
    {
        // Given
        var pipeline = new Pipeline { Steps = [new CommandStep { Command = "true", If = Build.Tag.Matches("v1$") }] };

        // When
        var json = pipeline.ToJson();

        // Then
        json.Should().Contain("\"if\": \"build.tag =~ /v1$$/\"");
    }

    [Fact]
    public void An_upload_time_value_can_stand_in_a_string_literal()
    {
        // Given
        var condition = Build.Branch == Env.Upload("RELEASE_BRANCH");

        // When
        var yaml = Written(condition);

        // Then
        yaml.Should().Contain("if: build.branch == \"${RELEASE_BRANCH}\"\n");
    }
}
