using System.Text;
using Buildkite.Dsl.Validation;
using CsCheck;

namespace Buildkite.Dsl.Tests.Serialization;

/// <summary>
/// Fuzz-style properties: reading any text, however broken, either gives a pipeline or throws
/// <see cref="PipelineException"/> with diagnostics, and a pipeline that was read either writes or throws
/// <see cref="PipelineException"/>. Any other exception (a NullReferenceException, an InvalidOperationException,
/// an exception of YamlDotNet) is a bug of the reader.
/// </summary>
public class ReaderFuzzTests
{
    /// <summary>Samples per property: 1,000, or CsCheck_Iter for a longer local run.</summary>
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), System.Globalization.CultureInfo.InvariantCulture, out var iterations) ? iterations : 1_000;

    /// <summary>Every YAML file of the test corpus: SCION's pipelines and the golden outputs.</summary>
    private static readonly Lazy<string[]> Corpus = new(() =>
        new[] { "TestData", "Golden" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, folder), "*.yml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray());

    /// <summary>Pieces of YAML and JSON syntax, and of the values pipelines hold.</summary>
    private static readonly Gen<string> Token = Gen.OneOf(
        "steps:", "- ", "-", ": ", ":", "? ", "?", ",", "[", "]", "{", "}", "&a ", "&b ", "*a", "*b", "*c", "<<: ", "<<: *a",
        "!", "!!str ", "!!int ", "!!map ", "!!seq ", "!!binary ", "!build.x ", "!<tag:x> ", "|", "|-", ">", ">+", "|2", "'", "\"",
        "#", " #", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "---", "...", "\n", "\r\n", "\t", " ", "  ", "    ", "\0", "\uFEFF",
        "\u0085", "\u2028", "\uD800", "\uDC00", "\U0001F680", "\\u", "\\uD83D", "\\/", "\\x4", "\\", "null", "~", "true", "yes",
        "0x1F", "0o17", "1e400", "-.inf", ".nan", "2024-01-02", "12:30:00", "123456789012345678901234567890", "-0", "+1",
        "command", "commands", "label", "key", "depends_on", "wait", "block", "input", "trigger", "group", "steps", "env",
        "agents", "plugins", "matrix", "setup", "adjustments", "with", "retry", "automatic", "manual", "soft_fail",
        "exit_status", "limit", "if", "branches", "notify", "slack", "fields", "select", "options", "type", "build",
        "parallelism", "concurrency", "concurrency_group", "concurrency_method", "timeout_in_minutes", "priority", "skip",
        "if_changed", "cache", "secrets", "signature", "artifact_paths", "docker#v5.13.0", "a/b#c", "$", "$$", "${X}",
        "${X:-y}", "${X?}", "$X", "\\$", "build.branch == \"main\"", "x", "1", "-1", "255", "*");

    private static readonly Gen<string> TokenSoup = Token.Array[0, 80].Select(string.Concat);

    /// <summary>Random bytes read as UTF-8 (invalid sequences become U+FFFD) or as Latin-1 (every byte a character).</summary>
    private static readonly Gen<string> RandomBytes = Gen.Select(Gen.Byte.Array[0, 400], Gen.Bool)
        .Select((bytes, utf8) => utf8 ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes));

    /// <summary>A corpus file with a few random edits: a range deleted, repeated or moved, a token inserted.</summary>
    private static readonly Gen<string> MutatedCorpus =
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Select(Gen.Int[0, 3], Gen.Double[0, 1], Gen.Double[0, 1], Token).Array[1, 6])
            .Select((file, edits) =>
            {
                var corpus = Corpus.Value;
                var text = new StringBuilder(corpus[file % corpus.Length]);
                foreach (var (kind, at, span, token) in edits)
                {
                    var start = (int)(at * text.Length);
                    var length = Math.Min(text.Length - start, (int)(span * 40));
                    switch (kind)
                    {
                        case 0:
                            text.Remove(start, length);
                            break;
                        case 1:
                            text.Insert(start, text.ToString(start, length));
                            break;
                        case 2:
                            var moved = text.ToString(start, length);
                            text.Remove(start, length).Insert((int)(span * text.Length), moved);
                            break;
                        default:
                            text.Insert(start, token);
                            break;
                    }
                }

                return text.ToString();
            });

    /// <summary>Attribute names of steps, plugins, notifications, retries, fields and matrices.</summary>
    private static readonly Gen<string> Key = Gen.OneOf(
        "command", "commands", "label", "name", "key", "id", "depends_on", "wait", "block", "input", "trigger", "group",
        "steps", "env", "agents", "plugins", "matrix", "setup", "adjustments", "with", "skip", "retry", "automatic", "manual",
        "allowed", "permit_on_passed", "reason", "soft_fail", "exit_status", "limit", "signal", "signal_reason", "if",
        "branches", "notify", "slack", "channels", "message", "email", "webhook", "pagerduty_change_event", "github_commit_status",
        "github_check", "context", "basecamp_campfire", "fields", "text", "select", "options", "value", "hint", "required",
        "default", "multiple", "prompt", "blocked_state", "allowed_teams", "type", "build", "async", "branch", "commit",
        "meta_data", "parallelism", "concurrency", "concurrency_group", "concurrency_method", "timeout_in_minutes",
        "priority", "if_changed", "include", "exclude", "cache", "paths", "size", "secrets", "signature", "algorithm",
        "signed_fields", "artifact_paths", "image", "continue_on_failure", "allow_dependency_failure", "step",
        "cancel_on_build_failing", "docker#v5.13.0", "docker-compose#v5.14.0", "artifacts#v1.9.4", "my/plugin#v1", "run",
        "upload", "download", "X_TOKEN", "A", "<<");

    /// <summary>Scalars of every YAML type, in the forms a pipeline might hold them.</summary>
    private static readonly Gen<string> Value = Gen.OneOf(
        "x", "'quoted'", "\"double\"", "\"\"", "''", "null", "~", "true", "false", "0", "1", "-1", "11", "255", "256", "3.5",
        "1e400", ".inf", "0x10", "2024-01-02", "\"*\"", "'*'", "\"$HOME\"", "\"${X:-y}\"", "\"${X?\"", "\"\\\\$x\"",
        "build.branch == 'main'", "\"build.x =~ /a/\"", "docker#v5.13.0", "\"a/b#c#d\"", "!build.x", "linux", "\"\\U0001F680\"",
        "&anchor x", "*anchor", "steps", "wait", "block", "trigger", "group", "command", "script", "input",
        "\"00000000-0000-0000-0000-000000000000\"", "\"" + new string('k', 120) + "\"");

    /// <summary>A flow-style YAML value: a scalar, or a list or map of such values, nested up to four levels.</summary>
    private static readonly Gen<string> Tree = Gen.Recursive<string>((depth, tree) => depth >= 4
        ? Value
        : Gen.Frequency(
            (3, Value),
            (2, tree.Array[0, 4].Select(items => "[" + string.Join(", ", items) + "]")),
            (3, Gen.Select(Key, tree).Array[0, 5].Select(entries => "{" + string.Join(", ", entries.Select(e => e.Item1 + ": " + e.Item2)) + "}"))));

    /// <summary>A step of each type, with random attributes of any type.</summary>
    private static readonly Gen<string> Step = Gen.Select(
            Gen.OneOf("command: make", "wait: ~", "block: Release", "input: Details", "trigger: deploy", "group: Checks", "type: script", "script: x"),
            Gen.Select(Key, Tree).Array[0, 6],
            Tree.Array[0, 3])
        .Select((kind, attributes, nested) =>
            "{" + string.Join(", ", new[] { kind }.Concat(attributes.Select(a => a.Item1 + ": " + a.Item2))
                .Concat(kind.StartsWith("group", StringComparison.Ordinal) ? ["steps: [" + string.Join(", ", nested) + "]"] : [])) + "}");

    /// <summary>Pipelines of such steps, with pipeline-level attributes of any type.</summary>
    private static readonly Gen<string> PipelineShapedTree = Gen.Select(
            Gen.Frequency((3, Step), (1, Tree)).Array[0, 5],
            Gen.Select(Gen.OneOf("env", "agents", "notify", "image", "secrets", "priority", "steps", "x"), Tree).Array[0, 3])
        .Select((steps, top) => string.Concat(top.Select(t => t.Item1 + ": " + t.Item2 + "\n")) + "steps: [" + string.Join(", ", steps) + "]\n");

    /// <summary>Reads the text; returns the exception that is not the library's own, if any.</summary>
    private static Exception? UnexpectedFailure(string text)
    {
        try
        {
            var pipeline = Pipeline.FromYaml(text, "fuzz.yml");
            if (!pipeline.Validate().Any(d => d.IsError))
            {
                _ = pipeline.ToYaml();
                _ = pipeline.ToJson();
            }
        }
        catch (PipelineException exception)
        {
            exception.Diagnostics.Should().Contain(d => d.IsError, "a PipelineException from reading names at least one error");
        }
        catch (Exception exception)
        {
            return exception;
        }

        return null;
    }

    private static void ShouldReadOrReport(Gen<string> texts) =>
        texts.Sample(text => UnexpectedFailure(text) is null, iter: Iterations, threads: 1, print: text => Encoding.UTF8.GetByteCount(text) + " bytes: " + JsonEscaped(text));

    private static string JsonEscaped(string text) => System.Text.Json.JsonSerializer.Serialize(text) + " → " + UnexpectedFailure(text);

    [Fact]
    public void Random_bytes_are_read_or_reported_never_crash()
    {
        ShouldReadOrReport(RandomBytes);
    }

    [Fact]
    public void Random_edits_of_real_pipelines_are_read_or_reported_never_crash()
    {
        ShouldReadOrReport(MutatedCorpus);
    }

    [Fact]
    public void Yaml_token_soup_is_read_or_reported_never_crash()
    {
        ShouldReadOrReport(TokenSoup);
    }

    [Fact]
    public void Pipeline_shaped_trees_of_any_types_are_read_or_reported_never_crash()
    {
        ShouldReadOrReport(PipelineShapedTree);
    }

    [Fact]
    public void Every_corpus_file_is_read_or_reported()
    {
        // Given
        var corpus = Corpus.Value;

        // When
        var failures = corpus.Select(UnexpectedFailure).Where(e => e is not null).ToList();

        // Then
        corpus.Should().NotBeEmpty();
        failures.Should().BeEmpty();
    }
}
