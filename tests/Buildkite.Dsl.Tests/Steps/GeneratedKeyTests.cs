using Buildkite.Dsl.Tests.Support;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Steps;

/// <summary>A step that is depended on as an object but has no key gets a deterministic one, written on the step.</summary>
public class GeneratedKeyTests
{
    private static Pipeline BuildAndTest()
    {
        var build = new CommandStep { Label = "Build :bazel:", Command = "make" };
        var test = new CommandStep { Label = "Test", Command = "make test", DependsOn = [build] };
        return new Pipeline { Steps = [build, test] };
    }

    [Fact]
    public void Key_is_derived_from_the_label_and_written_on_the_step_and_the_dependency()
    {
        // Given
        var pipeline = BuildAndTest();

        // When
        var yaml = pipeline.ToYaml();

        // Then
        yaml.Should().Be("steps:\n- label: 'Build :bazel:'\n  key: build_bazel\n  command: make\n- label: Test\n  command: make test\n  depends_on:\n  - build_bazel\n");
    }

    [Fact]
    public void Key_is_the_same_on_every_run()
    {
        // Given
        var first = BuildAndTest();
        var second = BuildAndTest();

        // When
        var yaml = (first.ToYaml(), first.ToYaml(), second.ToYaml());

        // Then
        yaml.Item2.Should().Be(yaml.Item1);
        yaml.Item3.Should().Be(yaml.Item1);
    }

    [Fact]
    public void Keys_are_unique_among_generated_and_given_keys()
    {
        // Given
        var first = new CommandStep { Label = "Build", Command = "make a" };
        var second = new CommandStep { Label = "build!", Command = "make b" };
        var given = new CommandStep { Label = "Other", Key = "build_2", Command = "make c" };
        var test = new CommandStep { Label = "Test", Command = "make test", DependsOn = [first, second] };
        var pipeline = new Pipeline { Steps = [first, second, given, test] };

        // When
        var root = IndependentYaml.Parse(pipeline.ToYaml());

        // Then
        IndependentYaml.Find(root, "steps/0/key").ToString().Should().Be("build");
        IndependentYaml.Find(root, "steps/1/key").ToString().Should().Be("build_3");
        IndependentYaml.Find(root, "steps/3/depends_on/0").ToString().Should().Be("build");
        IndependentYaml.Find(root, "steps/3/depends_on/1").ToString().Should().Be("build_3");
    }

    [Fact]
    public void Equal_steps_are_told_apart_by_identity()
    {
        // Given: records compare by value, but a dependency names one object.
        var first = new CommandStep { Label = "Lint", Command = "make lint" };
        var second = new CommandStep { Label = "Lint", Command = "make lint" };
        var after = new CommandStep { Label = "After", Command = "true", DependsOn = [second] };
        var pipeline = new Pipeline { Steps = [first, second, after] };

        // When
        var root = IndependentYaml.Parse(pipeline.ToYaml());

        // Then
        ((YamlDotNet.RepresentationModel.YamlMappingNode)IndependentYaml.Find(root, "steps/0")).Children.Should().NotContainKey(new YamlDotNet.RepresentationModel.YamlScalarNode("key"));
        IndependentYaml.Find(root, "steps/1/key").ToString().Should().Be("lint");
    }

    [Fact]
    public void Step_without_a_label_is_named_by_its_type()
    {
        // Given
        var wait = new WaitStep();
        var block = new BlockStep();
        var after = new CommandStep { Command = "make", DependsOn = [wait, block] };
        var pipeline = new Pipeline { Steps = [wait, block, after] };

        // When
        var yaml = pipeline.ToYaml();

        // Then
        yaml.Should().Be("steps:\n- wait: ~\n  key: wait\n- type: block\n  key: block\n- command: make\n  depends_on:\n  - wait\n  - block\n");
    }

    [Fact]
    public void Group_and_steps_inside_groups_get_keys_too()
    {
        // Given
        var lint = new CommandStep { Label = "Lint", Command = "make lint" };
        var checks = new GroupStep { Group = ":white_check_mark: Checks", Steps = [lint] };
        var deploy = new CommandStep { Label = "Deploy", Command = "make deploy", DependsOn = [checks, lint] };
        var pipeline = new Pipeline { Steps = [checks, deploy] };

        // When
        var root = IndependentYaml.Parse(pipeline.ToYaml());

        // Then
        IndependentYaml.Find(root, "steps/0/key").ToString().Should().Be("white_check_mark_checks");
        IndependentYaml.Find(root, "steps/0/steps/0/key").ToString().Should().Be("lint");
    }

    [Fact]
    public void Key_keeps_letters_with_accents_and_drops_other_characters()
    {
        // Given
        var build = new CommandStep { Label = "Zürich — Déploiement ${X}", Command = "make" };
        var after = new CommandStep { Command = "true", DependsOn = [build] };

        // When
        var root = IndependentYaml.Parse(new Pipeline { Steps = [build, after] }.ToYaml());

        // Then
        IndependentYaml.Find(root, "steps/0/key").ToString().Should().Be("zurich_deploiement_x");
    }

    [Fact]
    public void Label_with_a_broken_surrogate_is_reported_not_thrown()
    {
        // Given
        var build = new CommandStep { Label = "Build \uD83D", Command = "make" };
        var after = new CommandStep { Command = "true", DependsOn = [build] };

        // When
        var diagnostics = new Pipeline { Steps = [build, after] }.Validate();

        // Then
        diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.UnencodableText && d.Field == "label");
    }

    [Fact]
    public void Long_label_gives_a_key_of_at_most_sixty_characters()
    {
        // Given
        var build = new CommandStep { Label = string.Join(' ', Enumerable.Repeat("word", 40)), Command = "make" };
        var after = new CommandStep { Command = "true", DependsOn = [build] };

        // When
        var root = IndependentYaml.Parse(new Pipeline { Steps = [build, after] }.ToYaml());

        // Then
        var key = IndependentYaml.Find(root, "steps/0/key").ToString();
        key.Length.Should().BeLessThanOrEqualTo(60);
        key.Should().MatchRegex("^[a-z0-9_]+$").And.NotEndWith("_");
    }

    [Fact]
    public void Generated_keys_are_valid_against_the_schema()
    {
        // Given
        var steps = new[] { "Build :bazel:", "", "123", "---", "ü", "a b c" }.Select(l => new CommandStep { Label = l, Command = "make" }).ToList();
        var after = new CommandStep { Command = "true", DependsOn = steps.Select(s => (Dependency)s).ToList() };

        // When
        var yaml = new Pipeline { Steps = [.. steps, after] }.ToYaml();

        // Then
        PipelineSchema.ShouldAcceptYaml(yaml);
    }

    [Fact]
    public void Step_that_is_not_depended_on_gets_no_key()
    {
        // Given
        var pipeline = new Pipeline { Steps = [new CommandStep { Label = "Build", Command = "make" }] };

        // When
        var keys = Written.KeysOf(pipeline.Steps[0]);

        // Then
        keys.Should().NotContain("key");
    }

    [Fact]
    public void Dependency_on_a_step_outside_the_pipeline_without_a_key_is_reported()
    {
        // Given
        var elsewhere = new CommandStep { Label = "Elsewhere", Command = "make" };
        var pipeline = new Pipeline { Steps = [new CommandStep { Key = "after", Command = "true", DependsOn = [elsewhere] }] };

        // When
        var diagnostics = pipeline.Validate();

        // Then
        var diagnostic = diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.DependencyNotInPipeline).Subject;
        diagnostic.Path.Should().Be("steps[0]");
        diagnostic.Field.Should().Be("depends_on");
        diagnostic.Message.Should().Contain("'Elsewhere'");
    }

    [Fact]
    public void Dependency_on_a_step_outside_the_pipeline_with_a_key_uses_the_key()
    {
        // Given
        var elsewhere = new CommandStep { Key = "uploaded", Command = "make" };
        var after = new CommandStep { Command = "true", DependsOn = [elsewhere] };

        // When
        var json = Written.Json(after, "depends_on");

        // Then
        json.Should().Be("""["uploaded"]""");
    }
}
