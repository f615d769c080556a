using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Validation;

public class KeyRulesTests
{
    [Fact]
    public void A_key_of_101_characters_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Key = new string('k', 101), Command = "true" });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.KeyTooLong);

        // Then
        diagnostic.Path.Should().Be("steps[0]");
        diagnostic.Field.Should().Be("key");
        diagnostic.IsError.Should().BeTrue();
        diagnostic.Message.Should().EndWith("has 101 characters; Buildkite allows at most 100.");
        diagnostic.Help.Should().Be("Shorten the key.");
    }

    [Fact]
    public void A_key_of_100_characters_passes()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Key = new string('k', 100), Command = "true" });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.KeyTooLong);
    }

    [Fact]
    public void A_key_with_a_space_and_a_slash_is_reported_with_the_characters()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Key = "unit tests/linux", Command = "true" });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.KeyCharacters);

        // Then
        diagnostic.Field.Should().Be("key");
        diagnostic.Message.Should().Be("The key 'unit tests/linux' has characters Buildkite does not allow in keys: ' ' (space), '/'.");
        diagnostic.Help.Should().Be("Use only letters, digits and '_', '-', ':', '.', ','.");
    }

    [Fact]
    public void A_key_with_every_allowed_character_passes()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Key = "Az09_-:.,", Command = "true" });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.KeyCharacters);
    }

    [Fact]
    public void A_literal_dollar_in_a_key_is_reported_with_a_hint_to_use_an_upload_time_value()
    {
        // Given: "${TPU}" is literal text here, so the key after upload would be "${TPU}_build" itself.
        var pipeline = Checks.Of(new CommandStep { Key = "${TPU}_build", Command = "true" });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.KeyCharacters);

        // Then
        diagnostic.Message.Should().Be("The key '${TPU}_build' has characters Buildkite does not allow in keys: '$', '{', '}'.");
        diagnostic.Help.Should().StartWith("A literal '$', '{' or '}' would stay in the key after upload; for a value the agent substitutes at upload, put Env.Upload(\"NAME\") into the key.");
    }

    [Fact]
    public void An_upload_time_value_in_a_key_passes_and_is_written_for_the_agent()
    {
        // Given: the schema's own boundary case, ${TPU_VERSION:-tpu6e}_build_docker.
        var step = new CommandStep { Key = $"{Env.Upload("TPU_VERSION").OrDefault("tpu6e")}_build_docker", Command = "true" };
        var pipeline = Checks.Of(step);

        // When
        var yaml = pipeline.ToYaml();

        // Then
        Checks.Passes(pipeline, DiagnosticCodes.KeyCharacters);
        yaml.Should().Contain("key: ${TPU_VERSION:-tpu6e}_build_docker");
    }

    [Fact]
    public void An_upload_time_default_with_a_space_is_reported_because_the_agent_reads_it_in_the_key()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Key = $"{Env.Upload("V").OrDefault("a b")}", Command = "true" });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.KeyCharacters);

        // Then
        diagnostic.Message.Should().Contain("' ' (space)");
    }

    [Fact]
    public void A_uuid_shaped_key_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Key = "0c1d2e3f-aaaa-bbbb-cccc-0123456789ab", Command = "true" });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.KeyLooksLikeUuid);

        // Then
        diagnostic.Path.Should().Be("steps[0]");
        diagnostic.Field.Should().Be("key");
        diagnostic.Message.Should().Be("The key '0c1d2e3f-aaaa-bbbb-cccc-0123456789ab' is shaped like a UUID, which Buildkite reserves for the ids it gives steps.");
    }

    [Fact]
    public void A_key_one_character_short_of_a_uuid_passes()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Key = "0c1d2e3f-aaaa-bbbb-cccc-0123456789a", Command = "true" });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.KeyLooksLikeUuid);
    }

    [Fact]
    public void A_duplicate_key_is_reported_at_the_second_step_naming_the_first()
    {
        // Given
        var pipeline = Checks.Of(
            new CommandStep { Key = "test", Label = "Unit", Command = "true" },
            new GroupStep { Group = "More", Steps = [new CommandStep { Key = "test", Label = "Lint", Command = "true" }] });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.DuplicateKey);

        // Then
        diagnostic.Path.Should().Be("steps[1].steps[0]");
        diagnostic.Step.Should().Be("key 'test'");
        diagnostic.Field.Should().Be("key");
        diagnostic.Message.Should().Be("The key 'test' is already used by steps[0] (key 'test').");
        diagnostic.Help.Should().Be("Keys must be unique across the whole build, including steps of other uploads; rename one of the steps.");
    }

    [Fact]
    public void Distinct_keys_pass()
    {
        // Given
        var pipeline = Checks.Of(
            new CommandStep { Key = "test", Command = "true" },
            new CommandStep { Key = "test2", Command = "true" });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.DuplicateKey);
    }

    [Fact]
    public void A_key_also_declared_external_is_reported_as_a_duplicate()
    {
        // Given
        var pipeline = new Pipeline
        {
            ExternalKeys = ["setup"],
            Steps = [new CommandStep { Key = "setup", Command = "true" }],
        };

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.DuplicateKey);

        // Then
        diagnostic.Message.Should().Be("The key 'setup' is also declared in ExternalKeys, as the key of a step another upload adds; Buildkite rejects a key used twice in a build.");
    }

    [Fact]
    public void The_same_step_object_placed_twice_with_a_derived_key_is_reported_as_a_duplicate()
    {
        // Given: a step without a key that another step depends on gets one derived from its label.
        var build = new CommandStep { Label = "Build", Command = "make" };
        var pipeline = Checks.Of(build, build, new CommandStep { Command = "test", DependsOn = [build] });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.DuplicateKey);

        // Then
        diagnostic.Path.Should().Be("steps[1]");
        diagnostic.Message.Should().Be("The key 'build' is already used by steps[0] (label 'Build').");
    }
}
