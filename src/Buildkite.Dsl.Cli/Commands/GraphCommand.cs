using System.CommandLine;
using Buildkite.Dsl.Cli.Graph;
using Buildkite.Dsl.Cli.Meaning;
using Buildkite.Dsl.Cli.Sources;

namespace Buildkite.Dsl.Cli.Commands;

/// <summary><c>buildkite-dsl graph &lt;file&gt; [--format mermaid|dot]</c>: prints the step graph of a pipeline.</summary>
internal static class GraphCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("pipeline")
        {
            Description = "The pipeline: a YAML or JSON file, or a C# script (.csx), which is run.",
        };
        var format = new Option<string>("--format")
        {
            Description = "mermaid (the default; a Mermaid flowchart, which Buildkite annotations and GitHub render) or dot (Graphviz).",
            DefaultValueFactory = _ => "mermaid",
            HelpName = "mermaid|dot",
        };
        format.AcceptOnlyFromAmong("mermaid", "dot");
        var command = new Command(
            "graph",
            "Prints the step graph: steps as nodes, groups as subgraphs, depends_on edges (dashed when they allow failure), " +
            "the order wait and block steps make (drawn through the wait or block step), and steps with if or branches " +
            "marked. A step with depends_on: [] starts at once. Exit code 0 when drawn, 1 when a script fails, 2 when the pipeline cannot be read.")
        {
            file,
            format,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(file)!,
            parseResult.GetValue(format) ?? "mermaid",
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string file, string format, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var loaded = await PipelineSource.LoadAsync(file, error, cancellationToken).ConfigureAwait(false);
        if (loaded.Pipeline is not { } text)
        {
            return loaded.ExitCode;
        }

        var (pipelines, problems) = AgentPipelineReader.Read(text.Text, text.Name, variables: null);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            return ExitCodes.UsageOrIOError;
        }

        var graph = StepGraph.Build(pipelines);
        await output.WriteAsync(format == "dot" ? DotWriter.Write(graph) : MermaidWriter.Write(graph)).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
