namespace Buildkite.Dsl.Generators.Tests.Support;

/// <summary>Runs the generator on the bundled plugin definitions, as the committed bindings were made.</summary>
internal static class Bundled
{
    public const string Namespace = "Buildkite.Dsl.Plugins";

    public static IReadOnlyList<PluginInput> Inputs() =>
        Directory.GetFiles(Repository.Definitions)
            .Where(path => BindingGenerator.IsDefinition(path) || BindingGenerator.IsOverlay(path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new PluginInput(Path.GetFileName(path), File.ReadAllText(path)))
            .ToList();

    public static GeneratorResult Generate() => BindingGenerator.Generate(Inputs(), Namespace);
}
