using Buildkite.Dsl.Cli.Import;

namespace Buildkite.Dsl.Cli.Tests.Import;

public class LiteralsTests
{
    private static string Code(string text) => Literals.String(text).Key();

    private static string Model(string agentText) => Buildkite.Dsl.Env.Raw(agentText);

    [Fact]
    public void Plain_text_is_a_regular_literal()
    {
        Code("make test").Should().Be("\"make test\"");
    }

    [Fact]
    public void Text_with_backslashes_is_a_verbatim_literal()
    {
        Code(@"C:\build\out ""x""").Should().Be(@"@""C:\build\out """"x""""""");
    }

    [Fact]
    public void Text_over_several_lines_is_a_raw_literal_that_keeps_a_final_line_break()
    {
        Code("echo \"a\"\necho b\n").Should().Be("\"\"\"\n    echo \"a\"\n    echo b\n\n    \"\"\"");
    }

    [Fact]
    public void A_raw_literal_uses_more_quotes_than_the_text_has_in_a_row()
    {
        Code("say \"\"\"hi\"\"\"\nbye").Should().StartWith("\"\"\"\"\n");
    }

    [Fact]
    public void Lines_with_trailing_white_space_are_kept_in_a_regular_literal()
    {
        Code("a  \nb").Should().Be("\"a  \\nb\"");
    }

    [Fact]
    public void A_literal_dollar_stays_a_dollar()
    {
        Code("echo $HOME ${PATH}").Should().Be("\"echo $HOME ${PATH}\"");
    }

    [Fact]
    public void An_upload_time_variable_is_env_upload_in_an_interpolated_string_with_braces_doubled()
    {
        Code(Model("deploy {x} ${TARGET}")).Should().Be("$\"deploy {{x}} {Env.Upload(\"TARGET\")}\"");
    }

    [Fact]
    public void Text_that_is_one_variable_alone_is_the_variable()
    {
        Code(Model("$BUILDKITE_BRANCH")).Should().Be("Env.Upload(\"BUILDKITE_BRANCH\")");
    }

    [Theory]
    [InlineData("${A:-x}", "Env.Upload(\"A\").OrDefault(\"x\")")]
    [InlineData("${A-x}", "Env.Upload(\"A\").OrDefaultWhenUnset(\"x\")")]
    [InlineData("${A:-${B}}", "Env.Upload(\"A\").OrDefault(Env.Upload(\"B\"))")]
    [InlineData("${A?}", "Env.Required(\"A\")")]
    [InlineData("${A?must be set}", "Env.Required(\"A\", \"must be set\")")]
    [InlineData("${A:0:7}", "Env.Upload(\"A\").Substring(0, 7)")]
    [InlineData("${A: -4}", "Env.Upload(\"A\").Substring(-4)")]
    public void Every_form_of_expansion_is_written_with_its_builder(string agentText, string code)
    {
        Code(Model(agentText)).Should().Be(code);
    }

    [Fact]
    public void An_expansion_the_builder_cannot_write_exactly_falls_back_to_env_raw()
    {
        Code(Model("tail ${A:  -4}")).Should().Be("Env.Raw(\"tail ${A:  -4}\")");
    }

    [Theory]
    [InlineData("unit-tests", "unitTests")]
    [InlineData(":docker: Build image", "buildImage")]
    [InlineData("build:linux", "buildLinux")]
    [InlineData("3d-render", "command3dRender")]
    [InlineData("class", "classCommand")]
    [InlineData(":rocket:", "command")]
    [InlineData("Test {{matrix.os}}", "test")]
    public void Identifiers_are_camel_case_words_of_the_text(string text, string identifier)
    {
        Literals.Identifier(text, "command").Should().Be(identifier);
    }
}
