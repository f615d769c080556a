using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Steps;

public class SecretsTests
{
    [Fact]
    public void Collection_expression_is_the_list_of_names()
    {
        // Given
        var step = new CommandStep { Command = "make", Secrets = ["API_TOKEN", "SSH_KEY"] };

        // When
        var json = Written.Json(step, "secrets");

        // Then
        step.Secrets!.IsList.Should().BeTrue();
        step.Secrets.Names.Should().Equal("API_TOKEN", "SSH_KEY");
        json.Should().Be("""["API_TOKEN","SSH_KEY"]""");
    }

    [Fact]
    public void Indexer_initializer_is_the_map_form()
    {
        // Given
        var step = new CommandStep { Command = "make", Secrets = new() { ["GITHUB_TOKEN"] = "github_bot_token" } };

        // When
        var json = Written.Json(step, "secrets");

        // Then
        step.Secrets!.IsList.Should().BeFalse();
        step.Secrets["GITHUB_TOKEN"].Should().Be("github_bot_token");
        json.Should().Be("""{"GITHUB_TOKEN":"github_bot_token"}""");
    }

    [Fact]
    public void Dictionary_converts_to_the_map_form()
    {
        // Given
        var variables = new Dictionary<string, string> { ["A"] = "a", ["B"] = "b" };

        // When
        var step = new CommandStep { Command = "make", Secrets = variables };

        // Then
        step.Secrets!.Should().Equal("A", "B");
        Written.Json(step, "secrets").Should().Be("""{"A":"a","B":"b"}""");
    }

    [Fact]
    public void Pipeline_secrets_are_written_at_top_level()
    {
        // Given
        var pipeline = new Pipeline { Secrets = ["DEPLOY_KEY"], Steps = [new CommandStep { Command = "make" }] };

        // When
        var yaml = Written.Yaml(pipeline);

        // Then
        yaml.Should().Be("secrets:\n- DEPLOY_KEY\nsteps:\n- command: make\n");
    }
}
