using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Validation;

public class SecretRulesTests
{
    [Fact]
    public void A_literal_token_in_step_env_is_reported_with_how_to_use_buildkite_secrets()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep
        {
            Key = "deploy",
            Command = "deploy",
            Env = new Dictionary<string, string> { ["DEPLOY_TOKEN"] = "ghp_abcdef123456" },
        });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.LiteralSecret);

        // Then
        diagnostic.Path.Should().Be("steps[0]");
        diagnostic.Field.Should().Be("env.DEPLOY_TOKEN");
        diagnostic.Message.Should().Be(
            "The env value of DEPLOY_TOKEN looks like a literal secret: the name matches '*_TOKEN' and the value has 16 bytes. "
            + "Agent v4 rejects such an upload, and the value would show in the Buildkite UI.");
        diagnostic.Help.Should().Be(
            "Keep the value out of the pipeline: store it as a Buildkite secret and give it to the job with Secrets = [\"DEPLOY_TOKEN\"] "
            + "(or Secrets = new() { [\"DEPLOY_TOKEN\"] = \"secret-name\" }), or let the agent's environment or a hook provide it when the job runs.");
    }

    [Fact]
    public void A_literal_password_in_pipeline_env_is_reported()
    {
        // Given
        var pipeline = new Pipeline
        {
            Env = new Dictionary<string, string> { ["DB_PASSWORD"] = "hunter22" },
            Steps = [new CommandStep { Command = "true" }],
        };

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.LiteralSecret);

        // Then
        diagnostic.Path.Should().BeNull();
        diagnostic.Field.Should().Be("env.DB_PASSWORD");
    }

    [Fact]
    public void A_literal_api_key_in_trigger_build_env_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new TriggerStep
        {
            Trigger = "deploy",
            Build = new() { Env = new Dictionary<string, string> { ["SENTRY_API_KEY"] = "0123456789" } },
        });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.LiteralSecret);

        // Then
        diagnostic.Field.Should().Be("build.env.SENTRY_API_KEY");
    }

    [Fact]
    public void An_upload_time_value_under_a_secret_like_name_is_reported_because_the_agent_checks_after_substituting()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep
        {
            Command = "deploy",
            Env = new Dictionary<string, string> { ["NPM_TOKEN"] = Env.Upload("NPM_TOKEN") },
        });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.LiteralSecret);

        // Then
        diagnostic.Message.Should().Be(
            "The env value of NPM_TOKEN is filled in at upload (${NPM_TOKEN}): the agent puts the value into the pipeline, where the Buildkite UI shows it, "
            + "and agent v4 rejects the upload when it has 6 bytes or more, because the name matches '*_TOKEN'.");
    }

    [Fact]
    public void A_value_of_five_bytes_a_run_time_reference_and_a_harmless_name_pass()
    {
        // Given: the agent ignores values under 6 bytes and values that are only a run-time $VAR reference.
        var pipeline = Checks.Of(new CommandStep
        {
            Command = "deploy",
            Env = new Dictionary<string, string>
            {
                ["GITHUB_TOKEN"] = "$GITHUB_TOKEN_FROM_VAULT",
                ["AWS_SECRET_ACCESS_KEY"] = "${AWS_KEY}",
                ["SHORT_TOKEN"] = "none!",
                ["TOKEN_COUNT"] = "1234567",
            },
        });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.LiteralSecret);
    }

    [Fact]
    public void A_run_time_reference_with_a_default_is_reported_because_the_default_is_a_literal()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep
        {
            Command = "deploy",
            Env = new Dictionary<string, string> { ["DEPLOY_TOKEN"] = "${VAULT_TOKEN:-fallback-token}" },
        });

        // When, Then
        Checks.Single(pipeline, DiagnosticCodes.LiteralSecret).Field.Should().Be("env.DEPLOY_TOKEN");
    }

    [Fact]
    public void Secret_names_are_matched_ignoring_case_as_windows_agents_do()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Command = "true", Env = new Dictionary<string, string> { ["deploy_token"] = "abcdefgh" } });

        // When, Then
        Checks.Single(pipeline, DiagnosticCodes.LiteralSecret).Field.Should().Be("env.deploy_token");
    }
}
