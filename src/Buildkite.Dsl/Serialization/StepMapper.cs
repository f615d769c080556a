using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Buildkite.Dsl.Plugins;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Serialization;

/// <summary>
/// Maps the model to the ordered node tree that both writers print, so YAML and JSON share key order
/// and values. Attributes follow Buildkite's documented order, label and key first; unset values are
/// left out; strings are encoded for the agent's upload-time interpolation.
/// </summary>
internal sealed class StepMapper
{
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<Step, string> _generatedKeys = new(ReferenceEqualityComparer.Instance);
    // The place of the step being mapped, as the list it stands in and its index: the path string
    // (steps[2].steps[0]) is only made when a diagnostic needs it.
    private string? _pathList;
    private int _pathIndex = -1;
    private string? _pathText;
    private Step? _step;
    private string _prefix = string.Empty;

    // Nodes of steps that the checks look at after a streamed write (command steps with env), by step object.
    private Dictionary<Step, MappingNode>? _retained;

    private StepMapper()
    {
    }

    /// <summary>The problems mapping found (text that cannot be encoded, dependencies on steps outside the pipeline).</summary>
    public List<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>
    /// Maps one pipeline and writes it as YAML step by step: each step's nodes are written as soon as they are made and
    /// then dropped, so that a large pipeline's tree is never held whole (its nodes die young, in the cheapest
    /// generation of the garbage collector). The checks run afterwards with <see cref="DerivedKey"/> and
    /// <see cref="RetainedNode"/>; the caller discards the text when they find an error.
    /// </summary>
    public static StepMapper WriteYaml(Pipeline pipeline, YamlPipelineWriter.Document yaml)
    {
        var mapper = new StepMapper();
        mapper.AssignKeys([pipeline]);
        mapper._retained = [];
        mapper.MapPipeline(pipeline, yaml);
        return mapper;
    }

    /// <summary>The key the writer derived for a referenced step object without a key, if any.</summary>
    public string? DerivedKey(Step step) => _generatedKeys.GetValueOrDefault(step);

    /// <summary>The node a step was written as, when a check needs it after a streamed write (a command step with env).</summary>
    public MappingNode? RetainedNode(Step step) => _retained?.GetValueOrDefault(step);

    private void Retain(Step? step, Node node)
    {
        switch (step)
        {
            case CommandStep { Env.Count: > 0 } when node is MappingNode map:
                _retained!.TryAdd(step, map);
                break;
            case GroupStep group when node is MappingNode { } map && map["steps"] is SequenceNode children:
                var steps = group.Steps ?? [];
                for (var i = 0; i < steps.Count && i < children.Items.Count; i++)
                {
                    Retain(steps[i], children.Items[i]);
                }

                break;
            default:
                break;
        }
    }

    /// <summary>Maps the pipeline; problems that stop it being written go to the returned diagnostics.</summary>
    public static (MappingNode Root, List<Diagnostic> Diagnostics) Map(Pipeline pipeline)
    {
        var (roots, diagnostics) = Map([pipeline]);
        return (roots[0], diagnostics);
    }

    /// <summary>
    /// Maps the pipelines of one output of several uploads. Keys derived for referenced step objects are
    /// unique across all of them, so a dependency on a step of an earlier upload resolves; paths in
    /// diagnostics start with <c>uploads[i].</c> when there is more than one.
    /// </summary>
    public static (List<MappingNode> Roots, List<Diagnostic> Diagnostics) Map(IReadOnlyList<Pipeline> uploads)
    {
        var mapper = new StepMapper();
        mapper.AssignKeys(uploads);
        var roots = new List<MappingNode>(uploads.Count);
        for (var i = 0; i < uploads.Count; i++)
        {
            mapper._prefix = uploads.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $"uploads[{i}].") : string.Empty;
            roots.Add(mapper.MapPipeline(uploads[i]));
        }

        return (roots, mapper._diagnostics);
    }

    /// <summary>
    /// The key a referenced step object without a key is given: its label as lower-case ASCII words joined by
    /// <c>_</c> (<c>"Build :bazel:"</c> → <c>build_bazel</c>, <c>"Zürich"</c> → <c>zurich</c>), at most 60
    /// characters, else its type; <c>_2</c>, <c>_3</c>, … is added when the key is taken.
    /// </summary>
    private void AssignKeys(IReadOnlyList<Pipeline> uploads)
    {
        if (!HasStepObjectDependency(uploads))
        {
            return; // Dependencies name keys only (the usual case): no key to derive, no step object to find.
        }

        // Every step of every upload, groups before their children, null entries left out. Plain loops, no LINQ:
        // pipelines whose dependencies name step objects take this path on every run of the pipeline generator.
        var placed = new List<StepPlace>();
        for (var u = 0; u < uploads.Count; u++)
        {
            var steps = uploads[u].Steps;
            for (var i = 0; i < steps.Count; i++)
            {
                if (steps[i] is not { } step)
                {
                    continue;
                }

                placed.Add(new StepPlace(step, u, i, -1));
                if (step is GroupStep group)
                {
                    var children = group.Steps ?? [];
                    for (var j = 0; j < children.Count; j++)
                    {
                        if (children[j] is { } child)
                        {
                            placed.Add(new StepPlace(child, u, i, j));
                        }
                    }
                }
            }
        }

        var inPipeline = new HashSet<Step>(placed.Count, ReferenceEqualityComparer.Instance);
        foreach (var place in placed)
        {
            inPipeline.Add(place.Step);
        }

        var referenced = new HashSet<Step>(ReferenceEqualityComparer.Instance);
        foreach (var place in placed)
        {
            var step = place.Step;
            foreach (var dependency in step.DependsOn ?? [])
            {
                if (dependency?.Step is not { } target)
                {
                    continue;
                }

                if (target.Key is null && !inPipeline.Contains(target))
                {
                    Report(step, place.Path(uploads.Count), "depends_on", DiagnosticCodes.DependencyNotInPipeline,
                        $"This step depends on the step object {StepNames.Describe(target)}, which is not part of this pipeline and has no key.",
                        "Add that step to the pipeline, or give it a Key (for a step uploaded elsewhere, depend on the key string).");
                    continue;
                }

                referenced.Add(target);
            }
        }

        var taken = new HashSet<string>(placed.Count, StringComparer.Ordinal);
        foreach (var place in placed)
        {
            if (place.Step.Key is { } key)
            {
                taken.Add(key);
            }
        }

        foreach (var pipeline in uploads)
        {
            foreach (var external in pipeline.ExternalKeys ?? [])
            {
                if (external is not null)
                {
                    taken.Add(external);
                }
            }
        }

        foreach (var place in placed)
        {
            var step = place.Step;
            if (step.Key is null && referenced.Contains(step) && !_generatedKeys.ContainsKey(step))
            {
                var stem = KeyStem(step);
                var key = stem;
                for (var n = 2; !taken.Add(key); n++)
                {
                    key = string.Create(CultureInfo.InvariantCulture, $"{stem}_{n}");
                }

                _generatedKeys[step] = key;
            }
        }
    }

    /// <summary>Where a step stands: its upload, its index, and its index in its group (-1 for a top-level step).</summary>
    private sealed class StepPlace(Step step, int upload, int index, int child)
    {
        public Step Step { get; } = step;

        /// <summary>The step's path, made only for a diagnostic: <c>steps[2].steps[0]</c>, with <c>uploads[1].</c> before it when there are several.</summary>
        public string Path(int uploads) => string.Create(
            CultureInfo.InvariantCulture,
            $"{(uploads > 1 ? $"uploads[{upload}]." : string.Empty)}steps[{index}]{(child >= 0 ? $".steps[{child}]" : string.Empty)}");
    }

    private static bool HasStepObjectDependency(IReadOnlyList<Pipeline> uploads)
    {
        foreach (var pipeline in uploads)
        {
            var steps = pipeline.Steps;
            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                if (HasStepObjectDependency(step))
                {
                    return true;
                }

                if (step is GroupStep { Steps: { } children })
                {
                    foreach (var child in children)
                    {
                        if (HasStepObjectDependency(child))
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    private static bool HasStepObjectDependency(Step? step)
    {
        if (step?.DependsOn is not { } dependencies)
        {
            return false;
        }

        for (var i = 0; i < dependencies.Count; i++)
        {
            if (dependencies[i]?.Step is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static string KeyStem(Step step)
    {
        // Letters with accents keep their base letter (Zürich → zurich): decomposed, the accent is a separate mark.
        // Text with a broken surrogate cannot be normalised; it is reported when the label is written.
        var label = StepNames.Visible(StepNames.Label(step) ?? string.Empty);
        label = HasUnpairedSurrogate(label) ? label : label.Normalize(NormalizationForm.FormD);
        var stem = new StringBuilder();
        foreach (var c in label.ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                stem.Append(c);
            }
            else if (stem.Length > 0 && stem[^1] != '_')
            {
                stem.Append('_');
            }
        }

        var text = stem.ToString().Trim('_');
        if (text.Length > 60)
        {
            text = text[..60].TrimEnd('_');
        }

        return text.Length > 0 ? text : StepNames.Type(step);
    }

    /// <summary>The key written for a step: its own, or the one generated because another step depends on it.</summary>
    private string? KeyOf(Step step) => step.Key ?? _generatedKeys.GetValueOrDefault(step);

    /// <summary>
    /// Maps a pipeline to its root node; with <paramref name="yaml"/>, writes it there as it goes and leaves the root's
    /// <c>steps</c> empty (the steps were written and dropped one by one).
    /// </summary>
    private MappingNode MapPipeline(Pipeline pipeline, YamlPipelineWriter.Document? yaml = null)
    {
        var root = new MappingNode();
        SetPipelinePath();
        _step = null;
        AddStringMap(root, "env", pipeline.Env);
        AddAgents(root, pipeline.Agents);
        AddText(root, "image", pipeline.Image);
        AddInt(root, "priority", pipeline.Priority);
        AddSecrets(root, pipeline.Secrets);
        AddNotifications(root, pipeline.Notify, "notify");
        var count = pipeline.Steps.Count;
        var list = _prefix + "steps";
        if (yaml is null)
        {
            var steps = new List<Node>(count);
            for (var i = 0; i < count; i++)
            {
                steps.Add(MapStep(pipeline.Steps[i], list, i));
            }

            root.Add("steps", new SequenceNode(steps));
        }
        else
        {
            yaml.WriteEntries(root, 0);
            yaml.BeginSequence("steps", count);
            for (var i = 0; i < count; i++)
            {
                var step = pipeline.Steps[i];
                if (step is CommandStep command && IsPlainCommand(command))
                {
                    SetStepPath(list, i);
                    _step = command;
                    WritePlainCommand(command, yaml);
                    continue;
                }

                var node = MapStep(step, list, i);
                yaml.WriteItem(node);
                Retain(step, node);
            }

            root.Add("steps", new SequenceNode([]));
        }

        SetPipelinePath();
        _step = null;
        var beforeExtra = root.Entries.Count;
        AddExtra(root, pipeline.Extra);
        yaml?.WriteEntries(root, beforeExtra);
        return root;
    }

    private void SetPipelinePath()
    {
        _pathList = _prefix.Length == 0 ? null : _prefix[..^1];
        _pathIndex = -1;
        _pathText = null;
    }

    private void SetStepPath(string list, int index)
    {
        _pathList = list;
        _pathIndex = index;
        _pathText = null;
    }

    /// <summary>The place of the step being mapped (<c>steps[2].steps[0]</c>), or of the pipeline (<see langword="null"/>, <c>uploads[1]</c>).</summary>
    private string? CurrentPath => _pathIndex < 0
        ? _pathList
        : _pathText ??= string.Create(CultureInfo.InvariantCulture, $"{_pathList}[{_pathIndex}]");

    private Node MapStep(Step? step, string list, int index)
    {
        SetStepPath(list, index);
        _step = step;
        switch (step)
        {
            case null:
                Report(null, CurrentPath, null, DiagnosticCodes.WrongType, "The step is null.", "Remove the null entry from the list of steps.");
                return ScalarNode.Null;
            case CommandStep command:
                return MapCommand(command);
            case WaitStep wait:
                return MapWait(wait);
            case BlockStep block:
                return MapBlock(block);
            case InputStep input:
                return MapInput(input);
            case TriggerStep trigger:
                return MapTrigger(trigger);
            case GroupStep group:
                return MapGroup(group);
            default:
                throw new InvalidOperationException($"Unknown step type {step.GetType()}.");
        }
    }

    private MappingNode MapCommand(CommandStep step)
    {
        var map = new MappingNode(8);
        AddText(map, "label", step.Label);
        AddText(map, "key", KeyOf(step));
        AddText(map, "command", step.Command);
        AddTextList(map, "commands", step.Commands);
        AddCommon(map, step);
        AddBranches(map, step.Branches);
        AddIfChanged(map, step.IfChanged);
        AddSkip(map, "skip", step.Skip);
        AddAgents(map, step.Agents);
        AddText(map, "image", step.Image);
        AddStringMap(map, "env", step.Env);
        AddSecrets(map, step.Secrets);
        AddPlugins(map, step.Plugins);
        AddTextList(map, "artifact_paths", step.ArtifactPaths);
        AddCache(map, step.Cache);
        AddInt(map, "parallelism", step.Parallelism);
        AddMatrix(map, step.Matrix);
        AddInt(map, "concurrency", step.Concurrency);
        AddText(map, "concurrency_group", step.ConcurrencyGroup);
        if (step.ConcurrencyMethod is { } method)
        {
            map.Add("concurrency_method", Plain(method == ConcurrencyMethod.Eager ? "eager" : "ordered"));
        }

        AddInt(map, "timeout_in_minutes", step.TimeoutInMinutes);
        AddInt(map, "priority", step.Priority);
        AddRetry(map, step.Retry);
        AddSoftFail(map, "soft_fail", step.SoftFail);
        AddBool(map, "cancel_on_build_failing", step.CancelOnBuildFailing);
        AddNotifications(map, step.Notify, "notify");
        AddSignature(map, step.Signature);
        AddExtra(map, step.Extra);
        return map;
    }

    /// <summary>
    /// Whether a command step sets only attributes that <see cref="WritePlainCommand"/> writes (text, numbers, flags, lists
    /// of text, dependencies without <c>allow_failure</c>), and at least one of them: the shape of the steps of large
    /// generated pipelines.
    /// </summary>
    private static bool IsPlainCommand(CommandStep step)
    {
        if (step.If is not null || step.Branches is not null || step.IfChanged is not null || step.Skip is not null
            || step.Agents is not null || step.Env.Count > 0 || step.Secrets is not null || step.Plugins.Count > 0
            || step.Cache is not null || step.Matrix is not null || step.ConcurrencyMethod is not null || step.Retry is not null
            || step.SoftFail is not null || step.Notify.Count > 0 || step.Signature is not null || step.Extra.Count > 0)
        {
            return false;
        }

        if (step.DependsOn is { } dependencies)
        {
            for (var i = 0; i < dependencies.Count; i++)
            {
                if (dependencies[i]?.AllowFailure is not null)
                {
                    return false;
                }
            }
        }

        return step.Label is not null || step.Key is not null || step.Command is not null || step.Commands.Count > 0
            || step.DependsOn is not null || step.AllowDependencyFailure is not null || step.Image is not null
            || step.ArtifactPaths.Count > 0 || step.Parallelism is not null || step.Concurrency is not null
            || step.ConcurrencyGroup is not null || step.TimeoutInMinutes is not null || step.Priority is not null
            || step.CancelOnBuildFailing is not null;
    }

    /// <summary>
    /// Writes a plain command step (<see cref="IsPlainCommand"/>) straight into the YAML, without nodes: exactly what
    /// <see cref="MapCommand"/> and the writer make of it (same keys in the same order, same text encoding and problems
    /// reported in the same order; the tests compare the two on random steps). Large generated pipelines are mostly
    /// such steps, and skipping their nodes takes most of the allocation out of writing them.
    /// </summary>
    private void WritePlainCommand(CommandStep step, YamlPipelineWriter.Document yaml)
    {
        yaml.BeginItemMap();
        WriteText(yaml, "label", step.Label);
        WriteText(yaml, "key", KeyOf(step));
        WriteText(yaml, "command", step.Command);
        WriteTextList(yaml, "commands", step.Commands);
        if (step.DependsOn is { } dependencies)
        {
            var written = 0;
            for (var i = 0; i < dependencies.Count; i++)
            {
                written += DependencyKey(dependencies[i]) is null ? 0 : 1;
            }

            yaml.BeginListEntry("depends_on", written);
            for (var i = 0; i < dependencies.Count; i++)
            {
                if (DependencyKey(dependencies[i]) is { } key)
                {
                    yaml.WriteListItem(Encode(key, "depends_on"));
                }
            }
        }

        WriteNumber(yaml, "allow_dependency_failure", step.AllowDependencyFailure is { } allow ? Bool(allow) : null);
        WriteText(yaml, "image", step.Image);
        WriteTextList(yaml, "artifact_paths", step.ArtifactPaths);
        WriteNumber(yaml, "parallelism", step.Parallelism is { } parallelism ? Integer(parallelism) : null);
        WriteNumber(yaml, "concurrency", step.Concurrency is { } concurrency ? Integer(concurrency) : null);
        WriteText(yaml, "concurrency_group", step.ConcurrencyGroup);
        WriteNumber(yaml, "timeout_in_minutes", step.TimeoutInMinutes is { } timeout ? Integer(timeout) : null);
        WriteNumber(yaml, "priority", step.Priority is { } priority ? Integer(priority) : null);
        WriteNumber(yaml, "cancel_on_build_failing", step.CancelOnBuildFailing is { } cancel ? Bool(cancel) : null);
        yaml.EndItemMap();
    }

    /// <summary>The key a dependency is written as (as in <see cref="AddCommon"/>), or <see langword="null"/> when it is left out.</summary>
    private string? DependencyKey(Dependency? dependency) =>
        dependency is null ? null : dependency.Step is { } target ? KeyOf(target) : dependency.Key;

    private void WriteText(YamlPipelineWriter.Document yaml, string name, string? value)
    {
        if (value is not null)
        {
            yaml.WriteTextEntry(name, Encode(value, name));
        }
    }

    private void WriteTextList(YamlPipelineWriter.Document yaml, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        yaml.BeginListEntry(name, values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            yaml.WriteListItem(Encode(values[i] ?? string.Empty, name));
        }
    }

    private static void WriteNumber(YamlPipelineWriter.Document yaml, string name, ScalarNode? value)
    {
        if (value is not null)
        {
            yaml.WriteCanonicalEntry(name, value.Text);
        }
    }

    private Node MapWait(WaitStep step)
    {
        var map = new MappingNode();
        map.Add("wait", step.Label is null ? ScalarNode.Null : Text(step.Label, "wait"));
        AddText(map, "key", KeyOf(step));
        AddBool(map, "continue_on_failure", step.ContinueOnFailure);
        AddCommon(map, step);
        AddBranches(map, step.Branches);
        AddExtra(map, step.Extra);
        return map.Entries.Count == 1 && step.Label is null ? Plain("wait") : map;
    }

    private Node MapBlock(BlockStep step) => MapBlockOrInput(step, "block", step.Block);

    private Node MapInput(InputStep step) => MapBlockOrInput(step, "input", step.Input);

    /// <summary>
    /// Maps a block or input step: its label under <paramref name="type"/> (<c>block</c> or <c>input</c>), then the
    /// attributes the two share, in the same order for both.
    /// </summary>
    private Node MapBlockOrInput<TStep>(TStep step, string type, string? label)
        where TStep : GroupableStep, IBlockOrInputStep
    {
        var map = new MappingNode();
        AddText(map, type, label);
        AddText(map, "key", KeyOf(step));
        AddText(map, "prompt", step.Prompt);
        AddFields(map, step.Fields);
        AddBlockedState(map, step.BlockedState);
        AddTextList(map, "allowed_teams", step.AllowedTeams);
        AddCommon(map, step);
        AddBranches(map, step.Branches);
        AddExtra(map, step.Extra);
        return label is null ? Unlabelled(map, type) : map;
    }

    /// <summary>
    /// A block or input step without a label: the bare string (<c>- block</c>) when it has no attributes, else
    /// the map with <c>type: block</c> first. The schema types <c>block</c> and <c>input</c> as strings, so
    /// <c>block: ~</c> would be rejected.
    /// </summary>
    private static Node Unlabelled(MappingNode map, string type)
    {
        if (map.Entries.Count == 0)
        {
            return Plain(type);
        }

        map.Entries.Insert(0, new("type", Plain(type), null));
        return map;
    }

    private MappingNode MapTrigger(TriggerStep step)
    {
        var map = new MappingNode();
        AddText(map, "label", step.Label);
        AddText(map, "key", KeyOf(step));
        if (step.Trigger is null)
        {
            Report(step, CurrentPath, "trigger", DiagnosticCodes.MissingAttribute, "The trigger step names no pipeline to trigger.", "Set Trigger to the slug of the pipeline to build.");
        }

        AddText(map, "trigger", step.Trigger);
        AddBool(map, "async", step.Async);
        if (step.Build is { } build)
        {
            var buildMap = new MappingNode();
            AddText(buildMap, "branch", build.Branch);
            AddText(buildMap, "commit", build.Commit);
            AddText(buildMap, "message", build.Message);
            AddStringMap(buildMap, "env", build.Env);
            AddStringMap(buildMap, "meta_data", build.MetaData);
            map.Add("build", buildMap);
        }

        AddCommon(map, step);
        AddBranches(map, step.Branches);
        AddIfChanged(map, step.IfChanged);
        AddSkip(map, "skip", step.Skip);
        AddSoftFail(map, "soft_fail", step.SoftFail);
        AddExtra(map, step.Extra);
        return map;
    }

    private MappingNode MapGroup(GroupStep step)
    {
        var path = CurrentPath!;
        var map = new MappingNode();
        if (step.Group is null)
        {
            Report(step, path, "group", DiagnosticCodes.MissingAttribute, "The group has no name.", "Set Group to the name shown in the build.");
        }

        AddText(map, "group", step.Group);
        AddText(map, "key", KeyOf(step));
        AddCommon(map, step);
        AddIfChanged(map, step.IfChanged);
        AddSkip(map, "skip", step.Skip);
        AddNotifications(map, step.Notify, "notify");
        AddExtra(map, step.Extra);
        var children = step.Steps ?? [];
        var items = new List<Node>(children.Count);
        var list = path + ".steps";
        for (var i = 0; i < children.Count; i++)
        {
            items.Add(MapStep(children[i], list, i));
        }

        _pathList = path;
        _pathIndex = -1;
        _pathText = null;
        _step = step;
        map.Add("steps", new SequenceNode(items));
        return map;
    }

    /// <summary>Adds the attributes every step type has, after its own leading ones.</summary>
    private void AddCommon(MappingNode map, Step step)
    {
        if (step.DependsOn is { } dependencies)
        {
            var items = new List<Node>(dependencies.Count);
            for (var i = 0; i < dependencies.Count; i++)
            {
                var dependency = dependencies[i];
                if (dependency is null)
                {
                    continue;
                }

                var key = dependency.Step is { } target ? KeyOf(target) : dependency.Key;
                if (key is null)
                {
                    continue;
                }

                if (dependency.AllowFailure is { } allowFailure)
                {
                    var edge = new MappingNode();
                    edge.Add("step", Text(key, "depends_on"));
                    edge.Add("allow_failure", allowFailure ? ScalarNode.True : ScalarNode.False);
                    items.Add(edge);
                }
                else
                {
                    items.Add(Text(key, "depends_on"));
                }
            }

            map.Add("depends_on", new SequenceNode(items));
        }

        AddBool(map, "allow_dependency_failure", step.AllowDependencyFailure);
        if (step.If is { } condition)
        {
            map.Add("if", Text(condition.Expression, "if"));
        }
    }

    private void AddBranches(MappingNode map, Branches? branches)
    {
        if (branches is null)
        {
            return;
        }

        map.Add("branches", branches.Text is { } text ? Text(text, "branches") : TextList(branches.Patterns, "branches"));
    }

    private void AddIfChanged(MappingNode map, IfChanged? ifChanged)
    {
        if (ifChanged is null)
        {
            return;
        }

        if (ifChanged.Exclude.Count == 0)
        {
            map.Add("if_changed", OneOrMany(ifChanged.Include, "if_changed"));
            return;
        }

        var node = new MappingNode();
        node.Add("include", OneOrMany(ifChanged.Include, "if_changed.include"));
        node.Add("exclude", OneOrMany(ifChanged.Exclude, "if_changed.exclude"));
        map.Add("if_changed", node);
    }

    private void AddSkip(MappingNode map, string name, Skip? skip)
    {
        if (skip is null)
        {
            return;
        }

        map.Add(name, skip.Reason is { } reason ? Text(reason, name) : Bool(skip.Skipped == true));
    }

    private static void AddSoftFail(MappingNode map, string name, SoftFail? softFail)
    {
        if (softFail is null)
        {
            return;
        }

        if (softFail.Enabled is { } enabled)
        {
            map.Add(name, Bool(enabled));
            return;
        }

        var items = new List<Node>(softFail.ExitStatuses.Count);
        foreach (var status in softFail.ExitStatuses)
        {
            var entry = new MappingNode();
            entry.Add("exit_status", ExitStatusNode(status));
            items.Add(entry);
        }

        map.Add(name, new SequenceNode(items));
    }

    private static Node ExitStatusNode(ExitStatus status)
    {
        if (status.IsAny)
        {
            return new ScalarNode("*", ScalarKind.String);
        }

        var statuses = status.Statuses;
        if (!status.IsList)
        {
            return Integer(statuses[0]);
        }

        var items = new List<Node>(statuses.Length);
        foreach (var value in statuses)
        {
            items.Add(Integer(value));
        }

        return new SequenceNode(items);
    }

    private void AddAgents(MappingNode map, Agents? agents)
    {
        if (agents is null)
        {
            return;
        }

        map.Add("agents", agents.IsList ? TextList(agents.Rules, "agents") : StringMap(agents.Tags, "agents"));
    }

    private void AddSecrets(MappingNode map, Secrets? secrets)
    {
        if (secrets is null)
        {
            return;
        }

        map.Add("secrets", secrets.IsList ? TextList(secrets.Names, "secrets") : StringMap(secrets.Variables, "secrets"));
    }

    private void AddCache(MappingNode map, Cache? cache)
    {
        if (cache is null)
        {
            return;
        }

        if (cache.Size is null && cache.Name is null)
        {
            map.Add("cache", OneOrMany(cache.Paths, "cache"));
            return;
        }

        var node = new MappingNode();
        node.Add("paths", TextList(cache.Paths, "cache.paths"));
        AddText(node, "size", cache.Size);
        AddText(node, "name", cache.Name);
        map.Add("cache", node);
    }

    private void AddMatrix(MappingNode map, Matrix? matrix)
    {
        if (matrix is null)
        {
            return;
        }

        Node setup = matrix.Dimensions.Count > 0
            ? new MappingNode(matrix.Dimensions
                .Select(d => new MappingEntry(EncodeKey(d.Key, "matrix.setup"), new SequenceNode(d.Value.Select(MatrixValue).ToList()), null))
                .ToList())
            : new SequenceNode(matrix.Values.Select(MatrixValue).ToList());
        if (matrix.Adjustments.Count == 0 && matrix.Dimensions.Count == 0)
        {
            map.Add("matrix", setup);
            return;
        }

        var node = new MappingNode();
        node.Add("setup", setup);
        if (matrix.Adjustments.Count > 0)
        {
            var adjustments = new List<Node>(matrix.Adjustments.Count);
            foreach (var adjustment in matrix.Adjustments)
            {
                var entry = new MappingNode();
                entry.Add("with", adjustment.Dimensions.Count > 0
                    ? new MappingNode(adjustment.Dimensions
                        .Select(d => new MappingEntry(EncodeKey(d.Key, "matrix.adjustments.with"), Text(d.Value.ToString(), "matrix.adjustments.with"), null))
                        .ToList())
                    : new SequenceNode(adjustment.With.Select(MatrixValue).ToList()));
                AddSkip(entry, "skip", adjustment.Skip);
                AddSoftFail(entry, "soft_fail", adjustment.SoftFail);
                adjustments.Add(entry);
            }

            node.Add("adjustments", new SequenceNode(adjustments));
        }

        map.Add("matrix", node);
    }

    private Node MatrixValue(MatrixElement element) =>
        element.Number is { } number ? Integer(number)
        : element.Flag is { } flag ? Bool(flag)
        : Text(element.Text ?? string.Empty, "matrix");

    private void AddRetry(MappingNode map, Retry? retry)
    {
        if (retry is null)
        {
            return;
        }

        var node = new MappingNode();
        if (retry.Automatic is { } automatic)
        {
            if (automatic.Enabled is { } enabled)
            {
                node.Add("automatic", Bool(enabled));
            }
            else
            {
                var rules = new List<Node>(automatic.Rules.Count);
                foreach (var rule in automatic.Rules)
                {
                    var entry = new MappingNode();
                    if (rule.ExitStatus is { } status)
                    {
                        entry.Add("exit_status", ExitStatusNode(status));
                    }

                    AddInt(entry, "limit", rule.Limit);
                    AddText(entry, "signal", rule.Signal);
                    if (rule.SignalReason is { } reason)
                    {
                        entry.Add("signal_reason", Text(reason.Value ?? string.Empty, "retry.automatic.signal_reason"));
                    }

                    rules.Add(entry);
                }

                node.Add("automatic", new SequenceNode(rules));
            }
        }

        if (retry.Manual is { } manual)
        {
            var entry = new MappingNode();
            AddBool(entry, "allowed", manual.Allowed);
            AddBool(entry, "permit_on_passed", manual.PermitOnPassed);
            AddText(entry, "reason", manual.Reason);
            node.Add("manual", entry);
        }

        map.Add("retry", node);
    }

    private void AddFields(MappingNode map, IReadOnlyList<Field> fields)
    {
        if (fields.Count == 0)
        {
            return;
        }

        var items = new List<Node>(fields.Count);
        foreach (var field in fields)
        {
            var node = new MappingNode();
            switch (field)
            {
                case TextField text:
                    AddText(node, "text", text.Text);
                    AddText(node, "key", text.Key);
                    AddText(node, "hint", text.Hint);
                    AddText(node, "format", text.Format);
                    AddText(node, "default", text.Default);
                    AddBool(node, "required", text.Required);
                    break;
                case SelectField select:
                    AddText(node, "select", select.Select);
                    AddText(node, "key", select.Key);
                    AddText(node, "hint", select.Hint);
                    AddBool(node, "multiple", select.Multiple);
                    if (select.Default.Count == 1 && select.Multiple != true)
                    {
                        node.Add("default", Text(select.Default[0], "fields.default"));
                    }
                    else if (select.Default.Count > 0)
                    {
                        node.Add("default", TextList(select.Default, "fields.default"));
                    }

                    AddBool(node, "required", select.Required);
                    var options = new List<Node>();
                    foreach (var option in select.Options ?? [])
                    {
                        var optionNode = new MappingNode();
                        AddText(optionNode, "label", option.Label);
                        AddText(optionNode, "value", option.Value);
                        AddText(optionNode, "hint", option.Hint);
                        AddBool(optionNode, "required", option.Required);
                        options.Add(optionNode);
                    }

                    node.Add("options", new SequenceNode(options));
                    break;
                default:
                    continue;
            }

            items.Add(node);
        }

        map.Add("fields", new SequenceNode(items));
    }

    private static void AddBlockedState(MappingNode map, BlockedState? state)
    {
        if (state is { } value)
        {
            map.Add("blocked_state", Plain(value switch
            {
                BlockedState.Failed => "failed",
                BlockedState.Running => "running",
                _ => "passed",
            }));
        }
    }

    private void AddPlugins(MappingNode map, IReadOnlyList<Plugin> plugins)
    {
        if (plugins.Count == 0)
        {
            return;
        }

        var items = new List<Node>(plugins.Count);
        foreach (var plugin in plugins)
        {
            if (plugin is null)
            {
                continue;
            }

            var reference = Text(plugin.Reference.Value ?? string.Empty, "plugins");
            var configuration = plugin.WrittenConfiguration();
            if (configuration is null)
            {
                items.Add(reference);
                continue;
            }

            var entry = new MappingNode();
            entry.Add(reference.Text, Configuration(configuration, "plugins"));
            items.Add(entry);
        }

        map.Add("plugins", new SequenceNode(items));
    }

    private void AddNotifications(MappingNode map, IReadOnlyList<BuildNotification> notifications, string name)
    {
        if (notifications.Count == 0)
        {
            return;
        }

        var items = new List<Node>(notifications.Count);
        foreach (var notification in notifications)
        {
            var node = MapNotification(notification, name);
            if (node is not null)
            {
                items.Add(node);
            }
        }

        map.Add(name, new SequenceNode(items));
    }

    private Node? MapNotification(BuildNotification notification, string field)
    {
        var node = new MappingNode();
        Condition? condition;
        switch (notification)
        {
            case SlackNotification slack:
                if (slack.Message is null && slack.Channels.Count == 1)
                {
                    node.Add("slack", Text(slack.Channels[0], field));
                }
                else
                {
                    var settings = new MappingNode();
                    if (slack.Channels.Count > 0)
                    {
                        settings.Add("channels", TextList(slack.Channels, field));
                    }

                    AddText(settings, "message", slack.Message);
                    node.Add("slack", settings);
                }

                condition = slack.If;
                break;
            case EmailNotification email:
                AddText(node, "email", email.Email);
                condition = email.If;
                break;
            case WebhookNotification webhook:
                AddText(node, "webhook", webhook.Webhook);
                condition = webhook.If;
                break;
            case PagerdutyNotification pagerduty:
                AddText(node, "pagerduty_change_event", pagerduty.PagerdutyChangeEvent);
                condition = pagerduty.If;
                break;
            case BasecampCampfireNotification basecamp:
                AddText(node, "basecamp_campfire", basecamp.BasecampCampfire);
                condition = basecamp.If;
                break;
            case GithubCommitStatusNotification status:
                if (status.Context is null && status.If is null)
                {
                    return Plain("github_commit_status");
                }

                var context = new MappingNode();
                AddText(context, "context", status.Context);
                node.Add("github_commit_status", context);
                condition = status.If;
                break;
            case GithubCheckNotification check:
                if (check.Settings.Count == 0)
                {
                    return Plain("github_check");
                }

                var checkSettings = new MappingNode();
                AddExtra(checkSettings, check.Settings);
                node.Add("github_check", checkSettings);
                condition = null;
                break;
            default:
                return null;
        }

        if (condition is not null)
        {
            node.Add("if", Text(condition.Expression, field + ".if"));
        }

        return node;
    }

    private void AddSignature(MappingNode map, Signature? signature)
    {
        if (signature is null)
        {
            return;
        }

        var node = new MappingNode();
        AddText(node, "algorithm", signature.Algorithm);
        AddText(node, "value", signature.Value);
        if (signature.SignedFields.Count > 0)
        {
            node.Add("signed_fields", TextList(signature.SignedFields, "signature.signed_fields"));
        }

        map.Add("signature", node);
    }

    private void AddExtra(MappingNode map, IReadOnlyDictionary<string, JsonNode?> extra)
    {
        if (extra.Count == 0)
        {
            return; // no enumerator to allocate for the usual empty map
        }

        foreach (var (name, value) in extra)
        {
            var key = EncodeKey(name, name);
            if (map.ContainsKey(key))
            {
                Report(_step, CurrentPath, name, DiagnosticCodes.DuplicateAttribute,
                    $"Extra holds '{StepNames.Visible(name)}', which is already written from a modelled property; the key would appear twice.",
                    "Set the property instead, and keep Extra for attributes the library does not model.");
                continue;
            }

            map.Entries.Add(new(key, Json(value, name), null));
        }
    }

    /// <summary>Maps a JSON value from an escape hatch, as a plugin's configuration is mapped.</summary>
    private Node Json(JsonNode? value, string field) => Configuration(PluginValue.FromJson(value), field);

    /// <summary>Maps a plugin's configuration, or any value of it.</summary>
    private Node Configuration(PluginValue? value, string field)
    {
        switch (value)
        {
            case null:
                return ScalarNode.Null;
            case PluginMap obj:
                var map = new MappingNode(new List<MappingEntry>(obj.Count));
                for (var i = 0; i < obj.Count; i++)
                {
                    var name = obj.KeyAt(i);
                    map.Entries.Add(new(EncodeKey(name, field), Configuration(obj.ValueAt(i), field + "." + name), null));
                }

                return map;
            case PluginList list:
                var items = new List<Node>(list.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    items.Add(Configuration(list[i], field));
                }

                return new SequenceNode(items);
            default:
                var scalar = (PluginScalar)value;
                return scalar.Kind switch
                {
                    PluginValueKind.Text => Text(scalar.Text, field),
                    PluginValueKind.True => ScalarNode.True,
                    PluginValueKind.False => ScalarNode.False,
                    _ => Number(scalar.Text),
                };
        }
    }

    private static ScalarNode Number(string json) =>
        long.TryParse(json, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? new ScalarNode(json, ScalarKind.Integer)
            : new ScalarNode(json, ScalarKind.Float);

    private void AddText(MappingNode map, string name, string? value)
    {
        if (value is not null)
        {
            map.Add(name, Text(value, name));
        }
    }

    private void AddTextList(MappingNode map, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            map.Add(name, TextList(values, name));
        }
    }

    private SequenceNode TextList(IReadOnlyList<string> values, string field)
    {
        var items = new List<Node>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            items.Add(Text(values[i] ?? string.Empty, field));
        }

        return new SequenceNode(items);
    }

    private Node OneOrMany(IReadOnlyList<string> values, string field) =>
        values.Count == 1 ? Text(values[0], field) : TextList(values, field);

    private void AddStringMap(MappingNode map, string name, IReadOnlyDictionary<string, string> values)
    {
        if (values.Count > 0)
        {
            map.Add(name, StringMap(values, name));
        }
    }

    private MappingNode StringMap(IEnumerable<KeyValuePair<string, string>> values, string field)
    {
        var node = new MappingNode();
        foreach (var (name, value) in values)
        {
            node.Entries.Add(new(EncodeKey(name, field), Text(value ?? string.Empty, field + "." + name), null));
        }

        return node;
    }

    private static void AddInt(MappingNode map, string name, int? value)
    {
        if (value is { } number)
        {
            map.Add(name, Integer(number));
        }
    }

    private static void AddBool(MappingNode map, string name, bool? value)
    {
        if (value is { } flag)
        {
            map.Add(name, Bool(flag));
        }
    }

    private static ScalarNode Integer(long value) =>
        value is >= SmallIntegerMin and <= SmallIntegerMax
            ? SmallIntegers[value - SmallIntegerMin] ??= new(value.ToString(CultureInfo.InvariantCulture), ScalarKind.Integer)
            : new(value.ToString(CultureInfo.InvariantCulture), ScalarKind.Integer);

    // Nodes of small integers (timeouts, priorities, exit statuses, limits) are shared: nodes are never changed, and a
    // large pipeline writes the same few numbers thousands of times.
    private const int SmallIntegerMin = -1;
    private const int SmallIntegerMax = 1024;
    private static readonly ScalarNode?[] SmallIntegers = new ScalarNode?[SmallIntegerMax - SmallIntegerMin + 1];

    private static ScalarNode Bool(bool value) => value ? ScalarNode.True : ScalarNode.False;

    private static ScalarNode Plain(string text) => new(text, ScalarKind.String);

    private string EncodeKey(string key, string field) => Text(key, field).Text;

    /// <summary>Encodes model text for the agent; text that cannot be encoded is reported.</summary>
    private ScalarNode Text(string value, string field) => new(Encode(value, field), ScalarKind.String);

    /// <summary>Encodes model text for the agent; text that cannot be encoded is reported.</summary>
    private string Encode(string value, string field)
    {
        var encoded = InterpolatedText.Encode(value, out var error);
        if (encoded is null)
        {
            Report(_step, CurrentPath, field, DiagnosticCodes.Interpolation, "The text " + error + ".", null);
            encoded = value;
        }
        else if (HasUnpairedSurrogate(value))
        {
            Report(_step, CurrentPath, field, DiagnosticCodes.UnencodableText,
                "The text has an unpaired UTF-16 surrogate, which neither YAML nor JSON can carry.",
                "Remove the broken character; it usually comes from cutting a string in the middle of an emoji.");
        }

        return encoded;
    }

    private static bool HasUnpairedSurrogate(string value)
    {
        var first = value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return false;
        }

        for (var i = first; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    private void Report(Step? step, string? path, string? field, string code, string message, string? help) =>
        _diagnostics.Add(new Diagnostic
        {
            Code = code,
            Severity = DiagnosticSeverity.Error,
            Message = message,
            Path = path,
            Step = step is null ? null : StepNames.Describe(step),
            Field = field,
            Help = help,
        });
}
