using System.Globalization;

namespace Buildkite.Dsl.Validation.Rules;

/// <summary>
/// Checks concurrency: <c>concurrency</c> and <c>concurrency_group</c> together (BKD207), <c>concurrency_method</c>
/// only with both (BKD208), and a <c>concurrency_group</c> of at most 200 characters (BKD209).
/// </summary>
internal static class ConcurrencyRules
{
    private const int MaxGroupLength = 200;

    public static void Check(ValidationContext context, CheckedStep step)
    {
        if (step.Step is not CommandStep command)
        {
            return;
        }

        if (command.Concurrency is not null && command.ConcurrencyGroup is null)
        {
            context.Error(step, "concurrency", DiagnosticCodes.ConcurrencyPair,
                "concurrency is set without concurrency_group; Buildkite needs both to limit how many jobs run at once.",
                "Set ConcurrencyGroup to a name shared by the steps to limit, for example \"my-pipeline/deploy\".");
        }
        else if (command.Concurrency is null && command.ConcurrencyGroup is not null)
        {
            context.Error(step, "concurrency_group", DiagnosticCodes.ConcurrencyPair,
                "concurrency_group is set without concurrency; Buildkite needs both to limit how many jobs run at once.",
                "Set Concurrency to the number of jobs of the group that may run at once, for example 1.");
        }

        if (command.ConcurrencyMethod is not null && (command.Concurrency is null || command.ConcurrencyGroup is null))
        {
            context.Error(step, "concurrency_method", DiagnosticCodes.ConcurrencyMethodAlone,
                "concurrency_method is set, but it applies only when both concurrency and concurrency_group are set.",
                "Set Concurrency and ConcurrencyGroup too, or remove ConcurrencyMethod.");
        }

        if (command.ConcurrencyGroup is { } group && group.Length > MaxGroupLength)
        {
            context.Error(step, "concurrency_group", DiagnosticCodes.ConcurrencyGroupTooLong,
                string.Create(CultureInfo.InvariantCulture, $"The concurrency_group has {group.Length} characters; Buildkite allows at most {MaxGroupLength}."),
                "Shorten the group name.");
        }
    }
}
