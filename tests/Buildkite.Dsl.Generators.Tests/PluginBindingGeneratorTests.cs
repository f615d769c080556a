using System.Collections.Immutable;
using Buildkite.Dsl.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Buildkite.Dsl.Generators.Tests;

/// <summary>The Roslyn generator, run the way the compiler runs it: AdditionalFiles with metadata.</summary>
public class PluginBindingGeneratorTests
{
    private static GeneratorDriverRunResult Run(params (string Path, string Text, string? Reference, string? Version)[] files)
    {
        var texts = files.Select(f => (AdditionalText)new Text(f.Path, f.Text)).ToImmutableArray();
        var options = new Options(files.ToDictionary(f => f.Path, f => (f.Reference, f.Version)));
        var driver = CSharpGeneratorDriver.Create([new PluginBindingGenerator().AsSourceGenerator()], texts, Compiler.ParseOptions, options);
        return driver.RunGenerators(Compiler.Compilation("class Empty { }")).GetRunResult();
    }

    [Fact]
    public void A_plugin_yml_with_reference_and_version_metadata_becomes_a_binding()
    {
        // When
        var result = Run(("/repo/plugins/hello.plugin.yml", "name: Hello\nconfiguration:\n  properties:\n    names: {type: string}\n", "my-org/hello", "v1.2.0"));

        // Then
        result.Diagnostics.Should().BeEmpty();
        result.GeneratedTrees.Should().ContainSingle().Which.ToString().Should().Contain("public const string DefaultReference = \"my-org/hello#v1.2.0\";");
    }

    [Fact]
    public void An_unsupported_construct_is_a_compiler_error_at_its_line_in_the_plugin_yml()
    {
        // When
        var result = Run(("/repo/plugins/bad.plugin.yml", "name: Bad\nconfiguration:\n  properties:\n    mode:\n      not: {type: string}\n", "my-org/bad", "v1"));

        // Then
        result.GeneratedTrees.Should().BeEmpty();
        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Id.Should().Be("BKDG002");
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Error);
        diagnostic.Location.GetLineSpan().Path.Should().Be("/repo/plugins/bad.plugin.yml");
        diagnostic.Location.GetLineSpan().StartLinePosition.Line.Should().Be(4);
        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Should().Contain("configuration.properties.mode.not");
    }

    [Fact]
    public void Files_other_than_plugin_definitions_and_overlays_are_ignored()
    {
        // When
        var result = Run(("/repo/other.yml", "a: [", null, null));

        // Then
        result.Diagnostics.Should().BeEmpty();
        result.GeneratedTrees.Should().BeEmpty();
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options(Dictionary<string, (string? Reference, string? Version)> metadata) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values([]);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        {
            var values = new Dictionary<string, string>();
            if (metadata.TryGetValue(textFile.Path, out var item))
            {
                if (item.Reference is not null)
                {
                    values["build_metadata.AdditionalFiles.PluginReference"] = item.Reference;
                }

                if (item.Version is not null)
                {
                    values["build_metadata.AdditionalFiles.PluginVersion"] = item.Version;
                }
            }

            return new Values(values);
        }
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
