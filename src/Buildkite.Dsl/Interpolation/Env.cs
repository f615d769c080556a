namespace Buildkite.Dsl;

/// <summary>
/// Chooses when a <c>$</c> is expanded: at pipeline upload, by <c>buildkite-agent pipeline upload</c>, or
/// at run time, by the job's shell.
/// </summary>
/// <remarks>
/// <para>
/// Every string in a pipeline is <b>literal by default</b>: <c>Command = "echo $HOME"</c> reaches the job as
/// <c>echo $HOME</c>, and the job's shell expands it. The writer protects each <c>$</c> from the agent's
/// upload-time interpolation by doubling it (<c>$$HOME</c>).
/// </para>
/// <para>
/// To have the agent substitute a value at upload, which is what plain <c>${VAR}</c> means in YAML, put an
/// <see cref="EnvVar"/> from <see cref="Upload(string)"/> into the text:
/// <c>ArtifactPaths = [$"scion_{Env.Upload("SCION_VERSION")}.tar.gz"]</c> is written as
/// <c>scion_${SCION_VERSION}.tar.gz</c>. Upload-time values are the only choice where no shell runs:
/// artifact paths, plugin configuration, labels, keys.
/// </para>
/// <para>
/// The forms: <see cref="Upload(string)"/> (<c>${NAME}</c>, empty when unset), <see cref="EnvVar.OrDefault(string)"/>
/// (<c>${NAME:-default}</c>), <see cref="EnvVar.OrDefaultWhenUnset(string)"/> (<c>${NAME-default}</c>),
/// <see cref="EnvVar.Substring(int, int?)"/> (<c>${NAME:0:7}</c>) and <see cref="Required(string, string?)"/>
/// (<c>${NAME?message}</c>, which fails the upload when the variable is unset). The forms the agent rejects,
/// such as <c>${NAME:?}</c>, <c>${NAME:+x}</c> and <c>${#NAME}</c>, cannot be built; <see cref="Raw(string)"/>
/// refuses them, and the reader reports them (check BKD302).
/// </para>
/// <para>
/// Values come from the uploading agent's environment and the pipeline's top-level <c>env</c>, which the agent
/// interpolates first, entry by entry and in order (check BKD304); a step's own <c>env</c> is not visible at
/// upload (check BKD305). Literal text with a <c>$</c> after an odd number of backslashes cannot be written
/// so that interpolation leaves it unchanged, and is reported (check BKD301) rather than changed. Uploading
/// with <c>--no-interpolation</c> would pass the <c>$$</c> escapes to the job as they are.
/// </para>
/// </remarks>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/environment-variables#runtime-variable-interpolation"/>
public static class Env
{
    /// <summary>
    /// Refers to the environment variable <paramref name="name"/> as the agent sees it at upload
    /// (written <c>${NAME}</c>); an unset variable becomes empty.
    /// </summary>
    /// <param name="name">A name that starts with a letter and continues with letters, digits and <c>_</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a name the agent can expand.</exception>
    /// <example><code>Command = $"make dist VERSION={Env.Upload("SCION_VERSION")}"</code></example>
    public static EnvVar Upload(string name) => new(name, EnvVarForm.Value, null);

    /// <summary>
    /// Refers to the environment variable <paramref name="name"/> at upload and makes the upload fail
    /// when it is not set (written <c>${NAME?message}</c>). An empty value passes.
    /// </summary>
    /// <param name="name">A name that starts with a letter and continues with letters, digits and <c>_</c>.</param>
    /// <param name="message">The error the agent prints; no <c>}</c>. The default is the agent's own "not set".</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="message"/> cannot be written.</exception>
    public static EnvVar Required(string name, string? message = null) => new(name, EnvVarForm.Required, message ?? string.Empty);

    /// <summary>
    /// Writes a shell variable reference, <c>${NAME}</c>, as literal text for the job's shell. Same as
    /// writing <c>"${NAME}"</c> in a string; use it where the intent should be visible.
    /// </summary>
    /// <param name="name">The shell variable's name.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public static string Runtime(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return "${" + name + "}";
    }

    /// <summary>
    /// Takes text written the way YAML pipelines write it, where the agent expands <c>$VAR</c>,
    /// <c>${VAR}</c> and <c>${VAR:-default}</c> at upload and <c>$$</c> stands for <c>$</c>, and returns it
    /// as model text with the same meaning.
    /// </summary>
    /// <param name="agentText">Text in the agent's interpolation syntax.</param>
    /// <exception cref="ArgumentException">The agent would reject the text, for example <c>${VAR:?}</c> or <c>${#VAR}</c>.</exception>
    /// <example><code>Command = Env.Raw("echo ${BUILDKITE_BRANCH} $$HOME")</code></example>
    public static string Raw(string agentText)
    {
        ArgumentNullException.ThrowIfNull(agentText);
        return InterpolatedText.Decode(agentText, out var error)
            ?? throw new ArgumentException($"The text {error}.", nameof(agentText));
    }
}
