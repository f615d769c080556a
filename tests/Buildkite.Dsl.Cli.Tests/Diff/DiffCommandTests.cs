using Buildkite.Dsl.Cli.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.Diff;

public class DiffCommandTests
{
    public static TheoryData<string, string, string> SameMeaning() => new()
    {
        {
            "anchors and aliases",
            "x: &retry\n  automatic: true\nsteps:\n  - command: a\n    retry: *retry\n  - command: b\n    retry: *retry\n",
            "steps:\n  - command: a\n    retry:\n      automatic: true\n  - command: b\n    retry: {automatic: true}\n"
        },
        {
            "merge keys",
            "x: &defaults\n  agents: {queue: big}\n  timeout_in_minutes: 10\nsteps:\n  - <<: *defaults\n    command: a\n    timeout_in_minutes: 5\n",
            "steps:\n  - command: a\n    agents:\n      queue: big\n    timeout_in_minutes: 5\n"
        },
        {
            "command and commands",
            "steps:\n  - commands: [make, make test]\n  - command: [lint]\n",
            "steps:\n  - command: \"make\\nmake test\"\n  - commands: lint\n"
        },
        {
            "label, name, key, id, identifier",
            "steps:\n  - name: Build\n    id: build\n    command: make\n  - label: Test\n    identifier: test\n    command: test\n",
            "steps:\n  - label: Build\n    key: build\n    command: make\n  - name: Test\n    key: test\n    command: test\n"
        },
        {
            "string, map and type forms of steps",
            "steps:\n  - wait\n  - block\n  - command: {command: make, key: m}\n",
            "steps:\n  - wait: ~\n  - type: block\n  - command: make\n    key: m\n"
        },
        {
            "one value and a list of one",
            "steps:\n  - command: a\n    key: a\n  - command: b\n    depends_on: a\n    artifact_paths: dist/*\n    branches: main release\n",
            "steps:\n  - command: a\n    key: a\n  - command: b\n    depends_on:\n      - step: a\n    artifact_paths: [dist/*]\n    branches: [main, release]\n"
        },
        {
            "plugin references and configuration order",
            "steps:\n  - command: a\n    plugins:\n      - docker#v5.13.0: {image: node, workdir: /app}\n      - my-org/deploy#v1: ~\n",
            "steps:\n  - command: a\n    plugins:\n      github.com/buildkite-plugins/docker-buildkite-plugin#v5.13.0: {workdir: /app, image: node}\n      github.com/my-org/deploy-buildkite-plugin#v1: {}\n"
        },
        {
            "agents as rules and as a map",
            "agents: [queue=big, os=linux]\nsteps:\n  - command: a\n    agents: [queue=small]\n",
            "agents: {os: linux, queue: big}\nsteps:\n  - command: a\n    agent_query_rules: {queue: small}\n"
        },
        {
            "dollar escapes and expansions",
            "steps:\n  - command: echo $$HOME $BUILDKITE_BRANCH\n",
            "steps:\n  - command: echo \\$HOME ${BUILDKITE_BRANCH}\n"
        },
        {
            "true as a string and as a boolean",
            "steps:\n  - command: a\n    soft_fail: \"true\"\n    retry: {manual: false, automatic: {limit: 2}}\n",
            "steps:\n  - command: a\n    soft_fail: true\n    retry: {manual: {allowed: false}, automatic: [{limit: 2}]}\n"
        },
        {
            "conditions written differently",
            "steps:\n  - command: a\n    if: (build.branch == 'main') && !build.pull_request.draft // main only\n",
            "steps:\n  - command: a\n    if: build.branch == \"main\" && !build.pull_request.draft\n"
        },
        {
            "attribute order and top-level keys that only hold anchors",
            "x-notes: {owner: me}\nsteps:\n  - key: a\n    label: A\n    command: make\n",
            "steps:\n  - command: make\n    label: A\n    key: a\n"
        },
    };

    [Theory]
    [MemberData(nameof(SameMeaning))]
    public async Task Pipelines_written_differently_that_mean_the_same_are_equal(string why, string before, string after)
    {
        // Given
        using var folder = new ScriptFolder();
        var a = folder.Write("a.yml", before);
        var b = folder.Write("b.yml", after);

        // When
        var result = await InProcess.RunAsync("diff", a, b);

        // Then
        result.ExitCode.Should().Be(0, "{0}: {1}{2}", why, result.Output, result.Error);
        result.Output.Should().Be($"{a} and {b} mean the same pipeline.\n");
    }

    [Fact]
    public async Task Yaml_and_json_of_one_pipeline_are_equal()
    {
        // Given
        using var folder = new ScriptFolder();
        var yaml = folder.Write("a.yml", "steps:\n  - label: \":rocket: Ship\"\n    command: make\n    timeout_in_minutes: 5\n");
        var json = folder.Write("b.json", "{\"steps\": [{\"command\": \"make\", \"label\": \":rocket: Ship\", \"timeout_in_minutes\": 5}]}");

        // When
        var result = await InProcess.RunAsync("diff", yaml, json);

        // Then
        result.ExitCode.Should().Be(0, result.Output);
    }

    [Fact]
    public async Task An_added_step_is_listed_with_its_attributes()
    {
        // When
        var result = await Diff("steps:\n  - command: a\n    key: a\n", "steps:\n  - command: a\n    key: a\n  - command: b\n    label: B\n");

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().EndWith(": 1 step added.\n\nadded steps[1] (label 'B'):\n  command: \"b\"\n  label: \"B\"\n");
    }

    [Fact]
    public async Task A_removed_step_is_listed_by_its_place_and_name()
    {
        // When
        var result = await Diff("steps:\n  - command: a\n    key: a\n  - command: b\n    key: b\n", "steps:\n  - command: a\n    key: a\n");

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().EndWith(": 1 step removed.\n\nremoved steps[1] (key 'b')\n");
    }

    [Fact]
    public async Task A_changed_attribute_shows_the_old_and_new_value()
    {
        // When
        var result = await Diff(
            "steps:\n  - command: a\n    key: a\n    retry: {automatic: [{exit_status: -1, limit: 2}]}\n",
            "steps:\n  - command: a\n    key: a\n    retry: {automatic: [{exit_status: -1, limit: 3}]}\n");

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().EndWith(": 1 step changed.\n\nchanged steps[0] (key 'a'):\n  retry.automatic[0].limit: 2 → 3\n");
    }

    [Fact]
    public async Task Added_and_removed_attributes_show_none_on_the_other_side()
    {
        // When
        var result = await Diff(
            "steps:\n  - command: a\n    key: a\n    agents: {queue: big}\n",
            "steps:\n  - command: a\n    key: a\n    parallelism: 2\n");

        // Then
        result.Output.Should().Contain("  agents: {\"queue\": \"big\"} → (none)\n  parallelism: (none) → 2\n");
    }

    [Fact]
    public async Task A_changed_script_shows_the_lines_that_changed()
    {
        // When
        var result = await Diff(
            "steps:\n  - key: a\n    command: |\n      make\n      make test\n      make lint\n",
            "steps:\n  - key: a\n    command: |\n      make\n      make test TARGET=all\n      make lint\n");

        // Then
        result.Output.Should().EndWith("changed steps[0] (key 'a'):\n  command:\n      make\n    - make test\n    + make test TARGET=all\n      make lint\n");
    }

    [Fact]
    public async Task A_step_that_moved_is_reported_with_its_old_place()
    {
        // When
        var result = await Diff(
            "steps:\n  - {key: a, command: a}\n  - {key: b, command: b}\n  - {key: c, command: c}\n",
            "steps:\n  - {key: c, command: c}\n  - {key: a, command: a}\n  - {key: b, command: b}\n");

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().EndWith("changed steps[0] (key 'c'), moved from steps[2]\n");
    }

    [Fact]
    public async Task A_step_keeps_its_identity_by_key_when_it_moves_into_a_group()
    {
        // When
        var result = await Diff(
            "steps:\n  - {key: a, command: a}\n",
            "steps:\n  - group: G\n    steps:\n      - {key: a, command: a}\n");

        // Then
        result.Output.Should().Contain("added steps[0] (group 'G')").And.Contain("changed steps[0].steps[0] (key 'a'), moved from steps[0]");
    }

    [Fact]
    public async Task A_change_of_the_pipeline_env_and_of_its_order_are_reported()
    {
        // When
        var result = await Diff(
            "env: {A: one, B: two}\nsteps:\n  - wait\n",
            "env: {B: two, A: uno}\nsteps:\n  - wait\n");

        // Then
        result.Output.Should().EndWith(": pipeline settings changed.\n\npipeline:\n  env.A: \"one\" → \"uno\"\n  env (order): [\"A\", \"B\"] → [\"B\", \"A\"]\n");
    }

    [Fact]
    public async Task An_upload_added_to_the_stream_is_reported()
    {
        // When
        var result = await Diff("steps:\n  - {key: a, command: a}\n", "steps:\n  - {key: a, command: a}\n---\nsteps:\n  - {key: b, command: b}\n");

        // Then
        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain("upload 2 added:").And.Contain("added steps[0] (key 'b')");
    }

    [Fact]
    public async Task Markdown_is_a_report_for_a_pull_request_annotation()
    {
        // Given
        using var folder = new ScriptFolder();
        var a = folder.Write("before.yml", """
            env: {DEPLOY: staging}
            steps:
              - label: Build
                key: build
                command: |
                  make
                  make package
                agents: {queue: small}
              - wait
              - label: Deploy
                command: ./deploy.sh | tee log
            """);
        var b = folder.Write("after.yml", """
            env: {DEPLOY: production}
            steps:
              - label: Build
                key: build
                command: |
                  make
                  make package VERSION=2
                agents: {queue: large}
              - wait
              - label: Lint
                command: make lint | tee lint.log
            """);

        // When
        var result = await InProcess.RunAsync("diff", "--format", "markdown", a, b);

        // Then
        result.ExitCode.Should().Be(1);
        Golden.Match("Diff", result.Output.Replace(folder.Path + "/", string.Empty, StringComparison.Ordinal), ".md");
    }

    [Fact]
    public async Task The_text_report_of_several_changes_reads_in_pipeline_order()
    {
        // Given
        using var folder = new ScriptFolder();
        var a = folder.Write("before.yml", Corpus.Read("release.yml"));
        var b = folder.Write("after.yml", Corpus.Read("release.yml")
            .Replace("priority: 5", "priority: 7", StringComparison.Ordinal)
            .Replace("  - label: Not for drafts\n", "  - label: Not for drafts\n    key: checks\n", StringComparison.Ordinal)
            .Replace("async: false", "async: true", StringComparison.Ordinal));

        // When
        var result = await InProcess.RunAsync("diff", a, b);

        // Then
        result.ExitCode.Should().Be(1);
        Golden.Match("Diff", result.Output.Replace(folder.Path + "/", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_env_both_pipelines_are_compared_after_interpolation()
    {
        // Given
        const string before = "steps:\n  - command: deploy ${TARGET} ${MISSING}\n";
        const string after = "steps:\n  - command: \"deploy prod \"\n";

        // When
        var symbolic = await Diff(before, after);
        var interpolated = await Diff(before, after, "--env", "TARGET=prod");

        // Then
        symbolic.ExitCode.Should().Be(1);
        interpolated.ExitCode.Should().Be(0, interpolated.Output);
    }

    [Fact]
    public async Task Env_is_repeated_for_several_variables()
    {
        // When
        var result = await Diff(
            "steps:\n  - command: deploy ${TARGET} ${REGION:-us}\n",
            "steps:\n  - command: deploy prod eu\n",
            "--env", "TARGET=prod", "--env", "REGION=eu");

        // Then
        result.ExitCode.Should().Be(0, result.Output);
    }

    [Fact]
    public async Task With_env_the_pipeline_env_is_interpolated_first_and_seen_by_the_steps()
    {
        // When
        var result = await Diff(
            "env: {REGION: eu}\nsteps:\n  - command: deploy --region ${REGION} --zone ${ZONE:-a}\n",
            "env: {REGION: eu}\nsteps:\n  - command: deploy --region eu --zone a\n",
            "--env", "OTHER=1");

        // Then
        result.ExitCode.Should().Be(0, result.Output);
    }

    [Fact]
    public async Task A_required_variable_that_is_not_given_fails_like_the_upload()
    {
        // When
        var result = await Diff("steps:\n  - command: deploy ${TARGET?is required}\n", "steps:\n  - command: deploy\n", "--env", "OTHER=1");

        // Then
        result.ExitCode.Should().Be(2);
        result.Output.Should().BeEmpty();
        result.Error.Should().Contain("the upload would fail: $TARGET: is required");
    }

    [Fact]
    public async Task A_pipeline_that_cannot_be_read_is_exit_code_2()
    {
        // Given
        using var folder = new ScriptFolder();
        var a = folder.Write("a.yml", "steps:\n  - command: [\n");

        // When
        var broken = await InProcess.RunAsync("diff", a, a);
        var missing = await InProcess.RunAsync("diff", a, "/no/such.yml");

        // Then
        broken.ExitCode.Should().Be(2);
        broken.Error.Should().Contain("error BKD001");
        missing.ExitCode.Should().Be(2);
        missing.Output.Should().BeEmpty();
    }

    private static async Task<CliResult> Diff(string before, string after, params string[] options)
    {
        using var folder = new ScriptFolder();
        var a = folder.Write("a.yml", before);
        var b = folder.Write("b.yml", after);
        return await InProcess.RunAsync(["diff", a, b, .. options]);
    }
}
