using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Steps;

public class DependencyTests
{
    [Fact]
    public void Step_object_converts_to_a_dependency_on_its_key()
    {
        // Given
        var build = new CommandStep { Key = "build", Command = "make" };
        var test = new CommandStep { Command = "make test", DependsOn = [build] };

        // When
        var json = Written.Json(test, "depends_on");

        // Then
        test.DependsOn!.Single().Step.Should().BeSameAs(build);
        json.Should().Be("""["build"]""");
    }

    [Fact]
    public void String_converts_to_a_dependency_on_a_key()
    {
        // Given
        var test = new CommandStep { Command = "make test", DependsOn = ["uploaded-elsewhere"] };

        // When
        var json = Written.Json(test, "depends_on");

        // Then
        test.DependsOn!.Single().Key.Should().Be("uploaded-elsewhere");
        json.Should().Be("""["uploaded-elsewhere"]""");
    }

    [Fact]
    public void Allow_failure_writes_the_object_form()
    {
        // Given
        var build = new CommandStep { Key = "build", Command = "make" };
        var test = new CommandStep { Command = "make test", DependsOn = [new Dependency(build) { AllowFailure = true }, new Dependency("lint") { AllowFailure = false }, "docs"] };

        // When
        var json = Written.Json(test, "depends_on");

        // Then
        json.Should().Be("""[{"step":"build","allow_failure":true},{"step":"lint","allow_failure":false},"docs"]""");
    }

    [Fact]
    public void Empty_list_is_written_and_means_start_at_once()
    {
        // Given
        var step = new CommandStep { Command = "make", DependsOn = [] };

        // When
        var yaml = Written.Yaml(step);

        // Then
        yaml.Should().Be("steps:\n- command: make\n  depends_on: []\n");
    }

    [Fact]
    public void Null_is_not_written()
    {
        // Given
        var step = new CommandStep { Command = "make" };

        // When
        var keys = Written.KeysOf(step);

        // Then
        keys.Should().NotContain("depends_on");
    }

    [Fact]
    public void Empty_key_is_refused()
    {
        // Given
        var act = () => new Dependency(string.Empty);

        // When
        var thrown = act.Should().Throw<ArgumentException>();

        // Then
        thrown.Which.ParamName.Should().Be("key");
    }
}
