using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Buildkite.Dsl.Cli.Scripting;
using Buildkite.Dsl.Plugins;
using Buildkite.Dsl.Serialization;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Cli.Import;

/// <summary>The outcome of an import: the script, or the problems that stop it.</summary>
/// <param name="Script">The C# script; <see langword="null"/> when the pipeline has errors.</param>
/// <param name="Diagnostics">Problems of the pipeline: errors stop the import, warnings are for the user to read.</param>
internal sealed record ImportResult(string? Script, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Turns a YAML pipeline into a C# script in <c>pipeline.csx</c>'s dialect that prints a pipeline of the same
/// meaning: typed steps with object initializers, typed plugin bindings where one fits, <c>depends_on</c> as
/// references to step variables, shared variables for values several steps repeat (what YAML anchors did), <c>if</c>
/// through the typed builder where it means the same, and the YAML's comments next to what they describe.
/// </summary>
internal sealed class PipelineImporter
{
    private static readonly string[] Reserved =
    [
        "pipeline", "uploads", "Args", "Env", "Build", "Step", "Pipeline", "Console", "Condition", "ThisPipeline", "ThisStep",
        "Organization", "Dependency", "Retry", "Agents", "Matrix", "Cache", "Secrets", "Branches", "Skip", "SoftFail",
    ];

    private readonly YamlSource _source;
    private readonly CommentIndex _comments;
    private readonly HashSet<string> _names = new(Reserved, StringComparer.Ordinal);
    private readonly List<Shared> _shared = [];
    private readonly Dictionary<Shared, Shared?> _parents = new(ReferenceEqualityComparer.Instance);
    private readonly Stack<Shared> _open = new();
    private readonly Dictionary<Step, string> _variables = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Step> _keyed = new(StringComparer.Ordinal);
    private readonly List<Declaration> _declarations = [];
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, string> _uploads = new(StringComparer.Ordinal);
    private int _document;
    private bool _usesPlugins;
    private bool _usesJson;
    private bool _usesRegex;

    private PipelineImporter(YamlSource source)
    {
        _source = source;
        _comments = CommentIndex.Build(source);
    }

    /// <summary>Imports <paramref name="text"/>, the YAML of <paramref name="file"/> (a name for messages and the header).</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="file">The YAML file's name, for messages and the script's header.</param>
    /// <param name="script">The script's file name, for the header; <see langword="null"/> when not known.</param>
    public static ImportResult Import(string text, string file, string? script = null)
    {
        var read = YamlPipelineReader.Read(text, file);
        if (read.HasErrors)
        {
            return new ImportResult(null, read.Diagnostics);
        }

        var defined = read.Pipelines.SelectMany(p => StepWalker.All(p)).Select(p => p.Step.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var pipelines = read.Pipelines
            .Select(p => p with
            {
                ExternalKeys = StepWalker.All(p)
                    .SelectMany(s => s.Step.DependsOn ?? [])
                    .Select(d => d.Key)
                    .OfType<string>()
                    .Where(k => !defined.Contains(k))
                    .Distinct(StringComparer.Ordinal)
                    .ToList(),
            })
            .ToList();
        for (var i = 0; i < pipelines.Count; i++)
        {
            SourceMap.Attach(pipelines[i], SourceMap.Of(read.Pipelines[i]) ?? new SourceMap());
        }

        var checks = pipelines.Count == 1 ? pipelines[0].Validate() : new PipelineUploads { Pipelines = pipelines }.Validate();
        var diagnostics = read.Diagnostics.Concat(checks).ToList();
        if (checks.Any(d => d.IsError))
        {
            return new ImportResult(null, diagnostics);
        }

        // A first pass counts the upload-time variables; one written three times or more gets a variable of its own.
        var source = YamlSource.Read(text, file);
        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        using (Literals.CountUploads(uses))
        {
            _ = new PipelineImporter(source).Write(pipelines, file, script ?? "pipeline.csx");
        }

        var importer = new PipelineImporter(source);
        foreach (var (name, count) in uses.Where(u => u.Value >= 3).OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            importer._uploads[name] = importer.Unique(Literals.Identifier(name, "variable"));
        }

        using (Literals.NameUploads(importer._uploads))
        {
            return new ImportResult(importer.Write(pipelines, file, script ?? "pipeline.csx"), diagnostics);
        }
    }

    /// <summary>The map holding a raw step's attributes: the step itself, or the inner map of a nested form (<c>- command: {…}</c>).</summary>
    internal static MappingNode? AttributesOf(Node step)
    {
        if (step is not MappingNode map)
        {
            return null;
        }

        if (map["type"] is null && map.Entries.Count == 1 && map.Entries[0].Value is MappingNode inner
            && map.Entries[0].Key is "command" or "commands" or "script" or "wait" or "waiter" or "block" or "manual" or "input" or "trigger")
        {
            return inner;
        }

        return map;
    }

    private string Write(List<Pipeline> pipelines, string file, string script)
    {
        foreach (var pipeline in pipelines)
        {
            foreach (var placed in StepWalker.All(pipeline))
            {
                if (placed.Step.Key is { } key)
                {
                    _keyed.TryAdd(key, placed.Step);
                }
            }
        }

        var referenced = pipelines.SelectMany(p => StepWalker.All(p))
            .SelectMany(s => s.Step.DependsOn ?? [])
            .Select(d => d.Key)
            .OfType<string>()
            .Where(_keyed.ContainsKey)
            .Select(k => _keyed[k])
            .ToHashSet<object>(ReferenceEqualityComparer.Instance!);

        var roots = new List<string>();
        for (_document = 0; _document < pipelines.Count; _document++)
        {
            roots.Add(PipelineDeclaration(pipelines[_document], referenced, pipelines.Count == 1 ? "pipeline" : $"pipeline{_document + 1}"));
        }

        Hoist();
        return Render(file, script, roots);
    }

    // ---- steps --------------------------------------------------------------------------------------

    private string PipelineDeclaration(Pipeline pipeline, HashSet<object> referenced, string name)
    {
        var root = _source.Documents[_document];
        var rawRoot = root as MappingNode;
        var items = new List<Item>();
        for (var i = 0; i < pipeline.Steps.Count; i++)
        {
            var step = pipeline.Steps[i];
            var path = $"steps[{i}]";
            var code = StepCode(step, path, RawStep(root, i, null), referenced);
            var comments = _comments.Take(Target(path));
            if (ShouldDeclare(step, referenced, topLevel: true))
            {
                Declare(step, code, comments, path);
                items.Add(new Item(new Text(_variables[step]), []));
            }
            else
            {
                items.Add(new Item(code, comments));
            }
        }

        var members = new List<Member>();
        void Add(string property, string yamlKey, Code? value)
        {
            if (value is not null)
            {
                members.Add(new Member(property, value, _comments.Take(Target("#" + yamlKey))));
            }
        }

        Add("Env", "env", pipeline.Env.Count == 0 ? null : Share(StringMap(pipeline.Env), "env", null, rawRoot?["env"]));
        Add("Agents", "agents", pipeline.Agents is null ? null : Share(Agents(pipeline.Agents), "agents", "Agents", rawRoot?["agents"]));
        Add("Notify", "notify", pipeline.Notify.Count == 0 ? null : new Collection(pipeline.Notify.Select(Notification)));
        Add("Image", "image", pipeline.Image is null ? null : Literals.String(pipeline.Image));
        Add("Secrets", "secrets", pipeline.Secrets is null ? null : Secrets(pipeline.Secrets));
        Add("Priority", "priority", pipeline.Priority is { } priority ? Number(priority) : null);
        if (pipeline.ExternalKeys.Count > 0)
        {
            members.Add(new Member("ExternalKeys", new Collection(pipeline.ExternalKeys.Select(Literals.String)),
                ["Keys of steps that another upload adds to the build; depends_on names them."]));
        }

        var extra = new List<Member>();
        foreach (var (key, value) in pipeline.Extra)
        {
            if (rawRoot?[key] is { } raw && _source.HasAnchor(raw))
            {
                _notes.Add($"The top-level key '{key}' only held YAML anchors; what they shared is in the variables below.");
                _comments.Take(Target("#" + key));
                continue;
            }

            _usesJson = true;
            extra.Add(new Member("[" + Key(key) + "]", PluginCode.Json(value), _comments.Take(Target("#" + key))));
        }

        if (extra.Count > 0)
        {
            members.Add(new Member("Extra", new Init("new Dictionary<string, JsonNode>", extra), ["Top-level keys Buildkite.Dsl does not model, written as they are."]));
        }

        members.Add(new Member("Steps", new Collection(items), _comments.Take(Target("#steps"))));
        var declaration = new Declaration(name, new Init("new Pipeline", members), [], _declarations.Count);
        _declarations.Add(declaration);
        return name;
    }

    private static bool ShouldDeclare(Step step, HashSet<object> referenced, bool topLevel) =>
        referenced.Contains(step) || (topLevel && (step is CommandStep or TriggerStep or GroupStep || step.Key is not null));

    private void Declare(Step step, Code code, List<string> comments, string path)
    {
        var stem = step switch
        {
            _ when step.Key is { } key => Literals.Identifier(key, StepNames.Type(step)),
            GroupStep group => Literals.Identifier(group.Group, "group"),
            _ when StepNames.Label(step) is { } label => Literals.Identifier(label, StepNames.Type(step)),
            TriggerStep trigger => Literals.Identifier("trigger " + trigger.Trigger, "trigger"),
            CommandStep { Command: { } command } => Literals.Identifier(string.Join(' ', command.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3)), "command"),
            CommandStep { Commands: [var first, ..] } => Literals.Identifier(string.Join(' ', first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3)), "command"),
            _ => StepNames.Type(step) + "Step",
        };
        var name = Unique(stem);
        _variables[step] = name;
        _declarations.Add(new Declaration(name, code is Init init ? init : code, comments, _declarations.Count) { Step = step, Path = path });
    }

    private Code StepCode(Step step, string path, Node? raw, HashSet<object> referenced)
    {
        var attributes = raw is null ? null : AttributesOf(raw);
        var members = new List<(int Order, Member Member)>();
        void Add(string property, Code? value, params string[] yamlKeys)
        {
            if (value is null)
            {
                return;
            }

            var comments = new List<string>();
            foreach (var key in yamlKeys)
            {
                comments.AddRange(_comments.Take(Target(path + "#" + key)));
            }

            var order = attributes is null ? int.MaxValue : yamlKeys.Select(k => attributes.Entries.FindIndex(e => e.Key == k)).Where(i => i >= 0).DefaultIfEmpty(int.MaxValue).Min();
            members.Add((order == int.MaxValue ? 1000 + members.Count : order, new Member(property, value, comments)));
        }

        Node? Raw(params string[] keys) => keys.Select(k => attributes?[k]).FirstOrDefault(n => n is not null);

        string head;
        switch (step)
        {
            case CommandStep command:
                head = "new CommandStep";
                Add("Label", Text(command.Label), "label", "name");
                Add("Key", Text(command.Key), "key", "id", "identifier");
                Add("Command", Text(command.Command), "command", "commands");
                Add("Commands", command.Commands.Count == 0 ? null : TextList(command.Commands), "commands", "command");
                AddCommon(step, Add, Raw);
                Add("Branches", command.Branches is null ? null : Share(Branches(command.Branches), "branches", "Branches", Raw("branches")), "branches");
                Add("IfChanged", command.IfChanged is null ? null : IfChanged(command.IfChanged), "if_changed");
                Add("Skip", command.Skip is null ? null : Skip(command.Skip), "skip");
                Add("Agents", command.Agents is null ? null : Share(Agents(command.Agents), "agents", "Agents", Raw("agents", "agent_query_rules")), "agents", "agent_query_rules");
                Add("Image", Text(command.Image), "image");
                Add("Env", command.Env.Count == 0 ? null : Share(StringMap(command.Env), "env", null, Raw("env")), "env");
                Add("Secrets", command.Secrets is null ? null : Share(Secrets(command.Secrets), "secrets", "Secrets", Raw("secrets")), "secrets");
                Add("Plugins", command.Plugins.Count == 0 ? null : Plugins(command.Plugins, Raw("plugins")), "plugins");
                Add("ArtifactPaths", command.ArtifactPaths.Count == 0 ? null : Share(TextList(command.ArtifactPaths), "artifactPaths", "IReadOnlyList<string>", Raw("artifact_paths", "artifacts")), "artifact_paths", "artifacts");
                Add("Cache", command.Cache is null ? null : Share(Cache(command.Cache), "cache", "Cache", Raw("cache")), "cache");
                Add("Parallelism", Int(command.Parallelism), "parallelism");
                Add("Matrix", command.Matrix is null ? null : Share(Matrix(command.Matrix), "matrix", "Matrix", Raw("matrix")), "matrix");
                Add("Concurrency", Int(command.Concurrency), "concurrency");
                Add("ConcurrencyGroup", Text(command.ConcurrencyGroup), "concurrency_group");
                Add("ConcurrencyMethod", command.ConcurrencyMethod is { } method ? new Text("ConcurrencyMethod." + method) : null, "concurrency_method");
                Add("TimeoutInMinutes", Int(command.TimeoutInMinutes), "timeout_in_minutes", "timeout");
                Add("Priority", Int(command.Priority), "priority");
                Add("Retry", command.Retry is null ? null : Share(Retry(command.Retry), "retry", "Retry", Raw("retry")), "retry");
                Add("SoftFail", command.SoftFail is null ? null : Share(SoftFail(command.SoftFail), "softFail", "SoftFail", Raw("soft_fail")), "soft_fail");
                Add("CancelOnBuildFailing", Bool(command.CancelOnBuildFailing), "cancel_on_build_failing");
                Add("Notify", command.Notify.Count == 0 ? null : Share(new Collection(command.Notify.Select(Notification)), "notify", "IReadOnlyList<StepNotification>", Raw("notify")), "notify");
                Add("Signature", command.Signature is null ? null : Signature(command.Signature), "signature");
                break;
            case WaitStep wait:
                if (IsPlainWait(wait))
                {
                    _comments.TakeAll(Target(path + "#"));
                    return new Text("Step.Wait");
                }

                head = "new WaitStep";
                Add("Label", Text(wait.Label), "wait", "waiter", "label", "name");
                Add("Key", Text(wait.Key), "key", "id", "identifier");
                Add("ContinueOnFailure", Bool(wait.ContinueOnFailure), "continue_on_failure");
                AddCommon(step, Add, Raw);
                Add("Branches", wait.Branches is null ? null : Branches(wait.Branches), "branches");
                break;
            case BlockStep block:
                head = "new BlockStep";
                Add("Block", Text(block.Block), "block", "manual", "label", "name");
                AddBlockOrInput(block, Add, Raw);
                break;
            case InputStep input:
                head = "new InputStep";
                Add("Input", Text(input.Input), "input", "label", "name");
                AddBlockOrInput(input, Add, Raw);
                break;
            case TriggerStep trigger:
                head = "new TriggerStep";
                Add("Trigger", Literals.String(trigger.Trigger), "trigger");
                Add("Label", Text(trigger.Label), "label", "name");
                Add("Key", Text(trigger.Key), "key", "id", "identifier");
                Add("Async", Bool(trigger.Async), "async");
                Add("Build", trigger.Build is null ? null : TriggerBuild(trigger.Build), "build");
                AddCommon(step, Add, Raw);
                Add("Branches", trigger.Branches is null ? null : Branches(trigger.Branches), "branches");
                Add("IfChanged", trigger.IfChanged is null ? null : IfChanged(trigger.IfChanged), "if_changed");
                Add("Skip", trigger.Skip is null ? null : Skip(trigger.Skip), "skip");
                Add("SoftFail", trigger.SoftFail is null ? null : SoftFail(trigger.SoftFail), "soft_fail");
                break;
            case GroupStep group:
                head = "new GroupStep";
                Add("Group", Literals.String(group.Group), "group", "label", "name");
                Add("Key", Text(group.Key), "key", "id", "identifier");
                AddCommon(step, Add, Raw);
                Add("IfChanged", group.IfChanged is null ? null : IfChanged(group.IfChanged), "if_changed");
                Add("Skip", group.Skip is null ? null : Skip(group.Skip), "skip");
                Add("Notify", group.Notify.Count == 0 ? null : new Collection(group.Notify.Select(Notification)), "notify");
                var children = new List<Item>();
                for (var j = 0; j < group.Steps.Count; j++)
                {
                    var child = group.Steps[j];
                    var childPath = $"{path}.steps[{j}]";
                    var childRaw = attributes?["steps"] is SequenceNode rawChildren && j < rawChildren.Items.Count ? rawChildren.Items[j] : null;
                    var childCode = StepCode(child, childPath, childRaw, referenced);
                    var childComments = _comments.Take(Target(childPath));
                    if (ShouldDeclare(child, referenced, topLevel: false))
                    {
                        Declare(child, childCode, childComments, childPath);
                        children.Add(new Item(new Text(_variables[child]), []));
                    }
                    else
                    {
                        children.Add(new Item(childCode, childComments));
                    }
                }

                Add("Steps", new Collection(children), "steps");
                break;
            default:
                throw new InvalidOperationException($"Unknown step type {step.GetType()}.");
        }

        if (step.Extra.Count > 0)
        {
            _usesJson = true;
            var extra = step.Extra.Select(p => new Member("[" + Key(p.Key) + "]", PluginCode.Json(p.Value), _comments.Take(Target(path + "#" + p.Key)))).ToList();
            members.Add((1000 + members.Count, new Member("Extra", new Init("new Dictionary<string, JsonNode>", extra), ["Attributes Buildkite.Dsl does not model, written as they are."])));
        }

        // Comments on attributes that have no member of their own (type:, an alias) stay with the step.
        var leftover = _comments.TakeAll(Target(path + "#"));
        var ordered = members.OrderBy(m => m.Order).Select(m => m.Member).ToList();
        if (leftover.Count > 0 && ordered.Count > 0)
        {
            ordered[0] = ordered[0] with { Comments = [.. leftover, .. ordered[0].Comments] };
        }

        return new Init(head, ordered);
    }

    private static bool IsPlainWait(WaitStep wait) =>
        wait.Label is null && wait.Key is null && wait.ContinueOnFailure is null && wait.DependsOn is null && wait.AllowDependencyFailure is null
        && wait.If is null && wait.Branches is null && wait.Extra.Count == 0;

    private void AddCommon(Step step, Action<string, Code?, string[]> add, Func<string[], Node?> raw)
    {
        add("DependsOn", step.DependsOn is null ? null : DependsOn(step, step.DependsOn), ["depends_on"]);
        add("AllowDependencyFailure", Bool(step.AllowDependencyFailure), ["allow_dependency_failure"]);
        add("If", step.If is null ? null : Share(Condition(step.If), "condition", "Condition", raw(["if"])), ["if"]);
    }

    /// <summary>
    /// Adds what a block and an input step share after their label: key, prompt, fields, blocked state, allowed
    /// teams, dependencies, condition and branches.
    /// </summary>
    private void AddBlockOrInput<TStep>(TStep step, Action<string, Code?, string[]> add, Func<string[], Node?> raw)
        where TStep : GroupableStep, IBlockOrInputStep
    {
        add("Key", Text(step.Key), ["key", "id", "identifier"]);
        add("Prompt", Text(step.Prompt), ["prompt"]);
        add("Fields", step.Fields.Count == 0 ? null : new Collection(step.Fields.Select(Field)), ["fields"]);
        add("BlockedState", step.BlockedState is { } state ? new Text("BlockedState." + state) : null, ["blocked_state"]);
        add("AllowedTeams", step.AllowedTeams.Count == 0 ? null : TextList(step.AllowedTeams), ["allowed_teams"]);
        AddCommon(step, add, raw);
        add("Branches", step.Branches is null ? null : Branches(step.Branches), ["branches"]);
    }

    private Collection DependsOn(Step step, IReadOnlyList<Dependency> dependencies)
    {
        var items = new List<Code>();
        foreach (var dependency in dependencies)
        {
            var key = dependency.Key ?? dependency.Step?.Key;
            Code target = key is not null && _keyed.TryGetValue(key, out var target1) && !ReferenceEquals(target1, step)
                ? new StepReference(target1, this)
                : Literals.String(key ?? string.Empty);
            items.Add(dependency.AllowFailure is { } allowFailure ? new DependencyCode(target, allowFailure) : target);
        }

        return new Collection(items);
    }

    /// <summary><c>new Dependency(step) { AllowFailure = true }</c>, written when the step's variable is known.</summary>
    private sealed class DependencyCode(Code target, bool allowFailure) : Code
    {
        public Code Target { get; } = target;

        public override string? Inline() => $"new Dependency({Target.Inline()}) {{ AllowFailure = {(allowFailure ? "true" : "false")} }}";

        public override void Write(StringBuilder text, string indent, int column) => text.Append(Inline());
    }

    /// <summary>A reference to a step's variable, or its key when the step has none.</summary>
    private sealed class StepReference(Step step, PipelineImporter importer) : Code
    {
        public Step Step { get; } = step;

        public override string? Inline() => importer._variables.TryGetValue(Step, out var name) ? name : Literals.String(Step.Key!).Inline();

        public override void Write(StringBuilder text, string indent, int column) => text.Append(Inline());
    }

    // ---- values -------------------------------------------------------------------------------------

    private static Code? Text(string? value) => value is null ? null : Literals.String(value);

    private static Text? Int(int? value) => value is { } number ? Number(number) : null;

    private static Text Number(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    private static Text? Bool(bool? value) => value is { } flag ? new Text(flag ? "true" : "false") : null;

    private static Collection TextList(IEnumerable<string> values) => new(values.Select(Literals.String));

    private static Init StringMap(IEnumerable<KeyValuePair<string, string>> values) =>
        new("new Dictionary<string, string>", values.Select(p => new Member("[" + Key(p.Key) + "]", Literals.String(p.Value), [])).ToList());

    private static string Key(string key) => Literals.String(key).Inline() ?? Literals.Quote(key);

    private static Code Agents(Agents agents) => agents.IsList
        ? TextList(agents.Rules)
        : new Init("new()", agents.Tags.Select(p => new Member("[" + Key(p.Key) + "]", Literals.String(p.Value), [])).ToList(), "Agents");

    private static Code Secrets(Secrets secrets) => secrets.IsList
        ? TextList(secrets.Names)
        : new Init("new()", secrets.Variables.Select(p => new Member("[" + Key(p.Key) + "]", Literals.String(p.Value), [])).ToList(), "Secrets");

    private static Code Branches(Branches branches) => branches.Text is { } text ? Literals.String(text) : TextList(branches.Patterns);

    private static Code IfChanged(IfChanged ifChanged)
    {
        if (ifChanged.Exclude.Count == 0)
        {
            return ifChanged.Include.Count == 1 ? Literals.String(ifChanged.Include[0]) : TextList(ifChanged.Include);
        }

        return new Init("new()", [new Member("Include", TextList(ifChanged.Include), []), new Member("Exclude", TextList(ifChanged.Exclude), [])], "IfChanged");
    }

    private static Code Skip(Skip skip) => skip.Reason is { } reason ? Literals.String(reason) : new Text(skip.Skipped == true ? "true" : "false");

    private static Code Cache(Cache cache)
    {
        if (cache.Size is null && cache.Name is null)
        {
            return cache.Paths.Count == 1 ? Literals.String(cache.Paths[0]) : TextList(cache.Paths);
        }

        var members = new List<Member> { new("Paths", TextList(cache.Paths), []) };
        if (cache.Size is not null)
        {
            members.Add(new Member("Size", Literals.String(cache.Size), []));
        }

        if (cache.Name is not null)
        {
            members.Add(new Member("Name", Literals.String(cache.Name), []));
        }

        return new Init("new()", members, "Cache");
    }

    private static Code Element(MatrixElement element) =>
        element.Number is { } number ? Number(number)
        : element.Flag is { } flag ? new Text(flag ? "true" : "false")
        : Literals.String(element.Text ?? string.Empty);

    private static Code Matrix(Matrix matrix)
    {
        if (matrix.Dimensions.Count == 0 && matrix.Adjustments.Count == 0)
        {
            return new Collection(matrix.Values.Select(Element));
        }

        var members = new List<Member>();
        if (matrix.Dimensions.Count == 0)
        {
            members.Add(new Member("Values", new Collection(matrix.Values.Select(Element)), []));
        }

        foreach (var (dimension, values) in matrix.Dimensions)
        {
            members.Add(new Member("[" + Key(dimension) + "]", new Collection(values.Select(Element)), []));
        }

        if (matrix.Adjustments.Count > 0)
        {
            members.Add(new Member("Adjustments", new Collection(matrix.Adjustments.Select(Adjustment)), []));
        }

        return new Init("new()", members, "Matrix");
    }

    private static Init Adjustment(MatrixAdjustment adjustment)
    {
        var members = new List<Member>();
        if (adjustment.Dimensions.Count == 0)
        {
            members.Add(new Member("With", new Collection(adjustment.With.Select(Element)), []));
        }

        foreach (var (dimension, value) in adjustment.Dimensions)
        {
            members.Add(new Member("[" + Key(dimension) + "]", Element(value), []));
        }

        if (adjustment.Skip is not null)
        {
            members.Add(new Member("Skip", Skip(adjustment.Skip), []));
        }

        if (adjustment.SoftFail is not null)
        {
            members.Add(new Member("SoftFail", SoftFail(adjustment.SoftFail), []));
        }

        return new Init("new()", members, "MatrixAdjustment");
    }

    private static Code ExitStatus(ExitStatus status) =>
        status.IsAny ? new Text("ExitStatus.Any")
        : status.IsList ? new Collection(status.Values.Select(v => (Code)Number(v)))
        : Number(status.Values[0]);

    private static Code SoftFail(SoftFail softFail) => softFail.Enabled is { } enabled
        ? new Text(enabled ? "true" : "false")
        : new Collection(softFail.ExitStatuses.Select(ExitStatus));

    private static Init Retry(Retry retry)
    {
        var members = new List<Member>();
        if (retry.Automatic is { } automatic)
        {
            members.Add(new Member("Automatic", automatic.Enabled is { } enabled
                ? new Text(enabled ? "true" : "false")
                : new Collection(automatic.Rules.Select(RetryRule)), []));
        }

        if (retry.Manual is { } manual)
        {
            members.Add(new Member("Manual", manual is { PermitOnPassed: null, Reason: null, Allowed: { } allowed }
                ? new Text(allowed ? "true" : "false")
                : new Init("new()", Members(("Allowed", Bool(manual.Allowed)), ("PermitOnPassed", Bool(manual.PermitOnPassed)), ("Reason", manual.Reason is null ? null : Literals.String(manual.Reason))), "ManualRetry"), []));
        }

        return new Init("new()", members, "Retry");
    }

    private static Init RetryRule(AutomaticRetryRule rule) => new(
        "new()",
        Members(
            ("ExitStatus", rule.ExitStatus is null ? null : ExitStatus(rule.ExitStatus)),
            ("Limit", Int(rule.Limit)),
            ("Signal", rule.Signal is null ? null : Literals.String(rule.Signal)),
            ("SignalReason", rule.SignalReason is { } reason ? SignalReason(reason) : null)),
        "AutomaticRetryRule");

    private static Text SignalReason(SignalReason reason)
    {
        foreach (var property in typeof(SignalReason).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        {
            if (property.PropertyType == typeof(SignalReason) && property.GetValue(null) is SignalReason known && known.Value == reason.Value)
            {
                return new Text("SignalReason." + property.Name);
            }
        }

        return new Text($"new SignalReason({Literals.Quote(reason.Value)})");
    }

    private static List<Member> Members(params (string Name, Code? Value)[] members) =>
        members.Where(m => m.Value is not null).Select(m => new Member(m.Name, m.Value!, [])).ToList();

    private Code Condition(Condition condition)
    {
        var code = ConditionCode.For(condition.Expression);
        _usesRegex |= ConditionCode.UsesRegexOptions(code.Key());
        return code;
    }

    private Code Notification(BuildNotification notification) => notification switch
    {
        SlackNotification slack => new Init("new SlackNotification", Members(
            ("Channels", slack.Channels.Count == 0 ? null : TextList(slack.Channels)),
            ("Message", slack.Message is null ? null : Literals.String(slack.Message)),
            ("If", slack.If is null ? null : Condition(slack.If)))),
        EmailNotification email => new Init("new EmailNotification", Members(("Email", Literals.String(email.Email)), ("If", email.If is null ? null : Condition(email.If)))),
        WebhookNotification webhook => new Init("new WebhookNotification", Members(("Webhook", Literals.String(webhook.Webhook)), ("If", webhook.If is null ? null : Condition(webhook.If)))),
        PagerdutyNotification pagerduty => new Init("new PagerdutyNotification", Members(("PagerdutyChangeEvent", Literals.String(pagerduty.PagerdutyChangeEvent)), ("If", pagerduty.If is null ? null : Condition(pagerduty.If)))),
        BasecampCampfireNotification basecamp => new Init("new BasecampCampfireNotification", Members(("BasecampCampfire", Literals.String(basecamp.BasecampCampfire)), ("If", basecamp.If is null ? null : Condition(basecamp.If)))),
        GithubCommitStatusNotification status => new Init("new GithubCommitStatusNotification", Members(("Context", status.Context is null ? null : Literals.String(status.Context)), ("If", status.If is null ? null : Condition(status.If)))),
        GithubCheckNotification check => check.Settings.Count == 0
            ? new Text("new GithubCheckNotification()")
            : JsonMember(new Init("new GithubCheckNotification", [new Member("Settings", new Init("new Dictionary<string, JsonNode>", check.Settings.Select(p => new Member("[" + Key(p.Key) + "]", PluginCode.Json(p.Value), [])).ToList()), [])])),
        _ => throw new InvalidOperationException($"Unknown notification {notification.GetType()}."),
    };

    private Init JsonMember(Init init)
    {
        _usesJson = true;
        return init;
    }

    private static Init Field(Field field) => field switch
    {
        TextField text => new Init("new TextField", Members(
            ("Text", text.Text is null ? null : Literals.String(text.Text)),
            ("Key", Literals.String(text.Key)),
            ("Hint", text.Hint is null ? null : Literals.String(text.Hint)),
            ("Required", Bool(text.Required)),
            ("Format", text.Format is null ? null : Literals.String(text.Format)),
            ("Default", text.Default is null ? null : Literals.String(text.Default)))),
        SelectField select => new Init("new SelectField", Members(
            ("Select", select.Select is null ? null : Literals.String(select.Select)),
            ("Key", Literals.String(select.Key)),
            ("Hint", select.Hint is null ? null : Literals.String(select.Hint)),
            ("Required", Bool(select.Required)),
            ("Multiple", Bool(select.Multiple)),
            ("Default", select.Default.Count == 0 ? null : TextList(select.Default)),
            ("Options", new Collection(select.Options.Select(o => (Code)new Init("new()", Members(
                ("Label", Literals.String(o.Label)),
                ("Value", Literals.String(o.Value)),
                ("Hint", o.Hint is null ? null : Literals.String(o.Hint)),
                ("Required", Bool(o.Required))), "SelectOption")))))),
        _ => throw new InvalidOperationException($"Unknown field {field.GetType()}."),
    };

    private static Init TriggerBuild(TriggerBuild build) => new("new()", Members(
        ("Branch", build.Branch is null ? null : Literals.String(build.Branch)),
        ("Commit", build.Commit is null ? null : Literals.String(build.Commit)),
        ("Message", build.Message is null ? null : Literals.String(build.Message)),
        ("Env", build.Env.Count == 0 ? null : StringMap(build.Env)),
        ("MetaData", build.MetaData.Count == 0 ? null : StringMap(build.MetaData))), "TriggerBuild");

    private static Init Signature(Signature signature) => new("new()", Members(
        ("Algorithm", signature.Algorithm is null ? null : Literals.String(signature.Algorithm)),
        ("Value", signature.Value is null ? null : Literals.String(signature.Value)),
        ("SignedFields", signature.SignedFields.Count == 0 ? null : TextList(signature.SignedFields))), "Signature");

    private Shared Plugins(IReadOnlyList<Plugin> plugins, Node? raw)
    {
        _usesPlugins = true;
        var outer = new Shared(new Text(string.Empty), "plugins", "IReadOnlyList<Plugin>");
        _open.Push(outer);
        var items = new List<Code>();
        for (var i = 0; i < plugins.Count; i++)
        {
            var plugin = (UntypedPlugin)plugins[i];
            var code = PluginCode.For(plugin, out var nameHint);
            if (code.Key().Contains("JsonObject", StringComparison.Ordinal) || code.Key().Contains("JsonNode", StringComparison.Ordinal))
            {
                _usesJson = true;
            }

            var rawItem = raw is SequenceNode list && i < list.Items.Count ? list.Items[i] : null;
            var rawConfig = rawItem is MappingNode { Entries.Count: 1 } entry ? entry.Entries[0].Value : null;
            items.Add(Share(code, nameHint, null, rawItem is not null && _source.AnchorOf(rawItem) is not null ? rawItem : rawConfig));
        }

        _open.Pop();
        // A list of one anchored plugin is named after that plugin's anchor: dockerPlugins.
        var name = Name("plugins", raw);
        if (name == "plugins" && items.Count == 1 && items[0] is Shared { Anchored: true } only)
        {
            name = only.Name + "Plugins";
        }

        var shared = new Shared(new Collection(items), name, "IReadOnlyList<Plugin>") { Anchored = raw is not null && _source.AnchorOf(raw) is not null };
        Register(shared);
        foreach (var inner in _shared.Where(s => ReferenceEquals(_parents[s], outer)).ToList())
        {
            _parents[inner] = shared;
        }

        return shared;
    }

    // ---- shared values ------------------------------------------------------------------------------

    /// <summary>Wraps a value several steps may share, named after its anchor when the YAML gave it one.</summary>
    private Shared Share(Code value, string name, string? type, Node? raw)
    {
        var shared = new Shared(value, Name(name, raw), type) { Anchored = raw is not null && (_source.AnchorOf(raw) is not null || _source.MergedFrom(raw) is not null) };
        Register(shared);
        return shared;
    }

    private void Register(Shared shared)
    {
        _parents[shared] = _open.Count > 0 ? _open.Peek() : null;
        _shared.Add(shared);
    }

    private string Name(string attribute, Node? raw)
    {
        if (_source.AnchorOf(raw) is { } anchor)
        {
            return Literals.Identifier(anchor, attribute);
        }

        if (_source.MergedFrom(raw) is { } merged)
        {
            var stem = Literals.Identifier(merged.Anchor, "shared");
            return stem + char.ToUpperInvariant(attribute[0]) + attribute[1..];
        }

        return attribute;
    }

    /// <summary>
    /// Declares a variable for each value that stands in two places or more (counting a value inside another shared
    /// value once), longest first, and names it there instead.
    /// </summary>
    private void Hoist()
    {
        var hoisted = new List<(Shared Representative, string Key)>();
        foreach (var group in _shared.GroupBy(s => s.Value.Key(), StringComparer.Ordinal).OrderByDescending(g => g.Key.Length))
        {
            var members = group.ToList();
            var places = members.Count(m => Ancestors(m).All(a => a.Variable is null || ReferenceEquals(a, Representative(a, hoisted))));
            var worth = members.Exists(m => m.Anchored) || group.Key.Length >= 24;
            if (places < 2 || !worth || group.Key.Length == 0)
            {
                continue;
            }

            var representative = members[0];
            var name = Unique(representative.Name);
            foreach (var member in members)
            {
                member.Variable = name;
            }

            hoisted.Add((representative, group.Key));
        }

        // Declared before the steps, inner values before the values that use them.
        var declared = new HashSet<Shared>(ReferenceEqualityComparer.Instance);
        var shared = new List<Declaration>();
        void Declare(Shared value)
        {
            if (!declared.Add(value))
            {
                return;
            }

            foreach (var (inner, _) in hoisted.Where(h => Ancestors(h.Representative).Contains(value)))
            {
                Declare(inner);
            }

            // A creation is declared with var and its type written out; other values with the attribute's type.
            shared.Add(value.Value is Init init
                ? new Declaration(value.Variable!, init.Typed(), [], -1)
                : new Declaration(value.Variable!, value.Value, [], -1) { Type = value.Type });
        }

        foreach (var (representative, _) in hoisted.OrderBy(h => _shared.IndexOf(h.Representative)))
        {
            Declare(representative);
        }

        _declarations.InsertRange(0, shared);
    }

    private static Shared Representative(Shared shared, List<(Shared Representative, string Key)> hoisted) =>
        hoisted.FirstOrDefault(h => h.Representative.Variable == shared.Variable).Representative;

    private IEnumerable<Shared> Ancestors(Shared shared)
    {
        for (var parent = _parents.GetValueOrDefault(shared); parent is not null; parent = _parents.GetValueOrDefault(parent))
        {
            yield return parent;
        }
    }

    private string Unique(string stem)
    {
        var name = stem;
        for (var n = 2; !_names.Add(name); n++)
        {
            name = stem + n.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    // ---- script -------------------------------------------------------------------------------------

    private string Render(string file, string script, List<string> roots)
    {
        var text = new StringBuilder();
        text.Append("#r \"nuget: Buildkite.Dsl, ").Append(PackageResolver.DslVersion).Append("\"\n");
        text.Append("// Imported from ").Append(file).Append(" by buildkite-dsl import. Review it, then check that it means the same:\n");
        text.Append("//   buildkite-dsl diff ").Append(file).Append(' ').Append(script).Append('\n');
        foreach (var note in _notes)
        {
            text.Append("// ").Append(note).Append('\n');
        }

        var header = _comments.Take(CommentIndex.Header);
        if (header.Count > 0)
        {
            text.Append("//\n");
            foreach (var comment in header)
            {
                text.Append("// ").Append(comment).Append('\n');
            }
        }

        if (_usesJson)
        {
            text.Append("using System.Text.Json.Nodes;\n");
        }

        if (_usesRegex)
        {
            text.Append("using System.Text.RegularExpressions;\n");
        }

        text.Append("using Buildkite.Dsl;\n");
        if (_usesPlugins)
        {
            text.Append("using Buildkite.Dsl.Plugins;\n");
        }

        if (_uploads.Count > 0)
        {
            text.Append("\n// Upload-time values: buildkite-agent substitutes them when it uploads the pipeline.\n");
            foreach (var (name, variable) in _uploads)
            {
                text.Append("var ").Append(variable).Append(" = Env.Upload(").Append(Literals.Quote(name)).Append(");\n");
            }
        }

        foreach (var declaration in Ordered())
        {
            text.Append('\n');
            foreach (var comment in declaration.Comments)
            {
                text.Append("// ").Append(comment).Append('\n');
            }

            var prefix = (declaration.Type ?? "var") + " " + declaration.Name + " =";
            text.Append(prefix);
            if (Init.IsCollectionExpression(declaration.Value) && !(declaration.Value.Inline() is { } line && prefix.Length + 1 + line.Length <= Code.Width))
            {
                text.Append('\n');
                Init.Expand(declaration.Value, text, string.Empty);
            }
            else
            {
                text.Append(' ');
                Code.Write(text, declaration.Value, string.Empty, prefix.Length + 1);
            }

            text.Append(";\n");
        }

        text.Append('\n');
        foreach (var comment in _comments.TakeRest())
        {
            text.Append("// ").Append(comment).Append('\n');
        }

        text.Append(roots.Count == 1
            ? $"Console.Write({roots[0]}.ToYaml());\n"
            : $"Console.Write(new PipelineUploads {{ Pipelines = [{string.Join(", ", roots)}] }}.ToYaml());\n");
        return text.ToString();
    }

    /// <summary>Shared values first, then the steps, each after the steps it names, in pipeline order otherwise; the pipelines last.</summary>
    private List<Declaration> Ordered()
    {
        var shared = _declarations.Where(d => d.Step is null && d.Order < 0).ToList();
        var steps = _declarations.Where(d => d.Step is not null).OrderBy(d => d.Order).ToList();
        var pipelines = _declarations.Where(d => d.Step is null && d.Order >= 0).ToList();
        var byName = steps.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var ordered = new List<Declaration>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        void Visit(Declaration declaration)
        {
            if (state.TryGetValue(declaration.Name, out var visited))
            {
                return;
            }

            state[declaration.Name] = 1;
            foreach (var reference in References(declaration.Value).Where(byName.ContainsKey))
            {
                if (state.GetValueOrDefault(reference) == 1)
                {
                    continue;
                }

                Visit(byName[reference]);
            }

            state[declaration.Name] = 2;
            ordered.Add(declaration);
        }

        foreach (var step in steps)
        {
            Visit(step);
        }

        return [.. shared, .. ordered, .. pipelines];
    }

    private static IEnumerable<string> References(Code code) => code switch
    {
        Init init => init.Members.SelectMany(m => References(m.Value)),
        Collection collection => collection.Items.SelectMany(i => References(i.Value)),
        Shared shared => shared.Variable is null ? References(shared.Value) : [],
        StepReference reference => reference.Inline() is { } name ? [name] : [],
        DependencyCode dependency => References(dependency.Target),
        Call call => call.Arguments.SelectMany(References),
        _ => [],
    };

    private string Target(string path) => $"{_document}:{path}";

    private static Node? RawStep(Node root, int index, int? child)
    {
        var steps = root switch
        {
            MappingNode map => map["steps"] as SequenceNode,
            SequenceNode list => list,
            _ => null,
        };
        if (steps is null || index >= steps.Items.Count)
        {
            return null;
        }

        var step = steps.Items[index];
        if (child is null)
        {
            return step;
        }

        return AttributesOf(step)?["steps"] is SequenceNode children && child < children.Items.Count ? children.Items[child.Value] : null;
    }

    private sealed record Declaration(string Name, Code Value, List<string> Comments, int Order)
    {
        public Step? Step { get; init; }

        public string? Path { get; init; }

        public string? Type { get; init; }
    }
}
