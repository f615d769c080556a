using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Interpolation;

public class EnvTests
{
    private static string Written(string command) =>
        new Pipeline { Steps = [new CommandStep { Command = command }] }.ToYaml();

    [Fact]
    public void Literal_text_is_the_default_and_every_dollar_is_doubled()
    {
        // Given, When
        var yaml = Written("echo $HOME ${USER} $$ $(date) $1");

        // Then
        yaml.Should().Contain("command: echo $$HOME $${USER} $$$$ $$(date) $$1\n");
    }

    [Fact]
    public void An_upload_time_value_is_written_as_the_agent_expands_it()
    {
        // Given
        var version = Env.Upload("SCION_VERSION");

        // When
        var yaml = Written($"make dist VERSION={version} HOME=$HOME");

        // Then
        yaml.Should().Contain("command: make dist VERSION=${SCION_VERSION} HOME=$$HOME\n");
    }

    [Theory]
    [InlineData("default", "${V:-dev}")]
    [InlineData("unset-default", "${V-dev}")]
    [InlineData("required", "${V?}")]
    [InlineData("required-message", "${V?set V to the version}")]
    [InlineData("substring", "${V:0:7}")]
    [InlineData("substring-from", "${V:3}")]
    [InlineData("substring-from-end", "${V: -4}")]
    public void Every_form_the_agent_accepts_can_be_built(string form, string expansion)
    {
        // Given, When
        var variable = form switch
        {
            "default" => Env.Upload("V").OrDefault("dev"),
            "unset-default" => Env.Upload("V").OrDefaultWhenUnset("dev"),
            "required" => Env.Required("V"),
            "required-message" => Env.Required("V", "set V to the version"),
            "substring" => Env.Upload("V").Substring(0, 7),
            "substring-from" => Env.Upload("V").Substring(3),
            _ => Env.Upload("V").Substring(-4),
        };

        // Then
        variable.Expansion.Should().Be(expansion);
        Written(variable).Should().Contain(expansion);
    }

    [Fact]
    public void A_default_may_hold_another_upload_time_value_and_literal_dollars()
    {
        // Given, When
        var variable = Env.Upload("TAG").OrDefault($"{Env.Upload("BUILDKITE_COMMIT").Substring(0, 7)}-$x");

        // Then
        variable.Expansion.Should().Be("${TAG:-${BUILDKITE_COMMIT:0:7}-$$x}");
        AgentInterpolation.Interpolate(variable.Expansion, new Dictionary<string, string> { ["BUILDKITE_COMMIT"] = "0123456789" })
            .Should().Be("0123456-$x");
    }

    [Fact]
    public void A_default_with_a_closing_brace_is_rejected()
    {
        // Given
        var act = () => Env.Upload("V").OrDefault("a}b");

        // When, Then
        act.Should().Throw<ArgumentException>().WithMessage("'a}b' cannot be written inside ${V…}: the agent would end the expansion at its '}'.*");
    }

    [Fact]
    public void A_default_with_a_dollar_after_a_backslash_is_rejected_when_it_is_built()
    {
        // Given
        var act = () => Env.Upload("V").OrDefault(@"\$x");

        // When, Then
        act.Should().Throw<ArgumentException>().WithMessage("*odd number of backslashes*");
    }

    [Theory]
    [InlineData("1X")]
    [InlineData("_X")]
    [InlineData("A-B")]
    [InlineData("")]
    public void A_name_the_agent_cannot_expand_is_rejected(string name)
    {
        // Given
        var act = () => Env.Upload(name);

        // When, Then
        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("${V:?}", "Unable to parse offset")]
    [InlineData("${V:?message}", "Unable to parse offset")]
    [InlineData("${V:+x}", "Unable to parse offset")]
    [InlineData("${V:=x}", "Unable to parse offset")]
    [InlineData("${#V}", "must start with a letter")]
    [InlineData("${!V}", "must start with a letter")]
    [InlineData("${V//a/b}", "Expected an operator")]
    [InlineData("${V", "unterminated")]
    public void Raw_agent_text_in_a_form_the_agent_rejects_is_an_error(string text, string reason)
    {
        // Given
        var act = () => Env.Raw(text);

        // When, Then
        act.Should().Throw<ArgumentException>().WithMessage($"*{reason}*");
    }

    [Fact]
    public void Raw_agent_text_keeps_its_meaning()
    {
        // Given
        var model = Env.Raw("echo ${BUILDKITE_BRANCH:-main} $$HOME \\$USER");

        // When
        var yaml = Written(model);

        // Then
        yaml.Should().Contain("command: echo ${BUILDKITE_BRANCH:-main} $$HOME $$USER\n");
    }

    [Fact]
    public void A_form_the_agent_rejects_in_a_pipeline_read_from_yaml_is_reported_at_its_line()
    {
        // Given
        const string Yaml = """
            steps:
              - command: deploy ${SERVER:?not set}
            """;

        // When
        var act = () => Pipeline.FromYaml(Yaml, "pipeline.yml");

        // Then
        var diagnostic = act.Should().Throw<PipelineException>().Which.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(DiagnosticCodes.InvalidExpansion);
        diagnostic.Location.ToString().Should().Be("pipeline.yml:2:14");
        diagnostic.Message.Should().Contain("Unable to parse offset");
    }

    [Fact]
    public void Runtime_writes_a_shell_reference_for_the_job()
    {
        // Given, When
        var yaml = Written($"echo {Env.Runtime("BUILDKITE_BUILD_NUMBER")}");

        // Then
        yaml.Should().Contain("command: echo $${BUILDKITE_BUILD_NUMBER}\n");
    }

    [Fact]
    public void Pipeline_env_is_written_in_the_order_given()
    {
        // Given
        var env = new OrderedDictionary<string, string> { ["Z"] = "1", ["A"] = $"{Env.Upload("Z")}2", ["M"] = "3" };

        // When
        var yaml = new Pipeline { Env = env, Steps = [new CommandStep { Command = "true" }] }.ToYaml();

        // Then
        yaml.Should().StartWith("env:\n  Z: \"1\"\n  A: ${Z}2\n  M: \"3\"\nsteps:");
    }
}
