using System.Globalization;

namespace Buildkite.Dsl.Validation.Rules;

/// <summary>
/// Checks numbers: <c>timeout_in_minutes</c>, <c>parallelism</c> and <c>concurrency</c> at least 1 (BKD202),
/// retry <c>limit</c> 0–10 (BKD204), exit statuses -1..255 or <c>*</c> (BKD205), and <c>soft_fail</c> entries
/// with a single exit status (BKD206).
/// </summary>
internal static class NumberRules
{
    private const int MinExitStatus = -1;
    private const int MaxExitStatus = 255;

    public static void Check(ValidationContext context, CheckedStep step)
    {
        switch (step.Step)
        {
            case CommandStep command:
                AtLeastOne(context, step, "timeout_in_minutes", command.TimeoutInMinutes, "Buildkite cancels a job after this many minutes");
                AtLeastOne(context, step, "parallelism", command.Parallelism, "this many copies of the job run");
                AtLeastOne(context, step, "concurrency", command.Concurrency, "this many jobs of the concurrency group may run at once");
                CheckRetry(context, step, command.Retry);
                CheckSoftFail(context, step, "soft_fail", command.SoftFail);
                if (command.Matrix is { } matrix)
                {
                    for (var i = 0; i < matrix.Adjustments.Count; i++)
                    {
                        CheckSoftFail(context, step, string.Create(CultureInfo.InvariantCulture, $"matrix.adjustments[{i}].soft_fail"), matrix.Adjustments[i]?.SoftFail);
                    }
                }

                break;
            case TriggerStep trigger:
                CheckSoftFail(context, step, "soft_fail", trigger.SoftFail);
                break;
            default:
                break;
        }
    }

    private static void AtLeastOne(ValidationContext context, CheckedStep step, string field, int? value, string meaning)
    {
        if (value is { } number && number < 1)
        {
            context.Error(step, field, DiagnosticCodes.NumberTooSmall,
                string.Create(CultureInfo.InvariantCulture, $"{field} is {number}; it must be at least 1 ({meaning})."),
                $"Set it to 1 or more, or leave it unset for Buildkite's default.");
        }
    }

    private static void CheckRetry(ValidationContext context, CheckedStep step, Retry? retry)
    {
        var rules = retry?.Automatic?.Rules ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not { } rule)
            {
                continue;
            }

            var field = string.Create(CultureInfo.InvariantCulture, $"retry.automatic[{i}]");
            if (rule.Limit is { } limit and (< 0 or > StepDefaults.MaxAutomaticRetryLimit))
            {
                context.Error(step, field + ".limit", DiagnosticCodes.RetryLimit,
                    string.Create(CultureInfo.InvariantCulture, $"The automatic retry limit is {limit}; Buildkite allows 0 to {StepDefaults.MaxAutomaticRetryLimit}."),
                    string.Create(CultureInfo.InvariantCulture, $"Use a limit from 0 to {StepDefaults.MaxAutomaticRetryLimit}, or leave it unset for {StepDefaults.AutomaticRetryLimit} retries."));
            }

            CheckExitStatus(context, step, field + ".exit_status", rule.ExitStatus);
        }
    }

    private static void CheckSoftFail(ValidationContext context, CheckedStep step, string field, SoftFail? softFail)
    {
        if (softFail is null)
        {
            return;
        }

        for (var i = 0; i < softFail.ExitStatuses.Count; i++)
        {
            var status = softFail.ExitStatuses[i];
            var entry = string.Create(CultureInfo.InvariantCulture, $"{field}[{i}].exit_status");
            if (status is { IsList: true })
            {
                context.Error(step, entry, DiagnosticCodes.SoftFailExitStatusList,
                    $"A soft_fail entry holds the list of exit statuses {status}; Buildkite takes one exit status per entry.",
                    "Write one entry per exit status, for example SoftFail = [1, 42].");
                continue;
            }

            CheckExitStatus(context, step, entry, status);
        }
    }

    private static void CheckExitStatus(ValidationContext context, CheckedStep step, string field, ExitStatus? status)
    {
        if (status is null || status.IsAny)
        {
            return;
        }

        foreach (var value in status.Statuses)
        {
            if (value is < MinExitStatus or > MaxExitStatus)
            {
                context.Error(step, field, DiagnosticCodes.ExitStatusRange,
                    string.Create(CultureInfo.InvariantCulture, $"The exit status {value} cannot occur; exit statuses are {MinExitStatus} (the agent was lost) to {MaxExitStatus}."),
                    "Use a status from -1 to 255, or ExitStatus.Any for every failure.");
                return;
            }
        }
    }
}
