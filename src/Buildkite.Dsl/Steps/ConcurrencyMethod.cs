namespace Buildkite.Dsl;

/// <summary>
/// The order in which jobs of a concurrency group start (<c>concurrency_method</c>).
/// </summary>
/// <seealso href="https://buildkite.com/docs/pipelines/configure/workflows/controlling-concurrency"/>
public enum ConcurrencyMethod
{
    /// <summary>Jobs start in the order they were created (<c>ordered</c>), Buildkite's default.</summary>
    Ordered,

    /// <summary>Jobs start as soon as a slot is free, in any order (<c>eager</c>).</summary>
    Eager,
}
