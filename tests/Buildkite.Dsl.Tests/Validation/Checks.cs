using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Validation;

/// <summary>Runs the checks of a pipeline and picks the diagnostics a test is about.</summary>
internal static class Checks
{
    /// <summary>The one diagnostic with <paramref name="code"/>; fails when there is none or more than one.</summary>
    public static Diagnostic Single(Pipeline pipeline, string code)
    {
        var found = pipeline.Validate().Where(d => d.Code == code).ToList();
        found.Should().ContainSingle($"the pipeline should have exactly one {code}, but has: {Describe(pipeline.Validate())}");
        return found[0];
    }

    /// <summary>Every diagnostic with <paramref name="code"/>.</summary>
    public static List<Diagnostic> All(Pipeline pipeline, string code) =>
        pipeline.Validate().Where(d => d.Code == code).ToList();

    /// <summary>Asserts that the pipeline has no errors and no diagnostic with <paramref name="code"/>.</summary>
    public static void Passes(Pipeline pipeline, string code)
    {
        var diagnostics = pipeline.Validate();
        diagnostics.Where(d => d.IsError || d.Code == code).Should().BeEmpty(Describe(diagnostics));
    }

    /// <summary>A pipeline of the given steps.</summary>
    public static Pipeline Of(params Step[] steps) => new() { Steps = steps };

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.Count == 0 ? "none" : string.Join("\n", diagnostics);
}
