using System.Globalization;

namespace Buildkite.Dsl.Validation.Rules;

/// <summary>
/// Checks <c>if</c> expressions: not together with <c>branches</c> (BKD203), only variables available where
/// the expression stands (BKD250), and well-formed text (BKD251).
/// </summary>
/// <remarks>
/// <c>build.state</c>, <c>pipeline.started_failing</c> and <c>pipeline.started_passing</c> are available only
/// in conditions of build-level notifications (<see cref="Pipeline.Notify"/>); the <c>step.*</c> variables only
/// in conditions of notifications. A step's own <c>if</c> may use neither.
/// </remarks>
internal static class ConditionRules
{
    private enum Scope
    {
        Step,
        StepNotification,
        BuildNotification,
    }

    public static void CheckPipeline(ValidationContext context, int upload)
    {
        var notifications = context.Uploads[upload].Notify;
        for (var i = 0; i < notifications.Count; i++)
        {
            if (ConditionOf(notifications[i]) is { } condition)
            {
                var field = string.Create(CultureInfo.InvariantCulture, $"notify[{i}].if");
                foreach (var problem in Problems(condition, Scope.BuildNotification))
                {
                    if (problem.IsError)
                    {
                        context.PipelineError(upload, field, problem.Code, problem.Message, problem.Help);
                    }
                    else
                    {
                        context.PipelineWarning(upload, field, problem.Code, problem.Message, problem.Help);
                    }
                }
            }
        }
    }

    public static void Check(ValidationContext context, CheckedStep step)
    {
        if (step.Step is GroupableStep { If: not null, Branches: not null })
        {
            context.Error(step, "if", DiagnosticCodes.IfAndBranches,
                "The step has both if and branches; Buildkite allows only one of them.",
                "Express the branch filter in the condition, for example If = Build.Branch == \"main\" | Build.Branch.Matches(new Regex(\"^release/\")), and remove Branches.");
        }

        if (step.Step.If is { } condition)
        {
            Report(context, step, "if", condition, Scope.Step);
        }

        IReadOnlyList<BuildNotification> notifications = step.Step switch
        {
            CommandStep command => command.Notify,
            GroupStep group => group.Notify,
            _ => [],
        };
        for (var i = 0; i < notifications.Count; i++)
        {
            if (ConditionOf(notifications[i]) is { } notifyCondition)
            {
                Report(context, step, string.Create(CultureInfo.InvariantCulture, $"notify[{i}].if"), notifyCondition, Scope.StepNotification);
            }
        }
    }

    private static void Report(ValidationContext context, CheckedStep step, string field, Condition condition, Scope scope)
    {
        foreach (var problem in Problems(condition, scope))
        {
            if (problem.IsError)
            {
                context.Error(step, field, problem.Code, problem.Message, problem.Help);
            }
            else
            {
                context.Warning(step, field, problem.Code, problem.Message, problem.Help);
            }
        }
    }

    private static List<ConditionProblem> Problems(Condition condition, Scope scope)
    {
        var scan = ConditionScanner.Scan(condition.Expression);
        var problems = new List<ConditionProblem>();
        HashSet<string>? seen = null;
        foreach (var variable in scan.Variables)
        {
            if (!(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(variable))
            {
                continue;
            }

            if (variable is "build.state" or "pipeline.started_failing" or "pipeline.started_passing" && scope != Scope.BuildNotification)
            {
                problems.Add(new ConditionProblem(true,
                    $"'{variable}' is available only in conditions of build-level notifications, not {Where(scope)}.",
                    "Move the notification to Pipeline.Notify, or test something known at upload instead.", DiagnosticCodes.Notification));
            }
            else if (variable.StartsWith("step.", StringComparison.Ordinal) && scope == Scope.Step)
            {
                problems.Add(new ConditionProblem(true,
                    $"'{variable}' is available only in conditions of notifications, not in a step's if, which Buildkite evaluates at upload.",
                    "Use it in the If of a notification in the step's Notify.", DiagnosticCodes.Notification));
            }
        }

        problems.AddRange(scan.Problems);
        return problems;
    }

    private static string Where(Scope scope) => scope == Scope.Step ? "in a step's if" : "in a step's notifications";

    private static Condition? ConditionOf(BuildNotification? notification) => notification switch
    {
        SlackNotification slack => slack.If,
        EmailNotification email => email.If,
        WebhookNotification webhook => webhook.If,
        PagerdutyNotification pagerduty => pagerduty.If,
        BasecampCampfireNotification basecamp => basecamp.If,
        GithubCommitStatusNotification status => status.If,
        _ => null,
    };
}
