using System.Text.Json.Nodes;
using Buildkite.Dsl.Plugins;
using Buildkite.Dsl.Tests.Support;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Tests.Plugins;

/// <summary>
/// <see cref="PluginValue"/>, what typed bindings write their configuration into instead of System.Text.Json nodes:
/// it must mean exactly what the JSON means.
/// </summary>
public class PluginValueTests
{
    [Theory]
    [InlineData("\"plain\"")]
    [InlineData("\"quote \\\" backslash \\\\ slash \\/\"")]
    [InlineData("\"line\\nbreak\\ttab\\r\\b\\f\"")]
    [InlineData("\"\\u00e9t\\u00E9 \\ud83d\\ude80\"")]
    [InlineData("\"\"")]
    [InlineData("42")]
    [InlineData("-2.5e3")]
    [InlineData("true")]
    [InlineData("false")]
    public void An_enum_literal_is_read_as_JSON_reads_it(string literal)
    {
        // When
        var value = PluginValue.ParseScalar(literal);

        // Then
        JsonNode.DeepEquals(value!.ToJson(), JsonNode.Parse(literal)).Should().BeTrue();
    }

    [Fact]
    public void The_literal_null_is_no_value()
    {
        // When
        var value = PluginValue.ParseScalar("null");

        // Then
        value.Should().BeNull();
    }

    [Fact]
    public void Text_that_is_not_a_JSON_scalar_is_refused()
    {
        // When
        var parse = () => PluginValue.ParseScalar("{\"a\": 1}");

        // Then
        parse.Should().Throw<FormatException>();
    }

    [Fact]
    public void Numbers_are_equal_by_value_not_by_text()
    {
        // When
        var equal = PluginValue.DeepEquals(PluginScalar.OfNumber("2.50"), PluginScalar.OfNumber("2.5"));

        // Then
        equal.Should().BeTrue();
    }

    [Fact]
    public void A_number_and_the_text_of_it_are_not_equal()
    {
        // When
        var equal = PluginValue.DeepEquals(PluginScalar.OfNumber("1"), PluginScalar.OfText("1"));

        // Then
        equal.Should().BeFalse();
    }

    [Fact]
    public void Maps_are_equal_whatever_the_order_of_their_keys()
    {
        // Given
        var first = new PluginMap { ["a"] = PluginScalar.True, ["b"] = PluginScalar.OfText("x") };
        var second = new PluginMap { ["b"] = PluginScalar.OfText("x"), ["a"] = PluginScalar.True };

        // When
        var equal = PluginValue.DeepEquals(first, second);

        // Then
        equal.Should().BeTrue();
    }

    [Fact]
    public void Lists_are_equal_only_item_by_item_in_order()
    {
        // Given
        var first = new PluginList { PluginScalar.OfText("a"), PluginScalar.OfText("b") };
        var second = new PluginList { PluginScalar.OfText("b"), PluginScalar.OfText("a") };

        // When
        var equal = PluginValue.DeepEquals(first, second);

        // Then
        equal.Should().BeFalse();
    }

    [Fact]
    public void Setting_a_key_again_replaces_its_value_where_it_stands()
    {
        // Given
        var map = new PluginMap { ["first"] = PluginScalar.True, ["second"] = PluginScalar.True };

        // When
        map["first"] = PluginScalar.False;

        // Then
        map.Select(entry => entry.Key).Should().Equal("first", "second");
        map["first"].Should().BeSameAs(PluginScalar.False);
    }

    [Fact]
    public void JSON_converted_to_plugin_values_and_back_is_the_same_JSON()
    {
        // Given
        var json = JsonNode.Parse("""
            {"image": "golang:1.24", "env": ["A=1", "", null], "shm-size": 2.5, "mount": {"ssh": true, "tmp": false}, "count": 3, "none": null}
            """)!;

        // When
        var back = PluginValue.FromJson(json)!.ToJson();

        // Then
        back.ToJsonString().Should().Be(json.ToJsonString());
    }

    [Fact]
    public void A_plugin_that_only_gives_JSON_is_written_from_its_JSON()
    {
        // Given: a plugin written by hand, without a generated binding.
        var plugin = new HandWrittenPlugin(["one", "two"]);

        // When
        var yaml = PluginYaml.Of("make", plugin);

        // Then
        yaml.Should().Be("""
            steps:
            - command: make
              plugins:
              - acme/thing#v1.0.0:
                  items:
                  - one
                  - two

            """);
    }

    [Fact]
    public void A_plugin_that_only_gives_JSON_is_checked_on_its_JSON()
    {
        // Given
        var plugin = new HandWrittenPlugin(["one", ""]);

        // When
        var problems = plugin.Validate();

        // Then
        problems.Should().ContainSingle(d => d.Code == DiagnosticCodes.PluginValue && d.Field == "items[1]");
    }

    private sealed record HandWrittenPlugin(string[] Items) : Plugin("acme/thing#v1.0.0")
    {
        public override JsonObject? ToConfiguration() => new() { ["items"] = new JsonArray([.. Items.Select(item => (JsonNode)item)]) };
    }
}
