using System.Globalization;
using System.Text;
using Buildkite.Dsl.Serialization;

namespace Buildkite.Dsl.Validation.Rules;

/// <summary>
/// Reports values under secret-like names in pipeline <c>env</c>, step <c>env</c> and trigger <c>build.env</c>
/// (BKD240), which <c>buildkite-agent pipeline upload</c> of agent v4 rejects and v3 warns about.
/// </summary>
/// <remarks>
/// <para>
/// The agent matches names against <c>*_PASSWORD</c>, <c>*_SECRET</c>, <c>*_TOKEN</c>, <c>*_PRIVATE_KEY</c>,
/// <c>*_SSH_KEY</c>, <c>*_ACCESS_KEY</c>, <c>*_SECRET_KEY</c>, <c>*_CONNECTION_STRING</c> and <c>*_API_KEY</c>
/// (its default <c>--redacted-vars</c>) and, after interpolating the pipeline, treats every such value of 6
/// bytes or more as a leaked secret, unless the value is only a run-time reference such as <c>$OTHER</c>.
/// Names are compared ignoring case here, because agents on Windows upper-case them.
/// </para>
/// <para>
/// So a literal value is reported, and so is an upload-time value (<see cref="Env.Upload(string)"/>): the
/// agent substitutes it before the check, so the real secret would end up in the pipeline shown in the
/// Buildkite UI, and agent v4 rejects the upload whenever it has 6 bytes or more.
/// </para>
/// </remarks>
internal static class SecretRules
{
    private const int MinSecretBytes = 6;

    private static readonly string[] SecretSuffixes =
    [
        "_PASSWORD", "_SECRET", "_TOKEN", "_PRIVATE_KEY", "_SSH_KEY", "_ACCESS_KEY", "_SECRET_KEY", "_CONNECTION_STRING", "_API_KEY",
    ];

    public static void CheckPipeline(ValidationContext context, int upload)
    {
        foreach (var (name, value) in context.Uploads[upload].Env)
        {
            if (Problem(name, value) is { } problem)
            {
                context.PipelineError(upload, "env." + name, DiagnosticCodes.LiteralSecret, problem, Help(name));
            }
        }
    }

    public static void Check(ValidationContext context, CheckedStep step)
    {
        var (env, prefix) = step.Step switch
        {
            CommandStep command => (command.Env, "env."),
            TriggerStep { Build: { } build } => (build.Env, "build.env."),
            _ => (StepDefaults.EmptyMap, string.Empty),
        };
        foreach (var (name, value) in env)
        {
            if (Problem(name, value) is { } problem)
            {
                context.Error(step, prefix + name, DiagnosticCodes.LiteralSecret, problem, Help(name));
            }
        }
    }

    /// <summary>The pattern of the agent's default <c>--redacted-vars</c> that <paramref name="name"/> matches, if any.</summary>
    internal static string? SecretPattern(string name)
    {
        foreach (var suffix in SecretSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return "*" + suffix;
            }
        }

        return null;
    }

    private static string? Problem(string name, string? value)
    {
        if (value is null || SecretPattern(StepNames.Visible(name)) is not { } pattern)
        {
            return null;
        }

        var visibleName = StepNames.Visible(name);
        if (InterpolatedText.HasExpansion(value))
        {
            return $"The env value of {visibleName} is filled in at upload ({StepNames.Visible(value)}): the agent puts the value into the pipeline, where the Buildkite UI shows it, and agent v4 rejects the upload when it has {MinSecretBytes} bytes or more, because the name matches '{pattern}'.";
        }

        var bytes = Encoding.UTF8.GetByteCount(value);
        if (bytes < MinSecretBytes || IsRuntimeReference(value))
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"The env value of {visibleName} looks like a literal secret: the name matches '{pattern}' and the value has {bytes} bytes. Agent v4 rejects such an upload, and the value would show in the Buildkite UI.");
    }

    private static string Help(string name) =>
        $"Keep the value out of the pipeline: store it as a Buildkite secret and give it to the job with Secrets = [\"{StepNames.Visible(name)}\"] (or Secrets = new() {{ [\"{StepNames.Visible(name)}\"] = \"secret-name\" }}), or let the agent's environment or a hook provide it when the job runs.";

    /// <summary>
    /// Whether literal text is only a run-time reference the agent's check skips: it starts with <c>$</c> and
    /// expands to nothing in an empty environment (<c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-}</c>, <c>${NAME:0:4}</c>).
    /// </summary>
    internal static bool IsRuntimeReference(string literal)
    {
        if (!literal.StartsWith('$') || InterpolatedText.Decode(literal, out _) is not { } decoded)
        {
            return false;
        }

        var i = 0;
        while (i < decoded.Length)
        {
            if (decoded[i] != InterpolatedText.Open)
            {
                return false;
            }

            var close = decoded.IndexOf(InterpolatedText.Close, i);
            if (close < 0 || !ExpandsToNothing(decoded[(i + 1)..close]))
            {
                return false;
            }

            i = close + 1;
        }

        return decoded.Length > 0;
    }

    private static bool ExpandsToNothing(string expansion)
    {
        // ${NAME}, ${NAME:-}, ${NAME-}, ${NAME:offset[:length]}; ${NAME?…} fails and ${NAME:-word} gives the word.
        var nameEnd = 2;
        while (nameEnd < expansion.Length && (char.IsLetterOrDigit(expansion[nameEnd]) || expansion[nameEnd] == '_'))
        {
            nameEnd++;
        }

        var rest = expansion[nameEnd..];
        return rest is "}" or ":-}" or "-}"
            || (rest.StartsWith(':') && !rest.StartsWith(":-", StringComparison.Ordinal) && rest.Length > 1);
    }
}
