using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Buildkite.Dsl.Generators.Schema;
using Buildkite.Dsl.Generators.Yaml;

namespace Buildkite.Dsl.Generators.Emit;

/// <summary>
/// Maps a plugin's configuration schema to C# types: scalars to <c>string</c>, <c>bool</c>, <c>int</c>,
/// <c>decimal</c>; <c>enum</c> to a C# enum; objects with properties to records (open ones get an
/// <c>Extra</c> map); free-form objects to dictionaries; arrays to lists; a value-or-list union to
/// <c>OneOrMany&lt;T&gt;</c>; other <c>oneOf</c>/<c>anyOf</c>/type lists to a generated union; root
/// <c>oneOf</c>/<c>anyOf</c> of <c>required</c> sets and <c>dependencies</c> to checks.
/// </summary>
internal sealed class TypeMapper
{
    /// <summary>Member names a generated record already has; an option with one of them gets the suffix <c>Option</c>.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "Reference", "Extra", "ToConfiguration", "Validate", "ValidateConfiguration", "CheckConfiguration", "DefaultReference",
        "Equals", "GetHashCode", "ToString", "GetType", "EqualityContract", "PrintMembers", "Deconstruct", "MemberwiseClone", "Finalize",
    };

    private readonly Reporter _reporter;
    private readonly IReadOnlyDictionary<string, SchemaNode> _definitions;
    private readonly Dictionary<string, GeneratedType> _definitionTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);
    private readonly PluginModel _model;
    private readonly string _prefix;

    private TypeMapper(Reporter reporter, IReadOnlyDictionary<string, SchemaNode> definitions, PluginModel model, string prefix)
    {
        _reporter = reporter;
        _definitions = definitions;
        _model = model;
        _prefix = prefix;
    }

    /// <summary>Fills <paramref name="model"/>'s root record and types from the root schema.</summary>
    public static void Map(SchemaNode root, IReadOnlyDictionary<string, SchemaNode> definitions, PluginModel model, string prefix, Reporter reporter)
    {
        var mapper = new TypeMapper(reporter, definitions, model, prefix);
        if (root.Types.Count > 0 && !(root.Types.Count == 1 && root.Types[0] == "object"))
        {
            reporter.Report(GeneratorDiagnostics.Unsupported, root.Path + ".type", "a plugin's configuration is a map, so the root schema must be an object.", root.Node.Get("type") ?? root.Node);
            return;
        }

        mapper.FillRecord(model.Root, root);
    }

    private void Add(GeneratedType type)
    {
        if (_model.Types.Any(t => t.TypeName == type.TypeName))
        {
            _reporter.Report(GeneratorDiagnostics.Collision, type.Schema.Path, $"the generated type name '{type.TypeName}' is already taken by another part of this plugin's schema.", type.Schema.Node);
        }

        _model.Types.Add(type);
    }

    private void FillRecord(RecordType record, SchemaNode schema)
    {
        if (!record.IsPlugin)
        {
            Add(record);
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in schema.Properties)
        {
            var name = CSharp.Pascal(property.Key);
            if (name.Length == 0)
            {
                _reporter.Report(GeneratorDiagnostics.Unsupported, property.Schema.Path, $"the option '{property.Key}' has no letter or digit to name a C# property after.", property.KeyNode);
                continue;
            }

            if (char.IsDigit(name[0]))
            {
                name = "Option" + name;
            }

            if (Reserved.Contains(name) || name == record.TypeName)
            {
                name += "Option";
            }

            if (names.TryGetValue(name, out var other))
            {
                _reporter.Report(GeneratorDiagnostics.Collision, property.Schema.Path, $"the options '{other}' and '{property.Key}' both give the C# name '{name}'.", property.KeyNode);
                continue;
            }

            var variable = FormatEnvKey(property.Key);
            if (variables.TryGetValue(variable, out var same))
            {
                _reporter.Report(GeneratorDiagnostics.Collision, property.Schema.Path, $"the options '{same}' and '{property.Key}' both become the environment variable suffix '{variable}', so the plugin cannot tell them apart.", property.KeyNode);
                continue;
            }

            names.Add(name, property.Key);
            variables.Add(variable, property.Key);
            var type = MapSchema(property.Schema, record.Stem + name, out var notes);
            if (type is null)
            {
                continue;
            }

            var model = new PropertyModel(property.Key, name, type, property.Schema, schema.Required.Contains(property.Key));
            model.Notes.AddRange(notes);
            record.Properties.Add(model);
        }

        record.Required.AddRange(schema.Required);
        foreach (var required in schema.Required.Where(key => schema.Properties.All(p => p.Key != key)))
        {
            record.Notes.Add($"The schema requires {CSharp.Code(required)}, which it does not declare; set it through <c>Extra</c>.");
        }

        record.Dependencies.AddRange(schema.Dependencies);
        foreach (var dependency in schema.Dependencies)
        {
            foreach (var key in new[] { dependency.Key }.Concat(dependency.Needs).Where(key => schema.Properties.All(p => p.Key != key)))
            {
                _reporter.Report(GeneratorDiagnostics.Malformed, schema.Path + ".dependencies." + dependency.Key, $"names the option '{key}', which 'properties' does not declare.", schema.Node.Get("dependencies") ?? schema.Node);
            }
        }

        ReadAlternatives(record, schema.OneOf, record.ExactlyOne, schema.Path + ".oneOf");
        ReadAlternatives(record, schema.AnyOf, record.AtLeastOne, schema.Path + ".anyOf");

        if (schema.AdditionalProperties == false)
        {
            record.Extra = ExtraKind.None;
        }
        else if (schema.AdditionalSchema is { } additional)
        {
            var type = MapSchema(additional, record.Stem + "Extra", out _);
            if (type == PrimitiveType.Text)
            {
                record.Extra = ExtraKind.Text;
            }
            else if (type is not null)
            {
                _reporter.Report(GeneratorDiagnostics.Unsupported, additional.Path, "an 'additionalProperties' schema next to 'properties' is supported for strings only.", additional.Node);
            }
        }
        else
        {
            record.Extra = ExtraKind.Json;
        }
    }

    private void ReadAlternatives(RecordType record, List<SchemaNode>? branches, List<List<string>> sets, string path)
    {
        if (branches is null)
        {
            return;
        }

        foreach (var branch in branches)
        {
            if (!branch.IsRequiredOnly || branch.Required.Count == 0)
            {
                _reporter.Report(GeneratorDiagnostics.Unsupported, branch.Path, "alternatives of an object are supported only as lists of required options ('- required: [a, b]').", branch.Node);
                continue;
            }

            foreach (var key in branch.Required.Where(key => record.Schema.Properties.All(p => p.Key != key)))
            {
                _reporter.Report(GeneratorDiagnostics.Malformed, branch.Path + ".required", $"names the option '{key}', which 'properties' does not declare.", branch.Node);
            }

            sets.Add(branch.Required.ToList());
        }

        _ = path;
    }

    /// <summary>Maps a schema to a C# type; <see langword="null"/> after reporting what is unsupported.</summary>
    private CsType? MapSchema(SchemaNode schema, string name, out List<string> notes)
    {
        notes = new List<string>();
        if (schema.Ref is { } reference)
        {
            return MapDefinition(schema, reference);
        }

        var alternatives = schema.OneOf ?? schema.AnyOf;
        if (alternatives is not null)
        {
            if (schema.Types.Count > 0 || schema.HasProperties || schema.Enum is not null)
            {
                _reporter.Report(GeneratorDiagnostics.Unsupported, schema.Path, "'oneOf'/'anyOf' next to 'type', 'properties' or 'enum' is not supported on an option.", schema.Node);
                return null;
            }

            return MapUnion(schema, alternatives, name, notes);
        }

        var types = schema.Types.ToList();
        if (types.Count == 0)
        {
            if (schema.Enum is { } values)
            {
                var kinds = values.Select(v => v.Type == ScalarType.Float ? ScalarType.Integer : v.Type).Distinct().ToList();
                if (kinds.Count != 1)
                {
                    _reporter.Report(GeneratorDiagnostics.Unsupported, schema.Path + ".enum", "an enum without 'type' must hold values of one type.", schema.Node.Get("enum"));
                    return null;
                }

                types.Add(kinds[0] switch
                {
                    ScalarType.String => "string",
                    ScalarType.Boolean => "boolean",
                    _ => values.All(v => v.Type == ScalarType.Integer) ? "integer" : "number",
                });
                notes.Add($"The schema gives no type; the values are {types[0]}s.");
            }
            else if (schema.HasProperties)
            {
                types.Add("object");
            }
            else if (schema.Items is not null)
            {
                types.Add("array");
            }
            else
            {
                notes.Add("The schema gives no type, so any JSON value is accepted.");
                return PrimitiveType.Json;
            }
        }

        if (types.Count == 1)
        {
            return MapSingle(types[0], schema, name, notes);
        }

        return MapUnion(schema, types.Select(schema.ViewFor).ToList(), name, notes);
    }

    private CsType? MapDefinition(SchemaNode at, string reference)
    {
        if (_definitionTypes.TryGetValue(reference, out var known))
        {
            return known;
        }

        if (!_definitions.TryGetValue(reference, out var definition))
        {
            _reporter.Report(GeneratorDiagnostics.Malformed, at.Path + ".$ref", $"'{reference}' names no definition of this file.", at.Node.Get("$ref") ?? at.Node);
            return null;
        }

        if (!_resolving.Add(reference))
        {
            _reporter.Report(GeneratorDiagnostics.Unsupported, at.Path + ".$ref", $"'{reference}' refers to itself; recursive schemas are not supported.", at.Node.Get("$ref") ?? at.Node);
            return null;
        }

        var name = _prefix + CSharp.Pascal(reference.Substring(reference.LastIndexOf('/') + 1));
        var type = MapSchema(definition, name, out _);
        _resolving.Remove(reference);
        if (type is GeneratedType generated)
        {
            _definitionTypes[reference] = generated;
        }

        return type;
    }

    private CsType? MapSingle(string type, SchemaNode schema, string name, List<string> notes)
    {
        switch (type)
        {
            case "string":
            case "integer":
            case "number":
                if (schema.Enum is { } values)
                {
                    return MapEnum(schema, new[] { (type, values) }, name);
                }

                return type switch
                {
                    "string" => PrimitiveType.Text,
                    "integer" => PrimitiveType.Integer,
                    _ => PrimitiveType.Number,
                };
            case "boolean":
                if (schema.Enum is not null)
                {
                    _reporter.Report(GeneratorDiagnostics.Unsupported, schema.Path + ".enum", "an enum of booleans is not supported; use 'type: boolean'.", schema.Node.Get("enum"));
                    return null;
                }

                return PrimitiveType.Flag;
            case "object":
                if (schema.HasProperties)
                {
                    var record = new RecordType(name, Stem(name), schema);
                    FillRecord(record, schema);
                    return record;
                }

                if (schema.AdditionalSchema is { } additional)
                {
                    var value = MapSchema(additional, name + "Value", out _);
                    return value is null ? null : new MapType(value, valuesInferred: false);
                }

                if (schema.OneOf is not null || schema.AnyOf is not null)
                {
                    _reporter.Report(GeneratorDiagnostics.Unsupported, schema.Path, "alternatives on an object without 'properties' are not supported.", schema.Node);
                    return null;
                }

                notes.Add("The schema gives no value type; the values are strings, as every value reaches the plugin's hooks as a string.");
                return new MapType(PrimitiveType.Text, valuesInferred: true);
            case "array":
                if (schema.Items is { } items)
                {
                    var item = MapSchema(items, name + "Item", out var itemNotes);
                    notes.AddRange(itemNotes);
                    return item is null ? null : new ListType(item, schema, itemsInferred: false);
                }

                if (schema.HasProperties)
                {
                    _reporter.Report(GeneratorDiagnostics.Heuristic, schema.Path + ".properties", "'properties' on an array has no effect in JSON schema; it is read as the schema of the array's items.", schema.Node.Get("properties") ?? schema.Node);
                    notes.Add("The schema puts <c>properties</c> on the array itself, which validators ignore; the binding reads them as the items' options.");
                    var itemSchema = new SchemaNode(schema.Path + ".properties", schema.Node) { HasProperties = true };
                    itemSchema.Properties.AddRange(schema.Properties);
                    var record = new RecordType(name + "Item", name, itemSchema);
                    FillRecord(record, itemSchema);
                    return new ListType(record, schema, itemsInferred: false);
                }

                notes.Add("The schema gives no item type; the items are strings.");
                return new ListType(PrimitiveType.Text, schema, itemsInferred: true);
            default:
                _reporter.Report(GeneratorDiagnostics.Unsupported, schema.Path + ".type", $"the type '{type}' is not supported.", schema.Node);
                return null;
        }
    }

    private EnumType? MapEnum(SchemaNode schema, IEnumerable<(string Type, List<YamlNode> Values)> branches, string name)
    {
        var type = new EnumType(name, schema);
        foreach (var (jsonType, values) in branches)
        {
            foreach (var value in values)
            {
                var ok = jsonType switch
                {
                    "string" => value.Type == ScalarType.String,
                    "integer" => value.Type == ScalarType.Integer,
                    "number" => value.Type is ScalarType.Integer or ScalarType.Float,
                    _ => false,
                };
                if (!ok)
                {
                    _reporter.Report(GeneratorDiagnostics.Malformed, schema.Path + ".enum", $"the value '{value.Text}' is not of the type '{jsonType}'; quote it if it is a string.", value);
                    return null;
                }

                var json = value.ToJsonLiteral();
                var member = value.Text.Length == 0 ? "Empty" : CSharp.Pascal(value.Text);
                if (member.Length == 0)
                {
                    _reporter.Report(GeneratorDiagnostics.Unsupported, schema.Path + ".enum", $"the value '{value.Text}' has no letter or digit to name an enum member after.", value);
                    return null;
                }

                if (char.IsDigit(member[0]) || member[0] == '-')
                {
                    member = "Value" + member.Replace("-", "Minus");
                }

                var existing = type.Members.Find(m => m.Name == member);
                if (existing is null)
                {
                    type.Members.Add(new EnumMember(member, json, value.Text));
                }
                else if (existing.Json != json && existing.Display == value.Text)
                {
                    type.AlsoAccepted.Add(json);
                }
                else
                {
                    _reporter.Report(GeneratorDiagnostics.Collision, schema.Path + ".enum", $"the values '{existing.Display}' and '{value.Text}' both give the enum member name '{member}'.", value);
                    return null;
                }
            }
        }

        Add(type);
        return type;
    }

    private CsType? MapUnion(SchemaNode schema, List<SchemaNode> branches, string name, List<string> notes)
    {
        var resolved = branches.Select(b => b.Ref is { } r && _definitions.TryGetValue(r, out var d) ? d : b).ToList();

        // A oneOf of enums (cli-version: "1"/"2" or 1/2) is one enum; the other forms are also accepted.
        if (resolved.All(b => b.Enum is not null && b.Ref is null && b.Types.Count <= 1 && !b.HasProperties)
            && branches.All(b => b.Ref is null))
        {
            var parts = new List<(string, List<YamlNode>)>();
            foreach (var branch in resolved)
            {
                var type = branch.Types.Count == 1 ? branch.Types[0]
                    : branch.Enum!.All(v => v.Type == ScalarType.String) ? "string"
                    : branch.Enum!.All(v => v.Type == ScalarType.Integer) ? "integer" : "number";
                parts.Add((type, branch.Enum!));
            }

            var merged = MapEnum(schema, parts, name);
            if (merged is not null && merged.AlsoAccepted.Count > 0)
            {
                notes.Add($"The schema also accepts {string.Join(", ", merged.AlsoAccepted.Select(CSharp.Code))}; the binding writes the first form.");
            }

            return merged;
        }

        var mapped = new List<(SchemaNode Schema, CsType Type)>();
        foreach (var branch in branches)
        {
            if (branch.IsRequiredOnly)
            {
                _reporter.Report(GeneratorDiagnostics.Unsupported, branch.Path, "a branch that only lists required options is supported at the level of an object, not as an option's value.", branch.Node);
                return null;
            }

            var branchTypes = branch.Ref is null && branch.OneOf is null && branch.AnyOf is null && branch.Types.Count > 1 ? branch.Types : null;
            if (branchTypes is not null)
            {
                _reporter.Report(GeneratorDiagnostics.Unsupported, branch.Path, "a list of types inside 'oneOf'/'anyOf' is not supported; give each type its own branch.", branch.Node);
                return null;
            }

            var suffix = branch.Types.FirstOrDefault() switch
            {
                "object" => "Object",
                "array" => string.Empty,
                _ => "Value",
            };
            var type = MapSchema(branch, name + suffix, out var branchNotes);
            if (type is null)
            {
                return null;
            }

            notes.AddRange(branchNotes);
            if (type is UnionType or OneOrManyType || type == PrimitiveType.Json)
            {
                _reporter.Report(GeneratorDiagnostics.Unsupported, branch.Path, "a branch that is itself a union or any value is not supported.", branch.Node);
                return null;
            }

            mapped.Add((branch.Ref is { } r && _definitions.TryGetValue(r, out var def) ? def : branch, type));
        }

        if (mapped.Count == 2)
        {
            var list = mapped.FindIndex(m => m.Type is ListType);
            if (list >= 0 && mapped[1 - list].Type is not ListType && SameType(mapped[1 - list].Type, ((ListType)mapped[list].Type).Item))
            {
                var listType = (ListType)mapped[list].Type;
                return new OneOrManyType(mapped[1 - list].Type, listType.Schema, listType.ItemsInferred);
            }
        }

        var union = new UnionType(name, schema);
        foreach (var (branchSchema, type) in mapped)
        {
            var branchName = BranchName(type);
            if (union.Branches.Any(b => b.Name == branchName))
            {
                _reporter.Report(GeneratorDiagnostics.Unsupported, schema.Path, $"two branches map to the same C# form ({type.Phrase}), which a C# union cannot tell apart.", schema.Node);
                return null;
            }

            union.Branches.Add(new UnionBranch(branchName, type, branchSchema));
        }

        if (union.Branches.Count(b => b.Type is RecordType or MapType) > 1)
        {
            _reporter.Report(GeneratorDiagnostics.Unsupported, schema.Path, "more than one object branch cannot be told apart when the configuration is checked.", schema.Node);
            return null;
        }

        Add(union);
        return union;
    }

    private static bool SameType(CsType a, CsType b) => ReferenceEquals(a, b);

    /// <summary>The prefix for a record's own nested types: <c>MonorepoDiffWatchConfigObject</c> → <c>MonorepoDiffWatchConfig</c>.</summary>
    private static string Stem(string name)
    {
        foreach (var suffix in new[] { "Object", "Item" })
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name.Substring(0, name.Length - suffix.Length);
            }
        }

        return name;
    }

    private static string BranchName(CsType type) => type switch
    {
        PrimitiveType { Kind: PrimitiveKind.Text } => "Text",
        PrimitiveType { Kind: PrimitiveKind.Flag } => "Flag",
        PrimitiveType { Kind: PrimitiveKind.Integer } => "Integer",
        PrimitiveType { Kind: PrimitiveKind.Number } => "Number",
        EnumType => "Value",
        RecordType => "Object",
        MapType => "Map",
        ListType list => BranchName(list.Item) + "List",
        _ => "Other",
    };

    /// <summary>The agent's <c>formatEnvKey</c>: upper-case, <c>-</c> and white space to <c>_</c>.</summary>
    internal static string FormatEnvKey(string key)
    {
        var chars = key.ToUpperInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '-' || char.IsWhiteSpace(chars[i]))
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }

    internal static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
}
