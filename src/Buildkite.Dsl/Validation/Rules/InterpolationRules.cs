using System.Globalization;
using Buildkite.Dsl.Serialization;

namespace Buildkite.Dsl.Validation.Rules;

/// <summary>
/// Checks that upload-time values mean what they read: a pipeline <c>env</c> value does not refer to a variable
/// the same <c>env</c> defines only later (BKD304), and a step does not refer at upload to a variable only its
/// own <c>env</c> defines (BKD305). Both are warnings: the agent accepts the text, but substitutes another value
/// than the pipeline suggests.
/// </summary>
/// <remarks>
/// The agent interpolates the pipeline's <c>env</c> first, entry by entry, adding each to the environment it
/// interpolates with; a step's <c>env</c> is never part of that environment.
/// </remarks>
internal static class InterpolationRules
{
    public static void CheckPipeline(ValidationContext context, int upload)
    {
        var env = context.Uploads[upload].Env;
        if (env.Count == 0)
        {
            return;
        }

        var later = new HashSet<string>(env.Count, StringComparer.Ordinal);
        foreach (var name in env.Keys)
        {
            later.Add(StepNames.Visible(name));
        }

        foreach (var (name, value) in env)
        {
            var visibleName = StepNames.Visible(name);
            later.Remove(visibleName);
            foreach (var referenced in UploadTimeNames(value ?? string.Empty))
            {
                if (referenced != visibleName && later.Contains(referenced))
                {
                    context.PipelineWarning(upload, "env." + name, DiagnosticCodes.EnvOrder,
                        $"The env value of {visibleName} refers to ${{{referenced}}} at upload, but {referenced} is defined later in the same env; the agent interpolates env in order, so it substitutes the agent's own {referenced}, not the pipeline's.",
                        $"Move {referenced} before {visibleName} in Env (use a dictionary that keeps insertion order).");
                }
            }
        }
    }

    public static void Check(ValidationContext context, CheckedStep step)
    {
        if (step.Step is CommandStep { Env.Count: > 0 } command && step.Node is MappingNode node)
        {
            // In a method of its own: the lambda there captures its parameters, and C# allocates that closure on entry,
            // which would cost every step of the pipeline an object.
            CheckStepEnv(context, step, command, node);
        }
    }

    private static void CheckStepEnv(ValidationContext context, CheckedStep step, CommandStep command, MappingNode node)
    {

        var pipelineEnv = context.Uploads[step.Upload].Env;
        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in command.Env.Keys)
        {
            var visible = StepNames.Visible(name);
            if (!pipelineEnv.ContainsKey(visible))
            {
                own.Add(visible);
            }
        }

        if (own.Count == 0)
        {
            return;
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        Walk(node, string.Empty, (field, text) =>
        {
            foreach (var referenced in UploadTimeNamesInAgentText(text))
            {
                if (own.Contains(referenced) && reported.Add(referenced))
                {
                    context.Warning(step, field, DiagnosticCodes.StepEnvAtUpload,
                        $"${{{referenced}}} is substituted at upload from the uploading agent's environment, but {referenced} is set only in this step's env, which exists when the job runs, not at upload.",
                        $"To use the step's value, write it as literal text (\"${referenced}\") so the job's shell expands it; keep Env.Upload(\"{referenced}\") only for a value the uploading agent has.");
                }
            }
        });
    }

    /// <summary>The variables an upload-time expansion in model text refers to, nested defaults included.</summary>
    internal static IEnumerable<string> UploadTimeNames(string text)
    {
        var start = text.IndexOf(InterpolatedText.Open, StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = text.IndexOf(InterpolatedText.Close, start + 1);
            if (end < 0)
            {
                yield break;
            }

            foreach (var name in NamesInExpansion(text[(start + 1)..end]))
            {
                yield return name;
            }

            start = text.IndexOf(InterpolatedText.Open, end + 1);
        }
    }

    private static IEnumerable<string> UploadTimeNamesInAgentText(string agentText) =>
        agentText.Contains('$', StringComparison.Ordinal) && InterpolatedText.Decode(agentText, out _) is { } decoded
            ? UploadTimeNames(decoded)
            : [];

    private static IEnumerable<string> NamesInExpansion(string expansion)
    {
        for (var i = 0; i + 1 < expansion.Length; i++)
        {
            if (expansion[i] == '$' && expansion[i + 1] == '$')
            {
                i++;
                continue;
            }

            if (expansion[i] == '$' && expansion[i + 1] == '{')
            {
                var end = i + 2;
                while (end < expansion.Length && (char.IsLetterOrDigit(expansion[end]) || expansion[end] == '_'))
                {
                    end++;
                }

                if (end > i + 2)
                {
                    yield return expansion[(i + 2)..end];
                }
            }
        }
    }

    private static void Walk(Node node, string field, Action<string, string> visit)
    {
        switch (node)
        {
            case ScalarNode { Kind: ScalarKind.String } scalar:
                visit(field.Length == 0 ? "key" : field, scalar.Text);
                break;
            case SequenceNode sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    Walk(sequence.Items[i], string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]"), visit);
                }

                break;
            case MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    var child = field.Length == 0 ? entry.Key : field + "." + entry.Key;
                    if (field.Length == 0 && entry.Key == "env")
                    {
                        continue; // the step's own env values are the job's, checked by name above
                    }

                    Walk(entry.Value, child, visit);
                }

                break;
            default:
                break;
        }
    }
}
