using System.Globalization;
using System.Text;

namespace Buildkite.Dsl.Validation.Rules;

/// <summary>
/// Checks build matrices: at most 6 dimensions (BKD220), 1 to 25 values per dimension (BKD221), at most 12
/// adjustments (BKD222), at most 50 jobs per step (BKD223), and a well-formed shape (BKD224): one form only,
/// dimension names of letters, digits and <c>_</c>, adjustments that name only known dimensions.
/// </summary>
/// <remarks>
/// The jobs of a matrix are the product of its dimensions' sizes, plus each adjustment that adds a
/// combination not in the setup, minus each adjustment that skips one that is.
/// </remarks>
internal static class MatrixRules
{
    public static void Check(ValidationContext context, CheckedStep step)
    {
        if (step.Step is not CommandStep { Matrix: { } matrix })
        {
            return;
        }

        var single = matrix.Values.Count > 0;
        var named = matrix.Dimensions.Count > 0;
        var setupField = matrix.Adjustments.Count > 0 || named ? "matrix.setup" : "matrix";
        if (single && named)
        {
            context.Error(step, "matrix", DiagnosticCodes.MatrixShape,
                "The matrix has both a list of values and named dimensions; Buildkite takes one or the other.",
                "Use Values for a single anonymous dimension ({{matrix}}), or named dimensions ({{matrix.os}}), not both.");
            return;
        }

        if (!single && !named)
        {
            context.Error(step, "matrix", DiagnosticCodes.MatrixElements,
                "The matrix has no values.", "Give the matrix at least one value, or remove it.");
            return;
        }

        if (named)
        {
            CheckDimensions(context, step, matrix);
        }
        else
        {
            CheckSize(context, step, setupField, null, matrix.Values.Count);
        }

        if (matrix.Adjustments.Count > StepDefaults.MaxMatrixAdjustments)
        {
            context.Error(step, "matrix.adjustments", DiagnosticCodes.MatrixAdjustments,
                string.Create(CultureInfo.InvariantCulture, $"The matrix has {matrix.Adjustments.Count} adjustments; Buildkite allows at most {StepDefaults.MaxMatrixAdjustments}."),
                "Fold adjustments into the setup, or split the step into several steps.");
        }

        CheckAdjustments(context, step, matrix, named);
        var jobs = Jobs(matrix, out var formula);
        if (jobs > StepDefaults.MaxMatrixJobs)
        {
            context.Error(step, "matrix", DiagnosticCodes.MatrixJobs,
                string.Create(CultureInfo.InvariantCulture, $"The matrix makes {jobs} jobs ({formula}); Buildkite allows at most {StepDefaults.MaxMatrixJobs} per step."),
                "Reduce the values, skip combinations with adjustments, or split the step into several steps.");
        }
    }

    /// <summary>
    /// The number of jobs a matrix makes: the product of its dimensions, plus added and minus skipped
    /// combinations. Counts only what can be counted when the matrix is malformed.
    /// </summary>
    public static long Jobs(Matrix matrix) => Jobs(matrix, out _);

    private static void CheckDimensions(ValidationContext context, CheckedStep step, Matrix matrix)
    {
        if (matrix.Dimensions.Count > StepDefaults.MaxMatrixDimensions)
        {
            context.Error(step, "matrix.setup", DiagnosticCodes.MatrixDimensions,
                string.Create(CultureInfo.InvariantCulture, $"The matrix has {matrix.Dimensions.Count} dimensions; Buildkite allows at most {StepDefaults.MaxMatrixDimensions}."),
                "Combine or remove dimensions, or split the step into several steps.");
        }

        foreach (var (name, values) in matrix.Dimensions)
        {
            if (!IsDimensionName(name))
            {
                context.Error(step, "matrix.setup." + name, DiagnosticCodes.MatrixShape,
                    $"The matrix dimension name '{name}' has characters Buildkite does not allow.",
                    "Use only letters, digits and '_' in dimension names.");
            }

            CheckSize(context, step, "matrix.setup." + name, name, values?.Count ?? 0);
        }
    }

    private static void CheckSize(ValidationContext context, CheckedStep step, string field, string? dimension, int count)
    {
        var what = dimension is null ? "The matrix" : $"The matrix dimension '{dimension}'";
        if (count == 0)
        {
            context.Error(step, field, DiagnosticCodes.MatrixElements,
                $"{what} has no values.", "Give it at least one value, or remove it.");
        }
        else if (count > StepDefaults.MaxMatrixElementsPerDimension)
        {
            context.Error(step, field, DiagnosticCodes.MatrixElements,
                string.Create(CultureInfo.InvariantCulture, $"{what} has {count} values; Buildkite allows at most {StepDefaults.MaxMatrixElementsPerDimension} per dimension."),
                "Use fewer values, or split the step into several steps.");
        }
    }

    private static void CheckAdjustments(ValidationContext context, CheckedStep step, Matrix matrix, bool named)
    {
        for (var i = 0; i < matrix.Adjustments.Count; i++)
        {
            if (matrix.Adjustments[i] is not { } adjustment)
            {
                continue;
            }

            var field = string.Create(CultureInfo.InvariantCulture, $"matrix.adjustments[{i}].with");
            if (named)
            {
                if (adjustment.With.Count > 0)
                {
                    context.Error(step, field, DiagnosticCodes.MatrixShape,
                        "The adjustment gives a list of values, but the matrix has named dimensions.",
                        "Name the dimensions, for example new MatrixAdjustment { [\"os\"] = \"windows\" }.");
                }

                foreach (var (name, _) in adjustment.Dimensions)
                {
                    if (!matrix.Dimensions.Any(d => d.Key == name))
                    {
                        var nearest = Suggestions.Nearest(name, matrix.Dimensions.Select(d => d.Key));
                        context.Error(step, field, DiagnosticCodes.MatrixShape,
                            $"The adjustment names the dimension '{name}', which the matrix does not have.",
                            nearest is null ? "Use the names of the matrix's dimensions." : $"Did you mean '{nearest}'?");
                    }
                }
            }
            else if (adjustment.Dimensions.Count > 0)
            {
                context.Error(step, field, DiagnosticCodes.MatrixShape,
                    "The adjustment names dimensions, but the matrix is a single list of values.",
                    "Give the combination as a list, for example new MatrixAdjustment { With = [\"freebsd\"] }.");
            }
        }
    }

    private static bool IsDimensionName(string name) =>
        name.Length > 0 && name.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_');

    private static long Jobs(Matrix matrix, out string formula)
    {
        long product = 1;
        var text = new StringBuilder();
        var setup = new List<(string Name, HashSet<string> Values)>();
        if (matrix.Dimensions.Count > 0)
        {
            foreach (var (name, values) in matrix.Dimensions)
            {
                var set = (values ?? []).Select(v => v.ToString()).ToHashSet(StringComparer.Ordinal);
                setup.Add((name, set));
                product = Math.Min(product * Math.Max(1, values?.Count ?? 0), int.MaxValue);
                text.Append(text.Length == 0 ? string.Empty : " × ").Append(values?.Count ?? 0);
            }
        }
        else
        {
            setup.Add((string.Empty, matrix.Values.Select(v => v.ToString()).ToHashSet(StringComparer.Ordinal)));
            product = matrix.Values.Count;
            text.Append(matrix.Values.Count.ToString(CultureInfo.InvariantCulture));
        }

        var added = new HashSet<string>(StringComparer.Ordinal);
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var adjustment in matrix.Adjustments)
        {
            if (adjustment is null || Combination(adjustment, setup, out var inSetup) is not { } combination)
            {
                continue;
            }

            var skip = adjustment.Skip is { Reason: not null } or { Skipped: true };
            if (inSetup && skip)
            {
                skipped.Add(combination);
            }
            else if (!inSetup && !skip)
            {
                added.Add(combination);
            }
        }

        if (added.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" + {added.Count} added");
        }

        if (skipped.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" − {skipped.Count} skipped");
        }

        formula = text.ToString();
        return product + added.Count - skipped.Count;
    }

    /// <summary>The combination an adjustment names, as one string, and whether the setup has it.</summary>
    private static string? Combination(MatrixAdjustment adjustment, List<(string Name, HashSet<string> Values)> setup, out bool inSetup)
    {
        inSetup = false;
        if (setup.Count == 1 && setup[0].Name.Length == 0)
        {
            if (adjustment.With.Count != 1)
            {
                return null;
            }

            var value = adjustment.With[0].ToString();
            inSetup = setup[0].Values.Contains(value);
            return value;
        }

        if (adjustment.Dimensions.Count == 0)
        {
            return null;
        }

        var key = new StringBuilder();
        inSetup = adjustment.Dimensions.Count == setup.Count;
        foreach (var (name, values) in setup)
        {
            var found = adjustment.Dimensions.FirstOrDefault(d => d.Key == name);
            if (found.Key is null)
            {
                inSetup = false;
                key.Append(name).Append("=\u0000;");
                continue;
            }

            var value = found.Value.ToString();
            inSetup &= values.Contains(value);
            key.Append(name).Append('=').Append(value).Append(';');
        }

        return key.ToString();
    }
}
