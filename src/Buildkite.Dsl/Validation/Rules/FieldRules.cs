using System.Globalization;

namespace Buildkite.Dsl.Validation.Rules;

/// <summary>
/// Checks the fields of block and input steps: keys of <c>A-Za-z0-9-_</c>, unique within the step (BKD230),
/// and select fields with at least one option (BKD231).
/// </summary>
internal static class FieldRules
{
    public static void Check(ValidationContext context, CheckedStep step)
    {
        var fields = (step.Step as IBlockOrInputStep)?.Fields;
        if (fields is null || fields.Count == 0)
        {
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i] is not { } field)
            {
                continue;
            }

            var path = string.Create(CultureInfo.InvariantCulture, $"fields[{i}]");
            if (string.IsNullOrEmpty(field.Key))
            {
                context.Error(step, path + ".key", DiagnosticCodes.FieldKey,
                    "The field has no key; Buildkite stores the answer as build meta-data under it.",
                    "Set Key, for example \"release-name\".");
            }
            else if (!field.Key.All(IsFieldKeyCharacter))
            {
                context.Error(step, path + ".key", DiagnosticCodes.FieldKey,
                    $"The field key '{Serialization.StepNames.Visible(field.Key)}' has characters Buildkite does not allow.",
                    "Use only letters, digits, '-' and '_' in field keys.");
            }
            else if (seen.TryGetValue(field.Key, out var first))
            {
                context.Error(step, path + ".key", DiagnosticCodes.FieldKey,
                    string.Create(CultureInfo.InvariantCulture, $"The field key '{field.Key}' is also used by fields[{first}] of this step; each answer needs its own key."),
                    "Give each field of the step its own key.");
            }
            else
            {
                seen[field.Key] = i;
            }

            if (field is SelectField select && (select.Options is null || select.Options.Count == 0))
            {
                context.Error(step, path + ".options", DiagnosticCodes.SelectWithoutOptions,
                    "The select field has no options; Buildkite requires at least one.",
                    "Add options, for example Options = [new() { Label = \"Stable\", Value = \"stable\" }].");
            }
        }
    }

    private static bool IsFieldKeyCharacter(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_';
}
