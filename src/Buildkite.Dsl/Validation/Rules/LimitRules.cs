using System.Globalization;
using System.Text;
using Buildkite.Dsl.Serialization;

namespace Buildkite.Dsl.Validation.Rules;

/// <summary>
/// Checks the limits of an upload: <c>skip</c> reasons of at most 70 characters (BKD210), at most
/// <see cref="Pipeline.MaxJobsPerUpload"/> jobs per upload (BKD501), and, in an output of several uploads, no
/// wait or block steps (BKD502).
/// </summary>
/// <remarks>
/// <para>
/// Jobs are counted as Buildkite creates them: a command step makes <c>parallelism</c> jobs times the jobs of
/// its matrix; wait, block, input and trigger steps make one each; a group makes none of its own.
/// </para>
/// <para>
/// Buildkite inserts each upload right after the job that uploads it, so the uploads of one output end up in
/// reverse order in the build. A wait or block step orders every step after it in the build, so in an output
/// of several uploads it would also hold back, or be held back by, steps of the other uploads, and can
/// deadlock against dependencies between them. Steps of such an output order themselves with
/// <c>depends_on</c> only.
/// </para>
/// </remarks>
internal static class LimitRules
{
    public static void Check(ValidationContext context, CheckedStep step)
    {
        switch (step.Step)
        {
            case CommandStep command:
                CheckSkip(context, step, "skip", command.Skip);
                if (command.Matrix is { } matrix)
                {
                    for (var i = 0; i < matrix.Adjustments.Count; i++)
                    {
                        CheckSkip(context, step, string.Create(CultureInfo.InvariantCulture, $"matrix.adjustments[{i}].skip"), matrix.Adjustments[i]?.Skip);
                    }
                }

                break;
            case TriggerStep trigger:
                CheckSkip(context, step, "skip", trigger.Skip);
                break;
            case GroupStep group:
                CheckSkip(context, step, "skip", group.Skip);
                break;
            default:
                break;
        }
    }

    /// <summary>The jobs one step creates: parallelism times matrix jobs for a command step, 0 for a group, else 1.</summary>
    public static long JobsOf(Step step) => step switch
    {
        CommandStep command => Math.Max(1, command.Parallelism ?? 1) * (command.Matrix is { } matrix ? Math.Max(1, MatrixRules.Jobs(matrix)) : 1),
        GroupStep => 0,
        _ => 1,
    };

    public static void CheckUploads(ValidationContext context)
    {
        var jobs = new long[context.Uploads.Count];
        var largest = new List<StepJobs>[context.Uploads.Count];
        foreach (var step in context.Steps)
        {
            var count = JobsOf(step.Step);
            jobs[step.Upload] += count;
            var top = largest[step.Upload] ??= [];
            if (count > 1)
            {
                Keep(top, new StepJobs(step, count));
            }

            if (context.IsSplit && step.Step is WaitStep or BlockStep)
            {
                context.Error(step, null, DiagnosticCodes.WaitAcrossUploads,
                    $"A {StepNames.Type(step.Step)} step in an output of several uploads would also act on steps of the other uploads: Buildkite inserts each upload right after the uploading job, so later uploads end up before earlier ones in the build.",
                    "Order the steps with DependsOn instead (a step with DependsOn ignores wait and block steps), or upload these documents from separate steps.");
            }
        }

        for (var upload = 0; upload < context.Uploads.Count; upload++)
        {
            var limit = context.Uploads[upload].MaxJobsPerUpload;
            if (jobs[upload] <= limit)
            {
                continue;
            }

            var message = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"The upload creates {jobs[upload]} jobs, counting parallelism and matrix jobs; Buildkite accepts at most {limit} per upload.");
            if (largest[upload] is { Count: > 0 } top)
            {
                message.Append(" The largest: ")
                    .AppendJoin(", ", top.Select(entry => string.Create(CultureInfo.InvariantCulture, $"{entry.Step.Name()} with {entry.Jobs}")))
                    .Append('.');
            }

            context.PipelineError(upload, "steps", DiagnosticCodes.TooManyJobs, message.ToString(),
                "Split the pipeline into several uploads with PipelineUploads.Split(pipeline), which writes one YAML document per upload, each within the limit; or create fewer jobs.");
        }
    }

    private static void CheckSkip(ValidationContext context, CheckedStep step, string field, Skip? skip)
    {
        if (skip?.Reason is not { } reason)
        {
            return;
        }

        var visible = StepNames.Visible(reason);
        var length = visible.EnumerateRunes().Count();
        if (length > StepDefaults.MaxSkipReasonLength)
        {
            context.Error(step, field, DiagnosticCodes.SkipReasonTooLong,
                string.Create(CultureInfo.InvariantCulture, $"The skip reason has {length} characters; Buildkite allows at most {StepDefaults.MaxSkipReasonLength}."),
                "Shorten the reason; link to an issue for the details.");
        }
    }

    /// <summary>Keeps the three largest entries, largest first.</summary>
    private static void Keep(List<StepJobs> top, StepJobs entry)
    {
        var at = top.FindIndex(existing => existing.Jobs < entry.Jobs);
        if (at < 0)
        {
            if (top.Count < 3)
            {
                top.Add(entry);
            }

            return;
        }

        top.Insert(at, entry);
        if (top.Count > 3)
        {
            top.RemoveAt(3);
        }
    }

    /// <summary>A step and the jobs it creates (a class: lists of tuples with a long are compiled by the JIT at start-up).</summary>
    private sealed record StepJobs(CheckedStep Step, long Jobs);
}
