using System.Globalization;
using Buildkite.Dsl.Serialization;
using Buildkite.Dsl.Tests.Support;
using CsCheck;
using YamlDotNet.RepresentationModel;

namespace Buildkite.Dsl.Tests.Serialization;

/// <summary>
/// The library's hand-written YAML writer against its reference, YamlDotNet's event emitter
/// (<see cref="EmitterYamlWriter"/>): the same bytes for every pipeline of the tests and for random node trees, and
/// every output parsed back by YamlDotNet's parser into exactly the tree that was written.
/// </summary>
public class YamlWriterDifferentialTests
{
    /// <summary>Samples per property: 1,000, or CsCheck_Iter for a longer local run.</summary>
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), CultureInfo.InvariantCulture, out var iterations) ? iterations : 1000;

    public static TheoryData<string, string> Strings() => TrickyStrings.Data();

    public static TheoryData<string> ScionPipelines() => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "scion"), "*.yml").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Strings))]
    public void Every_tricky_string_is_written_as_the_emitter_writes_it(string name, string text)
    {
        // Given
        var (root, _) = StepMapper.Map(TrickyStrings.PipelineWith(text));

        // When
        var written = YamlPipelineWriter.Write([root]);

        // Then
        written.Should().Be(EmitterYamlWriter.Write([root]), name);
    }

    [Fact]
    public void The_pipeline_with_every_attribute_is_written_as_the_emitter_writes_it()
    {
        // Given
        var (root, _) = StepMapper.Map(EverythingPipeline.Create());

        // When
        var written = YamlPipelineWriter.Write([root]);

        // Then
        written.Should().Be(EmitterYamlWriter.Write([root]));
    }

    [Theory]
    [MemberData(nameof(ScionPipelines))]
    public void Scions_pipelines_read_and_written_again_are_written_as_the_emitter_writes_them(string file)
    {
        // Given
        var pipeline = Pipeline.FromYaml(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "scion", file)), file);
        var (root, _) = StepMapper.Map(pipeline);

        // When
        var written = YamlPipelineWriter.Write([root]);

        // Then
        written.Should().Be(EmitterYamlWriter.Write([root]));
    }

    [Fact]
    public void Several_documents_are_written_as_the_emitter_writes_them()
    {
        // Given
        Node[] documents = [Tree(("a", Str("1"))), Tree(("b", new SequenceNode([Str("x"), Str("y\nz")]))), new MappingNode()];

        // When
        var written = YamlPipelineWriter.Write(documents);

        // Then
        written.Should().Be(EmitterYamlWriter.Write(documents));
    }

    [Fact]
    public void Random_trees_are_written_as_the_emitter_writes_them_and_read_back_exactly()
    {
        NodeTrees.Documents(simpleKeys: true).Sample(
            documents =>
            {
                var written = YamlPipelineWriter.Write(documents);
                return written == EmitterYamlWriter.Write(documents) && ReadsBackAs(written, documents);
            },
            iter: Iterations,
            print: documents => EmitterYamlWriter.Write(documents) + "\n--- but the writer printed ---\n" + YamlPipelineWriter.Write(documents));
    }

    [Fact]
    public void Random_trees_with_long_or_multi_line_keys_are_read_back_exactly()
    {
        NodeTrees.Documents(simpleKeys: false).Sample(
            documents => ReadsBackAs(YamlPipelineWriter.Write(documents), documents),
            iter: Iterations / 4,
            print: documents => YamlPipelineWriter.Write(documents));
    }

    [Fact]
    public void A_key_longer_than_1024_characters_is_an_explicit_key()
    {
        // Given
        var key = new string('k', 1025);
        var tree = Tree((key, Tree(("a", Str("1")), ("b", Str("2")))));

        // When
        var written = YamlPipelineWriter.Write([tree]);

        // Then
        written.Should().Be($"? {key}\n: a: \"1\"\n  b: \"2\"\n");
        ReadsBackAs(written, [tree]).Should().BeTrue();
    }

    [Fact]
    public void A_literal_block_that_ends_with_several_line_breaks_keeps_them()
    {
        // Given
        var tree = Tree(("command", Str("make\ntest\n\n")), ("next", Str("x")));

        // When
        var written = YamlPipelineWriter.Write([tree]);

        // Then
        written.Should().Be("command: |+\n  make\n  test\n\nnext: x\n").And.Be(EmitterYamlWriter.Write([tree]));
    }

    private static ScalarNode Str(string text) => new(text, ScalarKind.String);

    private static MappingNode Tree(params (string Key, Node Value)[] entries)
    {
        var mapping = new MappingNode();
        foreach (var (key, value) in entries)
        {
            mapping.Add(key, value);
        }

        return mapping;
    }

    /// <summary>Whether YamlDotNet's parser reads the text as exactly these documents: same keys in order, same texts, strings still strings.</summary>
    private static bool ReadsBackAs(string yaml, IReadOnlyList<Node> documents)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == documents.Count
            && documents.Select((document, i) => Same(document, stream.Documents[i].RootNode)).All(same => same);
    }

    private static bool Same(Node expected, YamlNode actual) => (expected, actual) switch
    {
        (MappingNode mapping, YamlMappingNode read) => mapping.Entries.Count == read.Children.Count
            && mapping.Entries.Zip(read.Children).All(pair =>
                pair.Second.Key is YamlScalarNode key && key.Value == pair.First.Key && IndependentYaml.IsString(key) && Same(pair.First.Value, pair.Second.Value)),
        (SequenceNode sequence, YamlSequenceNode read) => sequence.Items.Count == read.Children.Count
            && sequence.Items.Zip(read.Children).All(pair => Same(pair.First, pair.Second)),
        (ScalarNode { Kind: ScalarKind.String } scalar, YamlScalarNode read) => read.Value == scalar.Text && IndependentYaml.IsString(read),
        (ScalarNode scalar, YamlScalarNode read) => read.Value == scalar.Text && read.Style == YamlDotNet.Core.ScalarStyle.Plain,
        _ => false,
    };
}
