using Buildkite.Dsl.Serialization;
using YamlDotNet.RepresentationModel;

namespace Buildkite.Dsl.Tests.Support;

/// <summary>
/// Writes a pipeline the way <see cref="Pipeline.ToYaml"/> does but without running the checks, so tests of
/// how one attribute is written do not depend on which combinations the validator accepts.
/// </summary>
internal static class Written
{
    /// <summary>The YAML of the mapped pipeline; mapping problems (text that cannot be encoded) fail the test.</summary>
    public static string Yaml(Pipeline pipeline)
    {
        var (root, diagnostics) = StepMapper.Map(pipeline);
        diagnostics.Should().BeEmpty("mapping the pipeline must not report problems");
        var output = new StringWriter { NewLine = "\n" };
        YamlPipelineWriter.Write(output, [root]);
        return output.ToString();
    }

    /// <summary>The JSON of the mapped pipeline, as <see cref="Pipeline.ToJson"/> writes it but without the checks.</summary>
    public static string JsonText(Pipeline pipeline)
    {
        var (root, diagnostics) = StepMapper.Map(pipeline);
        diagnostics.Should().BeEmpty("mapping the pipeline must not report problems");
        var output = new System.Text.StringBuilder();
        JsonPipelineWriter.Write(output, root);
        return output.Append('\n').ToString();
    }

    /// <summary>The YAML of a pipeline holding only <paramref name="step"/>.</summary>
    public static string Yaml(Step step) => Yaml(new Pipeline { Steps = [step] });

    /// <summary>The step as written (a map, or a string such as <c>wait</c>), parsed independently.</summary>
    public static YamlNode Step(Step step) => IndependentYaml.Find(IndependentYaml.Parse(Yaml(step)), "steps/0");

    /// <summary>
    /// One attribute of the written step (a <c>/</c>-separated path such as <c>retry/automatic</c>) as compact
    /// JSON, with plain scalars resolved the way the agent reads them.
    /// </summary>
    public static string Json(Step step, string path) => IndependentYaml.ToJson(IndependentYaml.Find(Step(step), path))!.ToJsonString(Readable);

    /// <summary>Compact JSON that escapes only what JSON requires, so expectations read naturally.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The written step's keys, in order; empty for a string step.</summary>
    public static List<string> KeysOf(Step step) =>
        Step(step) is YamlMappingNode map ? map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList() : [];
}
