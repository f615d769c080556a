using System.Text;

namespace Buildkite.Dsl;

/// <summary>
/// An environment variable that <c>buildkite-agent pipeline upload</c> substitutes into the pipeline text.
/// Put it into any string of the pipeline with C# string interpolation or <c>+</c>.
/// </summary>
/// <remarks>
/// Get one from <see cref="Env.Upload(string)"/> or <see cref="Env.Required(string, string?)"/>. Converted
/// to a string it becomes model text that the writer prints as <c>${NAME}</c> (or the chosen form), while
/// the literal text around it is protected from interpolation.
/// </remarks>
/// <example>
/// <code>
/// var version = Env.Upload("SCION_VERSION");
/// Command = $"make dist BFLAGS=--file_name_version={version}";     // make dist BFLAGS=--file_name_version=${SCION_VERSION}
/// Label = $"Deploy {version.OrDefault("dev")}";                   // Deploy ${SCION_VERSION:-dev}
/// </code>
/// </example>
public readonly record struct EnvVar
{
    private readonly EnvVarForm _form;
    private readonly string? _word;

    internal EnvVar(string name, EnvVarForm form, string? word)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || !char.IsLetter(name[0]) || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException(
                $"'{name}' cannot be expanded by the agent: a variable name starts with a letter and continues with letters, digits and '_'.",
                nameof(name));
        }

        if (word is not null && word.Contains('}', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{word}' cannot be written inside ${{{name}…}}: it contains '}}'.", nameof(word));
        }

        Name = name;
        _form = form;
        _word = word;
    }

    /// <summary>The variable's name, as written after <c>$</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// Uses <paramref name="defaultValue"/> when the variable is unset or empty (written <c>${NAME:-default}</c>).
    /// </summary>
    /// <param name="defaultValue">Literal text; it may itself hold an <see cref="EnvVar"/>. No <c>}</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="defaultValue"/> contains <c>}</c>.</exception>
    public EnvVar OrDefault(string defaultValue) => new(Name, EnvVarForm.DefaultWhenEmpty, defaultValue);

    /// <summary>
    /// Uses <paramref name="defaultValue"/> only when the variable is unset; an empty value stays empty
    /// (written <c>${NAME-default}</c>).
    /// </summary>
    /// <param name="defaultValue">Literal text; it may itself hold an <see cref="EnvVar"/>. No <c>}</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="defaultValue"/> contains <c>}</c>.</exception>
    public EnvVar OrDefaultWhenUnset(string defaultValue) => new(Name, EnvVarForm.DefaultWhenUnset, defaultValue);

    /// <summary>The expansion in the agent's syntax, for example <c>${NAME:-x}</c>.</summary>
    public string Expansion
    {
        get
        {
            var builder = new StringBuilder("${").Append(Name);
            switch (_form)
            {
                case EnvVarForm.DefaultWhenEmpty:
                    builder.Append(":-").Append(EncodeWord(_word!));
                    break;
                case EnvVarForm.DefaultWhenUnset:
                    builder.Append('-').Append(EncodeWord(_word!));
                    break;
                case EnvVarForm.Required:
                    builder.Append('?').Append(EncodeWord(_word!));
                    break;
                case EnvVarForm.Value:
                default:
                    break;
            }

            return builder.Append('}').ToString();
        }
    }

    private static string EncodeWord(string word) =>
        InterpolatedText.Encode(word, out var error)
            ?? throw new InvalidOperationException($"The text '{word}' {error}.");

    /// <summary>Returns the model text that the writer prints as <see cref="Expansion"/>.</summary>
    public override string ToString() => InterpolatedText.Wrap(Name is null ? string.Empty : Expansion);

    /// <summary>Converts the variable to model text, as <see cref="ToString"/> does.</summary>
    /// <param name="variable">The variable.</param>
    public static implicit operator string(EnvVar variable) => variable.ToString();
}
