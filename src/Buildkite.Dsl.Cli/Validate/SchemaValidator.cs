using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Buildkite.Dsl.Serialization;
using Buildkite.Dsl.Validation;
using Json.Schema;

namespace Buildkite.Dsl.Cli.Validate;

/// <summary>
/// Checks a pipeline read as the agent reads it against Buildkite's official pipeline schema, and reports what
/// the schema rejects as diagnostics with <c>file:line:col</c>, the step and the attribute.
/// </summary>
/// <remarks>
/// The schema lists every step type as one <c>anyOf</c>, so a plain evaluation blames every branch for every
/// problem. Each step is therefore checked against the definition of its own type (recognised as the agent
/// recognises it), the pipeline's own attributes against the schema with an empty step list, and where the
/// schema still offers alternatives (<c>retry.automatic</c> is a boolean, a rule or a list of rules) the
/// alternative that got furthest explains the problem; when none got past the value itself, the message
/// lists the forms allowed.
/// </remarks>
internal static class SchemaValidator
{
    /// <summary>The name of the embedded copy of <c>buildkite/pipeline-schema</c>'s <c>schema.json</c>.</summary>
    public const string ResourceName = "pipeline-schema.json";

    private const string KeyPattern = "^[a-zA-Z0-9_\\-:${}.,]+$";

    /// <summary>The whole schema, as opposed to one of its definitions.</summary>
    private const string Root = "";

    private static readonly Lazy<JsonObject> SchemaJson = new(LoadSchema);
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new(StringComparer.Ordinal);

    /// <summary>The schema's text, as embedded in the tool.</summary>
    public static string SchemaText()
    {
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the tool.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Checks one document (the root of a pipeline as <see cref="YamlNodeReader"/> read it).</summary>
    public static List<Diagnostic> Check(Node root)
    {
        var diagnostics = new List<Diagnostic>();
        var instance = JsonOf(root);
        switch (root)
        {
            case MappingNode map:
                var topLevel = (JsonObject)instance!;
                if (map["steps"] is SequenceNode)
                {
                    topLevel["steps"] = new JsonArray();
                }

                Report(diagnostics, root, string.Empty, Evaluate(Root, topLevel), topLevel);
                if (map["steps"] is SequenceNode steps)
                {
                    CheckSteps(diagnostics, root, steps, "/steps", allowGroups: true);
                }

                break;
            case SequenceNode legacy:
                diagnostics.Add(new Diagnostic
                {
                    Code = DiagnosticCodes.SchemaViolation,
                    Severity = DiagnosticSeverity.Error,
                    Message = "The pipeline is a bare list of steps; the official schema wants a map with 'steps:'.",
                    Help = "Put the list under 'steps:'.",
                    Location = root.Location,
                });
                CheckSteps(diagnostics, root, legacy, string.Empty, allowGroups: true);
                break;
            default:
                Report(diagnostics, root, string.Empty, Evaluate(Root, instance), instance);
                break;
        }

        return diagnostics;
    }

    private static void CheckSteps(List<Diagnostic> diagnostics, Node root, SequenceNode steps, string pointer, bool allowGroups)
    {
        for (var i = 0; i < steps.Items.Count; i++)
        {
            var step = steps.Items[i];
            var stepPointer = string.Create(CultureInfo.InvariantCulture, $"{pointer}/{i}");
            var definition = DefinitionOf(step);
            if (definition is null || (definition == "groupStep" && !allowGroups))
            {
                // Unknown step types and nested groups are reported by the reader, with a better message.
                continue;
            }

            var instance = JsonOf(step);
            if (definition == "groupStep" && step is MappingNode group && group["steps"] is SequenceNode { Items.Count: > 0 } children)
            {
                // The group's own attributes here; each child against its own type below.
                ((JsonObject)instance!)["steps"] = new JsonArray("wait");
                Report(diagnostics, root, stepPointer, Evaluate(definition, instance), instance);
                CheckSteps(diagnostics, root, children, stepPointer + "/steps", allowGroups: false);
                continue;
            }

            Report(diagnostics, root, stepPointer, Evaluate(definition, instance), instance);
        }
    }

    /// <summary>The schema definition for a step, recognised as the agent recognises step types.</summary>
    internal static string? DefinitionOf(Node step)
    {
        switch (step)
        {
            case ScalarNode { Kind: ScalarKind.String } scalar:
                return scalar.Text switch
                {
                    "wait" or "waiter" => "stringWaitStep",
                    "block" => "stringBlockStep",
                    "input" => "stringInputStep",
                    _ => null,
                };
            case MappingNode map:
                if (map["type"] is ScalarNode { Kind: ScalarKind.String } type)
                {
                    return type.Text switch
                    {
                        "command" or "script" or "commands" => "commandStep",
                        "wait" or "waiter" => "waitStep",
                        "block" => "blockStep",
                        "input" => "inputStep",
                        "trigger" => "triggerStep",
                        "group" => "groupStep",
                        _ => null,
                    };
                }

                if (map.Entries.Count == 1 && map.Entries[0].Value is MappingNode)
                {
                    var nested = map.Entries[0].Key switch
                    {
                        "command" or "commands" or "script" => "nestedCommandStep",
                        "wait" or "waiter" => "nestedWaitStep",
                        "block" => "nestedBlockStep",
                        "input" => "nestedInputStep",
                        "trigger" => "nestedTriggerStep",
                        _ => null,
                    };
                    if (nested is not null)
                    {
                        return nested;
                    }
                }

                return map.ContainsKey("command") || map.ContainsKey("commands") || map.ContainsKey("plugins") ? "commandStep"
                    : map.ContainsKey("wait") || map.ContainsKey("waiter") ? "waitStep"
                    : map.ContainsKey("block") ? "blockStep"
                    : map.ContainsKey("input") ? "inputStep"
                    : map.ContainsKey("trigger") ? "triggerStep"
                    : map.ContainsKey("group") ? "groupStep"
                    : null;
            default:
                return null;
        }
    }

    private static List<SchemaError> Evaluate(string definition, JsonNode? instance)
    {
        var schema = Schemas.GetOrAdd(definition, Build);
        using var document = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        // The list output also holds the failed branches of an anyOf that passed; an error under a passing
        // subschema is no error of the value.
        var details = results.Details ?? [];
        var passed = details.Where(d => d.IsValid)
            .Select(d => (Instance: Pointer(Segments(d.InstanceLocation.ToString())), Evaluation: Pointer(Segments(d.EvaluationPath.ToString()))))
            .ToHashSet();
        var errors = new List<SchemaError>();
        foreach (var detail in details)
        {
            if (detail.Errors is not { Count: > 0 } found)
            {
                continue;
            }

            var where = Segments(detail.InstanceLocation.ToString());
            var evaluation = Segments(detail.EvaluationPath.ToString());
            if (UnderPassingSubschema(where, evaluation, passed))
            {
                continue;
            }

            foreach (var (keyword, message) in found)
            {
                errors.Add(new SchemaError(definition, where, evaluation, keyword, message));
            }
        }

        return Simplify(errors, 0);
    }

    private static bool UnderPassingSubschema(string[] instance, string[] evaluation, HashSet<(string Instance, string Evaluation)> passed)
    {
        for (var e = 0; e < evaluation.Length; e++)
        {
            var evaluationPrefix = Pointer(evaluation[..e]);
            for (var i = 0; i <= instance.Length; i++)
            {
                if (passed.Contains((Pointer(instance[..i]), evaluationPrefix)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Pointer(string[] segments) =>
        segments.Length == 0 ? string.Empty : "/" + string.Join('/', segments.Select(s => s.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));

    private static JsonSchema Build(string definition)
    {
        var root = (JsonObject)SchemaJson.Value.DeepClone();
        if (definition.Length > 0)
        {
            // Draft 7 ignores the siblings of "$ref", so the definitions stay available to resolve against.
            foreach (var name in new[] { "type", "required", "properties", "title", "fileMatch" })
            {
                root.Remove(name);
            }

            root["$ref"] = "#/definitions/" + definition;
        }

        return JsonSchema.FromText(root.ToJsonString());
    }

    private static JsonObject LoadSchema() => (JsonObject)JsonNode.Parse(SchemaText())!;

    /// <summary>
    /// Keeps, for each place where the schema offers alternatives, only the alternative that matched furthest
    /// into the value; when none got past the value itself, one error lists the allowed forms.
    /// </summary>
    private static List<SchemaError> Simplify(List<SchemaError> errors, int from)
    {
        var result = new List<SchemaError>();
        var unions = new Dictionary<string, List<(SchemaError Error, int At)>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var error in errors)
        {
            var at = -1;
            for (var i = from; i < error.Evaluation.Length - 1; i++)
            {
                if (error.Evaluation[i] is "anyOf" or "oneOf")
                {
                    at = i;
                    break;
                }
            }

            if (at < 0)
            {
                result.Add(error);
                continue;
            }

            var union = string.Join('/', error.Evaluation[..(at + 1)]);
            if (!unions.TryGetValue(union, out var members))
            {
                unions[union] = members = [];
                order.Add(union);
            }

            members.Add((error, at));
        }

        foreach (var union in order)
        {
            var members = unions[union];
            var at = members[0].At;
            var unionDepth = members.Min(m => m.Error.Instance.Length);
            var branches = members.GroupBy(m => m.Error.Evaluation[at + 1], StringComparer.Ordinal)
                .Select(g => (Branch: g.Key, Errors: g.Select(m => m.Error).ToList(), Depth: g.Max(m => m.Error.Instance.Length)))
                .ToList();
            var best = branches.OrderByDescending(b => b.Depth).ThenBy(b => b.Errors.Count).First();
            if (best.Depth > unionDepth)
            {
                result.AddRange(Simplify(best.Errors, at + 2));
                continue;
            }

            var first = members[0].Error;
            result.Add(first with { Instance = first.Instance[..unionDepth], Evaluation = first.Evaluation[..at], Keyword = "anyOf", Message = "The value matches none of the allowed forms." });
        }

        return result;
    }

    private static void Report(List<Diagnostic> diagnostics, Node root, string stepPointer, List<SchemaError> errors, JsonNode? stepInstance)
    {
        var stepSegments = Segments(stepPointer);
        foreach (var error in errors)
        {
            var instance = stepSegments.Concat(error.Instance).ToArray();
            var (path, field, location) = Place(root, instance, stepSegments.Length);
            var stepNode = Walk(root, stepSegments);
            var schemaNode = Resolve(error.Definition, error.Evaluation);
            var value = Get(stepInstance, error.Instance);
            var (message, help) = Describe(error, field, value, schemaNode, stepNode, stepSegments.Length > 0 && error.Instance.Length == 0);
            diagnostics.Add(new Diagnostic
            {
                Code = DiagnosticCodes.SchemaViolation,
                Severity = DiagnosticSeverity.Error,
                Message = message,
                Help = help,
                Path = path,
                Step = stepNode is MappingNode map && stepSegments.Length > 0 ? StepNames.Describe(map) : null,
                Field = field,
                Location = location,
            });
        }
    }

    /// <summary>The step path, the field inside the step and the location of an instance pointer.</summary>
    private static (string? Path, string? Field, SourceLocation? Location) Place(Node root, string[] instance, int stepDepth)
    {
        var path = new System.Text.StringBuilder();
        var field = new System.Text.StringBuilder();
        Node? current = root;
        SourceLocation? location = root.Location;
        for (var i = 0; i < instance.Length; i++)
        {
            var segment = instance[i];
            var target = i < stepDepth ? path : field;
            switch (current)
            {
                case MappingNode map:
                    var entry = map.Entries.FirstOrDefault(e => e.Key == segment);
                    if (entry is null)
                    {
                        // A pointer into the replaced step list, or past the value: stop at the last known place.
                        current = null;
                        break;
                    }

                    location = entry.KeyLocation ?? entry.Value.Location ?? location;
                    if (target.Length > 0)
                    {
                        target.Append('.');
                    }

                    target.Append(segment);
                    current = entry.Value;
                    break;
                case SequenceNode list when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < list.Items.Count:
                    current = list.Items[index];
                    location = current.Location ?? location;
                    target.Append('[').Append(segment).Append(']');
                    break;
                default:
                    current = null;
                    break;
            }

            if (current is null)
            {
                break;
            }
        }

        // In the legacy form the pipeline is the list of steps itself.
        var stepPath = path.Length == 0 ? null : path[0] == '[' ? "steps" + path : path.ToString();
        return (stepPath, field.Length == 0 ? null : field.ToString(), location);
    }

    private static Node? Walk(Node root, string[] segments)
    {
        Node? current = root;
        foreach (var segment in segments)
        {
            current = current switch
            {
                MappingNode map => map[segment],
                SequenceNode list when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < list.Items.Count => list.Items[index],
                _ => null,
            };
        }

        return current;
    }

    private static JsonNode? Get(JsonNode? node, string[] segments)
    {
        var current = node;
        foreach (var segment in segments)
        {
            current = current switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
        }

        return current;
    }

    private static (string Message, string? Help) Describe(SchemaError error, string? field, JsonNode? value, JsonNode? schema, Node? step, bool isStep)
    {
        var what = field is null ? (isStep ? "The step" : "The pipeline") : $"'{field}'";
        switch (error.Keyword)
        {
            case "" when error.Evaluation.Length > 0 && error.Evaluation[^1] == "additionalProperties":
            {
                var name = error.Instance.Length > 0 ? error.Instance[^1] : "?";
                var owner = OwnerOf(error, step, isStep: error.Instance.Length == 1 && step is not null);
                var known = Resolve(error.Definition, error.Evaluation[..^1]) is JsonObject parent && parent["properties"] is JsonObject properties
                    ? properties.Select(p => p.Key).ToList()
                    : [];
                var suggestion = Suggestions.Nearest(name, known);
                var help = suggestion is not null ? $"Did you mean '{suggestion}'?"
                    : known.Count is > 0 and <= 8 ? "It allows " + string.Join(", ", known) + "."
                    : "Remove it, or check the spelling against Buildkite's documentation of the step.";
                return ($"'{name}' is not an attribute of {owner} in the official schema.", help);
            }

            case "required":
            {
                var required = (schema as JsonObject)?["required"] as JsonArray;
                var missing = required?.Select(r => r?.GetValue<string>()).OfType<string>()
                    .Where(r => value is not JsonObject obj || !obj.ContainsKey(r)).ToList() ?? [];
                return missing.Count switch
                {
                    0 => ($"{what} lacks a required attribute: {error.Message}", null),
                    1 => ($"{what} lacks the required attribute '{missing[0]}'.", $"Add '{missing[0]}'."),
                    _ => ($"{what} lacks the required attributes {string.Join(", ", missing.Select(m => $"'{m}'"))}.", "Add them."),
                };
            }

            case "type":
                return ($"{what} must be {Expected(schema)}, not {Found(value)}.", null);
            case "enum" or "const":
                return ($"{what} must be {Expected(schema)}, not {Found(value)}.", null);
            case "anyOf" or "oneOf":
                return ($"{what} must be {Expected(schema)}, not {Found(value)}.", null);
            case "pattern":
            {
                var pattern = (schema as JsonObject)?["pattern"]?.GetValue<string>();
                return pattern == KeyPattern
                    ? ($"{what} {Found(value)} has characters a key cannot have; the schema allows letters, digits and _ - : $ {{ }} . , only.", "Remove spaces, slashes and other characters.")
                    : ($"{what} {Found(value)} does not match the pattern {pattern}.", null);
            }

            case "not":
                return IsUuidCheck(schema)
                    ? ($"{what} {Found(value)} looks like a UUID, which Buildkite reserves for step ids.", "Choose a key that is not shaped like a UUID.")
                    : ($"{what} is a value the schema forbids.", null);
            case "maxLength":
                return ($"{what} has {Length(value)} characters; the schema allows at most {Number(schema, "maxLength")}.", null);
            case "minLength":
                return ($"{what} has {Length(value)} characters; the schema wants at least {Number(schema, "minLength")}.", null);
            case "maximum":
                return ($"{what} is {value?.ToJsonString()}; the schema allows at most {Number(schema, "maximum")}.", null);
            case "minimum":
                return ($"{what} is {value?.ToJsonString()}; the schema wants at least {Number(schema, "minimum")}.", null);
            case "minItems":
                return ($"{what} has {(value as JsonArray)?.Count ?? 0} entries; the schema wants at least {Number(schema, "minItems")}.", null);
            case "maxItems":
                return ($"{what} has {(value as JsonArray)?.Count ?? 0} entries; the schema allows at most {Number(schema, "maxItems")}.", null);
            case "maxProperties":
                return ($"{what} has {(value as JsonObject)?.Count ?? 0} entries; the schema allows at most {Number(schema, "maxProperties")}.", null);
            case "minProperties":
                return ($"{what} has {(value as JsonObject)?.Count ?? 0} entries; the schema wants at least {Number(schema, "minProperties")}.", null);
            case "" when error.Evaluation.Length > 0:
                return ($"{what} is not allowed here by the schema.", null);
            default:
                return ($"{what}: {error.Message}", null);
        }
    }

    private static string OwnerOf(SchemaError error, Node? step, bool isStep)
    {
        if (isStep && step is not null)
        {
            return DefinitionOf(step) switch
            {
                "commandStep" or "nestedCommandStep" => "a command step",
                "waitStep" or "nestedWaitStep" => "a wait step",
                "blockStep" or "nestedBlockStep" => "a block step",
                "inputStep" or "nestedInputStep" => "an input step",
                "triggerStep" or "nestedTriggerStep" => "a trigger step",
                "groupStep" => "a group step",
                _ => "this step",
            };
        }

        if (error.Instance.Length <= 1)
        {
            return step is null ? "the pipeline" : "this step";
        }

        var parent = error.Instance[^2];
        return int.TryParse(parent, NumberStyles.None, CultureInfo.InvariantCulture, out _) && error.Instance.Length >= 3
            ? $"an entry of '{error.Instance[^3]}'"
            : $"'{parent}'";
    }

    private static bool IsUuidCheck(JsonNode? schema) =>
        (schema as JsonObject)?["not"]?["pattern"]?.GetValue<string>()?.Contains("{8}-", StringComparison.Ordinal) == true;

    private static string Number(JsonNode? schema, string keyword) => (schema as JsonObject)?[keyword]?.ToJsonString() ?? "?";

    private static string Length(JsonNode? value) =>
        value is JsonValue text && text.TryGetValue<string>(out var s) ? new System.Globalization.StringInfo(s).LengthInTextElements.ToString(CultureInfo.InvariantCulture) : "?";

    /// <summary>What a schema node allows, in words: "a string", "true or false", "a map or a list".</summary>
    internal static string Expected(JsonNode? schema)
    {
        var forms = Forms(schema, 0).Distinct(StringComparer.Ordinal).ToList();
        return forms.Count switch
        {
            0 => "a different value",
            1 => forms[0],
            _ => string.Join(", ", forms.Take(forms.Count - 1)) + " or " + forms[^1],
        };
    }

    private static IEnumerable<string> Forms(JsonNode? schema, int depth)
    {
        if (schema is not JsonObject node || depth > 8)
        {
            yield break;
        }

        if (node["$ref"] is JsonValue reference && ResolveReference(reference.GetValue<string>()) is { } target)
        {
            foreach (var form in Forms(target, depth + 1))
            {
                yield return form;
            }

            yield break;
        }

        if (node["enum"] is JsonArray values)
        {
            yield return values.Count == 1 ? values[0]?.ToJsonString() ?? "null" : "one of " + string.Join(", ", values.Select(v => v?.ToJsonString() ?? "null"));
            yield break;
        }

        if (node["const"] is { } constant)
        {
            yield return constant.ToJsonString();
            yield break;
        }

        foreach (var union in new[] { "anyOf", "oneOf" })
        {
            if (node[union] is JsonArray branches)
            {
                foreach (var branch in branches)
                {
                    foreach (var form in Forms(branch, depth + 1))
                    {
                        yield return form;
                    }
                }

                yield break;
            }
        }

        var types = node["type"] switch
        {
            JsonArray list => list.Select(t => t?.GetValue<string>()).OfType<string>().ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        foreach (var type in types)
        {
            yield return type switch
            {
                "string" => "a string",
                "integer" => "a whole number",
                "number" => "a number",
                "boolean" => "true or false",
                "array" => "a list",
                "object" => "a map",
                "null" => "null",
                _ => type,
            };
        }
    }

    private static string Found(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "a map",
        JsonArray => "a list",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Quote(v.GetValue<string>()),
        _ => value.ToJsonString(),
    };

    private static string Quote(string text) => "'" + (text.Length > 60 ? text[..57] + "..." : text) + "'";

    /// <summary>The schema node an evaluation path of <paramref name="definition"/>'s schema ends at, following <c>$ref</c>s.</summary>
    private static JsonNode? Resolve(string definition, string[] evaluation)
    {
        JsonNode? current = SchemaJson.Value;
        var start = 0;
        if (definition.Length > 0 && evaluation.Length > 0 && evaluation[0] == "$ref")
        {
            current = SchemaJson.Value["definitions"]?[definition];
            start = 1;
        }

        foreach (var segment in evaluation.Skip(start))
        {
            if (segment == "$ref")
            {
                current = current?["$ref"] is JsonValue reference ? ResolveReference(reference.GetValue<string>()) : null;
                continue;
            }

            current = current switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
        }

        return current;
    }

    private static JsonNode? ResolveReference(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        return Resolve(string.Empty, Segments(reference[1..]));
    }

    private static string[] Segments(string pointer) =>
        pointer.Length == 0 || pointer == "/" || pointer == "#"
            ? []
            : pointer.TrimStart('#').TrimStart('/').Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();

    /// <summary>Converts a node tree to JSON the way the agent sends it: strings, numbers, booleans, null.</summary>
    internal static JsonNode? JsonOf(Node node)
    {
        switch (node)
        {
            case MappingNode map:
                var obj = new JsonObject();
                foreach (var entry in map.Entries)
                {
                    obj[entry.Key] = JsonOf(entry.Value);
                }

                return obj;
            case SequenceNode list:
                return new JsonArray(list.Items.Select(JsonOf).ToArray());
            case ScalarNode scalar:
                return scalar.Kind switch
                {
                    ScalarKind.Null => null,
                    ScalarKind.Boolean => JsonValue.Create(scalar.Text == "true"),
                    ScalarKind.Integer when long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
                    ScalarKind.Integer or ScalarKind.Float when double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) => JsonValue.Create(number),
                    _ => JsonValue.Create(scalar.Text),
                };
            default:
                return null;
        }
    }

    /// <summary>One error of the schema evaluation: where in the value, where in the schema, which keyword.</summary>
    private sealed record SchemaError(string Definition, string[] Instance, string[] Evaluation, string Keyword, string Message);
}
