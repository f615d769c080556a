using Buildkite.Dsl;
using Scion.Pipeline.Shared;

namespace Scion.Pipeline.Steps;

/// <summary>The one step of the doc-only pipeline.</summary>
public static class DocSteps
{
    /// <summary>Minutes after which the doc lint is cancelled.</summary>
    public const int TimeoutInMinutes = 10;

    /// <summary>"Lint doc :bash:" (key <c>lint_doc</c>): <c>make lint-doc</c>.</summary>
    public static CommandStep LintDoc { get; } = new()
    {
        Label = "Lint doc :bash:",
        Key = "lint_doc",
        Commands = ["make lint-doc"],
        Retry = ScionRetry.Automatic,
        TimeoutInMinutes = TimeoutInMinutes,
    };
}
