using System.Text.Json.Nodes;

namespace Buildkite.Dsl;

/// <summary>
/// A step of a pipeline: <see cref="CommandStep"/>, <see cref="WaitStep"/>, <see cref="BlockStep"/>,
/// <see cref="InputStep"/>, <see cref="TriggerStep"/> or <see cref="GroupStep"/>.
/// </summary>
/// <remarks>
/// The attributes here apply to every step type. The set of step types is closed: Buildkite knows no
/// others.
/// </remarks>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/step-types"/>
public abstract record Step
{
    private protected Step()
    {
    }

    /// <summary>A wait step with no attributes (<c>- wait</c>): later steps start when earlier ones pass.</summary>
    public static WaitStep Wait { get; } = new();

    /// <summary>
    /// The step's unique name within the build (<c>key</c>), which <c>depends_on</c> refers to.
    /// </summary>
    /// <value>
    /// The default is <see langword="null"/>: no key, unless another step depends on this step object, in
    /// which case the writer derives one from the label.
    /// </value>
    /// <remarks>
    /// At most 100 characters of <c>A–Z a–z 0–9 _ - : $ { } . ,</c>, not shaped like a UUID, and unique across
    /// the build, including earlier uploads (checks BKD101–BKD104).
    /// </remarks>
    public string? Key { get; init; }

    /// <summary>
    /// The steps this step waits for (<c>depends_on</c>), as step objects or keys.
    /// </summary>
    /// <value>
    /// The default is <see langword="null"/>: not written, and the step waits for the previous <c>wait</c>
    /// or <c>block</c>. An empty list is written as <c>depends_on: []</c>: the step starts at once,
    /// ignoring waits.
    /// </value>
    /// <remarks>Every key must exist and no chain of dependencies may loop (checks BKD110–BKD113).</remarks>
    public IReadOnlyList<Dependency>? DependsOn { get; init; }

    /// <summary>Whether the step runs even when a step it depends on fails (<c>allow_dependency_failure</c>).</summary>
    /// <value>The default is <see langword="null"/>: not written; Buildkite does not run it after a failure.</value>
    public bool? AllowDependencyFailure { get; init; }

    /// <summary>
    /// The condition under which the step runs (<c>if</c>), evaluated by Buildkite at upload.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the step always runs.</value>
    /// <remarks>
    /// Build it from <see cref="Build"/>, <see cref="ThisPipeline"/> and <see cref="Organization"/>, or give the
    /// text. Not together with <c>branches</c> (check BKD203); <c>build.state</c> and <c>step.*</c> are not
    /// available here (check BKD250); malformed text is reported (check BKD251).
    /// </remarks>
    public Condition? If { get; init; }

    /// <summary>
    /// Attributes the library does not model yet, written after the modelled ones as they are, for
    /// example <c>["checkout"] = new JsonObject { ["skip"] = true }</c>.
    /// </summary>
    /// <value>The default is empty.</value>
    /// <remarks>
    /// An escape hatch: the official schema rejects attributes it does not know, so prefer a modelled
    /// property. Strings in it are literal text like everywhere else.
    /// </remarks>
    public IReadOnlyDictionary<string, JsonNode?> Extra { get; init; } = StepDefaults.EmptyExtra;
}
