using System.Collections.ObjectModel;
using System.Text.Json.Nodes;

namespace Buildkite.Dsl;

/// <summary>Shared empty values and Buildkite's documented defaults and limits.</summary>
internal static class StepDefaults
{
    /// <summary>An empty, read-only string map, the default of every <c>env</c>-like property.</summary>
    public static readonly IReadOnlyDictionary<string, string> EmptyMap = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>An empty escape hatch.</summary>
    public static readonly IReadOnlyDictionary<string, JsonNode?> EmptyExtra = ReadOnlyDictionary<string, JsonNode?>.Empty;

    /// <summary>The longest key Buildkite accepts.</summary>
    public const int MaxKeyLength = 100;

    /// <summary>The longest <c>skip</c> reason Buildkite accepts.</summary>
    public const int MaxSkipReasonLength = 70;

    /// <summary>Automatic retries when a rule gives no <c>limit</c>.</summary>
    public const int AutomaticRetryLimit = 2;

    /// <summary>The largest automatic retry <c>limit</c>.</summary>
    public const int MaxAutomaticRetryLimit = 10;

    /// <summary>Jobs one pipeline upload may create.</summary>
    public const int MaxJobsPerUpload = 500;

    /// <summary>Jobs one matrix step may create.</summary>
    public const int MaxMatrixJobs = 50;

    /// <summary>Dimensions of one matrix.</summary>
    public const int MaxMatrixDimensions = 6;

    /// <summary>Values in one matrix dimension.</summary>
    public const int MaxMatrixElementsPerDimension = 25;

    /// <summary>Adjustments of one matrix.</summary>
    public const int MaxMatrixAdjustments = 12;
}
