using Buildkite.Dsl.Cli.Tests.Support;

namespace Buildkite.Dsl.Cli.Tests.Graph;

public class GraphCommandTests
{
    private const string Pipeline = """
        steps:
          - label: ":hammer: Build \"all\" #1 <fast> & `small`"
            key: build
            command: make
          - label: Lint
            command: make lint
            depends_on: []
          - wait: ~
            continue_on_failure: true
          - group: ":test_tube: Tests"
            key: tests
            steps:
              - label: Unit
                command: make unit
              - wait
              - label: Report
                command: ./report.sh
                if: build.branch == "main"
          - block: Ship?
          - label: Deploy
            command: ./deploy.sh
            branches: main
            depends_on:
              - step: tests
                allow_failure: true
              - setup
        """;

    public static TheoryData<string> CorpusFiles() => Corpus.Files();

    [Fact]
    public async Task Mermaid_shows_steps_groups_order_dependencies_and_conditions()
    {
        // Given
        using var folder = new ScriptFolder();
        var file = folder.Write("pipeline.yml", Pipeline);

        // When
        var result = await InProcess.RunAsync("graph", file);

        // Then
        result.ExitCode.Should().Be(0, result.Error);
        Golden.Match("Graph", result.Output, ".mmd");
    }

    [Fact]
    public async Task Mermaid_output_has_the_structure_of_a_flowchart()
    {
        // Given
        using var folder = new ScriptFolder();
        var file = folder.Write("pipeline.yml", Pipeline);

        // When
        var result = await InProcess.RunAsync("graph", file, "--format", "mermaid");

        // Then
        GraphSyntax.MermaidProblems(result.Output).Should().BeEmpty();
    }

    [Fact]
    public async Task Labels_escape_quotes_hashes_and_angle_brackets_for_mermaid()
    {
        // Given
        using var folder = new ScriptFolder();
        var file = folder.Write("pipeline.yml", Pipeline);

        // When
        var result = await InProcess.RunAsync("graph", file);

        // Then
        result.Output.Should().Contain("s0[\":hammer: Build #quot;all#quot; #35;1 #lt;fast#gt; #amp; #96;small#96;\"]");
    }

    [Fact]
    public async Task Dot_output_is_a_valid_graphviz_digraph_and_graphviz_accepts_it_when_installed()
    {
        // Given
        using var folder = new ScriptFolder();
        var file = folder.Write("pipeline.yml", Pipeline);

        // When
        var result = await InProcess.RunAsync("graph", file, "--format", "dot");

        // Then
        result.ExitCode.Should().Be(0);
        GraphSyntax.DotProblems(result.Output).Should().BeEmpty();
        if (GraphSyntax.RunDot(result.Output) is { } dot)
        {
            dot.ExitCode.Should().Be(0, dot.Error);
            dot.Error.Should().BeEmpty();
        }

        Golden.Match("Graph", result.Output, ".dot");
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task The_graph_of_every_corpus_pipeline_is_valid_mermaid_and_dot(string name)
    {
        // When
        var mermaid = await InProcess.RunAsync("graph", Corpus.Path(name));
        var dot = await InProcess.RunAsync("graph", Corpus.Path(name), "--format", "dot");

        // Then
        mermaid.ExitCode.Should().Be(0, mermaid.Error);
        GraphSyntax.MermaidProblems(mermaid.Output).Should().BeEmpty();
        GraphSyntax.DotProblems(dot.Output).Should().BeEmpty();
        if (GraphSyntax.RunDot(dot.Output) is { } graphviz)
        {
            graphviz.ExitCode.Should().Be(0, graphviz.Error);
        }
    }

    [Fact]
    public void The_structure_checks_reject_broken_output()
    {
        // Given
        const string mermaid = "flowchart TD\n  s0[\"say \"hi\"\"]\n  subgraph g [\"G\"]\n  s0 --> s9\n";
        const string dot = "digraph pipeline {\n  \"s0\" [label=\"a\"]\n  \"s0\" -> \"s1\";\n";

        // When
        var mermaidProblems = GraphSyntax.MermaidProblems(mermaid);
        var dotProblems = GraphSyntax.DotProblems(dot);

        // Then
        mermaidProblems.Should().Contain(p => p.Contains("is not a flowchart statement"))
            .And.Contain("a subgraph is not closed")
            .And.Contain("'s9' is used but not declared");
        dotProblems.Should().Contain("not a digraph block").And.Contain("edge end 's1' is not declared");
    }

    [Fact]
    public async Task A_wait_step_orders_every_step_before_it_before_every_step_after_it()
    {
        // Given
        using var folder = new ScriptFolder();
        var file = folder.Write("pipeline.yml", "steps:\n  - command: a\n  - command: b\n  - wait\n  - command: c\n  - command: d\n");

        // When
        var result = await InProcess.RunAsync("graph", file);

        // Then
        result.Output.Should().Contain("  s0 --> s2\n  s1 --> s2\n  s2 --> s3\n  s2 --> s4\n");
    }

    [Fact]
    public async Task A_step_that_depends_on_nothing_starts_at_once()
    {
        // Given
        using var folder = new ScriptFolder();
        var file = folder.Write("pipeline.yml", "steps:\n  - command: a\n  - wait\n  - command: b\n    depends_on: ~\n");

        // When
        var result = await InProcess.RunAsync("graph", file);

        // Then
        result.Output.Should().Contain("s0 --> s1").And.NotContain("s1 --> s2");
    }

    [Fact]
    public async Task The_graph_of_a_script_is_drawn_from_what_it_prints()
    {
        // Given
        using var folder = new ScriptFolder();
        var script = folder.Write("pipeline.csx", """
            using Buildkite.Dsl;
            var build = new CommandStep { Key = "build", Command = "make" };
            Console.Write(new Pipeline { Steps = [build, new CommandStep { Label = "Test", Command = "make test", DependsOn = [build] }] }.ToYaml());
            """);

        // When
        var result = await InProcess.RunAsync("graph", script);

        // Then
        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("  s0[\"build\"]\n  s1[\"Test\"]\n").And.Contain("  s0 ==> s1\n");
    }
}
