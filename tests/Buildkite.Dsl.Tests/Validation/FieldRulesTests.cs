using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Validation;

public class FieldRulesTests
{
    [Fact]
    public void A_field_key_with_a_dot_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new BlockStep { Block = "Release", Fields = [new TextField { Key = "release.name", Text = "Name" }] });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.FieldKey);

        // Then
        diagnostic.Path.Should().Be("steps[0]");
        diagnostic.Step.Should().Be("label 'Release'");
        diagnostic.Field.Should().Be("fields[0].key");
        diagnostic.Message.Should().Be("The field key 'release.name' has characters Buildkite does not allow.");
        diagnostic.Help.Should().Be("Use only letters, digits, '-' and '_' in field keys.");
    }

    [Fact]
    public void Two_fields_with_the_same_key_are_reported_at_the_second()
    {
        // Given
        var pipeline = Checks.Of(new InputStep
        {
            Input = "Details",
            Fields = [new TextField { Key = "name" }, new TextField { Key = "name" }],
        });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.FieldKey);

        // Then
        diagnostic.Field.Should().Be("fields[1].key");
        diagnostic.Message.Should().Be("The field key 'name' is also used by fields[0] of this step; each answer needs its own key.");
    }

    [Fact]
    public void Distinct_field_keys_of_letters_digits_dashes_and_underscores_pass()
    {
        // Given
        var pipeline = Checks.Of(new BlockStep
        {
            Block = "Release",
            Fields = [new TextField { Key = "release-name_2" }, new SelectField { Key = "stream", Options = [new() { Label = "Beta", Value = "beta" }] }],
        });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.FieldKey);
    }

    [Fact]
    public void A_select_field_without_options_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new BlockStep { Block = "Release", Fields = [new SelectField { Key = "stream", Options = [] }] });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.SelectWithoutOptions);

        // Then
        diagnostic.Field.Should().Be("fields[0].options");
        diagnostic.Message.Should().Be("The select field has no options; Buildkite requires at least one.");
    }

    [Fact]
    public void A_select_field_with_one_option_passes()
    {
        // Given
        var pipeline = Checks.Of(new BlockStep { Block = "Release", Fields = [new SelectField { Key = "stream", Options = [new() { Label = "Beta", Value = "beta" }] }] });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.SelectWithoutOptions);
    }
}
