namespace Buildkite.Dsl.Tests.Support;

/// <summary>Looks at the escapes inside the strings of JSON text.</summary>
internal static class JsonText
{
    /// <summary>Every escape sequence in the text (<c>\n</c>, <c>\u0041</c>, <c>\/</c>), as written.</summary>
    public static IEnumerable<string> Escapes(string json)
    {
        for (var i = 0; i < json.Length - 1; i++)
        {
            if (json[i] != '\\')
            {
                continue;
            }

            var length = json[i + 1] == 'u' ? 6 : 2;
            yield return json.Substring(i, Math.Min(length, json.Length - i));
            i += length - 1;
        }
    }

    /// <summary>Whether the text escapes a slash (<c>\/</c>), which the agent's YAML parser rejects.</summary>
    public static bool HasEscapedSlash(string json) => Escapes(json).Contains("\\/");

    /// <summary>Whether the text escapes half of a surrogate pair (<c>\uD83D</c>), which the agent rejects.</summary>
    public static bool HasSurrogateEscape(string json) =>
        Escapes(json).Any(e => e.Length == 6 && e[1] == 'u' && char.IsSurrogate((char)Convert.ToInt32(e[2..], 16)));
}
