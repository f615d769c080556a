using System.Globalization;
using System.Text;
using Buildkite.Dsl.Serialization;

namespace Buildkite.Dsl.Validation.Rules;

/// <summary>
/// Checks <c>depends_on</c>: every key exists in the build (BKD110), no step depends on itself (BKD112), no
/// upload depends on a later one (BKD122), and no chain of waits loops (BKD111).
/// </summary>
/// <remarks>
/// <para>
/// The cycle check follows every way a step waits for another, because any of them can close a loop:
/// <c>depends_on</c>; a <c>wait</c> or <c>block</c> step, which waits for every step before it and holds back
/// every later step that has no <c>depends_on</c>; and a group, which starts when its own dependencies are met
/// and finishes when its steps do. A step with <c>depends_on</c> ignores waits, as Buildkite documents; an
/// input step neither waits nor holds back.
/// </para>
/// <para>
/// The graph has one node per step plus one per group (its start), and its edges are the dependencies plus
/// at most two per step, so building and searching it is linear. The search is iterative, so chains of any
/// length are fine.
/// </para>
/// </remarks>
internal static class DependencyRules
{
    private const int MaxSuggestions = 20;
    private const int MaxCycles = 10;
    private const int MaxCycleSteps = 12;

    public static void Check(ValidationContext context)
    {
        var graph = new Graph(context);
        var suggestions = 0;
        foreach (var step in context.Steps)
        {
            if (step.Step.DependsOn is not { } dependencies)
            {
                continue;
            }

            for (var i = 0; i < dependencies.Count; i++)
            {
                if (dependencies[i] is { } dependency && Resolve(context, step, dependency, i, ref suggestions) is { } target)
                {
                    graph.AddEdge(graph.StartOf(step), target.Index);
                }
            }
        }

        graph.AddImplicitEdges();
        graph.ReportCycles();
    }

    private static CheckedStep? Resolve(ValidationContext context, CheckedStep step, Dependency dependency, int index, ref int suggestions)
    {
        string Field() => string.Create(CultureInfo.InvariantCulture, $"depends_on[{index}]");
        CheckedStep? target = null;
        var key = dependency.Key;
        if (dependency.Step is { } stepObject)
        {
            if (!context.StepsByObject.TryGetValue(stepObject, out target))
            {
                key = stepObject.Key;
                if (key is null)
                {
                    return null; // BKD113, reported when the pipeline was written.
                }
            }
        }

        if (target is null && key is not null && !context.StepsByKey.TryGetValue(key, out target))
        {
            if (!context.ExternalKeys.Contains(key))
            {
                var nearest = suggestions++ < MaxSuggestions ? Suggestions.Nearest(key, context.StepsByKey.Keys) : null;
                context.Error(step, Field(), DiagnosticCodes.UnknownDependency,
                    $"depends_on names the key '{StepNames.Visible(key)}', which no step of this pipeline has; Buildkite fails the build when a dependency does not exist.",
                    (nearest is null ? string.Empty : $"Did you mean '{StepNames.Visible(nearest)}'? ")
                        + "If another upload adds that step, declare its key in Pipeline.ExternalKeys.");
            }

            return null;
        }

        if (target is null)
        {
            return null;
        }

        if (ReferenceEquals(target.Step, step.Step))
        {
            context.Error(step, Field(), DiagnosticCodes.SelfDependency,
                "The step depends on itself, so it can never start.",
                "Remove this entry from DependsOn.");
            return null;
        }

        if (target.Upload > step.Upload)
        {
            context.Error(step, Field(), DiagnosticCodes.DependencyOnLaterUpload,
                string.Create(CultureInfo.InvariantCulture, $"depends_on names {target.Name()}, which upload {target.Upload + 1} adds; the agent sends the uploads in order, so that key does not exist yet when upload {step.Upload + 1} arrives."),
                "Move the step it depends on into an earlier upload, or this step into a later one.");
            return null;
        }

        return target;
    }

    /// <summary>Who waits for whom: an edge from a node to a node it waits for.</summary>
    private sealed class Graph
    {
        private readonly ValidationContext _context;
        private readonly int[] _startOf;
        private readonly List<CheckedStep> _groupOfStart = [];
        // Edges as two lists of ints rather than a list of tuples: List<int> is ahead-of-time compiled, List<(int, int)> is not.
        private readonly List<int> _edgeFrom;
        private readonly List<int> _edgeTo;

        public Graph(ValidationContext context)
        {
            _context = context;
            var steps = context.Steps;
            _startOf = new int[steps.Count];
            for (var i = 0; i < steps.Count; i++)
            {
                if (steps[i].Step is GroupStep)
                {
                    _startOf[i] = steps.Count + _groupOfStart.Count;
                    _groupOfStart.Add(steps[i]);
                }
                else
                {
                    _startOf[i] = i;
                }
            }

            _edgeFrom = new List<int>(steps.Count * 2);
            _edgeTo = new List<int>(steps.Count * 2);
        }

        private int NodeCount => _startOf.Length + _groupOfStart.Count;

        /// <summary>The node a step's own dependencies start from: for a group its start, else the step.</summary>
        public int StartOf(CheckedStep step) => _startOf[step.Index];

        public void AddEdge(int from, int to)
        {
            _edgeFrom.Add(from);
            _edgeTo.Add(to);
        }

        /// <summary>Adds the waits that wait, block and group steps imply, upload by upload and group by group.</summary>
        public void AddImplicitEdges()
        {
            var sequence = new List<CheckedStep>();
            var upload = -1;
            foreach (var step in _context.Steps)
            {
                if (step.Group is not null)
                {
                    continue;
                }

                if (step.Upload != upload)
                {
                    AddBarrierEdges(sequence);
                    sequence.Clear();
                    upload = step.Upload;
                }

                sequence.Add(step);
            }

            AddBarrierEdges(sequence);

            CheckedStep? group = null;
            sequence.Clear();
            foreach (var step in _context.Steps)
            {
                if (step.Group is null)
                {
                    continue;
                }

                if (!ReferenceEquals(step.Group, group))
                {
                    AddBarrierEdges(sequence);
                    sequence.Clear();
                    group = step.Group;
                }

                // A group finishes when its steps do; its steps start when the group does.
                AddEdge(step.Group.Index, step.Index);
                AddEdge(StartOf(step), StartOf(step.Group));
                sequence.Add(step);
            }

            AddBarrierEdges(sequence);
        }

        private void AddBarrierEdges(List<CheckedStep> sequence)
        {
            CheckedStep? barrier = null;
            var since = new List<CheckedStep>();
            foreach (var step in sequence)
            {
                if (step.Step is InputStep)
                {
                    continue;
                }

                var implicitWaits = step.Step.DependsOn is null;
                if (step.Step is WaitStep or BlockStep)
                {
                    if (implicitWaits)
                    {
                        foreach (var before in since)
                        {
                            AddEdge(step.Index, before.Index);
                        }

                        if (barrier is not null)
                        {
                            AddEdge(step.Index, barrier.Index);
                        }
                    }

                    barrier = step;
                    since.Clear();
                    continue;
                }

                if (implicitWaits && barrier is not null)
                {
                    AddEdge(StartOf(step), barrier.Index);
                }

                since.Add(step);
            }
        }

        /// <summary>Finds cycles with an iterative depth-first search and reports each once.</summary>
        public void ReportCycles()
        {
            var count = NodeCount;
            var firstEdge = new int[count + 1];
            foreach (var from in _edgeFrom)
            {
                firstEdge[from + 1]++;
            }

            for (var i = 0; i < count; i++)
            {
                firstEdge[i + 1] += firstEdge[i];
            }

            var targets = new int[_edgeFrom.Count];
            var fill = (int[])firstEdge.Clone();
            for (var e = 0; e < _edgeFrom.Count; e++)
            {
                targets[fill[_edgeFrom[e]]++] = _edgeTo[e];
            }

            var state = new byte[count]; // 0 unvisited, 1 on the stack, 2 done
            var positionOnStack = new int[count];
            var inReportedCycle = new bool[count];
            var stackNode = new int[count];
            var stackNext = new int[count];
            var depth = 0;
            var reported = 0;
            for (var root = 0; root < count && reported < MaxCycles; root++)
            {
                if (state[root] != 0)
                {
                    continue;
                }

                stackNode[0] = root;
                stackNext[0] = firstEdge[root];
                depth = 1;
                state[root] = 1;
                positionOnStack[root] = 0;
                while (depth > 0 && reported < MaxCycles)
                {
                    var node = stackNode[depth - 1];
                    var next = stackNext[depth - 1];
                    if (next == firstEdge[node + 1])
                    {
                        state[node] = 2;
                        depth--;
                        continue;
                    }

                    stackNext[depth - 1] = next + 1;
                    var target = targets[next];
                    if (state[target] == 0)
                    {
                        state[target] = 1;
                        positionOnStack[target] = depth;
                        stackNode[depth] = target;
                        stackNext[depth] = firstEdge[target];
                        depth++;
                    }
                    else if (state[target] == 1 && !inReportedCycle[target])
                    {
                        var cycle = new List<int>();
                        for (var i = positionOnStack[target]; i < depth; i++)
                        {
                            cycle.Add(stackNode[i]);
                            inReportedCycle[stackNode[i]] = true;
                        }

                        Report(cycle);
                        reported++;
                    }
                }
            }
        }

        private void Report(List<int> cycle)
        {
            // Start at the earliest step, so the report does not depend on where the search began.
            var steps = _context.Steps;
            var first = 0;
            for (var i = 1; i < cycle.Count; i++)
            {
                if (StepIndex(cycle[i]) < StepIndex(cycle[first]))
                {
                    first = i;
                }
            }

            var text = new StringBuilder();
            for (var i = 0; i <= cycle.Count; i++)
            {
                if (cycle.Count > MaxCycleSteps && i == MaxCycleSteps / 2)
                {
                    // A long cycle shows its start and end: the message stays readable.
                    var skipped = cycle.Count - MaxCycleSteps;
                    text.Append(CultureInfo.InvariantCulture, $" → … {skipped} more steps …");
                    i += skipped - 1;
                    continue;
                }

                var node = cycle[(first + i) % cycle.Count];
                text.Append(i == 0 ? string.Empty : " → ").Append(NameOf(node));
            }

            var owner = steps[StepIndex(cycle[first])];
            _context.Error(owner, "depends_on", DiagnosticCodes.DependencyCycle,
                $"These steps wait for each other in a cycle, so none of them can start: {text}.",
                "Each arrow means 'waits for', through depends_on, a wait or block step before it, or the group it stands in. Remove one of these dependencies.");
        }

        private int StepIndex(int node) => node < _startOf.Length ? node : _groupOfStart[node - _startOf.Length].Index;

        private string NameOf(int node) =>
            node < _startOf.Length
                ? _context.Steps[node].Name()
                : $"the start of {_groupOfStart[node - _startOf.Length].Name()}";
    }
}
