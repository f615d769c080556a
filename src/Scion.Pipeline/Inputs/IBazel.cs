namespace Scion.Pipeline;

/// <summary>The bazel commands the pipeline needs, in the SCION checkout.</summary>
public interface IBazel
{
    /// <summary>Runs <c>bazel query &lt;expression&gt;</c>, which prints one target per line.</summary>
    /// <param name="expression">The query expression.</param>
    /// <returns>How bazel ended; a non-zero exit code means the query failed.</returns>
    CommandResult Query(string expression);
}
