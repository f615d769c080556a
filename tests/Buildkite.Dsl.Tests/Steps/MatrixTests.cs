using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Steps;

public class MatrixTests
{
    [Fact]
    public void Collection_expression_is_the_single_dimension_list()
    {
        // Given
        var step = new CommandStep { Command = "make", Matrix = ["linux", "darwin"] };

        // When
        var json = Written.Json(step, "matrix");

        // Then
        step.Matrix!.Values.Select(v => v.Text).Should().Equal("linux", "darwin");
        json.Should().Be("""["linux","darwin"]""");
    }

    [Fact]
    public void Elements_may_be_strings_numbers_and_booleans()
    {
        // Given
        var step = new CommandStep { Command = "make", Matrix = ["1.24", 3, true, "true", "0123"] };

        // When
        var json = Written.Json(step, "matrix");

        // Then
        json.Should().Be("""["1.24",3,true,"true","0123"]""");
    }

    [Fact]
    public void Named_dimensions_are_the_setup_map_in_order()
    {
        // Given
        var step = new CommandStep { Command = "make", Matrix = new() { ["os"] = ["linux", "darwin"], ["arch"] = ["amd64", "arm64"] } };

        // When
        var json = Written.Json(step, "matrix");

        // Then
        step.Matrix!.Dimensions.Select(d => d.Key).Should().Equal("os", "arch");
        json.Should().Be("""{"setup":{"os":["linux","darwin"],"arch":["amd64","arm64"]}}""");
    }

    [Fact]
    public void Adjustments_of_named_dimensions_write_with_as_a_map_of_strings()
    {
        // Given
        var step = new CommandStep
        {
            Command = "make",
            Matrix = new()
            {
                ["os"] = ["linux"],
                ["shard"] = [1, 2],
                Adjustments = [new() { ["os"] = "windows", ["shard"] = 3, Skip = true }, new() { ["os"] = "darwin", ["shard"] = 1, SoftFail = [1] }],
            },
        };

        // When
        var json = Written.Json(step, "matrix/adjustments");

        // Then: the schema types the values of a 'with' map as strings.
        json.Should().Be("""[{"with":{"os":"windows","shard":"3"},"skip":true},{"with":{"os":"darwin","shard":"1"},"soft_fail":[{"exit_status":1}]}]""");
    }

    [Fact]
    public void Adjustments_of_a_single_dimension_write_with_as_a_list()
    {
        // Given
        var step = new CommandStep { Command = "make", Matrix = new() { Values = ["a", "b"], Adjustments = [new() { With = ["c"], Skip = "Not yet" }] } };

        // When
        var json = Written.Json(step, "matrix");

        // Then
        json.Should().Be("""{"setup":["a","b"],"adjustments":[{"with":["c"],"skip":"Not yet"}]}""");
    }

    [Fact]
    public void Element_forms_convert_implicitly()
    {
        // Given
        MatrixElement text = "linux";
        MatrixElement number = 42L;
        MatrixElement flag = false;

        // When
        var values = new[] { text, number, flag };

        // Then
        values.Select(v => (v.Text, v.Number, v.Flag)).Should().Equal(("linux", null, null), (null, 42L, null), (null, null, false));
        values.Select(v => v.ToString()).Should().Equal("linux", "42", "false");
    }
}
