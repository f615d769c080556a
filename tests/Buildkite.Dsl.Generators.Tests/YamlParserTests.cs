using System.Globalization;
using Buildkite.Dsl.Generators.Tests.Support;
using Buildkite.Dsl.Generators.Yaml;
using YamlDotNet.RepresentationModel;

namespace Buildkite.Dsl.Generators.Tests;

/// <summary>The generator's own YAML parser reads every plugin.yml the same as YamlDotNet does.</summary>
public class YamlParserTests
{
    public static TheoryData<string> Files => new(Directory.GetFiles(Repository.Definitions, "*.yml").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_bundled_file_parses_to_the_same_tree_as_yamldotnet(string file)
    {
        // Given
        var text = File.ReadAllText(Path.Combine(Repository.Definitions, file));
        var stream = new YamlStream();
        stream.Load(new StringReader(text));

        // When
        var ours = YamlParser.Parse(text);

        // Then
        Describe(ours).Should().Be(Describe(stream.Documents[0].RootNode));
    }

    [Theory]
    [InlineData("a: >\n  one\n  two\n\n  three\nb: 1\n", "{a: 'one two\\nthree\\n', b: 1}")]
    [InlineData("a: |-\n  one\n   two\n", "{a: 'one\\n two'}")]
    [InlineData("a: |+\n  one\n\nb: x\n", "{a: 'one\\n\\n', b: 'x'}")]
    [InlineData("a: [ \"1\", 2, 'it''s', ~ ]\n", "{a: ['1', 2, 'it\\'s', null]}")]
    [InlineData("a: {b: c, d: [e]}\n", "{a: {b: 'c', d: ['e']}}")]
    [InlineData("- x: 1\n  y:\n  - z\n- plain\n  continued\n", "[{x: 1, y: ['z']}, 'plain continued']")]
    [InlineData("a: \"tab\\tand \\u00e9\"  # comment\n", "{a: 'tab\\tand é'}")]
    [InlineData("key:\n- a\n- b\n", "{key: ['a', 'b']}")]
    public void Yaml_forms_used_by_plugin_files_are_read(string yaml, string expected)
    {
        // When
        var node = YamlParser.Parse(yaml);

        // Then
        Describe(node).Should().Be(expected);
    }

    [Theory]
    [InlineData("a: &anchor 1\n", "Anchors")]
    [InlineData("a: 1\n---\nb: 2\n", "several YAML documents")]
    [InlineData("a: 1\na: 2\n", "appears twice")]
    [InlineData("a:\n\tb: 1\n", "tab")]
    public void Yaml_the_parser_does_not_read_is_an_error_not_a_guess(string yaml, string message)
    {
        // When
        var parse = () => YamlParser.Parse(yaml);

        // Then
        parse.Should().Throw<YamlException>().WithMessage($"*{message}*");
    }

    private static string Describe(Yaml.YamlNode node) => node.Kind switch
    {
        YamlKind.Mapping => "{" + string.Join(", ", node.Entries.Select(e => e.Key.Text + ": " + Describe(e.Value))) + "}",
        YamlKind.Sequence => "[" + string.Join(", ", node.Items.Select(Describe)) + "]",
        _ => node.Type switch
        {
            ScalarType.Null => "null",
            ScalarType.String => Quote(node.Text),
            _ => node.Text,
        },
    };

    private static string Describe(YamlDotNet.RepresentationModel.YamlNode node) => node switch
    {
        YamlMappingNode map => "{" + string.Join(", ", map.Children.Select(e => ((YamlScalarNode)e.Key).Value + ": " + Describe(e.Value))) + "}",
        YamlSequenceNode list => "[" + string.Join(", ", list.Children.Select(Describe)) + "]",
        YamlScalarNode scalar when scalar.Style != YamlDotNet.Core.ScalarStyle.Plain => Quote(scalar.Value!),
        YamlScalarNode scalar => scalar.Value switch
        {
            "" or "~" or "null" => "null",
            "true" or "false" => scalar.Value,
            var v when long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => v,
            var v => Quote(v!),
        },
        _ => "?",
    };

    private static string Quote(string text) =>
        "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "'";
}
