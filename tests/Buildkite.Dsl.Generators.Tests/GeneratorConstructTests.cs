using Buildkite.Dsl.Generators.Tests.Support;

namespace Buildkite.Dsl.Generators.Tests;

/// <summary>One small plugin.yml per family of schema constructs; the generated source is a golden file and compiles.</summary>
public class GeneratorConstructTests
{
    public static TheoryData<string> Constructs => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Constructs"), "*.plugin.yml").Select(Path.GetFileName).Order()!);

    private static GeneratorResult Generate(string file)
    {
        var name = file[..^".plugin.yml".Length];
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Constructs", file));
        return BindingGenerator.Generate([new PluginInput(file, text, $"my-org/{name}#v1.0.0")], "Consumer.Plugins");
    }

    [Theory]
    [MemberData(nameof(Constructs))]
    public void Each_construct_generates_the_golden_source(string file)
    {
        // When
        var result = Generate(file);

        // Then
        result.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString()).Should().BeEmpty();
        Golden.Match(Path.Combine(Repository.Root, "tests", "Buildkite.Dsl.Generators.Tests", "Golden", "Constructs", result.Files.Single().HintName), result.Files.Single().Source);
    }

    [Theory]
    [MemberData(nameof(Constructs))]
    public void Each_construct_compiles_without_warnings(string file)
    {
        // Given
        var source = Generate(file).Files.Single().Source;

        // When
        var problems = Compiler.Problems(source);

        // Then
        problems.Select(p => p.ToString()).Should().BeEmpty();
    }

    [Fact]
    public void All_bundled_bindings_compile_in_a_consuming_project_with_csharp_12()
    {
        // Given
        var sources = BindingGenerator.Generate(Bundled.Inputs(), "Consumer.Plugins").Files.Select(f => f.Source).ToArray();

        // When
        var problems = Compiler.Problems(sources);

        // Then
        problems.Select(p => p.ToString()).Should().BeEmpty();
    }

    [Fact]
    public void Array_properties_are_read_as_item_options_with_an_info_diagnostic()
    {
        // When
        var result = Generate("objects.plugin.yml");

        // Then
        result.Diagnostics.Should().ContainSingle().Which.Should().Match<GeneratorDiagnostic>(d =>
            d.Id == "BKDG007" && d.Message.Contains("configuration.properties.watch.properties") && d.Line == 51);
    }

    [Fact]
    public void A_typed_usage_of_the_generated_union_and_enum_types_compiles()
    {
        // Given
        var binding = Generate("unions.plugin.yml").Files.Single().Source;
        const string usage = """
            using Buildkite.Dsl.Plugins;
            using Consumer.Plugins;
            public static class Usage
            {
                public static Plugin[] All() =>
                [
                    new UnionsPlugin { Files = "a", Mount = true, Shell = false, Env = "A=1", Upload = "log/*", Status = 1, Save = UnionsLevel.File },
                    new UnionsPlugin { Files = ["a", "b"], Mount = "/home", Shell = ["/bin/sh", "-c"], Env = ["A=1"], Upload = ["a", "b"], Status = [1, 2], Save = [UnionsLevel.File, UnionsLevel.Step] },
                    new UnionsPlugin { Env = new System.Collections.Generic.Dictionary<string, string> { ["A"] = "1" }, Upload = new UnionsFromTo { From = "a" }, SoftFail = true },
                    new UnionsPlugin { Upload = new UnionsFromTo[] { new() { From = "a", To = "b" } }, Restore = UnionsLevel.Step },
                ];
            }
            """;

        // When
        var problems = Compiler.Problems(binding, usage);

        // Then
        problems.Select(p => p.ToString()).Should().BeEmpty();
    }

    [Fact]
    public void Leaving_out_a_required_option_does_not_compile()
    {
        // Given
        var binding = Generate("scalars.plugin.yml").Files.Single().Source;
        const string usage = "public static class Usage { public static object Make() => new Consumer.Plugins.ScalarsPlugin { Debug = true }; }";

        // When
        var problems = Compiler.Problems(binding, usage);

        // Then
        problems.Select(p => p.Id).Should().Equal("CS9035");
    }
}
