using System.Text;

namespace Buildkite.Dsl.Tests.Interpolation;

/// <summary>
/// What <c>buildkite-agent pipeline upload</c> does to each string of a pipeline before sending it:
/// buildkite/interpolate v0.1.5, as <c>semantics.md</c> §2a describes it. Written for the tests from that
/// description alone, independently of the library's own decoder, so the two can disagree.
/// </summary>
internal sealed class AgentInterpolation
{
    private readonly string _text;
    private readonly IReadOnlyDictionary<string, string> _env;
    private int _at;

    private AgentInterpolation(string text, IReadOnlyDictionary<string, string> env)
    {
        _text = text;
        _env = env;
    }

    /// <summary>Interpolates <paramref name="text"/> against <paramref name="env"/>.</summary>
    /// <exception cref="InvalidOperationException">The agent would fail the upload.</exception>
    public static string Interpolate(string text, IReadOnlyDictionary<string, string>? env = null)
    {
        var parser = new AgentInterpolation(text, env ?? new Dictionary<string, string>());
        return parser.Expression(stopAtBrace: false);
    }

    /// <summary>Reads text up to the end, or up to an unescaped <c>}</c> that ends a default word.</summary>
    private string Expression(bool stopAtBrace)
    {
        var result = new StringBuilder();
        while (_at < _text.Length)
        {
            var c = _text[_at];
            if (stopAtBrace && c == '}')
            {
                return result.ToString();
            }

            if (c == '\\' && _at + 1 < _text.Length && _text[_at + 1] == '$')
            {
                // "\$" is a literal dollar.
                result.Append('$');
                _at += 2;
            }
            else if (c == '\\' && _at + 1 < _text.Length && _text[_at + 1] == '\\')
            {
                // "\\" passes through as two backslashes and does not escape what follows.
                result.Append(@"\\");
                _at += 2;
            }
            else if (c == '$')
            {
                result.Append(Dollar());
            }
            else
            {
                result.Append(c);
                _at++;
            }
        }

        if (stopAtBrace)
        {
            throw new InvalidOperationException("unterminated expansion");
        }

        return result.ToString();
    }

    /// <summary>Reads what starts at a '$'.</summary>
    private string Dollar()
    {
        var next = _at + 1 < _text.Length ? _text[_at + 1] : '\0';
        if (next == '$')
        {
            _at += 2;
            return "$";
        }

        if (next == '{')
        {
            return Braced();
        }

        if (_at + 1 < _text.Length && char.IsLetter(next))
        {
            _at++;
            return Value(Identifier());
        }

        // "$(", "$1", "$ ", a '$' at the end: kept as they are.
        _at++;
        return "$";
    }

    private string Braced()
    {
        _at += 2;
        if (_at >= _text.Length || !char.IsLetter(_text[_at]))
        {
            throw new InvalidOperationException("Expected identifier to start with a letter");
        }

        var name = Identifier();
        if (_at >= _text.Length)
        {
            throw new InvalidOperationException("unterminated expansion");
        }

        var set = _env.TryGetValue(name, out var value);
        switch (_text[_at])
        {
            case '}':
                _at++;
                return value ?? string.Empty;
            case '-':
                _at++;
                var unsetWord = Expression(stopAtBrace: true);
                _at++;
                return set ? value! : unsetWord;
            case '?':
                _at++;
                var message = Expression(stopAtBrace: true);
                _at++;
                return set ? value! : throw new InvalidOperationException($"${name}: {(message.Length == 0 ? "not set" : message)}");
            case ':' when _at + 1 < _text.Length && _text[_at + 1] == '-':
                _at += 2;
                var emptyWord = Expression(stopAtBrace: true);
                _at++;
                return string.IsNullOrEmpty(value) ? emptyWord : value;
            case ':':
                return Substring(value ?? string.Empty);
            default:
                throw new InvalidOperationException("Expected an operator");
        }
    }

    /// <summary><c>${NAME:offset}</c> or <c>${NAME:offset:length}</c>, counted in bytes and clamped.</summary>
    private string Substring(string value)
    {
        var close = _text.IndexOf('}', _at);
        if (close < 0)
        {
            throw new InvalidOperationException("unterminated expansion");
        }

        var parts = _text[(_at + 1)..close].Split(':');
        _at = close + 1;
        if (parts.Length > 2 || !int.TryParse(parts[0].Trim(), out var offset) || (parts.Length == 2 && !int.TryParse(parts[1].Trim(), out _)))
        {
            throw new InvalidOperationException("Unable to parse offset");
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        var start = offset < 0 ? Math.Max(0, bytes.Length + offset) : Math.Min(offset, bytes.Length);
        var end = bytes.Length;
        if (parts.Length == 2)
        {
            var length = int.Parse(parts[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            end = length < 0 ? Math.Max(start, bytes.Length + length) : Math.Min(bytes.Length, start + length);
        }

        return Encoding.UTF8.GetString(bytes, start, end - start);
    }

    private string Identifier()
    {
        var start = _at;
        while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] == '_'))
        {
            _at++;
        }

        return _text[start.._at];
    }

    private string Value(string name) => _env.TryGetValue(name, out var value) ? value : string.Empty;
}
