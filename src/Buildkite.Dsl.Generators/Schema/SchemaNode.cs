using System.Collections.Generic;
using System.Linq;
using Buildkite.Dsl.Generators.Yaml;

namespace Buildkite.Dsl.Generators.Schema;

/// <summary>One option of an object schema, in declared order.</summary>
internal sealed class SchemaProperty
{
    public SchemaProperty(string key, YamlNode keyNode, SchemaNode schema)
    {
        Key = key;
        KeyNode = keyNode;
        Schema = schema;
    }

    public string Key { get; }

    public YamlNode KeyNode { get; }

    public SchemaNode Schema { get; }
}

/// <summary>A property dependency (<c>dependencies: {key: [other, …]}</c>): when <see cref="Key"/> is set, all of <see cref="Needs"/> must be.</summary>
internal sealed class SchemaDependency
{
    public SchemaDependency(string key, IReadOnlyList<string> needs)
    {
        Key = key;
        Needs = needs;
    }

    public string Key { get; }

    public IReadOnlyList<string> Needs { get; }
}

/// <summary>
/// The JSON-schema subset that plugin.yml <c>configuration</c> blocks use, read from YAML, with the
/// JSON path and the YAML node of every schema for diagnostics.
/// </summary>
internal sealed class SchemaNode
{
    public SchemaNode(string path, YamlNode node)
    {
        Path = path;
        Node = node;
    }

    /// <summary>The JSON path in the file, for example <c>configuration.properties.upload.oneOf[0]</c>.</summary>
    public string Path { get; }

    public YamlNode Node { get; }

    /// <summary>The <c>type</c> names, a one-element list for a single name; empty when not given.</summary>
    public List<string> Types { get; } = new();

    public List<SchemaProperty> Properties { get; } = new();

    public bool HasProperties { get; set; }

    public List<string> Required { get; } = new();

    /// <summary><c>additionalProperties</c> as a boolean; <see langword="null"/> when absent or a schema.</summary>
    public bool? AdditionalProperties { get; set; }

    public SchemaNode? AdditionalSchema { get; set; }

    public List<YamlNode>? Enum { get; set; }

    public List<SchemaNode>? OneOf { get; set; }

    public List<SchemaNode>? AnyOf { get; set; }

    public SchemaNode? Items { get; set; }

    /// <summary>The <c>$ref</c> text, for example <c>#/definitions/from-to-object</c>.</summary>
    public string? Ref { get; set; }

    public List<SchemaDependency> Dependencies { get; } = new();

    public YamlNode? Default { get; set; }

    public string? Description { get; set; }

    public string? Title { get; set; }

    public string? Format { get; set; }

    public bool Deprecated { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public double? Minimum { get; set; }

    public double? Maximum { get; set; }

    public string? Pattern { get; set; }

    /// <summary>Whether the schema only lists <c>required</c> keys (a branch of a root <c>oneOf</c>/<c>anyOf</c>).</summary>
    public bool IsRequiredOnly { get; set; }

    /// <summary>
    /// The part of a multi-type schema (<c>type: [string, array]</c>) that applies to one of its types:
    /// string keywords for <c>string</c>, <c>items</c> for <c>array</c>, <c>properties</c> for <c>object</c>, …
    /// </summary>
    public SchemaNode ViewFor(string type)
    {
        var view = new SchemaNode(Path, Node) { Description = Description, Title = Title, Default = Default, Format = Format };
        view.Types.Add(type);
        switch (type)
        {
            case "string":
                view.Pattern = Pattern;
                view.MinLength = MinLength;
                view.MaxLength = MaxLength;
                view.Enum = Enum?.Where(e => e.IsScalar && e.Type == ScalarType.String).ToList() is { Count: > 0 } strings ? strings : null;
                break;
            case "integer":
            case "number":
                view.Minimum = Minimum;
                view.Maximum = Maximum;
                view.Enum = Enum?.Where(e => e.IsScalar && e.Type is ScalarType.Integer or ScalarType.Float).ToList() is { Count: > 0 } numbers ? numbers : null;
                break;
            case "array":
                view.Items = Items;
                view.MinItems = MinItems;
                view.MaxItems = MaxItems;
                if (!Types.Contains("object"))
                {
                    view.HasProperties = HasProperties;
                    view.Properties.AddRange(Properties);
                }

                break;
            case "object":
                view.HasProperties = HasProperties;
                view.Properties.AddRange(Properties);
                view.Required.AddRange(Required);
                view.AdditionalProperties = AdditionalProperties;
                view.AdditionalSchema = AdditionalSchema;
                view.Dependencies.AddRange(Dependencies);
                view.OneOf = OneOf;
                view.AnyOf = AnyOf;
                break;
        }

        return view;
    }
}
