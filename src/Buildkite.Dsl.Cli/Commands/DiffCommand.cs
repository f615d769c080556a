using System.CommandLine;
using Buildkite.Dsl.Cli.Diff;
using Buildkite.Dsl.Cli.Meaning;
using Buildkite.Dsl.Cli.Scripting;
using Buildkite.Dsl.Cli.Sources;

namespace Buildkite.Dsl.Cli.Commands;

/// <summary><c>buildkite-dsl diff &lt;a&gt; &lt;b&gt;</c>: compares two pipelines by meaning and prints the differences by step.</summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var before = new Argument<string>("before")
        {
            Description = "The first pipeline: a YAML or JSON file, or a C# script (.csx), which is run.",
        };
        var after = new Argument<string>("after")
        {
            Description = "The second pipeline, in the same forms.",
        };
        var env = new Option<string[]>("--env")
        {
            Description = "Interpolate both pipelines as the agent does at upload, with this variable (NAME=VALUE; repeat it for more). " +
                "Variables not given are unset, so they become empty. Without --env, ${NAME} is compared as written.",
            HelpName = "NAME=VALUE",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var format = new Option<string>("--format")
        {
            Description = "text (the default) or markdown, for a pull-request or Buildkite annotation.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|markdown",
        };
        format.AcceptOnlyFromAmong("text", "markdown");
        var command = new Command(
            "diff",
            "Compares two pipelines by meaning, as the agent reads them: anchors, aliases and merge keys resolved, string and " +
            "list forms alike, command and commands, label and name, key and id, plugin references in short or long form. " +
            "Steps are matched by key, else by label and position; the report lists added, removed and changed steps with " +
            "each changed attribute (old → new). Top-level keys Buildkite does not use (where anchors are defined) are ignored. " +
            "Exit code 0 when they mean the same, 1 when they differ, 2 when a pipeline cannot be read.")
        {
            before,
            after,
            env,
            format,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(before)!,
            parseResult.GetValue(after)!,
            parseResult.GetValue(env),
            parseResult.GetValue(format) ?? "text",
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string before, string after, string[]? env, string format, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        Dictionary<string, string>? variables = null;
        if (env is { Length: > 0 })
        {
            variables = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in env)
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    await error.WriteLineAsync($"error: --env takes NAME=VALUE, not '{pair}'.").ConfigureAwait(false);
                    return ExitCodes.UsageOrIOError;
                }

                variables[pair[..equals]] = pair[(equals + 1)..];
            }
        }

        var pipelines = new List<IReadOnlyList<AgentPipeline>>();
        foreach (var path in new[] { before, after })
        {
            var loaded = await PipelineSource.LoadAsync(path, error, cancellationToken).ConfigureAwait(false);
            if (loaded.Pipeline is not { } text)
            {
                return ExitCodes.UsageOrIOError;
            }

            var (read, problems) = AgentPipelineReader.Read(text.Text, text.Name, variables);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await error.WriteLineAsync(problem).ConfigureAwait(false);
                }

                return ExitCodes.UsageOrIOError;
            }

            pipelines.Add(read);
        }

        var differences = PipelineDiff.Compare(pipelines[0], pipelines[1]);
        var (nameBefore, nameAfter) = (DisplayPath.Of(before), DisplayPath.Of(after));
        var report = format == "markdown"
            ? DiffReport.Markdown(nameBefore, nameAfter, differences, agentText: variables is null)
            : DiffReport.Text(nameBefore, nameAfter, differences, agentText: variables is null);
        await output.WriteAsync(report).ConfigureAwait(false);
        return differences.Count == 0 ? ExitCodes.Success : ExitCodes.ProblemFound;
    }
}
