using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Buildkite.Dsl;

/// <summary>Writes literals of Buildkite's conditional language: strings, regexes, integers.</summary>
internal static class ConditionText
{
    private const RegexOptions Expressible = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>
    /// Quotes a string: in double quotes, or single quotes when the text holds a double quote, and with
    /// C-style backslash escapes only when it holds both quotes or a backslash.
    /// </summary>
    /// <exception cref="ArgumentException">The text holds a control character such as a line break.</exception>
    public static string Quote(string value, string parameter)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The text '{value}' holds the control character U+{(int)c:X4}, which a string in a Buildkite condition cannot carry."),
                    parameter);
            }
        }

        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            if (!value.Contains('"', StringComparison.Ordinal))
            {
                return "\"" + value + "\"";
            }

            if (!value.Contains('\'', StringComparison.Ordinal))
            {
                return "'" + value + "'";
            }
        }

        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// Writes a regex literal <c>/…/</c> with the <c>i</c> flag for <see cref="RegexOptions.IgnoreCase"/>. A <c>/</c>
    /// in the pattern is escaped as <c>\/</c>; an escaped dollar <c>\$</c> becomes <c>[$]</c>, which matches the same
    /// and, unlike a <c>$</c> after a backslash, can be protected from upload-time interpolation; control
    /// characters become <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\xHH</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The regex uses options Buildkite cannot express, or is empty.</exception>
    public static string Regex(Regex regex, string parameter)
    {
        ArgumentNullException.ThrowIfNull(regex, parameter);
        var unsupported = regex.Options & ~Expressible;
        if (unsupported != RegexOptions.None)
        {
            throw new ArgumentException(
                $"Buildkite's conditional regexes take only the 'i' flag (RegexOptions.IgnoreCase); RegexOptions.{unsupported} cannot be expressed. Write the behaviour into the pattern instead.",
                parameter);
        }

        var pattern = regex.ToString();
        if (pattern.Length == 0)
        {
            throw new ArgumentException("An empty regex cannot be written: '//' starts a comment in Buildkite's conditional language. Use \"(?:)\" to match everything.", parameter);
        }

        var text = new StringBuilder(pattern.Length + 8).Append('/');
        var inClass = false;
        var classStart = -1;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var escaped = pattern[++i];
                if (escaped == '$')
                {
                    text.Append(inClass ? "$" : "[$]");
                }
                else if (char.IsControl(escaped))
                {
                    AppendControl(text, escaped);
                }
                else
                {
                    text.Append('\\').Append(escaped);
                }

                continue;
            }

            switch (c)
            {
                case '/':
                    text.Append("\\/");
                    break;
                case '[' when !inClass:
                    inClass = true;
                    classStart = i;
                    text.Append(c);
                    break;
                case ']' when inClass && i > classStart + 1 && !(i == classStart + 2 && pattern[classStart + 1] == '^'):
                    inClass = false;
                    text.Append(c);
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        AppendControl(text, c);
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('/');
        if ((regex.Options & RegexOptions.IgnoreCase) != 0)
        {
            text.Append('i');
        }

        return text.ToString();
    }

    /// <summary>Wraps an expression in parentheses unless it binds at least as tightly as <paramref name="needed"/>.</summary>
    public static string Operand(Condition condition, ConditionPrecedence needed)
    {
        if (condition.Precedence >= needed)
        {
            return condition.Expression;
        }

        // A '//' comment in raw text would swallow a closing parenthesis on the same line.
        return condition.Expression.Contains("//", StringComparison.Ordinal)
            ? "(" + condition.Expression + "\n)"
            : "(" + condition.Expression + ")";
    }

    private static void AppendControl(StringBuilder text, char c) =>
        text.Append(c switch
        {
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
        });
}
