using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Conditions;

public class ConditionLiteralTests
{
    [Fact]
    public void String_converts_to_a_condition_written_as_given()
    {
        // Given
        var step = new CommandStep { Command = "make", If = "build.branch == \"main\" && build.tag =~ /^v[0-9]+$/" };

        // When
        var json = Written.Json(step, "if");

        // Then
        step.If!.Expression.Should().Be("build.branch == \"main\" && build.tag =~ /^v[0-9]+$/");
        json.Should().Be("\"build.branch == \\\"main\\\" && build.tag =~ /^v[0-9]+$$/\"");
    }

    [Fact]
    public void Condition_starting_with_an_exclamation_mark_is_quoted()
    {
        // Given
        var step = new CommandStep { Command = "make", If = "!build.pull_request.draft" };

        // When
        var yaml = Written.Yaml(step);

        // Then
        yaml.Should().Contain("  if: '!build.pull_request.draft'\n");
        Written.Json(step, "if").Should().Be("\"!build.pull_request.draft\"");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_condition_is_refused(string expression)
    {
        // Given
        var act = () => new Condition(expression);

        // When
        var thrown = act.Should().Throw<ArgumentException>();

        // Then
        thrown.Which.ParamName.Should().Be("expression");
    }
}
