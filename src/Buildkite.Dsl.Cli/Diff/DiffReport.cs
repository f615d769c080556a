using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Buildkite.Dsl.Cli.Import;

namespace Buildkite.Dsl.Cli.Diff;

/// <summary>Writes the differences of <see cref="PipelineDiff"/> as text for a terminal or as Markdown for a pull-request annotation.</summary>
internal static class DiffReport
{
    /// <summary>The report as plain text.</summary>
    /// <param name="before">The name of the first pipeline.</param>
    /// <param name="after">The name of the second pipeline.</param>
    /// <param name="uploads">The differences.</param>
    /// <param name="agentText">Whether strings are model text to show in the agent's syntax (<c>$$</c>, <c>${NAME}</c>), rather than interpolated text.</param>
    public static string Text(string before, string after, IReadOnlyList<UploadDifference> uploads, bool agentText)
    {
        var text = new StringBuilder();
        if (uploads.Count == 0)
        {
            return $"{before} and {after} mean the same pipeline.\n";
        }

        text.Append(before).Append(" → ").Append(after).Append(": ").Append(Summary(uploads)).Append(".\n");
        var several = uploads.Any(u => u.Upload > 0 || u.Presence is not null);
        foreach (var upload in uploads)
        {
            var indent = string.Empty;
            if (several)
            {
                text.Append('\n').Append(CultureInfo.InvariantCulture, $"upload {upload.Upload + 1}{(upload.Presence is null ? string.Empty : " " + upload.Presence)}:").Append('\n');
                indent = "  ";
            }

            if (upload.Settings.Count > 0)
            {
                text.Append('\n').Append(indent).Append("pipeline:\n");
                foreach (var change in upload.Settings)
                {
                    AppendChange(text, indent + "  ", change, agentText);
                }
            }

            foreach (var step in upload.Steps)
            {
                text.Append('\n').Append(indent);
                switch (step.Kind)
                {
                    case StepChangeKind.Added:
                        text.Append("added ").Append(step.Title).Append(":\n");
                        foreach (var (name, value) in step.After!.Attributes)
                        {
                            text.Append(indent).Append("  ").Append(name).Append(": ").Append(Value(value, true, agentText)).Append('\n');
                        }

                        AppendChildren(text, indent, step.After);
                        break;
                    case StepChangeKind.Removed:
                        text.Append("removed ").Append(step.Title).Append('\n');
                        break;
                    default:
                        text.Append("changed ").Append(step.Title);
                        if (step.Moved is not null)
                        {
                            text.Append(", moved from ").Append(step.Moved);
                        }

                        text.Append(step.Attributes.Count > 0 ? ":\n" : "\n");
                        foreach (var change in step.Attributes)
                        {
                            AppendChange(text, indent + "  ", change, agentText);
                        }

                        break;
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The report as GitHub-flavoured Markdown, for a Buildkite or pull-request annotation.</summary>
    public static string Markdown(string before, string after, IReadOnlyList<UploadDifference> uploads, bool agentText)
    {
        var text = new StringBuilder("### Pipeline changes\n\n");
        if (uploads.Count == 0)
        {
            return text.Append(Code(before)).Append(" and ").Append(Code(after)).Append(" mean the same pipeline.\n").ToString();
        }

        text.Append(Code(before)).Append(" → ").Append(Code(after)).Append(": ").Append(Summary(uploads)).Append(".\n");
        var several = uploads.Any(u => u.Upload > 0 || u.Presence is not null);
        foreach (var upload in uploads)
        {
            if (several)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n#### Upload {upload.Upload + 1}{(upload.Presence is null ? string.Empty : " (" + upload.Presence + ")")}\n");
            }

            if (upload.Settings.Count > 0)
            {
                text.Append("\n#### Pipeline settings\n\n");
                AppendTable(text, upload.Settings, agentText);
            }

            foreach (var step in upload.Steps)
            {
                switch (step.Kind)
                {
                    case StepChangeKind.Added:
                        text.Append("\n#### Added: ").Append(Code(step.Title)).Append("\n\n| Attribute | Value |\n| --- | --- |\n");
                        foreach (var (name, value) in step.After!.Attributes)
                        {
                            text.Append("| ").Append(Code(name)).Append(" | ").Append(Cell(value, true, agentText)).Append(" |\n");
                        }

                        if (step.After.Steps.Count > 0)
                        {
                            text.Append("| ").Append(Code("steps")).Append(" | ").Append(step.After.Steps.Count).Append(" steps |\n");
                        }

                        break;
                    case StepChangeKind.Removed:
                        text.Append("\n#### Removed: ").Append(Code(step.Title)).Append('\n');
                        break;
                    default:
                        text.Append("\n#### Changed: ").Append(Code(step.Title)).Append('\n');
                        if (step.Moved is not null)
                        {
                            text.Append("\nMoved from ").Append(Code(step.Moved)).Append(".\n");
                        }

                        if (step.Attributes.Count > 0)
                        {
                            text.Append('\n');
                            AppendTable(text, step.Attributes, agentText);
                        }

                        break;
                }
            }
        }

        return text.ToString();
    }

    private static string Summary(IReadOnlyList<UploadDifference> uploads)
    {
        var steps = uploads.SelectMany(u => u.Steps).ToList();
        var parts = new List<string>();
        void Count(int n, string what)
        {
            if (n > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{n} {what}"));
            }
        }

        var changed = steps.Count(s => s.Kind == StepChangeKind.Changed);
        Count(changed, changed == 1 ? "step changed" : "steps changed");
        var added = steps.Count(s => s.Kind == StepChangeKind.Added);
        Count(added, added == 1 ? "step added" : "steps added");
        var removed = steps.Count(s => s.Kind == StepChangeKind.Removed);
        Count(removed, removed == 1 ? "step removed" : "steps removed");
        if (uploads.Any(u => u.Settings.Count > 0))
        {
            parts.Add("pipeline settings changed");
        }

        Count(uploads.Count(u => u.Presence == "added"), "uploads added");
        Count(uploads.Count(u => u.Presence == "removed"), "uploads removed");
        return string.Join(", ", parts);
    }

    private static void AppendChildren(StringBuilder text, string indent, Meaning.AgentStep group)
    {
        if (group.Steps.Count > 0)
        {
            text.Append(indent).Append("  steps: ").Append(group.Steps.Count).Append(group.Steps.Count == 1 ? " step\n" : " steps\n");
        }
    }

    private static void AppendChange(StringBuilder text, string indent, AttributeChange change, bool agentText)
    {
        var path = change.Path.Length == 0 ? "(value)" : change.Path;
        if (LinesOf(change.Before, agentText) is { } oldLines && LinesOf(change.After, agentText) is { } newLines
            && (oldLines.Length > 1 || newLines.Length > 1) && change.HasBefore && change.HasAfter)
        {
            text.Append(indent).Append(path).Append(":\n");
            foreach (var line in LineDiff(oldLines, newLines))
            {
                text.Append(indent).Append("  ").Append(line).Append('\n');
            }

            return;
        }

        text.Append(indent).Append(path).Append(": ")
            .Append(Value(change.Before, change.HasBefore, agentText)).Append(" → ").Append(Value(change.After, change.HasAfter, agentText)).Append('\n');
    }

    private static void AppendTable(StringBuilder text, IReadOnlyList<AttributeChange> changes, bool agentText)
    {
        text.Append("| Attribute | Before | After |\n| --- | --- | --- |\n");
        var blocks = new List<(string Path, IReadOnlyList<string> Lines)>();
        foreach (var change in changes)
        {
            if (LinesOf(change.Before, agentText) is { } oldLines && LinesOf(change.After, agentText) is { } newLines
                && (oldLines.Length > 1 || newLines.Length > 1) && change.HasBefore && change.HasAfter)
            {
                text.Append("| ").Append(Code(change.Path)).Append(" | (see below) | (see below) |\n");
                blocks.Add((change.Path, LineDiff(oldLines, newLines)));
                continue;
            }

            text.Append("| ").Append(Code(change.Path)).Append(" | ").Append(Cell(change.Before, change.HasBefore, agentText))
                .Append(" | ").Append(Cell(change.After, change.HasAfter, agentText)).Append(" |\n");
        }

        foreach (var (path, lines) in blocks)
        {
            var fence = new string('`', Math.Max(3, Literals.LongestRun(string.Join('\n', lines), '`') + 1));
            text.Append('\n').Append(Code(path)).Append(":\n\n").Append(fence).Append("diff\n");
            foreach (var line in lines)
            {
                text.Append(line.Length >= 2 && line[0] == ' ' ? " " + line[2..] : line[0] + line[2..]).Append('\n');
            }

            text.Append(fence).Append('\n');
        }
    }

    private static string[]? LinesOf(JsonNode? value, bool agentText) =>
        value is JsonValue text && text.GetValueKind() == JsonValueKind.String ? Shown(text.GetValue<string>(), agentText).Split('\n') : null;

    /// <summary>A line diff (longest common subsequence): <c>"- "</c> removed, <c>"+ "</c> added, <c>"  "</c> kept.</summary>
    internal static IReadOnlyList<string> LineDiff(string[] before, string[] after)
    {
        var lengths = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = before[i] == after[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var lines = new List<string>();
        int a = 0, b = 0;
        while (a < before.Length || b < after.Length)
        {
            if (a < before.Length && b < after.Length && before[a] == after[b])
            {
                lines.Add("  " + before[a]);
                a++;
                b++;
            }
            else if (b < after.Length && (a == before.Length || lengths[a, b + 1] > lengths[a + 1, b]))
            {
                lines.Add("+ " + after[b++]);
            }
            else
            {
                lines.Add("- " + before[a++]);
            }
        }

        return lines;
    }

    /// <summary>A value in one line: strings quoted, maps and lists in flow form.</summary>
    internal static string Value(JsonNode? value, bool present, bool agentText)
    {
        if (!present)
        {
            return "(none)";
        }

        var text = new StringBuilder();
        Write(text, value, agentText);
        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonNode? value, bool agentText)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject map:
                text.Append('{');
                var first = true;
                foreach (var (name, child) in map)
                {
                    text.Append(first ? string.Empty : ", ").Append(Quote(name)).Append(": ");
                    Write(text, child, agentText);
                    first = false;
                }

                text.Append('}');
                break;
            case JsonArray list:
                text.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ", ");
                    Write(text, list[i], agentText);
                }

                text.Append(']');
                break;
            default:
                text.Append(value.GetValueKind() == JsonValueKind.String ? Quote(Shown(value.GetValue<string>(), agentText)) : value.ToJsonString());
                break;
        }
    }

    /// <summary>Model text in the agent's syntax (<c>$$</c> for a literal dollar, <c>${NAME}</c> for an upload-time value), or interpolated text as it is.</summary>
    private static string Shown(string text, bool agentText) =>
        agentText ? InterpolatedText.Encode(text, out _) ?? Meaning.AgentStep.Visible(text) : text;

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    quoted.Append("\\\"");
                    break;
                case '\\':
                    quoted.Append("\\\\");
                    break;
                case '\n':
                    quoted.Append("\\n");
                    break;
                case '\t':
                    quoted.Append("\\t");
                    break;
                case '\r':
                    quoted.Append("\\r");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    }
                    else
                    {
                        quoted.Append(c);
                    }

                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    private static string Cell(JsonNode? value, bool present, bool agentText) =>
        present ? Code(Value(value, present, agentText)).Replace("|", "\\|", StringComparison.Ordinal) : "(none)";

    /// <summary>An inline code span that holds any text: fenced with more backticks than the text has in a row.</summary>
    private static string Code(string text)
    {
        var fence = new string('`', Literals.LongestRun(text, '`') + 1);
        var padding = text.StartsWith('`') || text.EndsWith('`') ? " " : string.Empty;
        return fence + padding + text.Replace("\n", " ", StringComparison.Ordinal) + padding + fence;
    }
}
