using System.Globalization;
using System.Text;

namespace Buildkite.Dsl.Cli.Meaning;

/// <summary>The upload would fail: a required variable is unset, or an expansion has a form the agent rejects.</summary>
internal sealed class InterpolationException(string message) : Exception(message);

/// <summary>
/// What <c>buildkite-agent pipeline upload</c> does to a string at upload, for model text (literal text with
/// upload-time expansions wrapped in U+FDD0 … U+FDD1): each expansion is replaced by its value from the
/// given variables, an unset variable giving empty text, as the agent does.
/// </summary>
internal sealed class AgentInterpolation
{
    private readonly Dictionary<string, string> _variables;

    public AgentInterpolation(IReadOnlyDictionary<string, string> variables) =>
        _variables = new Dictionary<string, string>(variables, StringComparer.Ordinal);

    /// <summary>Adds a variable, as the agent adds each entry of the pipeline's <c>env</c> after interpolating it.</summary>
    public void Set(string name, string value) => _variables[name] = value;

    /// <summary>Interpolates model text.</summary>
    /// <exception cref="InterpolationException">A required variable is unset, or an expansion cannot be evaluated.</exception>
    public string Apply(string text)
    {
        if (!text.Contains('\uFDD0', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('\uFDD0', i);
            if (open < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            var close = text.IndexOf('\uFDD1', open + 1);
            if (close < 0)
            {
                throw new InterpolationException("The text has an unterminated upload-time expansion.");
            }

            result.Append(text, i, open - i);
            result.Append(Expand(text[(open + 1)..close]));
            i = close + 1;
        }

        return result.ToString();
    }

    /// <summary>Evaluates one expansion in agent syntax: <c>${NAME}</c>, <c>${NAME:-w}</c>, <c>${NAME-w}</c>, <c>${NAME?m}</c>, <c>${NAME:o:l}</c>.</summary>
    private string Expand(string expansion)
    {
        var body = expansion.StartsWith("${", StringComparison.Ordinal) && expansion.EndsWith('}') ? expansion[2..^1] : expansion.TrimStart('$');
        var end = 0;
        while (end < body.Length && (char.IsLetterOrDigit(body[end]) || body[end] == '_'))
        {
            end++;
        }

        var name = body[..end];
        var rest = body[end..];
        var set = _variables.TryGetValue(name, out var value);
        value ??= string.Empty;
        if (rest.Length == 0)
        {
            return value;
        }

        if (rest.StartsWith(":-", StringComparison.Ordinal))
        {
            return value.Length > 0 ? value : Word(rest[2..]);
        }

        switch (rest[0])
        {
            case '-':
                return set ? value : Word(rest[1..]);
            case '?':
                return set ? value : throw new InterpolationException($"${name}: {(rest.Length > 1 ? rest[1..] : "not set")}");
            case ':':
                var parts = rest[1..].Split(':');
                var bytes = Encoding.UTF8.GetBytes(value);
                var offset = int.Parse(parts[0].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                if (offset < 0)
                {
                    offset = Math.Max(0, bytes.Length + offset);
                }

                offset = Math.Min(offset, bytes.Length);
                var length = bytes.Length - offset;
                if (parts.Length > 1)
                {
                    var requested = int.Parse(parts[1].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                    length = requested < 0 ? Math.Max(0, bytes.Length + requested - offset) : Math.Min(requested, length);
                }

                return Encoding.UTF8.GetString(bytes, offset, length);
            default:
                throw new InterpolationException($"The agent cannot evaluate '{expansion}'.");
        }
    }

    /// <summary>A default word is agent text itself: decode it, then interpolate what it holds.</summary>
    private string Word(string agentText)
    {
        var decoded = InterpolatedText.Decode(agentText, out var error)
            ?? throw new InterpolationException("The default " + error + ".");
        return Apply(decoded);
    }
}
