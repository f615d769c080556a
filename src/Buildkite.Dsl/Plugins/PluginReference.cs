using System.Text;

namespace Buildkite.Dsl.Plugins;

/// <summary>
/// Where a plugin comes from and which version runs, as written in <c>plugins</c>: a short name
/// (<c>docker#v5.13.0</c>), <c>owner/name#version</c>, a full git URL, or a local path (<c>./plugins/x</c>).
/// </summary>
/// <remarks>
/// <para>
/// The part after <c>#</c> pins the version: a tag, a branch or a commit. Check BKD401 reports a
/// reference that is not pinned (a vendored <c>./path</c> plugin needs no pin, it comes from the
/// checkout) and a malformed one: several <c>#</c>, an empty part, white space, an scp-style
/// <c>git@host:org/repo</c> source the agent cannot parse, a short name that already ends in
/// <c>-buildkite-plugin</c>, or a zip plugin whose pin is not <c>sha256:&lt;64 hex digits&gt;</c>.
/// </para>
/// <para>
/// <see cref="CanonicalSource"/> is what the agent sees after upload (and what
/// <c>--allowed-plugins</c> patterns match); <see cref="EnvironmentName"/> is the <c>&lt;NAME&gt;</c>
/// in the <c>BUILDKITE_PLUGIN_&lt;NAME&gt;_&lt;OPTION&gt;</c> variables the plugin's hooks read.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// PluginReference docker = "docker#v5.13.0";                                // github.com/buildkite-plugins/docker-buildkite-plugin#v5.13.0
/// PluginReference metahook = "scionproto/metahook#v0.3.0";                  // github.com/scionproto/metahook-buildkite-plugin#v0.3.0
/// PluginReference url = "https://github.com/my-org/my-plugin.git#v1.0.0";  // kept as written
/// PluginReference local = "./.buildkite/plugins/cleanup";                   // vendored, from the checkout
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/pipelines/integrations/plugins/using#plugin-sources"/>
public readonly record struct PluginReference
{
    private const string DefaultOwner = "buildkite-plugins";
    private const string Suffix = "-buildkite-plugin";

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

    /// <summary>
    /// Whether the plugin is vendored: a path starting with <c>.</c>, read from the build's checkout
    /// instead of being cloned, so it needs no version.
    /// </summary>
    public bool IsVendored => Source.Length > 0 && Source[0] == '.';

    /// <summary>Whether a version is given after <c>#</c> (a tag, branch or commit).</summary>
    public bool IsPinned => !string.IsNullOrEmpty(Version);

    /// <summary>
    /// The source as the agent sees it after upload, with the version: a short name expands to
    /// <c>github.com/buildkite-plugins/&lt;name&gt;-buildkite-plugin</c>, <c>owner/name</c> to
    /// <c>github.com/&lt;owner&gt;/&lt;name&gt;-buildkite-plugin</c>; URLs, paths and sources of three or
    /// more segments stay as written.
    /// </summary>
    /// <example><c>docker#v5.13.0</c> → <c>github.com/buildkite-plugins/docker-buildkite-plugin#v5.13.0</c>.</example>
    public string CanonicalSource
    {
        get
        {
            var source = Source;
            var version = Version is { } pin ? "#" + pin : string.Empty;
            if (source.Length == 0 || source[0] is '.' or '/' or '\\' || source.Contains(':', StringComparison.Ordinal))
            {
                return source + version;
            }

            var segments = source.Split('/');
            return segments.Length switch
            {
                1 => $"github.com/{DefaultOwner}/{segments[0]}{Suffix}{version}",
                2 => $"github.com/{segments[0]}/{segments[1]}{Suffix}{version}",
                _ => source + version,
            };
        }
    }

    /// <summary>
    /// The plugin's name in the environment of its hooks: the <c>&lt;NAME&gt;</c> of
    /// <c>BUILDKITE_PLUGIN_NAME</c> and of every <c>BUILDKITE_PLUGIN_&lt;NAME&gt;_&lt;OPTION&gt;</c> variable.
    /// </summary>
    /// <remarks>
    /// The agent takes the last path segment of the source, replaces every character other than a
    /// letter or digit with <c>-</c>, drops <c>-buildkite-plugin</c> (and <c>-buildkite-plugin-git</c>),
    /// then upper-cases it and turns <c>-</c> into <c>_</c>.
    /// </remarks>
    /// <example><c>docker-compose#v5.14.0</c> → <c>DOCKER_COMPOSE</c>; <c>https://github.com/my-org/my-plugin.git#v1</c> → <c>MY_PLUGIN_GIT</c>.</example>
    public string EnvironmentName
    {
        get
        {
            var location = Source.Replace('\\', '/').TrimEnd('/');
            var last = location[(location.LastIndexOf('/') + 1)..].TrimStart('.');
            var name = new StringBuilder(last.Length);
            foreach (var c in last.ToLowerInvariant())
            {
                name.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
            }

            return name.ToString()
                .Replace(Suffix + "-git", string.Empty, StringComparison.Ordinal)
                .Replace(Suffix, string.Empty, StringComparison.Ordinal)
                .ToUpperInvariant()
                .Replace('-', '_');
        }
    }

    /// <summary>Returns <see cref="Value"/>.</summary>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Parses a reference as written in a pipeline.</summary>
    /// <param name="value">For example <c>docker#v5.13.0</c>.</param>
    public static implicit operator PluginReference(string value) => new(value);
}
