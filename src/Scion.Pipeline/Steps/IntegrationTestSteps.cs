using Buildkite.Dsl.Plugins;
using System.Globalization;
using Buildkite.Dsl;
using Scion.Pipeline.Shared;

namespace Scion.Pipeline.Steps;

/// <summary>
/// The generated group "Integration Tests :bazel:" (key <c>integration-tests</c>): one step per bazel
/// integration test target.
/// </summary>
public static class IntegrationTestSteps
{
    /// <summary>The group's name.</summary>
    public const string GroupName = "Integration Tests :bazel:";

    /// <summary>The group's key.</summary>
    public const string GroupKey = "integration-tests";

    /// <summary>Minutes after which an integration test step is cancelled.</summary>
    public const int TimeoutInMinutes = 20;

    /// <summary>
    /// The bazel query that lists the integration tests: tests tagged <c>integration</c>, except those tagged
    /// <c>lint</c> or <c>manual</c>.
    /// </summary>
    public const string Query = "attr(tags, integration, tests(//...)) except attr(tags, \"lint|manual\", tests(//...))";

    /// <summary>
    /// Creates the group for <paramref name="targets"/>, or returns <see langword="null"/> when no target is
    /// left after <see cref="ScionContext.SingleTest"/> (Buildkite rejects a group without steps).
    /// </summary>
    /// <param name="targets">Bazel labels such as <c>//acceptance/stun:test</c>, in order.</param>
    /// <param name="singleTest">Runs only targets that contain this text; <see langword="null"/> or empty for all.</param>
    /// <param name="parallelism">How many times each test runs; 1 runs each once.</param>
    /// <returns>The group, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">A target does not start with <c>//</c>, or <paramref name="parallelism"/> is below 1.</exception>
    public static GroupStep? Group(IEnumerable<string> targets, string? singleTest, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var steps = new List<GroupableStep>();
        foreach (var target in targets)
        {
            if (string.IsNullOrEmpty(singleTest) || target.Contains(singleTest, StringComparison.Ordinal))
            {
                steps.Add(Step(target, singleTest, parallelism));
            }
        }

        return steps.Count == 0 ? null : new GroupStep { Group = GroupName, Key = GroupKey, Steps = steps };
    }

    /// <summary>Creates the step that runs one integration test target.</summary>
    /// <param name="target">A bazel label such as <c>//acceptance/stun:test</c>.</param>
    /// <param name="singleTest">The <c>SINGLE_TEST</c> knob; when set, bazel's cached results are not used.</param>
    /// <param name="parallelism">How many times the test runs; other than 1, bazel's cached results are not used.</param>
    /// <returns>The step: label from <see cref="Label(string)"/>, key from <see cref="Key(string)"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="target"/> does not start with <c>//</c>, or <paramref name="parallelism"/> is below 1.</exception>
    public static CommandStep Step(string target, string? singleTest, int parallelism)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var command = new List<string> { "bazel test --test_output=streamed", target };
        if (target.Contains("go", StringComparison.Ordinal))
        {
            command.Add("--test_arg=-test.v");
        }

        if (!string.IsNullOrEmpty(singleTest) || parallelism != 1)
        {
            command.Add("--nocache_test_results");
        }

        return new CommandStep
        {
            Label = Label(target),
            Key = Key(target),
            Commands = [string.Join(' ', command)],
            Parallelism = parallelism == 1 ? null : parallelism,
            Plugins = [ScionHooks.CleanTestLogs],
            ArtifactPaths = ScionArtifacts.BazelTest,
            TimeoutInMinutes = TimeoutInMinutes,
            Retry = ScionRetry.IntegrationTest,
        };
    }

    /// <summary>
    /// Returns the label of a target's step: the name after <c>//</c>, rewritten by these rules in order.
    /// </summary>
    /// <remarks>
    /// <list type="number">
    /// <item>the first <c>:test</c> is removed;</item>
    /// <item>the first <c>:go_default_test</c> is removed;</item>
    /// <item>a leading <c>acceptance/</c> becomes <c>AT: </c>;</item>
    /// <item><c>demo/&lt;path&gt;:&lt;rest&gt;</c> becomes <c>Demo: &lt;path&gt;</c> (path: up to the first <c>:</c>);</item>
    /// <item><c>&lt;x&gt;:go_integration_test</c> at the end becomes <c>IT: &lt;x&gt;</c>;</item>
    /// <item><c>tools/cryptoplayground:&lt;y&gt;_test</c> becomes <c>AT: &lt;y&gt;</c>.</item>
    /// </list>
    /// </remarks>
    /// <param name="target">A bazel label such as <c>//acceptance/stun:test</c>.</param>
    /// <returns>The label, for example <c>AT: stun</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="target"/> does not start with <c>//</c>.</exception>
    public static string Label(string target)
    {
        var label = Name(target);
        label = RemoveFirst(label, ":test");
        label = RemoveFirst(label, ":go_default_test");
        if (label.StartsWith("acceptance/", StringComparison.Ordinal))
        {
            label = "AT: " + label["acceptance/".Length..];
        }

        // The rules below are plain string tests rather than regular expressions: this runs in the first step of
        // every build, where loading and running the regex engine would cost more than the rest of the labels.
        const string Demo = "demo/";
        if (label.StartsWith(Demo, StringComparison.Ordinal) && label.IndexOf(':', Demo.Length) is var colon && colon > Demo.Length)
        {
            label = "Demo: " + label[Demo.Length..colon];
        }

        const string GoIntegrationTest = ":go_integration_test";
        if (label.Length > GoIntegrationTest.Length && label.EndsWith(GoIntegrationTest, StringComparison.Ordinal))
        {
            label = "IT: " + label[..^GoIntegrationTest.Length];
        }

        const string CryptoPlayground = "tools/cryptoplayground:";
        const string TestSuffix = "_test";
        if (label.Length > CryptoPlayground.Length + TestSuffix.Length
            && label.StartsWith(CryptoPlayground, StringComparison.Ordinal) && label.EndsWith(TestSuffix, StringComparison.Ordinal))
        {
            label = "AT: " + label[CryptoPlayground.Length..^TestSuffix.Length];
        }

        return label;
    }

    /// <summary>Returns the key of a target's step: the name after <c>//</c> with every <c>/</c> replaced by <c>_</c>.</summary>
    /// <param name="target">A bazel label such as <c>//acceptance/stun:test</c>.</param>
    /// <returns>The key, for example <c>acceptance_stun:test</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="target"/> does not start with <c>//</c>.</exception>
    public static string Key(string target) => Name(target).Replace('/', '_');

    private static string Name(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.StartsWith("//", StringComparison.Ordinal) || target.Length == 2)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'{target}' is not a bazel target of the main repository (//package:name)."),
                nameof(target));
        }

        return target[2..];
    }

    private static string RemoveFirst(string text, string part)
    {
        var at = text.IndexOf(part, StringComparison.Ordinal);
        return at < 0 ? text : text.Remove(at, part.Length);
    }

}
