using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.CompileErrors;

/// <summary>Attributes the schema requires are <c>required</c> members: leaving one out is compile error CS9035.</summary>
public class RequiredMemberTests
{
    public static TheoryData<string, string> MissingMembers() => new()
    {
        { "new GroupStep { Steps = [Step.Wait] }", "Group" },
        { "new GroupStep { Group = \"g\" }", "Steps" },
        { "new TriggerStep { Label = \"Deploy\" }", "Trigger" },
        { "new TextField { Text = \"Notes\" }", "Key" },
        { "new SelectField { Key = \"k\" }", "Options" },
        { "new SelectField { Options = [] }", "Key" },
        { "new SelectOption { Label = \"Beta\" }", "Value" },
        { "new SelectOption { Value = \"beta\" }", "Label" },
        { "new EmailNotification { If = \"build.state == 'failed'\" }", "Email" },
        { "new WebhookNotification()", "Webhook" },
        { "new PagerdutyNotification()", "PagerdutyChangeEvent" },
        { "new BasecampCampfireNotification()", "BasecampCampfire" },
    };

    [Theory]
    [MemberData(nameof(MissingMembers))]
    public void Missing_required_member_does_not_compile(string expression, string member)
    {
        // Given
        var snippet = $"var value = {expression};";

        // When
        var errors = SnippetCompiler.Errors(snippet);

        // Then
        errors.Should().ContainSingle().Which.Id.Should().Be("CS9035");
        errors[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture).Should().Contain($".{member}'");
    }

    [Theory]
    [MemberData(nameof(MissingMembers))]
    public void Setting_the_required_member_compiles(string expression, string member)
    {
        // Given: the control for the test above.
        var complete = expression.EndsWith("()", StringComparison.Ordinal)
            ? expression[..^2] + $" {{ {member} = {Sample(member)} }}"
            : expression.Replace(" }", $", {member} = {Sample(member)} }}", StringComparison.Ordinal);

        // When
        var errors = SnippetCompiler.Errors($"var value = {complete};");

        // Then
        errors.Should().BeEmpty(complete);
    }

    private static string Sample(string member) => member switch
    {
        "Steps" => "[Step.Wait]",
        "Options" => "[new() { Label = \"A\", Value = \"a\" }]",
        _ => "\"x\"",
    };

    [Fact]
    public void Step_types_cannot_be_derived_outside_the_library()
    {
        // Given: the set of step types is closed, as Buildkite's is.
        const string snippet = "record MyStep : GroupableStep;";

        // When
        var errors = SnippetCompiler.Errors(snippet);

        // Then
        errors.Should().NotBeEmpty();
    }
}
