using System.Collections.Generic;
using Buildkite.Dsl.Generators.Schema;

namespace Buildkite.Dsl.Generators.Emit;

/// <summary>The C# shape a schema maps to.</summary>
internal abstract class CsType
{
    /// <summary>The C# type as written in a property or parameter, without <c>?</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Whether the C# type is a value type (a primitive or an enum), so a nullable property is <c>T?</c> of <see cref="System.Nullable{T}"/>.</summary>
    public virtual bool IsValueType => false;

    /// <summary>A phrase for docs: "a string", "a list of strings".</summary>
    public abstract string Phrase { get; }

    /// <summary>A phrase for docs in the plural: "strings".</summary>
    public abstract string Plural { get; }
}

internal enum PrimitiveKind
{
    Text,
    Flag,
    Integer,
    Number,
    Json,
}

internal sealed class PrimitiveType : CsType
{
    public static readonly PrimitiveType Text = new(PrimitiveKind.Text);
    public static readonly PrimitiveType Flag = new(PrimitiveKind.Flag);
    public static readonly PrimitiveType Integer = new(PrimitiveKind.Integer);
    public static readonly PrimitiveType Number = new(PrimitiveKind.Number);
    public static readonly PrimitiveType Json = new(PrimitiveKind.Json);

    private PrimitiveType(PrimitiveKind kind) => Kind = kind;

    public PrimitiveKind Kind { get; }

    public override string Name => Kind switch
    {
        PrimitiveKind.Text => "string",
        PrimitiveKind.Flag => "bool",
        PrimitiveKind.Integer => "int",
        PrimitiveKind.Number => "decimal",
        _ => "global::System.Text.Json.Nodes.JsonNode",
    };

    public override bool IsValueType => Kind is PrimitiveKind.Flag or PrimitiveKind.Integer or PrimitiveKind.Number;

    public override string Phrase => Kind switch
    {
        PrimitiveKind.Text => "a string",
        PrimitiveKind.Flag => "a boolean",
        PrimitiveKind.Integer => "an integer",
        PrimitiveKind.Number => "a number",
        _ => "any JSON value",
    };

    public override string Plural => Kind switch
    {
        PrimitiveKind.Text => "strings",
        PrimitiveKind.Flag => "booleans",
        PrimitiveKind.Integer => "integers",
        PrimitiveKind.Number => "numbers",
        _ => "JSON values",
    };
}

/// <summary>A type generated for the plugin: a record, an enum or a union.</summary>
internal abstract class GeneratedType : CsType
{
    protected GeneratedType(string name, SchemaNode schema)
    {
        TypeName = name;
        Schema = schema;
    }

    public string TypeName { get; }

    public SchemaNode Schema { get; }

    public override string Name => TypeName;
}

internal sealed class EnumMember
{
    public EnumMember(string name, string json, string display)
    {
        Name = name;
        Json = json;
        Display = display;
    }

    public string Name { get; }

    /// <summary>The JSON literal written for the member: <c>"auto"</c> or <c>2</c>.</summary>
    public string Json { get; }

    /// <summary>The value as the plugin's docs write it.</summary>
    public string Display { get; }
}

internal sealed class EnumType : GeneratedType
{
    public EnumType(string name, SchemaNode schema)
        : base(name, schema)
    {
    }

    public List<EnumMember> Members { get; } = new();

    /// <summary>JSON literals the schema also accepts for a member, written in the member's first form (a oneOf of a string and an integer enum).</summary>
    public List<string> AlsoAccepted { get; } = new();

    public override bool IsValueType => true;

    public override string Phrase => $"one of {string.Join(", ", Members.ConvertAll(m => m.Json))}";

    public override string Plural => $"values of {TypeName}";
}

internal sealed class PropertyModel
{
    public PropertyModel(string key, string name, CsType type, SchemaNode schema, bool required)
    {
        Key = key;
        Name = name;
        Type = type;
        Schema = schema;
        IsRequired = required;
    }

    /// <summary>The option's key as the plugin spells it.</summary>
    public string Key { get; }

    public string Name { get; }

    public CsType Type { get; }

    public SchemaNode Schema { get; }

    public bool IsRequired { get; }

    /// <summary>Notes for the property's remarks (heuristics, inferred types).</summary>
    public List<string> Notes { get; } = new();
}

internal enum ExtraKind
{
    /// <summary>A closed object (<c>additionalProperties: false</c>): no escape hatch.</summary>
    None,

    /// <summary>An open object: any JSON value under any other key.</summary>
    Json,

    /// <summary><c>additionalProperties: {type: string}</c>: strings under any other key.</summary>
    Text,
}

internal sealed class RecordType : GeneratedType
{
    public RecordType(string name, string stem, SchemaNode schema)
        : base(name, schema)
    {
        Stem = stem;
    }

    /// <summary>The prefix of the names of types generated for this record's options.</summary>
    public string Stem { get; }

    public bool IsPlugin { get; set; }

    public List<PropertyModel> Properties { get; } = new();

    public ExtraKind Extra { get; set; }

    /// <summary>Root <c>oneOf</c> of <c>required</c> sets: exactly one must hold.</summary>
    public List<List<string>> ExactlyOne { get; } = new();

    /// <summary>Root <c>anyOf</c> of <c>required</c> sets: at least one must hold.</summary>
    public List<List<string>> AtLeastOne { get; } = new();

    public List<string> Required { get; } = new();

    public List<SchemaDependency> Dependencies { get; } = new();

    public List<string> Notes { get; } = new();

    public override string Phrase => $"an object ({TypeName})";

    public override string Plural => $"{TypeName} objects";
}

internal enum BranchKind
{
    Text,
    Flag,
    Integer,
    Number,
    Value,
    Object,
    Map,
    List,
}

internal sealed class UnionBranch
{
    public UnionBranch(string name, CsType type, SchemaNode schema)
    {
        Name = name;
        Type = type;
        Schema = schema;
    }

    /// <summary>The branch's property name in the union: <c>Text</c>, <c>Flag</c>, <c>TextList</c>, <c>Object</c>, …</summary>
    public string Name { get; }

    public CsType Type { get; }

    public SchemaNode Schema { get; }
}

internal sealed class UnionType : GeneratedType
{
    public UnionType(string name, SchemaNode schema)
        : base(name, schema)
    {
    }

    public List<UnionBranch> Branches { get; } = new();

    public override string Phrase => $"{string.Join(", or ", Branches.ConvertAll(b => b.Type.Phrase))} ({TypeName})";

    public override string Plural => $"{TypeName} values";
}

internal sealed class ListType : CsType
{
    public ListType(CsType item, SchemaNode schema, bool itemsInferred)
    {
        Item = item;
        Schema = schema;
        ItemsInferred = itemsInferred;
    }

    public CsType Item { get; }

    public SchemaNode Schema { get; }

    /// <summary>Whether the schema gave no item type and strings were assumed.</summary>
    public bool ItemsInferred { get; }

    public override string Name => $"global::System.Collections.Generic.IReadOnlyList<{Item.Name}>";

    public override string Phrase => $"a list of {Item.Plural}";

    public override string Plural => $"lists of {Item.Plural}";
}

internal sealed class MapType : CsType
{
    public MapType(CsType value, bool valuesInferred)
    {
        Value = value;
        ValuesInferred = valuesInferred;
    }

    public CsType Value { get; }

    public bool ValuesInferred { get; }

    public override string Name => $"global::System.Collections.Generic.IReadOnlyDictionary<string, {Value.Name}>";

    public override string Phrase => $"a map of {Value.Plural}";

    public override string Plural => $"maps of {Value.Plural}";
}

internal sealed class OneOrManyType : CsType
{
    public OneOrManyType(CsType item, SchemaNode listSchema, bool itemsInferred)
    {
        Item = item;
        ListSchema = listSchema;
        ItemsInferred = itemsInferred;
    }

    public CsType Item { get; }

    /// <summary>The array branch's schema (for <c>minItems</c> and item checks).</summary>
    public SchemaNode ListSchema { get; }

    public bool ItemsInferred { get; }

    public override string Name => $"global::Buildkite.Dsl.Plugins.OneOrMany<{Item.Name}>";

    public override string Phrase => $"{Item.Phrase} or a list of {Item.Plural}";

    public override string Plural => $"{Item.Plural} or lists of them";
}

/// <summary>Everything generated for one plugin.</summary>
internal sealed class PluginModel
{
    public PluginModel(string reference, string displayName, string? description, RecordType root)
    {
        Reference = reference;
        DisplayName = displayName;
        Description = description;
        Root = root;
    }

    /// <summary>The reference the binding is pinned to, for example <c>docker#v5.13.0</c>.</summary>
    public string Reference { get; }

    public string DisplayName { get; }

    public string? Description { get; }

    public RecordType Root { get; }

    public List<string> Requirements { get; } = new();

    /// <summary>A link to the plugin's README at the pinned version, when it is on GitHub.</summary>
    public string? ReadmeUrl { get; set; }

    /// <summary>Every generated type, in the order they are written: the plugin first, then as met.</summary>
    public List<GeneratedType> Types { get; } = new();

    /// <summary>The file the binding comes from, as the header names it.</summary>
    public string SourceName { get; set; } = "plugin.yml";

    public bool HasOverlay { get; set; }
}
