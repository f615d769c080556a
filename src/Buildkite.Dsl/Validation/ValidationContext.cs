using System.Globalization;
using Buildkite.Dsl.Serialization;

namespace Buildkite.Dsl.Validation;

/// <summary>One step of the pipeline as the checks see it: where it stands and the key it is written with.</summary>
internal sealed class CheckedStep
{
    /// <summary>The step.</summary>
    public required Step Step { get; init; }

    /// <summary>Its position among all steps of all uploads, groups before their children.</summary>
    public required int Index { get; init; }

    /// <summary>Which upload (YAML document) it belongs to, from 0.</summary>
    public required int Upload { get; init; }

    private string? _path;

    /// <summary>The path of the list it stands in: <c>steps</c>, <c>steps[2].steps</c>, <c>uploads[1].steps</c>.</summary>
    public required string ListPath { get; init; }

    /// <summary>Its position in that list.</summary>
    public required int Position { get; init; }

    /// <summary>
    /// Its place, <c>steps[2].steps[0]</c>, prefixed with <c>uploads[1].</c> in an output of several uploads; made when
    /// a diagnostic first needs it, so checking a large pipeline without problems makes no path strings.
    /// </summary>
    public string Path => _path ??= string.Create(CultureInfo.InvariantCulture, $"{ListPath}[{Position}]");

    /// <summary>The group it stands in, if any.</summary>
    public CheckedStep? Group { get; init; }

    /// <summary>The node the step is written as, when it is a map.</summary>
    public MappingNode? Node { get; init; }

    /// <summary>The key it is written with: its own, or the one the writer derives because another step depends on it.</summary>
    public string? Key { get; init; }

    /// <summary>The step as people know it: <c>key 'unit'</c>, <c>label 'Unit tests'</c>, <c>wait step</c>.</summary>
    public string Describe() => StepNames.Describe(Step);

    /// <summary>The place and the name together, for messages: <c>steps[2] (key 'unit')</c>.</summary>
    public string Name() => $"{Path} ({Describe()})";
}

/// <summary>
/// What every check needs: the steps in order, the keys written, the keys declared external, and the list
/// the problems go to. Built once per validation in time linear in the number of steps.
/// </summary>
internal sealed class ValidationContext
{
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, int> _order = new(StringComparer.Ordinal);

    // After a streamed write there is no tree: derived keys and the nodes checks need come from the mapper.
    private readonly StepMapper? _streamed;

    public ValidationContext(IReadOnlyList<Pipeline> uploads, IReadOnlyList<MappingNode> roots)
        : this(uploads, roots, null)
    {
    }

    /// <summary>The context of a pipeline written step by step (<see cref="StepMapper.WriteYaml"/>).</summary>
    public ValidationContext(Pipeline pipeline, StepMapper streamed)
        : this([pipeline], [], streamed)
    {
    }

    private ValidationContext(IReadOnlyList<Pipeline> uploads, IReadOnlyList<MappingNode> roots, StepMapper? streamed)
    {
        _streamed = streamed;
        Uploads = uploads;
        IsSplit = uploads.Count > 1;
        var count = 0;
        foreach (var pipeline in uploads)
        {
            count += pipeline.Steps.Count;
        }

        Steps = new List<CheckedStep>(count);
        StepsByKey = new Dictionary<string, CheckedStep>(count, StringComparer.Ordinal);
        for (var upload = 0; upload < uploads.Count; upload++)
        {
            var pipeline = uploads[upload];
            foreach (var key in pipeline.ExternalKeys ?? [])
            {
                if (!string.IsNullOrEmpty(key))
                {
                    ExternalKeys.Add(key);
                }
            }

            var list = IsSplit ? string.Create(CultureInfo.InvariantCulture, $"uploads[{upload}].steps") : "steps";
            var written = upload < roots.Count ? roots[upload]["steps"] as SequenceNode : null;
            for (var i = 0; i < pipeline.Steps.Count; i++)
            {
                var node = written is not null && i < written.Items.Count ? written.Items[i] : null;
                var placed = Add(pipeline.Steps[i], node, upload, list, i, null);
                if (placed?.Step is GroupStep group)
                {
                    var children = group.Steps ?? [];
                    var childNodes = (node as MappingNode)?["steps"] as SequenceNode;
                    var childList = placed.Path + ".steps";
                    for (var j = 0; j < children.Count; j++)
                    {
                        var childNode = childNodes is not null && j < childNodes.Items.Count ? childNodes.Items[j] : null;
                        Add(children[j], childNode, upload, childList, j, placed);
                    }
                }
            }
        }
    }

    /// <summary>The pipelines written, one per YAML document.</summary>
    public IReadOnlyList<Pipeline> Uploads { get; }

    /// <summary>Whether the output has several uploads (YAML documents).</summary>
    public bool IsSplit { get; }

    /// <summary>Every step of every upload, in order, groups before their children; null entries are left out.</summary>
    public List<CheckedStep> Steps { get; }

    /// <summary>The first step written with each key.</summary>
    public Dictionary<string, CheckedStep> StepsByKey { get; }

    private Dictionary<Step, CheckedStep>? _stepsByObject;

    /// <summary>Where each step object first stands; indexed on first use (only dependencies on step objects need it).</summary>
    public Dictionary<Step, CheckedStep> StepsByObject
    {
        get
        {
            if (_stepsByObject is null)
            {
                _stepsByObject = new Dictionary<Step, CheckedStep>(Steps.Count, ReferenceEqualityComparer.Instance);
                foreach (var step in Steps)
                {
                    _stepsByObject.TryAdd(step.Step, step);
                }
            }

            return _stepsByObject;
        }
    }

    /// <summary>Keys of steps uploaded elsewhere in the build, from every upload's <see cref="Pipeline.ExternalKeys"/>.</summary>
    public HashSet<string> ExternalKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>The problems found by the checks, in the order found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>The <c>Path</c> of a pipeline-level diagnostic: none for one upload, <c>uploads[1]</c> for several.</summary>
    public string? PipelinePath(int upload) =>
        IsSplit ? string.Create(CultureInfo.InvariantCulture, $"uploads[{upload}]") : null;

    public void Error(CheckedStep step, string? field, string code, string message, string? help) =>
        Report(DiagnosticSeverity.Error, step.Path, step.Describe(), field, code, message, help);

    public void Warning(CheckedStep step, string? field, string code, string message, string? help) =>
        Report(DiagnosticSeverity.Warning, step.Path, step.Describe(), field, code, message, help);

    public void PipelineError(int upload, string? field, string code, string message, string? help) =>
        Report(DiagnosticSeverity.Error, PipelinePath(upload), null, field, code, message, help);

    public void PipelineWarning(int upload, string? field, string code, string message, string? help) =>
        Report(DiagnosticSeverity.Warning, PipelinePath(upload), null, field, code, message, help);

    private void Report(DiagnosticSeverity severity, string? path, string? step, string? field, string code, string message, string? help) =>
        _diagnostics.Add(new Diagnostic
        {
            Code = code,
            Severity = severity,
            Message = message,
            Path = path,
            Step = step,
            Field = field,
            Help = help,
        });

    /// <summary>
    /// Where a diagnostic's <c>Path</c> stands in the output, for sorting problems into pipeline order:
    /// -1 for the pipeline of a single upload, else the position of the upload or step.
    /// </summary>
    public int OrderOf(string? path)
    {
        if (path is null)
        {
            return -1;
        }

        if (_order.Count == 0)
        {
            FillOrder();
        }

        while (true)
        {
            if (_order.TryGetValue(path, out var order))
            {
                return order;
            }

            var dot = path.LastIndexOf('.');
            if (dot < 0)
            {
                return int.MaxValue;
            }

            path = path[..dot];
        }
    }

    /// <summary>
    /// Numbers every place in output order (an upload, then its steps, groups before their children, null entries
    /// too): done only when there are problems to sort.
    /// </summary>
    private void FillOrder()
    {
        for (var upload = 0; upload < Uploads.Count; upload++)
        {
            if (PipelinePath(upload) is { } uploadPath)
            {
                _order[uploadPath] = _order.Count;
            }

            var prefix = IsSplit ? string.Create(CultureInfo.InvariantCulture, $"uploads[{upload}].") : string.Empty;
            var steps = Uploads[upload].Steps;
            for (var i = 0; i < steps.Count; i++)
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"{prefix}steps[{i}]");
                _order.TryAdd(path, _order.Count);
                if (steps[i] is GroupStep group)
                {
                    var children = group.Steps ?? [];
                    for (var j = 0; j < children.Count; j++)
                    {
                        _order.TryAdd(string.Create(CultureInfo.InvariantCulture, $"{path}.steps[{j}]"), _order.Count);
                    }
                }
            }
        }
    }

    private CheckedStep? Add(Step? step, Node? node, int upload, string list, int position, CheckedStep? group)
    {
        if (step is null)
        {
            return null;
        }

        var key = step.Key;
        if (_streamed is not null)
        {
            key ??= _streamed.DerivedKey(step);
            node ??= _streamed.RetainedNode(step);
        }
        else if (key is null && node is MappingNode map && map["key"] is ScalarNode written)
        {
            // A key the writer derived from the label: letters, digits and '_' only, so its written text is its model text.
            key = written.Text;
        }

        var placed = new CheckedStep
        {
            Step = step,
            Index = Steps.Count,
            Upload = upload,
            ListPath = list,
            Position = position,
            Group = group,
            Node = node as MappingNode,
            Key = key,
        };
        Steps.Add(placed);
        if (key is not null)
        {
            StepsByKey.TryAdd(key, placed);
        }

        return placed;
    }
}
