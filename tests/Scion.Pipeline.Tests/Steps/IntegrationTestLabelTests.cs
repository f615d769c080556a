using System.Text.RegularExpressions;
using CsCheck;
using Scion.Pipeline.Steps;

namespace Scion.Pipeline.Tests.Steps;

/// <summary>
/// <see cref="IntegrationTestSteps.Label"/> applies its rewriting rules with plain string tests (no regex engine at
/// start-up); this holds them to the regular expressions the rules were written as, on random targets.
/// </summary>
public class IntegrationTestLabelTests
{
    private static readonly Regex DemoRule = new("^demo/([^:]+):.*\\z", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    private static readonly Regex GoIntegrationTestRule = new("^(.+):go_integration_test\\z", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    private static readonly Regex CryptoPlaygroundRule = new("^tools/cryptoplayground:(.+)_test\\z", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static string ReferenceLabel(string target)
    {
        var label = target[2..];
        var at = label.IndexOf(":test", StringComparison.Ordinal);
        label = at < 0 ? label : label.Remove(at, ":test".Length);
        at = label.IndexOf(":go_default_test", StringComparison.Ordinal);
        label = at < 0 ? label : label.Remove(at, ":go_default_test".Length);
        if (label.StartsWith("acceptance/", StringComparison.Ordinal))
        {
            label = "AT: " + label["acceptance/".Length..];
        }

        label = DemoRule.Replace(label, "Demo: $1");
        label = GoIntegrationTestRule.Replace(label, "IT: $1");
        return CryptoPlaygroundRule.Replace(label, "AT: $1");
    }

    private static readonly Gen<string> Targets = Gen.OneOf(
            "demo/", "acceptance/", "tools/cryptoplayground:", ":", "_test", ":test", ":go_integration_test", ":go_default_test",
            "a", "x_y", "/", "\n", "demo", "_")
        .Array[0, 6]
        .Select(parts => "//" + string.Concat(parts))
        .Where(target => target.Length > 2);

    [Fact]
    public void Labels_follow_the_rules_as_regular_expressions_state_them() =>
        Targets.Sample(target => IntegrationTestSteps.Label(target) == ReferenceLabel(target), iter: 20_000);
}
