using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Validation;

public class DependencyRulesTests
{
    [Fact]
    public void Unknown_depends_on_key_is_reported_with_the_step_path_and_a_suggestion()
    {
        // Given
        var pipeline = Checks.Of(
            new CommandStep { Key = "build", Command = "make" },
            new GroupStep { Group = "Tests", Steps = [new CommandStep { Key = "unit", Command = "make test", DependsOn = ["biuld"] }] });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.UnknownDependency);

        // Then
        diagnostic.Path.Should().Be("steps[1].steps[0]");
        diagnostic.Step.Should().Be("key 'unit'");
        diagnostic.Field.Should().Be("depends_on[0]");
        diagnostic.Message.Should().Be("depends_on names the key 'biuld', which no step of this pipeline has; Buildkite fails the build when a dependency does not exist.");
        diagnostic.Help.Should().Be("Did you mean 'build'? If another upload adds that step, declare its key in Pipeline.ExternalKeys.");
    }

    [Fact]
    public void A_depends_on_key_declared_external_passes()
    {
        // Given
        var pipeline = new Pipeline
        {
            ExternalKeys = ["pipeline-upload"],
            Steps = [new CommandStep { Command = "make", DependsOn = ["pipeline-upload"] }],
        };

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.UnknownDependency);
    }

    [Fact]
    public void A_depends_on_key_given_as_a_string_that_a_step_has_passes()
    {
        // Given
        var pipeline = Checks.Of(
            new CommandStep { Command = "make test", DependsOn = ["build"] },
            new CommandStep { Key = "build", Command = "make" });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.UnknownDependency);
    }

    [Fact]
    public void A_step_that_depends_on_itself_is_reported()
    {
        // Given
        var pipeline = Checks.Of(new CommandStep { Key = "a", Command = "true", DependsOn = ["a"] });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.SelfDependency);

        // Then
        diagnostic.Path.Should().Be("steps[0]");
        diagnostic.Field.Should().Be("depends_on[0]");
        diagnostic.Message.Should().Be("The step depends on itself, so it can never start.");
        diagnostic.Help.Should().Be("Remove this entry from DependsOn.");
    }

    [Fact]
    public void A_cycle_of_dependencies_is_reported_once_with_its_path()
    {
        // Given
        var pipeline = Checks.Of(
            new CommandStep { Key = "a", Command = "true", DependsOn = ["c"] },
            new CommandStep { Key = "b", Command = "true", DependsOn = ["a"] },
            new CommandStep { Key = "c", Command = "true", DependsOn = ["b"] });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.DependencyCycle);

        // Then
        diagnostic.Path.Should().Be("steps[0]");
        diagnostic.Field.Should().Be("depends_on");
        diagnostic.Message.Should().Be(
            "These steps wait for each other in a cycle, so none of them can start: "
            + "steps[0] (key 'a') → steps[2] (key 'c') → steps[1] (key 'b') → steps[0] (key 'a').");
        diagnostic.Help.Should().StartWith("Each arrow means 'waits for'");
    }

    [Fact]
    public void A_chain_without_a_cycle_passes()
    {
        // Given
        var pipeline = Checks.Of(
            new CommandStep { Key = "a", Command = "true" },
            new CommandStep { Key = "b", Command = "true", DependsOn = ["a"] },
            new CommandStep { Key = "c", Command = "true", DependsOn = ["a", "b"] });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.DependencyCycle);
    }

    [Fact]
    public void Depending_on_a_later_step_across_a_wait_is_reported_as_a_cycle_through_the_wait()
    {
        // Given: a waits for b, b waits for the wait, and the wait waits for a.
        var pipeline = Checks.Of(
            new CommandStep { Key = "a", Command = "true", DependsOn = ["b"] },
            Step.Wait,
            new CommandStep { Key = "b", Command = "true" });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.DependencyCycle);

        // Then
        diagnostic.Message.Should().EndWith("steps[0] (key 'a') → steps[2] (key 'b') → steps[1] (wait step) → steps[0] (key 'a').");
    }

    [Fact]
    public void Depending_on_a_later_step_that_ignores_the_wait_passes()
    {
        // Given: depends_on: [] makes b start at once, ignoring the wait.
        var pipeline = Checks.Of(
            new CommandStep { Key = "a", Command = "true", DependsOn = ["b"] },
            Step.Wait,
            new CommandStep { Key = "b", Command = "true", DependsOn = [] });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.DependencyCycle);
    }

    [Fact]
    public void A_step_depending_on_its_own_group_is_reported_as_a_cycle()
    {
        // Given
        var pipeline = Checks.Of(new GroupStep
        {
            Group = "Tests",
            Key = "tests",
            Steps = [new CommandStep { Key = "unit", Command = "true", DependsOn = ["tests"] }],
        });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.DependencyCycle);

        // Then
        diagnostic.Message.Should().EndWith("steps[0] (key 'tests') → steps[0].steps[0] (key 'unit') → steps[0] (key 'tests').");
    }

    [Fact]
    public void A_step_depending_on_another_group_passes()
    {
        // Given
        var pipeline = Checks.Of(
            new GroupStep { Group = "Build", Key = "build", Steps = [new CommandStep { Command = "make" }] },
            new GroupStep { Group = "Tests", Steps = [new CommandStep { Command = "make test", DependsOn = ["build"] }] });

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.DependencyCycle);
    }

    [Fact]
    public void A_dependency_on_a_step_object_outside_the_pipeline_without_a_key_is_reported()
    {
        // Given
        var elsewhere = new CommandStep { Label = "Elsewhere", Command = "true" };
        var pipeline = Checks.Of(new CommandStep { Key = "a", Command = "true", DependsOn = [elsewhere] });

        // When
        var diagnostic = Checks.Single(pipeline, DiagnosticCodes.DependencyNotInPipeline);

        // Then
        diagnostic.Path.Should().Be("steps[0]");
        diagnostic.Field.Should().Be("depends_on");
    }

    [Fact]
    public void A_dependency_on_a_step_object_outside_the_pipeline_with_an_external_key_passes()
    {
        // Given
        var elsewhere = new CommandStep { Key = "setup", Command = "true" };
        var pipeline = new Pipeline
        {
            ExternalKeys = ["setup"],
            Steps = [new CommandStep { Key = "a", Command = "true", DependsOn = [elsewhere] }],
        };

        // When, Then
        Checks.Passes(pipeline, DiagnosticCodes.UnknownDependency);
    }

    [Fact]
    public void A_chain_of_ten_thousand_dependencies_is_checked_without_deep_recursion()
    {
        // Given: each step depends on the next, and the last on the first.
        const int Count = 10_000;
        var steps = new Step[Count];
        for (var i = 0; i < Count; i++)
        {
            steps[i] = new CommandStep { Key = $"s{i}", Command = "true", DependsOn = [$"s{(i + 1) % Count}"] };
        }

        // When
        var diagnostics = Checks.All(Checks.Of(steps), DiagnosticCodes.DependencyCycle);

        // Then
        diagnostics.Should().ContainSingle().Which.Message.Should().EndWith(
            "steps[0] (key 's0') → steps[1] (key 's1') → steps[2] (key 's2') → steps[3] (key 's3') → steps[4] (key 's4') → steps[5] (key 's5')"
            + " → … 9988 more steps … → steps[9994] (key 's9994') → steps[9995] (key 's9995') → steps[9996] (key 's9996')"
            + " → steps[9997] (key 's9997') → steps[9998] (key 's9998') → steps[9999] (key 's9999') → steps[0] (key 's0').");
    }
}
