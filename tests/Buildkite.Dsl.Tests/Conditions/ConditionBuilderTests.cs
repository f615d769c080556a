using System.Text.RegularExpressions;

namespace Buildkite.Dsl.Tests.Conditions;

public class ConditionBuilderTests
{
    public static TheoryData<string, Condition> DocumentedExamples => new()
    {
        // The examples of https://buildkite.com/docs/pipelines/configure/conditionals, '$' written literally.
        { "build.branch == \"main\" || build.branch == \"production\"", Build.Branch == "main" | Build.Branch == "production" },
        { "build.branch != \"production\"", Build.Branch != "production" },
        { "build.branch =~ /^features\\//", Build.Branch.Matches(new Regex("^features/")) },
        { "build.branch =~ /\\/release-123$/", Build.Branch.Matches(new Regex("/release-123$")) },
        { "build.tag != null", Build.Tag != null },
        { "build.tag =~ /^v[0-9]+\\.0$/", Build.Tag.Matches(@"^v[0-9]+\.0$") },
        { "build.env(\"BUILDKITE_TAG\") =~ /^v[0-9]+\\.0$/", Build.Env("BUILDKITE_TAG").Matches(@"^v[0-9]+\.0$") },
        { "build.message !~ /\\[skip tests\\]/i", Build.Message.DoesNotMatch(new Regex(@"\[skip tests\]", RegexOptions.IgnoreCase)) },
        { "build.source == \"schedule\"", Build.Source == "schedule" },
        { "build.env(\"CUSTOM_ENVIRONMENT_VARIABLE\") == \"value\"", Build.Env("CUSTOM_ENVIRONMENT_VARIABLE") == "value" },
        { "build.creator.teams includes \"deploy\"", Build.Creator.Teams.Includes("deploy") },
        { "!build.pull_request.draft", !Build.PullRequest.Draft },
        { "build.state == \"passed\"", Build.State == "passed" },
        { "build.env(\"DOCKER_PASSWORD\") != null", Build.Env("DOCKER_PASSWORD") != null },
    };

    [Theory]
    [MemberData(nameof(DocumentedExamples))]
    public void The_builder_writes_the_documented_expression(string expected, Condition condition)
    {
        // Given, When
        var text = condition.Expression;

        // Then
        text.Should().Be(expected);
    }

    [Fact]
    public void And_binds_tighter_than_or_so_no_parentheses_are_needed()
    {
        // Given, When
        var condition = Build.Branch == "main" & Build.Tag != null | Build.Source == "schedule";

        // Then
        condition.Expression.Should().Be("build.branch == \"main\" && build.tag != null || build.source == \"schedule\"");
    }

    [Fact]
    public void Or_inside_and_is_parenthesised()
    {
        // Given, When
        var condition = (Build.Branch == "main" | Build.Branch == "release") & !Build.PullRequest.Draft;

        // Then
        condition.Expression.Should().Be("(build.branch == \"main\" || build.branch == \"release\") && !build.pull_request.draft");
    }

    [Fact]
    public void Not_of_a_comparison_is_parenthesised_and_not_of_a_variable_is_not()
    {
        // Given, When
        var comparison = !(Build.Branch == "main");
        var variable = !Build.PullRequest.Repository.Fork;
        var twice = !!Build.PullRequest.Draft;

        // Then
        comparison.Expression.Should().Be("!(build.branch == \"main\")");
        variable.Expression.Should().Be("!build.pull_request.repository.fork");
        twice.Expression.Should().Be("!!build.pull_request.draft");
    }

    [Fact]
    public void Not_of_and_is_parenthesised()
    {
        // Given, When
        var condition = !(Build.Tag != null & Build.Source == "api");

        // Then
        condition.Expression.Should().Be("!(build.tag != null && build.source == \"api\")");
    }

    [Fact]
    public void Chains_of_the_same_operator_need_no_parentheses()
    {
        // Given, When
        var or = Build.Branch == "a" | (Build.Branch == "b" | Build.Branch == "c");
        var and = Build.Tag != null & (Build.Source == "ui" & Build.Number != 1);

        // Then
        or.Expression.Should().Be("build.branch == \"a\" || build.branch == \"b\" || build.branch == \"c\"");
        and.Expression.Should().Be("build.tag != null && build.source == \"ui\" && build.number != 1");
    }

    [Fact]
    public void Raw_text_is_parenthesised_when_combined()
    {
        // Given
        Condition raw = "build.branch == \"main\" || build.branch == \"dev\"";

        // When
        var condition = raw & Build.Tag == null;

        // Then
        condition.Expression.Should().Be("(build.branch == \"main\" || build.branch == \"dev\") && build.tag == null");
    }

    [Fact]
    public void Raw_text_ending_in_a_comment_is_closed_on_a_new_line()
    {
        // Given
        Condition raw = "build.tag != null // tagged builds";

        // When
        var condition = !raw;

        // Then
        condition.Expression.Should().Be("!(build.tag != null // tagged builds\n)");
    }

    [Fact]
    public void Raw_text_alone_is_written_as_given()
    {
        // Given, When
        Condition condition = "build.source == 'schedule'";

        // Then
        condition.Expression.Should().Be("build.source == 'schedule'");
    }

    [Fact]
    public void String_literals_choose_quotes_and_escape_only_when_needed()
    {
        // Given, When
        var plain = Build.Message == "fix: it";
        var doubleQuote = Build.Message == "say \"hi\"";
        var both = Build.Message == "it's \"x\"";
        var backslash = Build.Message == @"C:\dir";

        // Then
        plain.Expression.Should().Be("build.message == \"fix: it\"");
        doubleQuote.Expression.Should().Be("build.message == 'say \"hi\"'");
        both.Expression.Should().Be("build.message == \"it's \\\"x\\\"\"");
        backslash.Expression.Should().Be("build.message == \"C:\\\\dir\"");
    }

    [Fact]
    public void A_control_character_in_a_string_literal_is_rejected()
    {
        // Given
        var act = () => Build.Message == "two\nlines";

        // When, Then
        act.Should().Throw<ArgumentException>().WithMessage("*control character U+000A*");
    }

    [Fact]
    public void Integer_and_null_literals_are_written_plainly()
    {
        // Given, When
        var number = Build.Number == 42;
        var negative = Build.Number != -1;
        var nullLiteral = Build.PullRequest.Id == null;
        var nullReversed = null == Build.PullRequest.BaseBranch;

        // Then
        number.Expression.Should().Be("build.number == 42");
        negative.Expression.Should().Be("build.number != -1");
        nullLiteral.Expression.Should().Be("build.pull_request.id == null");
        nullReversed.Expression.Should().Be("null == build.pull_request.base_branch");
    }

    [Fact]
    public void Variables_compare_with_variables()
    {
        // Given, When
        var condition = Build.Branch == ThisPipeline.DefaultBranch & Organization.Slug != "forks";

        // Then
        condition.Expression.Should().Be("build.branch == pipeline.default_branch && organization.slug != \"forks\"");
    }

    [Fact]
    public void Every_variable_has_buildkites_name()
    {
        // Given
        object[] variables =
        [
            Build.Author.Email, Build.Author.Id, Build.Author.Name, Build.Author.Teams, Build.Branch, Build.Commit,
            Build.Creator.Email, Build.Creator.Id, Build.Creator.Name, Build.Creator.Teams, Build.Id, Build.Message, Build.Number,
            Build.PullRequest.BaseBranch, Build.PullRequest.Id, Build.PullRequest.Draft, Build.PullRequest.Labels,
            Build.PullRequest.Repository, Build.PullRequest.Repository.Fork, Build.MergeQueue.BaseBranch, Build.MergeQueue.BaseCommit,
            Build.Source, Build.SourceEvent, Build.SourceAction, Build.State, Build.Tag,
            ThisPipeline.DefaultBranch, ThisPipeline.Id, ThisPipeline.Repository, ThisPipeline.Slug, ThisPipeline.StartedFailing, ThisPipeline.StartedPassing,
            Organization.Id, Organization.Slug,
            ThisStep.Id, ThisStep.Key, ThisStep.Label, ThisStep.Type, ThisStep.State, ThisStep.Outcome,
        ];

        // When
        var names = variables.Select(v => v.ToString()).ToList();

        // Then: each is one the conditional language documents, and the condition check knows them all.
        names.Should().OnlyHaveUniqueItems();
        names.Should().BeSubsetOf(Buildkite.Dsl.ConditionScanner.KnownVariables);
        names.Should().HaveCount(Buildkite.Dsl.ConditionScanner.KnownVariables.Length - 2, "build.env is a function and build.pull_request.label is not modelled");
    }

    [Fact]
    public void Regex_flags_come_from_regex_options()
    {
        // Given, When
        var ignoreCase = Build.Message.Matches(new Regex("wip", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled));
        var none = Build.Message.Matches("wip");

        // Then
        ignoreCase.Expression.Should().Be("build.message =~ /wip/i");
        none.Expression.Should().Be("build.message =~ /wip/");
    }

    [Theory]
    [InlineData(RegexOptions.Multiline)]
    [InlineData(RegexOptions.Singleline)]
    [InlineData(RegexOptions.IgnorePatternWhitespace)]
    [InlineData(RegexOptions.RightToLeft)]
    [InlineData(RegexOptions.ExplicitCapture)]
    public void Regex_options_buildkite_cannot_express_are_rejected(RegexOptions options)
    {
        // Given
        var act = () => Build.Message.Matches(new Regex("wip", options));

        // When, Then
        act.Should().Throw<ArgumentException>().WithMessage($"*RegexOptions.{options} cannot be expressed*");
    }

    [Fact]
    public void Slashes_in_a_regex_are_escaped_once()
    {
        // Given, When
        var condition = Build.Branch.Matches(new Regex(@"^feature/.*\/x"));

        // Then
        condition.Expression.Should().Be(@"build.branch =~ /^feature\/.*\/x/");
    }

    [Fact]
    public void An_escaped_dollar_in_a_regex_becomes_a_character_class_so_it_can_be_written()
    {
        // Given: "\$" would be a '$' after a backslash, which upload-time interpolation cannot leave unchanged.
        var condition = Build.Message.Matches(new Regex(@"costs \$5 [\$€] \\$"));

        // When
        var yaml = new Pipeline { Steps = [new CommandStep { Command = "true", If = condition }] }.ToYaml();

        // Then
        condition.Expression.Should().Be(@"build.message =~ /costs [$]5 [$€] \\$/");
        yaml.Should().Contain(@"if: build.message =~ /costs [$$]5 [$$€] \\$$/");
    }

    [Fact]
    public void An_empty_regex_is_rejected_because_two_slashes_start_a_comment()
    {
        // Given
        var act = () => Build.Message.Matches(new Regex(string.Empty));

        // When, Then
        act.Should().Throw<ArgumentException>().WithMessage("*'//' starts a comment*");
    }

    [Fact]
    public void Comparing_with_null_leaves_the_variable_usable_without_nullable_warnings()
    {
        // Given: variables are values, so "!= null" does not make the compiler think they may be null
        // (this project treats warnings as errors, so the test would not compile otherwise).
        var tagged = Build.Tag != null;
        var release = Build.Tag.Matches("^v");
        var fromFork = Build.PullRequest.Repository != null & Build.PullRequest.Repository.Fork;

        // When
        var condition = tagged & release | fromFork;

        // Then
        condition.Expression.Should().Be("build.tag != null && build.tag =~ /^v/ || build.pull_request.repository != null && build.pull_request.repository.fork");
    }
}
