namespace Buildkite.Dsl.Serialization;

/// <summary>One step and where it stands: <c>steps[2]</c> or <c>steps[2].steps[0]</c>.</summary>
/// <remarks>A class so that LINQ over it runs ahead-of-time compiled framework code. Used by the tools (validate, import), not on the writing path.</remarks>
internal sealed record PlacedStep(Step Step, string Path, GroupStep? Group);

/// <summary>Walks a pipeline's steps in order, groups before their children.</summary>
internal static class StepWalker
{
    public static IEnumerable<PlacedStep> All(Pipeline pipeline)
    {
        for (var i = 0; i < pipeline.Steps.Count; i++)
        {
            var step = pipeline.Steps[i];
            var path = $"steps[{i}]";
            yield return new(step, path, null);
            if (step is GroupStep group)
            {
                for (var j = 0; j < group.Steps.Count; j++)
                {
                    yield return new(group.Steps[j], $"{path}.steps[{j}]", group);
                }
            }
        }
    }
}
