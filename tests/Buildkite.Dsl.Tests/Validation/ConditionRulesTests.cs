using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Validation;

public class ConditionRulesTests
{
    [Fact]
    public void If_and_branches_together_are_reported()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Key = "deploy", Command = "deploy", If = Build.Tag != null, Branches = "main" });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.IfAndBranches);

        // Then
        diagnostic.Path.Should().Be("steps[0]");
        diagnostic.Field.Should().Be("if");
        diagnostic.Message.Should().Be("The step has both if and branches; Buildkite allows only one of them.");
        diagnostic.Help.Should().StartWith("Express the branch filter in the condition");
    }

    [Fact]
    public void If_alone_passes()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Command = "deploy", If = Build.Branch == "main" });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.IfAndBranches);
    }

    [Fact]
    public void Build_state_in_a_step_condition_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Command = "true", If = Build.State == "passed" });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.Notification);

        // Then
        diagnostic.Field.Should().Be("if");
        diagnostic.Message.Should().Be("'build.state' is available only in conditions of build-level notifications, not in a step's if.");
        diagnostic.Help.Should().Be("Move the notification to Pipeline.Notify, or test something known at upload instead.");
    }

    [Fact]
    public void A_step_variable_in_a_step_condition_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Command = "true", If = "step.outcome == \"passed\"" });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.Notification);

        // Then
        diagnostic.Message.Should().Be("'step.outcome' is available only in conditions of notifications, not in a step's if, which Buildkite evaluates at upload.");
    }

    [Fact]
    public void Build_state_in_a_step_notification_is_reported_at_the_notification()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep
        {
            Command = "true",
            Notify = [new SlackNotification { Channels = ["#ci"] }, new SlackNotification { Channels = ["#ci"], If = ThisPipeline.StartedFailing }],
        });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.Notification);

        // Then
        diagnostic.Field.Should().Be("notify[1].if");
        diagnostic.Message.Should().Be("'pipeline.started_failing' is available only in conditions of build-level notifications, not in a step's notifications.");
    }

    [Fact]
    public void Step_variables_in_a_step_notification_and_build_state_in_a_build_notification_pass()
    {
        // Given
        var pipeline = new Pipeline
        {
            Notify = [new EmailNotification { Email = "ci@example.com", If = Build.State == "failed" & ThisPipeline.StartedFailing }],
            Steps = [new CommandStep { Command = "true", Notify = [new SlackNotification { Channels = ["#ci"], If = ThisStep.Outcome == "hard_failed" }] }],
        };

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.Notification);
    }

    [Fact]
    public void An_unterminated_string_in_a_raw_condition_is_an_error()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Command = "true", If = "build.branch == \"main" });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.InvalidCondition);

        // Then
        diagnostic.IsError.Should().BeTrue();
        diagnostic.Field.Should().Be("if");
        diagnostic.Message.Should().Be("The string starting at character 17 is not closed.");
        diagnostic.Help.Should().Be("Close it with \".");
    }

    [Fact]
    public void An_unbalanced_parenthesis_in_a_raw_condition_is_an_error()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Command = "true", If = "(build.tag != null" });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.InvalidCondition);

        // Then
        diagnostic.Message.Should().Be("A '(' is not closed.");
    }

    [Fact]
    public void A_misspelt_variable_is_a_warning_with_a_suggestion()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Command = "true", If = "build.brnch == \"main\"" });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.InvalidCondition);

        // Then
        diagnostic.IsError.Should().BeFalse();
        diagnostic.Message.Should().Be("'build.brnch' is not a variable Buildkite documents for conditions.");
        diagnostic.Help.Should().Be("Did you mean 'build.branch'?");
    }

    [Fact]
    public void Every_documented_example_condition_passes()
    {
        // Given: the examples of https://buildkite.com/docs/pipelines/configure/conditionals, with '$' literal.
        string[] examples =
        [
            "build.branch == \"main\" || build.branch == \"production\"",
            "build.branch != \"production\"",
            "build.branch =~ /^features\\//",
            "build.branch =~ /\\/release-123$/",
            "build.tag != null",
            "build.tag =~ /^v[0-9]+\\.0$/",
            "build.env(\"BUILDKITE_TAG\") =~ /^v[0-9]+\\.0$/",
            "build.message !~ /\\[skip tests\\]/i",
            "build.source == \"schedule\"",
            "build.env(\"CUSTOM_ENVIRONMENT_VARIABLE\") == \"value\"",
            "build.creator.teams includes \"deploy\"",
            "!build.pull_request.draft",
            "// Don't when the message contains \"skip tests\"\n// Only run on feature branches\nbuild.message !~ /skip tests/ &&\n  build.branch =~ /^feature\\//\n",
        ];
        var pipeline = Checks.Of(examples.Select(e => (Step)new CommandStep { Command = "true", If = e }).ToArray());

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.InvalidCondition);
    }
}
