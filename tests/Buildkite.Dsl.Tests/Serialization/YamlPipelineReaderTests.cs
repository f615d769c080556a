using Buildkite.Dsl.Plugins;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Serialization;

/// <summary>Hand-written pipelines in every form the agent accepts read into the model correctly.</summary>
public class YamlPipelineReaderTests
{
    private static T Single<T>(string yaml)
        where T : Step =>
        Pipeline.FromYaml(yaml).Steps.Should().ContainSingle().Which.Should().BeOfType<T>().Subject;

    [Fact]
    public void String_steps_are_read_as_their_step_types()
    {
        // Given
        const string yaml = "steps:\n- wait\n- waiter\n- block\n- input\n- manual\n";

        // When
        var steps = Pipeline.FromYaml(yaml).Steps;

        // Then
        steps.Select(s => s.GetType()).Should().Equal(typeof(WaitStep), typeof(WaitStep), typeof(BlockStep), typeof(InputStep), typeof(BlockStep));
    }

    [Theory]
    [InlineData("type: command\n  command: make", typeof(CommandStep))]
    [InlineData("type: script\n  command: make", typeof(CommandStep))]
    [InlineData("type: wait", typeof(WaitStep))]
    [InlineData("type: waiter", typeof(WaitStep))]
    [InlineData("type: block\n  prompt: Go?", typeof(BlockStep))]
    [InlineData("type: manual\n  prompt: Go?", typeof(BlockStep))]
    [InlineData("type: input\n  prompt: Go?", typeof(InputStep))]
    [InlineData("type: trigger\n  trigger: deploy", typeof(TriggerStep))]
    [InlineData("type: group\n  group: g\n  steps: [wait]", typeof(GroupStep))]
    public void Type_form_is_read_as_its_step_type(string step, Type expected)
    {
        // Given
        var yaml = "steps:\n- " + step + "\n";

        // When
        var steps = Pipeline.FromYaml(yaml).Steps;

        // Then
        steps.Should().ContainSingle().Which.Should().BeOfType(expected);
    }

    [Fact]
    public void Nested_wait_step_is_read()
    {
        // Given
        const string yaml = "steps:\n- wait:\n    continue_on_failure: true\n    key: w\n";

        // When
        var step = Single<WaitStep>(yaml);

        // Then
        step.ContinueOnFailure.Should().BeTrue();
        step.Key.Should().Be("w");
        step.Label.Should().BeNull();
    }

    [Theory]
    [InlineData("command")]
    [InlineData("commands")]
    [InlineData("script")]
    public void Nested_command_step_is_read(string outer)
    {
        // Given
        var yaml = $"steps:\n- {outer}:\n    label: Build\n    command: make\n";

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.Label.Should().Be("Build");
        step.Command.Should().Be("make");
    }

    [Fact]
    public void Nested_block_input_and_trigger_steps_are_read()
    {
        // Given
        const string yaml = "steps:\n- block: {block: Go, prompt: Sure?}\n- input: {input: Details, prompt: Tell}\n- trigger: {trigger: deploy, async: true}\n";

        // When
        var steps = Pipeline.FromYaml(yaml).Steps;

        // Then
        steps[0].Should().BeOfType<BlockStep>().Which.Should().Match<BlockStep>(b => b.Block == "Go" && b.Prompt == "Sure?");
        steps[1].Should().BeOfType<InputStep>().Which.Should().Match<InputStep>(i => i.Input == "Details" && i.Prompt == "Tell");
        steps[2].Should().BeOfType<TriggerStep>().Which.Should().Match<TriggerStep>(t => t.Trigger == "deploy" && t.Async == true);
    }

    [Fact]
    public void Command_as_a_string_is_the_whole_script()
    {
        // Given
        const string yaml = "steps:\n- command: |\n    make build\n    make test\n";

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.Command.Should().Be("make build\nmake test\n");
        step.Commands.Should().BeEmpty();
    }

    [Fact]
    public void Command_as_a_list_is_read_as_commands()
    {
        // Given
        const string yaml = "steps:\n- command:\n  - make build\n  - make test\n";

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.Commands.Should().Equal("make build", "make test");
        step.Command.Should().BeNull();
    }

    [Fact]
    public void Command_as_a_list_of_one_is_read_as_the_command()
    {
        // Given
        const string yaml = "steps:\n- command:\n  - make\n";

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.Command.Should().Be("make");
    }

    [Fact]
    public void Commands_as_a_string_is_read_as_the_command()
    {
        // Given
        const string yaml = "steps:\n- commands: make\n";

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.Command.Should().Be("make");
    }

    [Fact]
    public void Commands_as_a_list_is_read_as_commands()
    {
        // Given
        const string yaml = "steps:\n- commands: [make build, make test]\n";

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.Commands.Should().Equal("make build", "make test");
    }

    [Fact]
    public void Commands_wins_over_command_with_a_warning_as_in_the_agent()
    {
        // Given
        const string yaml = "steps:\n- command: dropped\n  commands: [kept]\n";

        // When
        var result = Buildkite.Dsl.Serialization.YamlPipelineReader.Read(yaml, null);

        // Then
        var step = result.Pipelines[0].Steps[0].Should().BeOfType<CommandStep>().Subject;
        step.Commands.Should().Equal("kept");
        step.Command.Should().BeNull();
        result.Diagnostics.Should().ContainSingle(d => d.Severity == DiagnosticSeverity.Warning && d.Field == "command");
    }

    [Fact]
    public void Name_is_read_as_the_label()
    {
        // Given
        const string yaml = "steps:\n- name: Build\n  command: make\n";

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.Label.Should().Be("Build");
    }

    [Theory]
    [InlineData("key: k1", "k1")]
    [InlineData("id: k2", "k2")]
    [InlineData("identifier: k3", "k3")]
    [InlineData("identifier: k3\n  id: k2", "k2")]
    [InlineData("identifier: k3\n  id: k2\n  key: k1", "k1")]
    public void Key_aliases_are_read_as_the_key(string keys, string expected)
    {
        // Given
        var yaml = "steps:\n- command: make\n  " + keys + "\n";

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.Key.Should().Be(expected);
    }

    [Theory]
    [InlineData("wait: W", "W")]
    [InlineData("wait: ~\n  label: W", "W")]
    [InlineData("wait: ~\n  name: W", "W")]
    [InlineData("waiter: W", "W")]
    public void Wait_label_is_read_from_wait_or_its_aliases(string step, string expected)
    {
        // Given
        var yaml = "steps:\n- " + step + "\n";

        // When
        var wait = Single<WaitStep>(yaml);

        // Then
        wait.Label.Should().Be(expected);
    }

    [Theory]
    [InlineData("block: B")]
    [InlineData("manual: B")]
    [InlineData("type: block\n  label: B")]
    [InlineData("type: block\n  name: B")]
    public void Block_label_is_read_from_block_or_its_aliases(string step)
    {
        // Given
        var yaml = "steps:\n- " + step + "\n";

        // When
        var block = Single<BlockStep>(yaml);

        // Then
        block.Block.Should().Be("B");
    }

    [Theory]
    [InlineData("group: G")]
    [InlineData("group: ~\n  label: G")]
    [InlineData("group: ~\n  name: G")]
    public void Group_name_is_read_from_group_or_its_aliases(string step)
    {
        // Given
        var yaml = "steps:\n- " + step + "\n  steps: [wait]\n";

        // When
        var group = Single<GroupStep>(yaml);

        // Then
        group.Group.Should().Be("G");
    }

    [Fact]
    public void Plugin_list_with_configuration_strings_and_null_configuration_is_read()
    {
        // Given
        const string yaml = """
            steps:
            - command: make
              plugins:
              - docker#v5.13.0:
                  image: alpine
                  always-pull: true
                  mount: [/a, /b]
              - docker-login#v3.0.0
              - ecr#v2.9.0: ~
            """;

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.Plugins.Select(p => p.Reference.Value).Should().Equal("docker#v5.13.0", "docker-login#v3.0.0", "ecr#v2.9.0");
        step.Plugins[0].ToConfiguration()!.ToJsonString().Should().Be("""{"image":"alpine","always-pull":true,"mount":["/a","/b"]}""");
        step.Plugins[1].ToConfiguration().Should().BeNull();
        step.Plugins[2].ToConfiguration().Should().BeNull();
    }

    [Fact]
    public void Plugin_map_form_is_read_as_a_list_in_order()
    {
        // Given
        const string yaml = "steps:\n- command: make\n  plugins:\n    docker#v5.13.0: {image: alpine}\n    docker-login#v3.0.0: ~\n";

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.Plugins.Select(p => p.Reference.Value).Should().Equal("docker#v5.13.0", "docker-login#v3.0.0");
        step.Plugins[0].Should().BeOfType<UntypedPlugin>().Which.Configuration!["image"]!.GetValue<string>().Should().Be("alpine");
    }

    [Fact]
    public void Plugin_configuration_that_is_not_a_map_is_an_error_with_its_place()
    {
        // Given
        const string yaml = "steps:\n- command: make\n  plugins:\n  - docker#v5.13.0: alpine\n";

        // When
        var act = () => Pipeline.FromYaml(yaml, "pipeline.yml");

        // Then
        act.Should().Throw<PipelineException>().Which.Diagnostics.Should().ContainSingle(d => d.IsError)
            .Which.Location.Should().Be(new SourceLocation("pipeline.yml", 4, 21));
    }

    [Fact]
    public void Anchors_and_aliases_are_expanded()
    {
        // Given
        const string yaml = """
            steps:
            - command: make build
              retry: &retry
                automatic:
                - exit_status: -1
              agents: &agents {queue: build}
            - command: make test
              retry: *retry
              agents: *agents
            """;

        // When
        var steps = Pipeline.FromYaml(yaml).Steps.Cast<CommandStep>().ToList();

        // Then
        steps[1].Retry!.Automatic!.Rules.Should().ContainSingle().Which.ExitStatus!.Values.Should().Equal(-1);
        steps[1].Agents!["queue"].Should().Be("build");
    }

    [Fact]
    public void Merge_key_merges_a_map_and_explicit_keys_win()
    {
        // Given
        const string yaml = """
            defaults: &defaults
              timeout_in_minutes: 10
              label: Default
              agents: {queue: build}
            steps:
            - <<: *defaults
              label: Explicit
              command: make
            """;

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.Label.Should().Be("Explicit");
        step.TimeoutInMinutes.Should().Be(10);
        step.Agents!["queue"].Should().Be("build");
    }

    [Fact]
    public void Merge_key_with_a_list_lets_earlier_maps_win()
    {
        // Given
        const string yaml = """
            a: &a {timeout_in_minutes: 1, priority: 1}
            b: &b {timeout_in_minutes: 2, priority: 2, parallelism: 2}
            steps:
            - command: make
              priority: 9
              <<: [*a, *b]
            """;

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.TimeoutInMinutes.Should().Be(1);
        step.Parallelism.Should().Be(2);
        step.Priority.Should().Be(9);
    }

    [Fact]
    public void Anchor_only_top_level_keys_are_kept_as_extra()
    {
        // Given
        const string yaml = "common: &common {timeout_in_minutes: 5}\nsteps:\n- command: make\n  <<: *common\n";

        // When
        var pipeline = Pipeline.FromYaml(yaml);

        // Then
        pipeline.Extra.Should().ContainKey("common");
        pipeline.Steps[0].Should().BeOfType<CommandStep>().Which.TimeoutInMinutes.Should().Be(5);
    }

    [Fact]
    public void Quoted_merge_key_is_an_ordinary_key()
    {
        // Given
        const string yaml = "steps:\n- command: make\n  env:\n    \"<<\": x\n";

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.Env.Should().Equal(new Dictionary<string, string> { ["<<"] = "x" });
    }

    [Fact]
    public void Duplicate_key_keeps_the_last_value_as_the_agent_does()
    {
        // Given
        const string yaml = "steps:\n- command: first\n  label: L\n  command: second\n";

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.Command.Should().Be("second");
    }

    [Fact]
    public void Legacy_top_level_list_is_read_with_a_warning()
    {
        // Given
        const string yaml = "- command: make\n- wait\n";

        // When
        var result = Buildkite.Dsl.Serialization.YamlPipelineReader.Read(yaml, null);

        // Then
        result.Pipelines.Should().ContainSingle().Which.Steps.Should().HaveCount(2);
        result.Diagnostics.Should().ContainSingle().Which.Severity.Should().Be(DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Json_input_is_read()
    {
        // Given
        const string json = """{"env": {"A": "1"}, "steps": [{"label": "Build 🚀 \u00e9", "command": "make", "timeout_in_minutes": 5}, "wait"]}""";

        // When
        var pipeline = Pipeline.FromJson(json);

        // Then
        pipeline.Env["A"].Should().Be("1");
        pipeline.Steps[0].Should().BeOfType<CommandStep>().Which.Label.Should().Be("Build \U0001F680 é");
        pipeline.Steps[1].Should().BeOfType<WaitStep>();
    }

    [Fact]
    public void Depends_on_null_means_start_at_once()
    {
        // Given
        const string yaml = "steps:\n- command: make\n  depends_on: ~\n";

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.DependsOn.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void Depends_on_a_string_is_one_key()
    {
        // Given
        const string yaml = "steps:\n- command: make\n  depends_on: build\n";

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.DependsOn.Should().ContainSingle().Which.Key.Should().Be("build");
    }

    [Fact]
    public void Depends_on_a_list_of_keys_and_objects_is_read_with_allow_failure()
    {
        // Given
        const string yaml = "steps:\n- command: make\n  depends_on:\n  - build\n  - step: lint\n    allow_failure: true\n  - step: test\n";

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.DependsOn!.Select(d => (d.Key, d.AllowFailure)).Should().Equal(("build", null), ("lint", true), ("test", null));
    }

    [Fact]
    public void Absent_depends_on_is_null()
    {
        // Given
        const string yaml = "steps:\n- command: make\n";

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.DependsOn.Should().BeNull();
    }

    [Theory]
    [InlineData("echo $$HOME", "echo $HOME")]
    [InlineData("echo \\$HOME", "echo $HOME")]
    [InlineData("echo $$$$", "echo $$")]
    [InlineData("echo $(date) $1 $?", "echo $(date) $1 $?")]
    [InlineData("a\\\\b", "a\\\\b")]
    public void Dollar_escapes_are_read_as_literal_text(string agentText, string literal)
    {
        // Given
        var yaml = "steps:\n- command: '" + agentText + "'\n";

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.Command.Should().Be(literal);
    }

    [Theory]
    [InlineData("v${VERSION}", "v${VERSION}")]
    [InlineData("v$VERSION", "v${VERSION}")]
    [InlineData("${X:-y}", "${X:-y}")]
    [InlineData("${X-y}", "${X-y}")]
    [InlineData("${X?missing}", "${X?missing}")]
    [InlineData("${X:-${Y:-z}}", "${X:-${Y:-z}}")]
    public void Upload_time_expansions_are_kept_and_written_back(string agentText, string written)
    {
        // Given
        var yaml = "steps:\n- command: '" + agentText + "'\n";

        // When
        var again = Pipeline.FromYaml(yaml).ToYaml();

        // Then
        again.Should().Be("steps:\n- command: " + written + "\n");
    }

    [Fact]
    public void Upload_time_expansion_is_marked_in_the_model()
    {
        // Given
        const string yaml = "steps:\n- command: make VERSION=${VERSION}\n";

        // When
        var step = Single<CommandStep>(yaml);

        // Then
        step.Command.Should().Be($"make VERSION={Env.Upload("VERSION")}");
    }

    [Fact]
    public void Anchored_step_under_a_top_level_key_is_reused()
    {
        // Given
        const string yaml = "x-step: &step\n  command: make\n  label: Make\nsteps:\n- *step\n- *step\n";

        // When
        var steps = Pipeline.FromYaml(yaml).Steps;

        // Then
        steps.Should().HaveCount(2).And.AllSatisfy(s => s.Should().BeOfType<CommandStep>().Which.Label.Should().Be("Make"));
    }

    [Fact]
    public void Every_union_form_is_read()
    {
        // Given
        const string yaml = """
            steps:
            - command: a
              soft_fail: true
              retry: {automatic: true, manual: false}
              agents: [queue=x]
              secrets: [S]
              cache: node_modules
              if_changed: src/**
              skip: true
              branches: main dev
              matrix: [a, 1, true]
            - command: b
              soft_fail: [{exit_status: 1}, {exit_status: "*"}]
              retry: {automatic: {exit_status: [1, 2], limit: 3, signal: SIGKILL, signal_reason: agent_stop}, manual: {allowed: false, permit_on_passed: true, reason: r}}
              agents: {queue: x}
              secrets: {A: s}
              cache: [a, b]
              if_changed: [a, b]
              skip: Because
              branches: [main, dev]
              matrix:
                setup: {os: [linux], n: [1]}
                adjustments:
                - with: {os: mac, n: "2"}
                  skip: true
                  soft_fail: [{exit_status: 3}]
            - command: c
              soft_fail: "true"
              retry: {automatic: [{exit_status: "*"}], manual: "true"}
              cache: {paths: [a], size: 20g, name: n}
              if_changed: {include: a, exclude: [b]}
              matrix: {setup: [x, y], adjustments: [{with: [z]}]}
            """;

        // When
        var steps = Pipeline.FromYaml(yaml).Steps.Cast<CommandStep>().ToList();

        // Then
        var (a, b, c) = (steps[0], steps[1], steps[2]);
        a.SoftFail!.Enabled.Should().BeTrue();
        a.Retry!.Automatic!.Enabled.Should().BeTrue();
        a.Retry.Manual!.Allowed.Should().BeFalse();
        a.Agents!.Rules.Should().Equal("queue=x");
        a.Secrets!.Names.Should().Equal("S");
        a.Cache!.Paths.Should().Equal("node_modules");
        a.IfChanged!.Include.Should().Equal("src/**");
        a.Skip!.Skipped.Should().BeTrue();
        a.Branches!.Text.Should().Be("main dev");
        a.Matrix!.Values.Select(v => v.ToString()).Should().Equal("a", "1", "true");
        a.Matrix.Values[1].Number.Should().Be(1);
        a.Matrix.Values[2].Flag.Should().BeTrue();

        b.SoftFail!.ExitStatuses.Should().Equal((ExitStatus)1, ExitStatus.Any);
        var rule = b.Retry!.Automatic!.Rules.Should().ContainSingle().Subject;
        rule.ExitStatus!.Values.Should().Equal(1, 2);
        rule.ExitStatus.IsList.Should().BeTrue();
        rule.Limit.Should().Be(3);
        rule.Signal.Should().Be("SIGKILL");
        rule.SignalReason.Should().Be(SignalReason.AgentStop);
        b.Retry.Manual.Should().Be(new ManualRetry { Allowed = false, PermitOnPassed = true, Reason = "r" });
        b.Agents!.Tags.Should().Equal([new KeyValuePair<string, string>("queue", "x")]);
        b.Secrets!.Variables.Should().Equal([new KeyValuePair<string, string>("A", "s")]);
        b.Cache!.Paths.Should().Equal("a", "b");
        b.IfChanged!.Include.Should().Equal("a", "b");
        b.Skip!.Reason.Should().Be("Because");
        b.Branches!.Patterns.Should().Equal("main", "dev");
        b.Branches.Text.Should().BeNull();
        b.Matrix!.Dimensions.Select(d => d.Key).Should().Equal("os", "n");
        b.Matrix.Adjustments.Should().ContainSingle().Which.Dimensions.Select(d => d.Value.ToString()).Should().Equal("mac", "2");

        c.SoftFail!.Enabled.Should().BeTrue();
        c.Retry!.Automatic!.Rules.Should().ContainSingle().Which.ExitStatus!.IsAny.Should().BeTrue();
        c.Retry.Manual!.Allowed.Should().BeTrue();
        ((object?)c.Cache).Should().Be(new Cache { Paths = ["a"], Size = "20g", Name = "n" });
        c.IfChanged!.Include.Should().Equal("a");
        c.IfChanged.Exclude.Should().Equal("b");
        c.Matrix!.Values.Select(v => v.Text).Should().Equal("x", "y");
        c.Matrix.Adjustments.Should().ContainSingle().Which.With.Should().Equal((MatrixElement)"z");
    }

    [Fact]
    public void Notifications_of_every_channel_are_read()
    {
        // Given
        const string yaml = """
            notify:
            - email: a@example.com
              if: build.state == "failed"
            - webhook: https://example.com
            - pagerduty_change_event: key
            - slack: "#c"
            - slack: {channels: ["#a", "#b"], message: m}
            - basecamp_campfire: https://basecamp
            - github_commit_status: {context: ctx}
            - github_check: {context: chk}
            - github_check
            - github_commit_status
            steps:
            - command: make
            """;

        // When
        var notify = Pipeline.FromYaml(yaml).Notify;

        // Then
        notify.Select(n => n.GetType().Name).Should().Equal(
            "EmailNotification", "WebhookNotification", "PagerdutyNotification", "SlackNotification", "SlackNotification",
            "BasecampCampfireNotification", "GithubCommitStatusNotification", "GithubCheckNotification", "GithubCheckNotification",
            "GithubCommitStatusNotification");
        notify[0].Should().Be(new EmailNotification { Email = "a@example.com", If = "build.state == \"failed\"" });
        notify[4].Should().BeOfType<SlackNotification>().Which.Channels.Should().Equal("#a", "#b");
        notify[6].Should().Be(new GithubCommitStatusNotification { Context = "ctx" });
    }
}
