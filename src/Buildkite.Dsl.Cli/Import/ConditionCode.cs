using System.Globalization;
using System.Text.RegularExpressions;
using Buildkite.Dsl.Cli.Meaning;

namespace Buildkite.Dsl.Cli.Import;

/// <summary>
/// Turns an <c>if</c> expression into C# with the typed builder (<c>Build.Branch == "main"</c>), when the builder
/// writes an expression of the same meaning; else into the text itself, which converts to a condition.
/// </summary>
/// <remarks>
/// Each candidate is built with the library itself and its text parsed again: the builder's code is used only
/// when both parse to the same expression (white space, quotes and parentheses aside).
/// </remarks>
internal static class ConditionCode
{
    private static readonly Dictionary<string, (string Code, Kind Kind, Func<object> Value)> Variables = new(StringComparer.Ordinal)
    {
        ["build.branch"] = ("Build.Branch", Kind.String, () => Build.Branch),
        ["build.commit"] = ("Build.Commit", Kind.String, () => Build.Commit),
        ["build.id"] = ("Build.Id", Kind.String, () => Build.Id),
        ["build.message"] = ("Build.Message", Kind.String, () => Build.Message),
        ["build.number"] = ("Build.Number", Kind.Integer, () => Build.Number),
        ["build.source"] = ("Build.Source", Kind.String, () => Build.Source),
        ["build.source_event"] = ("Build.SourceEvent", Kind.String, () => Build.SourceEvent),
        ["build.source_action"] = ("Build.SourceAction", Kind.String, () => Build.SourceAction),
        ["build.state"] = ("Build.State", Kind.String, () => Build.State),
        ["build.tag"] = ("Build.Tag", Kind.String, () => Build.Tag),
        ["build.author.email"] = ("Build.Author.Email", Kind.String, () => Build.Author.Email),
        ["build.author.id"] = ("Build.Author.Id", Kind.String, () => Build.Author.Id),
        ["build.author.name"] = ("Build.Author.Name", Kind.String, () => Build.Author.Name),
        ["build.author.teams"] = ("Build.Author.Teams", Kind.Array, () => Build.Author.Teams),
        ["build.creator.email"] = ("Build.Creator.Email", Kind.String, () => Build.Creator.Email),
        ["build.creator.id"] = ("Build.Creator.Id", Kind.String, () => Build.Creator.Id),
        ["build.creator.name"] = ("Build.Creator.Name", Kind.String, () => Build.Creator.Name),
        ["build.creator.teams"] = ("Build.Creator.Teams", Kind.Array, () => Build.Creator.Teams),
        ["build.pull_request.base_branch"] = ("Build.PullRequest.BaseBranch", Kind.String, () => Build.PullRequest.BaseBranch),
        ["build.pull_request.id"] = ("Build.PullRequest.Id", Kind.String, () => Build.PullRequest.Id),
        ["build.pull_request.draft"] = ("Build.PullRequest.Draft", Kind.Condition, () => Build.PullRequest.Draft),
        ["build.pull_request.labels"] = ("Build.PullRequest.Labels", Kind.Array, () => Build.PullRequest.Labels),
        ["build.pull_request.repository"] = ("Build.PullRequest.Repository", Kind.Repository, () => Build.PullRequest.Repository),
        ["build.pull_request.repository.fork"] = ("Build.PullRequest.Repository.Fork", Kind.Condition, () => Build.PullRequest.Repository.Fork),
        ["build.merge_queue.base_branch"] = ("Build.MergeQueue.BaseBranch", Kind.String, () => Build.MergeQueue.BaseBranch),
        ["build.merge_queue.base_commit"] = ("Build.MergeQueue.BaseCommit", Kind.String, () => Build.MergeQueue.BaseCommit),
        ["pipeline.default_branch"] = ("ThisPipeline.DefaultBranch", Kind.String, () => ThisPipeline.DefaultBranch),
        ["pipeline.id"] = ("ThisPipeline.Id", Kind.String, () => ThisPipeline.Id),
        ["pipeline.repository"] = ("ThisPipeline.Repository", Kind.String, () => ThisPipeline.Repository),
        ["pipeline.slug"] = ("ThisPipeline.Slug", Kind.String, () => ThisPipeline.Slug),
        ["pipeline.started_failing"] = ("ThisPipeline.StartedFailing", Kind.Condition, () => ThisPipeline.StartedFailing),
        ["pipeline.started_passing"] = ("ThisPipeline.StartedPassing", Kind.Condition, () => ThisPipeline.StartedPassing),
        ["organization.id"] = ("Organization.Id", Kind.String, () => Organization.Id),
        ["organization.slug"] = ("Organization.Slug", Kind.String, () => Organization.Slug),
        ["step.id"] = ("ThisStep.Id", Kind.String, () => ThisStep.Id),
        ["step.key"] = ("ThisStep.Key", Kind.String, () => ThisStep.Key),
        ["step.label"] = ("ThisStep.Label", Kind.String, () => ThisStep.Label),
        ["step.type"] = ("ThisStep.Type", Kind.String, () => ThisStep.Type),
        ["step.state"] = ("ThisStep.State", Kind.String, () => ThisStep.State),
        ["step.outcome"] = ("ThisStep.Outcome", Kind.String, () => ThisStep.Outcome),
    };

    private enum Kind
    {
        Condition,
        String,
        Integer,
        Array,
        Repository,
        Literal,
        Number,
        Null,
    }

    /// <summary>Whether the builder code uses <c>RegexOptions</c> (the script then imports System.Text.RegularExpressions).</summary>
    public static bool UsesRegexOptions(string code) => code.Contains("RegexOptions.", StringComparison.Ordinal);

    /// <summary>C# for a condition (model text): the typed builder when it means the same, else the text.</summary>
    public static Code For(string expression)
    {
        if (ConditionSyntax.Parse(expression) is { } node)
        {
            try
            {
                var built = Make(node, 0);
                if (built is { Kind: Kind.Condition, Value.Value: Condition condition }
                    && ConditionSyntax.Canonical(condition.Expression) == ConditionSyntax.Canonical(expression))
                {
                    return new Text(built.Value.Code);
                }
            }
            catch (ArgumentException)
            {
                // The builder refuses the value (a control character, a regex .NET cannot read): keep the text.
            }
        }

        return Literals.String(expression);
    }

    /// <summary>
    /// The C# for <paramref name="node"/> and the value it builds; <paramref name="context"/> is the C# precedence
    /// around it (0 top, 1 operand of <c>|</c>, 2 operand of <c>&amp;</c>, 4 operand of <c>!</c> or of a comparison).
    /// </summary>
    private static Built? Make(ConditionNode node, int context)
    {
        switch (node)
        {
            case OrNode either:
            {
                var (left, right) = Operands(either.Left, either.Right, 1);
                return left is null || right is null
                    ? null
                    : Wrap(new Built(new Valued(left.Value.Code + " | " + right.Value.Code, (Condition)left.Value.Value | (Condition)right.Value.Value), Kind.Condition), context > 1);
            }

            case AndNode both:
            {
                var (left, right) = Operands(both.Left, both.Right, 2);
                return left is null || right is null
                    ? null
                    : Wrap(new Built(new Valued(left.Value.Code + " & " + right.Value.Code, (Condition)left.Value.Value & (Condition)right.Value.Value), Kind.Condition), context > 2);
            }

            case NotNode negation when Make(negation.Operand, 4) is { Kind: Kind.Condition } operand:
                return new Built(new Valued("!" + operand.Value.Code, !(Condition)operand.Value.Value), Kind.Condition);
            case CompareNode compare:
                return Compare(compare, context);
            case MatchNode match:
                return Match(match);
            case VariableNode variable when Variables.TryGetValue(variable.Name, out var known):
                return new Built(new Valued(known.Code, known.Value()), known.Kind);
            case CallNode { Name: "build.env", Arguments: [StringNode name] } when !name.Value.Contains('\uFDD0', StringComparison.Ordinal):
                return new Built(new Valued($"Build.Env({Literals.Quote(name.Value)})", Dsl.Build.Env(name.Value)), Kind.String);
            case StringNode text when Literals.String(text.Value).Inline() is { } code:
                return new Built(new Valued(code, text.Value), Kind.Literal);
            case IntegerNode integer:
                return new Built(new Valued(integer.Value.ToString(CultureInfo.InvariantCulture), integer.Value), Kind.Number);
            case KeywordNode { Word: "null" }:
                return new Built(new Valued("null", NullValue.Instance), Kind.Null);
            case KeywordNode { Word: "true" }:
                return new Built(new Valued("Condition.True", Condition.True), Kind.Condition);
            case KeywordNode { Word: "false" }:
                return new Built(new Valued("Condition.False", Condition.False), Kind.Condition);
            default:
                return null;
        }
    }

    private static (Built? Left, Built? Right) Operands(ConditionNode left, ConditionNode right, int context)
    {
        var l = Make(left, context);
        var r = Make(right, context);
        return l is { Kind: Kind.Condition } && r is { Kind: Kind.Condition } ? (l, r) : (null, null);
    }

    private static Built Wrap(Built built, bool parenthesise) =>
        parenthesise ? built with { Value = built.Value with { Code = "(" + built.Value.Code + ")" } } : built;

    private static Built? Compare(CompareNode compare, int context)
    {
        var left = Make(compare.Left, 4);
        var right = Make(compare.Right, 4);
        if (left is null || right is null)
        {
            return null;
        }

        Condition condition;
        if (compare.Operator == "includes")
        {
            if (left.Kind != Kind.Array || StringOf(right) is not { } item)
            {
                return null;
            }

            return new Built(new Valued($"{left.Value.Code}.Includes({right.Value.Code})", ((ArrayExpression)left.Value.Value).Includes(item)), Kind.Condition);
        }

        var equal = compare.Operator == "==";
        if (left.Kind == Kind.Integer || right.Kind == Kind.Integer)
        {
            if (IntegerOf(left) is not { } a || IntegerOf(right) is not { } b || (left.Kind != Kind.Integer && right.Kind != Kind.Integer))
            {
                return null;
            }

            condition = equal ? a == b : a != b;
        }
        else
        {
            // At least one side must be a variable: two literals would compare as C# strings.
            if (left.Kind is not (Kind.String or Kind.Repository) && right.Kind is not (Kind.String or Kind.Repository))
            {
                return null;
            }

            if (StringOf(left) is not { } a || StringOf(right) is not { } b)
            {
                return null;
            }

            condition = equal ? a == b : a != b;
        }

        return Wrap(new Built(new Valued($"{left.Value.Code} {compare.Operator} {right.Value.Code}", condition), Kind.Condition), context > 3);
    }

    private static Built? Match(MatchNode match)
    {
        var value = Make(match.Value, 4);
        if (value is null || StringOf(value) is not { } subject || match.Flags is not ("" or "i")
            || match.Pattern.Contains('\uFDD0', StringComparison.Ordinal) || value.Kind is not (Kind.String or Kind.Repository))
        {
            return null;
        }

        // A '/' is escaped inside a regex literal; .NET reads the pattern without that escape.
        var pattern = match.Pattern.Replace("\\/", "/", StringComparison.Ordinal);
        var options = match.Flags == "i" ? RegexOptions.IgnoreCase : RegexOptions.None;
        var method = match.Operator == "=~" ? "Matches" : "DoesNotMatch";
        var condition = match.Operator == "=~" ? subject.Matches(pattern, options) : subject.DoesNotMatch(pattern, options);
        var code = $"{value.Value.Code}.{method}({Literals.Quote(pattern)}{(options == RegexOptions.IgnoreCase ? ", RegexOptions.IgnoreCase" : string.Empty)})";
        return new Built(new Valued(code, condition), Kind.Condition);
    }

    private static StringExpression? StringOf(Built built) => built.Kind switch
    {
        Kind.String => (StringExpression)built.Value.Value,
        Kind.Repository => (StringExpression)(PullRequestRepositoryExpression)built.Value.Value,
        Kind.Literal => (StringExpression)(string)built.Value.Value,
        Kind.Null => (StringExpression)(string?)null,
        _ => null,
    };

    private static IntegerExpression? IntegerOf(Built built) => built.Kind switch
    {
        Kind.Integer => (IntegerExpression)built.Value.Value,
        Kind.Number => (IntegerExpression)(long)built.Value.Value,
        _ => null,
    };

    private sealed record Valued(string Code, object Value);

    private sealed record Built(Valued Value, Kind Kind);

    private sealed class NullValue
    {
        public static readonly NullValue Instance = new();
    }
}
