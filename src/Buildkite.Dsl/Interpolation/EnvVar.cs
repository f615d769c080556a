using System.Globalization;
using System.Text;

namespace Buildkite.Dsl;

/// <summary>
/// An environment variable that <c>buildkite-agent pipeline upload</c> substitutes into the pipeline text at
/// upload. Put it into any string of the pipeline with C# string interpolation or <c>+</c>.
/// </summary>
/// <remarks>
/// <para>
/// Get one from <see cref="Env.Upload(string)"/> or <see cref="Env.Required(string, string?)"/>, and choose a form
/// with <see cref="OrDefault(string)"/>, <see cref="OrDefaultWhenUnset(string)"/> or
/// <see cref="Substring(int, int?)"/>; each returns a new variable with that form. Converted to a string it
/// becomes model text that the writer prints as the expansion (<see cref="Expansion"/>), while the literal
/// text around it is protected from interpolation.
/// </para>
/// <para>
/// The value comes from the uploading agent's environment and the pipeline's top-level <c>env</c>, never from a
/// step's own <c>env</c>, which exists only when the job runs (check BKD305). An unset variable becomes empty
/// unless a default or <see cref="Env.Required(string, string?)"/> says otherwise. Only the forms the agent
/// accepts can be built: <c>${NAME:?}</c>, <c>${NAME:+x}</c>, <c>${#NAME}</c> and the like, which the agent
/// rejects, have no method.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var version = Env.Upload("SCION_VERSION");
/// Command = $"make dist BFLAGS=--file_name_version={version}";     // make dist BFLAGS=--file_name_version=${SCION_VERSION}
/// Label = $"Deploy {version.OrDefault("dev")}";                   // Deploy ${SCION_VERSION:-dev}
/// Key = $"build-{Env.Upload("BUILDKITE_COMMIT").Substring(0, 7)}"; // build-${BUILDKITE_COMMIT:0:7}
/// Command = $"deploy {Env.Required("SERVER", "is not set")}";      // deploy ${SERVER?is not set}
/// </code>
/// </example>
/// <seealso href="https://buildkite.com/docs/agent/cli/reference/pipeline#environment-variable-substitution"/>
public readonly record struct EnvVar
{
    private readonly string? _expansion;

    internal EnvVar(string name, EnvVarForm form, string? word, int offset = 0, int? length = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || !char.IsLetter(name[0]) || !IsName(name))
        {
            throw new ArgumentException(
                $"'{name}' cannot be expanded by the agent: a variable name starts with a letter and continues with letters, digits and '_'.",
                nameof(name));
        }

        Name = name;
        var builder = new StringBuilder("${").Append(name);
        switch (form)
        {
            case EnvVarForm.DefaultWhenEmpty:
                builder.Append(":-").Append(EncodeWord(name, word ?? string.Empty));
                break;
            case EnvVarForm.DefaultWhenUnset:
                builder.Append('-').Append(EncodeWord(name, word ?? string.Empty));
                break;
            case EnvVarForm.Required:
                builder.Append('?').Append(EncodeWord(name, word ?? string.Empty));
                break;
            case EnvVarForm.Substring:
                // A negative offset needs a space: "${NAME:-4}" would be the default form.
                builder.Append(':').Append(offset < 0 ? " " : string.Empty).Append(offset.ToString(CultureInfo.InvariantCulture));
                if (length is { } count)
                {
                    builder.Append(':').Append(count.ToString(CultureInfo.InvariantCulture));
                }

                break;
            case EnvVarForm.Value:
            default:
                break;
        }

        _expansion = builder.Append('}').ToString();
    }

    /// <summary>The variable's name, as written after <c>$</c>.</summary>
    public string Name { get; }

    /// <summary>The expansion in the agent's syntax, for example <c>${NAME}</c> or <c>${NAME:-x}</c>.</summary>
    public string Expansion => _expansion ?? string.Empty;

    /// <summary>
    /// Uses <paramref name="defaultValue"/> when the variable is unset or empty (written <c>${NAME:-default}</c>).
    /// </summary>
    /// <param name="defaultValue">
    /// Literal text, which may itself hold an <see cref="EnvVar"/>, as in <c>${A:-${B}}</c>; no literal <c>}</c>.
    /// </param>
    /// <returns>The variable with this form, replacing any earlier one.</returns>
    /// <exception cref="ArgumentException"><paramref name="defaultValue"/> cannot be written inside the expansion.</exception>
    public EnvVar OrDefault(string defaultValue) => new(Name, EnvVarForm.DefaultWhenEmpty, defaultValue);

    /// <summary>
    /// Uses <paramref name="defaultValue"/> only when the variable is unset; an empty value stays empty
    /// (written <c>${NAME-default}</c>).
    /// </summary>
    /// <param name="defaultValue">Literal text, which may itself hold an <see cref="EnvVar"/>; no literal <c>}</c>.</param>
    /// <returns>The variable with this form, replacing any earlier one.</returns>
    /// <exception cref="ArgumentException"><paramref name="defaultValue"/> cannot be written inside the expansion.</exception>
    public EnvVar OrDefaultWhenUnset(string defaultValue) => new(Name, EnvVarForm.DefaultWhenUnset, defaultValue);

    /// <summary>
    /// Uses part of the value: <paramref name="length"/> bytes from <paramref name="offset"/> (written
    /// <c>${NAME:offset:length}</c>), for example the short commit <c>${BUILDKITE_COMMIT:0:7}</c>.
    /// </summary>
    /// <param name="offset">The first byte, from 0; a negative offset counts from the end.</param>
    /// <param name="length">How many bytes; a negative length stops that many bytes before the end. The default is the rest.</param>
    /// <returns>The variable with this form, replacing any earlier one.</returns>
    /// <remarks>The agent counts bytes, not characters, and clamps values out of range; an unset variable gives empty text.</remarks>
    public EnvVar Substring(int offset, int? length = null) => new(Name, EnvVarForm.Substring, null, offset, length);

    /// <summary>Returns the model text that the writer prints as <see cref="Expansion"/>.</summary>
    public override string ToString() => _expansion is null ? string.Empty : InterpolatedText.Wrap(_expansion);

    /// <summary>Converts the variable to model text, as <see cref="ToString"/> does.</summary>
    /// <param name="variable">The variable.</param>
    public static implicit operator string(EnvVar variable) => variable.ToString();

    /// <summary>Encodes the word of a default or required form; a literal <c>}</c> would end the expansion early.</summary>
    private static string EncodeWord(string name, string word)
    {
        var inExpansion = false;
        foreach (var c in word)
        {
            inExpansion = c == InterpolatedText.Open || (inExpansion && c != InterpolatedText.Close);
            if (c == '}' && !inExpansion)
            {
                throw new ArgumentException($"'{StepNamesVisible(word)}' cannot be written inside ${{{name}…}}: the agent would end the expansion at its '}}'.", nameof(word));
            }
        }

        return InterpolatedText.Encode(word, out var error)
            ?? throw new ArgumentException($"The text '{StepNamesVisible(word)}' {error}.", nameof(word));
    }

    private static string StepNamesVisible(string text) => Serialization.StepNames.Visible(text);

    /// <summary>Whether every character is a letter, a digit or '_' (a loop, not LINQ: this runs at every pipeline's start).</summary>
    private static bool IsName(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
