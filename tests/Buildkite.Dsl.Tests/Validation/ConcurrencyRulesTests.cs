using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Validation;

public class ConcurrencyRulesTests
{
    [Fact]
    public void Concurrency_without_a_group_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Key = "deploy", Command = "deploy", Concurrency = 1 });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.ConcurrencyPair);

        // Then
        diagnostic.Path.Should().Be("steps[0]");
        diagnostic.Field.Should().Be("concurrency");
        diagnostic.Message.Should().Be("concurrency is set without concurrency_group; Buildkite needs both to limit how many jobs run at once.");
        diagnostic.Help.Should().Be("Set ConcurrencyGroup to a name shared by the steps to limit, for example \"my-pipeline/deploy\".");
    }

    [Fact]
    public void A_concurrency_group_without_concurrency_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Command = "deploy", ConcurrencyGroup = "deploys" });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.ConcurrencyPair);

        // Then
        diagnostic.Field.Should().Be("concurrency_group");
    }

    [Fact]
    public void Concurrency_with_a_group_and_a_method_passes()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep
        {
            Command = "deploy",
            Concurrency = 1,
            ConcurrencyGroup = "deploys",
            ConcurrencyMethod = ConcurrencyMethod.Eager,
        });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.ConcurrencyPair);
        Checks.Passes(pipeline, DiagnosticCodes.ConcurrencyMethodAlone);
    }

    [Fact]
    public void A_concurrency_method_alone_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Command = "deploy", ConcurrencyMethod = ConcurrencyMethod.Ordered });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.ConcurrencyMethodAlone);

        // Then
        diagnostic.Field.Should().Be("concurrency_method");
        diagnostic.Message.Should().Be("concurrency_method is set, but it applies only when both concurrency and concurrency_group are set.");
        diagnostic.Help.Should().Be("Set Concurrency and ConcurrencyGroup too, or remove ConcurrencyMethod.");
    }

    [Fact]
    public void A_concurrency_group_of_201_characters_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Command = "deploy", Concurrency = 1, ConcurrencyGroup = new string('g', 201) });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.ConcurrencyGroupTooLong);

        // Then
        diagnostic.Field.Should().Be("concurrency_group");
        diagnostic.Message.Should().Be("The concurrency_group has 201 characters; Buildkite allows at most 200.");
    }

    [Fact]
    public void A_concurrency_group_of_200_characters_passes()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Command = "deploy", Concurrency = 1, ConcurrencyGroup = new string('g', 200) });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.ConcurrencyGroupTooLong);
    }
}
