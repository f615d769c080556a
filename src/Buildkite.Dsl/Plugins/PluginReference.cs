namespace Buildkite.Dsl.Plugins;

/// <summary>
/// Where a plugin comes from and which version runs, as written in <c>plugins</c>: a short name
/// (<c>docker#v5.13.0</c>), <c>owner/name#version</c>, a full git URL, or a local path (<c>./plugins/x</c>).
/// </summary>
/// <example>
/// <code>
/// PluginReference docker = "docker#v5.13.0";
/// PluginReference metahook = "scionproto/metahook#v0.3.0";
/// PluginReference local = "./.buildkite/plugins/cleanup";
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/integrations/plugins/using#plugin-sources"/>
public readonly record struct PluginReference
{
    /// <summary>Parses a reference as written in a pipeline.</summary>
    /// <param name="value">For example <c>docker#v5.13.0</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or white space.</exception>
    public PluginReference(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The reference as written, for example <c>docker#v5.13.0</c>.</summary>
    public string Value { get; }

    /// <summary>The part before <c>#</c>: the plugin's name, repository or path.</summary>
    public string Source => Value is null ? string.Empty : Value.Split('#', 2)[0];

    /// <summary>The part after <c>#</c>: a tag, branch or commit; <see langword="null"/> when not pinned.</summary>
    public string? Version => Value is not null && Value.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? Value[(hash + 1)..] : null;

    /// <summary>Whether the reference names a local plugin (a path starting with <c>.</c>, <c>/</c> or <c>\</c>).</summary>
    public bool IsLocal => Source.Length > 0 && Source[0] is '.' or '/' or '\\';

    /// <summary>Returns <see cref="Value"/>.</summary>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Parses a reference as written in a pipeline.</summary>
    /// <param name="value">For example <c>docker#v5.13.0</c>.</param>
    public static implicit operator PluginReference(string value) => new(value);
}
