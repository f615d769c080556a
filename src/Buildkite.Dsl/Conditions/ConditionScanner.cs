using System.Globalization;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl;

/// <summary>One problem found in the text of an <c>if</c> expression.</summary>
/// <param name="IsError">Whether Buildkite would reject the expression, rather than only read it oddly.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Help">What to do.</param>
/// <param name="Code">The diagnostic code it is reported with.</param>
/// <remarks>
/// A class, not a struct: lists of a struct of this assembly are compiled by the JIT at start-up (ReadyToRun code
/// of the framework's generics is shared only for reference types).
/// </remarks>
internal sealed record ConditionProblem(bool IsError, string Message, string? Help, string Code = DiagnosticCodes.InvalidCondition);

/// <summary>What scanning an <c>if</c> expression found: the variables it reads and its problems.</summary>
internal sealed record ConditionScan(IReadOnlyList<string> Variables, IReadOnlyList<ConditionProblem> Problems);

/// <summary>
/// Reads the text of an <c>if</c> expression token by token, as Buildkite's conditional language is documented:
/// variables such as <c>build.branch</c>, the function <c>build.env("…")</c>, <c>'…'</c> and <c>"…"</c> strings,
/// <c>/…/flags</c> regexes, integers, <c>true false null</c>, the operators <c>== != =~ !~ &amp;&amp; || ! includes</c>,
/// parentheses and <c>//</c> comments.
/// </summary>
/// <remarks>
/// This is not Buildkite's parser. It reports only what is certainly wrong as an error (an unterminated string
/// or regex, unbalanced parentheses) and the rest (an unknown variable, an undocumented character) as a
/// warning. Upload-time expansions inside the text are opaque values.
/// </remarks>
internal static class ConditionScanner
{
    /// <summary>Every variable the conditional language documents, including those only notifications may use.</summary>
    internal static readonly string[] KnownVariables =
    [
        "build.author.email", "build.author.id", "build.author.name", "build.author.teams",
        "build.branch", "build.commit",
        "build.creator.email", "build.creator.id", "build.creator.name", "build.creator.teams",
        "build.env", "build.id", "build.message", "build.number",
        "build.pull_request.base_branch", "build.pull_request.id", "build.pull_request.draft",
        "build.pull_request.labels", "build.pull_request.label", "build.pull_request.repository",
        "build.pull_request.repository.fork",
        "build.merge_queue.base_branch", "build.merge_queue.base_commit",
        "build.source", "build.source_event", "build.source_action", "build.state", "build.tag",
        "pipeline.default_branch", "pipeline.id", "pipeline.repository", "pipeline.slug",
        "pipeline.started_failing", "pipeline.started_passing",
        "organization.id", "organization.slug",
        "step.id", "step.key", "step.label", "step.type", "step.state", "step.outcome",
    ];

    private static readonly HashSet<string> Known = new(KnownVariables, StringComparer.Ordinal);

    public static ConditionScan Scan(string expression)
    {
        var variables = new List<string>();
        var problems = new List<ConditionProblem>();
        var depth = 0;
        var i = 0;
        var n = expression.Length;
        while (i < n)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == InterpolatedText.Open)
            {
                var close = expression.IndexOf(InterpolatedText.Close, i + 1);
                i = close < 0 ? n : close + 1;
                continue;
            }

            if (c == '/' && i + 1 < n && expression[i + 1] == '/')
            {
                var newline = expression.IndexOf('\n', i);
                i = newline < 0 ? n : newline + 1;
                continue;
            }

            if (c is '"' or '\'')
            {
                var end = Closing(expression, i, c);
                if (end < 0)
                {
                    problems.Add(new(true, $"The string starting at character {i + 1} is not closed.", $"Close it with {c}."));
                    break;
                }

                i = end + 1;
                continue;
            }

            if (c == '/')
            {
                var end = Closing(expression, i, '/');
                if (end < 0)
                {
                    problems.Add(new(true, $"The regex starting at character {i + 1} is not closed.", "Close it with '/', and write a '/' inside it as '\\/'."));
                    break;
                }

                i = end + 1;
                while (i < n && char.IsAsciiLetter(expression[i]))
                {
                    i++;
                }

                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < n && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] is '_' or '.'))
                {
                    i++;
                }

                var word = expression[start..i].TrimEnd('.');
                if (word is "true" or "false" or "null" or "includes")
                {
                    continue;
                }

                variables.Add(word);
                if (!Known.Contains(word))
                {
                    var nearest = Suggestions.Nearest(word, KnownVariables);
                    problems.Add(new(false,
                        $"'{word}' is not a variable Buildkite documents for conditions.",
                        nearest is null ? "See https://buildkite.com/docs/pipelines/configure/conditionals for the variables." : $"Did you mean '{nearest}'?"));
                }

                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < n && char.IsAsciiDigit(expression[i + 1])))
            {
                i++;
                while (i < n && char.IsAsciiDigit(expression[i]))
                {
                    i++;
                }

                continue;
            }

            switch (c)
            {
                case '(':
                    depth++;
                    i++;
                    continue;
                case ')':
                    depth--;
                    if (depth < 0)
                    {
                        problems.Add(new(true, $"The ')' at character {i + 1} closes no '('.", "Remove it, or add the matching '('."));
                        depth = 0;
                    }

                    i++;
                    continue;
                case ',':
                    i++;
                    continue;
                default:
                    break;
            }

            var two = i + 1 < n ? expression.Substring(i, 2) : string.Empty;
            if (two is "==" or "!=" or "=~" or "!~" or "&&" or "||")
            {
                i += 2;
                continue;
            }

            if (c == '!')
            {
                i++;
                continue;
            }

            problems.Add(new(false,
                string.Create(CultureInfo.InvariantCulture, $"'{c}' at character {i + 1} is not part of Buildkite's conditional language."),
                "The operators are == != =~ !~ && || ! and includes."));
            i++;
        }

        if (depth > 0)
        {
            problems.Add(new(true, "A '(' is not closed.", "Add the matching ')'."));
        }

        return new ConditionScan(variables, problems);
    }

    /// <summary>The index of the quote or slash that closes the literal opened at <paramref name="start"/>, or -1.</summary>
    private static int Closing(string text, int start, char quote)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == quote)
            {
                return i;
            }
            else if (c == '\n' && quote == '/')
            {
                return -1;
            }
        }

        return -1;
    }
}
