using System.Text.Json.Nodes;
using Buildkite.Dsl.Plugins;
using Buildkite.Dsl.Tests.Support;

namespace Buildkite.Dsl.Tests.Plugins;

public class UntypedPluginTests
{
    [Fact]
    public void Plugin_with_configuration_is_a_one_key_map()
    {
        // Given
        var step = new CommandStep
        {
            Command = "make",
            Plugins = [new UntypedPlugin("docker#v5.13.0", new JsonObject { ["image"] = "golang:1.24", ["always-pull"] = true, ["volumes"] = new JsonArray("/a:/a"), ["shm-size"] = 2, ["cpus"] = 1.5, ["user"] = null })],
        };

        // When
        var json = Written.Json(step, "plugins");

        // Then
        json.Should().Be("""[{"docker#v5.13.0":{"image":"golang:1.24","always-pull":true,"volumes":["/a:/a"],"shm-size":2,"cpus":1.5,"user":null}}]""");
    }

    [Fact]
    public void Plugin_without_configuration_is_its_reference()
    {
        // Given
        var step = new CommandStep { Command = "make", Plugins = [new UntypedPlugin("docker-login#v3.0.0")] };

        // When
        var json = Written.Json(step, "plugins");

        // Then
        json.Should().Be("""["docker-login#v3.0.0"]""");
    }

    [Fact]
    public void Plugin_with_an_empty_configuration_is_an_empty_map()
    {
        // Given
        var step = new CommandStep { Command = "make", Plugins = [new UntypedPlugin("x#v1", [])] };

        // When
        var yaml = Written.Yaml(step);

        // Then
        yaml.Should().Contain("  plugins:\n  - x#v1: {}\n");
    }

    [Fact]
    public void Configuration_is_copied_so_later_changes_do_not_leak_in()
    {
        // Given
        var configuration = new JsonObject { ["image"] = "alpine" };
        var plugin = new UntypedPlugin("docker#v5.13.0", configuration);

        // When
        configuration["image"] = "changed";
        plugin.Configuration!["image"] = "changed too";

        // Then
        plugin.ToConfiguration()!["image"]!.GetValue<string>().Should().Be("alpine");
    }

    [Fact]
    public void Plugins_compare_by_reference_and_configuration()
    {
        // Given
        var a = new UntypedPlugin("docker#v5.13.0", new JsonObject { ["image"] = "alpine" });
        var b = new UntypedPlugin("docker#v5.13.0", new JsonObject { ["image"] = "alpine" });
        var c = new UntypedPlugin("docker#v5.13.0", new JsonObject { ["image"] = "debian" });

        // When
        var equal = (a.Equals(b), a.Equals(c));

        // Then
        equal.Should().Be((true, false));
    }

    [Fact]
    public void Strings_in_configuration_are_literal_and_upload_variables_are_expanded()
    {
        // Given
        var step = new CommandStep
        {
            Command = "make",
            Plugins = [new UntypedPlugin("metahook#v0.3.0", new JsonObject { ["pre-command"] = $"echo $HOME {Env.Upload("SCION_VERSION")}" })],
        };

        // When
        var json = Written.Json(step, "plugins/0/metahook#v0.3.0/pre-command");

        // Then
        json.Should().Be("\"echo $$HOME ${SCION_VERSION}\"");
    }

    [Fact]
    public void Numbers_keep_their_json_form()
    {
        // Given
        var step = new CommandStep { Command = "make", Plugins = [new UntypedPlugin("x#v1", new JsonObject { ["big"] = 12345678901234L, ["neg"] = -3, ["float"] = 0.25 })] };

        // When
        var json = Written.Json(step, "plugins/0/x#v1");

        // Then
        json.Should().Be("""{"big":12345678901234,"neg":-3,"float":0.25}""");
    }
}
