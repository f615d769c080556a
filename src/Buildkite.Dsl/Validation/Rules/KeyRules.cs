using System.Globalization;
using System.Text;
using Buildkite.Dsl.Serialization;

namespace Buildkite.Dsl.Validation.Rules;

/// <summary>
/// Checks step keys: unique across the build (BKD104), at most 100 characters (BKD101), only the characters
/// Buildkite allows (BKD102), not shaped like a UUID (BKD103).
/// </summary>
/// <remarks>
/// A key is model text. Its literal part reaches Buildkite as written, so a literal <c>$</c>, <c>{</c> or
/// <c>}</c> would stay in the key: the schema allows these characters only so that an upload-time
/// expansion such as <c>${VERSION}</c> validates before the agent substitutes it. An expansion from
/// <see cref="Env.Upload(string)"/> is checked as the agent reads it (<c>${NAME:-default}</c>), and its
/// value, unknown until upload, is not.
/// </remarks>
internal static class KeyRules
{
    private const string KeyHelp = "Use only letters, digits and '_', '-', ':', '.', ','.";

    /// <summary>
    /// Whether the key is shaped like a UUID, <c>^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$</c>
    /// (with .NET's <c>$</c>, which also matches before a final line feed): by hand, because every step's key is
    /// checked and the regex engine costs the pipeline generator start-up time.
    /// </summary>
    internal static bool IsUuidShaped(string key)
    {
        var text = key.AsSpan();
        if (text.Length == 37 && text[^1] == '\n')
        {
            text = text[..^1];
        }

        if (text.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (i is 8 or 13 or 18 or 23 ? text[i] != '-' : !char.IsAsciiHexDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static void Check(ValidationContext context, CheckedStep step)
    {
        if (step.Key is not { } key)
        {
            return;
        }

        var visible = StepNames.Visible(key);
        var first = context.StepsByKey[key];
        if (!ReferenceEquals(first, step))
        {
            context.Error(step, "key", DiagnosticCodes.DuplicateKey,
                $"The key '{visible}' is already used by {first.Name()}.",
                "Keys must be unique across the whole build, including steps of other uploads; rename one of the steps.");
        }
        else if (context.ExternalKeys.Contains(key))
        {
            context.Error(step, "key", DiagnosticCodes.DuplicateKey,
                $"The key '{visible}' is also declared in ExternalKeys, as the key of a step another upload adds; Buildkite rejects a key used twice in a build.",
                "Rename the step, or remove the key from ExternalKeys.");
        }

        if (step.Step.Key is null)
        {
            // Derived by the writer from the label: valid by construction.
            return;
        }

        if (InterpolatedText.Encode(key, out _) is not { } written)
        {
            return; // BKD301, reported when the text was written.
        }

        if (written.Length == 0)
        {
            context.Error(step, "key", DiagnosticCodes.KeyCharacters, "The key is empty.", "Give the step a key, or leave Key unset.");
            return;
        }

        if (written.Length > StepDefaults.MaxKeyLength)
        {
            context.Error(step, "key", DiagnosticCodes.KeyTooLong,
                string.Create(CultureInfo.InvariantCulture, $"The key '{Shorten(visible)}' has {written.Length} characters; Buildkite allows at most {StepDefaults.MaxKeyLength}."),
                "Shorten the key.");
        }

        CheckCharacters(context, step, key, visible);
        if (!InterpolatedText.HasExpansion(key) && IsUuidShaped(key))
        {
            context.Error(step, "key", DiagnosticCodes.KeyLooksLikeUuid,
                $"The key '{key}' is shaped like a UUID, which Buildkite reserves for the ids it gives steps.",
                "Use a name such as 'build' or 'deploy-staging'.");
        }
    }

    /// <summary>Whether <paramref name="c"/> may stand in a key as the schema checks it (before upload).</summary>
    internal static bool IsKeyCharacter(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' or ':' or '$' or '{' or '}' or '.' or ',';

    private static void CheckCharacters(ValidationContext context, CheckedStep step, string key, string visible)
    {
        List<char>? bad = null; // made only for a key with a bad character: every step's key passes here
        var literalInterpolationCharacter = false;
        var inExpansion = false;
        foreach (var c in key)
        {
            switch (c)
            {
                case InterpolatedText.Open:
                    inExpansion = true;
                    continue;
                case InterpolatedText.Close:
                    inExpansion = false;
                    continue;
                case '$' or '{' or '}' when !inExpansion:
                    literalInterpolationCharacter = true;
                    break;
                default:
                    if (IsKeyCharacter(c))
                    {
                        continue;
                    }

                    break;
            }

            bad ??= [];
            if (!bad.Contains(c))
            {
                bad.Add(c);
            }
        }

        if (bad is null)
        {
            return;
        }

        var list = new StringBuilder();
        foreach (var c in bad.Take(8))
        {
            list.Append(list.Length == 0 ? string.Empty : ", ").Append(Quote(c));
        }

        var help = literalInterpolationCharacter
            ? "A literal '$', '{' or '}' would stay in the key after upload; for a value the agent substitutes at upload, put Env.Upload(\"NAME\") into the key. " + KeyHelp
            : KeyHelp;
        context.Error(step, "key", DiagnosticCodes.KeyCharacters,
            $"The key '{Shorten(visible)}' has characters Buildkite does not allow in keys: {list}.", help);
    }

    private static string Quote(char c) => c switch
    {
        ' ' => "' ' (space)",
        '\t' => "tab",
        '\n' => "line break",
        _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}"),
        _ => $"'{c}'",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "…");
}
