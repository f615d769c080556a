namespace Buildkite.Dsl.Generators.Tests;

/// <summary>Unsupported or malformed plugin.yml files give a clear diagnostic with the file, the place and the JSON path.</summary>
public class GeneratorDiagnosticsTests
{
    private static GeneratorResult Generate(string yaml, string? reference = "my-org/broken#v1.0.0") =>
        BindingGenerator.Generate([new PluginInput("plugins/broken.plugin.yml", yaml, reference)], "Consumer.Plugins");

    [Fact]
    public void An_unsupported_keyword_names_the_file_line_and_json_path()
    {
        // Given
        const string yaml = """
            name: Broken
            configuration:
              properties:
                mode:
                  allOf:
                    - type: string
            """;

        // When
        var result = Generate(yaml);

        // Then
        result.Files.Should().BeEmpty();
        result.Diagnostics.Should().ContainSingle().Which.ToString().Should().Be(
            "plugins/broken.plugin.yml(5,7): error BKDG002: plugins/broken.plugin.yml: configuration.properties.mode.allOf: the keyword 'allOf' is not supported by the binding generator.");
    }

    [Fact]
    public void A_yaml_syntax_error_names_the_line_and_column()
    {
        // Given
        const string yaml = "name: Broken\nconfiguration:\n  properties:\n    a: \"unclosed\n";

        // When
        var result = Generate(yaml);

        // Then
        result.Diagnostics.Should().ContainSingle().Which.Should().Match<GeneratorDiagnostic>(d => d.Id == "BKDG001" && d.Line == 4 && d.Column == 8);
    }

    [Theory]
    [InlineData("    type: 'null'", "configuration.properties.a.type", "BKDG002")]
    [InlineData("    type: strin", "configuration.properties.a.type", "BKDG003")]
    [InlineData("    $ref: 'other.json#/x'", "configuration.properties.a.$ref", "BKDG002")]
    [InlineData("    $ref: '#/definitions/missing'", "configuration.properties.a.$ref", "BKDG003")]
    [InlineData("    type: boolean\n    enum: [true]", "configuration.properties.a.enum", "BKDG002")]
    [InlineData("    oneOf:\n      - type: string\n      - type: string", "configuration.properties.a", "BKDG002")]
    [InlineData("    type: object\n    properties:\n      foo-bar: {type: string}\n      foo_bar: {type: string}", "configuration.properties.a.properties.foo_bar", "BKDG005")]
    [InlineData("    items: [ {type: string} ]", "configuration.properties.a.items", "BKDG002")]
    public void Each_unsupported_or_malformed_construct_is_reported_at_its_json_path(string property, string path, string id)
    {
        // Given
        var yaml = "name: Broken\nconfiguration:\n  properties:\n    a:\n" + string.Join('\n', property.Split('\n').Select(l => "  " + l));

        // When
        var result = Generate(yaml);

        // Then
        result.Files.Should().BeEmpty();
        result.Diagnostics.Should().Contain(d => d.Id == id && d.Message.Contains(": " + path + ":"));
    }

    [Fact]
    public void A_plugin_yml_without_configuration_asks_for_an_overlay()
    {
        // When
        var result = Generate("name: Metahook\ndescription: Hooks\n");

        // Then
        result.Diagnostics.Should().ContainSingle().Which.Should().Match<GeneratorDiagnostic>(d => d.Id == "BKDG002" && d.Message.Contains("overlay"));
    }

    [Fact]
    public void A_plugin_yml_without_a_reference_asks_for_the_metadata()
    {
        // When
        var result = Generate("name: X\nconfiguration:\n  properties: {}\n", reference: null);

        // Then
        result.Diagnostics.Should().ContainSingle().Which.Should().Match<GeneratorDiagnostic>(d => d.Id == "BKDG004" && d.Message.Contains("PluginReference"));
    }

    [Fact]
    public void An_unpinned_reference_is_refused()
    {
        // When
        var result = Generate("name: X\nconfiguration:\n  properties: {}\n", reference: "my-org/x");

        // Then
        result.Diagnostics.Should().ContainSingle().Which.Id.Should().Be("BKDG004");
    }

    [Fact]
    public void An_overlay_completes_a_plugin_yml_without_configuration()
    {
        // Given
        var inputs = new[]
        {
            new PluginInput("p/hooks.plugin.yml", "name: Hooks\ndescription: Run hooks\n"),
            new PluginInput("p/hooks.overlay.yml", "reference: my-org/hooks#v2.0.0\nconfiguration:\n  properties:\n    pre-command: {type: string}\n  additionalProperties: false\n"),
        };

        // When
        var result = BindingGenerator.Generate(inputs, "Consumer.Plugins");

        // Then
        result.Diagnostics.Should().BeEmpty();
        result.Files.Should().ContainSingle().Which.Source.Should().Contain("public string? PreCommand { get; init; }").And.Contain("\"my-org/hooks#v2.0.0\"");
    }

    [Fact]
    public void An_unknown_overlay_key_is_reported()
    {
        // Given
        var inputs = new[]
        {
            new PluginInput("p/x.plugin.yml", "name: X\nconfiguration:\n  properties: {}\n"),
            new PluginInput("p/x.overlay.yml", "reference: my-org/x#v1\nproperties: {}\n"),
        };

        // When
        var result = BindingGenerator.Generate(inputs, "Consumer.Plugins");

        // Then
        result.Diagnostics.Should().ContainSingle().Which.Should().Match<GeneratorDiagnostic>(d => d.Id == "BKDG006" && d.FilePath == "p/x.overlay.yml" && d.Line == 2);
    }

    [Fact]
    public void Plugins_with_the_same_name_from_other_owners_take_the_owner_as_prefix()
    {
        // Given
        var inputs = new[]
        {
            new PluginInput("a/docker.plugin.yml", "name: Docker\nconfiguration:\n  properties: {}\n", "docker#v5.13.0"),
            new PluginInput("b/docker.plugin.yml", "name: Docker\nconfiguration:\n  properties: {}\n", "acme/docker#v1.0.0"),
        };

        // When
        var result = BindingGenerator.Generate(inputs, "Consumer.Plugins");

        // Then
        result.Files.Select(f => f.TypeName).Should().BeEquivalentTo("DockerPlugin", "AcmeDockerPlugin");
    }
}
