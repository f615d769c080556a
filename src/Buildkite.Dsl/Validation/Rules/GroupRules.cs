namespace Buildkite.Dsl.Validation.Rules;

/// <summary>
/// Checks group steps: at least one step (BKD120) and no concurrency attributes (BKD121).
/// </summary>
/// <remarks>
/// <see cref="GroupStep"/> has no concurrency properties, so such attributes come only through
/// <see cref="Step.Extra"/>, which is also where the reader keeps them when it reads a group that has them.
/// </remarks>
internal static class GroupRules
{
    private static readonly string[] ConcurrencyAttributes = ["concurrency", "concurrency_group", "concurrency_method"];

    public static void Check(ValidationContext context, CheckedStep step)
    {
        if (step.Step is not GroupStep group)
        {
            return;
        }

        if (!HasStep(group.Steps))
        {
            context.Error(step, "steps", DiagnosticCodes.EmptyGroup,
                "The group has no steps; Buildkite rejects an empty group.",
                "Add at least one step to the group, or remove the group.");
        }

        foreach (var attribute in ConcurrencyAttributes)
        {
            if (group.Extra.ContainsKey(attribute))
            {
                context.Error(step, attribute, DiagnosticCodes.ConcurrencyOnGroup,
                    $"'{attribute}' is set on a group; Buildkite limits concurrency of command steps only and rejects it on a group.",
                    "Set Concurrency and ConcurrencyGroup on the command steps inside the group instead.");
            }
        }
    }

    private static bool HasStep(IReadOnlyList<GroupableStep>? steps)
    {
        for (var i = 0; i < (steps?.Count ?? 0); i++)
        {
            if (steps![i] is not null)
            {
                return true;
            }
        }

        return false;
    }
}
