using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Buildkite.Dsl.Generators.Yaml;
using Microsoft.CodeAnalysis;

namespace Buildkite.Dsl.Generators.Schema;

/// <summary>Collects diagnostics for one file.</summary>
internal sealed class Reporter
{
    private readonly List<GeneratorDiagnostic> _diagnostics;

    public Reporter(string filePath, List<GeneratorDiagnostic> diagnostics)
    {
        FilePath = filePath;
        _diagnostics = diagnostics;
    }

    public string FilePath { get; }

    public int Errors { get; private set; }

    /// <summary>Reports a problem at <paramref name="node"/>; the message starts with the JSON path.</summary>
    public void Report(DiagnosticDescriptor descriptor, string path, string message, YamlNode? node)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            Errors++;
        }

        _diagnostics.Add(new GeneratorDiagnostic(
            descriptor,
            $"{FilePath}: {path}: {message}",
            FilePath,
            node?.Offset ?? 0,
            node?.Length ?? 0,
            node?.Line ?? 1,
            node?.Column ?? 1));
    }
}

/// <summary>
/// Reads a plugin.yml <c>configuration</c> (YAML) into <see cref="SchemaNode"/>s. Every keyword is
/// either understood or reported: BKDG002 for a construct the generator does not map, BKDG003 for a
/// keyword whose value has the wrong shape.
/// </summary>
internal sealed class SchemaReader
{
    private static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal) { "string", "boolean", "integer", "number", "array", "object" };

    private static readonly HashSet<string> Documentation = new(StringComparer.Ordinal) { "description", "title", "default", "examples", "$comment", "deprecated", "format" };

    private readonly Reporter _reporter;
    private readonly Dictionary<string, SchemaNode> _definitions = new(StringComparer.Ordinal);

    private SchemaReader(Reporter reporter) => _reporter = reporter;

    /// <summary>Reads the root <c>configuration</c> schema; <see langword="null"/> when it is unusable.</summary>
    public static (SchemaNode? Root, IReadOnlyDictionary<string, SchemaNode> Definitions) Read(YamlNode configuration, Reporter reporter)
    {
        var reader = new SchemaReader(reporter);
        if (!configuration.IsMapping)
        {
            reporter.Report(GeneratorDiagnostics.Malformed, "configuration", "must be a mapping (a JSON schema).", configuration);
            return (null, reader._definitions);
        }

        foreach (var definitions in new[] { "definitions", "$defs" })
        {
            if (configuration.Get(definitions) is { } defs)
            {
                if (!defs.IsMapping)
                {
                    reporter.Report(GeneratorDiagnostics.Malformed, "configuration." + definitions, "must be a mapping of names to schemas.", defs);
                    continue;
                }

                foreach (var entry in defs.Entries)
                {
                    var path = $"configuration.{definitions}.{entry.Key.Text}";
                    reader._definitions[$"#/{definitions}/{entry.Key.Text}"] = reader.ReadSchema(entry.Value, path, isRoot: false);
                }
            }
        }

        return (reader.ReadSchema(configuration, "configuration", isRoot: true), reader._definitions);
    }

    private SchemaNode ReadSchema(YamlNode node, string path, bool isRoot)
    {
        var schema = new SchemaNode(path, node);
        if (!node.IsMapping)
        {
            if (node.IsScalar && node.Type == ScalarType.Boolean)
            {
                _reporter.Report(GeneratorDiagnostics.Unsupported, path, "a boolean schema is not supported; write the schema as a mapping.", node);
            }
            else
            {
                _reporter.Report(GeneratorDiagnostics.Malformed, path, "a schema must be a mapping.", node);
            }

            return schema;
        }

        var keys = new List<string>();
        foreach (var entry in node.Entries)
        {
            var key = entry.Key.Text;
            var value = entry.Value;
            var at = path + "." + key;
            keys.Add(key);
            switch (key)
            {
                case "type":
                    ReadTypes(schema, value, at);
                    break;
                case "properties":
                    schema.HasProperties = true;
                    if (!value.IsMapping)
                    {
                        if (!value.IsNull)
                        {
                            _reporter.Report(GeneratorDiagnostics.Malformed, at, "must be a mapping of option names to schemas.", value);
                        }

                        break;
                    }

                    foreach (var property in value.Entries)
                    {
                        schema.Properties.Add(new SchemaProperty(property.Key.Text, property.Key, ReadSchema(property.Value, at + "." + property.Key.Text, isRoot: false)));
                    }

                    break;
                case "required":
                    schema.Required.AddRange(ReadStrings(value, at, "a list of option names"));
                    break;
                case "additionalProperties":
                    if (value.IsScalar && value.Type == ScalarType.Boolean)
                    {
                        schema.AdditionalProperties = string.Equals(value.Text, "true", StringComparison.OrdinalIgnoreCase);
                    }
                    else if (value.IsMapping)
                    {
                        schema.AdditionalSchema = ReadSchema(value, at, isRoot: false);
                    }
                    else
                    {
                        _reporter.Report(GeneratorDiagnostics.Malformed, at, "must be a boolean or a schema.", value);
                    }

                    break;
                case "enum":
                    if (!value.IsSequence || value.Items.Count == 0)
                    {
                        _reporter.Report(GeneratorDiagnostics.Malformed, at, "must be a non-empty list of values.", value);
                    }
                    else if (value.Items.FirstOrDefault(item => !item.IsScalar || item.IsNull) is { } bad)
                    {
                        _reporter.Report(GeneratorDiagnostics.Unsupported, at, "only strings, numbers and booleans are supported as enum values.", bad);
                    }
                    else
                    {
                        schema.Enum = value.Items;
                    }

                    break;
                case "oneOf":
                case "anyOf":
                    var branches = new List<SchemaNode>();
                    if (!value.IsSequence || value.Items.Count == 0)
                    {
                        _reporter.Report(GeneratorDiagnostics.Malformed, at, "must be a non-empty list of schemas.", value);
                    }
                    else
                    {
                        for (var i = 0; i < value.Items.Count; i++)
                        {
                            branches.Add(ReadSchema(value.Items[i], $"{at}[{i.ToString(CultureInfo.InvariantCulture)}]", isRoot: false));
                        }
                    }

                    if (key == "oneOf")
                    {
                        schema.OneOf = branches;
                    }
                    else
                    {
                        schema.AnyOf = branches;
                    }

                    break;
                case "items":
                    if (value.IsSequence)
                    {
                        _reporter.Report(GeneratorDiagnostics.Unsupported, at, "a list of item schemas (tuple validation) is not supported.", value);
                    }
                    else
                    {
                        schema.Items = ReadSchema(value, at, isRoot: false);
                    }

                    break;
                case "$ref":
                    if (!value.IsScalar || value.IsNull)
                    {
                        _reporter.Report(GeneratorDiagnostics.Malformed, at, "must be a string.", value);
                    }
                    else if (!value.Text.StartsWith("#/definitions/", StringComparison.Ordinal) && !value.Text.StartsWith("#/$defs/", StringComparison.Ordinal))
                    {
                        _reporter.Report(GeneratorDiagnostics.Unsupported, at, $"'{value.Text}' is not supported; only '#/definitions/<name>' and '#/$defs/<name>' are.", value);
                    }
                    else
                    {
                        schema.Ref = value.Text;
                    }

                    break;
                case "definitions":
                case "$defs":
                    if (!isRoot)
                    {
                        _reporter.Report(GeneratorDiagnostics.Unsupported, at, "definitions are supported at the root of 'configuration' only.", entry.Key);
                    }

                    break;
                case "dependencies":
                    ReadDependencies(schema, value, at);
                    break;
                case "minItems":
                    schema.MinItems = ReadCount(value, at);
                    break;
                case "maxItems":
                    schema.MaxItems = ReadCount(value, at);
                    break;
                case "minLength":
                    schema.MinLength = ReadCount(value, at);
                    break;
                case "maxLength":
                    schema.MaxLength = ReadCount(value, at);
                    break;
                case "minimum":
                    schema.Minimum = ReadNumber(value, at);
                    break;
                case "maximum":
                    schema.Maximum = ReadNumber(value, at);
                    break;
                case "pattern":
                    if (!value.IsScalar || value.IsNull)
                    {
                        _reporter.Report(GeneratorDiagnostics.Malformed, at, "must be a regular expression string.", value);
                    }
                    else
                    {
                        schema.Pattern = value.Text;
                    }

                    break;
                case "description":
                    schema.Description = value.IsScalar ? value.Text : null;
                    break;
                case "title":
                    schema.Title = value.IsScalar ? value.Text : null;
                    break;
                case "format":
                    schema.Format = value.IsScalar ? value.Text : null;
                    break;
                case "default":
                    schema.Default = value;
                    break;
                case "deprecated":
                    schema.Deprecated = value.IsScalar && value.Text == "true";
                    break;
                case "examples":
                case "$comment":
                case "$schema":
                    break;
                default:
                    _reporter.Report(GeneratorDiagnostics.Unsupported, at, $"the keyword '{key}' is not supported by the binding generator.", entry.Key);
                    break;
            }
        }

        schema.IsRequiredOnly = keys.Count > 0 && keys.All(k => k == "required" || Documentation.Contains(k));
        return schema;
    }

    private void ReadTypes(SchemaNode schema, YamlNode value, string at)
    {
        var names = value.IsSequence ? value.Items : new List<YamlNode> { value };
        if (names.Count == 0)
        {
            _reporter.Report(GeneratorDiagnostics.Malformed, at, "must name at least one type.", value);
            return;
        }

        foreach (var name in names)
        {
            if (!name.IsScalar || name.IsNull)
            {
                _reporter.Report(GeneratorDiagnostics.Malformed, at, "must be a type name or a list of type names.", name);
            }
            else if (name.Text == "null")
            {
                _reporter.Report(GeneratorDiagnostics.Unsupported, at, "the type 'null' is not supported: the agent gives a plugin no configuration at all when a value is null.", name);
            }
            else if (!TypeNames.Contains(name.Text))
            {
                _reporter.Report(GeneratorDiagnostics.Malformed, at, $"'{name.Text}' is not a JSON schema type (string, boolean, integer, number, array, object).", name);
            }
            else if (schema.Types.Contains(name.Text))
            {
                _reporter.Report(GeneratorDiagnostics.Malformed, at, $"the type '{name.Text}' is listed twice.", name);
            }
            else
            {
                schema.Types.Add(name.Text);
            }
        }
    }

    private List<string> ReadStrings(YamlNode value, string at, string what)
    {
        var strings = new List<string>();
        if (!value.IsSequence || value.Items.Any(item => !item.IsScalar || item.IsNull))
        {
            _reporter.Report(GeneratorDiagnostics.Malformed, at, $"must be {what}.", value);
            return strings;
        }

        strings.AddRange(value.Items.Select(item => item.Text));
        return strings;
    }

    private void ReadDependencies(SchemaNode schema, YamlNode value, string at)
    {
        if (!value.IsMapping)
        {
            _reporter.Report(GeneratorDiagnostics.Malformed, at, "must be a mapping of option names to lists of option names.", value);
            return;
        }

        foreach (var entry in value.Entries)
        {
            if (entry.Value.IsMapping)
            {
                _reporter.Report(GeneratorDiagnostics.Unsupported, at + "." + entry.Key.Text, "schema dependencies are not supported; only lists of option names are.", entry.Value);
                continue;
            }

            schema.Dependencies.Add(new SchemaDependency(entry.Key.Text, ReadStrings(entry.Value, at + "." + entry.Key.Text, "a list of option names")));
        }
    }

    private int? ReadCount(YamlNode value, string at)
    {
        if (value.IsScalar && value.Type == ScalarType.Integer && int.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        _reporter.Report(GeneratorDiagnostics.Malformed, at, "must be a non-negative integer.", value);
        return null;
    }

    private double? ReadNumber(YamlNode value, string at)
    {
        if (value.IsScalar && value.Type is ScalarType.Integer or ScalarType.Float
            && double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        _reporter.Report(GeneratorDiagnostics.Malformed, at, "must be a number.", value);
        return null;
    }
}
