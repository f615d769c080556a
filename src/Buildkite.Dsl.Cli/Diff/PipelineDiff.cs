using System.Globalization;
using System.Text.Json.Nodes;
using Buildkite.Dsl.Cli.Meaning;

namespace Buildkite.Dsl.Cli.Diff;

/// <summary>One attribute that differs: its path inside the step (<c>retry.automatic[0].limit</c>) and both values.</summary>
/// <param name="Path">The attribute's path.</param>
/// <param name="Before">The old value; <see cref="HasBefore"/> says whether there was one.</param>
/// <param name="After">The new value; <see cref="HasAfter"/> says whether there is one.</param>
/// <param name="HasBefore">Whether the attribute was there before.</param>
/// <param name="HasAfter">Whether the attribute is there after.</param>
internal sealed record AttributeChange(string Path, JsonNode? Before, JsonNode? After, bool HasBefore, bool HasAfter);

/// <summary>What happened to a step.</summary>
internal enum StepChangeKind
{
    Changed,
    Added,
    Removed,
}

/// <summary>A step that differs: added, removed, or changed (attributes, place).</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Before">The step in the first pipeline, unless added.</param>
/// <param name="After">The step in the second pipeline, unless removed.</param>
/// <param name="Attributes">The attributes that differ, for a changed step.</param>
/// <param name="Moved">Where the step was before, when it moved; <see langword="null"/> when it kept its place.</param>
internal sealed record StepChange(StepChangeKind Kind, AgentStep? Before, AgentStep? After, IReadOnlyList<AttributeChange> Attributes, string? Moved)
{
    /// <summary>The step as the report names it: its place in the pipeline it is in, and its key or label.</summary>
    public string Title
    {
        get
        {
            var step = After ?? Before!;
            return $"{step.Path} ({step.Describe()})";
        }
    }
}

/// <summary>The differences between two uploads (YAML documents) of two pipelines.</summary>
/// <param name="Upload">The upload's index, for outputs of several documents.</param>
/// <param name="Settings">Differences of the pipeline's own attributes.</param>
/// <param name="Steps">Step differences, in the order of the second pipeline.</param>
/// <param name="Presence">"added" or "removed" when the upload exists on one side only.</param>
internal sealed record UploadDifference(int Upload, IReadOnlyList<AttributeChange> Settings, IReadOnlyList<StepChange> Steps, string? Presence);

/// <summary>
/// Compares two pipelines by meaning, as <see cref="AgentPipelineReader"/> reads them: steps are matched by key,
/// else by type, label and order among the steps of the same list, else by type and position; matched steps are
/// compared attribute by attribute.
/// </summary>
internal static class PipelineDiff
{
    public static List<UploadDifference> Compare(IReadOnlyList<AgentPipeline> before, IReadOnlyList<AgentPipeline> after)
    {
        var result = new List<UploadDifference>();
        for (var i = 0; i < Math.Max(before.Count, after.Count); i++)
        {
            if (i >= before.Count)
            {
                result.Add(new UploadDifference(i, [], after[i].AllSteps().Select(s => Added(s)).ToList(), "added"));
            }
            else if (i >= after.Count)
            {
                result.Add(new UploadDifference(i, [], before[i].AllSteps().Select(s => Removed(s)).ToList(), "removed"));
            }
            else
            {
                var upload = CompareUpload(i, before[i], after[i]);
                if (upload.Settings.Count > 0 || upload.Steps.Count > 0)
                {
                    result.Add(upload);
                }
            }
        }

        return result;
    }

    private static StepChange Added(AgentStep step) => new(StepChangeKind.Added, null, step, [], null);

    private static StepChange Removed(AgentStep step) => new(StepChangeKind.Removed, step, null, [], null);

    private static UploadDifference CompareUpload(int index, AgentPipeline before, AgentPipeline after)
    {
        var settings = new List<AttributeChange>();
        CompareSettings(before.Settings, after.Settings, settings);

        var matches = Match(before, after);
        var beforeOrder = before.AllSteps().Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        var moved = Moved(matches, beforeOrder, after);
        var byAfter = matches.ToDictionary(m => m.After, m => m.Before);
        var matchedBefore = matches.Select(m => m.Before).ToHashSet();

        var steps = new List<StepChange>();
        var removed = before.AllSteps().Where(s => !matchedBefore.Contains(s)).ToList();
        var nextRemoved = 0;
        var afterSteps = after.AllSteps().ToList();
        for (var position = 0; position < afterSteps.Count; position++)
        {
            // Removed steps are listed where they stood: before the first step that came after them.
            var following = afterSteps.Skip(position).FirstOrDefault(byAfter.ContainsKey);
            var at = following is null ? int.MaxValue : beforeOrder[byAfter[following]];
            while (nextRemoved < removed.Count && beforeOrder[removed[nextRemoved]] < at)
            {
                steps.Add(Removed(removed[nextRemoved++]));
            }

            var step = afterSteps[position];
            if (!byAfter.TryGetValue(step, out var old))
            {
                steps.Add(Added(step));
                continue;
            }

            var changes = new List<AttributeChange>();
            CompareNodes(string.Empty, old.Attributes, true, step.Attributes, true, changes);
            var place = moved.Contains(step) || !SameParent(old, step, byAfter) ? old.Path : null;
            if (changes.Count > 0 || place is not null)
            {
                steps.Add(new StepChange(StepChangeKind.Changed, old, step, changes, place));
            }
        }

        while (nextRemoved < removed.Count)
        {
            steps.Add(Removed(removed[nextRemoved++]));
        }

        return new UploadDifference(index, settings, steps, null);
    }

    private static bool SameParent(AgentStep before, AgentStep after, Dictionary<AgentStep, AgentStep> byAfter) =>
        after.Parent is null ? before.Parent is null : byAfter.TryGetValue(after.Parent, out var parent) && ReferenceEquals(parent, before.Parent);

    /// <summary>Pairs the steps of both pipelines.</summary>
    private static List<(AgentStep Before, AgentStep After)> Match(AgentPipeline before, AgentPipeline after)
    {
        var pairs = new List<(AgentStep Before, AgentStep After)>();
        var usedBefore = new HashSet<AgentStep>();
        var usedAfter = new HashSet<AgentStep>();

        // Keys are unique across a build: a keyed step is the same step wherever it moved.
        var keyed = after.AllSteps().Where(s => s.Key is not null).GroupBy(s => s.Key!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var step in before.AllSteps().Where(s => s.Key is not null))
        {
            if (keyed.TryGetValue(step.Key!, out var match) && usedAfter.Add(match))
            {
                usedBefore.Add(step);
                pairs.Add((step, match));
            }
        }

        MatchLists(before.Steps, after.Steps, pairs, usedBefore, usedAfter);
        return pairs;
    }

    private static void MatchLists(List<AgentStep> before, List<AgentStep> after, List<(AgentStep Before, AgentStep After)> pairs, HashSet<AgentStep> usedBefore, HashSet<AgentStep> usedAfter)
    {
        // Unkeyed steps: the n-th step of a type and label in one list is the n-th in the other.
        static string Identity(AgentStep step) => step.Type + "\u0000" + (step.Label ?? string.Empty);
        var waiting = after.Where(s => !usedAfter.Contains(s)).GroupBy(Identity, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<AgentStep>(g), StringComparer.Ordinal);
        // A step whose key was added, removed or renamed is found this way too.
        foreach (var step in before.Where(s => !usedBefore.Contains(s)))
        {
            if (waiting.TryGetValue(Identity(step), out var queue) && queue.Count > 0)
            {
                var match = queue.Dequeue();
                usedBefore.Add(step);
                usedAfter.Add(match);
                pairs.Add((step, match));
            }
        }

        // Then a step whose label changed, at the same position, of the same type, and alike in most other attributes.
        foreach (var step in before.Where(s => !usedBefore.Contains(s)))
        {
            if (step.Index < after.Count && after[step.Index] is { } candidate && candidate.Type == step.Type && !usedAfter.Contains(candidate)
                && Similarity(step, candidate) >= 0.5)
            {
                usedBefore.Add(step);
                usedAfter.Add(candidate);
                pairs.Add((step, candidate));
            }
        }

        foreach (var (old, current) in pairs.ToList())
        {
            if (old.Type == "group" && current.Type == "group" && before.Contains(old) && after.Contains(current))
            {
                MatchLists(old.Steps, current.Steps, pairs, usedBefore, usedAfter);
            }
        }
    }

    /// <summary>The share of attributes, label aside, that two steps have with equal values.</summary>
    private static double Similarity(AgentStep before, AgentStep after)
    {
        var names = before.Attributes.Select(p => p.Key).Union(after.Attributes.Select(p => p.Key)).Where(n => n != "label").ToList();
        if (names.Count == 0)
        {
            return 1;
        }

        var same = names.Count(n => before.Attributes.TryGetPropertyValue(n, out var a) && after.Attributes.TryGetPropertyValue(n, out var b) && JsonNode.DeepEquals(a, b));
        return (double)same / names.Count;
    }

    /// <summary>The matched steps whose order relative to the other matched steps changed (not on a longest common order).</summary>
    private static HashSet<AgentStep> Moved(List<(AgentStep Before, AgentStep After)> matches, Dictionary<AgentStep, int> beforeOrder, AgentPipeline after)
    {
        var afterOrder = after.AllSteps().Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        var sequence = matches.OrderBy(m => beforeOrder[m.Before]).Select(m => (Step: m.After, Position: afterOrder[m.After])).ToList();

        // Longest increasing subsequence of the positions in the second pipeline.
        var length = new int[sequence.Count];
        var previous = new int[sequence.Count];
        var best = -1;
        for (var i = 0; i < sequence.Count; i++)
        {
            length[i] = 1;
            previous[i] = -1;
            for (var j = 0; j < i; j++)
            {
                if (sequence[j].Position < sequence[i].Position && length[j] + 1 > length[i])
                {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }

            if (best < 0 || length[i] > length[best])
            {
                best = i;
            }
        }

        var kept = new HashSet<AgentStep>();
        for (var i = best; i >= 0; i = previous[i])
        {
            kept.Add(sequence[i].Step);
        }

        return sequence.Select(s => s.Step).Where(s => !kept.Contains(s)).ToHashSet();
    }

    /// <summary>The pipeline's own attributes; <c>env</c> by entry, and its order, which matters at upload.</summary>
    private static void CompareSettings(JsonObject before, JsonObject after, List<AttributeChange> changes)
    {
        foreach (var name in before.Select(p => p.Key).Union(after.Select(p => p.Key)).Order(StringComparer.Ordinal))
        {
            var hasBefore = before.TryGetPropertyValue(name, out var old);
            var hasAfter = after.TryGetPropertyValue(name, out var current);
            if (name == "env" && old is JsonArray oldEnv && current is JsonArray newEnv)
            {
                var oldPairs = Pairs(oldEnv);
                var newPairs = Pairs(newEnv);
                var oldMap = new JsonObject(oldPairs.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
                var newMap = new JsonObject(newPairs.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
                CompareNodes("env", oldMap, true, newMap, true, changes);
                var oldKeys = oldPairs.Select(p => p.Key).Where(k => newMap.ContainsKey(k)).ToList();
                var newKeys = newPairs.Select(p => p.Key).Where(k => oldMap.ContainsKey(k)).ToList();
                if (!oldKeys.SequenceEqual(newKeys, StringComparer.Ordinal))
                {
                    changes.Add(new AttributeChange(
                        "env (order)",
                        new JsonArray(oldKeys.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()),
                        new JsonArray(newKeys.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()),
                        true,
                        true));
                }

                continue;
            }

            CompareNodes(name, old, hasBefore, current, hasAfter, changes);
        }
    }

    private static List<KeyValuePair<string, JsonNode?>> Pairs(JsonArray env)
    {
        var pairs = new List<KeyValuePair<string, JsonNode?>>();
        foreach (var entry in env.OfType<JsonObject>().SelectMany(e => e))
        {
            pairs.RemoveAll(p => p.Key == entry.Key);
            pairs.Add(KeyValuePair.Create(entry.Key, entry.Value));
        }

        return pairs;
    }

    /// <summary>Compares two values and records the smallest differing parts: map entries, list items, whole scalars.</summary>
    internal static void CompareNodes(string path, JsonNode? before, bool hasBefore, JsonNode? after, bool hasAfter, List<AttributeChange> changes)
    {
        if (hasBefore == hasAfter && JsonNode.DeepEquals(before, after))
        {
            return;
        }

        if (hasBefore && hasAfter && before is JsonObject oldMap && after is JsonObject newMap)
        {
            foreach (var name in oldMap.Select(p => p.Key).Union(newMap.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                var inOld = oldMap.TryGetPropertyValue(name, out var oldValue);
                var inNew = newMap.TryGetPropertyValue(name, out var newValue);
                CompareNodes(Join(path, name), oldValue, inOld, newValue, inNew, changes);
            }

            return;
        }

        if (hasBefore && hasAfter && before is JsonArray oldList && after is JsonArray newList
            && (oldList.Count == newList.Count || oldList.Concat(newList).Any(item => item is JsonObject or JsonArray)))
        {
            for (var i = 0; i < Math.Max(oldList.Count, newList.Count); i++)
            {
                CompareNodes(
                    path + string.Create(CultureInfo.InvariantCulture, $"[{i}]"),
                    i < oldList.Count ? oldList[i] : null,
                    i < oldList.Count,
                    i < newList.Count ? newList[i] : null,
                    i < newList.Count,
                    changes);
            }

            return;
        }

        changes.Add(new AttributeChange(path, before, after, hasBefore, hasAfter));
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
