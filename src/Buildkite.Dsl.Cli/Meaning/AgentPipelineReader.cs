using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Buildkite.Dsl.Serialization;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Cli.Meaning;

/// <summary>
/// Reads pipeline text into <see cref="AgentPipeline"/>s the way <c>buildkite-agent pipeline upload</c> and Buildkite
/// understand it (semantics.md §2): YAML parsed with anchors, aliases and merge keys resolved; step types recognised
/// from <c>type</c>, the nested forms and the keys present; aliases resolved (<c>name</c>, <c>id</c>,
/// <c>identifier</c>, <c>commands</c>, <c>agent_query_rules</c>, <c>artifacts</c>, <c>timeout</c>); each attribute in one
/// form (a string and a list of one string alike, <c>"true"</c> and <c>true</c> alike, plugin references in their
/// short form, plugin and step <c>env</c> order ignored, pipeline <c>env</c> order kept).
/// </summary>
/// <remarks>
/// Strings are model text: <c>$$</c> and <c>\$</c> read as <c>$</c>, <c>$NAME</c> and <c>${NAME}</c> alike as one
/// upload-time expansion. With variables given, every string (and map key) is interpolated as the agent would at
/// upload, with the pipeline's <c>env</c> first, entry by entry. Top-level keys Buildkite does not use (where
/// anchors are usually defined) are left out.
/// </remarks>
internal sealed class AgentPipelineReader
{
    private static readonly HashSet<string> PipelineKeys = new(StringComparer.Ordinal) { "env", "agents", "notify", "image", "secrets", "priority", "steps" };

    private readonly List<string> _problems = [];
    private readonly string _name;
    private AgentInterpolation? _interpolation;

    private AgentPipelineReader(string name) => _name = name;

    /// <summary>Reads every document of <paramref name="text"/>.</summary>
    /// <param name="text">YAML or JSON.</param>
    /// <param name="name">The name of the text in messages.</param>
    /// <param name="variables">Variables to interpolate with, as the agent does at upload; <see langword="null"/> to keep expansions as they are.</param>
    /// <returns>The pipelines, or the reasons the agent would reject the text.</returns>
    public static (IReadOnlyList<AgentPipeline> Pipelines, IReadOnlyList<string> Problems) Read(string text, string name, IReadOnlyDictionary<string, string>? variables)
    {
        var diagnostics = new List<Diagnostic>();
        var documents = YamlNodeReader.ReadDocuments(text, name, diagnostics);
        var errors = diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
        if (errors.Count > 0)
        {
            return ([], errors);
        }

        if (documents.Count == 0)
        {
            return ([], [$"{name}: error: the text holds no pipeline."]);
        }

        var reader = new AgentPipelineReader(name);
        var pipelines = new List<AgentPipeline>();
        foreach (var document in documents)
        {
            reader._interpolation = variables is null ? null : new AgentInterpolation(variables);
            try
            {
                pipelines.Add(reader.ReadPipeline(document));
            }
            catch (InterpolationException e)
            {
                reader._problems.Add($"{name}: error: the upload would fail: {e.Message}");
            }
        }

        return (pipelines, reader._problems);
    }

    private AgentPipeline ReadPipeline(Node root)
    {
        var pipeline = new AgentPipeline();
        SequenceNode? steps;
        if (root is MappingNode map)
        {
            // The agent interpolates env first, entry by entry, and adds each to what later strings see.
            if (map["env"] is MappingNode env)
            {
                var entries = new JsonArray();
                foreach (var entry in env.Entries)
                {
                    var key = Text(entry.Key);
                    var value = StringValue(entry.Value);
                    _interpolation?.Set(key, value);
                    entries.Add(new JsonObject { [key] = value });
                }

                pipeline.Settings["env"] = entries;
            }
            else if (map["env"] is { } other)
            {
                pipeline.Settings["env"] = Json(other);
            }

            foreach (var entry in map.Entries.Where(e => PipelineKeys.Contains(e.Key) && e.Key is not "env" and not "steps"))
            {
                pipeline.Settings[entry.Key] = entry.Key switch
                {
                    "agents" => Agents(entry.Value),
                    "notify" => Notify(entry.Value),
                    _ => Json(entry.Value),
                };
            }

            steps = map["steps"] as SequenceNode;
            if (map["steps"] is { } stepsNode and not SequenceNode and not ScalarNode { IsNull: true })
            {
                _problems.Add($"{Where(stepsNode)}: error: 'steps' must be a list.");
            }
        }
        else
        {
            steps = root as SequenceNode;
            if (steps is null)
            {
                _problems.Add($"{Where(root)}: error: the pipeline must be a map with 'steps:' or a list of steps.");
            }
        }

        foreach (var name in new[] { "env", "notify" })
        {
            if (pipeline.Settings[name] is JsonArray { Count: 0 } or JsonObject { Count: 0 })
            {
                pipeline.Settings.Remove(name);
            }
        }

        SortKeys(pipeline.Settings);
        for (var i = 0; i < (steps?.Items.Count ?? 0); i++)
        {
            if (ReadStep(steps!.Items[i], $"steps[{i}]", i, null) is { } step)
            {
                pipeline.Steps.Add(step);
            }
        }

        return pipeline;
    }

    private AgentStep? ReadStep(Node node, string path, int index, AgentStep? parent)
    {
        var attributes = new JsonObject();
        string type;
        MappingNode? map = null;
        switch (node)
        {
            case ScalarNode { Kind: ScalarKind.String } scalar:
                type = scalar.Text switch
                {
                    "wait" or "waiter" => "wait",
                    "block" or "manual" => "block",
                    "input" => "input",
                    _ => "unknown",
                };
                if (type == "unknown")
                {
                    attributes["step"] = Text(scalar.Text);
                }

                break;
            case MappingNode stepMap:
                (type, map) = Recognise(stepMap);
                break;
            default:
                _problems.Add($"{Where(node)}: error: a step must be a map or one of wait, block, input; the agent rejects a list, number or null.");
                return null;
        }

        var step = map is null
            ? new AgentStep { Path = path, Type = type, Attributes = attributes, Parent = parent, Index = index, Location = node.Location }
            : ReadAttributes(map, type, path, index, parent, node.Location);
        SortKeys(step.Attributes);
        return step;
    }

    /// <summary>The step type, and the map holding the attributes (the inner map of a nested form).</summary>
    private static (string Type, MappingNode Map) Recognise(MappingNode map)
    {
        if (map["type"] is ScalarNode { Kind: ScalarKind.String } type)
        {
            return (type.Text switch
            {
                "command" or "script" => "command",
                "wait" or "waiter" => "wait",
                "block" or "manual" => "block",
                "input" => "input",
                "trigger" => "trigger",
                "group" => "group",
                _ => "unknown",
            }, map);
        }

        if (map.Entries.Count == 1 && map.Entries[0].Value is MappingNode inner)
        {
            var nested = map.Entries[0].Key switch
            {
                "command" or "commands" or "script" => "command",
                "wait" or "waiter" => "wait",
                "block" or "manual" => "block",
                "input" => "input",
                "trigger" => "trigger",
                _ => null,
            };
            if (nested is not null)
            {
                return (nested, inner);
            }
        }

        var inferred = map.ContainsKey("command") || map.ContainsKey("commands") || map.ContainsKey("plugins") ? "command"
            : map.ContainsKey("wait") || map.ContainsKey("waiter") ? "wait"
            : map.ContainsKey("block") || map.ContainsKey("manual") ? "block"
            : map.ContainsKey("input") ? "input"
            : map.ContainsKey("trigger") ? "trigger"
            : map.ContainsKey("group") ? "group"
            : "unknown";
        return (inferred, map);
    }

    private AgentStep ReadAttributes(MappingNode map, string type, string path, int index, AgentStep? parent, SourceLocation? location)
    {
        var attributes = new JsonObject();
        var handled = new HashSet<string>(StringComparer.Ordinal) { "type" };

        // The label: the step type's own key first (wait:, block:, input:, group:), then label, then name.
        string? label = null;
        var labelKeys = type switch
        {
            "wait" => new[] { "wait", "waiter", "label", "name" },
            "block" => ["block", "manual", "label", "name"],
            "input" => ["input", "label", "name"],
            "group" => ["group", "label", "name"],
            _ => ["label", "name"],
        };
        foreach (var name in labelKeys)
        {
            if (map[name] is { } value && label is null && value is not ScalarNode { IsNull: true })
            {
                label = StringValue(value);
                handled.Add(name);
            }
            else if (map[name] is ScalarNode { IsNull: true } && name == labelKeys[0])
            {
                handled.Add(name);
            }
        }

        // go-pipeline keeps 'name' beside 'label' on a command step when both are given.
        if (type is "command" or "trigger" && map["label"] is not null && map["name"] is { } extraName)
        {
            attributes["name"] = Json(extraName);
        }

        if (label is not null)
        {
            attributes["label"] = label;
        }

        string? key = null;
        foreach (var name in new[] { "key", "id", "identifier" })
        {
            handled.Add(name);
            if (key is null && map[name] is { } value && value is not ScalarNode { IsNull: true })
            {
                key = StringValue(value);
            }
        }

        if (key is not null)
        {
            attributes["key"] = key;
        }

        var step = new AgentStep
        {
            Path = path,
            Type = type,
            Key = key,
            Label = label,
            Attributes = attributes,
            Parent = parent,
            Index = index,
            Location = location,
        };

        foreach (var entry in map.Entries)
        {
            if (handled.Contains(entry.Key) || (entry.Key == "name" && attributes.ContainsKey("name")))
            {
                continue;
            }

            var value = entry.Value;
            switch (entry.Key)
            {
                case "command" or "commands" when type == "command":
                    if (entry.Key == "command" && map["commands"] is not null)
                    {
                        break; // the agent keeps 'commands' and drops 'command'
                    }

                    attributes["command"] = Command(value);
                    break;
                case "steps" when type == "group":
                    if (value is SequenceNode children)
                    {
                        for (var i = 0; i < children.Items.Count; i++)
                        {
                            if (ReadStep(children.Items[i], $"{path}.steps[{i}]", i, step) is { } child)
                            {
                                step.Steps.Add(child);
                            }
                        }
                    }

                    break;
                case "depends_on":
                    attributes["depends_on"] = DependsOn(value);
                    break;
                case "allow_dependency_failure" or "cancel_on_build_failing" or "async" or "continue_on_failure":
                    attributes[entry.Key] = Flag(value);
                    break;
                case "if":
                    attributes["if"] = value is ScalarNode { Kind: ScalarKind.String } condition
                        ? ConditionSyntax.Canonical(Text(condition.Text))
                        : Json(value);
                    break;
                case "branches":
                    attributes["branches"] = Branches(value);
                    break;
                case "agents" or "agent_query_rules":
                    attributes["agents"] = Agents(value);
                    break;
                case "env":
                    attributes["env"] = StringMap(value);
                    break;
                case "plugins":
                    attributes["plugins"] = Plugins(value);
                    break;
                case "artifact_paths" or "artifacts":
                    attributes["artifact_paths"] = OneOrMany(value);
                    break;
                case "allowed_teams":
                    attributes["allowed_teams"] = OneOrMany(value);
                    break;
                case "timeout_in_minutes" or "timeout":
                    attributes["timeout_in_minutes"] = Json(value);
                    break;
                case "cache":
                    attributes["cache"] = Cache(value);
                    break;
                case "matrix":
                    attributes["matrix"] = Matrix(value);
                    break;
                case "retry":
                    attributes["retry"] = Retry(value);
                    break;
                case "soft_fail":
                    attributes["soft_fail"] = SoftFail(value);
                    break;
                case "skip":
                    attributes["skip"] = Skip(value);
                    break;
                case "notify":
                    attributes["notify"] = Notify(value);
                    break;
                case "if_changed":
                    attributes["if_changed"] = IfChanged(value);
                    break;
                case "fields":
                    attributes["fields"] = Fields(value);
                    break;
                case "build" when type == "trigger" && value is MappingNode build:
                    var buildJson = new JsonObject();
                    foreach (var part in build.Entries)
                    {
                        buildJson[Text(part.Key)] = part.Key is "env" or "meta_data" ? StringMap(part.Value) : Json(part.Value);
                    }

                    SortKeys(buildJson);
                    attributes["build"] = buildJson;
                    break;
                default:
                    attributes[Text(entry.Key)] = Json(value);
                    break;
            }
        }

        // An empty list or map of these says nothing: the same as leaving the attribute out.
        foreach (var name in new[] { "plugins", "env", "artifact_paths", "notify", "fields", "allowed_teams" })
        {
            if (attributes[name] is JsonArray { Count: 0 } or JsonObject { Count: 0 })
            {
                attributes.Remove(name);
            }
        }

        return step;
    }

    private JsonValue Command(Node value) => value switch
    {
        SequenceNode lines => JsonValue.Create(string.Join('\n', lines.Items.Select(StringValue)).TrimEnd('\n')),
        ScalarNode { IsNull: true } => JsonValue.Create(string.Empty),
        _ => JsonValue.Create(StringValue(value).TrimEnd('\n')),
    };

    /// <summary><c>depends_on</c> as a list; an entry without <c>allow_failure: true</c> is its key alone.</summary>
    private JsonArray DependsOn(Node value)
    {
        var list = new JsonArray();
        var items = value switch
        {
            SequenceNode sequence => sequence.Items,
            ScalarNode { IsNull: true } => [],
            _ => [value],
        };
        foreach (var item in items)
        {
            if (item is MappingNode edge)
            {
                var step = edge["step"] is { } target ? StringValue(target) : string.Empty;
                var allowFailure = edge["allow_failure"] is { } flag && Flag(flag) is JsonValue v && v.TryGetValue<bool>(out var b) && b;
                var other = edge.Entries.Where(e => e.Key is not "step" and not "allow_failure").ToList();
                if (!allowFailure && other.Count == 0)
                {
                    list.Add(step);
                    continue;
                }

                var json = new JsonObject { ["step"] = step };
                if (allowFailure)
                {
                    json["allow_failure"] = true;
                }

                foreach (var entry in other)
                {
                    json[Text(entry.Key)] = Json(entry.Value);
                }

                SortKeys(json);
                list.Add(json);
            }
            else if (StringValue(item) is { Length: > 0 } key)
            {
                list.Add(key);
            }
        }

        return list;
    }

    /// <summary>A boolean attribute: <c>"true"</c> and <c>true</c> alike.</summary>
    private JsonNode? Flag(Node value) => value switch
    {
        ScalarNode { Kind: ScalarKind.Boolean or ScalarKind.String, Text: "true" } => JsonValue.Create(true),
        ScalarNode { Kind: ScalarKind.Boolean or ScalarKind.String, Text: "false" } => JsonValue.Create(false),
        _ => Json(value),
    };

    private JsonNode? Branches(Node value) => value switch
    {
        ScalarNode { Kind: ScalarKind.String } text => new JsonArray(StringValue(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()),
        _ => OneOrMany(value),
    };

    /// <summary><c>agents</c> as a map; a list of <c>key=value</c> rules becomes the same map.</summary>
    private JsonNode? Agents(Node value)
    {
        if (value is SequenceNode rules)
        {
            var texts = rules.Items.Select(StringValue).ToList();
            if (texts.TrueForAll(t => t.Contains('=', StringComparison.Ordinal)))
            {
                var map = new JsonObject();
                foreach (var rule in texts)
                {
                    var equals = rule.IndexOf('=', StringComparison.Ordinal);
                    map[rule[..equals]] = rule[(equals + 1)..];
                }

                SortKeys(map);
                return map;
            }

            return new JsonArray(texts.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        }

        return value is MappingNode ? StringMap(value) : Json(value);
    }

    /// <summary>A map of strings (scalar values converted the way the agent converts them), keys sorted.</summary>
    private JsonNode? StringMap(Node value)
    {
        if (value is not MappingNode map)
        {
            return Json(value);
        }

        var json = new JsonObject();
        foreach (var entry in map.Entries)
        {
            json[Text(entry.Key)] = entry.Value is ScalarNode ? StringValue(entry.Value) : Json(entry.Value);
        }

        SortKeys(json);
        return json;
    }

    /// <summary>A list of strings; one string is a list of one.</summary>
    private JsonNode? OneOrMany(Node value) => value switch
    {
        SequenceNode list => new JsonArray(list.Items.Select(item => item is ScalarNode ? JsonValue.Create(StringValue(item)) : Json(item)).ToArray()),
        ScalarNode { IsNull: true } => new JsonArray(),
        ScalarNode => new JsonArray(JsonValue.Create(StringValue(value))),
        _ => Json(value),
    };

    /// <summary>Plugins as a list of one-entry maps from the short reference to the configuration (<see langword="null"/> when empty), in order.</summary>
    private JsonNode? Plugins(Node value)
    {
        var list = new JsonArray();
        void Add(string reference, Node? configuration)
        {
            var config = configuration is null or ScalarNode { IsNull: true } ? null : Json(configuration);
            if (config is JsonObject { Count: 0 })
            {
                config = null;
            }

            list.Add(new JsonObject { [ShortReference(reference)] = config });
        }

        switch (value)
        {
            case SequenceNode items:
                foreach (var item in items.Items)
                {
                    switch (item)
                    {
                        case ScalarNode { Kind: ScalarKind.String } reference:
                            Add(Text(reference.Text), null);
                            break;
                        case MappingNode entry:
                            foreach (var plugin in entry.Entries)
                            {
                                Add(Text(plugin.Key), plugin.Value);
                            }

                            break;
                        default:
                            list.Add(Json(item));
                            break;
                    }
                }

                return list;
            case MappingNode legacy:
                foreach (var plugin in legacy.Entries)
                {
                    Add(Text(plugin.Key), plugin.Value);
                }

                return list;
            case ScalarNode { IsNull: true }:
                return list;
            default:
                return Json(value);
        }
    }

    /// <summary>
    /// The short form of a plugin reference: <c>github.com/buildkite-plugins/docker-buildkite-plugin#v5</c> is
    /// <c>docker#v5</c>, <c>github.com/org/name-buildkite-plugin#v1</c> is <c>org/name#v1</c>, as the agent expands
    /// them alike; URLs with a scheme and local paths stay as they are.
    /// </summary>
    internal static string ShortReference(string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var source = hash < 0 ? reference : reference[..hash];
        var version = hash < 0 ? string.Empty : reference[hash..];
        const string Suffix = "-buildkite-plugin";
        var segments = source.Split('/');
        if (segments.Length == 3 && segments[0] == "github.com" && segments[2].EndsWith(Suffix, StringComparison.Ordinal) && segments[2].Length > Suffix.Length)
        {
            var name = segments[2][..^Suffix.Length];
            source = segments[1] == "buildkite-plugins" ? name : $"{segments[1]}/{name}";
        }
        else if (segments.Length == 2 && segments[0] == "buildkite-plugins")
        {
            source = segments[1];
        }

        return source + version;
    }

    private JsonNode? Cache(Node value) => value switch
    {
        MappingNode map => Object(map, e => e.Key == "paths" ? OneOrMany(e.Value) : Json(e.Value)),
        ScalarNode { Kind: ScalarKind.Boolean } => Json(value),
        _ => new JsonObject { ["paths"] = OneOrMany(value) },
    };

    /// <summary>A matrix as <c>{setup, adjustments}</c> with every element a string, as go-pipeline converts them.</summary>
    private JsonNode? Matrix(Node value)
    {
        JsonNode? Elements(Node node) => node is SequenceNode list
            ? new JsonArray(list.Items.Select(item => (JsonNode?)JsonValue.Create(StringValue(item))).ToArray())
            : Json(node);

        switch (value)
        {
            case SequenceNode:
                return new JsonObject { ["setup"] = Elements(value) };
            case MappingNode map:
                var result = new JsonObject();
                foreach (var entry in map.Entries)
                {
                    switch (entry.Key)
                    {
                        case "setup":
                            result["setup"] = entry.Value is MappingNode dimensions
                                ? Object(dimensions, d => Elements(d.Value))
                                : Elements(entry.Value);
                            break;
                        case "adjustments" when entry.Value is SequenceNode adjustments:
                            var list = new JsonArray();
                            foreach (var adjustment in adjustments.Items)
                            {
                                if (adjustment is not MappingNode adjustmentMap)
                                {
                                    list.Add(Json(adjustment));
                                    continue;
                                }

                                var json = new JsonObject();
                                foreach (var part in adjustmentMap.Entries)
                                {
                                    json[Text(part.Key)] = part.Key switch
                                    {
                                        "with" => part.Value switch
                                        {
                                            MappingNode with => Object(with, w => (JsonNode?)JsonValue.Create(StringValue(w.Value))),
                                            SequenceNode => Elements(part.Value),
                                            _ => new JsonArray(JsonValue.Create(StringValue(part.Value))),
                                        },
                                        "skip" => Skip(part.Value),
                                        "soft_fail" => SoftFail(part.Value),
                                        _ => Json(part.Value),
                                    };
                                }

                                SortKeys(json);
                                list.Add(json);
                            }

                            result["adjustments"] = list;
                            break;
                        default:
                            result[Text(entry.Key)] = Json(entry.Value);
                            break;
                    }
                }

                if (result["adjustments"] is JsonArray { Count: 0 })
                {
                    result.Remove("adjustments");
                }

                SortKeys(result);
                return result;
            default:
                return Json(value);
        }
    }

    private JsonNode? Retry(Node value)
    {
        if (value is not MappingNode map)
        {
            return Json(value);
        }

        var result = new JsonObject();
        foreach (var entry in map.Entries)
        {
            result[Text(entry.Key)] = entry.Key switch
            {
                "automatic" => entry.Value switch
                {
                    MappingNode rule => new JsonArray(RetryRule(rule)),
                    SequenceNode rules => new JsonArray(rules.Items.Select(r => r is MappingNode m ? RetryRule(m) : Json(r)).ToArray()),
                    _ => Flag(entry.Value),
                },
                "manual" => entry.Value is MappingNode manual
                    ? Object(manual, e => e.Key is "allowed" or "permit_on_passed" ? Flag(e.Value) : Json(e.Value))
                    : Flag(entry.Value) is JsonValue allowed && allowed.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                        ? new JsonObject { ["allowed"] = allowed } // manual: false is {allowed: false}
                        : Json(entry.Value),
                _ => Json(entry.Value),
            };
        }

        SortKeys(result);
        return result;
    }

    private JsonObject RetryRule(MappingNode rule) =>
        Object(rule, e => Json(e.Value));

    private JsonNode? SoftFail(Node value) => value switch
    {
        SequenceNode => Json(value),
        _ => Flag(value),
    };

    private JsonNode? Skip(Node value) => value switch
    {
        ScalarNode { Kind: ScalarKind.String, Text: "" } => JsonValue.Create(false),
        ScalarNode { Kind: ScalarKind.Boolean } => Flag(value),
        _ => Json(value),
    };

    private JsonObject? IfChanged(Node value) => value switch
    {
        MappingNode map => Object(map, e => e.Key is "include" or "exclude" ? OneOrMany(e.Value) : Json(e.Value)),
        _ => new JsonObject { ["include"] = OneOrMany(value) },
    };

    /// <summary>Notifications: a bare name is the same as a map with no settings; a Slack target alone is a list of one channel.</summary>
    private JsonNode? Notify(Node value)
    {
        if (value is not SequenceNode items)
        {
            return Json(value);
        }

        var list = new JsonArray();
        foreach (var item in items.Items)
        {
            switch (item)
            {
                case ScalarNode { Kind: ScalarKind.String } name:
                    list.Add(new JsonObject { [Text(name.Text)] = null });
                    break;
                case MappingNode map:
                    var json = new JsonObject();
                    foreach (var entry in map.Entries)
                    {
                        var setting = entry.Key switch
                        {
                            "slack" => entry.Value switch
                            {
                                MappingNode slack => Object(slack, e => e.Key == "channels" ? OneOrMany(e.Value) : Json(e.Value)),
                                ScalarNode { IsNull: true } => null,
                                _ => new JsonObject { ["channels"] = OneOrMany(entry.Value) },
                            },
                            "if" when entry.Value is ScalarNode { Kind: ScalarKind.String } condition => JsonValue.Create(ConditionSyntax.Canonical(Text(condition.Text))),
                            _ => Json(entry.Value),
                        };
                        json[Text(entry.Key)] = setting is JsonObject { Count: 0 } ? null : setting;
                    }

                    SortKeys(json);
                    list.Add(json);
                    break;
                default:
                    list.Add(Json(item));
                    break;
            }
        }

        return list;
    }

    private JsonNode? Fields(Node value)
    {
        if (value is not SequenceNode items)
        {
            return Json(value);
        }

        var list = new JsonArray();
        foreach (var item in items.Items)
        {
            if (item is not MappingNode field)
            {
                list.Add(Json(item));
                continue;
            }

            var isSelect = field.ContainsKey("select") || field.ContainsKey("options");
            var json = new JsonObject();
            foreach (var entry in field.Entries)
            {
                json[Text(entry.Key)] = entry.Key switch
                {
                    "required" or "multiple" => Flag(entry.Value),
                    "default" when isSelect => OneOrMany(entry.Value),
                    "options" when entry.Value is SequenceNode options => new JsonArray(options.Items
                        .Select(o => o is MappingNode option
                            ? Object(option, e => e.Key == "required" ? Flag(e.Value) : Json(e.Value))
                            : Json(o))
                        .ToArray()),
                    _ => Json(entry.Value),
                };
            }

            SortKeys(json);
            list.Add(json);
        }

        return list;
    }

    /// <summary>Any value, as the agent passes it on: strings as model text (interpolated when variables are given), maps with sorted keys.</summary>
    private JsonNode? Json(Node node)
    {
        switch (node)
        {
            case MappingNode map:
                var obj = new JsonObject();
                foreach (var entry in map.Entries)
                {
                    obj[Text(entry.Key)] = Json(entry.Value);
                }

                SortKeys(obj);
                return obj;
            case SequenceNode list:
                return new JsonArray(list.Items.Select(Json).ToArray());
            case ScalarNode scalar:
                return scalar.Kind switch
                {
                    ScalarKind.Null => null,
                    ScalarKind.Boolean => JsonValue.Create(scalar.Text == "true"),
                    ScalarKind.Integer when long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
                    ScalarKind.Float when double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) => JsonValue.Create(number),
                    ScalarKind.String => JsonValue.Create(Text(scalar.Text)),
                    _ => JsonValue.Create(scalar.Text),
                };
            default:
                return null;
        }
    }

    /// <summary>A value the agent turns into a string: strings as model text, other scalars in their canonical text, null as empty.</summary>
    private string StringValue(Node node) => node switch
    {
        ScalarNode { Kind: ScalarKind.String } scalar => Text(scalar.Text),
        ScalarNode { IsNull: true } => string.Empty,
        ScalarNode scalar => scalar.Text,
        _ => Json(node)?.ToJsonString() ?? string.Empty,
    };

    /// <summary>Agent text as model text, interpolated when variables are given.</summary>
    private string Text(string agentText)
    {
        var decoded = InterpolatedText.Decode(agentText, out var error);
        if (decoded is null)
        {
            throw new InterpolationException($"the text '{agentText}' {error}");
        }

        return _interpolation is null ? decoded : _interpolation.Apply(decoded);
    }

    private string Where(Node node) => node.Location?.ToString() ?? _name;

    /// <summary>A map's entries as a JSON object with sorted keys; a key that interpolates to an earlier one replaces it, as in the agent.</summary>
    private JsonObject Object(MappingNode map, Func<MappingEntry, JsonNode?> value)
    {
        var json = new JsonObject();
        foreach (var entry in map.Entries)
        {
            json[Text(entry.Key)] = value(entry);
        }

        SortKeys(json);
        return json;
    }

    private static void SortKeys(JsonObject json)
    {
        var entries = json.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        json.Clear();
        foreach (var (key, value) in entries)
        {
            json[key] = value;
        }
    }
}
