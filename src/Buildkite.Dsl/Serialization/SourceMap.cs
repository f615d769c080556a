using System.Runtime.CompilerServices;
using Buildkite.Dsl.Validation;

namespace Buildkite.Dsl.Serialization;

/// <summary>
/// Where each step and attribute of a pipeline read from YAML or JSON stands in the file, by path
/// (<c>steps[2]</c>, <c>steps[2].depends_on</c>), so checks of the model can name <c>file:line:col</c>.
/// </summary>
internal sealed class SourceMap
{
    private static readonly ConditionalWeakTable<Pipeline, SourceMap> Maps = [];
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);

    public void Add(string path, SourceLocation? location)
    {
        if (location is { } value)
        {
            _locations.TryAdd(path, value);
        }
    }

    /// <summary>The location of <paramref name="path"/>'s <paramref name="field"/>, else of the path itself.</summary>
    public SourceLocation? Find(string? path, string? field)
    {
        var prefix = string.IsNullOrEmpty(path) ? string.Empty : path;
        if (field is not null)
        {
            var full = prefix.Length == 0 ? field : prefix + "." + field;
            while (true)
            {
                if (_locations.TryGetValue(full, out var found))
                {
                    return found;
                }

                var dot = full.LastIndexOfAny(['.', '[']);
                if (dot <= prefix.Length)
                {
                    break;
                }

                full = full[..dot];
            }
        }

        return prefix.Length > 0 && _locations.TryGetValue(prefix, out var step) ? step : null;
    }

    public static void Attach(Pipeline pipeline, SourceMap map) => Maps.AddOrUpdate(pipeline, map);

    public static SourceMap? Of(Pipeline pipeline) => Maps.TryGetValue(pipeline, out var map) ? map : null;
}
