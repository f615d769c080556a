using System.Globalization;
using System.Text;

namespace Buildkite.Dsl;

/// <summary>
/// Converts between the text a pipeline model holds and the text <c>buildkite-agent pipeline upload</c>
/// interpolates.
/// </summary>
/// <remarks>
/// <para>
/// Every string in the model is literal: it reaches the job exactly as written, so a shell <c>$HOME</c>
/// in a command stays <c>$HOME</c>. On output each literal <c>$</c> becomes <c>$$</c>, which the agent turns
/// back into <c>$</c> at upload.
/// </para>
/// <para>
/// An upload-time expansion (<see cref="Env.Upload(string)"/>) is carried inside model text between the
/// Unicode noncharacters U+FDD0 and U+FDD1, which Unicode reserves for a program's internal use, and is
/// written unchanged (<c>${NAME}</c>). The reader turns every expansion it finds back into that form, so
/// reading and writing keep the meaning.
/// </para>
/// </remarks>
internal static class InterpolatedText
{
    /// <summary>Opens an upload-time expansion inside model text.</summary>
    public const char Open = '\uFDD0';

    /// <summary>Closes an upload-time expansion inside model text.</summary>
    public const char Close = '\uFDD1';

    /// <summary>Whether model text holds at least one upload-time expansion.</summary>
    public static bool HasExpansion(string text) => text.Contains(Open, StringComparison.Ordinal);

    /// <summary>Wraps one agent expansion (<c>${NAME}</c>, <c>${NAME:-x}</c>, …) for use in model text.</summary>
    public static string Wrap(string expansion) => string.Concat(Open.ToString(), expansion, Close.ToString());

    /// <summary>
    /// Writes model text as the agent reads it: literal <c>$</c> doubled, expansions kept.
    /// </summary>
    /// <returns>The agent text, or <see langword="null"/> with <paramref name="error"/> set when the text has no exact encoding.</returns>
    public static string? Encode(string text, out string? error)
    {
        error = null;
        if (text.AsSpan().IndexOfAny('$', Open, Close) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        var backslashes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\':
                    backslashes++;
                    builder.Append(c);
                    continue;
                case '$':
                    if (backslashes % 2 == 1)
                    {
                        error = OddBackslashes(text, i);
                        return null;
                    }

                    builder.Append("$$");
                    break;
                case Open:
                    var end = text.IndexOf(Close, i + 1);
                    if (end < 0)
                    {
                        error = "contains U+FDD0 without a matching U+FDD1; Buildkite.Dsl reserves these noncharacters to mark upload-time variables (Env.Upload)";
                        return null;
                    }

                    if (backslashes % 2 == 1)
                    {
                        error = OddBackslashes(text, i);
                        return null;
                    }

                    builder.Append(text, i + 1, end - i - 1);
                    i = end;
                    break;
                case Close:
                    error = "contains U+FDD1 without a matching U+FDD0; Buildkite.Dsl reserves these noncharacters to mark upload-time variables (Env.Upload)";
                    return null;
                default:
                    builder.Append(c);
                    break;
            }

            backslashes = 0;
        }

        return builder.ToString();
    }

    private static string OddBackslashes(string text, int index)
    {
        var start = Math.Max(0, index - 12);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"has a '$' after an odd number of backslashes (…{Visible(text[start..Math.Min(text.Length, index + 6)])}…), which the agent's upload-time interpolation cannot leave unchanged: '\\$' is its escape for '$'. Change the text, or upload with --no-interpolation");
    }

    private static string Visible(string text) =>
        text.Replace(Open.ToString(), string.Empty, StringComparison.Ordinal).Replace(Close.ToString(), string.Empty, StringComparison.Ordinal);

    /// <summary>
    /// Reads text the way the agent interpolates it and returns model text: escapes resolved to literal
    /// characters, expansions wrapped.
    /// </summary>
    /// <returns>The model text, or <see langword="null"/> with <paramref name="error"/> set when the agent would reject the text.</returns>
    public static string? Decode(string agentText, out string? error)
    {
        error = null;
        if (agentText.AsSpan().IndexOfAny('$', '\\') < 0)
        {
            return agentText;
        }

        var builder = new StringBuilder(agentText.Length);
        var i = 0;
        while (i < agentText.Length)
        {
            var c = agentText[i];
            if (c == '\\' && i + 1 < agentText.Length)
            {
                var next = agentText[i + 1];
                if (next == '$')
                {
                    builder.Append('$');
                    i += 2;
                    continue;
                }

                if (next == '\\')
                {
                    builder.Append(@"\\");
                    i += 2;
                    continue;
                }

                builder.Append(c);
                i++;
                continue;
            }

            if (c != '$' || i + 1 >= agentText.Length)
            {
                builder.Append(c);
                i++;
                continue;
            }

            var following = agentText[i + 1];
            if (following == '$')
            {
                builder.Append('$');
                i += 2;
            }
            else if (following == '{')
            {
                var end = ParseBraceExpansion(agentText, i, out error);
                if (end < 0)
                {
                    return null;
                }

                builder.Append(Open).Append(agentText, i, end - i).Append(Close);
                i = end;
            }
            else if (char.IsLetter(following))
            {
                var end = ScanIdentifier(agentText, i + 1);
                builder.Append(Open).Append("${").Append(agentText, i + 1, end - i - 1).Append('}').Append(Close);
                i = end;
            }
            else
            {
                // "$(" (command substitution), "$1", "$?", "$ " and the like stay literal.
                builder.Append('$');
                i++;
            }
        }

        return builder.ToString();
    }

    /// <summary>Checks one expansion in agent syntax, as <see cref="Env.Raw(string)"/> receives it.</summary>
    public static bool IsSingleExpansion(string agentText, out string? error)
    {
        if (agentText.StartsWith("${", StringComparison.Ordinal))
        {
            var end = ParseBraceExpansion(agentText, 0, out error);
            return end == agentText.Length;
        }

        error = null;
        return false;
    }

    private static int ScanIdentifier(string text, int start)
    {
        var end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return end;
    }

    /// <summary>
    /// Parses <c>${…}</c> starting at <paramref name="start"/> (the <c>$</c>) with the grammar of
    /// buildkite/interpolate v0.1.5 and returns the index after the closing brace, or -1.
    /// </summary>
    private static int ParseBraceExpansion(string text, int start, out string? error)
    {
        error = null;
        var i = start + 2;
        if (i >= text.Length || !char.IsLetter(text[i]))
        {
            error = $"has '{Excerpt(text, start)}': an upload-time variable name must start with a letter (write '$$' for a literal '$')";
            return -1;
        }

        var nameEnd = ScanIdentifier(text, i);
        var name = text[i..nameEnd];
        i = nameEnd;
        if (i >= text.Length)
        {
            error = $"has an unterminated '${{{name}': add the closing '}}' (or write '$$' for a literal '$')";
            return -1;
        }

        switch (text[i])
        {
            case '}':
                return i + 1;
            case '-':
                return ParseWord(text, i + 1, start, name, out error);
            case '?':
                return ParseWord(text, i + 1, start, name, out error);
            case ':':
                if (i + 1 < text.Length && text[i + 1] == '-')
                {
                    return ParseWord(text, i + 2, start, name, out error);
                }

                return ParseSubstring(text, i + 1, start, name, out error);
            default:
                error = $"has '{Excerpt(text, start)}', which the agent rejects ('Expected an operator'): it supports ${{{name}}}, ${{{name}:-default}}, ${{{name}-default}}, ${{{name}?message}} and ${{{name}:offset:length}}";
                return -1;
        }
    }

    private static int ParseWord(string text, int i, int start, string name, out string? error)
    {
        error = null;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '}')
            {
                return i + 1;
            }

            if ((c == '$' || c == '\\') && i + 1 < text.Length && text[i + 1] == '$')
            {
                i += 2;
                continue;
            }

            if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = ParseBraceExpansion(text, i, out error);
                if (end < 0)
                {
                    return -1;
                }

                i = end;
                continue;
            }

            i++;
        }

        error = $"has an unterminated '${{{name}…': add the closing '}}'";
        _ = start;
        return -1;
    }

    private static int ParseSubstring(string text, int i, int start, string name, out string? error)
    {
        error = null;
        if (i < text.Length && text[i] is '?' or '+' or '=')
        {
            error = $"has '{Excerpt(text, start)}', which the agent rejects ('Unable to parse offset'): use ${{{name}?message}} for a required variable, ${{{name}:-default}} for a default";
            return -1;
        }

        var close = text.IndexOf('}', i);
        if (close < 0)
        {
            error = $"has an unterminated '${{{name}:…': add the closing '}}'";
            return -1;
        }

        var parts = text[i..close].Split(':');
        if (parts.Length > 2 || parts.Any(p => !int.TryParse(p.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
        {
            error = $"has '{Excerpt(text, start)}', which the agent rejects ('Unable to parse offset'): a substring takes ${{{name}:offset}} or ${{{name}:offset:length}} with whole numbers";
            return -1;
        }

        return close + 1;
    }

    private static string Excerpt(string text, int start)
    {
        var close = text.IndexOf('}', start);
        var end = close < 0 ? Math.Min(text.Length, start + 24) : Math.Min(close + 1, start + 40);
        return text[start..end];
    }
}
