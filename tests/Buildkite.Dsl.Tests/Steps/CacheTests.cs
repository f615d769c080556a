using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Steps;

public class CacheTests
{
    [Fact]
    public void String_converts_to_one_path()
    {
        // Given
        var step = new CommandStep { Command = "make", Cache = "node_modules" };

        // When
        var json = Written.Json(step, "cache");

        // Then
        step.Cache!.Paths.Should().Equal("node_modules");
        json.Should().Be("\"node_modules\"");
    }

    [Fact]
    public void Collection_expression_is_the_list_of_paths()
    {
        // Given
        var step = new CommandStep { Command = "make", Cache = ["node_modules", ".yarn/cache"] };

        // When
        var json = Written.Json(step, "cache");

        // Then
        json.Should().Be("""["node_modules",".yarn/cache"]""");
    }

    [Fact]
    public void Object_form_writes_paths_size_and_name()
    {
        // Given
        var step = new CommandStep { Command = "make", Cache = new() { Paths = ["node_modules"], Size = "20g", Name = "node" } };

        // When
        var json = Written.Json(step, "cache");

        // Then
        json.Should().Be("""{"paths":["node_modules"],"size":"20g","name":"node"}""");
    }

    [Fact]
    public void Object_form_with_one_path_keeps_paths_a_list()
    {
        // Given: the schema types paths as a list.
        var step = new CommandStep { Command = "make", Cache = new() { Paths = ["a"], Name = "n" } };

        // When
        var json = Written.Json(step, "cache");

        // Then
        json.Should().Be("""{"paths":["a"],"name":"n"}""");
    }
}
