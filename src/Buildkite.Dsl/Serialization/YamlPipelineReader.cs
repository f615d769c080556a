using System.Globalization;
using System.Text.Json.Nodes;
using Buildkite.Dsl.Plugins;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Serialization;

/// <summary>The pipelines read from one text, and every problem found while reading.</summary>
internal sealed record ReadResult(IReadOnlyList<Pipeline> Pipelines, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Builds the model from any pipeline the agent accepts: string steps, <c>type:</c> and nested forms,
/// every alias (<c>command</c>/<c>commands</c>, <c>label</c>/<c>name</c>, <c>key</c>/<c>id</c>/<c>identifier</c>),
/// plugin list, map and string forms, anchors, aliases and merge keys. Text is decoded from the agent's
/// interpolation syntax into literal model text, so writing it again keeps its meaning.
/// </summary>
internal sealed class YamlPipelineReader
{
    private static readonly string[] CommandKeys =
    [
        "label", "name", "key", "id", "identifier", "command", "commands", "type", "depends_on", "allow_dependency_failure",
        "if", "branches", "if_changed", "skip", "agents", "image", "env", "secrets", "plugins", "artifact_paths", "cache",
        "parallelism", "matrix", "concurrency", "concurrency_group", "concurrency_method", "timeout_in_minutes", "priority",
        "retry", "soft_fail", "cancel_on_build_failing", "notify", "signature",
    ];

    private static readonly string[] WaitKeys =
    [
        "wait", "waiter", "label", "name", "key", "id", "identifier", "type", "continue_on_failure", "depends_on",
        "allow_dependency_failure", "if", "branches",
    ];

    private static readonly string[] BlockKeys =
    [
        "block", "input", "manual", "label", "name", "key", "id", "identifier", "type", "prompt", "fields", "blocked_state",
        "allowed_teams", "depends_on", "allow_dependency_failure", "if", "branches",
    ];

    private static readonly string[] TriggerKeys =
    [
        "trigger", "label", "name", "key", "id", "identifier", "type", "async", "build", "depends_on",
        "allow_dependency_failure", "if", "branches", "if_changed", "skip", "soft_fail",
    ];

    private static readonly string[] GroupKeys =
    [
        "group", "label", "name", "key", "id", "identifier", "type", "depends_on", "allow_dependency_failure", "if",
        "if_changed", "skip", "notify", "steps",
    ];

    private static readonly string[] PipelineKeys = ["env", "agents", "notify", "image", "secrets", "priority", "steps"];

    private readonly List<Diagnostic> _diagnostics = [];
    private readonly string? _file;
    private SourceMap _sourceMap = new();
    private string? _path;
    private string? _stepName;

    private YamlPipelineReader(string? file) => _file = file;

    /// <summary>Reads every YAML document of <paramref name="text"/> as a pipeline.</summary>
    public static ReadResult Read(string text, string? file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new YamlPipelineReader(file);
        var documents = YamlNodeReader.ReadDocuments(text, file, reader._diagnostics);
        if (documents.Count == 0 && !reader._diagnostics.Any(d => d.IsError))
        {
            reader.Error(DiagnosticCodes.Syntax, "The file is empty; the agent rejects an empty pipeline.", null, file is null ? null : new SourceLocation(file, 1, 1));
        }

        var pipelines = new List<Pipeline>(documents.Count);
        foreach (var document in documents)
        {
            reader._sourceMap = new SourceMap();
            var pipeline = reader.ReadPipeline(document);
            if (pipeline is not null)
            {
                SourceMap.Attach(pipeline, reader._sourceMap);
                pipelines.Add(pipeline);
            }
        }

        return new ReadResult(pipelines, reader._diagnostics);
    }

    private Pipeline? ReadPipeline(Node root)
    {
        _path = null;
        _stepName = null;
        switch (root)
        {
            case SequenceNode legacy:
                Warning(DiagnosticCodes.UnknownAttribute, "The pipeline is a bare list of steps; the agent accepts it, the official schema does not.", "Put the list under 'steps:'.", root.Location, null);
                return new Pipeline { Steps = ReadSteps(legacy, string.Empty, allowGroups: true) };
            case MappingNode map:
                Record(string.Empty, map);
                var extra = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
                foreach (var entry in map.Entries)
                {
                    if (Array.IndexOf(PipelineKeys, entry.Key) < 0)
                    {
                        extra[entry.Key] = ToJson(entry.Value, entry.Key);
                    }
                }

                var stepsNode = map["steps"];
                if (stepsNode is null or ScalarNode { IsNull: true })
                {
                    Warning(DiagnosticCodes.NoSteps, "The pipeline has no steps; the agent uploads nothing but a warning.", "Add a 'steps:' list.", map.Location, "steps");
                }

                return new Pipeline
                {
                    Env = ReadPipelineEnv(map["env"]),
                    Agents = ReadAgents(map["agents"], "agents"),
                    Notify = ReadNotifications(map["notify"], "notify", buildLevel: true),
                    Image = Text(map["image"], "image"),
                    Secrets = ReadSecrets(map["secrets"], "secrets"),
                    Priority = Int(map["priority"], "priority"),
                    Steps = stepsNode is SequenceNode steps ? ReadSteps(steps, string.Empty, allowGroups: true) : Expect<Step>(stepsNode, "steps", "a list of steps"),
                    Extra = extra,
                };
            default:
                Error(DiagnosticCodes.WrongType, "The pipeline must be a map with 'steps:' (or a list of steps), not a single value.", null, root.Location);
                return null;
        }
    }

    private IReadOnlyList<T> Expect<T>(Node? node, string field, string what)
    {
        if (node is not null and not ScalarNode { IsNull: true })
        {
            Error(DiagnosticCodes.WrongType, $"'{field}' must be {what}.", null, node.Location, field);
        }

        return [];
    }

    private List<Step> ReadSteps(SequenceNode steps, string prefix, bool allowGroups)
    {
        var result = new List<Step>(steps.Items.Count);
        for (var i = 0; i < steps.Items.Count; i++)
        {
            var path = $"{prefix}steps[{i}]";
            var step = ReadStep(steps.Items[i], path, allowGroups);
            if (step is not null)
            {
                result.Add(step);
            }
        }

        return result;
    }

    private Step? ReadStep(Node node, string path, bool allowGroups)
    {
        _path = path;
        _stepName = null;
        _sourceMap.Add(path, node.Location);
        switch (node)
        {
            case ScalarNode { Kind: ScalarKind.String } scalar:
                switch (scalar.Text)
                {
                    case "wait" or "waiter":
                        return new WaitStep();
                    case "block" or "manual":
                        return new BlockStep();
                    case "input":
                        return new InputStep();
                    default:
                        Error(DiagnosticCodes.UnknownStepType, $"'{scalar.Text}' is not a step type; the agent would pass it on with a warning and Buildkite would not run it.", "Use a map such as '- command: …', or one of 'wait', 'block', 'input'.", node.Location);
                        return null;
                }

            case MappingNode map:
                return ReadStepMap(map, path, allowGroups);
            default:
                Error(DiagnosticCodes.WrongType, "A step must be a map or one of 'wait', 'block', 'input'; the agent rejects a list, number or null here.", null, node.Location);
                return null;
        }
    }

    private Step? ReadStepMap(MappingNode map, string path, bool allowGroups)
    {
        Record(path, map);
        var type = map["type"];
        string? kind = null;
        if (type is not null)
        {
            if (type is not ScalarNode { Kind: ScalarKind.String } typeText)
            {
                Error(DiagnosticCodes.WrongType, "'type' must be a string; the agent rejects other values.", null, type.Location, "type");
                return null;
            }

            kind = typeText.Text switch
            {
                "command" or "script" => "command",
                "wait" or "waiter" => "wait",
                "block" or "manual" => "block",
                "input" => "input",
                "trigger" => "trigger",
                "group" => "group",
                _ => null,
            };
            if (kind is null)
            {
                Error(DiagnosticCodes.UnknownStepType, $"'type: {typeText.Text}' is not a step type the agent knows.", "Use command, wait, block, input, trigger or group.", type.Location, "type");
                return null;
            }
        }

        // Nested forms: "- wait: {continue_on_failure: true}", "- command: {command: …}", "- trigger: {trigger: …}".
        if (kind is null && map.Entries.Count == 1 && map.Entries[0].Value is MappingNode inner)
        {
            var nestedKind = map.Entries[0].Key switch
            {
                "command" or "commands" or "script" => "command",
                "wait" or "waiter" => "wait",
                "block" or "manual" => "block",
                "input" => "input",
                "trigger" => "trigger",
                _ => null,
            };
            if (nestedKind is not null)
            {
                map = inner;
                kind = nestedKind;
                Record(path, map);
            }
        }

        kind ??= map.ContainsKey("command") || map.ContainsKey("commands") || map.ContainsKey("plugins") ? "command"
            : map.ContainsKey("wait") || map.ContainsKey("waiter") ? "wait"
            : map.ContainsKey("block") || map.ContainsKey("manual") ? "block"
            : map.ContainsKey("input") ? "input"
            : map.ContainsKey("trigger") ? "trigger"
            : map.ContainsKey("group") ? "group"
            : null;

        _stepName = StepNames.Describe(map);
        switch (kind)
        {
            case "command":
                return ReadCommand(map);
            case "wait":
                return ReadWait(map);
            case "block":
                return map.ContainsKey("input") && !map.ContainsKey("block") ? ReadInput(map) : ReadBlock(map);
            case "input":
                return ReadInput(map);
            case "trigger":
                return ReadTrigger(map);
            case "group" when allowGroups:
                return ReadGroup(map, path);
            case "group":
                Error(DiagnosticCodes.WrongType, "A group cannot stand inside another group; Buildkite rejects nested groups.", "Move the inner group's steps into the outer group, or make it a top-level group.", map.Location);
                return null;
            default:
                Error(DiagnosticCodes.UnknownStepType, "The step's type cannot be inferred: it has none of command, commands, plugins, wait, block, input, trigger or group.", "Add one of those attributes, or 'type:'.", map.Location);
                return null;
        }
    }

    private CommandStep ReadCommand(MappingNode map)
    {
        var extra = Extra(map, CommandKeys, "command");
        string? command = null;
        IReadOnlyList<string> commands = [];
        var commandNode = map["command"];
        var commandsNode = map["commands"];
        if (commandNode is not null && commandsNode is not null)
        {
            Warning(DiagnosticCodes.UnknownAttribute, "The step has both 'command' and 'commands'; the agent keeps 'commands' and drops 'command'.", "Keep one of them.", commandNode.Location, "command");
            commandNode = null;
        }

        if (commandsNode is SequenceNode list)
        {
            commands = TextList(list, "commands");
        }
        else if (commandsNode is not null)
        {
            command = Text(commandsNode, "commands");
        }
        else if (commandNode is SequenceNode lines)
        {
            command = lines.Items.Count == 1 ? Text(lines.Items[0], "command") : null;
            if (lines.Items.Count != 1)
            {
                commands = TextList(lines, "command");
            }
        }
        else if (commandNode is not null)
        {
            command = Text(commandNode, "command");
        }

        return new CommandStep
        {
            Label = Label(map),
            Key = Key(map),
            Command = command,
            Commands = commands,
            DependsOn = DependsOn(map["depends_on"]),
            AllowDependencyFailure = Bool(map["allow_dependency_failure"], "allow_dependency_failure"),
            If = ConditionOf(map["if"], "if"),
            Branches = ReadBranches(map["branches"]),
            IfChanged = ReadIfChanged(map["if_changed"]),
            Skip = ReadSkip(map["skip"], "skip"),
            Agents = ReadAgents(map["agents"] ?? Alias(map, "agent_query_rules", "agents"), "agents"),
            Image = Text(map["image"], "image"),
            Env = StringMap(map["env"], "env"),
            Secrets = ReadSecrets(map["secrets"], "secrets"),
            Plugins = ReadPlugins(map["plugins"]),
            ArtifactPaths = TextList(map["artifact_paths"] ?? Alias(map, "artifacts", "artifact_paths"), "artifact_paths"),
            Cache = ReadCache(map["cache"]),
            Parallelism = Int(map["parallelism"], "parallelism"),
            Matrix = ReadMatrix(map["matrix"]),
            Concurrency = Int(map["concurrency"], "concurrency"),
            ConcurrencyGroup = Text(map["concurrency_group"], "concurrency_group"),
            ConcurrencyMethod = Enum(map["concurrency_method"], "concurrency_method", ("ordered", ConcurrencyMethod.Ordered), ("eager", ConcurrencyMethod.Eager)),
            TimeoutInMinutes = Int(map["timeout_in_minutes"] ?? Alias(map, "timeout", "timeout_in_minutes"), "timeout_in_minutes"),
            Priority = Int(map["priority"], "priority"),
            Retry = ReadRetry(map["retry"]),
            SoftFail = ReadSoftFail(map["soft_fail"], "soft_fail"),
            CancelOnBuildFailing = Bool(map["cancel_on_build_failing"], "cancel_on_build_failing"),
            Notify = ReadNotifications(map["notify"], "notify", buildLevel: false).Cast<StepNotification>().ToList(),
            Signature = ReadSignature(map["signature"]),
            Extra = extra,
        };
    }

    private WaitStep ReadWait(MappingNode map) => new()
    {
        Label = Text(map["wait"] ?? map["waiter"], "wait") ?? Label(map),
        Key = Key(map),
        ContinueOnFailure = Bool(map["continue_on_failure"], "continue_on_failure"),
        DependsOn = DependsOn(map["depends_on"]),
        AllowDependencyFailure = Bool(map["allow_dependency_failure"], "allow_dependency_failure"),
        If = ConditionOf(map["if"], "if"),
        Branches = ReadBranches(map["branches"]),
        Extra = Extra(map, WaitKeys, "wait"),
    };

    private BlockStep ReadBlock(MappingNode map) => new()
    {
        Block = Text(map["block"] ?? map["manual"], "block") ?? Label(map),
        Key = Key(map),
        Prompt = Text(map["prompt"], "prompt"),
        Fields = ReadFields(map["fields"]),
        BlockedState = ReadBlockedState(map["blocked_state"]),
        AllowedTeams = TextList(map["allowed_teams"], "allowed_teams"),
        DependsOn = DependsOn(map["depends_on"]),
        AllowDependencyFailure = Bool(map["allow_dependency_failure"], "allow_dependency_failure"),
        If = ConditionOf(map["if"], "if"),
        Branches = ReadBranches(map["branches"]),
        Extra = Extra(map, BlockKeys, "block"),
    };

    private InputStep ReadInput(MappingNode map) => new()
    {
        Input = Text(map["input"], "input") ?? Label(map),
        Key = Key(map),
        Prompt = Text(map["prompt"], "prompt"),
        Fields = ReadFields(map["fields"]),
        BlockedState = ReadBlockedState(map["blocked_state"]),
        AllowedTeams = TextList(map["allowed_teams"], "allowed_teams"),
        DependsOn = DependsOn(map["depends_on"]),
        AllowDependencyFailure = Bool(map["allow_dependency_failure"], "allow_dependency_failure"),
        If = ConditionOf(map["if"], "if"),
        Branches = ReadBranches(map["branches"]),
        Extra = Extra(map, BlockKeys, "input"),
    };

    private TriggerStep? ReadTrigger(MappingNode map)
    {
        var trigger = Text(map["trigger"], "trigger");
        if (trigger is null)
        {
            Error(DiagnosticCodes.MissingAttribute, "The trigger step names no pipeline.", "Set 'trigger:' to the slug of the pipeline to build.", map.Location, "trigger");
            return null;
        }

        TriggerBuild? build = null;
        if (map["build"] is { } buildNode)
        {
            if (buildNode is MappingNode buildMap)
            {
                Unknown(buildMap, ["branch", "commit", "message", "env", "meta_data"], "build");
                build = new TriggerBuild
                {
                    Branch = Text(buildMap["branch"], "build.branch"),
                    Commit = Text(buildMap["commit"], "build.commit"),
                    Message = Text(buildMap["message"], "build.message"),
                    Env = StringMap(buildMap["env"], "build.env"),
                    MetaData = StringMap(buildMap["meta_data"], "build.meta_data"),
                };
            }
            else if (!IsNull(buildNode))
            {
                WrongType(buildNode, "build", "a map");
            }
        }

        return new TriggerStep
        {
            Trigger = trigger,
            Label = Label(map),
            Key = Key(map),
            Async = Bool(map["async"], "async"),
            Build = build,
            DependsOn = DependsOn(map["depends_on"]),
            AllowDependencyFailure = Bool(map["allow_dependency_failure"], "allow_dependency_failure"),
            If = ConditionOf(map["if"], "if"),
            Branches = ReadBranches(map["branches"]),
            IfChanged = ReadIfChanged(map["if_changed"]),
            Skip = ReadSkip(map["skip"], "skip"),
            SoftFail = ReadSoftFail(map["soft_fail"], "soft_fail"),
            Extra = Extra(map, TriggerKeys, "trigger"),
        };
    }

    private GroupStep ReadGroup(MappingNode map, string path)
    {
        var name = Text(map["group"], "group") ?? Label(map) ?? string.Empty;
        var key = Key(map);
        var extra = Extra(map, GroupKeys, "group");
        var dependsOn = DependsOn(map["depends_on"]);
        var allowDependencyFailure = Bool(map["allow_dependency_failure"], "allow_dependency_failure");
        var condition = ConditionOf(map["if"], "if");
        var ifChanged = ReadIfChanged(map["if_changed"]);
        var skip = ReadSkip(map["skip"], "skip");
        var notify = ReadNotifications(map["notify"], "notify", buildLevel: true);
        var stepName = _stepName;
        List<GroupableStep> children = [];
        if (map["steps"] is SequenceNode steps)
        {
            children = ReadSteps(steps, path + ".", allowGroups: false).Cast<GroupableStep>().ToList();
        }
        else
        {
            _ = Expect<Step>(map["steps"], "steps", "a list of steps");
        }

        _path = path;
        _stepName = stepName;
        return new GroupStep
        {
            Group = name,
            Key = key,
            Steps = children,
            DependsOn = dependsOn,
            AllowDependencyFailure = allowDependencyFailure,
            If = condition,
            IfChanged = ifChanged,
            Skip = skip,
            Notify = notify,
            Extra = extra,
        };
    }

    private string? Label(MappingNode map)
    {
        var label = map["label"];
        var name = map["name"];
        if (label is not null && name is not null)
        {
            Warning(DiagnosticCodes.UnknownAttribute, "The step has both 'label' and 'name'; Buildkite shows 'label'.", "Remove 'name'.", name.Location, "name");
        }

        return Text(label ?? name, "label");
    }

    private string? Key(MappingNode map) => Text(map["key"] ?? map["id"] ?? map["identifier"], "key");

    private Node? Alias(MappingNode map, string alias, string primary)
    {
        var node = map[alias];
        if (node is not null)
        {
            Warning(DiagnosticCodes.UnknownAttribute, $"'{alias}' is an alias the docs mention but the official schema rejects; it is written as '{primary}'.", null, node.Location, alias);
        }

        return node;
    }

    /// <summary>Collects attributes the step type does not model into the escape hatch, with a warning each.</summary>
    private Dictionary<string, JsonNode?> Extra(MappingNode map, string[] known, string stepType)
    {
        var extra = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (Array.IndexOf(known, entry.Key) >= 0 || entry.Key is "agent_query_rules" or "artifacts" or "timeout")
            {
                continue;
            }

            var suggestion = Suggestions.Nearest(entry.Key, known);
            Warning(
                DiagnosticCodes.UnknownAttribute,
                $"'{entry.Key}' is not an attribute of a {stepType} step in the official schema; it is kept as it is.",
                suggestion is null ? null : $"Did you mean '{suggestion}'?",
                entry.KeyLocation,
                entry.Key);
            extra[entry.Key] = ToJson(entry.Value, entry.Key);
        }

        return extra;
    }

    private void Unknown(MappingNode map, string[] known, string field)
    {
        foreach (var entry in map.Entries)
        {
            if (Array.IndexOf(known, entry.Key) < 0)
            {
                var suggestion = Suggestions.Nearest(entry.Key, known);
                Error(DiagnosticCodes.UnknownAttribute, $"'{entry.Key}' is not an attribute of '{field}'.", suggestion is null ? null : $"Did you mean '{suggestion}'?", entry.KeyLocation, field + "." + entry.Key);
            }
        }
    }

    private List<Dependency>? DependsOn(Node? node)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode { IsNull: true }:
                return [];
            case ScalarNode scalar:
                return Text(scalar, "depends_on") is { Length: > 0 } single ? [new Dependency(single)] : [];
            case SequenceNode list:
                var dependencies = new List<Dependency>(list.Items.Count);
                foreach (var item in list.Items)
                {
                    if (item is MappingNode edge)
                    {
                        Unknown(edge, ["step", "allow_failure"], "depends_on");
                        if (Text(edge["step"], "depends_on.step") is { Length: > 0 } stepKey)
                        {
                            dependencies.Add(new Dependency(stepKey) { AllowFailure = Bool(edge["allow_failure"], "depends_on.allow_failure") });
                        }
                        else
                        {
                            Error(DiagnosticCodes.MissingAttribute, "A depends_on entry has no 'step'.", null, edge.Location, "depends_on");
                        }
                    }
                    else if (Text(item, "depends_on") is { Length: > 0 } key)
                    {
                        dependencies.Add(new Dependency(key));
                    }
                }

                return dependencies;
            default:
                WrongType(node, "depends_on", "a key or a list of keys");
                return null;
        }
    }

    private Condition? ConditionOf(Node? node, string field) =>
        Text(node, field) is { } text && !string.IsNullOrWhiteSpace(text) ? new Condition(text) : null;

    private Branches? ReadBranches(Node? node) => node switch
    {
        null => null,
        SequenceNode list => Branches.Create(TextList(list, "branches").ToArray()),
        _ => Text(node, "branches") is { } text ? (Branches)text : null,
    };

    private IfChanged? ReadIfChanged(Node? node)
    {
        switch (node)
        {
            case null:
                return null;
            case MappingNode map:
                Unknown(map, ["include", "exclude"], "if_changed");
                return new IfChanged { Include = TextList(map["include"], "if_changed.include"), Exclude = TextList(map["exclude"], "if_changed.exclude") };
            default:
                var globs = TextList(node, "if_changed");
                return globs.Count == 0 ? null : IfChanged.Create(globs.ToArray());
        }
    }

    private Skip? ReadSkip(Node? node, string field) => node switch
    {
        null => null,
        ScalarNode { Kind: ScalarKind.Boolean } flag => flag.Text == "true",
        ScalarNode { Kind: ScalarKind.String } reason => reason.Text.Length == 0 ? false : Text(reason, field)!,
        ScalarNode { IsNull: true } => null,
        _ => WrongType<Skip>(node, field, "true, false or a reason"),
    };

    private SoftFail? ReadSoftFail(Node? node, string field)
    {
        switch (node)
        {
            case null:
                return null;
            case SequenceNode list:
                var statuses = new List<ExitStatus>(list.Items.Count);
                foreach (var item in list.Items)
                {
                    if (item is MappingNode entry)
                    {
                        Unknown(entry, ["exit_status"], field);
                        if (ReadExitStatus(entry["exit_status"], field + ".exit_status") is { } status)
                        {
                            statuses.Add(status);
                        }
                    }
                    else
                    {
                        WrongType(item, field, "a map with 'exit_status'");
                    }
                }

                return SoftFail.Create(statuses.ToArray());
            default:
                return Bool(node, field) is { } enabled ? enabled : null;
        }
    }

    private ExitStatus? ReadExitStatus(Node? node, string field) => node switch
    {
        null or ScalarNode { IsNull: true } => null,
        ScalarNode { Kind: ScalarKind.String, Text: "*" } => ExitStatus.Any,
        SequenceNode list => ExitStatus.Create(list.Items.Select(item => Int(item, field) ?? 0).ToArray()),
        _ => Int(node, field) is { } status ? (ExitStatus)status : null,
    };

    private Retry? ReadRetry(Node? node)
    {
        if (node is null || IsNull(node))
        {
            return null;
        }

        if (node is not MappingNode map)
        {
            return WrongType<Retry>(node, "retry", "a map with 'automatic' and/or 'manual'");
        }

        Unknown(map, ["automatic", "manual"], "retry");
        AutomaticRetry? automatic = null;
        switch (map["automatic"])
        {
            case null:
                break;
            case SequenceNode rules:
                automatic = AutomaticRetry.Create(rules.Items.Select((rule, i) => ReadRetryRule(rule, $"retry.automatic[{i}]")).OfType<AutomaticRetryRule>().ToArray());
                break;
            case MappingNode rule:
                automatic = ReadRetryRule(rule, "retry.automatic") is { } single ? (AutomaticRetry)single : null;
                break;
            case var other:
                automatic = Bool(other, "retry.automatic") is { } enabled ? enabled : null;
                break;
        }

        ManualRetry? manual = null;
        switch (map["manual"])
        {
            case null:
                break;
            case MappingNode manualMap:
                Unknown(manualMap, ["allowed", "permit_on_passed", "reason"], "retry.manual");
                manual = new ManualRetry
                {
                    Allowed = Bool(manualMap["allowed"], "retry.manual.allowed"),
                    PermitOnPassed = Bool(manualMap["permit_on_passed"], "retry.manual.permit_on_passed"),
                    Reason = Text(manualMap["reason"], "retry.manual.reason"),
                };
                break;
            case var other:
                manual = Bool(other, "retry.manual") is { } allowed ? allowed : null;
                break;
        }

        return new Retry { Automatic = automatic, Manual = manual };
    }

    private AutomaticRetryRule? ReadRetryRule(Node node, string field)
    {
        if (node is not MappingNode rule)
        {
            return WrongType<AutomaticRetryRule>(node, field, "a map with exit_status, limit, signal or signal_reason");
        }

        Unknown(rule, ["exit_status", "limit", "signal", "signal_reason"], field);
        Record(_path + "." + field, rule);
        return new AutomaticRetryRule
        {
            ExitStatus = ReadExitStatus(rule["exit_status"], field + ".exit_status"),
            Limit = Int(rule["limit"], field + ".limit"),
            Signal = Text(rule["signal"], field + ".signal"),
            SignalReason = Text(rule["signal_reason"], field + ".signal_reason") is { } reason ? new SignalReason(reason) : null,
        };
    }

    private Matrix? ReadMatrix(Node? node)
    {
        switch (node)
        {
            case null:
                return null;
            case SequenceNode list:
                return Matrix.Create(MatrixValues(list, "matrix").ToArray());
            case MappingNode map:
                Unknown(map, ["setup", "adjustments"], "matrix");
                var setup = map["setup"];
                var adjustments = new List<MatrixAdjustment>();
                if (map["adjustments"] is SequenceNode adjustmentList)
                {
                    foreach (var item in adjustmentList.Items)
                    {
                        if (item is not MappingNode adjustment)
                        {
                            WrongType(item, "matrix.adjustments", "a map with 'with'");
                            continue;
                        }

                        Unknown(adjustment, ["with", "skip", "soft_fail"], "matrix.adjustments");
                        adjustments.Add(ReadAdjustment(adjustment));
                    }
                }

                switch (setup)
                {
                    case SequenceNode values:
                        return new Matrix { Values = MatrixValues(values, "matrix.setup"), Adjustments = adjustments };
                    case MappingNode dimensions:
                        var named = new List<KeyValuePair<string, IReadOnlyList<MatrixElement>>>();
                        foreach (var dimension in dimensions.Entries)
                        {
                            IReadOnlyList<MatrixElement> values = dimension.Value is SequenceNode dimensionValues
                                ? MatrixValues(dimensionValues, "matrix.setup." + dimension.Key)
                                : WrongType<List<MatrixElement>>(dimension.Value, "matrix.setup." + dimension.Key, "a list of values") ?? [];
                            named.Add(new(dimension.Key, values));
                        }

                        return Matrix.FromDimensions(named, adjustments);
                    default:
                        return WrongType<Matrix>(setup ?? map, "matrix.setup", "a list of values or a map of dimensions");
                }

            default:
                return WrongType<Matrix>(node, "matrix", "a list of values or a map with 'setup'");
        }
    }

    private MatrixAdjustment ReadAdjustment(MappingNode adjustment)
    {
        var with = adjustment["with"];
        var result = new MatrixAdjustment
        {
            Skip = ReadSkip(adjustment["skip"], "matrix.adjustments.skip"),
            SoftFail = ReadSoftFail(adjustment["soft_fail"], "matrix.adjustments.soft_fail"),
        };
        switch (with)
        {
            case MappingNode dimensions:
                var combination = new List<KeyValuePair<string, MatrixElement>>();
                foreach (var entry in dimensions.Entries)
                {
                    if (MatrixValue(entry.Value, "matrix.adjustments.with") is { } value)
                    {
                        combination.Add(new(entry.Key, value));
                    }
                }

                return result.WithDimensions(combination);
            case SequenceNode values:
                return result with { With = MatrixValues(values, "matrix.adjustments.with") };
            case ScalarNode scalar when !scalar.IsNull:
                return result with { With = MatrixValue(scalar, "matrix.adjustments.with") is { } one ? [one] : [] };
            default:
                Error(DiagnosticCodes.MissingAttribute, "A matrix adjustment has no 'with'.", null, adjustment.Location, "matrix.adjustments");
                return result;
        }
    }

    private List<MatrixElement> MatrixValues(SequenceNode list, string field) =>
        list.Items.Select(item => MatrixValue(item, field)).OfType<MatrixElement>().ToList();

    private MatrixElement? MatrixValue(Node node, string field)
    {
        switch (node)
        {
            case ScalarNode { Kind: ScalarKind.Integer } number when long.TryParse(number.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value):
                return value;
            case ScalarNode { Kind: ScalarKind.Boolean } flag:
                return flag.Text == "true";
            case ScalarNode { Kind: ScalarKind.Float } number:
                Warning(DiagnosticCodes.AmbiguousScalar, $"The matrix value {number.Text} is a float, which the schema does not allow; it is kept as the string \"{number.Text}\".", "Quote it.", node.Location, field);
                return number.Text;
            case ScalarNode { IsNull: true }:
                WrongType(node, field, "a string, number or boolean");
                return null;
            case ScalarNode scalar:
                return Text(scalar, field) ?? string.Empty;
            default:
                WrongType(node, field, "a string, number or boolean");
                return null;
        }
    }

    private Cache? ReadCache(Node? node)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode { Kind: ScalarKind.Boolean, Text: "false" }:
                Warning(DiagnosticCodes.UnknownAttribute, "'cache: false' is accepted by the agent but not by the official schema; it is left out.", "Remove it.", node.Location, "cache");
                return null;
            case MappingNode map:
                Unknown(map, ["paths", "size", "name"], "cache");
                return new Cache { Paths = TextList(map["paths"], "cache.paths"), Size = Text(map["size"], "cache.size"), Name = Text(map["name"], "cache.name") };
            default:
                return new Cache { Paths = TextList(node, "cache") };
        }
    }

    private Agents? ReadAgents(Node? node, string field)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode { IsNull: true }:
                return null;
            case SequenceNode list:
                return Agents.Create(TextList(list, field).ToArray());
            case MappingNode map:
                return new Dictionary<string, string>(StringMap(map, field), StringComparer.Ordinal);
            default:
                return WrongType<Agents>(node, field, "a map of tags or a list of key=value rules");
        }
    }

    private Secrets? ReadSecrets(Node? node, string field)
    {
        switch (node)
        {
            case null:
                return null;
            case SequenceNode list:
                return Secrets.Create(TextList(list, field).ToArray());
            case MappingNode map:
                return new Dictionary<string, string>(StringMap(map, field), StringComparer.Ordinal);
            default:
                return WrongType<Secrets>(node, field, "a list of secret names or a map from variable to secret name");
        }
    }

    private List<Plugin> ReadPlugins(Node? node)
    {
        var plugins = new List<Plugin>();
        switch (node)
        {
            case null:
            case ScalarNode { IsNull: true }:
                break;
            case SequenceNode list:
                foreach (var item in list.Items)
                {
                    switch (item)
                    {
                        case ScalarNode { Kind: ScalarKind.String } reference:
                            AddPlugin(plugins, Text(reference, "plugins"), null, item);
                            break;
                        case MappingNode entry:
                            if (entry.Entries.Count > 1)
                            {
                                Warning(DiagnosticCodes.UnknownAttribute, "A plugins entry names several plugins; the agent runs them in no set order and the schema allows one per entry.", "Give each plugin its own list entry.", entry.Location, "plugins");
                            }

                            foreach (var plugin in entry.Entries)
                            {
                                AddPlugin(plugins, Decode(plugin.Key, "plugins", plugin.KeyLocation), plugin.Value, plugin.Value);
                            }

                            break;
                        default:
                            WrongType(item, "plugins", "a plugin reference or a map from reference to configuration");
                            break;
                    }
                }

                break;
            case MappingNode legacy:
                Warning(DiagnosticCodes.UnknownAttribute, "'plugins' is a map, a form the schema marks deprecated; it is written as a list.", null, legacy.Location, "plugins");
                foreach (var plugin in legacy.Entries)
                {
                    AddPlugin(plugins, Decode(plugin.Key, "plugins", plugin.KeyLocation), plugin.Value, plugin.Value);
                }

                break;
            default:
                WrongType(node, "plugins", "a list of plugins");
                break;
        }

        return plugins;
    }

    private void AddPlugin(List<Plugin> plugins, string? reference, Node? configuration, Node location)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            Error(DiagnosticCodes.PluginReference, "A plugin has an empty reference.", null, location.Location, "plugins");
            return;
        }

        JsonObject? config = null;
        switch (configuration)
        {
            case null:
            case ScalarNode { IsNull: true }:
                break;
            case MappingNode map:
                config = (JsonObject)ToJson(map, "plugins." + reference)!;
                break;
            default:
                Error(DiagnosticCodes.WrongType, $"The configuration of plugin '{reference}' must be a map; the agent fails the job otherwise (\"configuration is not a hash\").", null, configuration.Location, "plugins");
                break;
        }

        plugins.Add(new UntypedPlugin(reference, config));
    }

    private List<BuildNotification> ReadNotifications(Node? node, string field, bool buildLevel)
    {
        var notifications = new List<BuildNotification>();
        if (node is null || IsNull(node))
        {
            return notifications;
        }

        if (node is not SequenceNode list)
        {
            WrongType(node, field, "a list of notifications");
            return notifications;
        }

        foreach (var item in list.Items)
        {
            var notification = ReadNotification(item, field, buildLevel);
            if (notification is not null)
            {
                notifications.Add(notification);
            }
        }

        return notifications;
    }

    private BuildNotification? ReadNotification(Node item, string field, bool buildLevel)
    {
        if (item is ScalarNode { Kind: ScalarKind.String } simple)
        {
            switch (simple.Text)
            {
                case "github_check":
                    return new GithubCheckNotification();
                case "github_commit_status":
                    return new GithubCommitStatusNotification();
                default:
                    Error(DiagnosticCodes.Notification, $"'{simple.Text}' is not a notification; only github_check and github_commit_status may be written alone.", null, item.Location, field);
                    return null;
            }
        }

        if (item is not MappingNode map)
        {
            return WrongType<BuildNotification>(item, field, "a notification map");
        }

        var condition = ConditionOf(map["if"], field + ".if");
        var channel = map.Entries.FirstOrDefault(e => e.Key != "if")?.Key;
        BuildNotification? notification = channel switch
        {
            "slack" => map["slack"] switch
            {
                MappingNode slack => new SlackNotification
                {
                    Channels = TextList(slack["channels"], field + ".slack.channels"),
                    Message = Text(slack["message"], field + ".slack.message"),
                    If = condition,
                },
                var target => new SlackNotification { Channels = TextList(target, field + ".slack"), If = condition },
            },
            "basecamp_campfire" => new BasecampCampfireNotification { BasecampCampfire = Text(map[channel], field + "." + channel) ?? string.Empty, If = condition },
            "github_commit_status" => new GithubCommitStatusNotification
            {
                Context = map[channel] is MappingNode status ? Text(status["context"], field + ".github_commit_status.context") : null,
                If = condition,
            },
            "github_check" => new GithubCheckNotification
            {
                Settings = map[channel] is MappingNode check ? ((JsonObject)ToJson(check, field + ".github_check")!).ToDictionary(p => p.Key, p => p.Value?.DeepClone()) : StepDefaults.EmptyExtra,
            },
            "email" when buildLevel => new EmailNotification { Email = Text(map[channel], field + ".email") ?? string.Empty, If = condition },
            "webhook" when buildLevel => new WebhookNotification { Webhook = Text(map[channel], field + ".webhook") ?? string.Empty, If = condition },
            "pagerduty_change_event" when buildLevel => new PagerdutyNotification { PagerdutyChangeEvent = Text(map[channel], field + ".pagerduty_change_event") ?? string.Empty, If = condition },
            _ => null,
        };
        if (notification is null)
        {
            Error(
                DiagnosticCodes.Notification,
                channel is "email" or "webhook" or "pagerduty_change_event"
                    ? $"'{channel}' notifications are sent for builds and groups, not for command steps."
                    : $"'{channel}' is not a notification Buildkite knows.",
                "Use slack, email, webhook, pagerduty_change_event, basecamp_campfire, github_commit_status or github_check.",
                map.Location,
                field);
        }

        return notification;
    }

    private List<Field> ReadFields(Node? node)
    {
        var fields = new List<Field>();
        if (node is null || IsNull(node))
        {
            return fields;
        }

        if (node is not SequenceNode list)
        {
            WrongType(node, "fields", "a list of fields");
            return fields;
        }

        foreach (var item in list.Items)
        {
            if (item is not MappingNode map)
            {
                WrongType(item, "fields", "a text or select field");
                continue;
            }

            var key = Text(map["key"], "fields.key");
            if (key is null)
            {
                Error(DiagnosticCodes.MissingAttribute, "A field has no 'key'.", "Add the meta-data key the answer is stored under.", map.Location, "fields");
                continue;
            }

            if (map.ContainsKey("select") || map.ContainsKey("options"))
            {
                Unknown(map, ["select", "key", "hint", "required", "multiple", "default", "options"], "fields");
                var options = new List<SelectOption>();
                if (map["options"] is SequenceNode optionList)
                {
                    foreach (var option in optionList.Items)
                    {
                        if (option is MappingNode optionMap)
                        {
                            Unknown(optionMap, ["label", "value", "hint", "required"], "fields.options");
                            options.Add(new SelectOption
                            {
                                Label = Text(optionMap["label"], "fields.options.label") ?? string.Empty,
                                Value = Text(optionMap["value"], "fields.options.value") ?? string.Empty,
                                Hint = Text(optionMap["hint"], "fields.options.hint"),
                                Required = Bool(optionMap["required"], "fields.options.required"),
                            });
                        }
                        else
                        {
                            WrongType(option, "fields.options", "a map with label and value");
                        }
                    }
                }

                fields.Add(new SelectField
                {
                    Select = Text(map["select"], "fields.select"),
                    Key = key,
                    Hint = Text(map["hint"], "fields.hint"),
                    Required = Bool(map["required"], "fields.required"),
                    Multiple = Bool(map["multiple"], "fields.multiple"),
                    Default = TextList(map["default"], "fields.default"),
                    Options = options,
                });
            }
            else
            {
                Unknown(map, ["text", "key", "hint", "required", "format", "default"], "fields");
                fields.Add(new TextField
                {
                    Text = Text(map["text"], "fields.text"),
                    Key = key,
                    Hint = Text(map["hint"], "fields.hint"),
                    Required = Bool(map["required"], "fields.required"),
                    Format = Text(map["format"], "fields.format"),
                    Default = Text(map["default"], "fields.default"),
                });
            }
        }

        return fields;
    }

    private BlockedState? ReadBlockedState(Node? node) =>
        Enum(node, "blocked_state", ("passed", BlockedState.Passed), ("failed", BlockedState.Failed), ("running", BlockedState.Running));

    private Signature? ReadSignature(Node? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not MappingNode map)
        {
            return WrongType<Signature>(node, "signature", "a map");
        }

        return new Signature
        {
            Algorithm = Text(map["algorithm"], "signature.algorithm"),
            Value = Text(map["value"], "signature.value"),
            SignedFields = TextList(map["signed_fields"], "signature.signed_fields"),
        };
    }

    private T? Enum<T>(Node? node, string field, params (string Name, T Value)[] values)
        where T : struct
    {
        if (node is null || IsNull(node))
        {
            return null;
        }

        var text = Text(node, field);
        foreach (var (name, value) in values)
        {
            if (name == text)
            {
                return value;
            }
        }

        Error(DiagnosticCodes.WrongType, $"'{text}' is not a value of '{field}'.", "Use one of: " + string.Join(", ", values.Select(v => v.Name)) + ".", node.Location, field);
        return null;
    }

    private IReadOnlyDictionary<string, string> ReadPipelineEnv(Node? node)
    {
        if (node is MappingNode map)
        {
            foreach (var entry in map.Entries)
            {
                if (entry.Value is ScalarNode { Kind: ScalarKind.Timestamp })
                {
                    Error(DiagnosticCodes.AmbiguousScalar, $"The env value of {entry.Key} is a YAML date; the agent rejects dates in the pipeline's env.", "Quote it.", entry.Value.Location, "env." + entry.Key);
                }
            }
        }

        return StringMap(node, "env");
    }

    /// <summary>A map of strings, in order; scalar values are converted as the agent converts them.</summary>
    private IReadOnlyDictionary<string, string> StringMap(Node? node, string field)
    {
        switch (node)
        {
            case null:
            case ScalarNode { IsNull: true }:
                return StepDefaults.EmptyMap;
            case MappingNode map:
                var result = new OrderedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var entry in map.Entries)
                {
                    var key = Decode(entry.Key, field, entry.KeyLocation) ?? entry.Key;
                    if (entry.Value is not ScalarNode)
                    {
                        WrongType(entry.Value, field + "." + entry.Key, "a single value");
                        continue;
                    }

                    result[key] = Text(entry.Value, field + "." + entry.Key) ?? string.Empty;
                }

                return result;
            default:
                return WrongType<IReadOnlyDictionary<string, string>>(node, field, "a map") ?? StepDefaults.EmptyMap;
        }
    }

    /// <summary>A list of strings; a single value is a list of one.</summary>
    private List<string> TextList(Node? node, string field)
    {
        switch (node)
        {
            case null:
            case ScalarNode { IsNull: true }:
                return [];
            case SequenceNode list:
                var items = new List<string>(list.Items.Count);
                foreach (var item in list.Items)
                {
                    if (Text(item, field) is { } text)
                    {
                        items.Add(text);
                    }
                }

                return items;
            default:
                return Text(node, field) is { } single ? [single] : [];
        }
    }

    /// <summary>A string; numbers and booleans are formatted the way the agent formats them.</summary>
    private string? Text(Node? node, string field)
    {
        switch (node)
        {
            case null:
            case ScalarNode { IsNull: true }:
                return null;
            case ScalarNode { Kind: ScalarKind.String } scalar:
                return Decode(scalar.Text, field, scalar.Location);
            case ScalarNode { Kind: ScalarKind.Timestamp } date:
                Warning(DiagnosticCodes.AmbiguousScalar, $"YAML reads {date.Text} as a date, which the agent passes on as a timestamp, not as this text.", $"Quote it: \"{date.Text}\".", date.Location, field);
                return date.Text;
            case ScalarNode scalar:
                return scalar.Text;
            default:
                return WrongType<string>(node, field, "a single value");
        }
    }

    private string? Decode(string agentText, string field, SourceLocation? location)
    {
        var decoded = InterpolatedText.Decode(agentText, out var error);
        if (decoded is null)
        {
            Error(DiagnosticCodes.InvalidExpansion, "The text " + error + ".", null, location, field);
            return agentText;
        }

        return decoded;
    }

    private int? Int(Node? node, string field)
    {
        switch (node)
        {
            case null:
            case ScalarNode { IsNull: true }:
                return null;
            case ScalarNode { Kind: ScalarKind.Integer or ScalarKind.String } scalar
                when int.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value):
                return value;
            default:
                return WrongType<int?>(node, field, "a whole number");
        }
    }

    private bool? Bool(Node? node, string field) => node switch
    {
        null or ScalarNode { IsNull: true } => null,
        ScalarNode { Kind: ScalarKind.Boolean or ScalarKind.String, Text: "true" } => true,
        ScalarNode { Kind: ScalarKind.Boolean or ScalarKind.String, Text: "false" } => false,
        _ => WrongType<bool?>(node, field, "true or false"),
    };

    private static bool IsNull(Node node) => node is ScalarNode { IsNull: true };

    /// <summary>Converts a subtree to JSON for escape hatches and plugin configurations.</summary>
    private JsonNode? ToJson(Node node, string field)
    {
        switch (node)
        {
            case MappingNode map:
                var obj = new JsonObject();
                foreach (var entry in map.Entries)
                {
                    obj[Decode(entry.Key, field, entry.KeyLocation) ?? entry.Key] = ToJson(entry.Value, field + "." + entry.Key);
                }

                return obj;
            case SequenceNode list:
                var array = new JsonArray();
                foreach (var item in list.Items)
                {
                    array.Add(ToJson(item, field));
                }

                return array;
            case ScalarNode scalar:
                switch (scalar.Kind)
                {
                    case ScalarKind.Null:
                        return null;
                    case ScalarKind.Boolean:
                        return JsonValue.Create(scalar.Text == "true");
                    case ScalarKind.Integer:
                        return long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                            ? JsonValue.Create(integer)
                            : JsonValue.Create(decimal.Parse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
                    case ScalarKind.Float:
                        return double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                            ? JsonValue.Create(number)
                            : JsonValue.Create(scalar.Text);
                    default:
                        return JsonValue.Create(Text(scalar, field));
                }

            default:
                return null;
        }
    }

    private void Record(string path, MappingNode map)
    {
        _sourceMap.Add(path, map.Location);
        foreach (var entry in map.Entries)
        {
            var child = path.Length == 0 ? entry.Key : path + "." + entry.Key;
            _sourceMap.Add(child, entry.KeyLocation ?? entry.Value.Location);
            if (entry.Value is SequenceNode list && entry.Key != "steps")
            {
                for (var i = 0; i < list.Items.Count; i++)
                {
                    _sourceMap.Add($"{child}[{i}]", list.Items[i].Location);
                    if (list.Items[i] is MappingNode item)
                    {
                        Record($"{child}[{i}]", item);
                    }
                }
            }
            else if (entry.Value is MappingNode nested && entry.Key != "steps")
            {
                Record(child, nested);
            }
        }
    }

    private void WrongType(Node node, string field, string expected) => _ = WrongType<object>(node, field, expected);

    private T? WrongType<T>(Node node, string field, string expected)
    {
        var found = node switch
        {
            MappingNode => "a map",
            SequenceNode => "a list",
            ScalarNode { Kind: ScalarKind.String } scalar => $"the string '{scalar.Text}'",
            ScalarNode scalar => $"'{scalar.Text}'",
            _ => "something else",
        };
        Error(DiagnosticCodes.WrongType, $"'{field}' must be {expected}, not {found}.", null, node.Location, field);
        return default;
    }

    private void Error(string code, string message, string? help, SourceLocation? location, string? field = null) =>
        _diagnostics.Add(new Diagnostic
        {
            Code = code,
            Severity = DiagnosticSeverity.Error,
            Message = message,
            Help = help,
            Location = location,
            Path = _path,
            Step = _stepName,
            Field = field,
        });

    private void Warning(string code, string message, string? help, SourceLocation? location, string? field) =>
        _diagnostics.Add(new Diagnostic
        {
            Code = code,
            Severity = DiagnosticSeverity.Warning,
            Message = message,
            Help = help,
            Location = location,
            Path = _path,
            Step = _stepName,
            Field = field,
        });
}
