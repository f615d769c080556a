using System.Text.Json.Nodes;
using Buildkite.Dsl.Plugins;

namespace Buildkite.Dsl.Tests.Support;

/// <summary>
/// Strings that YAML would read as another type, that need quoting, escaping or a block scalar, and the
/// places in a pipeline where each must survive exactly.
/// </summary>
internal static class TrickyStrings
{
    /// <summary>Name (for the test list) and text.</summary>
    public static readonly (string Name, string Text)[] All =
    [
        ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"), ("y", "y"), ("N", "N"),
        ("octal 0123", "0123"), ("float 1.10", "1.10"), ("exponent 1e3", "1e3"), ("hex 0x1F", "0x1F"),
        ("binary 0b101", "0b101"), ("underscored 1_000", "1_000"), ("sexagesimal 1:20", "1:20"), ("infinity .inf", ".inf"),
        ("not a number .NaN", ".NaN"), ("negative -1", "-1"), ("date 2024-01-02", "2024-01-02"),
        ("timestamp", "2001-12-14t21:59:43.10-05:00"), ("null", "null"), ("Null", "Null"), ("tilde", "~"),
        ("true", "true"), ("False", "False"), ("empty", string.Empty), ("merge key <<", "<<"), ("value key =", "="),
        ("leading colon", ":docker: Build"), ("colon word", ":a"), ("leading asterisk", "*a"), ("leading ampersand", "&a"),
        ("leading exclamation", "!build.pull_request.draft"), ("leading at", "@alice"), ("leading percent", "%a"),
        ("leading backtick", "`date`"), ("leading pipe", "|a"), ("leading greater-than", ">a"), ("leading dash", "-a"),
        ("dash space", "- a"), ("lone dash", "-"), ("document start", "---"), ("document end", "..."),
        ("leading question", "?a"), ("question space", "? a"), ("leading bracket", "[a"), ("leading brace", "{a"),
        ("matrix token", "{{matrix}} build"), ("leading hash", "#a"), ("leading double quote", "\"a"), ("leading single quote", "'a"),
        ("space hash inside", "a #b"), ("space asterisk inside", "a *b"), ("space ampersand inside", "a &b"), ("colon space inside", "a: b"), ("trailing colon", "a:"), ("comma brackets", "a, [b], {c}"),
        ("tab inside", "a\tb"), ("tab hash inside", "a\t#b"), ("leading tab", "\ta"), ("trailing tab", "a\t"),
        ("leading space", " a"), ("trailing space", "a "), ("only spaces", "   "),
        ("two lines", "line 1\nline 2"), ("two lines and newline", "line 1\nline 2\n"), ("trailing spaces on lines", "line 1  \nline 2 \n"),
        ("trailing space on last line", "line 1\nline 2 "), ("indented first line", "  indented\nnot"),
        ("blank lines inside", "a\n\n\nb\n"), ("only a newline", "\n"), ("two newlines", "\n\n"), ("newline first", "\na"),
        ("space-only line", "a\n   \nb"), ("tab in script", "make\n\techo done\n"),
        ("emoji", "Deploy \U0001F680"), ("emoji in script", "echo \U0001F600\necho done\n"), ("other non-BMP", "\U0001D11E \U00020000"),
        ("carriage return", "a\rb"), ("CRLF", "a\r\nb\r\n"), ("next line U+0085", "a\u0085b"), ("line separator U+2028", "a\u2028b"),
        ("paragraph separator U+2029", "a\u2029b"), ("byte order mark", "\uFEFFa"), ("byte order mark inside", "a\uFEFFb"),
        ("control characters", "a\u0001\u0007\u001Bb"), ("null character", "a\0b"), ("delete", "a\u007Fb"), ("C1 control", "a\u0090b"),
        ("non-breaking space", "a\u00A0b"), ("noncharacter U+FFFE", "a\uFFFEb"),
        ("backslash", "C:\\path\\to"), ("backslash n", "a\\nb"), ("double backslash", "\\\\server"),
        ("dollar", "echo $HOME"), ("dollar brace", "echo ${HOME}"), ("double dollar", "echo $$"), ("dollar at end", "cost: 5$"),
        ("regex anchor", "build.tag =~ /^v[0-9]+$/"), ("quote mix", "say \"hi\" and 'bye'"),
        ("long line", new string('x', 300) + " end"), ("unicode letters", "Zürich — 東京"),
    ];

    public static TheoryData<string, string> Data()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, text) in All)
        {
            data.Add(name, text);
        }

        return data;
    }

    /// <summary>A pipeline with <paramref name="text"/> in every kind of place a string can stand.</summary>
    public static Pipeline PipelineWith(string text) => new()
    {
        Env = new Dictionary<string, string> { ["PIPELINE_VALUE"] = text },
        Steps =
        [
            new CommandStep
            {
                Label = text,
                Command = text,
                Commands = [],
                Env = new Dictionary<string, string> { ["VALUE"] = text },
                ArtifactPaths = [text],
                Agents = new() { ["queue"] = text },
                // Buildkite allows at most 128 bytes per matrix value (a later check may report longer ones).
                Matrix = text.Length is > 0 and <= 64 ? [text] : null,
                Plugins = [new UntypedPlugin("docker#v5.13.0", new JsonObject { ["value"] = text, ["list"] = new JsonArray(text) })],
                Extra = new Dictionary<string, JsonNode?> { ["x-extra"] = text },
            },
            new BlockStep { Block = text, Prompt = text, Fields = [new TextField { Key = "k", Text = text, Default = text, Hint = text }] },
            new TriggerStep { Trigger = "deploy", Label = text, Build = new() { Message = text, MetaData = new Dictionary<string, string> { ["m"] = text } } },
        ],
    };

    /// <summary>Where <see cref="PipelineWith"/> puts the text, as <c>/</c>-separated paths into the written document.</summary>
    public static IEnumerable<string> Places(string text) =>
    [
        "env/PIPELINE_VALUE", "steps/0/label", "steps/0/command", "steps/0/env/VALUE", "steps/0/artifact_paths/0",
        "steps/0/agents/queue", .. (text.Length is > 0 and <= 64 ? ["steps/0/matrix/0"] : Array.Empty<string>()),
        "steps/0/plugins/0/docker#v5.13.0/value", "steps/0/plugins/0/docker#v5.13.0/list/0",
        "steps/0/x-extra", "steps/1/block", "steps/1/prompt", "steps/1/fields/0/text", "steps/1/fields/0/default", "steps/1/fields/0/hint",
        "steps/2/label", "steps/2/build/message", "steps/2/build/meta_data/m",
    ];

    /// <summary>The text as the agent must receive it: every literal <c>$</c> doubled for upload-time interpolation.</summary>
    public static string AgentText(string text) => text.Replace("$", "$$", StringComparison.Ordinal);
}
